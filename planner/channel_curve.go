package planner

import "math"

// The monthly response of a promotion channel (docs/model.md §2.1). Each
// month holds 1/n of the channel's curve: month t answers the pressure x it
// feels with
//
//	lift_t(x) = ρ_t × (M/n) × x^k / (x^k + (H/n)^k)
//
// and the pressure carries over geometrically: x_t = λ x_{t−1} + (1 − λ) s_t.

// setMonths normalises the flighting (to sum 1) and the responsiveness (to
// mean 1), flat when absent or unusable, and derives the pressure each month
// feels per unit of the channel's spend.
func (ch *Channel) setMonths(n int, flighting, responsiveness []float64) {
	ch.setMonthsIn(make([]float64, 3*max(n, 0)), n, flighting, responsiveness)
}

// setMonthsIn is setMonths with the channel's monthly lists in buf (3n long).
func (ch *Channel) setMonthsIn(buf []float64, n int, flighting, responsiveness []float64) {
	if n < 1 {
		return
	}
	ch.Flighting, ch.Responsiveness, ch.Pressure = buf[:n:n], buf[n:2*n:2*n], buf[2*n:]
	if total := weightSum(flighting, n); total > 0 {
		for t := range n {
			ch.Flighting[t] = flighting[t] / total
		}
	} else {
		for t := range n {
			ch.Flighting[t] = 1 / float64(n)
		}
	}
	if total := weightSum(responsiveness, n); total > 0 {
		for t := range n {
			ch.Responsiveness[t] = float64(n) * responsiveness[t] / total
		}
	} else {
		for t := range n {
			ch.Responsiveness[t] = 1
		}
	}
	carryPressure(ch.Carryover, ch.Flighting, ch.Pressure)
}

// carryPressure writes into x the pressure each month feels from the monthly
// spends s: x_t = (1 − λ) Σ_{u ≤ t} λ^(t−u) s_u. Pressure still due after the
// last month is lost.
func carryPressure(lambda float64, s, x []float64) {
	prev := 0.0
	for t, st := range s {
		prev = lambda*prev + (1-lambda)*st
		x[t] = prev
	}
}

// saturation is x^k / (x^k + h^k), 0 at x ≤ 0; written 1 / (1 + (h/x)^k) so that
// large and small k neither overflow nor lose the curve.
func saturation(x, h, k float64) float64 {
	if x <= 0 {
		return 0
	}
	if k == 1 {
		return x / (x + h)
	}
	return 1 / (1 + math.Pow(h/x, k))
}

// saturationSlope is the derivative of saturation in x, +Inf at 0 when k < 1. With
// r = (h/x)^k it is k r / (x (1 + r)²) = k / (x (r + 2 + 1/r)), which stays
// finite (0) where r overflows or vanishes.
func saturationSlope(x, h, k float64) float64 {
	if x <= 0 {
		switch {
		case k < 1:
			return math.Inf(1)
		case k == 1:
			return 1 / h
		default:
			return 0
		}
	}
	r := math.Pow(h/x, k)
	return k / (x * (r + 2 + 1/r))
}

// MonthMaxUnits is M/n, the saturation of one month's curve.
func (ch *Channel) MonthMaxUnits() float64 { return ch.MaxUnits / float64(len(ch.Flighting)) }

// MonthHalfSpend is H/n, the pressure that brings half of one month's saturation.
func (ch *Channel) MonthHalfSpend() float64 { return ch.Half / float64(len(ch.Flighting)) }

// MonthLift is lift_t(x): the extra units at reference price month t brings
// when it feels pressure x.
func (ch *Channel) MonthLift(t int, x float64) float64 {
	if ch.MaxUnits == 0 {
		return 0
	}
	return ch.Responsiveness[t] * ch.MonthMaxUnits() * saturation(x, ch.MonthHalfSpend(), ch.Shape)
}

// Lift is lift_c at spend s with the channel's flighting: Σ_t lift_t(s × a_t),
// the extra units at reference price.
func (ch *Channel) Lift(s float64) float64 {
	if s <= 0 || ch.MaxUnits == 0 {
		return 0
	}
	m, h := ch.MonthMaxUnits(), ch.MonthHalfSpend()
	total := 0.0
	for t, a := range ch.Pressure {
		if a > 0 {
			total += ch.Responsiveness[t] * m * saturation(s*a, h, ch.Shape)
		}
	}
	return total
}

// Slope is dlift_c: the lift of one more unit of spend s spread by the
// channel's flighting, Σ_t ρ_t (M/n) h'(s a_t) a_t. Months that feel no
// pressure whatever the spend (a_t = 0) add nothing. +Inf at s = 0 when the
// shape is below 1.
func (ch *Channel) Slope(s float64) float64 {
	if ch.MaxUnits == 0 {
		return 0
	}
	m, h := ch.MonthMaxUnits(), ch.MonthHalfSpend()
	total := 0.0
	for t, a := range ch.Pressure {
		if a > 0 {
			total += ch.Responsiveness[t] * m * saturationSlope(math.Max(s, 0)*a, h, ch.Shape) * a
		}
	}
	return total
}

// Contribution is v_c × lift_c(s) − s: what spend s adds to the plan's contribution.
func (ch *Channel) Contribution(s float64) float64 { return ch.Value*ch.Lift(s) - s }

// MonthlySpend writes spend_ct = f_t × s into out (allocated when nil) and returns it.
func (ch *Channel) MonthlySpend(s float64, out []float64) []float64 {
	if out == nil {
		out = make([]float64, len(ch.Flighting))
	}
	for t, f := range ch.Flighting {
		out[t] = f * s
	}
	return out
}

// MonthlyLift writes lift_ct for any monthly spends (free flighting) into
// lift, which must be as long as spends, and returns their sum. The
// pressure of month t depends on the spends of months ≤ t only.
func (ch *Channel) MonthlyLift(spends, lift []float64) float64 {
	carryPressure(ch.Carryover, spends, lift)
	total := 0.0
	for t, x := range lift {
		lift[t] = ch.MonthLift(t, x)
		total += lift[t]
	}
	return total
}
