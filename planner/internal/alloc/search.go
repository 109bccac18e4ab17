package alloc

import (
	"container/heap"
	"context"
	"math"
	"time"
)

// The branch and bound. A node is a box of the variables, kept as its
// changes from the root's; its bound is its relaxation's (relax.go,
// dual.go). Nodes are taken best bound first; the relaxation's answer at
// the largest gap between a term's envelope and its curve picks the
// variable to split, at its value there, so that the envelope is exact at
// that point in both children. The search ends when no open node's bound
// exceeds the best allocation found by more than the gap asked for.

// change narrows, in channel c, variable j (separable channels) or argument
// j (coupled channels) to [l, u].
type change struct {
	c, j int
	l, u float64
}

type node struct {
	changes []change
	bound   float64
	depth   int
	mu      []float64
}

type nodeQueue []*node

func (q nodeQueue) Len() int           { return len(q) }
func (q nodeQueue) Less(i, j int) bool { return q[i].bound > q[j].bound }
func (q nodeQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *nodeQueue) Push(x any)        { *q = append(*q, x.(*node)) }
func (q *nodeQueue) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}

// trace, when set (by tests), is told about every node.
var trace func(format string, args ...any)

// solver holds the search's state.
type solver struct {
	m     *model
	st    []*chanState
	opts  Options
	nodes int
	evals int

	touched []bool
	list    []int // channels whose box differs from the root's

	best      [][]float64 // incumbent
	bestValue float64
	scratch   [][]float64
	filled    [][]float64 // fillSlack's candidate
	leftover  float64     // bounds of nodes closed without a gap to branch on
	mu        []float64   // the multipliers where the incumbent was found
	lastMu    []float64   // the multipliers of the last relaxation

	deadline time.Time // Options.TimeLimit's end; zero when there is none

	relaxBest   float64   // the best bound of the relaxation under way
	relaxBestMu []float64 // and its multipliers
	lastEval    []float64 // the multipliers of the channels' last answers

	// dual scratch
	grad, hess, dir, trial, rowScale, small []float64
	priceScale                              float64
}

func newSolver(m *model, opts Options) *solver {
	nr, nc := len(m.b), len(m.ch)
	s := &solver{m: m, opts: opts, st: make([]*chanState, nc), touched: make([]bool, nc),
		best: make([][]float64, nc), scratch: make([][]float64, nc), filled: make([][]float64, nc),
		bestValue: math.Inf(-1), leftover: math.Inf(-1), mu: make([]float64, nr),
		grad: make([]float64, nr), hess: make([]float64, nr*nr), dir: make([]float64, nr),
		trial: make([]float64, nr), rowScale: make([]float64, nr), small: make([]float64, nr*nr)}
	s.priceScale = m.kappa
	for c := range m.ch {
		ch := &m.ch[c]
		s.st[c] = newChanState(ch)
		s.st[c].setBox(ch)
		s.best[c] = make([]float64, ch.dim)
		s.scratch[c] = make([]float64, ch.dim)
		s.filled[c] = make([]float64, ch.dim)
		s.priceScale = math.Max(s.priceScale, ch.wsum/ch.scale)
	}
	if s.priceScale == 0 {
		s.priceScale = 1
	}
	return s
}

// tol is the gap a node may keep and still count as solved: half the gap to
// prove, which leaves the other half for the rounding allowance (1e-13 of
// the objective's parts) with room to spare. A tenth cost free flighting
// with S-curves a third more nodes for a proof nobody asked for.
func (s *solver) tol() float64 {
	return 0.5 * s.opts.Gap * math.Max(1, math.Abs(s.bestValue))
}

// load sets the channels' boxes to the node's.
func (s *solver) load(changes []change) {
	for _, c := range s.list {
		st, ch := s.st[c], &s.m.ch[c]
		if ch.separable {
			copy(st.l, ch.lo)
			copy(st.u, ch.hi)
			continue
		}
		for a := range ch.args {
			st.zl[a], st.zu[a] = ch.args[a].lo, ch.args[a].hi
		}
	}
	dirty := append([]int(nil), s.list...)
	for _, ch := range changes {
		st := s.st[ch.c]
		if s.m.ch[ch.c].separable {
			st.l[ch.j], st.u[ch.j] = ch.l, ch.u
		} else {
			st.zl[ch.j], st.zu[ch.j] = ch.l, ch.u
		}
		if !s.touched[ch.c] {
			s.touched[ch.c] = true
			dirty = append(dirty, ch.c)
		}
	}
	s.list = s.list[:0]
	for c := range s.touched {
		s.touched[c] = false
	}
	for _, ch := range changes {
		if !s.touched[ch.c] {
			s.touched[ch.c] = true
			s.list = append(s.list, ch.c)
		}
	}
	seen := map[int]bool{}
	for _, c := range dirty {
		if !seen[c] {
			seen[c] = true
			s.st[c].setBox(&s.m.ch[c])
		}
	}
}

// record evaluates the repaired answer of the relaxation just solved and
// keeps it when it beats the incumbent; it returns its value (−Inf when
// there is none) and whether the node is proven empty (only then may it
// be dropped).
func (s *solver) record() (value float64, empty bool) {
	for _, st := range s.st {
		if st.empty || st.infeasible {
			return math.Inf(-1), true
		}
	}
	if !s.repair(s.scratch) {
		return math.Inf(-1), true // the rows cannot hold on the node's box
	}
	if !s.m.feasible(s.scratch) {
		return math.Inf(-1), false // rounding: no candidate, but keep the node
	}
	v, _ := s.m.objective(s.scratch)
	if v > s.bestValue {
		s.bestValue = v
		copy(s.mu, s.lastMu)
		for c := range s.scratch {
			copy(s.best[c], s.scratch[c])
		}
	}
	s.consider(s.fillSlack(s.scratch, s.filled))
	s.consider(s.snapTotals(s.scratch, s.filled))
	return v, false
}

// consider keeps s.filled, another candidate, when it is one (ok), meets
// every constraint and beats the incumbent.
func (s *solver) consider(ok bool) {
	if !ok || !s.m.feasible(s.filled) {
		return
	}
	if f, _ := s.m.objective(s.filled); f > s.bestValue {
		s.bestValue = f
		copy(s.mu, s.lastMu)
		for c := range s.filled {
			copy(s.best[c], s.filled[c])
		}
	}
}

// pick returns the variable to split and where: the largest gap between a
// term's envelope and its curve at the relaxation's answer. c < 0 when
// there is none; gap is the sum of all gaps.
func (s *solver) pick() (c, j int, at, total float64) {
	c, j = -1, -1
	best := 0.0
	for ci := range s.m.ch {
		ch, st := &s.m.ch[ci], s.st[ci]
		if ch.separable {
			for v := 0; v < ch.dim; v++ {
				g := st.varGap(ch, v, st.x[v])
				total += g
				if g > best {
					best, c, j = g, ci, v
				}
			}
			continue
		}
		for a := range ch.args {
			ar := &ch.args[a]
			z := ar.b
			for i, v := range ar.idx {
				z += ar.c[i] * st.x[v]
			}
			g := st.argGap(ch, a, z)
			total += g
			if g > best && st.zu[a] > st.zl[a] {
				best, c, j = g, ci, a
			}
		}
	}
	if c < 0 {
		return -1, -1, 0, total
	}
	l, u, x := s.interval(c, j)
	if math.IsInf(u, 1) {
		at = x
		if at <= l {
			at = l + s.m.ch[c].scale/float64(s.m.ch[c].dim)
		}
		return c, j, at, total
	}
	margin := 1e-3 * (u - l)
	at = math.Min(math.Max(x, l+margin), u-margin)
	return c, j, at, total
}

// pickLoosest returns the variable (or argument) whose relaxed curve lies
// furthest above its true one anywhere in its range (sampled), and where.
func (s *solver) pickLoosest() (c, j int, at, gap float64) {
	c, j = -1, -1
	for ci := range s.m.ch {
		ch, st := &s.m.ch[ci], s.st[ci]
		n := ch.dim
		if !ch.separable {
			n = len(ch.args)
		}
		for v := 0; v < n; v++ {
			var l, u float64
			if ch.separable {
				l, u = st.l[v], st.u[v]
			} else {
				l, u = st.zl[v], st.zu[v]
			}
			if !(u > l) || math.IsInf(u, 1) {
				continue
			}
			for k := 1; k < 16; k++ {
				y := l + (u-l)*float64(k)/16
				var g float64
				if ch.separable {
					g = st.varGap(ch, v, y)
				} else {
					g = st.argGap(ch, v, y)
				}
				if g > gap {
					c, j, at, gap = ci, v, y, g
				}
			}
		}
	}
	return c, j, at, gap
}

// keepAnswers copies the channels' answers and, when value is finite, the
// allocation record made of them.
func (s *solver) keepAnswers(value float64) [2][][]float64 {
	var out [2][][]float64
	out[0] = make([][]float64, len(s.st))
	for c, st := range s.st {
		out[0][c] = append([]float64(nil), st.x...)
	}
	if !math.IsInf(value, -1) {
		out[1] = make([][]float64, len(s.scratch))
		for c := range s.scratch {
			out[1][c] = append([]float64(nil), s.scratch[c]...)
		}
	}
	return out
}

// pickAt is pick at the allocation x instead of the relaxation's answer.
func (s *solver) pickAt(x [][]float64) (c, j int, at, gaps float64) {
	saved := make([][]float64, len(s.st))
	for ci, st := range s.st {
		saved[ci] = append([]float64(nil), st.x...)
		copy(st.x, x[ci])
	}
	c, j, at, gaps = s.pick()
	for ci, st := range s.st {
		copy(st.x, saved[ci])
	}
	return c, j, at, gaps
}

// interval returns the range of what pick splits, variable or argument j of
// channel c, and its value at the relaxation's answer.
func (s *solver) interval(c, j int) (l, u, at float64) {
	ch, st := &s.m.ch[c], s.st[c]
	if ch.separable {
		return st.l[j], st.u[j], st.x[j]
	}
	ar := &ch.args[j]
	z := ar.b
	for i, v := range ar.idx {
		z += ar.c[i] * st.x[v]
	}
	return st.zl[j], st.zu[j], z
}

// pieces returns the children's ranges for variable (or argument) j of
// channel c, split at `at`. Where the channel's curves there sum to a
// concave function, the widest interval around `at` on which that holds
// (certified, concave.go) becomes a child of its own, whose relaxation is
// exact in that variable: splitting at the relaxation's answer alone would
// leave the far ends of the range where they were, one sliver at a time.
func (s *solver) pieces(c, j int, at float64) [][2]float64 {
	l, u, x := s.interval(c, j)
	a, b := s.concaveAround(c, j, x, l, u)
	if b > a {
		var out [][2]float64
		if a > l {
			out = append(out, [2]float64{l, a})
		}
		out = append(out, [2]float64{a, b})
		if b < u {
			out = append(out, [2]float64{b, u})
		}
		if len(out) > 1 {
			return out
		}
	}
	return [][2]float64{{l, at}, {at, u}}
}

// concaveAround returns an interval [a, b] around x within [l, u] on which
// the terms of variable (or argument) j of channel c sum to a certified
// concave function, or a ≥ b when there is none worth a child: x where the
// sum is convex, or an interval no wider than a sliver.
func (s *solver) concaveAround(c, j int, x, l, u float64) (a, b float64) {
	ch := &s.m.ch[c]
	ts, coef := ch.byVar, varCoef
	var terms []int
	if ch.separable {
		terms = ts[j]
	} else {
		terms, coef = ch.args[j].terms, argCoef
	}
	curv := func(v float64) float64 {
		sum := 0.0
		for _, t := range terms {
			tm := &ch.terms[t]
			ca, cb := coef(tm)
			if w := cb + ca*v; w > 0 {
				_, _, dd := phiAll(w, tm.k)
				sum += tm.w * ca * ca * dd
			}
		}
		return sum
	}
	if len(terms) == 0 || !(curv(x) < 0) {
		return 0, 0
	}
	// Walk out from x while the curvature stays negative, then bisect.
	edge := func(end float64) float64 {
		if math.IsInf(end, 1) {
			end = x + 64*math.Max(x-l, ch.scale)
		}
		step := (end - x) / 64
		if !(math.Abs(step) > 0) {
			return x
		}
		in := x
		for v := x + step; ; v += step {
			if (step > 0 && v >= end) || (step < 0 && v <= end) {
				if curv(end) < 0 {
					return end
				}
				v = end
			}
			if curv(v) >= 0 {
				out := v
				for it := 0; it < 40; it++ {
					m := 0.5 * (in + out)
					if curv(m) < 0 {
						in = m
					} else {
						out = m
					}
				}
				return in
			}
			in = v
			step *= 2
		}
	}
	a, b = edge(l), edge(u)
	if math.IsInf(u, 1) && b >= x+64*math.Max(x-l, ch.scale) && curv(b) < 0 {
		b = u
	}
	// Certify, shrinking toward x if need be.
	for try := 0; try < 6; try++ {
		if concaveOn(ch.terms, terms, coef, a, b) {
			if w := u - l; !math.IsInf(w, 1) && b-a < 1e-3*w {
				return 0, 0
			}
			return a, b
		}
		a, b = x-0.5*(x-a), x+0.5*(b-x)
	}
	return 0, 0
}

// split returns the changes that restrict variable j of channel c to
// [l, u], with the symmetry of its class: a variable held below a value
// holds those after it in its class below it too, one held above it those
// before it.
func (s *solver) split(c, j int, l, u float64) []change {
	ch, st := &s.m.ch[c], s.st[c]
	out := []change{{c, j, l, u}}
	if !ch.separable || ch.class == nil || ch.class[j] < 0 {
		return out
	}
	members, r := ch.classes[ch.class[j]], ch.rank[j]
	if u < st.u[j] {
		for _, v := range members[r+1:] {
			if st.u[v] > u {
				out = append(out, change{c, v, math.Min(st.l[v], u), u})
			}
		}
	}
	if l > st.l[j] {
		for _, v := range members[:r] {
			if st.l[v] < l {
				out = append(out, change{c, v, l, math.Max(st.u[v], l)})
			}
		}
	}
	return out
}

// run is the search. It returns the best upper bound of the nodes left
// open (or closed without a gap to branch on).
func (s *solver) run(ctx context.Context) (float64, error) {
	q := &nodeQueue{}
	heap.Push(q, &node{bound: math.Inf(1), mu: make([]float64, len(s.m.b))})
	maxNodes := s.opts.MaxNodes
	if s.opts.TimeLimit > 0 && s.deadline.IsZero() {
		s.deadline = time.Now().Add(s.opts.TimeLimit)
	}
	for q.Len() > 0 {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		nd := (*q)[0]
		if nd.bound <= s.bestValue+s.tol() {
			break
		}
		if s.nodes >= maxNodes || s.late() {
			return math.Max(nd.bound, s.leftover), &GapError{}
		}
		heap.Pop(q)
		s.load(nd.changes)
		bound := s.relax(nd.mu, s.bestValue+s.tol())
		s.nodes++
		if bound <= s.bestValue+s.tol() {
			// Pruned within the tolerance: its bound still counts in
			// the final UpperBound.
			s.leftover = math.Max(s.leftover, bound)
			continue
		}
		value, empty := s.record()
		if empty {
			continue
		}
		// The answers where the search ended, and the allocation made of
		// them; then those where the bound was best, if elsewhere (a tie's
		// narrow ramp can hold either): both are candidates, and both may
		// show where the relaxation is loose.
		alt := s.keepAnswers(value)
		if s.settle(nd.mu) {
			if v, _ := s.record(); v > value {
				value = v
			}
		}
		if bound <= s.bestValue+s.tol() {
			s.leftover = math.Max(s.leftover, bound)
			continue
		}
		c, j, at, gaps := s.pick()
		// Where the relaxation's answer shows no gap, the allocations moved
		// onto the rows may (the answer sat at the end of a linear stretch
		// that the rows needed part of): branch there.
		for _, x := range [][][]float64{s.scratch, alt[0], alt[1]} {
			if (c < 0 || gaps <= 1e-3*s.tol()) && x != nil {
				c, j, at, gaps = s.pickAt(x)
			}
		}
		if c < 0 || gaps <= 1e-3*s.tol() {
			// Still none: the optimum of the relaxation lies where none of
			// these answers is (inside a tie's ramp). Split where the
			// envelopes are loosest anywhere in the node.
			c, j, at, gaps = s.pickLoosest()
		}
		if trace != nil {
			trace("node %d depth %d bound %.10g value %.10g best %.10g gaps %.3g pick channel %d variable %d at %.6g", s.nodes, nd.depth, bound, value, s.bestValue, gaps, c, j, at)
		}
		if c < 0 || gaps <= 1e-3*s.tol() {
			if trace != nil {
				for ci, st := range s.st {
					trace("  leftover ch %d ub-hreg %.3g T %.6g tl %.6g tu %.6g w %.3g x %.6g g %.8g active %v lam %.4g fixed %v tbar %.6g eps %.3g", ci, st.ub-st.hreg, st.T, st.tl, st.tu, st.w, st.x, st.g, st.active, st.lam, st.fixed, st.tbar, s.m.ch[ci].eps)
				}
				trace("  mu %v", nd.mu)
			}
			if bound > s.bestValue+s.tol() {
				bound = math.Min(bound, s.linearCandidates())
			}
			if bound > s.bestValue+s.tol() {
				bound = s.polishDual(nd.mu, bound)
				if trace != nil {
					trace("  polished bound %.10g", bound)
				}
			}
			s.leftover = math.Max(s.leftover, bound)
			continue
		}
		for _, iv := range s.pieces(c, j, at) {
			child := &node{bound: bound, depth: nd.depth + 1, mu: append([]float64(nil), nd.mu...)}
			child.changes = append(append(make([]change, 0, len(nd.changes)+2), nd.changes...), s.split(c, j, iv[0], iv[1])...)
			heap.Push(q, child)
		}
		if nd.depth == 0 || s.nodes%32 == 0 {
			if err := s.dive(ctx, nd); err != nil {
				return 0, err
			}
		}
	}
	ub := s.leftover
	if q.Len() > 0 {
		ub = math.Max(ub, (*q)[0].bound)
	}
	return ub, nil
}

// late reports whether the time allowed (Options.TimeLimit) is over. The
// loops that can run long — the search, a dive, the multipliers' Newton
// search — ask it, so that the limit holds within a node too: a relaxation
// cut short still gives a valid bound (any multipliers do), only a looser
// one.
func (s *solver) late() bool {
	return !s.deadline.IsZero() && time.Now().After(s.deadline)
}

// dive looks for a good allocation quickly: it takes the variable with the
// largest gap and either holds it at its lower bound or lifts it past the
// linear stretch of its envelope, keeps the better relaxation of the two,
// and repeats until no gap is left. Every relaxation's repaired answer is
// a candidate.
func (s *solver) dive(ctx context.Context, nd *node) error {
	changes := append([]change(nil), nd.changes...)
	mu := append([]float64(nil), nd.mu...)
	steps := 0
	for c, j, at, _ := s.pick(); c >= 0 && steps < 64; c, j, at, _ = s.pick() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if s.late() {
			return nil
		}
		steps++
		st, ch := s.st[c], &s.m.ch[c]
		l, u, _ := s.interval(c, j)
		on := at
		if ch.separable && st.flatEnd[j] > l {
			on = st.flatEnd[j]
		}
		if !ch.separable {
			// Past the linear stretches of the argument's terms.
			for _, t := range ch.args[j].terms {
				if e := &st.env[t]; e.t > e.l && !math.IsInf(e.t, 1) {
					on = math.Max(on, e.t/ch.terms[t].inv)
				}
			}
			if e := &st.aenv[j]; e.on && !math.IsInf(e.t, 1) {
				on = math.Max(on, e.t)
			}
			on = math.Min(on, u)
		}
		bestBound, bestSide := math.Inf(-1), []change(nil)
		for _, side := range [][]change{s.split(c, j, l, l), s.split(c, j, on, u)} {
			s.load(append(append([]change(nil), changes...), side...))
			trial := append([]float64(nil), mu...)
			b := s.relax(trial, math.Inf(-1))
			s.nodes++
			if math.IsInf(b, -1) {
				continue
			}
			if _, empty := s.record(); !empty && b > bestBound {
				bestBound, bestSide = b, side
				copy(mu, trial)
			}
		}
		if bestSide == nil || bestBound <= s.bestValue+s.tol() {
			break
		}
		changes = append(changes, bestSide...)
		s.load(changes)
		s.relax(append([]float64(nil), mu...), math.Inf(-1))
	}
	return nil
}
