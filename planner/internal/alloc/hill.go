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
	r := math.Pow(u, -k)
	if r > tinyR {
		f, _, _ := phiTiny(u, k)
		return f
	}
	return 1 / (1 + r)
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
	if r > tinyR {
		_, d, _ := phiTiny(u, k)
		return d
	}
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
	if r > tinyR {
		return phiTiny(u, k)
	}
	f = 1 / (1 + r)
	d = k * r / (u * (1 + r) * (1 + r))
	dd = d * (k - 1 - 2*k*f) / u
	return f, d, dd
}

// tinyR is the u^(−k) above which φ and its slope are computed from u^k
// and u^(k−1) directly (phiTiny): r/(1 + r)² overflows to Inf/Inf = NaN
// from r ≈ 1e154, and r itself to +Inf where u is tiny and k near 1 (a
// concave curve's infinite slope at 0 then read as 0, or NaN, which voided
// a bound; found by the fuzzer).
const tinyR = 1e100

// phiTiny is phiAll where u^k < 1e−100: φ = u^k, φ' = k u^(k−1) and φ” =
// φ'(k − 1)/u, each to a relative 1e−100, in logarithms so that nothing
// overflows on the way (a result beyond float64's range is ±Inf, as it
// should be).
func phiTiny(u, k float64) (f, d, dd float64) {
	lu := logAny(u)
	f = math.Exp(k * lu)
	d = k * math.Exp((k-1)*lu)
	dd = k * (k - 1) * math.Exp((k-2)*lu)
	return f, d, dd
}

// logAny is ln u for u > 0, subnormal u included, where math.Log is off
// (ln 2e−310 comes out as −709.08 instead of −713.11 on amd64).
func logAny(u float64) float64 {
	frac, exp := math.Frexp(u)
	return math.Log(frac) + float64(exp)*math.Ln2
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
