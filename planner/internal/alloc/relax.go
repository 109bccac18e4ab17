package alloc

import (
	"math"
	"sort"
)

// The relaxation of a branch-and-bound node. Every term is replaced by the
// concave envelope of its curve over the range its argument takes on the
// node's box; composed with the term's affine argument it is concave in the
// variables, so each channel's relaxed part Ψ_c is concave and lies above
// its true part on the box.
//
// The rows are priced: with multipliers μ ≥ 0, channel c sees the price
// p_c = κ + Σ_r μ_r A_rc per unit of its total, and answers with the
// maximizer of Ψ_c(x) − p_c·total(x) over its box and total bounds. For ANY
// μ ≥ 0 and any point x̂ of the channel's box, concavity gives
//
//	max_y Ψ_c(y) − p_c·total(y) ≤ Ψ_c(x̂) − p_c·total(x̂) + max_y (∇Ψ_c(x̂) − p_c)·(y − x̂)
//
// (the last maximum is a small linear program over the box and the total's
// bounds, solved exactly by a greedy fill), so μ·b plus the sum of these is
// an upper bound of the node whatever the accuracy of μ and x̂: accuracy
// only makes it tight.
//
// To make the channels' answers continuous in the price (an S-curve's
// envelope is linear on a stretch, where the answer jumps), each channel's
// relaxed problem is regularized by −(ε_c/2)(total − c_c)², with ε_c small
// (regularization × the channel's value over its spread squared) and the
// centre c_c on the channel's last answer (a proximal term). The
// multipliers are found on that smooth problem (dual.go); the bound is
// computed without it, as above, and concedes about ε_c |total − c_c| ×
// spread, which re-centring drives to nothing.

// regularization sets ε_c: large enough that across a tie the total moves
// by no more than about 1e-9 of its spread per rounding of the price, which
// the multipliers' search must resolve; the bound it concedes is removed
// by re-centring.
const regularization = 1e-7

// chanState is a channel in the current node: its box, the envelopes of its
// terms and its latest answer to a price.
type chanState struct {
	l, u    []float64  // the node's box (coupled channels: always the channel's)
	zl, zu  []float64  // coupled: the node's ranges of the arguments
	env     []envelope // per term, over the range of its argument in the node
	venv    []sumEnv   // separable: a variable's terms' joint envelope (sumenv.go)
	aenv    []sumEnv   // coupled: an argument's terms' joint envelope
	flat    []float64  // separable: slope of a variable's linear stretch, NaN when it has none
	flatEnd []float64  // separable: where that stretch ends (it starts at l)
	tl, tu  float64    // the total's bounds in the node

	x          []float64 // the answer (also the warm start of the next)
	g          []float64 // ∇Ψ at x
	qoff       float64   // separable: inner price − p at the last answer
	T          float64   // total at x
	w          float64   // −dT/dp of the regularized answer
	val        float64   // Ψ(x)
	hreg       float64   // max of the regularized problem
	tbar       float64   // the regularization's center (relax re-centres it on the answer)
	ub         float64   // rigorous bound of max Ψ − p·total
	infeasible bool      // the node's constraints leave no room
	empty      bool      // the node's box misses the total's bounds

	// coupled: the node's constraints G x ≤ h and the active set
	rows      [][]float64
	rowBuf    [][]float64
	h         []float64
	active    []bool
	lam       []float64
	fixed     []int8 // −1 held at the lower bound, +1 at the upper, 0 free
	needStart bool
	free      []int
	fc        face

	// scratch
	xlo, xhi, xa, xb []float64
	idx              []int
	coef             []float64
	hess             []float64
	dir, trial, grad []float64
}

func newChanState(ch *channel) *chanState {
	d := ch.dim
	st := &chanState{
		l: append([]float64(nil), ch.lo...), u: append([]float64(nil), ch.hi...),
		env: make([]envelope, len(ch.terms)), x: make([]float64, d), g: make([]float64, d),
		xlo: make([]float64, d), xhi: make([]float64, d), xa: make([]float64, d), xb: make([]float64, d),
		idx: make([]int, d), coef: make([]float64, d),
	}
	if ch.separable {
		st.flat, st.flatEnd = make([]float64, d), make([]float64, d)
		st.venv = make([]sumEnv, d)
	} else {
		st.aenv = make([]sumEnv, len(ch.args))
		st.hess = make([]float64, d*d)
		st.dir, st.trial, st.grad = make([]float64, d), make([]float64, d), make([]float64, d)
		st.fixed = make([]int8, d)
		st.zl, st.zu = make([]float64, len(ch.args)), make([]float64, len(ch.args))
		for a := range ch.args {
			st.zl[a], st.zu[a] = ch.args[a].lo, ch.args[a].hi
		}
	}
	copy(st.x, ch.lo)
	st.tbar = ch.tl
	return st
}

// setBox recomputes the envelopes and bounds after the box changed.
func (st *chanState) setBox(ch *channel) {
	sl, su := 0.0, 0.0
	for j := range st.l {
		sl += st.l[j]
		su += st.u[j]
		st.x[j] = math.Min(math.Max(st.x[j], st.l[j]), st.u[j])
	}
	st.tl, st.tu = math.Max(ch.tl, sl), math.Min(ch.tu, su)
	st.empty = st.tl > st.tu+1e-12*(math.Abs(st.tu)+ch.scale)
	if st.tl > st.tu {
		st.tl = st.tu // rounding (or an empty box, which respond refuses)
	}
	if !ch.separable {
		for t := range ch.terms {
			tm := &ch.terms[t]
			a := tm.arg
			st.env[t] = makeEnvelope(st.zl[a]*tm.inv, st.zu[a]*tm.inv, tm.k, tm.xi)
		}
		for a := range ch.args {
			ar := &ch.args[a]
			st.aenv[a] = st.jointEnvelope(ch, ar.terms, argCoef, st.zl[a], st.zu[a], ch.scale*sum(ar.c))
		}
		st.coupledRows(ch)
		return
	}
	for t := range ch.terms {
		tm := &ch.terms[t]
		j := tm.idx[0]
		st.env[t] = makeEnvelope(tm.b+tm.a[0]*st.l[j], tm.b+tm.a[0]*st.u[j], tm.k, tm.xi)
	}
	for j := 0; j < ch.dim; j++ {
		st.venv[j] = st.jointEnvelope(ch, ch.byVar[j], varCoef, st.l[j], st.u[j], ch.scale/float64(ch.dim))
	}
	for j := 0; j < ch.dim; j++ {
		st.flat[j], st.flatEnd[j] = math.NaN(), st.l[j]
		ts := ch.byVar[j]
		if st.u[j] <= st.l[j] {
			continue
		}
		if len(ts) == 0 {
			// A variable that brings nothing: flat at slope 0 over its range.
			st.flat[j], st.flatEnd[j] = 0, st.u[j]
			continue
		}
		if e := &st.venv[j]; e.on {
			st.flat[j], st.flatEnd[j] = e.slope, math.Min(e.t, st.u[j])
			continue
		}
		slope, end := 0.0, math.Inf(1)
		for _, t := range ts {
			e := &st.env[t]
			if e.t <= e.l {
				end = st.l[j]
				break
			}
			tm := &ch.terms[t]
			slope += tm.w * tm.a[0] * e.slope
			end = math.Min(end, (e.t-tm.b)/tm.a[0])
		}
		if end > st.l[j] {
			st.flat[j], st.flatEnd[j] = slope, math.Min(end, st.u[j])
		}
	}
}

// varCoef and argCoef give a term's argument, in its curve's units, as
// b + a·s of its variable (separable channels) or of its argument's value
// (coupled channels).
func varCoef(tm *term) (a, b float64) { return tm.a[0], tm.b }
func argCoef(tm *term) (a, b float64) { return tm.inv, 0 }

// jointEnvelope replaces the envelopes of terms ts, which read one variable
// s ∈ [lo, hi], by the curves themselves when their sum is concave there,
// or by the curves and the joint envelope it returns when their sum is
// convex then concave (sumenv.go); otherwise it leaves them.
func (st *chanState) jointEnvelope(ch *channel, ts []int, coef func(*term) (a, b float64), lo, hi, scale float64) sumEnv {
	if len(ts) < 2 || hi <= lo {
		return sumEnv{}
	}
	gap := false
	for _, t := range ts {
		if e := &st.env[t]; e.t > e.l {
			gap = true
		}
	}
	if !gap {
		return sumEnv{}
	}
	e, exact, ok := buildSumEnv(ch.terms, ts, coef, lo, hi, scale)
	if !ok {
		return sumEnv{}
	}
	for _, t := range ts {
		te := &st.env[t]
		te.t, te.ft, te.slope, te.shift = te.l, te.fl, 0, 0
	}
	if exact {
		return sumEnv{}
	}
	return e
}

// varGap is how far variable j's relaxed curve lies above its true one at x.
func (st *chanState) varGap(ch *channel, j int, x float64) float64 {
	if e := &st.venv[j]; e.on {
		f, _ := sumValue(ch.terms, ch.byVar[j], varCoef, x)
		if e.linear(x) {
			return math.Max(0, e.line(x)-f)
		}
		return e.shift + e.lift
	}
	g := 0.0
	for _, t := range ch.byVar[j] {
		tm := &ch.terms[t]
		g += tm.w * st.env[t].gap(tm.b+tm.a[0]*x, tm.k)
	}
	return g
}

// argGap is the same for argument a of a coupled channel at value z.
func (st *chanState) argGap(ch *channel, a int, z float64) float64 {
	ts := ch.args[a].terms
	if e := &st.aenv[a]; e.on {
		f, _ := sumValue(ch.terms, ts, argCoef, z)
		if e.linear(z) {
			return math.Max(0, e.line(z)-f)
		}
		return e.shift + e.lift
	}
	g := 0.0
	for _, t := range ts {
		tm := &ch.terms[t]
		g += tm.w * st.env[t].gap(z*tm.inv, tm.k)
	}
	return g
}

// varAll returns the relaxed curve of variable j of a separable channel at
// x: its value, slope and curvature.
func (st *chanState) varAll(ch *channel, j int, x float64) (f, d, dd float64) {
	e := &st.venv[j]
	if e.linear(x) {
		return e.line(x), e.slope, 0
	}
	f = e.shift + e.lift
	xr := 0.0 // x^(−k) shared by the variable's terms, 0 where it is not
	if k := ch.sharedK[j]; k != 0 && x > 0 {
		if xr = math.Pow(x, -k); math.IsInf(xr, 1) {
			xr = 0
		}
	}
	for _, t := range ch.byVar[j] {
		tm := &ch.terms[t]
		a := tm.a[0]
		u := tm.b + a*x
		var ef, ed, edd float64
		if r := tm.aNegK * xr; r > 0 && !math.IsInf(r, 1) && u > 0 {
			ef, ed, edd = st.env[t].allR(u, r, tm.k)
		} else {
			ef, ed, edd = st.env[t].all(u, tm.k)
		}
		f += tm.w * ef
		d += tm.w * a * ed
		dd += tm.w * a * a * edd
	}
	return f, d, dd
}

// rootVar solves G_j'(x) − q − ε(x − tbar) = 0 for x in (a, b), where the
// left side is positive at a and negative at b (b may be +Inf): a
// safeguarded Newton's method. ε may be 0.
func (st *chanState) rootVar(ch *channel, j int, q, eps, tbar, a, b, warm float64) float64 {
	f := func(x float64) (float64, float64) {
		_, d, dd := st.varAll(ch, j, x)
		return d - q - eps*(x-tbar), dd - eps
	}
	if math.IsInf(b, 1) {
		step := math.Max(math.Max(a, 1e-300), ch.scale/float64(ch.dim))
		for {
			nb := a + step
			if v, _ := f(nb); v < 0 {
				b = nb
				break
			}
			a, step = nb, step*4
			if math.IsInf(step, 1) {
				return math.Inf(1)
			}
		}
	}
	x := warm
	if !(x > a && x < b) {
		x = 0.5 * (a + b)
	}
	fall := 16.0 // the factor of the next step toward 0
	for i := 0; i < 200; i++ {
		v, dv := f(x)

		if v > 0 {
			a = x
		} else if v < 0 {
			b = x
		} else {
			return x
		}
		next := math.NaN()
		if dv < 0 {
			next = x - v/dv
		}
		if !(next > a && next < b) {
			if a > 0 && b > 8*a {
				next = math.Sqrt(a * b)
			} else if a <= 0 && b > 0 {
				// Toward 0, by b/16 first and by ever larger factors
				// after: a concave curve's root can lie at 1e-235 (a
				// shape just under 1), 195 steps of b/16. But not to
				// 0, where the slope is infinite (a root below 1e-300
				// is taken there: its slope is finite and below the
				// price, which bounds the channel).
				if b <= 1e-300 {
					return b // its slope is finite and below the price
				}
				next = math.Max(b/fall, 1e-300)
				fall = math.Min(fall*fall, 1e16)
			} else {
				next = 0.5 * (a + b)
			}
		}
		if math.Abs(next-x) <= 1e-15*math.Abs(x) || b-a <= 1e-15*math.Abs(b) {
			return next
		}
		x = next
	}
	return x
}

// respondVar returns the maximizers [lo, hi] of G_j(x) − q x over the
// variable's bounds (a range only on a linear stretch whose slope is q).
func (st *chanState) respondVar(ch *channel, j int, q float64) (lo, hi float64) {
	L, U := st.l[j], st.u[j]
	if U <= L {
		return L, L
	}
	if len(ch.byVar[j]) == 0 {
		switch {
		case q > 0:
			return L, L
		case q < 0:
			return U, U
		}
		return L, U
	}
	if q == st.flat[j] {
		return L, st.flatEnd[j]
	}
	if _, d, _ := st.varAll(ch, j, L); d <= q {
		return L, L
	}
	if !math.IsInf(U, 1) {
		if _, d, _ := st.varAll(ch, j, U); d >= q {
			return U, U
		}
	} else if q <= 0 {
		return U, U
	}
	x := st.rootVar(ch, j, q, 0, 0, L, U, st.x[j])
	return x, x
}

// respond answers price p: it sets x, T, w, val, hreg and ub.
func (st *chanState) respond(ch *channel, p float64) {
	if st.empty {
		st.infeasible = true
		st.hreg, st.ub = math.Inf(-1), math.Inf(-1)
		return
	}
	st.infeasible = false
	switch {
	case !ch.separable:
		st.respondCoupled(ch, p)
	case st.tu <= st.tl:
		st.respondSeparable(ch, p)
	case ch.dim == 1:
		st.respondScalar(ch, p)
	default:
		st.respondSeparable(ch, p)
	}
}

// respondScalar: one variable; the regularized answer solves
// G'(x) − p − ε(x − tl) = 0 on the total's bounds.
func (st *chanState) respondScalar(ch *channel, p float64) {
	eps, tbar := ch.eps, st.tbar
	L, U := st.tl, st.tu
	fd := func(x float64) float64 {
		_, d, _ := st.varAll(ch, 0, x)
		return d - p - eps*(x-tbar)
	}
	var x float64
	switch {
	case fd(L) <= 0:
		x = L
	case !math.IsInf(U, 1) && fd(U) >= 0:
		x = U
	default:
		x = st.rootVar(ch, 0, p, eps, tbar, L, U, st.x[0])
	}
	st.x[0] = x
	f, d, dd := st.varAll(ch, 0, x)
	st.T, st.val, st.g[0] = x, f, d
	st.w = 0
	if x > L && x < U {
		st.w = 1 / (eps - dd)
	}
	st.finish(ch, p)
}

// finish computes the regularized value and the rigorous bound at st.x.
func (st *chanState) finish(ch *channel, p float64) {
	dT := st.T - st.tbar
	st.hreg = st.val - p*st.T - 0.5*ch.eps*dT*dT
	st.ub = st.bound(ch, p)
}

// bound is the rigorous upper bound of max Ψ(y) − p·total(y) over the box
// and the total's bounds, from concavity at st.x (see the top of the file).
func (st *chanState) bound(ch *channel, p float64) float64 {
	for j := range st.coef {
		st.coef[j] = st.g[j] - p
		if math.IsNaN(st.coef[j]) {
			// No slope to linearize with: no bound, rather than the
			// silent 0 a NaN would add to it.
			return math.Inf(1)
		}
	}
	gain := st.linearGain(st.coef)
	if !math.IsInf(gain, 1) {
		return st.val - p*st.T + gain
	}
	// Unbounded: some variable without an upper bound still pays. Use also
	// Ψ ≤ Σ weights: for λ ∈ [0, 1], Ψ(y) ≤ λ(Ψ(x) + ∇Ψ(x)(y − x)) + (1 − λ)Σw.
	gmax := 0.0
	for j := range st.g {
		if math.IsInf(st.u[j], 1) && st.g[j] > gmax {
			gmax = st.g[j]
		}
	}
	if p <= 0 || gmax <= 0 {
		return math.Inf(1)
	}
	lambda := math.Min(1, p/gmax)
	for j := range st.coef {
		st.coef[j] = lambda*st.g[j] - p
		if math.IsInf(st.u[j], 1) && st.coef[j] > 0 {
			st.coef[j] = 0 // rounding of λ
		}
	}
	gain = st.linearGain(st.coef)
	return lambda*st.val + (1-lambda)*ch.wsum - p*st.T + gain
}

// linearGain is max Σ_j coef_j (y_j − x_j) over y in the box with
// tl ≤ Σ y ≤ tu: start every variable at its lower bound, then raise them
// in decreasing order of coef, as long as it pays or the total is below tl.
func (st *chanState) linearGain(coef []float64) float64 {
	return st.linearGainAt(coef, st.x, st.tl, st.tu)
}

// linearGainAt is linearGain from the point x instead of the answer, with
// tl ≤ Σ y ≤ tu.
func (st *chanState) linearGainAt(coef, x []float64, tl, tu float64) float64 {
	d := len(coef)
	if d == 1 {
		c := coef[0]
		switch {
		case c > 0:
			if math.IsInf(tu, 1) {
				return math.Inf(1)
			}
			return c * (tu - x[0])
		case c < 0:
			return c * (tl - x[0])
		}
		return 0
	}
	idx := st.idx[:d]
	for j := range idx {
		idx[j] = j
	}
	sort.Slice(idx, func(a, b int) bool { return coef[idx[a]] > coef[idx[b]] })
	sum, gain := 0.0, 0.0
	for j := range st.l {
		sum += st.l[j]
		if st.u[j] > st.l[j] {
			gain += coef[j] * (st.l[j] - x[j])
		}
	}
	for _, j := range idx {
		c := coef[j]
		var room float64
		switch {
		case c > 0:
			room = tu - sum
		case sum < tl:
			room = tl - sum
		default:
			return gain
		}
		add := math.Min(st.u[j]-st.l[j], room)
		if add <= 0 {
			if c > 0 && sum < tu {
				continue
			}
			if sum >= tl && c <= 0 {
				return gain
			}
			continue
		}
		if math.IsInf(add, 1) {
			return math.Inf(1)
		}
		sum += add
		gain += c * add
	}
	return gain
}

// respondSeparable: each variable answers an inner price q on its own; q
// is found so that the total meets its target clamp(tl + (q − p)/ε, tl,
// tu), the regularized optimality condition, by Newton's method on q kept
// inside a bracket. Where a variable's linear stretch has slope exactly q,
// the variables in it are filled in order.
func (st *chanState) respondSeparable(ch *channel, p float64) {
	eps, tbar := ch.eps, st.tbar
	target := func(q float64) float64 {
		return math.Min(math.Max(tbar+(q-p)/eps, st.tl), st.tu)
	}
	var slope float64 // dT/dq at the last evaluation (≤ 0), −Inf at a jump
	eval := func(q float64) (tlo, thi float64) {
		slope = 0
		for j := 0; j < ch.dim; j++ {
			lo, hi := st.respondVar(ch, j, q)
			st.xlo[j], st.xhi[j] = lo, hi
			tlo += lo
			thi += hi
			if lo > st.l[j] && lo < st.u[j] && len(ch.byVar[j]) > 0 {
				_, _, dd := st.varAll(ch, j, lo)
				if dd < 0 {
					slope += 1 / dd
				} else {
					slope = math.Inf(-1)
				}
			}
		}
		return tlo, thi
	}
	unbounded := false
	for j := range st.u {
		if math.IsInf(st.u[j], 1) {
			unbounded = true
		}
	}
	q := p + st.qoff
	if unbounded && q < 0 {
		q = 0
	}
	// The target moves by 1/ε per unit of q, so it can be met no closer
	// than a rounding of q over ε.
	tolT := 1e-13*ch.scale + 8e-16*(math.Abs(p)+ch.wsum/ch.scale)/eps
	tlo, thi := eval(q)
	tg := target(q)
	qa, qb := math.Inf(-1), math.Inf(1) // too much total at qa, too little at qb
	haveA, haveB := false, false
	matched := false
	for iter := 0; iter < 200; iter++ {
		tol := tolT
		if tg <= st.tl || tg >= st.tu {
			tol = 1e-13 * ch.scale // a bound, not q, sets the target
		}
		if tlo-tol <= tg && tg <= thi+tol {
			matched = true
			break
		}
		if tlo > tg {
			qa, haveA = q, true
			copy(st.xa, st.xhi)
		} else {
			qb, haveB = q, true
			copy(st.xb, st.xlo)
		}
		if haveA && haveB && qb-qa <= 1e-15*math.Max(math.Abs(qa), math.Abs(qb)) {
			// A jump too steep to resolve: fill between the bracket's answers.
			q = qb
			copy(st.xlo, st.xb)
			copy(st.xhi, st.xa)
			tlo, thi = sum(st.xlo), sum(st.xhi)
			tg = math.Min(math.Max(target(q), tlo), thi)
			matched = true
			break
		}
		// Newton's step on Δ(q) = T(q) − target(q).
		dtg := 0.0
		if tg > st.tl && tg < st.tu {
			dtg = 1 / eps
		}
		next := math.NaN()
		if d := slope - dtg; d < 0 && !math.IsInf(d, -1) {
			t := tlo
			if tlo < tg {
				t = thi
			}
			next = q - (t-tg)/d
		}
		// A linear stretch's slope inside the bracket is where the total
		// jumps: try the one nearest the estimate.
		if haveA && haveB {
			ref := next
			if !(ref > qa && ref < qb) {
				ref = 0.5 * (qa + qb)
			}
			best := math.Inf(1)
			for j := 0; j < ch.dim; j++ {
				if s := st.flat[j]; s > qa && s < qb && math.Abs(s-ref) < best {
					best, next = math.Abs(s-ref), s
				}
			}
		}
		switch {
		case next > qa && next < qb && next != q:
		case !haveB:
			next = q + (math.Abs(q)+ch.wsum/ch.scale)*math.Pow(4, float64(iter))*1e-6
		case !haveA:
			next = q - (math.Abs(q)+ch.wsum/ch.scale)*math.Pow(4, float64(iter))*1e-6
			if unbounded && next < 0 {
				// Below a price of 0 a variable without an upper bound
				// answers +Inf: at 0 it answers its whole range, which
				// the fill then uses.
				next = 0
				if q <= 0 {
					next = q // already there: the fill below takes it
				}
			}
		default:
			next = 0.5 * (qa + qb)
		}
		q = next
		tlo, thi = eval(q)
		tg = target(q)
	}
	if !matched && haveA && haveB {
		// Out of iterations: fill between the bracket's answers.
		q = qb
		copy(st.xlo, st.xb)
		copy(st.xhi, st.xa)
		tlo, thi = sum(st.xlo), sum(st.xhi)
		tg = math.Min(math.Max(target(q), tlo), thi)
	}
	st.qoff = q - p
	// Fill ties in order; then, where rounding left the total past its
	// bounds, put the excess back on the variables with room.
	rest := tg - tlo
	for _, j := range ch.order {
		x := st.xlo[j]
		if rest > 0 {
			add := math.Min(rest, st.xhi[j]-x)
			x += add
			rest -= add
		}
		st.x[j] = x
	}
	if t := sum(st.x); t > st.tu {
		st.shift(ch, st.x, st.tu-t)
	} else if t < st.tl {
		st.shift(ch, st.x, st.tl-t)
	}
	st.T, st.val = 0, 0
	curv := 0.0 // Σ over interior variables of 1/|G''|
	// A jump: a variable's answer is a range at q (a linear stretch), not
	// merely the rounding of a bracket too narrow to tell the ends apart.
	jump := false
	for j := range st.xlo {
		if st.xhi[j]-st.xlo[j] > 1e-9*math.Min(st.u[j]-st.l[j], ch.scale) {
			jump = true
		}
	}
	for j := 0; j < ch.dim; j++ {
		x := st.x[j]
		st.T += x
		if len(ch.byVar[j]) == 0 {
			st.g[j] = 0
			continue
		}
		f, d, dd := st.varAll(ch, j, x)
		st.val += f
		st.g[j] = d
		if x > st.l[j] && x < st.u[j] {
			if dd < 0 {
				curv += -1 / dd
			} else {
				jump = true
			}
		}
	}
	switch {
	case tg <= st.tl || tg >= st.tu:
		st.w = 0
	case jump:
		st.w = 1 / eps
	default:
		st.w = curv / (1 + eps*curv)
	}
	st.finish(ch, p)
}
