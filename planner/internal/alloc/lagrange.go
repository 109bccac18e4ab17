package alloc

import (
	"context"
	"errors"
	"math"
	"runtime"
	"sort"
	"sync"
	"time"
)

// The channels apart when rows bind: a Lagrangian decomposition whose
// subproblems are solved exactly. For multipliers μ ≥ 0 of the rows,
//
//	L(μ) = Constant + μ·b + Σ_c V_c(p_c),   p_c = Kappa + Σ_r μ_r a_rc,
//	V_c(p) = max F_c(x_c) − p·total_c  over channel c's own box, Min and Max,
//
// bounds the problem (weak duality), and each V_c(p) is bounded by the
// UpperBound of the branch and bound run on channel c alone at cost p.
// V_c is convex in p (a maximum of affine functions), with slope −total,
// so a channel priced at p between two prices p1 < p2 where it was solved
// is bounded by the chord of the two bounds, and above the highest price
// p0 it was solved at by V_c(p0) − (p − p0)·least total; when an answer
// found at p1 or p2 comes within the channel's share of the gap of that
// chord at p, it is the channel's answer at p and nothing is solved. Only
// channels whose answer changes between two prices are solved again: the
// dual search, one multiplier at a time by bisection on the sign of the
// subgradient b − A·total, solves few channels after its first pricing.
//
// At the best μ each channel answers with its largest and smallest
// near-optimal totals (they differ only for channels that straddle a tie,
// or within the gap). Candidates are built from them (see candidate), and
// where a gap remains, a branch and bound on the totals of the straddling
// channels restricts a channel's total to either side of the candidate's
// (each side is its own subproblem, with its own cache): every node's
// bound is its own Lagrangian bound, and the problem's is the greatest
// over the open nodes.

// lagrangeChannels is the fewest channels for which Solve tries the
// decomposition when a row binds. With few channels the whole search is
// quick (the worked example: 17 ms whole, 29 ms decomposed; 12 channels
// x 12 months: 5 ms against 64 ms), and the one-multiplier-at-a-time dual
// search can stall short of the dual's minimum where several rows bind
// (6 channels with groups: 4 s spent before handing over); from 25
// channels it wins (0.07 s against 0.3 s; 50 channels: 0.5 s against a gap
// of 1e-4 after 10 s).
const lagrangeChannels = 24

// errDualFailed says the Lagrangian method could not run here (a channel
// with no optimum at some price, a price that would be negative, or no
// feasible candidate): the whole search is needed.
var errDualFailed = errors.New("alloc: the Lagrangian decomposition does not apply")

// pricedAnswer is channel's exact solution at one price.
type pricedAnswer struct {
	p     float64   // the price
	x     []float64 // the answer
	t     float64   // its total
	f     float64   // its curves' value F(x), without the price
	ub    float64   // UpperBound of max F − p·total
	nodes int
}

// subCache is one channel's subproblem (its total possibly restricted by
// the branch and bound) and the prices it was solved at, in order.
type subCache struct {
	c     int
	ch    Channel
	least float64 // the least total its box allows
	pts   []pricedAnswer
}

// chanAt is a channel's part of L at one μ.
type chanAt struct {
	ub         float64
	big, small *pricedAnswer // near-optimal answers with the largest and smallest totals
}

// lagrange holds the decomposition's state.
type lagrange struct {
	ctx      context.Context
	p        *Problem
	m        *model
	opts     Options
	deadline time.Time
	share    float64 // each channel's relative gap
	nodes    int     // the subproblems' nodes, summed
	// trail lists the points the last minimize evaluated: candidates
	// are built from their answers too.
	trail []*dualPoint
}

// newSubCache makes channel c's subproblem with its total within [lo, hi]
// (and the compiled model's bounds on it, which every feasible allocation
// meets).
func (lg *lagrange) newSubCache(c int, lo, hi float64) *subCache {
	ch := lg.p.Channels[c]
	mc := &lg.m.ch[c]
	ch.Min = math.Max(math.Max(ch.Min, mc.tl), lo)
	ch.Max = math.Min(math.Min(ch.Max, mc.tu), hi)
	least := ch.Min
	if ch.Lo != nil {
		least = math.Max(least, sum(ch.Lo))
	}
	return &subCache{c: c, ch: ch, least: math.Max(least, 0)}
}

// tolAt is the channel's allowance at an answer worth ub.
func (lg *lagrange) tolAt(ub float64) float64 {
	return lg.share * math.Max(1, math.Abs(ub))
}

// lookup answers from what sc knows at price p, or reports that it must
// be solved there.
func (lg *lagrange) lookup(sc *subCache, p float64) (chanAt, bool) {
	pts := sc.pts
	i := sort.Search(len(pts), func(i int) bool { return pts[i].p >= p })
	if i < len(pts) && pts[i].p == p {
		return chanAt{ub: pts[i].ub, big: &pts[i], small: &pts[i]}, true
	}
	if i == 0 {
		return chanAt{}, false
	}
	lo := &pts[i-1]
	var ub, wgap float64
	var cands []*pricedAnswer
	if i == len(pts) {
		// Above every price: V(p) ≤ V(p0) − (p − p0)·least.
		ub = lo.ub - (p-lo.p)*sc.least
		cands = []*pricedAnswer{lo}
		wgap = lo.ub - (lo.f - lo.p*lo.t)
	} else {
		hi := &pts[i]
		th := (p - lo.p) / (hi.p - lo.p)
		ub = (1-th)*lo.ub + th*hi.ub
		cands = []*pricedAnswer{lo, hi}
		// Where both ends' answers are one, the chord is theirs: its gap
		// is the ends' gaps weighed.
		wgap = (1-th)*(lo.ub-(lo.f-lo.p*lo.t)) + th*(hi.ub-(hi.f-hi.p*hi.t))
	}
	var at chanAt
	at.ub = ub
	for _, a := range cands {
		if ub-(a.f-p*a.t) > math.Max(lg.tolAt(ub), (1+1e-9)*wgap) {
			continue
		}
		if at.big == nil || a.t > at.big.t {
			at.big = a
		}
		if at.small == nil || a.t < at.small.t {
			at.small = a
		}
	}
	return at, at.big != nil
}

// solveSubs solves each listed subproblem at its price, in parallel.
func (lg *lagrange) solveSubs(subs []*subCache, prices []float64) error {
	workers := runtime.GOMAXPROCS(0)
	if workers > len(subs) {
		workers = len(subs)
	}
	out := make([]pricedAnswer, len(subs))
	errs := make([]error, len(subs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out[i], errs[i] = lg.solveOne(subs[i].ch, prices[i], lg.share)
			}
		}()
	}
	for i := range subs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if err := lg.ctx.Err(); err != nil {
		return err
	}
	for i, sc := range subs {
		if errs[i] != nil {
			return errs[i]
		}
		lg.nodes += out[i].nodes
		j := sort.Search(len(sc.pts), func(j int) bool { return sc.pts[j].p >= prices[i] })
		sc.pts = append(sc.pts, pricedAnswer{})
		copy(sc.pts[j+1:], sc.pts[j:])
		sc.pts[j] = out[i]
	}
	return nil
}

// solveOne solves one channel alone at cost p, to the relative gap given.
func (lg *lagrange) solveOne(ch Channel, p, gap float64) (pricedAnswer, error) {
	if p < 0 {
		return pricedAnswer{}, errDualFailed
	}
	one := &Problem{Channels: []Channel{ch}, Kappa: p}
	o := Options{Gap: gap, MaxNodes: lg.opts.MaxNodes}
	if !lg.deadline.IsZero() {
		o.TimeLimit = time.Until(lg.deadline)
		if o.TimeLimit <= 0 {
			return pricedAnswer{}, errDualFailed
		}
	}
	sol, err := SolveWith(lg.ctx, one, o)
	var gapErr *GapError
	if errors.As(err, &gapErr) && sol != nil {
		err = nil
	}
	if err != nil {
		if lg.ctx.Err() != nil {
			return pricedAnswer{}, lg.ctx.Err()
		}
		return pricedAnswer{}, errDualFailed
	}
	t := sol.Total[0]
	return pricedAnswer{p: p, x: sol.X[0], t: t, f: sol.Objective + p*t, ub: sol.UpperBound, nodes: sol.Nodes}, nil
}

// price is channel c's cost at μ.
func (lg *lagrange) price(c int, mu []float64) float64 {
	p := lg.m.kappa
	for r, a := range lg.m.ch[c].col {
		p += mu[r] * a
	}
	return p
}

// eval prices every channel of subs at μ, solving those whose answer is
// not known, and returns L(μ) and the channels' answers.
func (lg *lagrange) eval(subs []*subCache, mu []float64) (float64, []chanAt, error) {
	at := make([]chanAt, len(subs))
	prices := make([]float64, len(subs))
	for round := 0; round < 2; round++ {
		var todo []*subCache
		var tp []float64
		for c, sc := range subs {
			prices[c] = lg.price(c, mu)
			a, ok := lg.lookup(sc, prices[c])
			if !ok {
				todo = append(todo, sc)
				tp = append(tp, prices[c])
				continue
			}
			at[c] = a
		}
		if len(todo) == 0 {
			break
		}
		if round == 1 {
			return 0, nil, errDualFailed
		}
		if err := lg.solveSubs(todo, tp); err != nil {
			return 0, nil, err
		}
	}
	l := lg.m.constant
	for r, b := range lg.m.b {
		l += mu[r] * b
	}
	for c := range at {
		l += at[c].ub
	}
	return l, at, nil
}

// slopes is the range of L's derivative in μ_r at the answers: the left
// and right derivatives.
func (lg *lagrange) slopes(r int, at []chanAt) (left, right float64) {
	left, right = lg.m.b[r], lg.m.b[r]
	for c, a := range lg.m.a[r] {
		if a >= 0 {
			left -= a * at[c].big.t
			right -= a * at[c].small.t
		} else {
			left -= a * at[c].small.t
			right -= a * at[c].big.t
		}
	}
	return left, right
}

// dualPoint is one evaluated μ.
type dualPoint struct {
	mu []float64
	l  float64
	at []chanAt
}

// minimize searches μ for the least L, one row's multiplier at a time by
// bisection, from mu, to a tenth of the gap; it returns the best point
// found.
func (lg *lagrange) minimize(subs []*subCache, mu []float64) (*dualPoint, error) {
	l, at, err := lg.eval(subs, mu)
	if err != nil {
		return nil, err
	}
	tol := 0.1 * lg.opts.Gap * math.Max(1, math.Abs(l))
	best := &dualPoint{mu: append([]float64(nil), mu...), l: l, at: at}
	lg.trail = append(lg.trail[:0], best)
	nr := len(lg.m.b)
	for sweep := 0; sweep < 3*nr; sweep++ {
		moved := false
		for r := 0; r < nr; r++ {
			pt, err := lg.line(subs, best, r, tol)
			if err != nil {
				return nil, err
			}
			if pt.l < best.l-0.01*tol {
				moved = true
			}
			if pt.l < best.l {
				best = pt
			}
		}
		if !moved {
			break
		}
	}
	return best, nil
}

// ceiling is the largest μ_r keeping every price ≥ 0 (+Inf without a
// negative coefficient).
func (lg *lagrange) ceiling(r int, mu []float64) float64 {
	top := math.Inf(1)
	for c, a := range lg.m.a[r] {
		if a < 0 {
			rest := lg.price(c, mu) - mu[r]*a
			top = math.Min(top, rest/(-a))
		}
	}
	return math.Max(top, 0)
}

// line minimizes L along row r's multiplier from start. Where the
// minimum sits on a jump of some channel's answer (a tie between two
// totals), the bracket closes on it and the point returned has the
// answers of both sides: the largest totals from below, the smallest from
// above.
func (lg *lagrange) line(subs []*subCache, start *dualPoint, r int, tol float64) (*dualPoint, error) {
	best := start
	evalAt := func(v float64) (*dualPoint, float64, float64, error) {
		mu := append([]float64(nil), start.mu...)
		mu[r] = v
		l, at, err := lg.eval(subs, mu)
		if err != nil {
			return nil, 0, 0, err
		}
		pt := &dualPoint{mu: mu, l: l, at: at}
		lg.trail = append(lg.trail, pt)
		if l < best.l {
			best = pt
		}
		left, right := lg.slopes(r, at)
		return pt, left, right, nil
	}
	top := lg.ceiling(r, start.mu)
	left, right := lg.slopes(r, start.at)
	v := start.mu[r]
	if (left <= 0 && right >= 0) || (v == 0 && right >= 0) {
		return best, nil // optimal along r already
	}
	// Bracket [a, b]: right derivative ra < 0 at a, left derivative lb > 0
	// at b. Upwards first: channels at their least total there stay
	// there and are not solved again.
	var pa, pb *dualPoint
	var ra, lfb float64
	if right < 0 {
		pa, ra = start, right
	} else {
		pb, lfb = start, left
	}
	step := math.Max(0.25*v, 1e-3*math.Max(lg.m.kappa, 1e-3))
	for it := 0; pb == nil; it++ {
		if pa.mu[r] >= top || it > 200 {
			return best, nil
		}
		pt, l, rt, err := evalAt(math.Min(pa.mu[r]+step, top))
		if err != nil {
			return nil, err
		}
		if l <= 0 && rt >= 0 {
			return best, nil
		}
		if rt < 0 {
			pa, ra = pt, rt
			step *= 2
			continue
		}
		pb, lfb = pt, l
	}
	for it := 0; pa == nil; it++ {
		if it > 200 {
			return best, nil
		}
		pt, l, rt, err := evalAt(math.Max(pb.mu[r]-step, 0))
		if err != nil {
			return nil, err
		}
		if (l <= 0 && rt >= 0) || (pt.mu[r] == 0 && rt >= 0) {
			return best, nil
		}
		if l > 0 {
			pb, lfb = pt, l
			step *= 2
			continue
		}
		pa, ra = pt, rt
	}
	for it := 0; it < 100; it++ {
		a, b := pa.mu[r], pb.mu[r]
		if b-a <= 1e-13*b {
			break
		}
		// Stop where the bound is flat to tol and one side's answers
		// meet the row to within tol of their value.
		cross := (pb.l - pa.l + ra*a - lfb*b) / (ra - lfb)
		floor := pa.l + ra*(cross-a)
		if math.Min(pa.l, pb.l)-floor <= tol && math.Min(b*lfb, -a*ra) <= tol {
			return best, nil
		}
		pt, l, rt, err := evalAt(0.5 * (a + b))
		if err != nil {
			return nil, err
		}
		if l <= 0 && rt >= 0 {
			return best, nil
		}
		if rt < 0 {
			pa, ra = pt, rt
		} else {
			pb, lfb = pt, l
		}
	}
	// A jump: both sides' answers are near-optimal at best's μ, which is
	// within rounding of both.
	merged := &dualPoint{mu: best.mu, l: best.l, at: make([]chanAt, len(best.at))}
	for c, at := range best.at {
		big, small := at.big, at.small
		if b := pa.at[c].big; b.t > big.t && lg.nearOptimal(subs[c], b, best.mu, at.ub) {
			big = b
		}
		if sm := pb.at[c].small; sm.t < small.t && lg.nearOptimal(subs[c], sm, best.mu, at.ub) {
			small = sm
		}
		merged.at[c] = chanAt{ub: at.ub, big: big, small: small}
	}
	lg.trail = append(lg.trail, merged)
	return merged, nil
}

// nearOptimal reports whether answer a is within the channel's allowance
// of its bound ub at μ.
func (lg *lagrange) nearOptimal(sc *subCache, a *pricedAnswer, mu []float64, ub float64) bool {
	p := lg.price(sc.c, mu)
	return ub-(a.f-p*a.t) <= math.Max(lg.tolAt(ub), 2*(a.ub-(a.f-a.p*a.t)))
}

// candidate builds feasible allocations from the answers at pt and
// returns the best, with its objective, and the one that guides the
// branching (nil when none meets the rows): the answers spent on the
// priced rows by complement, else the best of every point's smallest (or
// largest) answers with what the rows leave over given to channels that
// straddle, else the smallest answers moved onto the rows by
// repairTotals (which moves channels away from their answers: often the
// best allocation, a poor guide). The guide's losses against the channels' bounds say where
// the gap is; the best, whichever it is, is the incumbent.
func (lg *lagrange) candidate(subs []*subCache, pt *dualPoint) (best [][]float64, bestObj float64, guide [][]float64, err error) {
	m := lg.m
	bestObj = math.Inf(-1)
	keep := func(x [][]float64) {
		if x == nil {
			return
		}
		if v, _ := m.objective(x); v > bestObj {
			best, bestObj = x, v
		}
	}
	comp, err := lg.complement(subs, pt)
	if err != nil {
		return nil, 0, nil, err
	}
	filled, err := lg.fillTrail(subs, pt)
	if err != nil {
		return nil, 0, nil, err
	}
	rep, err := lg.repairTotals(subs, pt)
	if err != nil {
		return nil, 0, nil, err
	}
	keep(comp)
	keep(filled)
	keep(rep)
	switch {
	case comp != nil:
		guide = comp
	case filled != nil:
		guide = filled
	default:
		guide = rep
	}
	return best, bestObj, guide, nil
}

// fillTrail takes the best of the smallest (or largest) answers of every
// point the last minimize evaluated that meet the rows, and gives what
// the rows leave over to the channels with a larger near-optimal total at
// pt, each solved again with its total fixed; nil when none meets the
// rows.
func (lg *lagrange) fillTrail(subs []*subCache, pt *dualPoint) ([][]float64, error) {
	m := lg.m
	nc := len(subs)
	var x [][]float64
	obj := math.Inf(-1)
	try := make([][]float64, nc)
	for _, q := range lg.trail {
		for _, big := range []bool{false, true} {
			for c := range subs {
				a := q.at[c].small
				if big {
					a = q.at[c].big
				}
				try[c] = a.x
			}
			if !m.feasible(try) {
				continue
			}
			if v, _ := m.objective(try); v > obj {
				obj = v
				x = make([][]float64, nc)
				for c := range try {
					x[c] = append([]float64(nil), try[c]...)
				}
			}
		}
	}
	if x == nil {
		return nil, nil
	}
	totals := make([]float64, nc)
	for c := range x {
		totals[c] = sum(x[c])
	}
	for c, sc := range subs {
		room := pt.at[c].big.t - totals[c]
		if room <= 1e-9*math.Max(1, totals[c]) {
			continue
		}
		for r := range m.b {
			a := m.a[r][c]
			if a <= 0 {
				continue
			}
			lhs := 0.0
			for k, ak := range m.a[r] {
				lhs += ak * totals[k]
			}
			room = math.Min(room, math.Max(0, m.b[r]-lhs)/a)
		}
		if room <= 1e-9*math.Max(1, totals[c]) {
			continue
		}
		ch := sc.ch
		ch.Min = totals[c] + room
		ch.Max = ch.Min
		ans, err := lg.solveOne(ch, lg.price(c, pt.mu), lg.share)
		if err == errDualFailed {
			continue
		}
		if err != nil {
			return nil, err
		}
		lg.nodes += ans.nodes
		old := x[c]
		x[c] = ans.x
		if v, _ := m.objective(x); v > obj && m.feasible(x) {
			obj, totals[c] = v, sum(x[c])
			continue
		}
		x[c] = old
	}
	return x, nil
}

// complement picks each channel's total between its smallest and largest
// near-optimal answers at pt so that the priced rows are spent as fully
// as the others allow (a small linear program: at the dual's minimum some
// such choice meets them exactly), and solves again, with its total fixed,
// each channel whose total falls strictly between; nil when that fails.
// Where several rows bind, the answers of no single point do.
func (lg *lagrange) complement(subs []*subCache, pt *dualPoint) ([][]float64, error) {
	m := lg.m
	nr, nc := len(m.b), len(subs)
	prob := &lp{a: make([][]float64, nr), b: make([]float64, nr), c: make([]float64, nc),
		lo: make([]float64, nc), hi: make([]float64, nc)}
	for r := 0; r < nr; r++ {
		prob.a[r] = append([]float64(nil), m.a[r]...)
		rhs := m.b[r]
		for c := 0; c < nc; c++ {
			rhs -= m.a[r][c] * pt.at[c].small.t
		}
		prob.b[r] = rhs
	}
	for c := range subs {
		prob.hi[c] = math.Max(0, pt.at[c].big.t-pt.at[c].small.t)
		for r := 0; r < nr; r++ {
			prob.c[c] -= pt.mu[r] * m.a[r][c]
		}
	}
	res := prob.solve()
	if res.status != lpOptimal && res.status != lpStalled {
		return nil, nil
	}
	x := make([][]float64, nc)
	for c, sc := range subs {
		small, big := pt.at[c].small, pt.at[c].big
		d := res.v[c]
		switch {
		case d <= 1e-12*math.Max(1, small.t):
			x[c] = append([]float64(nil), small.x...)
		case d >= prob.hi[c]-1e-12*math.Max(1, big.t):
			x[c] = append([]float64(nil), big.x...)
		default:
			var ok bool
			var err error
			if x[c], ok, err = lg.solveAtTotal(sc, c, pt.mu, small.t+d); !ok {
				return nil, err
			}
		}
	}
	if !m.feasible(x) {
		return nil, nil
	}
	return x, nil
}

// startMultipliers finds, one row at a time, the multiplier that brings
// the root's relaxation (almost unregularized, priced once per step) onto
// that row, by doubling then bisection: a guess at the dual's minimum for
// a few dozen pricings of the envelopes, far cheaper than the root's
// relaxation solved to convergence, which the exact search does not need.
func (m *model) startMultipliers(opts Options, deadline time.Time) []float64 {
	s := newSolver(m, opts)
	s.deadline = deadline
	s.load(nil)
	s.setStage(1e-6)
	mu := make([]float64, len(m.b))
	over := func(r int) bool {
		s.evaluate(mu)
		lhs := 0.0
		for c := range m.ch {
			lhs += m.a[r][c] * s.st[c].T
		}
		return !(lhs <= m.b[r])
	}
	for r := range mu {
		if !over(r) {
			continue
		}
		lo, hi := 0.0, 1e-3*math.Max(m.kappa, 1e-3)
		for it := 0; it < 60; it++ {
			mu[r] = hi
			if !over(r) {
				break
			}
			lo, hi = hi, 2*hi
		}
		for it := 0; it < 12; it++ {
			mu[r] = 0.5 * (lo + hi)
			if over(r) {
				lo = mu[r]
			} else {
				hi = mu[r]
			}
		}
		mu[r] = hi
	}
	return mu
}

// repairTotals moves the smallest answers at pt the least (in total,
// by a small linear program) onto the rows, and solves each channel whose
// total moved again with that total fixed; nil when that fails. Where
// several rows bind, no single point of the search may have answers that
// meet them all: too little for a group's minimum with the smallest, too
// much for the budget with the largest.
func (lg *lagrange) repairTotals(subs []*subCache, pt *dualPoint) ([][]float64, error) {
	m := lg.m
	nc := len(subs)
	prob := m.leastMove(func(c int) float64 { return pt.at[c].small.t }, func(c int) (float64, float64) {
		sc, t := subs[c], pt.at[c].small.t
		most := sc.ch.Max
		if sc.ch.Hi != nil {
			most = math.Min(most, sum(sc.ch.Hi))
		}
		return most - t, t - sc.least
	})
	res := prob.solve()
	if res.status != lpOptimal && res.status != lpStalled {
		return nil, nil
	}
	x := make([][]float64, nc)
	for c, sc := range subs {
		small := pt.at[c].small
		d := res.v[c] - res.v[nc+c]
		if math.Abs(d) <= 1e-12*math.Max(1, small.t) {
			x[c] = append([]float64(nil), small.x...)
			continue
		}
		var ok bool
		var err error
		if x[c], ok, err = lg.solveAtTotal(sc, c, pt.mu, math.Max(small.t+d, sc.least)); !ok {
			return nil, err
		}
	}
	if !m.feasible(x) {
		return nil, nil
	}
	return x, nil
}

// solveAtTotal solves channel c again with its total fixed at total, at
// its price under mu, and returns its variables; ok is false when it could
// not, with the error, or none when the channel's dual failed and the
// candidate is merely given up.
func (lg *lagrange) solveAtTotal(sc *subCache, c int, mu []float64, total float64) (x []float64, ok bool, err error) {
	ch := sc.ch
	ch.Min, ch.Max = total, total
	ans, err := lg.solveOne(ch, lg.price(c, mu), lg.share)
	if err != nil {
		if err == errDualFailed {
			return nil, false, nil
		}
		return nil, false, err
	}
	lg.nodes += ans.nodes
	return ans.x, true, nil
}

// lagNode is a node of the branch and bound on totals: the channels'
// subproblems (some with a total restricted) and their Lagrangian bound.
type lagNode struct {
	subs []*subCache
	pt   *dualPoint
	x    [][]float64 // its candidate, nil if none
}

// solveLagrange runs the decomposition (see the comment at the top). It
// returns the solution when proven to opts.Gap; otherwise errNotSeparate
// with the best feasible allocation found (nil if none) and the best
// bound proven (+Inf if none), for the whole search to start from.
func solveLagrange(ctx context.Context, p *Problem, m *model, opts Options, deadline time.Time) (*Solution, float64, error) {
	nc := len(p.Channels)
	lg := &lagrange{ctx: ctx, p: p, m: m, opts: opts, deadline: deadline, share: 0.25 * opts.Gap}
	// Start a little below the multipliers that bring the root's
	// relaxation onto the rows: the search then goes up, where channels
	// at their least total need no new solve.
	mu := m.startMultipliers(opts, deadline)
	for r := range mu {
		mu[r] *= 0.7
	}
	subs := make([]*subCache, nc)
	for c := range subs {
		subs[c] = lg.newSubCache(c, math.Inf(-1), math.Inf(1))
	}
	fail := func(err error, best [][]float64, bound float64) (*Solution, float64, error) {
		if ctx.Err() != nil {
			return nil, bound, ctx.Err()
		}
		var sol *Solution
		if best != nil {
			sol = lg.solution(best, bound)
		}
		return sol, bound, errNotSeparate
	}
	pt, err := lg.minimize(subs, mu)
	if err != nil {
		return fail(err, nil, math.Inf(1))
	}
	var best [][]float64
	var bestMu []float64 // the multipliers best was built at
	bestObj := math.Inf(-1)
	consider := func(n *lagNode) error {
		x, obj, guide, err := lg.candidate(n.subs, n.pt)
		if err != nil {
			return err
		}
		n.x = guide
		if x != nil && obj > bestObj {
			best, bestObj, bestMu = x, obj, n.pt.mu
		}
		return nil
	}
	open := []*lagNode{{subs: subs, pt: pt}}
	if err := consider(open[0]); err != nil {
		return fail(err, best, pt.l)
	}
	bound := func() float64 {
		b := math.Inf(-1)
		for _, n := range open {
			b = math.Max(b, n.pt.l)
		}
		return b
	}
	closed := math.Inf(-1) // the greatest bound of a node pruned
	for len(open) > 0 {
		ub := bound()
		slack := opts.Gap * math.Max(1, math.Abs(bestObj))
		if best != nil && ub-bestObj <= 0.5*slack {
			break
		}
		if len(open) > 64 || (!deadline.IsZero() && time.Now().After(deadline)) {
			return fail(nil, best, ub)
		}
		// Split the node with the greatest bound on its widest straddle.
		sort.Slice(open, func(i, j int) bool { return open[i].pt.l > open[j].pt.l })
		n := open[0]
		if best != nil && n.pt.l <= bestObj+0.5*slack {
			closed = n.pt.l
			open = open[:0]
			break
		}
		// Split the channel whose answer in the node's candidate
		// loses most against its bound, at its total there.
		c, worst := -1, 0.0
		if n.x != nil {
			for k := range n.subs {
				p := lg.price(k, n.pt.mu)
				if loss := n.pt.at[k].ub - (m.ch[k].value(n.x[k]) - p*sum(n.x[k])); loss > worst {
					c, worst = k, loss
				}
			}
		}
		if c < 0 {
			return fail(nil, best, ub)
		}
		sc := n.subs[c]
		split := sum(n.x[c])
		inside := func(t float64) bool {
			margin := 1e-9 * math.Max(1, math.Abs(t))
			return t > sc.ch.Min+margin && t < sc.ch.Max-margin
		}
		if !inside(split) {
			a := n.pt.at[c]
			split = 0.5 * (a.big.t + a.small.t)
			if !inside(split) {
				return fail(nil, best, ub) // nothing to split
			}
		}
		open = open[1:]
		for side := 0; side < 2; side++ {
			lo, hi := sc.ch.Min, split
			if side == 1 {
				lo, hi = split, sc.ch.Max
			}
			if lo > hi || (sc.ch.Hi != nil && sum(sc.ch.Hi) < lo) {
				continue // empty
			}
			child := &lagNode{subs: append([]*subCache(nil), n.subs...)}
			child.subs[c] = lg.newSubCache(c, lo, hi)
			pt, err := lg.minimize(child.subs, n.pt.mu)
			if err != nil {
				return fail(err, best, ub)
			}
			// The parent's bound holds on the child's part of it.
			pt.l = math.Min(pt.l, n.pt.l)
			child.pt = pt
			if err := consider(child); err != nil {
				return fail(err, best, ub)
			}
			open = append(open, child)
		}
	}
	ub := math.Max(closed, bestObj)
	if len(open) > 0 {
		ub = math.Max(ub, bound())
	}
	if best == nil {
		return fail(nil, nil, ub)
	}
	sol := lg.solution(best, ub)
	for r, row := range m.rows {
		sol.Prices[row] = bestMu[r]
	}
	if sol.UpperBound-sol.Objective > opts.Gap*math.Max(1, math.Abs(sol.Objective)) {
		return fail(nil, best, sol.UpperBound)
	}
	return sol, sol.UpperBound, nil
}

// solution wraps x with the bound ub (and a rounding allowance).
func (lg *lagrange) solution(x [][]float64, ub float64) *Solution {
	m := lg.m
	sol := &Solution{X: x, Total: make([]float64, len(x)), Prices: make([]float64, len(lg.p.Rows)), Nodes: lg.nodes}
	for c := range x {
		sol.Total[c] = sum(x[c])
	}
	obj, mag := m.objective(x)
	sol.Objective = obj
	sol.UpperBound = math.Max(ub+1e-13*(m.scale+mag), obj)
	return sol
}
