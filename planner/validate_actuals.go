package planner

import "sort"

// Validation of the actuals (docs/model.md §2.3): the number of closed
// months, the credibility, and per channel and product lists of exactly one
// number ≥ 0 per closed month, keyed by ids that exist.

func (p *Plan) validateActuals(ps *problems, products, promotions map[string]bool) {
	a := p.Actuals
	if a == nil {
		return
	}
	if a.Through < 0 || a.Through > p.Months {
		ps.add("actuals.through", "must be between 0 and the plan's months (%d), not %d", p.Months, a.Through)
	}
	nonNegative(ps, "actuals.credibility", a.Credibility)
	for _, id := range sortedKeysOf(a.Promotions) {
		pa := a.Promotions[id]
		path := field("actuals.promotions", id)
		if !promotions[id] {
			ps.add(path, "names promotion %q, which is not in the plan", id)
		}
		checkMonthly(ps, field(path, "spend"), pa.Spend, a.Through)
		nonNegative(ps, field(path, "committed"), pa.Committed)
		checkMonthly(ps, field(path, "liftUnits"), pa.LiftUnits, a.Through)
		checkMonthly(ps, field(path, "impressions"), pa.Impressions, a.Through)
		checkMonthly(ps, field(path, "clicks"), pa.Clicks, a.Through)
		checkMonthly(ps, field(path, "conversions"), pa.Conversions, a.Through)
	}
	for _, id := range sortedKeysOf(a.Products) {
		pa := a.Products[id]
		path := field("actuals.products", id)
		if !products[id] {
			ps.add(path, "names product %q, which is not in the plan", id)
		}
		checkMonthly(ps, field(path, "units"), pa.Units, a.Through)
		checkMonthly(ps, field(path, "netRevenue"), pa.NetRevenue, a.Through)
	}
}

// checkMonthly checks a recorded list: absent, or one number ≥ 0 per closed month.
func checkMonthly(ps *problems, path string, x []float64, through int) {
	if x == nil {
		return
	}
	if len(x) != through {
		ps.add(path, "has %d values, it must have one per closed month (%d)", len(x), through)
	}
	for i, v := range x {
		nonNegative(ps, index(path, i), v)
	}
}

func sortedKeysOf[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
