package alloc

import "math"

// envelope is the concave envelope of φ_k on an interval [l, h] of its
// argument (in the curve's own units): linear from l to t, then φ itself from
// t to h. t == l when φ is concave on [l, h] (no linear part); t == +Inf when
// the envelope is the chord from l to h (extended as a line past h, so that
// its slope does not jump up at h).
type envelope struct {
	fixed  bool // the range is a single point: the term is a constant there
	l, t   float64
	fl, ft float64 // φ(l), φ(t)
	slope  float64 // slope of the linear part (valid when t > l)
	// shift lifts the curved part when rounding left t a hair short of the
	// tangent point: the linear part then takes φ's slope at t, and the
	// curve above t is raised to meet it, so the envelope stays concave
	// and above φ. It is of the order of rounding.
	shift float64
}

// makeEnvelope computes the envelope of φ_k on [l, h]; xi is φ_k's inflection
// point (0 for a concave curve). h may be +Inf.
func makeEnvelope(l, h, k, xi float64) envelope {
	e := envelope{l: l, t: l, fl: phi(l, k), fixed: !(h > l)}
	e.ft = e.fl
	if xi <= 0 || l >= xi || h <= l {
		return e
	}
	t := tangentFrom(l, k, xi)
	if t >= h {
		e.t, e.ft = math.Inf(1), phi(h, k)
		e.slope = (e.ft - e.fl) / (h - l)
		return e
	}
	e.t, e.ft = t, phi(t, k)
	e.slope = (e.ft - e.fl) / (t - l)
	if d := dphi(t, k); d > e.slope {
		e.slope = d
		e.shift = e.fl + d*(t-l) - e.ft
	}
	return e
}

// linear reports whether u lies in the linear part of the envelope (or
// below its range, where a linear part extends as a line).
func (e *envelope) linear(u float64) bool { return u < e.t && e.t > e.l }

// all returns the envelope's value, slope and curvature at u.
func (e *envelope) all(u, k float64) (f, d, dd float64) {
	if e.fixed {
		// The argument cannot move in this node (nor, to first order, be
		// priced): a constant, even where φ's slope is infinite (a
		// concave curve at 0).
		return e.fl, 0, 0
	}
	if e.linear(u) {
		return e.fl + (u-e.l)*e.slope, e.slope, 0
	}
	if u <= 0 {
		return e.shift, dphi(0, k), 0
	}
	f, d, dd = phiAll(u, k)
	return f + e.shift, d, dd
}

// allR is all with r = u^(−k) given, where u > 0 is finite and r is finite
// and positive (the variable's terms share one power: sharePowers).
func (e *envelope) allR(u, r, k float64) (f, d, dd float64) {
	if e.fixed {
		return e.fl, 0, 0
	}
	if e.linear(u) {
		return e.fl + (u-e.l)*e.slope, e.slope, 0
	}
	f, d, dd = phiAllR(u, r, k)
	return f + e.shift, d, dd
}

// gap is how far the envelope lies above φ at u.
func (e *envelope) gap(u, k float64) float64 {
	if e.linear(u) {
		return math.Max(0, e.fl+(u-e.l)*e.slope-phi(u, k))
	}
	return e.shift
}
