package alloc

import (
	"math"
	"sort"
)

// fillSlack is a candidate beside the repaired answer: x (feasible) with
// the slack of the rows the relaxation prices spent. Where two channels'
// envelopes have linear stretches of nearly the same slope, the dual
// search can stop at multipliers where one channel's answer sits at the
// end of its stretch and the other's at the start of its own, a priced
// row left slack (complementary slackness unmet): the relaxation's
// optimum spends that slack along the stretch, and its bound is that
// optimum's value, which the answers fall short of. With no envelope gap
// left to split, the node's bound then stayed above every candidate
// (found by the fuzzer). Here the channel that gains most takes what the
// rows leave it, a few times over. out receives the candidate; fillSlack
// reports whether it moved anything.
func (s *solver) fillSlack(x, out [][]float64) bool {
	m := s.m
	priced := false
	for _, v := range s.lastMu {
		if v > 0 {
			priced = true
		}
	}
	if !priced {
		return false
	}
	slack := make([]float64, len(m.b))
	totals := make([]float64, len(m.ch))
	for c := range m.ch {
		totals[c] = sum(x[c])
	}
	anySlack := false
	for r := range m.b {
		lhs, mag := 0.0, math.Abs(m.b[r])
		for c, a := range m.a[r] {
			lhs += a * totals[c]
			mag += math.Abs(a * totals[c])
		}
		slack[r] = m.b[r] - lhs
		if s.lastMu[r] > 0 && slack[r] > 1e-9*(1+mag) {
			anySlack = true
		}
	}
	if !anySlack {
		return false
	}
	for c := range m.ch {
		copy(out[c], x[c])
	}
	// Up to a few channels, each time the one whose true value gains
	// most from what the rows leave it (the relaxation's optimum moves
	// along a channel's stretch, which its slope alone does not tell:
	// another's answer may sit at the end of its own).
	moved := false
	trial := make([][]float64, len(m.ch))
	for round := 0; round < 4; round++ {
		best, bestGain, bestD := -1, 0.0, 0.0
		for c := range m.ch {
			st, ch := s.st[c], &m.ch[c]
			room := st.tu - totals[c]
			for r := range m.b {
				if a := m.a[r][c]; a > 0 {
					room = math.Min(room, slack[r]/a)
				}
			}
			if !(room > 0) || math.IsInf(room, 1) {
				continue
			}
			trial[c] = append(trial[c][:0], out[c]...)
			st.shift(ch, trial[c], room)
			d := sum(trial[c]) - totals[c]
			if !(d > 0) {
				continue
			}
			if gain := ch.value(trial[c]) - ch.value(out[c]) - m.kappa*d; gain > bestGain {
				best, bestGain, bestD = c, gain, d
			}
		}
		if best < 0 {
			break
		}
		copy(out[best], trial[best])
		totals[best] += bestD
		for r := range m.b {
			slack[r] -= m.a[r][best] * bestD
		}
		moved = true
	}
	return moved
}

// polishDual lowers a node's bound, before the node is left open with no
// envelope gap to split, by searching each row's multiplier alone, from
// mu, for the lowest rigorous bound: a bracket found by steps growing
// fourfold, then golden sections (the dual is convex in it; the bound at
// the answers nearly so, and any value found holds). The Newton search on
// the multipliers can stop short where a channel is saturated: its
// answer can sit anywhere on a nearly flat stretch, the row's slack
// changes sign from one answer to the next, the Hessian is huge and the
// steps vanish, and the bound stays above the optimum by what the row's
// price would take off (found by the fuzzer). It returns the lowest bound
// found, at most bound.
func (s *solver) polishDual(mu []float64, bound float64) float64 {
	m := s.m
	best := bound
	trial := append([]float64(nil), mu...)
	f := func(r int, v float64) float64 {
		trial[r] = v
		_, ub := s.evaluate(trial)
		if ub < best {
			best = ub
		}
		return ub
	}
	for r := range m.b {
		if s.late() {
			break
		}
		copy(trial, mu)
		// Bracket the minimum along μ_r ≥ 0: [a, c] around b, up first
		// by steps growing fourfold, down toward 0 if up fails at once.
		b, fb := mu[r], f(r, mu[r])
		a, c := b, b
		step := math.Max(mu[r], 1e-12*s.priceScale)
		prev, up := b, math.Inf(1)
		for i := 0; i < 60; i++ {
			x := mu[r] + step
			fx := f(r, x)
			if !(fx < fb) {
				up = x
				break
			}
			prev, b, fb = b, x, fx
			step *= 4
		}
		switch {
		case b != mu[r]:
			a, c = prev, up
			if math.IsInf(c, 1) {
				c = b
			}
		case mu[r] > 0:
			c = up
			if math.IsInf(c, 1) {
				c = b
			}
			step = 0.5 * mu[r]
			prev = b
			for i := 0; i < 60; i++ {
				x := math.Max(mu[r]-step, 0)
				fx := f(r, x)
				if !(fx < fb) {
					a = x
					break
				}
				prev, b, fb, a = b, x, fx, x
				if x == 0 {
					break
				}
				step = math.Min(4*step, mu[r])
			}
			if b != mu[r] {
				c = prev
			}
		default:
			c = up
			if math.IsInf(c, 1) {
				c = b
			}
		}
		// Golden sections on [a, c].
		const g = 0.381966011250105
		for i := 0; i < 50 && c-a > 1e-12*math.Max(c, s.priceScale); i++ {
			var x float64
			if b-a > c-b {
				x = b - g*(b-a)
			} else {
				x = b + g*(c-b)
			}
			fx := f(r, x)
			if fx < fb {
				if x < b {
					c = b
				} else {
					a = b
				}
				b, fb = x, fx
			} else if x < b {
				a = x
			} else {
				c = x
			}
		}
	}
	return best
}

// snapTotals is a candidate beside the repaired answer: x with every
// channel's total that lies within 1e-4 of one of its bounds moved onto
// it. A coupled channel's answer meets a total held at its minimum only to
// the active-set search's tolerance, a hair above it; where spending
// costs more than it brings there (which is why the minimum holds), that
// hair costs the candidate what the bound does not, and on a small
// objective more than the gap allows (found by the fuzzer). out receives
// the candidate; snapTotals reports whether it moved anything.
func (s *solver) snapTotals(x, out [][]float64) bool {
	moved := false
	for c := range s.m.ch {
		st, ch := s.st[c], &s.m.ch[c]
		copy(out[c], x[c])
		t := sum(x[c])
		for _, end := range []float64{st.tl, st.tu} {
			if d := end - t; d != 0 && math.Abs(d) <= 1e-4*(1+math.Abs(end)) {
				st.shift(ch, out[c], d)
				moved = true
				break
			}
		}
	}
	return moved
}

// linearCandidates tries, before a node is left open, each channel whose
// bound stands above its answer moved to where the bound's linear part is
// greatest (over its box and its total's range, the other channels kept):
// a saturated channel's slopes differ by 1e-6, below what the active-set
// search resolves, and its answer can stop short of the better variable
// by what the bound still counts (found by the fuzzer). Each is a
// candidate, kept when it meets every constraint and beats the incumbent;
// a coupled channel's bound is also taken again there and on the way
// (it holds at any point). It returns the node's bound at the multipliers of the answers
// (those of the last pricing), with those bounds.
func (s *solver) linearCandidates() float64 {
	m := s.m
	mu := s.lastEval
	bound := m.constant
	for r, b := range m.b {
		bound += mu[r] * b
	}
	for c := range m.ch {
		copy(s.filled[c], s.st[c].x)
	}
	for c := range m.ch {
		st, ch := s.st[c], &m.ch[c]
		ub := st.ub
		bound += ub
		if !(st.ub-st.hreg > 1e-3*s.tol()) {
			continue
		}
		p := m.kappa
		for r, a := range ch.col {
			p += mu[r] * a
		}
		coef := make([]float64, len(st.g))
		for j, g := range st.g {
			coef[j] = g - p
		}
		if !finite(coef) {
			continue
		}
		y := s.filled[c]
		st.linearArgmax(coef, st.tl, st.tu, y)
		s.consider(true)
		if !ch.separable {
			// Between the answer and y, at steps shrinking fourfold
			// toward the answer: where a concave curve's slope meets
			// the price at 1e-12 of the total (a shape just under 1),
			// the answer can be off by 0.3 % in slope, which the
			// linear part multiplies by the whole range (found by the
			// fuzzer).
			g := make([]float64, len(y))
			z := make([]float64, len(y))
			lowest := ub
			for t := 1.0; t > 1e-300; t *= 0.25 {
				moved := false
				for j := range z {
					z[j] = st.x[j] + t*(y[j]-st.x[j])
					if z[j] != st.x[j] {
						moved = true
					}
				}
				if !moved {
					break
				}
				if val := st.psiAll(ch, z, g, nil); finite(g) {
					lowest = math.Min(lowest, st.boundAt(ch, p, z, g, val))
				}
			}
			bound -= ub - lowest
		}
		copy(y, st.x)
	}
	return bound
}

// linearArgmax sets y to a maximizer of coef·y over the box with
// tl ≤ Σ y ≤ tu: linearGain's greedy fill.
func (st *chanState) linearArgmax(coef []float64, tl, tu float64, y []float64) {
	idx := make([]int, len(coef))
	for j := range idx {
		idx[j] = j
	}
	sort.Slice(idx, func(a, b int) bool { return coef[idx[a]] > coef[idx[b]] })
	total := 0.0
	for j := range y {
		y[j] = st.l[j]
		total += y[j]
	}
	for _, j := range idx {
		var room float64
		switch {
		case coef[j] > 0:
			room = tu - total
		case total < tl:
			room = tl - total
		default:
			return
		}
		add := math.Min(st.u[j]-st.l[j], room)
		if !(add > 0) || math.IsInf(add, 1) {
			continue
		}
		y[j] += add
		total += add
	}
}
