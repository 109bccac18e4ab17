package alloc

import (
	"math"
	"sync"
)

// A sum of Hill curves of one argument can be concave on an interval even
// where some of its terms are not: the months of a channel with uneven
// flighting read the same spend at different scales, and near the optimum
// the quiet months' curves are often still convex while the sum is not.
// There the sum itself is a concave overestimator with no gap at all, much
// tighter than the sum of the terms' envelopes; branch and bound then stops
// splitting that channel as soon as its interval lies where the sum is
// concave.
//
// concaveOn certifies that Σ_t w_t φ_k_t(b_t + a_t s) is concave for s in
// [lo, hi]: it bounds the second derivative Σ_t w_t a_t² φ''(u) on pieces of
// the interval by each term's largest φ'' over the piece (from the
// positions of φ'''s roots, which depend on the shape alone), splitting the
// pieces where the bound is positive, a few levels deep.

// curvatureExtrema returns where φ_k” has its local maxima and minima (in
// u), computed once per shape.
func curvatureExtrema(k float64) (maxima, minima []float64) {
	if v, ok := extremaCache.Load(k); ok {
		e := v.([2][]float64)
		return e[0], e[1]
	}
	// φ''' = φ'(g² − 2kφ'/u − g/u) with g = (k − 1 − 2kφ)/u: scan its sign
	// on a logarithmic grid and bisect each change from + to −.
	third := func(u float64) float64 {
		f, d, _ := phiAll(u, k)
		g := (k - 1 - 2*k*f) / u
		return d * (g*g - 2*k*d/u - g/u)
	}
	prevU := 1e-8
	prev := third(prevU)
	for i := 1; i <= 400; i++ {
		u := 1e-8 * math.Pow(1e16, float64(i)/400)
		v := third(u)
		if (prev > 0) != (v > 0) {
			a, b := prevU, u
			for it := 0; it < 100; it++ {
				m := math.Sqrt(a * b)
				if (third(m) > 0) == (prev > 0) {
					a = m
				} else {
					b = m
				}
			}
			if prev > 0 {
				maxima = append(maxima, math.Sqrt(a*b))
			} else {
				minima = append(minima, math.Sqrt(a*b))
			}
		}
		prevU, prev = u, v
	}
	extremaCache.Store(k, [2][]float64{maxima, minima})
	return maxima, minima
}

var extremaCache sync.Map

// curvatureAt is φ_k”(u), with its limits at 0 and +Inf.
func curvatureAt(k, u float64) float64 {
	switch {
	case u <= 0 && k < 1:
		return math.Inf(-1)
	case u <= 0 && k == 1:
		return -2
	case u <= 0 && k < 2:
		return math.Inf(1)
	case u <= 0 && k == 2:
		return 2
	case u <= 0:
		return 0
	case math.IsInf(u, 1):
		return 0
	}
	_, _, dd := phiAll(u, k)
	return dd
}

// curvatureRange bounds φ_k” on [u1, u2] (u2 may be +Inf): its least and
// largest values there.
func curvatureRange(k, u1, u2 float64) (lo, hi float64) {
	maxima, minima := curvatureExtrema(k)
	c1, c2 := curvatureAt(k, u1), curvatureAt(k, u2)
	lo, hi = math.Min(c1, c2), math.Max(c1, c2)
	for _, u := range maxima {
		if u > u1 && u < u2 {
			hi = math.Max(hi, curvatureAt(k, u))
		}
	}
	for _, u := range minima {
		if u > u1 && u < u2 {
			lo = math.Min(lo, curvatureAt(k, u))
		}
	}
	return lo, hi
}

// curvatureBounds bounds the second derivative of Σ_t w_t φ_k_t(b_t + a_t s)
// for s in [s1, s2] by the terms' own bounds.
func curvatureBounds(terms []term, ts []int, coef func(*term) (a, b float64), s1, s2 float64) (lo, hi float64) {
	for _, t := range ts {
		tm := &terms[t]
		a, b := coef(tm)
		l, h := curvatureRange(tm.k, b+a*s1, b+a*s2)
		lo += tm.w * a * a * l
		hi += tm.w * a * a * h
	}
	return lo, hi
}

// sumCurvature is the second derivative of the sum at s.
func sumCurvature(terms []term, ts []int, coef func(*term) (a, b float64), s float64) float64 {
	c := 0.0
	for _, t := range ts {
		tm := &terms[t]
		a, b := coef(tm)
		if u := b + a*s; u > 0 {
			_, _, dd := phiAll(u, tm.k)
			c += tm.w * a * a * dd
		}
	}
	return c
}

// concaveOn reports whether the sum of the terms ts (each reading b + a·s,
// a = coefficient over half) is certainly concave on [lo, hi]; convexOn
// whether it is certainly convex.
func concaveOn(terms []term, ts []int, coef func(*term) (a, b float64), lo, hi float64) bool {
	return certify(terms, ts, coef, lo, hi, -1)
}

func convexOn(terms []term, ts []int, coef func(*term) (a, b float64), lo, hi float64) bool {
	return certify(terms, ts, coef, lo, hi, 1)
}

// certify checks the sign (−1: ≤ 0, +1: ≥ 0) of the sum's curvature on
// [lo, hi], splitting the interval where the terms' bounds do not settle it.
func certify(terms []term, ts []int, coef func(*term) (a, b float64), lo, hi float64, sign float64) bool {
	// Fail fast where the sum plainly has the other sign somewhere.
	if !math.IsInf(hi, 1) {
		for i := 0; i <= 8; i++ {
			if sign*sumCurvature(terms, ts, coef, lo+(hi-lo)*float64(i)/8) < 0 {
				return false
			}
		}
	}
	// Split where the bounds do not settle it, deepest near the places
	// where the curvature comes close to 0 (an inflection point at the end
	// of the interval), within a budget of pieces.
	budget := 600
	var check func(s1, s2 float64, depth int) bool
	check = func(s1, s2 float64, depth int) bool {
		budget--
		l, h := curvatureBounds(terms, ts, coef, s1, s2)
		if (sign < 0 && h <= 0) || (sign > 0 && l >= 0) {
			return true
		}
		if depth == 0 || budget <= 0 || math.IsInf(s2, 1) {
			return false
		}
		mid := 0.5 * (s1 + s2)
		return check(s1, mid, depth-1) && check(mid, s2, depth-1)
	}
	return check(lo, hi, 20)
}
