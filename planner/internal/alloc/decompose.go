package alloc

import (
	"context"
	"errors"
	"math"
	"runtime"
	"sort"
	"sync"
	"time"
)

// The channels alone. Without its rows the problem falls apart into one
// problem per channel, each small (a channel's months), and each solved
// exactly by the branch and bound on its own: the sum of their upper bounds
// bounds the whole problem (it is the Lagrangian bound with the rows'
// multipliers at 0, the channels' answers exact), and when the channels'
// own optima together meet every row they are the whole problem's optimum.
// That is the common case of free flighting in mode contribution, where
// the cost of spend rather than the budget holds spend back, and it is
// where the branch and bound over all the channels' months at once is
// slowest: every channel's envelopes are loose at once, and a search over
// the product of their boxes closes one channel's gap again in every
// branch of another's. Solved apart, the channels' searches add up
// instead of multiplying.

// decomposable reports whether solving the channels apart is worth a try:
// several channels, one at least with several variables (free flighting).
// With one channel, or one variable per channel (fixed flighting, fast
// already), the whole search is as quick.
func decomposable(p *Problem) bool {
	if len(p.Channels) < 2 {
		return false
	}
	for c := range p.Channels {
		if p.Channels[c].Dim > 1 {
			return true
		}
	}
	return false
}

// errNotSeparate says the channels' own optima do not meet the rows (or a
// channel alone has no optimum): the whole search is needed.
var errNotSeparate = errors.New("alloc: the channels' own optima do not meet the rows")

// solveApart solves each channel of p alone (m is p compiled) and returns
// the whole problem's solution when their optima meet every row, with the
// sum of their bounds as its UpperBound (a *GapError with it when the
// deadline came first). It returns errNotSeparate when the optima break a
// row, or when their gaps still add up to too much after a few rounds
// (rounding, where the objective is much smaller than its parts), with
// the best sum of the bounds, which still bounds the whole problem (+Inf
// when some channel has no bound alone), and the last allocation that met
// the rows, if any, for the whole search to start from. It returns ctx's
// error when ctx ends first. Each channel is proven to a share of the
// gap; channels whose gaps add up to too much are solved again, tighter.
func solveApart(ctx context.Context, p *Problem, m *model, opts Options, deadline time.Time) (*Solution, float64, error) {
	nc := len(p.Channels)
	subs := make([]*Solution, nc)
	gaps := make([]float64, nc)
	for c := range gaps {
		gaps[c] = 0.25 * opts.Gap
	}
	todo := make([]int, nc)
	for c := range todo {
		todo[c] = c
	}
	var feasible *Solution
	bound := math.Inf(1)
	for round := 0; round < 3; round++ {
		m.hardestFirst(todo)
		if err := solveChannels(ctx, p, opts, deadline, todo, gaps, subs); err != nil {
			return nil, bound, err
		}
		sol := assemble(p, m, subs)
		bound = math.Min(bound, sol.UpperBound)
		if !m.feasible(sol.X) {
			return feasible, bound, errNotSeparate
		}
		feasible = sol
		slack := opts.Gap * math.Max(1, math.Abs(sol.Objective))
		if sol.UpperBound-sol.Objective <= slack {
			return sol, bound, nil
		}
		if !deadline.IsZero() && time.Now().After(deadline) {
			return sol, bound, &GapError{Objective: sol.Objective, UpperBound: sol.UpperBound}
		}
		// Too loose altogether: ask the channels that left most of the
		// gap for a share of the slack in proportion to what they left.
		excess := sol.UpperBound - sol.Objective
		todo = todo[:0]
		for c, s := range subs {
			g := s.UpperBound - s.Objective
			if g > 1e-3*excess {
				todo = append(todo, c)
				gaps[c] = math.Max(0.5*slack*g/excess/math.Max(1, math.Abs(s.Objective)), 1e-12)
			}
		}
	}
	return feasible, bound, errNotSeparate
}

// rowsIdle reports whether the relaxation at the root, priced at the cost
// of spend alone (the rows' multipliers at 0), meets every row: then no
// row holds the relaxed channels back, and likely none holds back their
// own optima either, which are then worth finding apart. Where a row
// binds (a budget that the channels would overspend), they would break it
// and the time spent finding them would be lost. One pricing of every
// channel, with almost no regularization: far cheaper than the root's
// relaxation.
func (m *model) rowsIdle(opts Options, deadline time.Time) bool {
	if len(m.b) == 0 {
		return true
	}
	s := newSolver(m, opts)
	s.deadline = deadline
	s.load(nil)
	s.setStage(1e-6)
	if _, ub := s.evaluate(make([]float64, len(m.b))); math.IsInf(ub, 0) || math.IsNaN(ub) {
		return false
	}
	for r := range m.b {
		lhs := 0.0
		for c := range m.ch {
			lhs += m.a[r][c] * s.st[c].T
		}
		if lhs > m.b[r] {
			return false
		}
	}
	return true
}

// solveChannels solves the channels listed, each alone, each to its gap,
// on as many goroutines as there are processors. A channel that stops
// short of its gap (time, nodes) keeps its honest bound; any other error
// ends it all.
func solveChannels(ctx context.Context, p *Problem, opts Options, deadline time.Time, list []int, gaps []float64, subs []*Solution) error {
	workers := runtime.GOMAXPROCS(0)
	if workers > len(list) {
		workers = len(list)
	}
	jobs := make(chan int)
	errs := make([]error, len(p.Channels))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range jobs {
				one := &Problem{Channels: []Channel{p.Channels[c]}, Kappa: p.Kappa}
				o := Options{Gap: gaps[c], MaxNodes: opts.MaxNodes}
				if !deadline.IsZero() {
					o.TimeLimit = time.Until(deadline)
					if o.TimeLimit <= 0 {
						o.TimeLimit = time.Nanosecond
					}
				}
				sol, err := SolveWith(ctx, one, o)
				var gapErr *GapError
				if errors.As(err, &gapErr) && sol != nil {
					err = nil
				}
				subs[c], errs[c] = sol, err
			}
		}()
	}
	for _, c := range list {
		jobs <- c
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, c := range list {
		if errs[c] != nil {
			return errNotSeparate // unbounded or infeasible alone: leave it to the whole search
		}
	}
	return nil
}

// assemble puts the channels' solutions together.
func assemble(p *Problem, m *model, subs []*Solution) *Solution {
	nc := len(p.Channels)
	sol := &Solution{X: make([][]float64, nc), Total: make([]float64, nc), Prices: make([]float64, len(p.Rows))}
	ub := p.Constant
	for c, s := range subs {
		sol.X[c] = append([]float64(nil), s.X[0]...)
		sol.Total[c] = s.Total[0]
		sol.Nodes += s.Nodes
		ub += s.UpperBound
	}
	obj, mag := m.objective(sol.X)
	sol.Objective = obj
	// Each channel's bound carries its own rounding allowance; the sum
	// adds its own.
	sol.UpperBound = math.Max(ub+1e-13*(m.scale+mag), obj)
	return sol
}

// hardestFirst orders the channels so that those likely to take longest
// start first, and the goroutines finish together rather than one of them
// alone on the last slow channel: carryover with S-curves and a minimum
// (which forces spend where the curves are convex, and the search must
// find which months take it) before carryover with S-curves, before
// S-curves, before the rest.
func (m *model) hardestFirst(list []int) {
	score := func(c int) int {
		ch := &m.ch[c]
		sShaped := false
		for t := range ch.terms {
			if ch.terms[t].k > 1 {
				sShaped = true
			}
		}
		switch {
		case !sShaped:
			return 0
		case ch.separable:
			return 1
		case ch.tl > 0:
			return 3
		}
		return 2
	}
	sort.SliceStable(list, func(i, j int) bool { return score(list[i]) > score(list[j]) })
}
