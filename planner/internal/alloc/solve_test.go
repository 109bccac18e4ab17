package alloc

import (
	"context"
	"errors"
	"math"
	"math/rand"
	"strings"
	"testing"
	"time"
)

// checkSolution holds a Solution to what Solve promises: X within every
// bound and row, Objective the problem's objective at X, and UpperBound
// within the gap above it.
func checkSolution(t *testing.T, p *Problem, sol *Solution) {
	t.Helper()
	m, err := compile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !m.feasible(sol.X) {
		t.Fatalf("X breaks a constraint: %v", sol.X)
	}
	obj, _ := m.objective(sol.X)
	if math.Abs(obj-sol.Objective) > 1e-9*math.Max(1, math.Abs(obj)) {
		t.Errorf("Objective %v, the objective at X is %v", sol.Objective, obj)
	}
	for c := range sol.X {
		if s := sum(sol.X[c]); math.Abs(s-sol.Total[c]) > 1e-9*math.Max(1, s) {
			t.Errorf("Total[%d] = %v, X sums to %v", c, sol.Total[c], s)
		}
	}
	if gap := sol.UpperBound - sol.Objective; gap < 0 || gap > DefaultGap*math.Max(1, math.Abs(sol.Objective))*1.01 {
		t.Errorf("UpperBound − Objective = %v (objective %v)", gap, sol.Objective)
	}
}

// hill is a one-term channel on its total.
func hill(w, half, shape float64) Channel {
	return Channel{Dim: 1, Max: math.Inf(1), Terms: []Term{{Weight: w, Half: half, Shape: shape, Coef: []float64{1}}}}
}

func budget(n int, b float64) Row {
	r := Row{Coef: make([]float64, n), Bound: b}
	for i := range r.Coef {
		r.Coef[i] = 1
	}
	return r
}

func TestDegenerate(t *testing.T) {
	pinned := hill(1000, 100, 2)
	pinned.Min, pinned.Max = 50, 50
	zero := hill(0, 100, 1)
	cases := []struct {
		name string
		p    *Problem
		want float64 // the optimum, where it is known in closed form
	}{
		{"no channels", &Problem{Constant: 7}, 7},
		{"zero weights", &Problem{Channels: []Channel{zero, zero}, Rows: []Row{budget(2, 100)}, Kappa: 1}, 0},
		{"min equals max", &Problem{Channels: []Channel{pinned}, Kappa: 1}, 1000*phi(0.5, 2) - 50},
		{"all pinned", &Problem{Channels: []Channel{pinned, pinned}, Rows: []Row{budget(2, 100)}, Kappa: 1}, 2 * (1000*phi(0.5, 2) - 50)},
		{"no upper bound, kappa 1", &Problem{Channels: []Channel{hill(1000, 100, 1)}, Kappa: 1}, 1000 - 2*math.Sqrt(1000*100) + 100},
		{"budget binds, concave twins", &Problem{Channels: []Channel{hill(1000, 100, 1), hill(1000, 100, 1)}, Rows: []Row{budget(2, 200)}}, 1000},
		{"tiny scale", &Problem{Channels: []Channel{hill(1e-3, 1e-3, 1), hill(2e-3, 1e-3, 2.5)}, Rows: []Row{budget(2, 2e-3)}}, math.NaN()},
		{"huge scale", &Problem{Channels: []Channel{hill(1e9, 1e9, 1), hill(2e9, 1e9, 2.5)}, Rows: []Row{budget(2, 2e9)}, Kappa: 1}, math.NaN()},
		{"empty budget", &Problem{Channels: []Channel{hill(1000, 100, 3), hill(500, 10, 0.5)}, Rows: []Row{budget(2, 0)}}, 0},
		{"row without channels", &Problem{Channels: []Channel{hill(1000, 100, 1)}, Rows: []Row{{Coef: []float64{0}, Bound: 5}}, Kappa: 1}, 1000 - 2*math.Sqrt(1000*100) + 100},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sol, err := Solve(context.Background(), tc.p)
			if err != nil {
				t.Fatal(err)
			}
			checkSolution(t, tc.p, sol)
			if !math.IsNaN(tc.want) && math.Abs(sol.Objective-tc.want) > 1e-6*math.Max(1, math.Abs(tc.want)) {
				t.Errorf("objective %v, want %v", sol.Objective, tc.want)
			}
		})
	}
}

func TestInfeasible(t *testing.T) {
	capped := Channel{Dim: 3, Hi: []float64{10, 10, 10}, Min: 40, Max: math.Inf(1),
		Terms: []Term{{Weight: 1, Half: 1, Shape: 1, Coef: []float64{1, 1, 1}}}}
	group := func() *Problem {
		a, b := hill(100, 10, 1), hill(100, 10, 1)
		b.Min = 30
		return &Problem{Channels: []Channel{a, b, hill(100, 10, 1)}, Rows: []Row{
			budget(3, 100),
			{Coef: []float64{-1, 0, -1}, Bound: -90}, // group {0, 2} at least 90
		}}
	}
	cases := []struct {
		name    string
		p       *Problem
		channel int
		rows    []int
	}{
		{"caps below a minimum", &Problem{Channels: []Channel{capped}}, 0, nil},
		{"minimum above maximum", &Problem{Channels: []Channel{{Dim: 1, Min: 5, Max: 4}}}, 0, nil},
		{"group minimum above the budget", group(), -1, []int{0, 1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Solve(context.Background(), tc.p)
			var ie *InfeasibleError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v, want an *InfeasibleError", err)
			}
			if ie.Channel != tc.channel {
				t.Errorf("Channel %d, want %d (%v)", ie.Channel, tc.channel, ie)
			}
			if tc.channel < 0 {
				if len(ie.Rows) != len(tc.rows) || !(ie.Least > ie.Limit) {
					t.Errorf("rows %v (weights %v), least %v, limit %v; want rows %v and least > limit", ie.Rows, ie.Weights, ie.Least, ie.Limit, tc.rows)
				}
				// The channels outside the group hold it at their minimum: channel 1.
				if len(ie.AtBound) != 1 || ie.AtBound[0] != 1 {
					t.Errorf("AtBound %v, want [1]", ie.AtBound)
				}
			}
			if ie.Error() == "" {
				t.Error("empty message")
			}
		})
	}
}

func TestInputErrors(t *testing.T) {
	p := &Problem{
		Kappa: math.NaN(),
		Channels: []Channel{
			{Dim: 2, Lo: []float64{0}, Terms: []Term{{Weight: -1, Half: 0, Shape: 11, Coef: []float64{1}}}},
			{Dim: 0},
		},
		Rows: []Row{{Coef: []float64{1}, Bound: math.NaN()}},
	}
	_, err := Solve(context.Background(), p)
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v, want an *InputError", err)
	}
	for _, want := range []string{"kappa", "channels[0].lo", "channels[0].terms[0].weight", "channels[0].terms[0].half",
		"channels[0].terms[0].shape", "channels[0].terms[0].coef", "channels[1].dim", "rows[0].coef", "rows[0].bound"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q missing from %v", want, err)
		}
	}
}

func TestUnbounded(t *testing.T) {
	_, err := Solve(context.Background(), &Problem{Channels: []Channel{hill(100, 10, 1)}})
	if !errors.Is(err, ErrUnbounded) {
		t.Errorf("error %v, want ErrUnbounded", err)
	}
	// A budget bounds it.
	if _, err := Solve(context.Background(), &Problem{Channels: []Channel{hill(100, 10, 1)}, Rows: []Row{budget(1, 50)}}); err != nil {
		t.Error(err)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Solve(ctx, largePlan(40, 12, true, 3).build())
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

// TestTimeLimit: a search stopped by Options.TimeLimit still answers with a
// feasible allocation and an UpperBound that is at least its objective, in a
// *GapError that carries both.
func TestTimeLimit(t *testing.T) {
	p := largePlan(60, 12, true, 5).build()
	sol, err := SolveWith(context.Background(), p, Options{TimeLimit: time.Millisecond})
	var gapErr *GapError
	if !errors.As(err, &gapErr) || sol == nil {
		t.Fatalf("error %v, want a *GapError with a solution", err)
	}
	m, _ := compile(p)
	if !m.feasible(sol.X) {
		t.Fatal("the allocation breaks a constraint")
	}
	if sol.UpperBound < sol.Objective || gapErr.UpperBound != sol.UpperBound || gapErr.Objective != sol.Objective {
		t.Errorf("solution %v ≤ %v, error %v", sol.Objective, sol.UpperBound, err)
	}
}

// TestExpected: the mean of several draws' curves, with shapes and half
// spends that differ, solved against the brute force.
func TestExpected(t *testing.T) {
	for _, free := range []bool{false, true} {
		name := map[bool]string{false: "fixed", true: "free"}[free]
		t.Run(name, func(t *testing.T) {
			rng := rand.New(rand.NewSource(7))
			base := randomPlan(spec{channels: 2, months: 3, shapes: mixed, carryover: true, budget: "binding", kappa: 1, free: free}, 11)
			// Each draw scales maxUnits and halfSpend; the objective is their mean.
			const draws = 4
			var plans []*mPlan
			for d := 0; d < draws; d++ {
				pd := *base
				pd.Ch = append([]mChannel(nil), base.Ch...)
				for c := range pd.Ch {
					pd.Ch[c].M *= 0.7 + 0.6*rng.Float64()
					pd.Ch[c].H *= 0.7 + 0.6*rng.Float64()
					pd.Ch[c].A /= draws
				}
				plans = append(plans, &pd)
			}
			prob := plans[0].build()
			for _, pd := range plans[1:] {
				for c, ch := range pd.build().Channels {
					prob.Channels[c].Terms = append(prob.Channels[c].Terms, ch.Terms...)
				}
			}
			prob.Kappa = 1
			sol, err := Solve(context.Background(), prob)
			if err != nil {
				t.Fatal(err)
			}
			checkSolution(t, prob, sol)
			mean := &meanPlan{plans}
			bs := newBruteSpace(plans[0])
			bs.eval = mean.evaluate
			brute := bs.search(rng)
			spend := plans[0].monthly(sol.X)
			if got := mean.evaluate(spend); math.Abs(got-sol.Objective) > 1e-9*math.Max(1, math.Abs(got)) {
				t.Errorf("Objective %v, the draws' mean gives %v", sol.Objective, got)
			}
			if brute > sol.Objective+1e-6*math.Max(1, math.Abs(sol.Objective)) {
				t.Errorf("the brute force found %v, above the optimum %v", brute, sol.Objective)
			}
		})
	}
}

// meanPlan evaluates the mean objective of several draws of a plan (each
// draw's A already divided by the number of draws, so the mean is the sum).
type meanPlan struct{ draws []*mPlan }

func (mp *meanPlan) evaluate(spend [][]float64) float64 {
	s := 0.0
	for i, d := range mp.draws {
		k := d.Kappa
		if i > 0 {
			d.Kappa = 0 // the cost of spend once
		}
		s += d.evaluate(spend)
		d.Kappa = k
	}
	return s
}

// TestLargeProperties: on larger random plans, every answer is feasible,
// its Objective right, its bound within the gap, and no small move along a
// feasible direction (a transfer between two variables, or one variable
// alone where no row binds) improves it beyond the gap.
func TestLargeProperties(t *testing.T) {
	cases := []struct {
		name     string
		channels int
		free     bool
	}{
		{"fixed 30 channels", 30, false},
		{"fixed 80 channels", 80, false},
		{"free 8 channels", 8, true},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			plan := largePlan(tc.channels, 12, tc.free, int64(100+i))
			prob := plan.build()
			sol, err := Solve(context.Background(), prob)
			if err != nil {
				t.Fatal(err)
			}
			checkSolution(t, prob, sol)
			if got := plan.evaluate(plan.monthly(sol.X)); math.Abs(got-sol.Objective) > 1e-9*math.Abs(got) {
				t.Errorf("Objective %v, the monthly model gives %v", sol.Objective, got)
			}
			m, _ := compile(prob)
			rng := rand.New(rand.NewSource(int64(i)))
			tol := 1e-6 * math.Max(1, math.Abs(sol.Objective))
			type ref struct{ c, j int }
			var vars []ref
			for c := range sol.X {
				for j := range sol.X[c] {
					vars = append(vars, ref{c, j})
				}
			}
			x := make([][]float64, len(sol.X))
			for trial := 0; trial < 3000; trial++ {
				a, b := vars[rng.Intn(len(vars))], vars[rng.Intn(len(vars))]
				step := math.Pow(10, -1-4*rng.Float64()) * (1 + sol.X[a.c][a.j])
				for c := range x {
					x[c] = append(x[c][:0], sol.X[c]...)
				}
				x[a.c][a.j] += step
				if trial%2 == 0 {
					x[b.c][b.j] -= step
				}
				if !m.feasible(x) {
					continue
				}
				if v, _ := m.objective(x); v > sol.Objective+tol {
					t.Fatalf("moving %v by %g (and %v back) improves the objective to %v from %v", a, step, b, v, sol.Objective)
				}
			}
		})
	}
}
