package alloc

import "math"

// The Hill curve in its own units, u = z / Half:
//
//	φ(u) = u^k / (1 + u^k),  φ'(u) = k u^(k−1) / (1 + u^k)²,  φ''(u) = φ'(u) (k − 1 − 2k φ(u)) / u
//
// φ is concave for k ≤ 1 and S-shaped for k > 1: convex up to the
// inflection point ((k−1)/(k+1))^(1/k), concave after it.

// phi is φ_k(u), 0 for u ≤ 0.
func phi(u, k float64) float64 {
	if u <= 0 {
		return 0
	}
	if k == 1 {
		return u / (1 + u)
	}
	return 1 / (1 + math.Pow(u, -k))
}

// dphi is φ_k'(u); at u = 0 it is +Inf for k < 1, 1 for k = 1 and 0 for k > 1.
func dphi(u, k float64) float64 {
	if u <= 0 {
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
		return 1 / ((1 + u) * (1 + u))
	}
	r := math.Pow(u, -k) // u^(−k): stable for large u and large k
	return k * r / (u * (1 + r) * (1 + r))
}

// phiAll returns φ, φ' and φ” at u > 0 with one power.
func phiAll(u, k float64) (f, d, dd float64) {
	if k == 1 {
		v := 1 / (1 + u)
		return u * v, v * v, -2 * v * v * v
	}
	return phiAllR(u, math.Pow(u, -k), k)
}

// phiAllR is phiAll at u > 0 given r = u^(−k) (k ≠ 1), computed elsewhere.
func phiAllR(u, r, k float64) (f, d, dd float64) {
	f = 1 / (1 + r)
	d = k * r / (u * (1 + r) * (1 + r))
	dd = d * (k - 1 - 2*k*f) / u
	return f, d, dd
}

// inflection is the point where φ_k turns from convex to concave, 0 when k ≤ 1.
func inflection(k float64) float64 {
	if k <= 1 {
		return 0
	}
	return math.Pow((k-1)/(k+1), 1/k)
}

// tangentFrom returns the point t above the inflection point xi where the
// tangent of φ_k passes through (l, φ(l)), for l below xi (k > 1): the end of
// the linear part of φ's concave envelope on [l, ∞).
func tangentFrom(l, k, xi float64) float64 {
	if l <= 0 {
		return math.Pow(k-1, 1/k) // k u^k/(1+u^k)² · u = φ(u) ⇔ u^k = k − 1
	}
	pl := phi(l, k)
	// ψ(z) = φ'(u)(u − l) − φ(u) + φ(l), u = e^z, falls from > 0 at the
	// inflection point to φ(l) − 1 < 0, with dψ/dz = φ''(u)·u·(u − l).
	// Newton's method in z, kept inside a shrinking bracket.
	psi := func(z float64) (val, slope float64) {
		u := math.Exp(z)
		f, d, dd := phiAll(u, k)
		return d*(u-l) - f + pl, dd * u * (u - l)
	}
	lo := math.Log(xi)
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
	return math.Exp(z)
}
