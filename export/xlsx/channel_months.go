package xlsx

import (
	"math"

	"mixplan/planner"
)

// channelMonths works out channel c's months as the Months sheet's blocks
// compute them (docs/model.md §2.1), in the same order of operations so the
// cached values are LibreOffice's: the month's spend, the pressure it feels
// (x_t = λ x_t−1 + (1 − λ) spend_t), the pressure one unit of the channel's
// spend brings (a_t, the same recursion over the flighting's shares), the
// month's lift and the lift one more unit of spend brings that month.
func (fg *bookFigures) channelMonths(c int, pm planner.Promotion) {
	ch := &fg.m.Channels[c]
	n := fg.m.Plan.Months
	fg.monthSpend[c], fg.pressure[c], fg.perSpend[c] = make([]float64, n), make([]float64, n), make([]float64, n)
	fg.monthLift[c], fg.marginalLift[c] = make([]float64, n), make([]float64, n)
	lambda := pm.Response.Carryover
	maxPerMonth, halfPerMonth, k := ch.MaxUnits/float64(n), pm.Response.HalfSpend/float64(n), pm.Response.Shape
	x, a := 0.0, 0.0
	for t := range n {
		share := 1 / float64(n)
		if fg.flightScale[c] != 0 {
			share = pm.Flighting[t] * fg.flightScale[c]
		}
		spend := pm.Spend / float64(n)
		if fg.flightScale[c] != 0 {
			spend = pm.Flighting[t] * fg.flightScale[c] * pm.Spend
		}
		x = lambda*x + (1-lambda)*spend
		a = lambda*a + (1-lambda)*share
		rho := 1.0
		if fg.respScale[c] != 0 {
			rho = pm.Responsiveness[t] * fg.respScale[c]
		}
		fg.monthSpend[c][t], fg.pressure[c][t], fg.perSpend[c][t] = spend, x, a
		fg.monthLift[c][t] = monthLift(x, rho, maxPerMonth, halfPerMonth, k)
		fg.marginalLift[c][t] = monthMarginalLift(x, a, rho, maxPerMonth, halfPerMonth, k)
	}
}

// monthLift is ρ × (M/n) × x^k / (x^k + (H/n)^k), written as the workbook's
// formula writes it.
func monthLift(x, rho, maxPerMonth, halfPerMonth, k float64) float64 {
	if x <= 0 || maxPerMonth == 0 {
		return 0
	}
	if k == 1 {
		return rho * maxPerMonth * (x / (x + halfPerMonth))
	}
	return rho * maxPerMonth * (1 / (1 + math.Pow(halfPerMonth/x, k)))
}

// monthMarginalLift is ρ × (M/n) × h'(x) × a: the month's extra units of one
// more unit of the channel's spend. With no pressure it is the slope at 0
// (finite for a shape of 1 and above; a shape below 1 makes the marginal ROI
// n/a, which the Promotion sheet says without this figure).
func monthMarginalLift(x, a, rho, maxPerMonth, halfPerMonth, k float64) float64 {
	switch {
	case a <= 0 || maxPerMonth == 0:
		return 0
	case x <= 0 && k == 1:
		return rho * maxPerMonth / halfPerMonth * a
	case x <= 0:
		return 0
	}
	r := math.Pow(halfPerMonth/x, k)
	return rho * maxPerMonth * k / (x * (r + 2 + 1/r)) * a
}

func sum(xs []float64) float64 {
	total := 0.0
	for _, x := range xs {
		total += x
	}
	return total
}
