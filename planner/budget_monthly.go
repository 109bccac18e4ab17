package planner

import "math"

// The budget optimiser of budget_*.go works on one Hill curve per channel.
// Under the monthly model (docs/model.md §2.1) a channel's lift at spend s
// with its flighting is a sum of monthly Hill curves, Σ_t ρ_t (M/n)
// φ(s a_t / (H/n)). When every month that feels pressure feels the same
// share of it (flat flighting over the months it runs, no carryover), that
// sum is exactly one Hill curve and this optimiser stays exact. Otherwise
// it optimises the Hill curve with the same saturation and the same
// half-saturation spend, and reports the answer's figures with the exact
// monthly curves. The exact optimiser of the monthly model (branch and bound
// over sums of monthly curves, planner/internal/alloc) replaces it.

// hillEquivalent returns the saturation and half-saturation spend of the
// single Hill curve (shape ch.Shape) that optimise.go uses for the channel,
// and whether it is the channel's curve exactly.
func (ch *Channel) hillEquivalent() (maxUnits, half float64, exact bool) {
	n := float64(len(ch.Pressure))
	rho, share := 0.0, 0.0 // Σ ρ_t over the months that feel pressure; their pressure share
	exact = true
	for t, a := range ch.Pressure {
		if a <= 0 {
			continue
		}
		rho += ch.Responsiveness[t]
		if share == 0 {
			share = a
		} else if math.Abs(a-share) > 1e-12*share {
			exact = false
		}
	}
	maxUnits = ch.MaxUnits * rho / n
	if share == 0 || maxUnits <= 0 {
		return 0, ch.Half, true
	}
	if exact {
		// Σ_t ρ_t (M/n) φ(s a / (H/n)) = (M Σρ/n) φ(s / (H/(n a))).
		return maxUnits, ch.Half / (n * share), true
	}
	// The spend at which the monthly curves bring half their saturation:
	// lift is increasing in s, so bisect in log s.
	lo, hi := ch.Half*1e-6, ch.Half*1e6
	for i := 0; i < 200 && hi-lo > 1e-12*hi; i++ {
		mid := math.Sqrt(lo * hi)
		if ch.Lift(mid) < maxUnits/2 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return maxUnits, math.Sqrt(lo * hi), false
}

// flightingCap is the most spend_c can be with the channel's flighting
// while no month spends more than MaxPerMonth: MaxPerMonth / max_t f_t.
func (ch *Channel) flightingCap() float64 {
	if math.IsInf(ch.MaxPerMonth, 1) {
		return math.Inf(1)
	}
	top := 0.0
	for _, f := range ch.Flighting {
		top = math.Max(top, f)
	}
	if top == 0 {
		return math.Inf(1)
	}
	return ch.MaxPerMonth / top
}
