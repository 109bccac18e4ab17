package alloc

import "math"

// The linear algebra of the active-set method on a face: the free
// variables (those not held at a bound) moving within the null space of
// the active constraints. A null-space method: an orthonormal basis Q of
// the active rows (restricted to the free variables, by Gram–Schmidt, with
// the rows = R·Q) and an orthonormal basis Z of the directions they leave
// free. Steps solve the reduced Newton system ZᵀMZ y = Zᵀg, M = −∇²f on the
// free variables, and the multipliers come from Rᵀλ = Q(g − M d). Forming
// M⁻¹ is avoided on purpose: where Ψ is linear M is nearly singular, and
// projecting a step computed with it cancels catastrophically.

type face struct {
	free, act []int
	q, z      [][]float64 // orthonormal bases, vectors over the free variables
	r         [][]float64 // rows[act[k]] on the free variables = Σ_{i ≤ k} r[k][i] q[i]
	m         []float64   // M on the free variables, nf×nf
}

// buildFace sets up the face of the current working set, with M's
// regularization ε11ᵀ.
func (st *chanState) buildFace(ch *channel, hess []float64, eps float64) *face {
	f := &st.fc
	f.free, f.act = f.free[:0], f.act[:0]
	for j := 0; j < ch.dim; j++ {
		if st.fixed[j] == 0 && st.u[j] > st.l[j] {
			f.free = append(f.free, j)
		}
	}
	for k, on := range st.active {
		if on {
			f.act = append(f.act, k)
		}
	}
	nf, d := len(f.free), ch.dim
	f.q, f.z, f.r = f.q[:0], f.z[:0], f.r[:0]
	for _, k := range f.act {
		v := make([]float64, nf)
		for i, j := range f.free {
			v[i] = st.rows[k][j]
		}
		rk := make([]float64, len(f.q)+1)
		for i, qi := range f.q {
			rk[i] = dot(qi, v)
			for t := range v {
				v[t] -= rk[i] * qi[t]
			}
		}
		norm := math.Sqrt(dot(v, v))
		if norm == 0 {
			norm = 1e-300
		}
		rk[len(f.q)] = norm
		for t := range v {
			v[t] /= norm
		}
		f.q = append(f.q, v)
		f.r = append(f.r, rk)
	}
	for e := 0; e < nf && len(f.q)+len(f.z) < nf; e++ {
		v := make([]float64, nf)
		v[e] = 1
		for pass := 0; pass < 2; pass++ {
			for _, b := range [][][]float64{f.q, f.z} {
				for _, qi := range b {
					c := dot(qi, v)
					for t := range v {
						v[t] -= c * qi[t]
					}
				}
			}
		}
		if norm := math.Sqrt(dot(v, v)); norm > 1e-8 {
			for t := range v {
				v[t] /= norm
			}
			f.z = append(f.z, v)
		}
	}
	if cap(f.m) < nf*nf {
		f.m = make([]float64, nf*nf)
	}
	f.m = f.m[:nf*nf]
	for a, ja := range f.free {
		for b, jb := range f.free {
			f.m[a*nf+b] = -hess[ja*d+jb] + eps
		}
	}
	return f
}

// mul returns M v.
func (f *face) mul(v []float64) []float64 {
	nf := len(f.free)
	out := make([]float64, nf)
	for a := 0; a < nf; a++ {
		s := 0.0
		row := f.m[a*nf : (a+1)*nf]
		for b, x := range v {
			s += row[b] * x
		}
		out[a] = s
	}
	return out
}

// solve returns the step d (over the free variables) maximizing g·d −
// ½dᵀ(M + damp·I)d within the face: Z y with (ZᵀMZ + damp) y = Zᵀg.
func (f *face) solve(g []float64, damp float64) ([]float64, bool) {
	nf, nz := len(f.free), len(f.z)
	d := make([]float64, nf)
	if nz == 0 {
		return d, true
	}
	mz := make([][]float64, nz)
	for i, zi := range f.z {
		mz[i] = f.mul(zi)
	}
	h := make([]float64, nz*nz)
	size := 0.0 // the largest entry: M is positive semidefinite up to rounding
	for a := 0; a < nz; a++ {
		for b := 0; b < nz; b++ {
			h[a*nz+b] = dot(f.z[a], mz[b])
			size = math.Max(size, math.Abs(h[a*nz+b]))
		}
	}
	y := make([]float64, nz)
	tau := math.Max(damp, 1e-13*size+1e-300)
	for attempt := 0; ; attempt++ {
		for a := range y {
			y[a] = dot(f.z[a], g)
		}
		if choleskySolve(h, nz, tau, y) {
			break
		}
		if attempt > 12 {
			return d, false
		}
		tau = math.Max(100*tau, 1e-11*size)
	}
	for a, zi := range f.z {
		for t := range d {
			d[t] += y[a] * zi[t]
		}
	}
	return d, true
}

// multipliers solves Rᵀλ = Q(g − M d): the active constraints' multipliers
// at the step d (at a stationary point, d = 0: g = Σ λ_k row_k).
func (f *face) multipliers(g, d []float64) []float64 {
	na := len(f.act)
	lam := make([]float64, na)
	if na == 0 {
		return lam
	}
	rhs := append([]float64(nil), g...)
	md := f.mul(d)
	for t := range rhs {
		rhs[t] -= md[t]
	}
	c := make([]float64, na)
	for i, qi := range f.q {
		c[i] = dot(qi, rhs)
	}
	for i := na - 1; i >= 0; i-- {
		v := c[i]
		for k := i + 1; k < na; k++ {
			v -= lam[k] * f.r[k][i]
		}
		lam[i] = v / f.r[i][i]
	}
	return lam
}

// kkt computes Newton's step on the current face into st.dir (over
// st.free) and the active constraints' multipliers into st.lam. Where Ψ is
// linear along the face the step can be unbounded: Levenberg–Marquardt
// damping, sized by what still drives the free variables, keeps it within
// their reach and leaves the stationary points unchanged.
func (st *chanState) kkt(ch *channel, hess, gf []float64, eps float64) bool {
	f := st.buildFace(ch, hess, eps)
	free := f.free
	st.free = append(st.free[:0], free...)
	g := make([]float64, len(free))
	reach := math.Inf(1)
	for i, j := range free {
		g[i] = gf[j]
		r := st.u[j] - st.l[j]
		if math.IsInf(r, 1) {
			r = ch.scale
		}
		reach = math.Min(reach, r)
	}
	var d []float64
	for damp, pass := 0.0, 0; pass < 2; pass++ {
		var ok bool
		if d, ok = f.solve(g, damp); !ok {
			return false
		}
		long := 0.0
		for _, v := range d {
			long = math.Max(long, math.Abs(v))
		}
		if long <= reach {
			break
		}
		drive := 0.0 // the gradient within the face
		for _, zi := range f.z {
			c := dot(zi, g)
			for _, v := range zi {
				drive = math.Max(drive, math.Abs(c*v))
			}
		}
		damp = drive / reach
	}
	lam := f.multipliers(g, d)
	for k := range st.lam {
		st.lam[k] = 0
	}
	for a, k := range f.act {
		st.lam[k] = lam[a]
	}
	st.dir = append(st.dir[:0], d...)
	return true
}

// slope returns −dT/dp on the current face: the total of the step that
// answers a unit rise of the price, (Z(ZᵀMZ)⁻¹Zᵀ)1.
func (st *chanState) slope(ch *channel, hess []float64, eps float64) float64 {
	f := st.buildFace(ch, hess, eps)
	ones := make([]float64, len(f.free))
	for i := range ones {
		ones[i] = 1
	}
	d, ok := f.solve(ones, 0)
	if !ok {
		return 0
	}
	return math.Max(0, sum(d))
}

// gradientStep sets st.dir to the gradient projected on the current face
// (the one kkt built), as long as reach in its largest component: an
// ascent direction that moves every free variable the way its own gradient
// on the face says, for when Newton's step is useless (pushing a released
// variable back out, or stalled by a curvature that blows up near a
// concave curve's zero).
func (st *chanState) gradientStep(ch *channel, gf []float64, reach float64) {
	f := &st.fc
	g := make([]float64, len(f.free))
	for i, j := range f.free {
		g[i] = gf[j]
	}
	d := make([]float64, len(f.free))
	for _, zi := range f.z {
		c := dot(zi, g)
		for t := range d {
			d[t] += c * zi[t]
		}
	}
	long := 0.0
	for _, v := range d {
		long = math.Max(long, math.Abs(v))
	}
	if long > 0 {
		for t := range d {
			d[t] *= reach / long
		}
	}
	st.dir = append(st.dir[:0], d...)
}
