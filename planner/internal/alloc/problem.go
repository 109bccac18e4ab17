package alloc

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
)

// Term is one Hill response: Weight × φ_Shape((Offset + Σ_j Coef[j]·x_j) / Half),
// where φ_k(u) = u^k / (1 + u^k) and x is its channel's variables.
type Term struct {
	Weight float64   // ≥ 0: the value of the whole curve (saturation)
	Half   float64   // > 0: the argument that brings half of Weight
	Shape  float64   // 0 < Shape ≤ 10: ≤ 1 concave, > 1 S-shaped
	Offset float64   // ≥ 0: argument carried in (pressure from closed months)
	Coef   []float64 // ≥ 0, one per variable of the channel
}

// Channel is a group of Dim decision variables x_j ∈ [Lo[j], Hi[j]] whose
// sum is the channel's total, Min ≤ total ≤ Max. Its part of the objective is
// Σ Terms − Kappa × total.
type Channel struct {
	Dim int
	// Lo and Hi bound each variable; nil Lo means all 0, nil Hi all +Inf.
	// Lo ≥ 0 and finite; Hi ≥ Lo, +Inf allowed.
	Lo, Hi []float64
	// Min and Max bound the total; Max may be +Inf.
	Min, Max float64
	Terms    []Term
}

// Row is a linear constraint on the channels' totals:
// Σ_c Coef[c] × total_c ≤ Bound. A Bound of +Inf leaves it out.
type Row struct {
	Coef  []float64
	Bound float64
}

// Problem is the allocation problem: maximise
//
//	Constant + Σ_c (Σ_{t ∈ terms of c} term_t(x_c) − Kappa × total_c)
//
// subject to the variables' bounds, the channels' Min and Max, and Rows.
type Problem struct {
	Channels []Channel
	Rows     []Row
	Kappa    float64 // ≥ 0: the cost of a unit of spend in the objective
	Constant float64 // added to the objective (what the variables cannot change)
}

// Solution is an optimal allocation with its proof.
type Solution struct {
	X     [][]float64 // the variables, per channel
	Total []float64   // each channel's total Σ_j X[c][j]
	// Objective is the problem's objective at X; UpperBound is a bound no
	// feasible allocation can beat: 0 ≤ UpperBound − Objective ≤
	// Options.Gap × max(1, |Objective|), unless Solve returned a *GapError.
	Objective, UpperBound float64
	// Prices are the rows' multipliers in the last relaxation solved at the
	// optimum: what one more unit of each row's Bound is worth, roughly.
	Prices []float64
	Nodes  int // branch-and-bound nodes solved
}

// Options tune Solve.
type Options struct {
	// Gap is the relative optimality gap the answer is proven to:
	// UpperBound − Objective ≤ Gap × max(1, |Objective|). Default 1e-6, the
	// contract's. The search aims at half of it.
	Gap float64
	// MaxNodes stops the search after that many nodes (default 2,000,000);
	// channels solved apart (see the package comment) get that many each.
	MaxNodes int
	// TimeLimit, when > 0, stops the search after that long. Like MaxNodes,
	// it ends in a *GapError carrying the best allocation found and an
	// honest UpperBound: a caller that must answer in time gets the proof
	// it has rather than nothing.
	TimeLimit time.Duration

	// whole (tests only) skips solving the channels apart (decompose.go),
	// so that the two methods can be checked against each other.
	whole bool
}

// DefaultGap is the relative optimality gap Solve proves by default.
const DefaultGap = 1e-6

// InputError lists every malformed field of a Problem, each with its path,
// e.g. "channels[2].terms[0].half: must be greater than 0".
type InputError struct{ Problems []string }

func (e *InputError) Error() string {
	return "alloc: invalid problem: " + strings.Join(e.Problems, "; ")
}

// ErrUnbounded is returned when the objective has no maximum: with Kappa = 0
// a channel that brings something can grow without bound, so every
// allocation is beaten by a larger one.
var ErrUnbounded = errors.New("alloc: the objective has no maximum: a channel with no upper bound costs nothing (Kappa = 0) and no row limits it")

// GapError is returned with the best allocation found, and its honest
// UpperBound, when the search could not prove Options.Gap: it ran into
// Options.MaxNodes or Options.TimeLimit, or rounding kept a bound from
// closing.
type GapError struct {
	Objective, UpperBound float64
}

func (e *GapError) Error() string {
	return fmt.Sprintf("alloc: search stopped with a gap of %g (objective %g, upper bound %g)",
		e.UpperBound-e.Objective, e.Objective, e.UpperBound)
}

// InfeasibleError says why no allocation meets the constraints, with the
// figures that clash.
//
// Either one channel's own bounds clash (Channel ≥ 0): Min > Max, Min above
// the most its variables allow (HiSum = Σ Hi, e.g. monthly caps below a
// minimum) or Max below the least they need (LoSum = Σ Lo).
//
// Or the rows cannot all hold (Channel = −1): the combination Σ_r Weights[r] ×
// row Rows[r] of them needs Σ_c (Σ_r Weights[r] Coef_rc) × total_c ≤ Limit,
// but with every channel's total within its own bounds that sum is at least
// Least > Limit. AtBound lists the channels whose bound makes Least (their
// minimum, or their maximum where the combined coefficient is negative).
// Example: rows "budget" (Σ total ≤ B) and "group minimum" (−Σ_{c∈G} total ≤
// −G_min) combine with weights 1 and 1 to Σ_{c∉G} total ≤ B − G_min, which the
// minimums of the channels outside G exceed.
type InfeasibleError struct {
	Channel                int
	Min, Max, LoSum, HiSum float64
	Rows                   []int
	Weights                []float64
	Least, Limit           float64
	AtBound                []int
}

func (e *InfeasibleError) Error() string {
	if e.Channel >= 0 {
		switch {
		case e.Min > e.Max:
			return fmt.Sprintf("alloc: channel %d: its minimum %g is above its maximum %g", e.Channel, e.Min, e.Max)
		case e.Min > e.HiSum:
			return fmt.Sprintf("alloc: channel %d: its minimum %g is above the %g its variables' upper bounds allow", e.Channel, e.Min, e.HiSum)
		default:
			return fmt.Sprintf("alloc: channel %d: its maximum %g is below the %g its variables' lower bounds need", e.Channel, e.Max, e.LoSum)
		}
	}
	return fmt.Sprintf("alloc: rows %v cannot all hold: combined with weights %v they allow at most %g, but the channels' bounds need at least %g",
		e.Rows, e.Weights, e.Limit, e.Least)
}

// validate checks every field and lists every problem.
func (p *Problem) validate() error {
	var probs []string
	add := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	finite := func(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
	if !finite(p.Kappa) || p.Kappa < 0 {
		add("kappa: must be a finite number ≥ 0")
	}
	if !finite(p.Constant) {
		add("constant: must be finite")
	}
	for c := range p.Channels {
		ch := &p.Channels[c]
		at := fmt.Sprintf("channels[%d]", c)
		if ch.Dim < 1 {
			add("%s.dim: must be at least 1", at)
			continue
		}
		if ch.Lo != nil && len(ch.Lo) != ch.Dim {
			add("%s.lo: must have dim (%d) entries or be nil", at, ch.Dim)
		}
		if ch.Hi != nil && len(ch.Hi) != ch.Dim {
			add("%s.hi: must have dim (%d) entries or be nil", at, ch.Dim)
		}
		for j := 0; j < ch.Dim; j++ {
			lo, hi := 0.0, math.Inf(1)
			if j < len(ch.Lo) {
				lo = ch.Lo[j]
			}
			if j < len(ch.Hi) {
				hi = ch.Hi[j]
			}
			if !finite(lo) || lo < 0 {
				add("%s.lo[%d]: must be a finite number ≥ 0", at, j)
			}
			if math.IsNaN(hi) || hi < lo {
				add("%s.hi[%d]: must be ≥ lo[%d] (+Inf allowed)", at, j, j)
			}
		}
		if !finite(ch.Min) {
			add("%s.min: must be finite", at)
		}
		if math.IsNaN(ch.Max) || math.IsInf(ch.Max, -1) {
			add("%s.max: must be a number (+Inf allowed)", at)
		}
		for t := range ch.Terms {
			tm := &ch.Terms[t]
			tat := fmt.Sprintf("%s.terms[%d]", at, t)
			if !finite(tm.Weight) || tm.Weight < 0 {
				add("%s.weight: must be a finite number ≥ 0", tat)
			}
			if !finite(tm.Half) || tm.Half <= 0 {
				add("%s.half: must be greater than 0", tat)
			}
			if !(tm.Shape > 0 && tm.Shape <= 10) {
				add("%s.shape: must be in (0, 10]", tat)
			}
			if !finite(tm.Offset) || tm.Offset < 0 {
				add("%s.offset: must be a finite number ≥ 0", tat)
			}
			if len(tm.Coef) != ch.Dim {
				add("%s.coef: must have dim (%d) entries", tat, ch.Dim)
				continue
			}
			for j, a := range tm.Coef {
				if !finite(a) || a < 0 {
					add("%s.coef[%d]: must be a finite number ≥ 0", tat, j)
				}
			}
		}
	}
	for r := range p.Rows {
		row := &p.Rows[r]
		at := fmt.Sprintf("rows[%d]", r)
		if len(row.Coef) != len(p.Channels) {
			add("%s.coef: must have one entry per channel (%d)", at, len(p.Channels))
		}
		for c, a := range row.Coef {
			if !finite(a) {
				add("%s.coef[%d]: must be finite", at, c)
			}
		}
		if math.IsNaN(row.Bound) || math.IsInf(row.Bound, -1) {
			add("%s.bound: must be a number (+Inf allowed)", at)
		}
	}
	if probs != nil {
		return &InputError{Problems: probs}
	}
	return nil
}
