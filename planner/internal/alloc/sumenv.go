package alloc

import "math"

// sumEnv is the concave envelope of a sum of curves that read one variable
// s ∈ [l, h] at different scales (a channel's months under fixed flighting,
// or the draws of an expected objective), when that sum is convex and then
// concave (or concave throughout): the line from (l, F(l)) tangent to F at
// t, then F itself. It is exact wherever s ≥ t, where the sum of the terms'
// own envelopes would still leave the gaps of the quiet months' curves.
// The terms' envelopes are then set to the curves themselves and this
// supplies the linear part.
type sumEnv struct {
	on    bool
	l, t  float64 // the linear part [l, t); t = +Inf: the chord over the whole range
	fl    float64 // F(l)
	slope float64
	shift float64 // added above t when rounding left t a hair short of the tangent point
	lift  float64 // added everywhere: the allowance for the strip around the inflection point
}

// sumValue is F at s from the exact terms.
func sumValue(terms []term, ts []int, coef func(*term) (a, b float64), s float64) (f, d float64) {
	for _, t := range ts {
		tm := &terms[t]
		a, b := coef(tm)
		if u := b + a*s; u > 0 {
			fv, dv, _ := phiAll(u, tm.k)
			f += tm.w * fv
			d += tm.w * a * dv
		} else {
			d += tm.w * a * dphi(0, tm.k)
		}
	}
	return f, d
}

// buildSumEnv makes the envelope of the terms ts over [lo, hi], or reports
// exact when their sum is concave there (no linear part at all), or ok =
// false when neither shape can be certified (the terms' own envelopes stay).
//
// Validity: with F certified convex on [l, i − δ] and concave on [i + δ, h],
// g = F − line has g(l) = 0, and at the tangent point g(t) ≤ 0, g'(t) = 0,
// so on [i + δ, t] (concave) g ≤ 0 and g' ≥ 0; across the strip [i − δ,
// i + δ], where F” ≤ C, g ≤ 2Cδ²; and on [l, i − δ] (convex) g is at most
// its larger end. The lift 2C⁺δ² covers all.
func buildSumEnv(terms []term, ts []int, coef func(*term) (a, b float64), lo, hi, scale float64) (e sumEnv, exact, ok bool) {
	if concaveOn(terms, ts, coef, lo, hi) {
		return e, true, true
	}
	// Where the curvature turns from positive to negative: sample it, and
	// require a single change of sign.
	end := hi
	if math.IsInf(end, 1) {
		end = lo + 64*scale
	}
	const n = 64
	prevS, prev := lo, sumCurvature(terms, ts, coef, lo)
	if prev < 0 {
		return e, false, false
	}
	infl := math.NaN()
	for i := 1; i <= n; i++ {
		r := float64(i) / n
		s := lo + (end-lo)*r*r*r // dense near lo, where the curves turn
		if i == n {
			s = end
		}
		c := sumCurvature(terms, ts, coef, s)
		if c < 0 && prev >= 0 {
			if !math.IsNaN(infl) {
				return e, false, false
			}
			a, b := prevS, s
			for it := 0; it < 60; it++ {
				m := 0.5 * (a + b)
				if sumCurvature(terms, ts, coef, m) >= 0 {
					a = m
				} else {
					b = m
				}
			}
			infl = 0.5 * (a + b)
		} else if c >= 0 && prev < 0 {
			return e, false, false // concave, then convex again
		}
		prevS, prev = s, c
	}
	if math.IsNaN(infl) {
		return e, false, false
	}
	delta := 1e-3 * math.Min(end-lo, infl-lo)
	iv, ic := math.Max(lo, infl-delta), infl+delta
	if ic >= hi || !convexOn(terms, ts, coef, lo, iv) || !concaveOn(terms, ts, coef, ic, hi) {
		return e, false, false
	}
	_, cmid := curvatureBounds(terms, ts, coef, iv, ic)
	e.lift = 2 * math.Max(0, cmid) * delta * delta
	e.on, e.l = true, lo
	e.fl, _ = sumValue(terms, ts, coef, lo)
	// The tangent point: ψ(t) = F'(t)(t − l) − F(t) + F(l) falls on the
	// concave part; at h it may still be ≥ 0 (then the chord).
	psi := func(t float64) float64 {
		f, d := sumValue(terms, ts, coef, t)
		return d*(t-lo) - f + e.fl
	}
	if !math.IsInf(hi, 1) && psi(hi) >= 0 {
		fh, _ := sumValue(terms, ts, coef, hi)
		e.t, e.slope = math.Inf(1), (fh-e.fl)/(hi-lo)
		return e, false, true
	}
	a, b := ic, hi
	if math.IsInf(b, 1) {
		b = ic + scale
		for psi(b) >= 0 {
			a, b = b, b+2*(b-ic)
			if math.IsInf(b, 1) {
				return sumEnv{}, false, false
			}
		}
	}
	if psi(a) < 0 {
		return sumEnv{}, false, false // the tangent touches inside the strip
	}
	for it := 0; it < 100 && b-a > 1e-15*math.Abs(b); it++ {
		m := 0.5 * (a + b)
		if psi(m) >= 0 {
			a = m
		} else {
			b = m
		}
	}
	// t = a, on the short side of the root: the line with F's slope there
	// passes above (l, F(l)), and the curve above t is raised to meet it.
	e.t = a
	ft, dt := sumValue(terms, ts, coef, a)
	e.slope = (ft - e.fl) / (a - lo)
	if dt > e.slope {
		e.slope = dt
		e.shift = e.fl + dt*(a-lo) - ft
	}
	return e, false, true
}

// linear reports whether s lies in the linear part.
func (e *sumEnv) linear(s float64) bool { return e.on && s < e.t }

// line is the linear part at s.
func (e *sumEnv) line(s float64) float64 { return e.fl + e.slope*(s-e.l) + e.lift }
