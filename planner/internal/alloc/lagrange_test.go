package alloc

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"
)

// TestLagrange checks the Lagrangian decomposition against the whole
// search on small free-flighting plans whose rows bind (a budget, groups'
// bounds and shares): when it proves an answer, the answer must be
// feasible, within the gap of its own bound, and agree with the whole
// search's within both gaps; when it does not, its bound must still be
// above the optimum and its allocation (if any) feasible; and Solve, which
// uses it, must agree with the whole search.
func TestLagrange(t *testing.T) {
	cases := []struct {
		name  string
		sp    spec
		share float64 // > 0: the budget is that share of what the channels spend without one
	}{
		{"concave, budget at half", spec{channels: 4, months: 3, shapes: concave, kappa: 1, free: true, rho: true}, 0.5},
		{"s-shaped, binding budget", spec{channels: 3, months: 4, shapes: sShaped, budget: "binding", kappa: 1, free: true}, 0},
		{"mixed carryover caps, budget at 0.6", spec{channels: 4, months: 4, shapes: mixed, carryover: true, caps: true, kappa: 1, free: true, rho: true}, 0.6},
		{"units, binding budget", spec{channels: 3, months: 4, shapes: sShaped, budget: "binding", kappa: 0, free: true}, 0},
		{"groups, binding budget", spec{channels: 4, months: 3, shapes: mixed, carryover: true, groups: true, budget: "binding", kappa: 1, free: true}, 0},
		{"groups shares, units", spec{channels: 4, months: 3, shapes: mixed, carryover: true, groups: true, shares: true, budget: "binding", kappa: 0, free: true}, 0},
		{"bounds, rest of year", spec{channels: 3, months: 4, shapes: mixed, carryover: true, closed: 1, bounds: true, budget: "binding", kappa: 1, free: true}, 0},
	}
	seeds := 4
	if testing.Short() {
		seeds = 1
	}
	for i, tc := range cases {
		for seed := 0; seed < seeds; seed++ {
			t.Run(tc.name, func(t *testing.T) { checkLagrange(t, randomPlan(tc.sp, int64(311+10*i+seed)), tc.share) })
		}
	}
}

// mustBind fails unless a row of m binds, so that Solve would decompose.
func mustBind(t *testing.T, m *model) {
	t.Helper()
	if m.rowsIdle(Options{Gap: DefaultGap}, time.Time{}) {
		t.Fatal("no row binds: the decomposition would not run")
	}
}

// checkLagrange solves plan by the decomposition and whole and compares
// (see TestLagrange).
func checkLagrange(t *testing.T, plan *mPlan, share float64) {
	t.Helper()
	p, m := budgetedProblem(t, plan, share)
	whole, err := SolveWith(context.Background(), p, Options{whole: true})
	if err != nil {
		t.Fatal(err)
	}
	tol := 1e-6 * math.Max(1, math.Abs(whole.Objective))
	lag, bound, err := solveLagrange(context.Background(), p, m, Options{Gap: DefaultGap, MaxNodes: 2000000}, time.Time{})
	if bound < whole.Objective-tol {
		t.Errorf("the decomposition's bound %.10g is below the optimum %.10g", bound, whole.Objective)
	}
	switch {
	case err == nil:
		if !m.feasible(lag.X) {
			t.Fatal("the allocation breaks a constraint")
		}
		if g := lag.UpperBound - lag.Objective; g < 0 || g > tol {
			t.Errorf("UpperBound − Objective = %g", g)
		}
		if lag.UpperBound < whole.Objective || whole.UpperBound < lag.Objective {
			t.Errorf("a bound below the other's objective: decomposition %.10g ≤ %.10g, whole %.10g ≤ %.10g",
				lag.Objective, lag.UpperBound, whole.Objective, whole.UpperBound)
		}
	case err == errNotSeparate:
		t.Logf("left to the whole search")
		if lag != nil && (!m.feasible(lag.X) || lag.Objective > whole.UpperBound) {
			t.Errorf("the allocation left for the whole search is infeasible or beats the optimum")
		}
	default:
		t.Fatal(err)
	}
	sol, err := Solve(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if sol.UpperBound < whole.Objective || whole.UpperBound < sol.Objective || sol.UpperBound-sol.Objective > tol {
		t.Errorf("Solve %.10g ≤ %.10g, whole %.10g ≤ %.10g", sol.Objective, sol.UpperBound, whole.Objective, whole.UpperBound)
	}
}

// TestLagrangeSolve checks Solve, which decomposes from lagrangeChannels
// channels on when a row binds, against the whole search on generated
// plans of that size (a budget, a digital group with a minimum and a share
// cap, an offline group with a maximum), months few enough for the whole
// search to prove its answer. On these the decomposition must prove its
// answer itself.
func TestLagrangeSolve(t *testing.T) {
	cases := []struct {
		name     string
		channels int
		share    float64 // the budget as a share of what the channels spend without one
		seed     int64
	}{
		{"24 channels, budget at half", 24, 0.5, 25},
		{"24 channels, budget at 0.8", 24, 0.8, 25},
		{"30 channels, budget at half", 30, 0.5, 31},
		{"30 channels, budget at 0.8", 30, 0.8, 31},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, m := budgetedProblem(t, largePlan(tc.channels, 3, true, tc.seed), tc.share)
			mustBind(t, m)
			if _, _, err := solveLagrange(context.Background(), p, m, Options{Gap: DefaultGap, MaxNodes: 2000000}, time.Time{}); err != nil {
				t.Errorf("the decomposition did not prove its answer: %v", err)
			}
			whole, err := SolveWith(context.Background(), p, Options{whole: true})
			if err != nil {
				t.Fatal(err)
			}
			sol, err := Solve(context.Background(), p)
			if err != nil {
				t.Fatal(err)
			}
			tol := 1e-6 * math.Max(1, math.Abs(whole.Objective))
			if !m.feasible(sol.X) {
				t.Fatal("the allocation breaks a constraint")
			}
			if g := sol.UpperBound - sol.Objective; g < 0 || g > tol {
				t.Errorf("UpperBound − Objective = %g", g)
			}
			if sol.UpperBound < whole.Objective || whole.UpperBound < sol.Objective {
				t.Errorf("Solve %.10g ≤ %.10g, whole %.10g ≤ %.10g", sol.Objective, sol.UpperBound, whole.Objective, whole.UpperBound)
			}
		})
	}
}

// TestLagrangeStopped: the decomposition stopped by a deadline part way
// leaves the whole search a feasible allocation (or none) and a bound at
// least the optimum's (+Inf if it had none), and Solve stopped by its
// context (the decomposition runs without a time limit) returns ctx's
// error.
func TestLagrangeStopped(t *testing.T) {
	plan := largePlan(60, 12, true, 5)
	plan.Budget *= 0.1
	p, m := budgetedProblem(t, plan, 0)
	mustBind(t, m)
	whole, err := SolveWith(context.Background(), p, Options{TimeLimit: 20 * time.Second})
	var gapErr *GapError
	if err != nil && !errors.As(err, &gapErr) {
		t.Fatal(err)
	}
	for _, limit := range []time.Duration{time.Millisecond, 50 * time.Millisecond} {
		sol, bound, err := solveLagrange(context.Background(), p, m, Options{Gap: DefaultGap, MaxNodes: 2000000}, time.Now().Add(limit))
		if err != nil && err != errNotSeparate {
			t.Fatalf("limit %v: error %v, want errNotSeparate or none", limit, err)
		}
		if sol != nil && (!m.feasible(sol.X) || sol.Objective > whole.UpperBound) {
			t.Errorf("limit %v: the allocation left is infeasible or beats the optimum", limit)
		}
		if bound < whole.Objective {
			t.Errorf("limit %v: bound %.10g below the objective %.10g", limit, bound, whole.Objective)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := Solve(ctx, p); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want context.DeadlineExceeded", err)
	}
}
