package alloc

import "math"

// Channels whose terms mix several variables (carryover: a month's pressure
// sums the spends before it) are branched on their arguments' ranges: a
// node holds each argument a within [zl_a, zu_a], and the relaxation keeps
// to those ranges as linear constraints on the variables,
//
//	zl_a ≤ b_a + c_a·x ≤ zu_a,
//
// beside the variables' box and the total's bounds. Its relaxed problem,
// maximise Ψ(x) − p·Σx − (ε/2)(Σx − tl)² over that polytope (a smooth
// concave function of a few dozen variables at most), is solved by a
// primal active-set Newton method warm-started from the last answer: the
// working set holds the variables at a bound and the constraints met with
// equality; each step solves the Newton system on the face they define,
// walks to the first constraint in the way, and a constraint whose
// multiplier turns negative at a stationary point is released.

// coupledRows rebuilds the node's linear constraints G x ≤ h: the
// arguments' ranges narrower than the box gives, and the total's bounds.
func (st *chanState) coupledRows(ch *channel) {
	n := ch.dim
	st.rows, st.h = st.rows[:0], st.h[:0]
	add := func(h float64) []float64 {
		k := len(st.h)
		if k < len(st.rowBuf) {
			r := st.rowBuf[k]
			for j := range r {
				r[j] = 0
			}
			st.rows = append(st.rows, r)
		} else {
			r := make([]float64, n)
			st.rowBuf = append(st.rowBuf, r)
			st.rows = append(st.rows, r)
		}
		st.h = append(st.h, h)
		return st.rows[k]
	}
	for a := range ch.args {
		ar := &ch.args[a]
		if st.zl[a] > ar.lo {
			r := add(ar.b - st.zl[a])
			for i, j := range ar.idx {
				r[j] = -ar.c[i]
			}
		}
		if st.zu[a] < ar.hi {
			r := add(st.zu[a] - ar.b)
			for i, j := range ar.idx {
				r[j] = ar.c[i]
			}
		}
	}
	sl, su := sum(st.l), sum(st.u)
	if st.tl > sl {
		r := add(-st.tl)
		for j := range r {
			r[j] = -1
		}
	}
	if st.tu < su {
		r := add(st.tu)
		for j := range r {
			r[j] = 1
		}
	}
	st.active = st.active[:0]
	st.lam = st.lam[:0]
	for range st.h {
		st.active = append(st.active, false)
		st.lam = append(st.lam, 0)
	}
	st.needStart = true
	if len(st.h) > 0 {
		st.totalRange(ch)
	}
}

// totalRange narrows the total's bounds to what the node's polytope allows
// (the arguments' ranges can force spend, or forbid it), by two small linear
// programs; an empty polytope makes the node empty.
func (st *chanState) totalRange(ch *channel) {
	n := ch.dim
	prob := &lp{a: st.rows, b: st.h, c: make([]float64, n), lo: st.l, hi: st.u}
	for j := range prob.c {
		prob.c[j] = 1
	}
	res := prob.solve()
	if res.status == lpInfeasible {
		st.empty = true
		return
	}
	lo := sum(res.v)
	for j := range prob.c {
		prob.c[j] = -1
	}
	res = prob.solve()
	hi := math.Inf(1)
	if res.status != lpUnbounded {
		hi = sum(res.v)
	}
	slack := 1e-12 * (math.Abs(hi) + ch.scale)
	if lo > st.tl+slack {
		st.tl = lo
	}
	if hi < st.tu-slack {
		st.tu = hi
	}
	if st.tl > st.tu {
		st.tl = st.tu
	}
}

// psiAxis is Ψ's slope and curvature along variable j at x: psiAll's
// g[j] and hess[j][j], summed in the same order (so the same figures),
// from the arguments that read j alone. polish needs no more, and the full
// Hessian it used to build for each step cost d³ per variable: free
// flighting over 24 months spent three quarters of its time there.
func (st *chanState) psiAxis(ch *channel, x []float64, j int) (gj, hjj float64) {
	for a := range ch.args {
		ar := &ch.args[a]
		at := -1
		for i, v := range ar.idx {
			if v == j {
				at = i
				break
			}
		}
		if at < 0 {
			continue
		}
		z := ar.b
		for i, v := range ar.idx {
			z += ar.c[i] * x[v]
		}
		var dz, ddz float64
		if e := &st.aenv[a]; e.linear(z) {
			dz = e.slope
		} else {
			for _, t := range ar.terms {
				tm := &ch.terms[t]
				_, dv, dd := st.env[t].all(z*tm.inv, tm.k)
				dz += tm.w * tm.inv * dv
				ddz += tm.w * tm.inv * tm.inv * dd
			}
		}
		gj += dz * ar.c[at]
		ci := ddz * ar.c[at]
		hjj += ci * ar.c[at]
	}
	return gj, hjj
}

// psiAll computes Ψ, its gradient into g and, when hess is not nil, its
// Hessian (dense, d×d) at x.
func (st *chanState) psiAll(ch *channel, x, g, hess []float64) float64 {
	d := ch.dim
	for j := range g {
		g[j] = 0
	}
	for i := range hess {
		hess[i] = 0
	}
	val := 0.0
	for a := range ch.args {
		ar := &ch.args[a]
		z := ar.b
		for i, j := range ar.idx {
			z += ar.c[i] * x[j]
		}
		var fz, dz, ddz float64 // the argument's terms: value, slope and curvature in z
		if e := &st.aenv[a]; e.linear(z) {
			fz, dz = e.line(z), e.slope
		} else {
			fz = e.shift + e.lift
			for _, t := range ar.terms {
				tm := &ch.terms[t]
				f, dv, dd := st.env[t].all(z*tm.inv, tm.k)
				fz += tm.w * f
				dz += tm.w * tm.inv * dv
				ddz += tm.w * tm.inv * tm.inv * dd
			}
		}
		val += fz
		for i, j := range ar.idx {
			g[j] += dz * ar.c[i]
		}
		if hess == nil || ddz == 0 {
			continue
		}
		for i, j := range ar.idx {
			ci := ddz * ar.c[i]
			row := hess[j*d:]
			for k, l := range ar.idx {
				row[l] += ci * ar.c[k]
			}
		}
	}
	return val
}

// respondCoupled answers price p for a channel with coupled terms.
func (st *chanState) respondCoupled(ch *channel, p float64) {
	st.infeasible = false
	if st.needStart && !st.feasibleStart(ch) {
		st.infeasible = true
		st.hreg, st.ub = math.Inf(-1), math.Inf(-1)
		return
	}
	st.needStart = false
	w := st.activeSolve(ch, p)
	st.val = st.psiAll(ch, st.x, st.g, nil)
	if !finite(st.g) && st.pinZeroArgs(ch) {
		// An argument at 0 where a concave curve's slope is infinite,
		// which the node's constraints hold there: a constant now.
		w = st.activeSolve(ch, p)
		st.val = st.psiAll(ch, st.x, st.g, nil)
	}
	st.T = sum(st.x)
	st.w = w
	dT := st.T - st.tbar
	st.hreg = st.val - p*st.T - 0.5*ch.eps*dT*dT
	st.ub = st.coupledBound(ch, p)
}

// pinZeroArgs marks as constant (for this node) the terms of every argument
// at 0 with an infinite slope that the node's polytope cannot move off 0 (a
// linear program maximizes it); it reports whether it marked any.
func (st *chanState) pinZeroArgs(ch *channel) bool {
	pinned := false
	for a := range ch.args {
		ar := &ch.args[a]
		z := ar.b
		for i, j := range ar.idx {
			z += ar.c[i] * st.x[j]
		}
		if z > 0 {
			continue
		}
		infinite := false
		for _, t := range ar.terms {
			if tm := &ch.terms[t]; tm.k < 1 && !st.env[t].fixed {
				infinite = true
			}
		}
		if !infinite {
			continue
		}
		prob := &lp{a: st.rows, b: st.h, c: make([]float64, ch.dim), lo: st.l, hi: st.u}
		for i, j := range ar.idx {
			prob.c[j] = -ar.c[i]
		}
		res := prob.solve()
		if res.status != lpOptimal {
			continue
		}
		top := ar.b
		for i, j := range ar.idx {
			top += ar.c[i] * res.v[j]
		}
		if top <= 1e-12*(1+math.Abs(ar.hi)) {
			for _, t := range ar.terms {
				st.env[t].fixed = true
			}
			pinned = true
		}
	}
	return pinned
}

// feasibleStart moves st.x into the node's polytope, the least in total, by
// a small linear program; false when the polytope is empty.
func (st *chanState) feasibleStart(ch *channel) bool {
	n := ch.dim
	for j := range st.x {
		st.x[j] = math.Min(math.Max(st.x[j], st.l[j]), st.u[j])
		st.fixed[j] = 0
	}
	violated := false
	for k, r := range st.rows {
		if dot(r, st.x)-st.h[k] > 1e-12*(math.Abs(st.h[k])+absDot(r, st.x)) {
			violated = true
		}
	}
	if !violated {
		return true
	}
	prob := &lp{a: make([][]float64, len(st.rows)), b: make([]float64, len(st.rows)),
		c: make([]float64, 2*n), lo: make([]float64, 2*n), hi: make([]float64, 2*n)}
	for k, r := range st.rows {
		row := make([]float64, 2*n)
		for j := 0; j < n; j++ {
			row[j], row[n+j] = r[j], -r[j]
		}
		prob.a[k], prob.b[k] = row, st.h[k]-dot(r, st.x)
	}
	for j := 0; j < n; j++ {
		prob.hi[j], prob.hi[n+j] = st.u[j]-st.x[j], st.x[j]-st.l[j]
		prob.c[j], prob.c[n+j] = 1, 1
	}
	res := prob.solve()
	if res.status == lpInfeasible {
		return false
	}
	for j := 0; j < n; j++ {
		st.x[j] = math.Min(math.Max(st.x[j]+res.v[j]-res.v[n+j], st.l[j]), st.u[j])
	}
	return true
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func absDot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += math.Abs(a[i] * b[i])
	}
	return s
}

// activeSolve runs the active-set Newton method from st.x; it returns
// −dT/dp at the answer.
func (st *chanState) activeSolve(ch *channel, p float64) float64 {
	w := st.activeCore(ch, p)
	st.polish(ch, p)
	return w
}

// polish refines, one at a time by Newton's method along its own axis, the
// free variables outside the working set: where a curve's slope explodes
// near 0 the joint Newton system is too ill-conditioned to meet the price
// to the precision the bound needs (its gap is the slope's error times the
// variable's reach, unbounded for some).
func (st *chanState) polish(ch *channel, p float64) {
	eps, tbar := ch.eps, st.tbar
	for j := 0; j < ch.dim; j++ {
		if st.fixed[j] != 0 || !(st.u[j] > st.l[j]) {
			continue
		}
		inRow := false
		for k, on := range st.active {
			if on && st.rows[k][j] != 0 {
				inRow = true
			}
		}
		if inRow {
			continue
		}
		for it := 0; it < 6; it++ {
			gj, hjj := st.psiAxis(ch, st.x, j)
			f := gj - p - eps*(sum(st.x)-tbar)
			curv := hjj - eps
			if !(curv < 0) || math.IsNaN(f) || math.IsInf(f, 0) {
				break
			}
			step := -f / curv
			// Keep within the bounds and the rows.
			if st.x[j]+step < st.l[j] {
				step = st.l[j] - st.x[j]
			}
			if st.x[j]+step > st.u[j] {
				step = st.u[j] - st.x[j]
			}
			for k, r := range st.rows {
				if r[j]*step > 0 {
					if room := (st.h[k] - dot(r, st.x)) / r[j]; math.Abs(room) < math.Abs(step) {
						step = room
					}
				}
			}
			if math.Abs(step) <= 1e-16*math.Abs(st.x[j]) || step == 0 {
				break
			}
			st.x[j] += step
		}
	}
}

// activeCore is the active-set Newton method proper.
func (st *chanState) activeCore(ch *channel, p float64) float64 {
	n := ch.dim
	eps, tbar := ch.eps, st.tbar
	x, g, hess, gf, trial := st.x, st.g, st.hess, st.grad, st.trial
	objective := func(y []float64) float64 {
		s := sum(y)
		return st.psiAll(ch, y, st.coef, nil) - p*s - 0.5*eps*(s-tbar)*(s-tbar)
	}
	priceScale := math.Abs(p) + ch.wsum/ch.scale + 1e-300
	tol0 := 1e-300
	released, stalled := -1, false
	for it := 0; it < 400; it++ {
		tol := tol0
		st.psiAll(ch, x, g, hess)
		if st.unstick(ch, g, p) {
			continue
		}
		if !finite(g) {
			break // pinned where a slope is infinite: the bound says so
		}
		s := sum(x)
		for j := 0; j < n; j++ {
			gf[j] = g[j] - p - eps*(s-tbar)
			// At the start, hold the variables at a bound that the
			// gradient pushes out (released later if their multiplier
			// says so).
			if it == 0 && st.fixed[j] == 0 {
				switch {
				case x[j] <= st.l[j] && gf[j] <= 0:
					st.fixed[j] = -1
				case x[j] >= st.u[j] && gf[j] >= 0:
					st.fixed[j] = 1
				}
			}
		}
		if it == 0 {
			st.pruneDependent(ch)
		}
		if !st.kkt(ch, hess, gf, eps) {
			break
		}
		minReach := math.Inf(1)
		for _, j := range st.free {
			r := st.u[j] - st.l[j]
			if math.IsInf(r, 1) {
				r = ch.scale
			}
			minReach = math.Min(minReach, r)
		}
		if released >= 0 {
			// A variable just released from its bound must move off it;
			// where Newton's step (through the other variables) would push
			// it back, take the gradient's direction on the face instead,
			// which does.
			for i, j := range st.free {
				if j == released && (x[j]+st.dir[i] < st.l[j] || x[j]+st.dir[i] > st.u[j]) {
					st.gradientStep(ch, gf, minReach)
				}
			}
			released = -1
		}
		free, dir := st.free, st.dir
		dec := 0.0
		for i, j := range free {
			dec += gf[j] * dir[i]
		}
		// Stationary on the face when what the free variables could still
		// gain to first order over their reach — what the bound would
		// concede — is negligible, or when Newton's step (the exact one
		// where Ψ is linear along the face and only the regularization
		// curves it) is lost in rounding.
		long, gain := 0.0, 0.0
		for i, j := range free {
			reach := st.u[j] - st.l[j]
			if math.IsInf(reach, 1) {
				reach = ch.scale
			}
			long = math.Max(long, math.Abs(dir[i])/reach)
			r := gf[j]
			for k, on := range st.active {
				if on {
					r -= st.lam[k] * st.rows[k][j]
				}
			}
			gain += math.Abs(r) * reach
		}
		scaleV := ch.wsum + math.Abs(p)*ch.scale + 1
		switch small := gain <= 1e-11*scaleV; {
		case small && long <= 1e-10:
			dec = 0
		case long <= 1e-12 && gain > 1e-8*scaleV && !stalled:
			// Newton's step is lost while much is still to gain: the
			// curvature blows up (a concave curve near zero). A gradient
			// step with a line search instead, once.
			st.gradientStep(ch, gf, minReach)
			dir = st.dir
			dec = 0
			for i, j := range free {
				dec += gf[j] * dir[i]
			}
			stalled = true
		case long <= 1e-15:
			dec = 0
		default:
			stalled = false
		}
		if dec <= tol {
			// Stationary on this face: release the constraint whose
			// multiplier has the wrong sign, if any.
			worst, wr, wv := 0.0, -1, -1
			for k, on := range st.active {
				if on && st.lam[k] < -1e-12*priceScale && -st.lam[k] > worst {
					worst, wr, wv = -st.lam[k], k, -1
				}
			}
			for j := 0; j < n; j++ {
				if st.fixed[j] == 0 {
					continue
				}
				r := gf[j]
				for k, on := range st.active {
					if on {
						r -= st.lam[k] * st.rows[k][j]
					}
				}
				if v := r * float64(st.fixed[j]); v < -1e-12*priceScale && -v > worst {
					worst, wr, wv = -v, -1, j
				}
			}
			switch {
			case wr >= 0:
				st.active[wr] = false
			case wv >= 0:
				st.fixed[wv] = 0
				released = wv
			default:
				return st.slope(ch, hess, eps)
			}
			continue
		}
		// Where Ψ is linear the step can be long: keep it within the
		// variables' ranges.
		over := 0.0
		for i, j := range free {
			reach := st.u[j] - st.l[j]
			if math.IsInf(reach, 1) {
				reach = ch.scale
			}
			over = math.Max(over, math.Abs(dir[i])/reach)
		}
		if over > 1 {
			for i := range free {
				dir[i] /= over
			}
			dec /= over
		}
		// The first constraint in the way.
		amax, bv, br, side := 1.0, -1, -1, int8(0)
		for i, j := range free {
			switch {
			case dir[i] > 0 && !math.IsInf(st.u[j], 1):
				if a := (st.u[j] - x[j]) / dir[i]; a < amax {
					amax, bv, br, side = math.Max(a, 0), j, -1, 1
				}
			case dir[i] < 0:
				if a := (st.l[j] - x[j]) / dir[i]; a < amax {
					amax, bv, br, side = math.Max(a, 0), j, -1, -1
				}
			}
		}
		dnorm := 0.0
		for i := range free {
			dnorm = math.Max(dnorm, math.Abs(dir[i]))
		}
		for k, r := range st.rows {
			if st.active[k] {
				continue
			}
			gd, rn := 0.0, 0.0
			for i, j := range free {
				gd += r[j] * dir[i]
				rn += math.Abs(r[j])
			}
			// A row the step runs along (to rounding) does not block it.
			if gd > 1e-12*rn*dnorm {
				if a := (st.h[k] - dot(r, x)) / gd; a < amax {
					amax, bv, br = math.Max(a, 0), -1, k
				}
			}
		}
		if amax == 0 {
			// A degenerate corner: hold every constraint the step would
			// cross at once, rather than one per iteration.
			for i, j := range free {
				switch {
				case dir[i] > 0 && x[j] >= st.u[j]:
					st.fixed[j] = 1
				case dir[i] < 0 && x[j] <= st.l[j]:
					st.fixed[j] = -1
				}
			}
			for k, r := range st.rows {
				if st.active[k] {
					continue
				}
				gd, rn := 0.0, 0.0
				for i, j := range free {
					gd += r[j] * dir[i]
					rn += math.Abs(r[j])
				}
				if gd > 1e-12*rn*dnorm && st.h[k]-dot(r, x) <= 0 {
					st.activate(ch, k)
				}
			}
			st.pruneDependent(ch)
			continue
		}
		alpha := amax
		if alpha > 1e-10 {
			f0 := objective(x)
			noise := 1e-14 * (math.Abs(f0) + ch.wsum)
			accepted := false
			for ls := 0; ls < 60; ls++ {
				copy(trial, x)
				for i, j := range free {
					trial[j] = x[j] + alpha*dir[i]
				}
				f := objective(trial)
				if f >= f0+1e-4*alpha*dec || (alpha*dec < 1e3*noise && f >= f0-noise) {
					accepted = true
					break
				}
				alpha *= 0.5
			}
			if !accepted {
				return st.slope(ch, hess, eps)
			}
			copy(x, trial)
		} else if alpha > 0 {
			// A constraint a rounding away: step onto it.
			for i, j := range free {
				x[j] += alpha * dir[i]
			}
		}
		if alpha == amax {
			switch {
			case bv >= 0:
				st.fixed[bv] = side
				if side > 0 {
					x[bv] = st.u[bv]
				} else {
					x[bv] = st.l[bv]
				}
				st.pruneDependent(ch)
			case br >= 0:
				st.activate(ch, br)
			}
		}
		for j := range x {
			x[j] = math.Min(math.Max(x[j], st.l[j]), st.u[j])
		}
	}
	st.psiAll(ch, x, g, hess)
	return st.slope(ch, hess, eps)
}

// activate adds row k to the working set unless it depends on the rows
// already there (on the free variables): a dependent row is implied, and
// would make the Newton system singular.
func (st *chanState) activate(ch *channel, k int) {
	st.active[k] = true
	if !st.independent(ch) {
		st.active[k] = false
	}
}

// pruneDependent drops from the working set the rows that depend on those
// before them, after a variable was held at a bound.
func (st *chanState) pruneDependent(ch *channel) {
	keep := make([]bool, len(st.active))
	copy(keep, st.active)
	for k := range st.active {
		st.active[k] = false
	}
	for k, on := range keep {
		if on {
			st.activate(ch, k)
		}
	}
}

// independent reports whether the working set's rows, on the free
// variables, are linearly independent (modified Gram–Schmidt).
func (st *chanState) independent(ch *channel) bool {
	var free []int
	for j := 0; j < ch.dim; j++ {
		if st.fixed[j] == 0 && st.u[j] > st.l[j] {
			free = append(free, j)
		}
	}
	var basis [][]float64
	for k, on := range st.active {
		if !on {
			continue
		}
		v := make([]float64, len(free))
		norm0 := 0.0
		for i, j := range free {
			v[i] = st.rows[k][j]
			norm0 += v[i] * v[i]
		}
		for _, q := range basis {
			d := dot(q, v)
			for i := range v {
				v[i] -= d * q[i]
			}
		}
		norm := math.Sqrt(dot(v, v))
		if norm <= 1e-9*math.Sqrt(norm0) || norm0 == 0 {
			return false
		}
		for i := range v {
			v[i] /= norm
		}
		basis = append(basis, v)
	}
	return true
}

// unstick moves off their lower bound the variables where Ψ's slope is
// infinite (a concave curve, shape < 1, at a zero argument): no maximizer
// sits there, and Newton's method needs finite slopes. It reports whether
// it moved any.
func (st *chanState) unstick(ch *channel, g []float64, p float64) bool {
	moved := false
	for j, v := range g {
		if !math.IsInf(v, 0) && !math.IsNaN(v) {
			continue
		}
		reach := st.u[j] - st.l[j]
		if math.IsInf(reach, 1) {
			reach = ch.scale
		}
		if reach <= 0 {
			continue
		}
		old := st.x[j]
		// Where along the variable alone its slope falls to the price:
		// bisect in log scale between 1e-12 and 1e-6 of its reach (the
		// curve's slope and curvature explode towards 0).
		slopeAt := func(x float64) float64 {
			st.x[j] = x
			st.psiAll(ch, st.x, st.coef, nil)
			return st.coef[j] - p
		}
		hi := st.l[j] + 1e-6*reach
		if slopeAt(hi) < 0 {
			lo := math.Max(st.l[j], st.l[j]+1e-12*reach) // not where the curvature explodes
			for it := 0; it < 200 && hi > lo*(1+1e-12); it++ {
				m := math.Sqrt(lo * hi)
				if slopeAt(m) > 0 {
					lo = m
				} else {
					hi = m
				}
			}
		}
		st.x[j] = hi
		ok := st.x[j] > old
		for k, r := range st.rows {
			if ok && dot(r, st.x) > st.h[k] {
				ok = false
			}
		}
		if !ok {
			st.x[j] = old
			continue
		}
		st.fixed[j] = 0
		moved = true
	}
	if !moved {
		moved = st.unstickJointly(ch, g)
	}
	return moved
}

// unstickJointly moves x, the least in total, to a point of the node's
// polytope where every argument with an infinite slope is off 0 by a
// millionth of its range, when the constraints keep each variable from
// moving alone (a total held at a bound: another variable must give way).
func (st *chanState) unstickJointly(ch *channel, g []float64) bool {
	n := ch.dim
	var extra [][]float64
	var bound []float64
	for a := range ch.args {
		ar := &ch.args[a]
		z, infinite := ar.b, false
		for i, j := range ar.idx {
			z += ar.c[i] * st.x[j]
			if math.IsInf(g[j], 0) || math.IsNaN(g[j]) {
				infinite = true
			}
		}
		if !infinite || z > 0 {
			continue
		}
		top := st.zu[a]
		if math.IsInf(top, 1) {
			top = ch.scale * sum(ar.c)
		}
		row := make([]float64, n)
		for i, j := range ar.idx {
			row[j] = -ar.c[i]
		}
		extra = append(extra, row)
		bound = append(bound, ar.b-1e-6*(top-st.zl[a])) // −z ≤ −δ
	}
	if len(extra) == 0 {
		return false
	}
	rows := append(append([][]float64(nil), st.rows...), extra...)
	h := append(append([]float64(nil), st.h...), bound...)
	prob := &lp{a: make([][]float64, len(rows)), b: make([]float64, len(rows)),
		c: make([]float64, 2*n), lo: make([]float64, 2*n), hi: make([]float64, 2*n)}
	for k, r := range rows {
		row := make([]float64, 2*n)
		for j := 0; j < n; j++ {
			row[j], row[n+j] = r[j], -r[j]
		}
		prob.a[k], prob.b[k] = row, h[k]-dot(r, st.x)
	}
	for j := 0; j < n; j++ {
		prob.hi[j], prob.hi[n+j] = st.u[j]-st.x[j], st.x[j]-st.l[j]
		prob.c[j], prob.c[n+j] = 1, 1
	}
	res := prob.solve()
	if res.status != lpOptimal && res.status != lpStalled {
		return false
	}
	for j := 0; j < n; j++ {
		st.x[j] = math.Min(math.Max(st.x[j]+res.v[j]-res.v[n+j], st.l[j]), st.u[j])
		st.fixed[j] = 0
	}
	for k := range st.active {
		st.active[k] = false
	}
	return true
}

// finite reports whether every entry of v is finite.
func finite(v []float64) bool {
	for _, x := range v {
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return false
		}
	}
	return true
}

// coupledBound is the rigorous bound of max Ψ − p·total over the node's
// polytope: with the constraints' multipliers λ ≥ 0 and concavity at x,
//
//	≤ Ψ(x) − p·Σx + λ·(h − Gx) + Σ_j max_{y_j ∈ [l_j, u_j]} (∇Ψ_j − p − (Gᵀλ)_j)(y_j − x_j).
//
// Where that is unbounded (a variable without an upper bound that still
// pays), Ψ ≤ Σ weights is mixed in (see chanState.bound).
func (st *chanState) coupledBound(ch *channel, p float64) float64 {
	if finite(st.g) {
		return st.boundAt(ch, p, st.x, st.g, st.val)
	}
	// An infinite slope (a concave curve at 0): linearize instead a little
	// inside, where the slopes are finite (concavity holds there as well):
	// 1e-12 of the reach in, and where along its axis the slope falls to
	// the price; either can be the tighter.
	best := math.Inf(1)
	{
		x := append([]float64(nil), st.x...)
		g := make([]float64, len(x))
		for j := range x {
			if math.IsInf(st.g[j], 0) || math.IsNaN(st.g[j]) {
				reach := st.u[j] - st.l[j]
				if math.IsInf(reach, 1) {
					reach = ch.scale
				}
				x[j] += 1e-12 * reach
			}
		}
		if val := st.psiAll(ch, x, g, nil); finite(g) {
			best = st.boundAt(ch, p, x, g, val)
		}
	}
	x := append([]float64(nil), st.x...)
	g := make([]float64, len(x))
	for j := range x {
		if !math.IsInf(st.g[j], 0) && !math.IsNaN(st.g[j]) {
			continue
		}
		reach := st.u[j] - st.l[j]
		if math.IsInf(reach, 1) {
			reach = ch.scale
		}
		lo, hi := st.l[j]+1e-300, st.l[j]+1e-6*reach
		for it := 0; it < 200 && hi > lo*(1+1e-12); it++ {
			m := math.Sqrt(lo * hi)
			x[j] = m
			st.psiAll(ch, x, g, nil)
			if g[j] > p {
				lo = m
			} else {
				hi = m
			}
		}
		x[j] = hi
	}
	val := st.psiAll(ch, x, g, nil)
	if !finite(g) {
		return best
	}
	return math.Min(best, st.boundAt(ch, p, x, g, val))
}

// boundAt is coupledBound's formula with the linearization at the point x
// (gradient g, value val), which need not lie in the node's polytope.
func (st *chanState) boundAt(ch *channel, p float64, x, g []float64, val float64) float64 {
	n := ch.dim
	coef := make([]float64, n)
	slack, total := 0.0, sum(x)
	for j := 0; j < n; j++ {
		coef[j] = -p
	}
	for k, r := range st.rows {
		lk := math.Max(0, st.lam[k])
		if !st.active[k] || lk == 0 {
			continue
		}
		slack += lk * (st.h[k] - dot(r, x))
		for j := 0; j < n; j++ {
			coef[j] -= lk * r[j]
		}
	}
	// The linear part's maximum over the box and the total's range (a
	// greedy fill, exact for that polytope, which holds the channel's):
	// over the box alone, a total held at a bound whose multiplier the
	// active-set search left at 0 (a degenerate vertex: a variable at its
	// upper end as well) was dropped, and with it most of the bound (found
	// by the fuzzer).
	// The node's total range comes from linear programs: widened by what
	// their rounding could have cost.
	margin := 1e-10 * (math.Max(math.Abs(st.tl), math.Abs(st.tu)) + ch.scale)
	if math.IsInf(margin, 1) {
		margin = 1e-10 * (math.Abs(st.tl) + ch.scale)
	}
	cc := make([]float64, n)
	gain := func(lambda float64) float64 {
		for j := 0; j < n; j++ {
			cc[j] = lambda*g[j] + coef[j]
		}
		return st.linearGainAt(cc, x, math.Max(0, st.tl-margin), st.tu+margin)
	}
	if v := gain(1); !math.IsInf(v, 1) {
		return val - p*total + slack + v
	}
	lambda := 1.0
	for j := 0; j < n; j++ {
		if math.IsInf(st.u[j], 1) && g[j] > 0 {
			if -coef[j] <= 0 {
				return math.Inf(1)
			}
			lambda = math.Min(lambda, -coef[j]/g[j])
		}
	}
	lambda *= 1 - 1e-15
	v := gain(lambda)
	return lambda*val + (1-lambda)*ch.wsum - p*total + slack + v
}
