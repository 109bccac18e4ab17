package alloc

import "math"

// The rows' multipliers. For μ ≥ 0 the regularized dual
//
//	D_ε(μ) = μ·b + Σ_c max_x [Ψ_c(x) − p_c(μ)·total_c(x) − (ε_c/2)(total_c(x) − tl_c)²]
//
// is convex and smooth, with gradient b − A·T(μ) and Hessian A·diag(w)·Aᵀ,
// w_c = −dT_c/dp_c, which every channel reports with its answer. A
// projected Newton method minimises it over μ ≥ 0 (a handful of rows: the
// linear algebra is negligible next to the channels' answers). Every μ
// visited also yields a rigorous bound (relax.go); the best is kept.

// evaluate prices every channel at μ; it returns the regularized dual and
// the rigorous bound there.
func (s *solver) evaluate(mu []float64) (dreg, dub float64) {
	m := s.m
	for c := range m.ch {
		ch := &m.ch[c]
		p := m.kappa
		for r, a := range ch.col {
			p += mu[r] * a
		}
		st := s.st[c]
		st.respond(ch, p)
		if st.infeasible {
			return math.Inf(-1), math.Inf(-1)
		}
		dreg += st.hreg
		dub += st.ub
	}
	dreg += m.constant
	dub += m.constant
	for r, b := range m.b {
		dreg += mu[r] * b
		dub += mu[r] * b
	}
	s.evals++
	if dub < s.relaxBest {
		s.relaxBest = dub
		s.relaxBestMu = append(s.relaxBestMu[:0], mu...)
	}
	s.lastEval = append(s.lastEval[:0], mu...)
	return dreg, dub
}

// relax solves the node's relaxation from the multipliers mu (updated in
// place) and returns its bound; it stops early once the bound falls to
// cutoff. The channels' answers at the last μ are left in their states.
//
// A tie (an envelope's linear stretch, or a face of a coupled channel
// along which Ψ is linear, at slope p) makes a channel's answer jump across
// a ramp of width ε × the jump in price: Newton's method with line searches
// finds it when ε is not too small. So when the search at the final ε
// stalls, it is run again by continuation, from an ε a million times
// larger down to the final one, each stage warm-started from the last.
func (s *solver) relax(mu []float64, cutoff float64) float64 {
	s.lastMu = mu
	s.relaxBest = math.Inf(1)
	s.recenter()
	s.setStage(1)
	best, ok := s.newton(mu, cutoff)
	if !ok && best > cutoff && len(s.m.b) > 0 && !s.late() {
		for _, f := range []float64{1e4, 1e2, 1} {
			s.setStage(f)
			b, _ := s.newton(mu, cutoff)
			best = math.Min(best, b)
			if best <= cutoff {
				return best
			}
		}
	}
	// Proximal passes: re-centre the regularization on the answers while
	// what it concedes matters. The first centres it on the answers with
	// almost no regularization, which it can hold back a long way where a
	// curve is nearly flat (saturated).
	for pass := 0; pass < 4 && best > cutoff && !s.late() && s.concession() > 0.01*s.tol(); pass++ {
		if pass == 0 {
			s.setStage(1e-6)
			_, b := s.evaluate(mu)
			best = math.Min(best, b)
			s.setStage(1)
		}
		s.recenter()
		b, _ := s.newton(mu, cutoff)
		best = math.Min(best, b)
	}
	if best > cutoff && s.concession() > 0.01*s.tol() {
		// What is left is a channel the regularization holds back where
		// its curve is nearly flat (saturated): at these multipliers, the
		// answers with almost no regularization bound it more tightly.
		s.setStage(1e-6)
		_, b := s.evaluate(mu)
		s.setStage(1)
		best = math.Min(best, b)
	}
	return best
}

// settle moves the channels' answers (and mu) to the multipliers that gave
// the best bound, when the search ended elsewhere; it reports whether it
// did. The answers there are the relaxation's optimum, where it lies in a
// tie's narrow ramp that the last step of the search may have left.
func (s *solver) settle(mu []float64) bool {
	if s.relaxBestMu == nil || math.IsInf(s.relaxBest, 1) {
		return false
	}
	same := len(s.lastEval) == len(s.relaxBestMu)
	for r := range s.lastEval {
		if same && s.lastEval[r] != s.relaxBestMu[r] {
			same = false
		}
	}
	if !same {
		copy(mu, s.relaxBestMu)
		s.evaluate(mu)
	}
	return !same
}

// recenter puts every channel's regularization centre on its last answer.
func (s *solver) recenter() {
	for _, st := range s.st {
		st.tbar = math.Min(math.Max(st.T, st.tl), st.tu)
	}
}

// concession estimates what the regularization costs the bound: ε_c ×
// |total − centre| × the total's spread, summed.
func (s *solver) concession() float64 {
	sum := 0.0
	for c, st := range s.st {
		ch := &s.m.ch[c]
		spread := st.tu - st.tl
		if math.IsInf(spread, 1) {
			spread = ch.scale
		}
		sum += ch.eps * math.Abs(st.T-st.tbar) * spread
	}
	return sum
}

// setStage scales every channel's regularization by f.
func (s *solver) setStage(f float64) {
	for c := range s.m.ch {
		ch := &s.m.ch[c]
		ch.eps = ch.eps0 * f
	}
}

// newton minimizes D_ε from mu; it returns the best rigorous bound seen and
// whether it converged (the rows' conditions met to rounding).
func (s *solver) newton(mu []float64, cutoff float64) (float64, bool) {
	m := s.m
	nr := len(m.b)
	dreg, dub := s.evaluate(mu)
	best := dub
	if nr == 0 || math.IsInf(dub, -1) {
		return best, true
	}
	grad, hess, dir, trial, scale := s.grad, s.hess, s.dir, s.trial, s.rowScale
	free := make([]int, 0, nr)
	converged := false
	prevReg := math.Inf(1)
	for it := 0; it < 60 && best > cutoff && !s.late(); it++ {
		for r := 0; r < nr; r++ {
			grad[r], scale[r] = m.b[r], math.Abs(m.b[r])
			for q := 0; q < nr; q++ {
				hess[r*nr+q] = 0
			}
		}
		for c := range m.ch {
			st, col := s.st[c], m.ch[c].col
			for r, a := range col {
				if a == 0 {
					continue
				}
				grad[r] -= a * st.T
				scale[r] += math.Abs(a * st.T)
				if st.w > 0 {
					aw := a * st.w
					for q, b := range col {
						hess[r*nr+q] += aw * b
					}
				}
			}
		}
		free = free[:0]
		done, nearly := true, true
		for r := 0; r < nr; r++ {
			if mu[r] < 1e-15*s.priceScale {
				mu[r] = 0 // a multiplier lost in rounding (it would block every step)
			}
			if mu[r] > 0 || grad[r] < 0 {
				free = append(free, r)
				g := math.Abs(grad[r]) / (scale[r] + 1e-300)
				done = done && g <= 1e-12
				nearly = nearly && g <= 1e-6
			}
		}
		// Met to rounding; or nearly met where the last step no longer
		// moved D_ε at all: the channels' answers are as precise as float64
		// lets them be, and more steps (each a line search) change nothing.
		if done || nearly && it > 0 && math.Abs(prevReg-dreg) <= 1e-15*math.Abs(dreg) {
			converged = true
			break
		}
		prevReg = dreg
		if !s.newtonStep(free, nr, dir) {
			break
		}
		// Where the channels barely answer (pinned at their bounds) the
		// Newton step is long: keep it within the prices' scale.
		step := 0.0
		for i := range free {
			step = math.Max(step, math.Abs(dir[i]))
		}
		muMax := 0.0
		for _, v := range mu {
			muMax = math.Max(muMax, v)
		}
		if reach := 4 * (muMax + s.priceScale); step > reach {
			for i := range free {
				dir[i] *= reach / step
			}
		}
		// Projected line search with Armijo's rule on D_ε; where that
		// fails (a channel's answer jumps within a ramp narrower than the
		// step: a tie), an exact line search by bisection on the slope of
		// D_ε along the path, which finds the ramp.
		// The path is straight up to the first multiplier it takes to 0 (a
		// bent path would not be convex): the search stops there.
		amax := 1.0
		for i, r := range free {
			if dir[i] < 0 && mu[r] > 0 {
				amax = math.Min(amax, mu[r]/-dir[i])
			}
		}
		for i := range free {
			dir[i] *= amax
		}
		path := func(alpha float64) {
			copy(trial, mu)
			for i, r := range free {
				trial[r] = math.Max(0, mu[r]+alpha*dir[i])
			}
		}
		pathSlope := func(alpha float64) float64 {
			sl := 0.0
			for i, r := range free {
				if mu[r]+alpha*dir[i] > 0 {
					g := m.b[r]
					for c := range m.ch {
						if a := m.a[r][c]; a != 0 {
							g -= a * s.st[c].T
						}
					}
					sl += g * dir[i]
				}
			}
			return sl
		}
		path(1)
		slope0 := 0.0
		for _, r := range free {
			slope0 += grad[r] * (trial[r] - mu[r])
		}
		nreg, nub := s.evaluate(trial)
		best = math.Min(best, nub)
		if best <= cutoff {
			copy(mu, trial)
			return best, false
		}
		if nreg <= dreg+1e-4*slope0 || nreg <= dreg-1e-15*math.Abs(dreg) && nreg < dreg {
			copy(mu, trial)
			dreg = nreg
			continue
		}
		lo, hi := 0.0, 1.0
		slo, shi := slope0, pathSlope(1) // D_ε's slope along the path at lo and hi
		bestReg, bestAlpha := dreg, 0.0
		if nreg < bestReg {
			bestReg, bestAlpha = nreg, 1
		}
		// The slope is non-decreasing along the path (D_ε is convex): its
		// root is bracketed by regula falsi (Illinois), kept off the
		// bracket's ends, which takes a few evaluations where the slope is
		// smooth and no more than bisection across a tie's steep ramp, until
		// Wolfe's conditions hold (decrease, and a slope cut to a tenth).
		side := 0
		for ls := 0; ls < 60 && hi-lo > 1e-16 && !s.late(); ls++ {
			a := 0.5 * (lo + hi)
			if slo < 0 && shi > 0 {
				w := hi - lo
				a = math.Min(math.Max(lo+w*slo/(slo-shi), lo+1e-3*w), hi-1e-3*w)
			}
			path(a)
			nreg, nub = s.evaluate(trial)
			best = math.Min(best, nub)
			if best <= cutoff {
				copy(mu, trial)
				return best, false
			}
			if nreg < bestReg {
				bestReg, bestAlpha = nreg, a
			}
			sl := pathSlope(a)
			if math.Abs(sl) <= 0.1*math.Abs(slope0) && nreg <= dreg+1e-4*a*slope0 {
				break // Wolfe's conditions: enough for the next Newton step
			}
			if sl < 0 {
				lo, slo = a, sl
				if side < 0 {
					shi /= 2
				}
				side = -1
			} else {
				hi, shi = a, sl
				if side > 0 {
					slo /= 2
				}
				side = 1
			}
		}
		if bestAlpha == 0 {
			s.evaluate(mu) // no progress: leave the channels' answers at μ
			break
		}
		path(bestAlpha)
		copy(mu, trial)
		dreg, nub = s.evaluate(mu)
		best = math.Min(best, nub)
	}
	return best, converged
}

// newtonStep solves (H_FF + τI) d = −grad_F into dir; where H_FF vanishes
// (every channel pinned in those rows' directions) it scales the gradient
// instead. It reports false when there is no direction.
func (s *solver) newtonStep(free []int, nr int, dir []float64) bool {
	n := len(free)
	if n == 0 {
		return false
	}
	a := s.small[:n*n]
	diag := 0.0
	for i, r := range free {
		for j, q := range free {
			a[i*n+j] = s.hess[r*nr+q]
		}
		diag = math.Max(diag, a[i*n+i])
	}
	for i, r := range free {
		dir[i] = -s.grad[r]
	}
	if diag <= 0 {
		// Linear in these multipliers (every channel pinned at a bound):
		// a gradient step as long as the prices, which the line search
		// cuts back to the first kink.
		gmax, muMax := 0.0, 0.0
		for _, r := range free {
			gmax = math.Max(gmax, math.Abs(s.grad[r]))
			muMax = math.Max(muMax, s.lastMu[r])
		}
		if gmax == 0 {
			return false
		}
		for i, r := range free {
			dir[i] = -s.grad[r] / gmax * (muMax + s.priceScale)
		}
		return true
	}
	tau := 1e-12 * diag
	for attempt := 0; attempt < 6; attempt++ {
		if choleskySolve(a, n, tau, dir) {
			return true
		}
		tau *= 1e3
	}
	return false
}

// choleskySolve solves (A + τI) z = b in place for a small symmetric A
// (row-major n×n, left unchanged); false when not positive definite.
func choleskySolve(a []float64, n int, tau float64, b []float64) bool {
	l := make([]float64, n*n)
	for r := 0; r < n; r++ {
		for c := 0; c <= r; c++ {
			v := a[r*n+c]
			if r == c {
				v += tau
			}
			for k := 0; k < c; k++ {
				v -= l[r*n+k] * l[c*n+k]
			}
			if r == c {
				if v <= 0 {
					return false
				}
				l[r*n+r] = math.Sqrt(v)
			} else {
				l[r*n+c] = v / l[c*n+c]
			}
		}
	}
	for r := 0; r < n; r++ {
		v := b[r]
		for k := 0; k < r; k++ {
			v -= l[r*n+k] * b[k]
		}
		b[r] = v / l[r*n+r]
	}
	for r := n - 1; r >= 0; r-- {
		v := b[r]
		for k := r + 1; k < n; k++ {
			v -= l[k*n+r] * b[k]
		}
		b[r] = v / l[r*n+r]
	}
	return true
}

// repair returns the channels' answers moved the least (in total) onto the
// rows, or false when the node's box admits no feasible point. Answers
// within rounding of the rows are taken as they are.
func (s *solver) repair(x [][]float64) bool {
	m := s.m
	nr, nc := len(m.b), len(m.ch)
	for c := range m.ch {
		copy(x[c], s.st[c].x)
	}
	violated := false
	for r := 0; r < nr; r++ {
		lhs, mag := 0.0, math.Abs(m.b[r])
		for c := 0; c < nc; c++ {
			lhs += m.a[r][c] * s.st[c].T
			mag += math.Abs(m.a[r][c] * s.st[c].T)
		}
		if lhs-m.b[r] > 1e-12*(mag+1e-300) {
			violated = true
		}
	}
	if !violated {
		return true
	}
	prob := m.leastMove(func(c int) float64 { return s.st[c].T }, func(c int) (float64, float64) {
		st := s.st[c] // within the node's totals
		return st.tu - st.T, st.T - st.tl
	})
	res := prob.solve()
	if res.status == lpInfeasible {
		return false
	}
	for c := 0; c < nc; c++ {
		d := res.v[c] - res.v[nc+c]
		if d != 0 {
			s.st[c].shift(&m.ch[c], x[c], d)
		}
	}
	return true
}

// leastMove poses the small linear program that moves the channels'
// totals t the least onto the rows:
//
//	min Σ (d⁺_c + d⁻_c)/scale_c  s.t.  A(t + d⁺ − d⁻) ≤ b,  0 ≤ d⁺_c ≤ up_c,  0 ≤ d⁻_c ≤ down_c,
//
// with room(c) = (up_c, down_c) (negative room counts as none). Variable c
// of the answer is d⁺_c, variable nc+c is d⁻_c.
func (m *model) leastMove(total func(c int) float64, room func(c int) (up, down float64)) *lp {
	nr, nc := len(m.b), len(m.ch)
	prob := &lp{a: make([][]float64, nr), b: make([]float64, nr), c: make([]float64, 2*nc),
		lo: make([]float64, 2*nc), hi: make([]float64, 2*nc)}
	for r := 0; r < nr; r++ {
		row := make([]float64, 2*nc)
		rhs := m.b[r]
		for c := 0; c < nc; c++ {
			row[c], row[nc+c] = m.a[r][c], -m.a[r][c]
			rhs -= m.a[r][c] * total(c)
		}
		prob.a[r], prob.b[r] = row, rhs
	}
	for c := 0; c < nc; c++ {
		up, down := room(c)
		prob.hi[c] = math.Max(0, up)
		prob.hi[nc+c] = math.Max(0, down)
		prob.c[c] = 1 / m.ch[c].scale
		prob.c[nc+c] = 1 / m.ch[c].scale
	}
	return prob
}

// shift moves the total of x (the channel's variables) by d, filling the
// variables' room in the channel's order (emptying it in reverse).
func (st *chanState) shift(ch *channel, x []float64, d float64) {
	if d > 0 {
		for _, j := range ch.order {
			add := math.Min(d, st.u[j]-x[j])
			x[j] += add
			d -= add
			if d <= 0 {
				return
			}
		}
		return
	}
	for i := len(ch.order) - 1; i >= 0; i-- {
		j := ch.order[i]
		sub := math.Min(-d, x[j]-st.l[j])
		x[j] -= sub
		d += sub
		if d >= 0 {
			return
		}
	}
}
