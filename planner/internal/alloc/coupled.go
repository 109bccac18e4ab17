package alloc

import (
	"fmt"
	"math"
)

var traceActive bool
var traceAt = 11

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
}

// psiAll computes Ψ, its gradient into g and, when hess is not nil, its
// Hessian (dense, d×d) at x.
func (st *chanState) psiAll(ch *channel, x, g, hess []float64) float64 {
	d := ch.dim
	for j := range g {
		g[j] = 0
	}
	if hess != nil {
		for i := range hess {
			hess[i] = 0
		}
	}
	val := 0.0
	for a := range ch.args {
		ar := &ch.args[a]
		z := ar.b
		for i, j := range ar.idx {
			z += ar.c[i] * x[j]
		}
		var fz, dz, ddz float64 // the argument's terms: value, slope and curvature in z
		for _, t := range ar.terms {
			tm := &ch.terms[t]
			f, dv, dd := st.env[t].all(z*tm.inv, tm.k)
			fz += tm.w * f
			dz += tm.w * tm.inv * dv
			ddz += tm.w * tm.inv * tm.inv * dd
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
	st.T = sum(st.x)
	st.val = st.psiAll(ch, st.x, st.g, nil)
	st.w = w
	dT := st.T - ch.tl
	st.hreg = st.val - p*st.T - 0.5*ch.eps*dT*dT
	st.ub = st.coupledBound(ch, p)
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
var statIter, statCalls, statSepEval, statSep int

func (st *chanState) activeSolve(ch *channel, p float64) float64 {
	statCalls++
	traceActive = statCalls == traceAt
	startIter := statIter
	defer func() {
		if statIter-startIter > 100 && traceAt == 0 {
			fmt.Println("slow call", statCalls, statIter-startIter)
		}
	}()
	n := ch.dim
	eps, tbar := ch.eps, ch.tl
	x, g, hess, gf, trial := st.x, st.g, st.hess, st.grad, st.trial
	objective := func(y []float64) float64 {
		s := sum(y)
		return st.psiAll(ch, y, st.coef, nil) - p*s - 0.5*eps*(s-tbar)*(s-tbar)
	}
	priceScale := math.Abs(p) + ch.wsum/ch.scale + 1e-300
	tol0 := 1e-15 * (ch.wsum + math.Abs(p)*ch.scale + 1)
	for it := 0; it < 400; it++ {
		tol := tol0
		statIter++
		st.psiAll(ch, x, g, hess)
		if st.unstick(ch, g) {
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
		if !st.kkt(ch, hess, gf, eps) {
			break
		}
		free, dir := st.free, st.dir
		dec := 0.0
		for i, j := range free {
			dec += gf[j] * dir[i]
		}
		// The decrement is relative: projecting the Newton step onto the
		// active constraints cancels most of it, to rounding.
		if d := 1e-10 * st.unprojected; d > tol {
			tol = d
		}
		if traceActive {
			fmt.Printf("it %d dec %.3g tol %.3g nfree %d active %v fixed %v\n", it, dec, tol, len(free), st.active, st.fixed)
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
		for k, r := range st.rows {
			if st.active[k] {
				continue
			}
			gd := 0.0
			for i, j := range free {
				gd += r[j] * dir[i]
			}
			if gd > 0 {
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
				gd := 0.0
				for i, j := range free {
					gd += r[j] * dir[i]
				}
				if gd > 0 && st.h[k]-dot(r, x) <= 0 {
					st.active[k] = true
				}
			}
			continue
		}
		alpha := amax
		if alpha > 0 {
			f0 := objective(x)
			accepted := false
			for ls := 0; ls < 60; ls++ {
				copy(trial, x)
				for i, j := range free {
					trial[j] = x[j] + alpha*dir[i]
				}
				if objective(trial) >= f0+1e-4*alpha*dec {
					accepted = true
					break
				}
				alpha *= 0.5
			}
			if !accepted {
				return st.slope(ch, hess, eps)
			}
			copy(x, trial)
		}
		if traceActive {
			fmt.Printf("   alpha %.3g amax %.3g bv %d br %d\n", alpha, amax, bv, br)
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
			case br >= 0:
				st.active[br] = true
			}
		}
		for j := range x {
			x[j] = math.Min(math.Max(x[j], st.l[j]), st.u[j])
		}
	}
	st.psiAll(ch, x, g, hess)
	return st.slope(ch, hess, eps)
}

// unstick moves off their lower bound the variables where Ψ's slope is
// infinite (a concave curve, shape < 1, at a zero argument): no maximizer
// sits there, and Newton's method needs finite slopes. It reports whether
// it moved any.
func (st *chanState) unstick(ch *channel, g []float64) bool {
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
		st.x[j] = st.l[j] + 1e-6*reach
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
	return moved
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

// kkt solves the Newton system on the current face: it maximizes the
// quadratic model gf·d − ½dᵀMd, M = −∇²f on the free variables, with the
// active constraints held (G_A d = 0), into st.dir (over st.free) and their
// multipliers into st.lam.
func (st *chanState) kkt(ch *channel, hess, gf []float64, eps float64) bool {
	st.free = st.free[:0]
	for j := 0; j < ch.dim; j++ {
		if st.fixed[j] == 0 && st.u[j] > st.l[j] {
			st.free = append(st.free, j)
		}
	}
	free := st.free
	nf := len(free)
	dir := st.dir[:nf]
	for i, j := range free {
		dir[i] = gf[j]
	}
	for k := range st.lam {
		st.lam[k] = 0
	}
	if nf == 0 {
		st.dir = dir
		return st.activeMultipliers(gf)
	}
	// Levenberg–Marquardt damping: where Ψ is linear (an envelope's linear
	// stretch) the Newton step would be unbounded; the damping keeps such
	// steps within the variables' reach, and leaves the stationary points
	// (and their multipliers) of the face unchanged.
	gmax, reach := 0.0, math.Inf(1)
	for _, j := range free {
		gmax = math.Max(gmax, math.Abs(gf[j]))
		r := st.u[j] - st.l[j]
		if math.IsInf(r, 1) {
			r = ch.scale
		}
		reach = math.Min(reach, r)
	}
	if !st.factorDamped(hess, free, eps, ch.dim, gmax/reach) {
		return false
	}
	st.cholSolve(nf, dir)
	st.dir = dir
	st.unprojected = 0
	for i, j := range free {
		st.unprojected += gf[j] * dir[i]
	}
	return st.project(dir, free, true)
}

// project removes from v (over free) its part that moves the active
// constraints: v − Y λ with Y = M⁻¹G_Aᵀ and S λ = G_A v, S = G_A M⁻¹ G_Aᵀ.
// With multipliers true it stores λ as the active constraints' multipliers.
func (st *chanState) project(v []float64, free []int, multipliers bool) bool {
	act := st.act[:0]
	for k, on := range st.active {
		if on {
			act = append(act, k)
		}
	}
	st.act = act
	na, nf := len(act), len(free)
	if na == 0 {
		return true
	}
	if cap(st.ybuf) < na*nf {
		st.ybuf = make([]float64, na*nf)
	}
	y := st.ybuf[:na*nf]
	for a, k := range act {
		ya := y[a*nf : (a+1)*nf]
		for i, j := range free {
			ya[i] = st.rows[k][j]
		}
		st.cholSolve(nf, ya)
	}
	sm := make([]float64, na*na)
	rhs := make([]float64, na)
	for a, k := range act {
		for i, j := range free {
			rhs[a] += st.rows[k][j] * v[i]
		}
		for b := range act {
			yb := y[b*nf : (b+1)*nf]
			for i, j := range free {
				sm[a*na+b] += st.rows[k][j] * yb[i]
			}
		}
	}
	diag := 0.0
	for a := 0; a < na; a++ {
		diag = math.Max(diag, sm[a*na+a])
	}
	ok := false
	for tau := 1e-13 * diag; !ok && tau < diag+1; tau = 100*tau + 1e-300 {
		r := append([]float64(nil), rhs...)
		if choleskySolve(sm, na, tau, r) {
			copy(rhs, r)
			ok = true
		}
	}
	if !ok {
		return false
	}
	for a := range act {
		ya := y[a*nf : (a+1)*nf]
		for i := range v {
			v[i] -= rhs[a] * ya[i]
		}
		if multipliers {
			st.lam[act[a]] = rhs[a]
		}
	}
	return true
}

// activeMultipliers sets the multipliers when no variable is free: the
// least-squares fit of gf by the active constraints is not needed, as the
// point is a vertex; they are left at 0, which the bound tolerates.
func (st *chanState) activeMultipliers(gf []float64) bool { return true }

// slope returns −dT/dp on the current face: 1ᵀ of (M⁻¹1 projected).
func (st *chanState) slope(ch *channel, hess []float64, eps float64) float64 {
	free := st.free[:0]
	for j := 0; j < ch.dim; j++ {
		if st.fixed[j] == 0 && st.u[j] > st.l[j] {
			free = append(free, j)
		}
	}
	st.free = free
	if len(free) == 0 || !st.factor(hess, free, eps, ch.dim) {
		return 0
	}
	v := st.trial[:len(free)]
	for i := range v {
		v[i] = 1
	}
	st.cholSolve(len(free), v)
	lam := append([]float64(nil), st.lam...)
	if !st.project(v, free, false) {
		return 0
	}
	copy(st.lam, lam)
	return math.Max(0, sum(v))
}

// coupledBound is the rigorous bound of max Ψ − p·total over the node's
// polytope: with the constraints' multipliers λ ≥ 0 and concavity at x,
//
//	≤ Ψ(x) − p·Σx + λ·(h − Gx) + Σ_j max_{y_j ∈ [l_j, u_j]} (∇Ψ_j − p − (Gᵀλ)_j)(y_j − x_j).
//
// Where that is unbounded (a variable without an upper bound that still
// pays), Ψ ≤ Σ weights is mixed in (see chanState.bound).
func (st *chanState) coupledBound(ch *channel, p float64) float64 {
	n := ch.dim
	coef := st.coef
	slack := 0.0
	for j := 0; j < n; j++ {
		coef[j] = -p
	}
	for k, r := range st.rows {
		lk := math.Max(0, st.lam[k])
		if !st.active[k] || lk == 0 {
			continue
		}
		slack += lk * math.Max(0, st.h[k]-dot(r, st.x))
		for j := 0; j < n; j++ {
			coef[j] -= lk * r[j]
		}
	}
	gain := func(lambda float64) float64 {
		s := 0.0
		for j := 0; j < n; j++ {
			c := lambda*st.g[j] + coef[j]
			switch {
			case c > 0:
				if math.IsInf(st.u[j], 1) {
					return math.Inf(1)
				}
				s += c * (st.u[j] - st.x[j])
			case c < 0:
				s += c * (st.l[j] - st.x[j])
			}
		}
		return s
	}
	if v := gain(1); !math.IsInf(v, 1) {
		return st.val - p*st.T + slack + v
	}
	lambda := 1.0
	for j := 0; j < n; j++ {
		if math.IsInf(st.u[j], 1) && st.g[j] > 0 {
			if -coef[j] <= 0 {
				return math.Inf(1)
			}
			lambda = math.Min(lambda, -coef[j]/st.g[j])
		}
	}
	lambda *= 1 - 1e-15
	v := gain(lambda)
	return lambda*st.val + (1-lambda)*ch.wsum - p*st.T + slack + v
}

// factor computes the Cholesky factor of M = −H_FF + ε11ᵀ + τI into
// st.fac (row-major, n×n), adding τ as needed.
func (st *chanState) factor(hess []float64, free []int, eps float64, d int) bool {
	return st.factorDamped(hess, free, eps, d, 0)
}

// factorDamped is factor with τ at least damp.
func (st *chanState) factorDamped(hess []float64, free []int, eps float64, d int, damp float64) bool {
	n := len(free)
	diag := 0.0
	for _, j := range free {
		diag = math.Max(diag, -hess[j*d+j])
	}
	tau := math.Max(1e-12*(diag+eps)+1e-300, damp)
	for attempt := 0; attempt < 8; attempt++ {
		ok := true
		for r := 0; r < n && ok; r++ {
			for c := 0; c <= r; c++ {
				v := -hess[free[r]*d+free[c]] + eps
				if r == c {
					v += tau
				}
				for k := 0; k < c; k++ {
					v -= st.fac[r*n+k] * st.fac[c*n+k]
				}
				if r == c {
					if v <= 0 {
						ok = false
						break
					}
					st.fac[r*n+r] = math.Sqrt(v)
				} else {
					st.fac[r*n+c] = v / st.fac[c*n+c]
				}
			}
		}
		if ok {
			return true
		}
		tau = 100*tau + 1e-8*(diag+eps)
	}
	return false
}

// cholSolve solves M z = b in place with the factor from factor.
func (st *chanState) cholSolve(n int, b []float64) {
	f := st.fac
	for r := 0; r < n; r++ {
		v := b[r]
		for k := 0; k < r; k++ {
			v -= f[r*n+k] * b[k]
		}
		b[r] = v / f[r*n+r]
	}
	for r := n - 1; r >= 0; r-- {
		v := b[r]
		for k := r + 1; k < n; k++ {
			v -= f[k*n+r] * b[k]
		}
		b[r] = v / f[r*n+r]
	}
}
