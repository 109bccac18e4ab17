package alloc

import "math"

// Channels whose terms mix several variables (carryover: a month's pressure
// sums the spends before it) have a dense relaxed problem: maximise
// Ψ(x) − q·Σx − (ε/2)(Σx − tl)² over the box, a smooth concave function of
// a few dozen variables at most, solved by a projected Newton method. When
// the total must stay within [tl, tu] and the answer leaves it, the total is
// held at the bound it crossed by a search on the price.

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
	for t := range ch.terms {
		tm := &ch.terms[t]
		f, dv, dd := st.env[t].all(tm.u(x), tm.k)
		val += tm.w * f
		wd := tm.w * dv
		for i, j := range tm.idx {
			g[j] += wd * tm.a[i]
		}
		if hess == nil || dd == 0 {
			continue
		}
		wdd := tm.w * dd
		for i, j := range tm.idx {
			ai := wdd * tm.a[i]
			row := hess[j*d:]
			for k, l := range tm.idx {
				row[l] += ai * tm.a[k]
			}
		}
	}
	return val
}

// respondCoupled answers price p for a channel with coupled terms.
func (st *chanState) respondCoupled(ch *channel, p float64) {
	T, w := st.newtonBox(ch, p)
	slack := 1e-12 * (st.tu + ch.scale)
	if T < st.tl-slack || T > st.tu+slack || st.tu <= st.tl {
		bound := st.tl
		if T > st.tu {
			bound = st.tu
		}
		st.holdTotal(ch, p, bound)
		w = 0
	}
	st.T = 0
	for _, v := range st.x {
		st.T += v
	}
	st.val = st.psiAll(ch, st.x, st.g, nil)
	st.w = w
	st.finish(ch, p)
}

// holdTotal finds the inner price q at which the regularized answer's total
// is the bound, by a bracketed secant search (the total falls with q).
func (st *chanState) holdTotal(ch *channel, p, bound float64) {
	q := p
	T, _ := st.newtonBox(ch, q)
	qa, qb := math.Inf(-1), math.Inf(1) // total above / below bound
	var da, db float64
	step := (math.Abs(p) + ch.wsum/ch.scale) * 1e-3
search:
	for iter := 0; iter < 200; iter++ {
		diff := T - bound
		if math.Abs(diff) <= 1e-13*(math.Abs(bound)+ch.scale) {
			break
		}
		if diff > 0 {
			qa, da = q, diff
		} else {
			qb, db = q, diff
		}
		switch {
		case math.IsInf(qb, 1):
			q = qa + step
			step *= 4
		case math.IsInf(qa, -1):
			q = qb - step
			step *= 4
		default:
			if qb-qa <= 1e-15*math.Max(math.Abs(qa), math.Abs(qb)) {
				break search
			}
			q = qa + (qb-qa)*da/(da-db)
			if iter%3 == 2 || !(q > qa && q < qb) {
				q = 0.5 * (qa + qb)
			}
		}
		T, _ = st.newtonBox(ch, q)
	}
	// Put the last rounding on the variables with room.
	rest := bound - T
	for j := range st.x {
		if rest == 0 {
			break
		}
		nx := math.Min(math.Max(st.x[j]+rest, st.l[j]), st.u[j])
		rest -= nx - st.x[j]
		st.x[j] = nx
	}
}

// newtonBox maximizes Ψ(x) − q·Σx − (ε/2)(Σx − tl)² over the box from the
// warm start st.x, leaving the answer in st.x; it returns the total and
// −dT/dq there.
func (st *chanState) newtonBox(ch *channel, q float64) (total, w float64) {
	d := ch.dim
	eps, tbar := ch.eps, ch.tl
	x, g, hess, dir, trial, grad := st.x, st.g, st.hess, st.dir, st.trial, st.grad
	free := st.idx[:0]
	objective := func(y []float64) float64 {
		s := 0.0
		for _, v := range y {
			s += v
		}
		return st.psiAll(ch, y, st.coef, nil) - q*s - 0.5*eps*(s-tbar)*(s-tbar)
	}
	tol := 1e-14 * (ch.wsum + q*ch.scale + 1)
	for it := 0; it < 100; it++ {
		st.psiAll(ch, x, g, hess)
		s := 0.0
		for _, v := range x {
			s += v
		}
		for j := 0; j < d; j++ {
			grad[j] = g[j] - q - eps*(s-tbar)
		}
		free = free[:0]
		for j := 0; j < d; j++ {
			if st.u[j] <= st.l[j] {
				continue
			}
			if (x[j] > st.l[j] || grad[j] > 0) && (x[j] < st.u[j] || grad[j] < 0) {
				free = append(free, j)
			}
		}
		if len(free) == 0 {
			break
		}
		if !st.factor(hess, free, eps, d) {
			break
		}
		for i, j := range free {
			dir[i] = grad[j]
		}
		st.cholSolve(len(free), dir[:len(free)])
		decrement := 0.0
		for i, j := range free {
			decrement += grad[j] * dir[i]
		}
		if decrement <= tol {
			break
		}
		// Where Ψ is linear (envelopes' linear stretches) the Newton step is
		// unbounded in some direction: keep it within a box the size of
		// the variables' ranges.
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
		}
		f0 := objective(x)
		alpha, accepted := 1.0, false
		for ls := 0; ls < 60; ls++ {
			copy(trial, x)
			gain := 0.0
			for i, j := range free {
				v := math.Min(math.Max(x[j]+alpha*dir[i], st.l[j]), st.u[j])
				trial[j] = v
				gain += grad[j] * (v - x[j])
			}
			if f := objective(trial); f >= f0+1e-4*gain && gain >= 0 {
				accepted = true
				break
			}
			alpha *= 0.5
		}
		if !accepted {
			break
		}
		copy(x, trial)
	}
	// −dT/dq from the free variables at the answer.
	st.psiAll(ch, x, g, hess)
	total = 0
	for _, v := range x {
		total += v
	}
	for j := 0; j < d; j++ {
		grad[j] = g[j] - q - eps*(total-tbar)
	}
	free = free[:0]
	for j := 0; j < d; j++ {
		if st.u[j] > st.l[j] && x[j] > st.l[j] && x[j] < st.u[j] {
			free = append(free, j)
		}
	}
	if len(free) > 0 && st.factor(hess, free, eps, d) {
		for i := range free {
			dir[i] = 1
		}
		st.cholSolve(len(free), dir[:len(free)])
		for i := range free {
			w += dir[i]
		}
	}
	return total, w
}

// factor computes the Cholesky factor of M = −H_FF + ε11ᵀ + τI into
// st.fac (row-major, n×n), adding τ as needed.
func (st *chanState) factor(hess []float64, free []int, eps float64, d int) bool {
	n := len(free)
	diag := 0.0
	for _, j := range free {
		diag = math.Max(diag, -hess[j*d+j])
	}
	tau := 1e-12*(diag+eps) + 1e-300
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
