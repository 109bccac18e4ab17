package planner

// The data behind every chart of Mixplan. The PDF report and the desktop
// window draw the same series, so both show the same figures.

// BridgeStep is one bar of the contribution bridge (a waterfall): gross sales,
// then each deduction, then contribution. A total bar stands on zero; a
// deduction floats from Start down to End.
type BridgeStep struct {
	Key   string  // grossSales, channelMargins, cogs, logistics, marketingSpend, contribution
	Value float64 // signed: deductions are negative
	Start float64 // where the bar begins
	End   float64 // where the bar ends (running total after this step)
	Total bool    // true for gross sales and contribution
}

// Bridge returns the contribution bridge of a report: gross sales → channel
// margins → cost of goods → logistics → marketing → contribution.
func Bridge(r *Report) []BridgeStep {
	t := r.Totals
	steps := []BridgeStep{{Key: "grossSales", Value: t.GrossSales, Start: 0, End: t.GrossSales, Total: true}}
	running := t.GrossSales
	for _, d := range []struct {
		key string
		v   float64
	}{
		{"channelMargins", t.ChannelMargins}, {"cogs", t.COGS},
		{"logistics", t.Logistics}, {"marketingSpend", t.MarketingSpend},
	} {
		steps = append(steps, BridgeStep{Key: d.key, Value: -d.v, Start: running, End: running - d.v})
		running -= d.v
	}
	return append(steps, BridgeStep{Key: "contribution", Value: t.Contribution, Start: 0, End: t.Contribution, Total: true})
}

// CurvePoint is one point of a channel's response curve.
type CurvePoint struct {
	Spend        float64
	LiftUnits    float64 // units sold thanks to the spend
	Contribution float64 // incremental contribution minus the spend
}

// ResponseCurve samples channel c's response from 0 to upTo in n+1 evenly
// spaced points. upTo ≤ 0 picks a range that shows the curve's shape: twice
// the larger of the half-saturation spend, the current spend and the bound.
func (m *Model) ResponseCurve(c, n int, upTo float64) []CurvePoint {
	ch := &m.Channels[c]
	if upTo <= 0 {
		upTo = CurveRange(ch)
	}
	if n < 1 {
		n = 1
	}
	pts := make([]CurvePoint, n+1)
	for i := range pts {
		s := upTo * float64(i) / float64(n)
		lift := ch.Lift(s)
		pts[i] = CurvePoint{Spend: s, LiftUnits: lift * ch.UnitsPerLift, Contribution: ch.Value*lift - s}
	}
	return pts
}

// CurveRange is a spend range that shows a channel's curve, its current spend
// and its finite upper bound.
func CurveRange(ch *Channel) float64 {
	r := 2 * ch.Half
	if ch.Spend*1.25 > r {
		r = ch.Spend * 1.25
	}
	if ch.Max < 1e300 && ch.Max*1.1 > r {
		r = ch.Max * 1.1
	}
	return r
}

// BudgetSlice is one part of the marketing budget across the 4Ps.
type BudgetSlice struct {
	Group string // "product" (launch costs), "place" (fixed costs), "promotion" (spend)
	ID    string // the product, place or promotion id
	Name  string
	Value float64
}

// BudgetSplit breaks marketing spend into launch costs per product, fixed
// costs per place and spend per promotion channel, skipping zero entries.
func BudgetSplit(p *Plan) []BudgetSlice {
	var out []BudgetSlice
	for _, pr := range p.Products {
		if pr.LaunchCost != 0 {
			out = append(out, BudgetSlice{"product", pr.ID, pr.Name, pr.LaunchCost})
		}
	}
	for _, pl := range p.Places {
		if pl.FixedCost != 0 {
			out = append(out, BudgetSlice{"place", pl.ID, pl.Name, pl.FixedCost})
		}
	}
	for _, pm := range p.Promotions {
		if pm.Spend != 0 {
			out = append(out, BudgetSlice{"promotion", pm.ID, pm.Name, pm.Spend})
		}
	}
	return out
}
