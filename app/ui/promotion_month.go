package ui

import (
	"math"

	"fyne.io/fyne/v2/lang"

	"mixplan/planner"
)

// curvePeriods are the choices of the Promotion screen's curve: the whole
// year first, then each month of the plan ("Jan 27"…).
func curvePeriods(p *planner.Plan) []string {
	return append([]string{lang.L("Whole year")}, shortMonths(planner.MonthLabels(p.Start, p.Months))...)
}

// monthCurve samples what a spend placed in month t alone brings, from 0 to
// upTo in n+1 points: the extra units of month t and of the months its
// carryover reaches (pressure (1 − λ) λ^j s in month t + j, lost after the
// horizon), each with its month's responsiveness (model.md §2.1), and the
// contribution they add less the spend.
//
// Decision where the issue is silent: the month is shown alone, the other
// months' spends left out, so the curve is the month's own saturation (a
// month bunched with its neighbours' carryover saturates sooner than this).
func monthCurve(ch *planner.Channel, t, n int, upTo float64) []planner.CurvePoint {
	if n < 1 {
		n = 1
	}
	pts := make([]planner.CurvePoint, n+1)
	for i := range pts {
		s := upTo * float64(i) / float64(n)
		lift := monthSpendLift(ch, t, s)
		pts[i] = planner.CurvePoint{Spend: s, LiftUnits: lift * ch.UnitsPerLift, Contribution: ch.Value*lift - s}
	}
	return pts
}

// monthSpendLift is the lift (at reference price) of spend s in month t
// alone, its carryover included.
func monthSpendLift(ch *planner.Channel, t int, s float64) float64 {
	if s <= 0 {
		return 0
	}
	lift, x := 0.0, (1-ch.Carryover)*s
	for u := t; u < len(ch.Flighting) && x > 0; u++ {
		lift += ch.MonthLift(u, x)
		x *= ch.Carryover
	}
	return lift
}

// monthCurveRange is the spend range a month's curve is drawn over: twice
// the largest of the spend that brings the month half its saturation, the
// month's spend now and its cap.
func monthCurveRange(ch *planner.Channel, spendNow float64) float64 {
	hi := ch.MonthHalfSpend() / (1 - ch.Carryover)
	hi = math.Max(hi, spendNow)
	if !math.IsInf(ch.MaxPerMonth, 1) {
		hi = math.Max(hi, ch.MaxPerMonth)
	}
	if hi <= 0 {
		hi = 1
	}
	return 2 * hi
}
