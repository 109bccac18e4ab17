package planner_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestLimitsRefuseOverflowingPlans: the finite inputs issue 11 found
// overflowing to Inf or NaN in report, export and optimize are refused by
// validation, each at its path with the rule in words.
func TestLimitsRefuseOverflowingPlans(t *testing.T) {
	for _, tc := range []struct {
		name, path string
		value      any
		want       string
	}{
		{"base volume 1e307", "products[0].baseVolume", json.Number("1e307"), "must be at most 1000000000000, the most a plan may hold, not 1e+307"},
		{"spend 1e308", "promotions[0].spend", json.Number("1e308"), "must be at most 1000000000000"},
		{"list price 5e-324", "products[0].listPrice", json.Number("5e-324"), "must be at least 0.000001, the least a plan may hold, not 5e-324"},
		{"reference price 1e-9", "products[0].referencePrice", json.Number("1e-9"), "must be at least 0.000001"},
		{"half spend 1e-300", "promotions[0].response.halfSpend", json.Number("1e-300"), "must be at least 0.000001"},
		{"units per customer 1e-300", "products[0].unitsPerCustomer", json.Number("1e-300"), "must be at least 0.000001"},
		{"scenario factor 1e307", "scenarios[0].volume", json.Number("1e307"), "must be between 0.001 and 1000, not 1e+307"},
		{"scenario price factor 1e-300", "scenarios[0].unitCost", json.Number("1e-300"), "must be between 0.001 and 1000"},
		{"seasonality weight 1e308", "products[0].seasonality[0]", json.Number("1e308"), "must be at most 1000000000000"},
		{"fixed cost 1e300", "places[0].fixedCost", json.Number("1e300"), "must be at most 1000000000000"},
		{"launch cost 1e300", "products[0].launchCost", json.Number("1e300"), "must be at most 1000000000000"},
		{"max units 1e300", "promotions[0].response.maxUnits", json.Number("1e300"), "must be at most 1000000000000"},
		{"budget target 1e300", "targets.budget", json.Number("1e300"), "must be at most 1000000000000"},
		{"revenue target -1e300", "targets.revenue", json.Number("-1e300"), "must be at most 1000000000000"},
		{"discount rate 1e300", "discountRate", json.Number("1e300"), "must be between 0 and 10"},
		{"price so low the elasticity explodes", "products[0].discountPct", json.Number("0.999999999"), "this elasticity makes the base volume"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.path
			if strings.HasSuffix(tc.name, "explodes") {
				path = "products[0].elasticity"
			}
			ps := problemsOf(t, editV2(t, tc.path, tc.value))
			for _, p := range ps {
				if p.Path == path && strings.Contains(p.Message, tc.want) {
					return
				}
			}
			t.Errorf("no problem at %s saying %q; got %v", path, tc.want, ps)
		})
	}
}
