package ui

import (
	"context"
	"math"
	"slices"
	"testing"

	"mixplan/planner"
)

// TestPriceCurveIsThePlansContribution: each point of the Price screen's
// chart is the plan's contribution with the product at that list price, as
// planner.Evaluate computes it, in the plan's own prices under a scenario
// that scales them too.
func TestPriceCurveIsThePlansContribution(t *testing.T) {
	p := samplePlan(t)
	for _, tc := range []struct {
		name, scenario string
		product        int
	}{
		{"base plan", planner.BaseScenario, 0},
		{"a scenario that raises prices 5 %", "price-up", 1},
		{"a scenario that changes volumes", "downturn", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := advise(context.Background(), priceJob{plan: p, scenario: tc.scenario, product: p.Products[tc.product].ID})
			if err != nil {
				t.Fatal(err)
			}
			for j := 0; j < len(a.Curve); j += 7 {
				pt := a.Curve[j]
				c := p.Clone()
				c.Products[tc.product].ListPrice = pt.Price
				r, err := planner.Evaluate(c, tc.scenario)
				if err != nil {
					t.Fatal(err)
				}
				if want := r.Totals.Contribution; math.Abs(pt.Contribution-want) > 1e-9*math.Abs(want) {
					t.Errorf("at %v the curve says %v, the plan %v", pt.Price, pt.Contribution, want)
				}
			}
			if !slices.ContainsFunc(a.Curve, func(pt pricePoint) bool { return pt.Price == a.ListPrice && pt.Contribution == a.Today }) {
				t.Errorf("today's price %v is not on the curve", a.ListPrice)
			}
		})
	}
}
