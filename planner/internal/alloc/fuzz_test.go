package alloc

import (
	"context"
	"errors"
	"math"
	"math/rand"
	"testing"
	"time"
)

// decodeProblem builds a small valid Problem from fuzz bytes.
func decodeProblem(data []byte) *Problem {
	i := 0
	next := func() float64 { // in [0, 1)
		if i >= len(data) {
			i++
			return float64(i%7) / 7
		}
		v := float64(data[i]) / 256
		i++
		return v
	}
	p := &Problem{Kappa: math.Floor(next() * 2)}
	nc := 1 + int(next()*3)
	for c := 0; c < nc; c++ {
		ch := Channel{Dim: 1 + int(next()*3), Max: math.Inf(1)}
		ch.Hi = make([]float64, ch.Dim)
		for j := range ch.Hi {
			ch.Hi[j] = math.Inf(1)
			if next() < 0.5 {
				ch.Hi[j] = 1 + 999*next()
			}
		}
		if next() < 0.3 {
			ch.Min = 500 * next()
		}
		if next() < 0.3 {
			ch.Max = ch.Min + 2000*next()
		}
		nt := 1 + int(next()*3)
		for t := 0; t < nt; t++ {
			tm := Term{Weight: 1000 * next(), Half: 1 + 999*next(), Shape: 0.3 + 4.7*next(), Coef: make([]float64, ch.Dim)}
			if next() < 0.3 {
				tm.Offset = 100 * next()
			}
			for j := range tm.Coef {
				if next() < 0.7 {
					tm.Coef[j] = 2 * next()
				}
			}
			ch.Terms = append(ch.Terms, tm)
		}
		p.Channels = append(p.Channels, ch)
	}
	nr := int(next() * 3)
	if p.Kappa == 0 {
		nr = 1 + nr
	}
	for r := 0; r < nr; r++ {
		row := Row{Coef: make([]float64, nc), Bound: 3000*next() - 500}
		for c := range row.Coef {
			row.Coef[c] = 2*next() - 0.5
		}
		if r == 0 {
			for c := range row.Coef {
				row.Coef[c] = 1 // a budget
			}
			row.Bound = 3000 * next()
		}
		p.Rows = append(p.Rows, row)
	}
	return p
}

// FuzzSolve holds Solve to its invariants on small random problems: no
// panic; an answer that is feasible, whose Objective is right and whose
// UpperBound is within the gap and above random feasible points; or one of
// the documented refusals.
func FuzzSolve(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
	f.Add([]byte{0, 200, 100, 50, 25, 12, 6, 3, 1, 255, 128, 64, 32, 16, 8, 4, 2})
	f.Add([]byte{255, 255, 0, 0, 128, 128, 7, 77, 177, 250, 10, 90, 45, 200, 3, 33, 66, 99})
	f.Add([]byte{128, 30, 200, 40, 220, 60, 240, 80, 10, 100, 30, 120, 50, 140, 70, 160, 90, 180, 110, 200, 130})
	f.Fuzz(func(t *testing.T, data []byte) {
		p := decodeProblem(data)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		sol, err := SolveWith(ctx, p, Options{MaxNodes: 20000})
		var infeasible *InfeasibleError
		var gapErr *GapError
		switch {
		case err == nil:
		case errors.As(err, &infeasible), errors.Is(err, ErrUnbounded), errors.Is(err, context.DeadlineExceeded):
			return
		case errors.As(err, &gapErr) && sol != nil && sol.Nodes >= 20000:
			if sol.UpperBound < sol.Objective {
				t.Fatalf("GapError without an honest answer: %v", err)
			}
			return
		default:
			t.Fatalf("unexpected error %v", err)
		}
		checkSolution(t, p, sol)
		// Random feasible points never beat the bound.
		m, _ := compile(p)
		rng := rand.New(rand.NewSource(int64(len(data))))
		x := make([][]float64, len(m.ch))
		for trial := 0; trial < 2000; trial++ {
			for c := range m.ch {
				ch := &m.ch[c]
				x[c] = x[c][:0]
				for j := 0; j < ch.dim; j++ {
					hi := math.Min(ch.hi[j], ch.lo[j]+3000)
					x[c] = append(x[c], ch.lo[j]+(hi-ch.lo[j])*rng.Float64()*rng.Float64())
				}
			}
			if !m.feasible(x) {
				continue
			}
			if v, _ := m.objective(x); v > sol.UpperBound+1e-9*math.Max(1, math.Abs(v)) {
				t.Fatalf("a feasible point reaches %v, above the bound %v", v, sol.UpperBound)
			}
		}
	})
}
