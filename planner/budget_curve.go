package planner

import "math"

// The budget problem, channel by channel. With prices fixed, channel c adds
// f_c(s) = a_c × H_c(s) − κ × s to the objective, where a_c is v_c (mode
// contribution, κ = 1) or the units per unit of lift (mode units, κ = 0).
// The Hill curve is handled in x = s / halfSpend, where
//
//	φ(x) = x^k / (1 + x^k),  φ'(x) = k x^(k−1) / (1 + x^k)²
//
// φ is concave for k ≤ 1 and S-shaped for k > 1: convex up to the
// inflection point x_i = ((k−1)/(k+1))^(1/k), concave after it.

// curve is one channel of the budget problem.
type curve struct {
	a      float64 // objective value of one unit of lift
	m      float64 // maxUnits
	h      float64 // halfSpend
	k      float64 // shape
	xi     float64 // inflection point in x units; 0 when the curve is concave
	lo, hi float64 // spend bounds; hi may be +Inf
	// pinned channels can only sit at lo: they bring nothing (a ≤ 0, m = 0)
	// or their bounds leave no choice.
	pinned bool
}

func newCurve(a, m, h, k, lo, hi float64) curve {
	c := curve{a: a, m: m, h: h, k: k, lo: lo, hi: hi}
	if k > 1 {
		c.xi = math.Pow((k-1)/(k+1), 1/k)
	}
	c.pinned = a <= 0 || m <= 0 || hi <= lo
	return c
}

// phi is φ(x).
func phi(x, k float64) float64 {
	if x <= 0 {
		return 0
	}
	if k == 1 {
		return x / (1 + x)
	}
	return 1 / (1 + math.Pow(x, -k))
}

// dphi is φ'(x), +Inf at 0 when k < 1.
func dphi(x, k float64) float64 {
	if x <= 0 {
		switch {
		case k < 1:
			return math.Inf(1)
		case k == 1:
			return 1
		default:
			return 0
		}
	}
	if k == 1 {
		return 1 / ((1 + x) * (1 + x))
	}
	r := math.Pow(x, -k) // x^(−k), stable for large x and large k
	return k * r / (x * (1 + r) * (1 + r))
}

// g is a × H(s): the curve's value without the cost of the spend.
func (c *curve) g(s float64) float64 { return c.a * c.m * phi(s/c.h, c.k) }

// dg is the slope of g at s.
func (c *curve) dg(s float64) float64 { return c.a * c.m / c.h * dphi(s/c.h, c.k) }

// d2g is the curvature of g at s, from φ′′(x) = φ′(x) × (k − 1 − 2kφ(x)) / x.
func (c *curve) d2g(s float64) float64 {
	x := s / c.h
	if x <= 0 {
		return 0
	}
	return c.a * c.m / (c.h * c.h) * dphi(x, c.k) * (c.k - 1 - 2*c.k*phi(x, c.k)) / x
}

// inflection is the spend where the curve turns from convex to concave (0 when concave).
func (c *curve) inflection() float64 { return c.xi * c.h }

// envelope is the concave envelope of g on [l, u]: linear from l to the
// tangent point t, then g itself from t to u. t == l when g is concave on
// [l, u]; t == u when the envelope is the chord from l to u.
type envelope struct {
	l, u   float64
	t      float64
	slope  float64 // slope of the linear part, or g'(l) when t == l
	slopeU float64 // g'(u); 0 when u is +Inf
	gl, gt float64 // g(l), g(t)
}

// envelopeOn computes the concave envelope of g on [l, u].
func (c *curve) envelopeOn(l, u float64) envelope {
	e := envelope{l: l, u: u, gl: c.g(l)}
	if !math.IsInf(u, 1) {
		e.slopeU = c.dg(u)
	}
	if c.pinned || u <= l {
		e.u, e.t, e.gt, e.slopeU = l, l, e.gl, 0
		e.slope = math.Inf(1)
		return e
	}
	if l >= c.inflection() {
		e.t, e.gt, e.slope = l, e.gl, c.dg(l)
		return e
	}
	t := c.tangentFrom(l)
	if t >= u {
		e.t, e.gt = u, c.g(u)
		e.slope = (e.gt - e.gl) / (u - l)
		return e
	}
	e.t, e.gt = t, c.g(t)
	e.slope = (e.gt - e.gl) / (t - l)
	return e
}

// tangentFrom returns the point t > inflection where the tangent of g passes
// through (l, g(l)), for l below the inflection point of an S-shaped curve.
func (c *curve) tangentFrom(l float64) float64 {
	k, xl := c.k, l/c.h
	if xl == 0 {
		return c.h * math.Pow(k-1, 1/k) // k x^k/(1+x^k)² · x = φ(x) ⇔ x^k = k − 1
	}
	pl := phi(xl, k)
	// ψ(z) = φ'(x)(x − xl) − φ(x) + φ(xl), x = e^z, falls from > 0 at the
	// inflection point to φ(xl) − 1 < 0, with dψ/dz = φ'(x)(k − 1 − 2kφ(x))(x − xl).
	// Newton's method, kept inside a shrinking bracket.
	psi := func(z float64) (val, slope float64) {
		x := math.Exp(z)
		f, d := phi(x, k), dphi(x, k)
		return d*(x-xl) - f + pl, d * (k - 1 - 2*k*f) * (x - xl)
	}
	lo := math.Log(c.xi)
	hi := lo + 1
	for v, _ := psi(hi); v > 0; v, _ = psi(hi) {
		lo, hi = hi, hi+2*(hi-lo)
	}
	z := 0.5 * (lo + hi)
	for i := 0; i < 100; i++ {
		v, slope := psi(z)
		if v > 0 {
			lo = z
		} else {
			hi = z
		}
		next := z - v/slope
		if !(next > lo && next < hi) {
			next = 0.5 * (lo + hi)
		}
		if math.Abs(next-z) <= 1e-15*math.Max(1, math.Abs(z)) || hi-lo <= 1e-15*math.Max(1, math.Abs(hi)) {
			z = next
			break
		}
		z = next
	}
	return c.h * math.Exp(z)
}

// value is the envelope at s.
func (e *envelope) value(c *curve, s float64) float64 {
	if s <= e.t {
		if e.t == e.l {
			return e.gl
		}
		return e.gl + (s-e.l)*(e.gt-e.gl)/(e.t-e.l)
	}
	return c.g(s)
}

// respond returns the spends in [l, u] that maximise envelope(s) − μ s: a
// single point, or the whole linear part [l, t] when μ equals its slope.
// warm is a guess of the answer from a nearby μ (0 for none).
func (e *envelope) respond(c *curve, mu, warm float64) (lo, hi float64) {
	switch {
	case e.u <= e.l || mu > e.slope:
		return e.l, e.l
	case mu == e.slope:
		return e.l, e.t
	case e.t == e.u || mu <= e.slopeU:
		return e.u, e.u
	}
	s := c.inverseSlope(mu, warm)
	s = math.Min(math.Max(s, e.t), e.u)
	return s, s
}

// inverseSlope returns the spend on the concave part of the curve where
// g'(s) = μ, for 0 < μ < g'(inflection).
func (c *curve) inverseSlope(mu, warm float64) float64 {
	y := mu * c.h / (c.a * c.m) // φ'(x) = y
	k := c.k
	if k == 1 {
		return c.h * (1/math.Sqrt(y) - 1)
	}
	// In z = ln x, G(z) = ln φ'(e^z) − ln y = ln k + (k−1)z − 2 ln(1 + e^(kz)) − ln y
	// is concave and falls on the concave part, so Newton's method started
	// to the right of the root walks down to it without overshooting. The
	// bound φ'(x) < k x^(−k−1) gives such a start.
	lnk, lny := math.Log(k), math.Log(y)
	zRight := (lnk - lny) / (k + 1)
	zMin := math.Log(math.Max(c.xi, 1e-300))
	G := func(z float64) (val, slope float64) {
		kz := k * z
		var l1, w float64 // ln(1 + e^kz), e^kz / (1 + e^kz)
		if kz > 0 {
			e := math.Exp(-kz)
			l1, w = kz+math.Log1p(e), 1/(1+e)
		} else {
			e := math.Exp(kz)
			l1, w = math.Log1p(e), e/(1+e)
		}
		return lnk + (k-1)*z - 2*l1 - lny, (k - 1) - 2*k*w
	}
	z := zRight
	if warm > 0 {
		if zw := math.Log(warm / c.h); zw > zMin && zw < zRight {
			z = zw
		}
	}
	for i := 0; i < 100; i++ {
		val, slope := G(z)
		if slope >= 0 {
			z = zRight // at the inflection point: restart from the right
			continue
		}
		next := z - val/slope
		if val > 0 && next > zRight { // started left of the root: do not overshoot the bound
			next = zRight
		}
		if math.Abs(next-z) <= 1e-15*math.Max(1, math.Abs(z)) {
			z = next
			break
		}
		z = next
	}
	return c.h * math.Exp(z)
}
