package plangen

import (
	"fmt"
	"math/rand"

	"mixplan/planner"
)

// The fields of format version 2. They draw from a random stream of their
// own, so a plan generated with them has the same products, places and
// channels as without.

// addMonthly gives about a third of the channels carryover, a third
// seasonal responsiveness and a quarter a monthly cap, and groups the
// channels in twos and threes with bounds the current spends meet.
func addMonthly(p *planner.Plan, seed int64) {
	rng := rand.New(rand.NewSource(seed ^ 0x6d6f6e7468)) // "month"
	for c := range p.Promotions {
		pm := &p.Promotions[c]
		if rng.Intn(3) == 0 {
			pm.Response.Carryover = 0.7 * rng.Float64()
		}
		if rng.Intn(3) == 0 {
			pm.Responsiveness = weights(rng, p.Months)
		}
		if rng.Intn(4) == 0 {
			pm.MaxPerMonth = planner.Float(pm.Spend / float64(p.Months) * (2 + 3*rng.Float64()))
		}
	}
	for start, g := 0, 0; start+1 < len(p.Promotions) && g < 10; g++ {
		size := 2 + rng.Intn(2)
		if start+size > len(p.Promotions) {
			size = len(p.Promotions) - start
		}
		grp := planner.Group{ID: fmt.Sprintf("g%d", g), Name: fmt.Sprintf("Group %d", g), MaxShare: 1}
		total := 0.0
		for _, pm := range p.Promotions[start : start+size] {
			grp.Promotions = append(grp.Promotions, pm.ID)
			total += pm.Spend
		}
		switch rng.Intn(3) {
		case 0:
			grp.Min = total * rng.Float64()
		case 1:
			grp.Max = planner.Float(total * (1 + rng.Float64()))
		default:
			grp.MaxShare = 0.5 + 0.5*rng.Float64()
		}
		p.Groups = append(p.Groups, grp)
		start += size
	}
}

// WithActuals returns a copy of p with `through` months closed: about half
// the channels record their spends (the plan's ±30 %), some a measured lift
// and a funnel, some a commitment; about half the products record units, some
// net revenue too. The same seed gives the same actuals.
func WithActuals(p *planner.Plan, through int, seed int64) *planner.Plan {
	rng := rand.New(rand.NewSource(seed ^ 0x616374)) // "act"
	q := p.Clone()
	if through > q.Months {
		through = q.Months
	}
	a := &planner.Actuals{Through: through, Credibility: float64(rng.Intn(7)),
		Promotions: map[string]planner.PromotionActuals{}, Products: map[string]planner.ProductActuals{}}
	series := func(scale float64) []float64 {
		out := make([]float64, through)
		for t := range out {
			out[t] = scale * (0.7 + 0.6*rng.Float64())
		}
		return out
	}
	for _, pm := range q.Promotions {
		if rng.Intn(2) == 0 {
			continue
		}
		var pa planner.PromotionActuals
		share := planner.MonthShare(pm.Flighting, q.Months, 0)
		pa.Spend = series(pm.Spend * share)
		if rng.Intn(3) == 0 {
			pa.LiftUnits = series(pm.Response.MaxUnits / float64(q.Months) / 3)
		}
		if rng.Intn(3) == 0 {
			pa.Impressions = series(1e5)
			pa.Clicks = series(2e3)
			pa.Conversions = series(1e2)
		}
		if rng.Intn(3) == 0 {
			pa.Committed = pm.Spend * 0.2 * rng.Float64()
		}
		a.Promotions[pm.ID] = pa
	}
	for _, pr := range q.Products {
		if rng.Intn(2) == 0 {
			continue
		}
		var pa planner.ProductActuals
		pa.Units = series(pr.BaseVolume / float64(q.Months))
		if rng.Intn(2) == 0 {
			pa.NetRevenue = make([]float64, through)
			for t, u := range pa.Units {
				pa.NetRevenue[t] = u * pr.ListPrice * (0.5 + 0.3*rng.Float64())
			}
		}
		a.Products[pr.ID] = pa
	}
	q.Actuals = a
	return q
}

// WithRanges returns a copy of p with up to n uncertainty ranges on inputs
// picked at random, each around the plan's value and within its rule.
func WithRanges(p *planner.Plan, n int, seed int64) *planner.Plan {
	rng := rand.New(rand.NewSource(seed ^ 0x72616e6765)) // "range"
	q := p.Clone()
	seen := map[string]bool{}
	add := func(of string, low, value, high float64) {
		if seen[of] {
			return
		}
		seen[of] = true
		q.Ranges = append(q.Ranges, planner.Range{Of: of, Low: keepSide(low, value, true), High: keepSide(high, value, false)})
	}
	for tries := 0; len(q.Ranges) < n && tries < 20*n; tries++ {
		spread := 0.05 + 0.3*rng.Float64()
		switch k := rng.Intn(3); {
		case k == 0 && len(q.Products) > 0:
			pr := q.Products[rng.Intn(len(q.Products))]
			switch rng.Intn(3) {
			case 0:
				add("products."+pr.ID+".baseVolume", pr.BaseVolume*(1-spread), pr.BaseVolume, pr.BaseVolume*(1+spread))
			case 1:
				add("products."+pr.ID+".unitCost", pr.UnitCost*(1-spread), pr.UnitCost, pr.UnitCost*(1+spread))
			default:
				e := pr.Elasticity
				add("products."+pr.ID+".elasticity", max(-20, e*(1+spread)-0.2), e, min(0, e*(1-spread)+0.1))
			}
		case k == 1 && len(q.Places) > 0:
			pl := q.Places[rng.Intn(len(q.Places))]
			if rng.Intn(2) == 0 {
				m := pl.MarginPct
				add("places."+pl.ID+".marginPct", max(0, m-0.1*spread), m, min((1+m)/2, m+0.1*spread))
			} else {
				add("places."+pl.ID+".unitCost", pl.UnitCost*(1-spread), pl.UnitCost, pl.UnitCost*(1+spread))
			}
		case k == 2 && len(q.Promotions) > 0:
			pm := q.Promotions[rng.Intn(len(q.Promotions))]
			r := pm.Response
			switch rng.Intn(4) {
			case 0:
				add("promotions."+pm.ID+".maxUnits", r.MaxUnits*(1-spread), r.MaxUnits, r.MaxUnits*(1+spread))
			case 1:
				add("promotions."+pm.ID+".halfSpend", r.HalfSpend*(1-spread/2), r.HalfSpend, r.HalfSpend*(1+spread))
			case 2:
				add("promotions."+pm.ID+".shape", r.Shape*(1-spread/2), r.Shape, min(10, r.Shape*(1+spread)))
			default:
				add("promotions."+pm.ID+".carryover", max(0, r.Carryover-spread), r.Carryover, min(planner.MaxCarryover, r.Carryover+spread))
			}
		}
	}
	return q
}

// keepSide keeps a bound on its side of the plan's value despite rounding.
func keepSide(bound, value float64, low bool) float64 {
	if low {
		return min(bound, value)
	}
	return max(bound, value)
}
