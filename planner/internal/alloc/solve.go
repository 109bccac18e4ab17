package alloc

import (
	"context"
	"math"
	"time"
)

// Solve finds the allocation that maximizes p's objective, with Options'
// defaults.
func Solve(ctx context.Context, p *Problem) (*Solution, error) {
	return SolveWith(ctx, p, Options{})
}

// SolveWith finds the allocation that maximizes p's objective: the global
// optimum, proven to opts.Gap by Solution.UpperBound. It returns an
// *InputError for a malformed problem, an *InfeasibleError when the
// constraints cannot all hold, ErrUnbounded when there is no maximum, and
// ctx's error when ctx ends first.
func SolveWith(ctx context.Context, p *Problem, opts Options) (*Solution, error) {
	if opts.Gap <= 0 {
		opts.Gap = DefaultGap
	}
	if opts.MaxNodes <= 0 {
		opts.MaxNodes = 2000000
	}
	m, err := compile(p)
	if err != nil {
		return nil, err
	}
	start, err := m.feasiblePoint()
	if err != nil {
		return nil, err
	}
	var deadline time.Time
	if opts.TimeLimit > 0 {
		deadline = time.Now().Add(opts.TimeLimit)
	}
	// apartBound bounds the whole problem when the channels, solved apart,
	// did not meet the rows (the rows dropped: a relaxation).
	apartBound := math.Inf(1)
	if !opts.whole && decomposable(p) && m.rowsIdle(opts, deadline) {
		sol, bound, err := solveApart(ctx, p, m, opts, deadline)
		if err != errNotSeparate {
			return sol, err
		}
		apartBound = bound
		if sol != nil {
			start = sol.X // feasible: the search starts from it
		}
	} else if !opts.whole && decomposable(p) && len(p.Channels) >= lagrangeChannels && deadline.IsZero() {
		// Not under a time limit: stopped part way (its first pricing
		// of every channel exactly takes seconds at 200 channels) the
		// decomposition has neither a bound nor an allocation to give,
		// and the whole search, left the rest of the time, may answer
		// worse than with all of it. Under a time limit Solve answers
		// as before the decomposition.
		sol, bound, err := solveLagrange(ctx, p, m, opts, deadline)
		if err != errNotSeparate {
			return sol, err
		}
		apartBound = bound
		if sol != nil {
			start = sol.X
		}
	}
	s := newSolver(m, opts)
	s.deadline = deadline
	for c := range m.ch {
		copy(s.best[c], start[c])
	}
	s.bestValue, _ = m.objective(s.best)
	if m.openEnded() {
		// The root's relaxations leave their state behind (warm starts,
		// regularization centres): the search starts afresh, with the
		// incumbent they found.
		s.tightenRoot()
		prev := s
		s = newSolver(m, opts)
		s.best, s.bestValue, s.nodes, s.deadline = prev.best, prev.bestValue, prev.nodes, prev.deadline
	}
	ub, err := s.run(ctx)
	if err != nil {
		if _, ok := err.(*GapError); !ok {
			return nil, err
		}
	}
	ub = math.Min(ub, apartBound)
	sol := &Solution{X: s.best, Total: make([]float64, len(m.ch)), Nodes: s.nodes, Prices: make([]float64, len(p.Rows))}
	obj, mag := m.objective(s.best)
	for c := range m.ch {
		for _, v := range s.best[c] {
			sol.Total[c] += v
		}
	}
	for i, r := range m.rows {
		sol.Prices[r] = s.mu[i]
	}
	// Rounding allowance: the bound is a sum of many float64 terms.
	allowance := 1e-13 * (m.scale + mag)
	sol.Objective = obj
	sol.UpperBound = math.Max(ub+allowance, obj)
	if sol.UpperBound-obj > opts.Gap*math.Max(1, math.Abs(obj)) {
		return sol, &GapError{Objective: sol.Objective, UpperBound: sol.UpperBound}
	}
	return sol, nil
}

// feasiblePoint finds an allocation that meets every constraint, or the
// InfeasibleError that says which clash.
func (m *model) feasiblePoint() ([][]float64, error) {
	nc := len(m.ch)
	prob := &lp{a: m.a, b: m.b, lo: make([]float64, nc), hi: make([]float64, nc)}
	for c := range m.ch {
		prob.lo[c], prob.hi[c] = m.ch[c].tl, m.ch[c].tu
	}
	res := prob.solve()
	if res.status == lpInfeasible {
		return nil, m.clash(res.farkas)
	}
	x := make([][]float64, nc)
	for c := range m.ch {
		ch := &m.ch[c]
		x[c] = append([]float64(nil), ch.lo...)
		d := res.v[c] - sum(ch.lo)
		for _, j := range ch.order {
			add := math.Min(d, ch.hi[j]-x[c][j])
			if add > 0 {
				x[c][j] += add
				d -= add
			}
		}
	}
	return x, nil
}

// clash builds the InfeasibleError of a Farkas certificate π.
func (m *model) clash(pi []float64) error {
	e := &InfeasibleError{Channel: -1}
	for r, w := range pi {
		if w > 1e-12 {
			e.Rows = append(e.Rows, m.rows[r])
			e.Weights = append(e.Weights, w)
			e.Limit += w * m.b[r]
		}
	}
	for c := range m.ch {
		coef := 0.0
		for r, w := range pi {
			coef += w * m.a[r][c]
		}
		switch {
		case coef > 1e-12:
			e.Least += coef * m.ch[c].tl
			if m.ch[c].tl > 0 {
				e.AtBound = append(e.AtBound, c)
			}
		case coef < -1e-12:
			e.Least += coef * m.ch[c].tu
			e.AtBound = append(e.AtBound, c)
		}
	}
	return e
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}
