package alloc

import (
	"context"
	"math"
	"testing"
	"time"
)

// TestApart checks the channels solved apart against the whole search on
// plans whose rows do not bind (the apart answer must be taken, and agree)
// and on plans whose budget binds (it must be refused, the sum of the
// channels' bounds must still bound the optimum, and Solve must agree with
// the whole search).
func TestApart(t *testing.T) {
	cases := []struct {
		name     string
		sp       spec
		share    float64 // > 0: the budget is that share of what the channels spend without one
		separate bool
	}{
		{"slack budget, carryover, caps", spec{channels: 4, months: 6, shapes: mixed, carryover: true, caps: true, bounds: true, budget: "slack", kappa: 1, free: true, rho: true}, 0, true},
		{"no rows, s-shaped", spec{channels: 3, months: 6, shapes: sShaped, carryover: true, kappa: 1, free: true}, 0, true},
		{"binding budget", spec{channels: 3, months: 4, shapes: mixed, carryover: true, caps: true, kappa: 1, free: true, rho: true}, 0.5, false},
		{"units, binding budget", spec{channels: 3, months: 4, shapes: sShaped, budget: "binding", kappa: 0, free: true}, 0, false},
		{"rest of year, slack budget", spec{channels: 3, months: 5, shapes: mixed, carryover: true, closed: 2, caps: true, bounds: true, budget: "slack", kappa: 1, free: true, rho: true}, 0, true},
	}
	seeds := 4
	if testing.Short() {
		seeds = 1
	}
	for i, tc := range cases {
		for seed := 0; seed < seeds; seed++ {
			t.Run(tc.name, func(t *testing.T) { checkApart(t, randomPlan(tc.sp, int64(77+10*i+seed)), tc.share, tc.separate) })
		}
	}
}

// budgetedProblem gives plan a budget of share of what its optimum
// without one spends (none when share is 0), and builds and compiles it.
func budgetedProblem(t *testing.T, plan *mPlan, share float64) (*Problem, *model) {
	t.Helper()
	if share > 0 {
		free, err := Solve(context.Background(), plan.build())
		if err != nil {
			t.Fatal(err)
		}
		plan.Budget = share * sum(free.Total)
		if !(plan.Budget > 0) {
			t.Fatal("the plan spends nothing without a budget")
		}
	}
	p := plan.build()
	m, err := compile(p)
	if err != nil {
		t.Fatal(err)
	}
	return p, m
}

// checkApart solves plan apart and whole and compares (see TestApart).
func checkApart(t *testing.T, plan *mPlan, share float64, separate bool) {
	t.Helper()
	p, m := budgetedProblem(t, plan, share)
	opts := Options{Gap: DefaultGap}
	whole, err := SolveWith(context.Background(), p, Options{whole: true})
	if err != nil {
		t.Fatal(err)
	}
	apart, bound, err := solveApart(context.Background(), p, m, opts, time.Time{})
	tol := 1e-6 * math.Max(1, math.Abs(whole.Objective))
	if bound < whole.Objective-tol {
		t.Errorf("the channels' bounds sum to %.10g, below the optimum %.10g", bound, whole.Objective)
	}
	if !separate {
		if err != errNotSeparate {
			t.Fatalf("error %v, want errNotSeparate", err)
		}
		// Solve may still try the channels apart (rowsIdle is a guess
		// from the relaxation) and must then fall back to the whole
		// search, under their bound.
		sol, err := Solve(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(sol.Objective-whole.Objective) > tol || sol.UpperBound < whole.Objective || whole.UpperBound < sol.Objective {
			t.Errorf("Solve %.10g ≤ %.10g, whole %.10g ≤ %.10g", sol.Objective, sol.UpperBound, whole.Objective, whole.UpperBound)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if !m.rowsIdle(opts, time.Time{}) {
		t.Error("rowsIdle says a row binds")
	}
	if !m.feasible(apart.X) {
		t.Fatal("the allocation breaks a constraint")
	}
	if g := apart.UpperBound - apart.Objective; g < 0 || g > tol {
		t.Errorf("apart: UpperBound − Objective = %g", g)
	}
	if apart.Objective < whole.Objective-tol || whole.Objective < apart.Objective-tol {
		t.Errorf("apart %.10g, whole %.10g", apart.Objective, whole.Objective)
	}
	if apart.UpperBound < whole.Objective || whole.UpperBound < apart.Objective {
		t.Errorf("a bound below the other's objective: apart %.10g ≤ %.10g, whole %.10g ≤ %.10g",
			apart.Objective, apart.UpperBound, whole.Objective, whole.UpperBound)
	}
}

// TestApartUnproven: channels whose gaps cannot add up to the gap asked for
// (1e-15, below rounding) leave the proof to the whole search, with the
// allocation they found (feasible) and the sum of their bounds (valid).
func TestApartUnproven(t *testing.T) {
	plan := randomPlan(spec{channels: 3, months: 4, shapes: mixed, carryover: true, budget: "slack", kappa: 1, free: true}, 5)
	p := plan.build()
	m, err := compile(p)
	if err != nil {
		t.Fatal(err)
	}
	sol, bound, err := solveApart(context.Background(), p, m, Options{Gap: 1e-15}, time.Time{})
	if err != errNotSeparate {
		t.Fatalf("error %v, want errNotSeparate", err)
	}
	if sol == nil || !m.feasible(sol.X) {
		t.Fatal("no feasible allocation to start from")
	}
	whole, err := SolveWith(context.Background(), p, Options{whole: true})
	if err != nil {
		t.Fatal(err)
	}
	if bound < whole.Objective || sol.Objective > whole.UpperBound {
		t.Errorf("apart %.12g ≤ %.12g, whole %.12g ≤ %.12g", sol.Objective, bound, whole.Objective, whole.UpperBound)
	}
}
