package planner

import (
	"math"
	"sort"
)

// relaxation is the answer of the budget problem with every channel's curve
// replaced by its concave envelope on the channel's interval in a
// branch-and-bound node. Its value bounds the node's optimum from above; its
// spends are feasible, and exact wherever no channel sits inside the linear
// part of its envelope.
type relaxation struct {
	feasible bool
	mu       float64   // price of a unit of spend: κ + the budget's multiplier
	spend    []float64 // the envelope problem's optimal spends
	upper    float64   // upper bound on the node's optimum
	lower    float64   // the true objective at spend (a feasible point)
	branch   int       // the channel with the largest gap between envelope and curve, or −1
	gap      float64   // that gap
}

// relaxer solves the envelope problem; it keeps scratch space between nodes.
type relaxer struct {
	p      *budgetProblem
	lo, hi []float64 // responses at the current μ
	warm   []float64 // last interior responses, to start Newton's method near the answer
	breaks []float64
}

func newRelaxer(p *budgetProblem) *relaxer {
	n := len(p.curves)
	return &relaxer{p: p, lo: make([]float64, n), hi: make([]float64, n), warm: make([]float64, n)}
}

// responses fills r.lo and r.hi at μ and returns their sums.
func (r *relaxer) responses(env []envelope, mu float64) (sumLo, sumHi float64) {
	for c := range env {
		lo, hi := env[c].respond(&r.p.curves[c], mu, r.warm[c])
		if lo == hi && lo > env[c].t && lo < env[c].u {
			r.warm[c] = lo
		}
		r.lo[c], r.hi[c] = lo, hi
		sumLo += lo
		sumHi += hi
	}
	return sumLo, sumHi
}

// solve computes the relaxation of the node whose intervals' envelopes are env.
func (r *relaxer) solve(env []envelope, out *relaxation) {
	p := r.p
	n := len(env)
	if cap(out.spend) < n {
		out.spend = make([]float64, n)
	}
	out.spend = out.spend[:n]
	out.feasible, out.branch, out.gap = true, -1, 0
	B, kappa := p.budget, p.kappa

	sumL := 0.0
	for c := range env {
		sumL += env[c].l
	}
	if sumL > B*(1+1e-12)+1e-9 {
		out.feasible = false
		return
	}
	mu := kappa
	sumLo, sumHi := r.responses(env, mu)
	switch {
	case math.IsInf(B, 1) || sumLo <= B:
		// The budget does not bind: every channel at its best for κ alone.
		copy(out.spend, r.lo)
	case sumL >= B*(1-1e-15):
		// The minimums use the whole budget: the only feasible point.
		for c := range env {
			out.spend[c] = env[c].l
		}
		mu = math.Inf(1)
	default:
		_ = sumHi
		mu = r.price(env, B)
		r.fill(env, B)
		copy(out.spend, r.lo)
	}
	out.mu = mu

	// Upper bound: the Lagrangian dual at μ, valid for any μ ≥ κ. At μ = +Inf
	// (all channels at their minimums) the node holds one point, its value.
	upper, lower := 0.0, 0.0
	for c := range env {
		cv := &p.curves[c]
		s := out.spend[c]
		ev := env[c].value(cv, s)
		gv := cv.g(s)
		lower += gv - kappa*s
		if math.IsInf(mu, 1) {
			upper += gv - kappa*s
		} else {
			upper += ev - mu*s
		}
		if gap := ev - gv; gap > out.gap {
			out.gap, out.branch = gap, c
		}
	}
	if !math.IsInf(mu, 1) && !math.IsInf(B, 1) {
		upper += (mu - kappa) * B
	}
	out.upper, out.lower = math.Max(upper, lower), lower
}

// price finds μ > κ at which the envelope problem spends exactly B: the
// total response falls with μ, continuously except at the slopes of the
// linear parts, where a channel jumps from l to t. Those jumps are known, so
// a search over them finds the interval holding μ, and a safeguarded secant
// search in log μ finishes inside it. On return r.lo and r.hi hold the
// responses at μ.
func (r *relaxer) price(env []envelope, B float64) float64 {
	kappa := r.p.kappa
	r.breaks = r.breaks[:0]
	for c := range env {
		e := &env[c]
		if e.t > e.l && e.slope > kappa && !math.IsInf(e.slope, 1) {
			r.breaks = append(r.breaks, e.slope)
		}
	}
	sort.Float64s(r.breaks)
	// Total spend at μ (lowest response at ties) is > B at muLo and ≤ B at muHi.
	muLo, muHi := kappa, math.Inf(1)
	lo, hi := 0, len(r.breaks)
	for lo < hi {
		mid := (lo + hi) / 2
		sigma := r.breaks[mid]
		sLo, sHi := r.responses(env, sigma)
		switch {
		case sLo > B:
			muLo, lo = sigma, mid+1
		case sHi < B:
			muHi, hi = sigma, mid
		default:
			return sigma // a channel's jump spans B: it takes the remainder
		}
	}
	// No jump between muLo and muHi: the total response is continuous and
	// falling there. Newton's method in log μ, with the exact slope, kept
	// inside the bracket by bisection.
	if math.IsInf(muHi, 1) {
		step := math.Max(muLo, 1e-12)
		for {
			muHi = muLo + step
			if s, _ := r.responses(env, muHi); s <= B {
				break
			}
			muLo, step = muHi, step*16
			if math.IsInf(muHi, 1) {
				return muHi
			}
		}
	}
	if muLo <= 0 {
		muLo = muHi * 1e-6
		for s, _ := r.responses(env, muLo); s <= B && muLo > 1e-300; s, _ = r.responses(env, muLo) {
			muLo *= 1e-6
		}
	}
	a, b := math.Log(muLo), math.Log(muHi)
	z := 0.5 * (a + b)
	for i := 0; i < 200; i++ {
		mu := math.Exp(z)
		s, _ := r.responses(env, mu)
		excess := s - B
		if excess == 0 {
			return mu
		}
		if excess > 0 {
			a = z
		} else {
			b = z
		}
		if math.Abs(excess) <= 1e-13*B {
			break
		}
		if b-a <= 1e-15*math.Max(1, math.Abs(a)) {
			z = b // the side that spends no more than B
			break
		}
		next := z - excess/(mu*r.slope(env, mu))
		if !(next > a && next < b) {
			next = 0.5 * (a + b)
		}
		z = next
	}
	// Any rounding excess over B is taken back by fill.
	mu := math.Exp(z)
	r.responses(env, mu)
	return mu
}

// slope is d(total response)/dμ at μ, from the channels answering inside
// the concave part of their curve: there g'(s) = μ, so ds/dμ = 1 / g”(s).
// r.lo must hold the responses at μ.
func (r *relaxer) slope(env []envelope, mu float64) float64 {
	d := 0.0
	for c := range env {
		s := r.lo[c]
		if s != r.hi[c] || s <= env[c].t || s >= env[c].u {
			continue
		}
		if g2 := r.p.curves[c].d2g(s); g2 < 0 {
			d += 1 / g2
		}
	}
	return d
}

// fill sets r.lo to a point of the envelope problem that spends at most B:
// the responses at μ, with the channels whose response is a range (a tie at
// μ) taking what is left, in the plan's order; any rounding excess is taken
// back from the channel with the most room.
func (r *relaxer) fill(env []envelope, B float64) {
	left := B
	for c := range env {
		left -= r.lo[c]
	}
	for c := range env {
		if left <= 0 {
			break
		}
		if extra := math.Min(r.hi[c]-r.lo[c], left); extra > 0 {
			r.lo[c] += extra
			left -= extra
		}
	}
	if left < 0 {
		best, room := -1, 0.0
		for c := range env {
			if d := r.lo[c] - env[c].l; d > room {
				best, room = c, d
			}
		}
		if best >= 0 {
			r.lo[best] -= math.Min(-left, room)
		}
	}
}
