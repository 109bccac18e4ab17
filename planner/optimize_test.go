package planner_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"mixplan/planner"
	"mixplan/planner/plangen"
)

// expectedOptimum is the worked example's promotion problem, computed
// independently from the contract.
type expectedOptimum struct {
	B          float64   `json:"B"`
	Objective  float64   `json:"objective"`
	Allocation []float64 `json:"allocation"`
}

// TestOptimizeWorkedExample checks the optimiser on the version-1 worked
// example with flat flighting (the version-1 figures are unchanged there),
// whose optimum was computed independently.
func TestOptimizeWorkedExample(t *testing.T) {
	v1, err := planner.Load("testdata/v1/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	plan := flatten(v1)
	for _, mode := range []string{planner.ModeContribution, planner.ModeUnits} {
		t.Run(mode, func(t *testing.T) {
			b, err := os.ReadFile("testdata/v1/expected/tea.optimize-" + mode + ".json")
			if err != nil {
				t.Fatal(err)
			}
			var want expectedOptimum
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			o, err := planner.Optimize(context.Background(), plan, planner.OptimizeRequest{Mode: mode})
			if err != nil {
				t.Fatal(err)
			}
			if !o.PromotionBudget.Valid || o.PromotionBudget.Value != want.B {
				t.Errorf("promotion budget %v, want %v", o.PromotionBudget, want.B)
			}
			if o.Objective < want.Objective*(1-1e-6) {
				t.Errorf("objective %.10g, want at least %.10g", o.Objective, want.Objective)
			}
			checkAllocation(t, plan, o)
			// The expected allocation reaches the expected objective: ours must
			// be as good, spend for spend.
			for i, a := range o.Allocation {
				if d := math.Abs(a.Spend - want.Allocation[i]); d > 1e-3*math.Max(1, want.Allocation[i]) {
					t.Errorf("%s: spend %.6f, the reference spends %.6f", a.ID, a.Spend, want.Allocation[i])
				}
			}
		})
	}
}

// checkAllocation checks bounds, budget, and that before/after agree with
// the engine's report of the plan and of the plan with the new spends.
func checkAllocation(t *testing.T, plan *planner.Plan, o *planner.Optimization) {
	t.Helper()
	sum := 0.0
	for i, a := range o.Allocation {
		pm := plan.Promotions[i]
		if a.ID != pm.ID {
			t.Fatalf("allocation %d is %q, want %q: the plan's order", i, a.ID, pm.ID)
		}
		if a.Spend < pm.Min || (pm.Max != nil && a.Spend > *pm.Max) {
			t.Errorf("%s: spend %g outside [%g, %v]", a.ID, a.Spend, pm.Min, fmtMax(pm.Max))
		}
		sum += a.Spend
	}
	if o.PromotionBudget.Valid && sum > o.PromotionBudget.Value*(1+1e-12) {
		t.Errorf("spends add up to %.6f, over the promotion budget %.6f", sum, o.PromotionBudget.Value)
	}
	before, err := planner.Evaluate(plan, "")
	if err != nil {
		t.Fatal(err)
	}
	after, err := planner.Evaluate(o.Apply(plan), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"before.contribution", o.Before.Contribution, before.Totals.Contribution},
		{"before.promotion", o.Before.Promotion, before.Totals.Promotion},
		{"after.contribution", o.After.Contribution, after.Totals.Contribution},
		{"after.promotion", o.After.Promotion, after.Totals.Promotion},
	} {
		if math.Abs(c.got-c.want) > 1e-9*math.Max(1, math.Abs(c.want)) {
			t.Errorf("%s = %.10g, the report says %.10g", c.name, c.got, c.want)
		}
	}
	if o.Mode == planner.ModeContribution && o.After.Contribution < o.Before.Contribution-1e-6*math.Abs(o.Before.Contribution) {
		if inBounds(plan) {
			t.Errorf("the optimum %.2f is worse than the current plan %.2f, which is feasible", o.After.Contribution, o.Before.Contribution)
		}
	}
}

// inBounds reports whether the plan's current spends are a feasible answer.
func inBounds(p *planner.Plan) bool {
	sum := 0.0
	for _, pm := range p.Promotions {
		if pm.Spend < pm.Min || (pm.Max != nil && pm.Spend > *pm.Max) {
			return false
		}
		sum += pm.Spend
	}
	if p.Targets.Budget == nil {
		return true
	}
	for _, pl := range p.Places {
		sum += pl.FixedCost
	}
	for _, pr := range p.Products {
		sum += pr.LaunchCost
	}
	return sum <= *p.Targets.Budget
}

func TestOptimizeRequests(t *testing.T) {
	tea, err := planner.Load("testdata/v1/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	noBudget := tea.Clone()
	noBudget.Targets.Budget = nil
	for _, tc := range []struct {
		name    string
		plan    *planner.Plan
		req     planner.OptimizeRequest
		refused string // part of the refusal, or "" when it must succeed
		// the refusal's kind and figures when it is an *InfeasibleError
		infeasible *planner.InfeasibleError
	}{
		{"minimums over the budget", tea, planner.OptimizeRequest{Budget: planner.Float(160000)},
			"the channels' minimum spends add up to 7000, 4000 more than the promotion budget of 3000 (budget 160000 − places' fixed costs 77000 − launch costs 80000)",
			&planner.InfeasibleError{Kind: planner.MinimumsOverBudget, Budget: 160000, PlaceFixed: 77000, Launch: 80000, Minimums: 7000, Need: 7000, Allow: 3000}},
		{"budget below the fixed costs", tea, planner.OptimizeRequest{Budget: planner.Float(100000)}, "the budget of 100000 does not cover places' fixed costs (77000) and launch costs (80000): 57000 short before any promotion",
			&planner.InfeasibleError{Kind: planner.BudgetBelowFixed, Budget: 100000, PlaceFixed: 77000, Launch: 80000, Minimums: 7000}},
		{"units without a budget", noBudget, planner.OptimizeRequest{Mode: planner.ModeUnits}, "mode units needs a budget",
			&planner.InfeasibleError{Kind: planner.NoBudget, PlaceFixed: 77000, Launch: 80000, Minimums: 7000}},
		{"unknown mode", tea, planner.OptimizeRequest{Mode: "profit"}, `unknown optimisation mode "profit"`, nil},
		{"unknown flighting", tea, planner.OptimizeRequest{Flighting: "weekly"}, `unknown flighting "weekly"`, nil},
		{"revenue without a budget", noBudget, planner.OptimizeRequest{Mode: planner.ModeRevenue}, "mode revenue needs a budget",
			&planner.InfeasibleError{Kind: planner.NoBudget, PlaceFixed: 77000, Launch: 80000, Minimums: 7000}},
		{"expected units", tea, planner.OptimizeRequest{Mode: planner.ModeUnits, Objective: planner.ObjectiveExpected}, "it takes mode \"contribution\"", nil},
		{"rest of the year without actuals", tea, planner.OptimizeRequest{RestOfYear: true}, "the rest of the year needs closed months", nil},
		{"unknown scenario", tea, planner.OptimizeRequest{Scenario: "crisis"}, `the plan has no scenario "crisis"`, nil},
		{"negative budget", tea, planner.OptimizeRequest{Budget: planner.Float(-1)}, "the budget must be a number ≥ 0",
			&planner.InfeasibleError{Kind: planner.BadBudget, Budget: -1, PlaceFixed: 77000, Launch: 80000, Minimums: 7000}},
		{"contribution without a budget", noBudget, planner.OptimizeRequest{}, "", nil},
		{"a scenario", tea, planner.OptimizeRequest{Scenario: "low", Mode: planner.ModeUnits}, "", nil},
		{"a budget given", tea, planner.OptimizeRequest{Budget: planner.Float(400000)}, "", nil},
		{"budget that only covers the minimums", tea, planner.OptimizeRequest{Budget: planner.Float(164000)}, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o, err := planner.Optimize(context.Background(), tc.plan, tc.req)
			if tc.refused != "" {
				if err == nil || !strings.Contains(err.Error(), tc.refused) {
					t.Fatalf("got %v, want a refusal containing %q", err, tc.refused)
				}
				var inf *planner.InfeasibleError
				if errors.As(err, &inf) != (tc.infeasible != nil) {
					t.Fatalf("%v: an *InfeasibleError is %v, want %v", err, inf != nil, tc.infeasible != nil)
				}
				if want := tc.infeasible; want != nil {
					got := *inf
					got.Reason = ""
					if got != *want {
						t.Errorf("refusal %+v, want %+v", got, *want)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.req.Scenario == "" {
				checkAllocation(t, tc.plan, o)
			}
		})
	}
}

// TestOptimizeLeavesUnprofitableBudget: in mode contribution a budget far
// larger than what pays back is left partly unspent, and every channel not
// held by its bounds ends where an extra euro returns exactly a euro.
func TestOptimizeLeavesUnprofitableBudget(t *testing.T) {
	v1, err := planner.Load("testdata/v1/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	tea := flatten(v1)
	o, err := planner.Optimize(context.Background(), tea, planner.OptimizeRequest{Budget: planner.Float(5e6)})
	if err != nil {
		t.Fatal(err)
	}
	if o.Unspent <= 0 {
		t.Fatalf("unspent %g: a 5 M budget cannot all pay back", o.Unspent)
	}
	if got := o.PromotionBudget.Value - o.After.Promotion; math.Abs(got-o.Unspent) > 1e-6 {
		t.Errorf("unspent %g, budget minus spends %g", o.Unspent, got)
	}
	for i, a := range o.Allocation {
		pm := tea.Promotions[i]
		inside := a.Spend > pm.Min && (pm.Max == nil || a.Spend < *pm.Max)
		if inside && (!a.MarginalROI.Valid || math.Abs(a.MarginalROI.Value) > 1e-6) {
			t.Errorf("%s inside its bounds with marginal ROI %v, want 0", a.ID, a.MarginalROI)
		}
	}
}

// TestOptimizeMonthlyPlan runs the optimiser on the version-2 worked
// example (bursts, carryover, caps, groups): the answer respects every
// bound, monthly cap and the budget, and its objective is the report's
// figures of the plan with its spends.
func TestOptimizeMonthlyPlan(t *testing.T) {
	tea, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []string{planner.ModeContribution, planner.ModeUnits} {
		t.Run(mode, func(t *testing.T) {
			o, err := planner.Optimize(context.Background(), tea, planner.OptimizeRequest{Mode: mode})
			if err != nil {
				t.Fatal(err)
			}
			checkAllocation(t, tea, o)
			after := mustReport(t, o.Apply(tea), "")
			objective := 0.0
			for c, pr := range after.Promotions {
				for m, s := range pr.MonthlySpend {
					if cap := tea.Promotions[c].MaxPerMonth; cap != nil && s > *cap*(1+1e-12) {
						t.Errorf("%s spends %.2f in month %d, over its cap of %.2f", pr.ID, s, m+1, *cap)
					}
				}
				if mode == planner.ModeUnits {
					objective += pr.LiftUnits
				} else {
					objective += pr.IncrementalContribution - pr.Spend
				}
			}
			if math.Abs(o.Objective-objective) > 1e-9*math.Abs(objective) {
				t.Errorf("objective %.10g, the report of the answer says %.10g", o.Objective, objective)
			}
		})
	}
	t.Run("a monthly cap below the minimum is refused", func(t *testing.T) {
		q := tea.Clone()
		q.Promotions[0].MaxPerMonth = planner.Float(100) // sea: flat flighting, minimum 5000
		_, err := planner.Optimize(context.Background(), q, planner.OptimizeRequest{})
		var inf *planner.InfeasibleError
		if !errors.As(err, &inf) || inf.Kind != planner.CapBelowMinimum ||
			!strings.Contains(err.Error(), "sea may spend at most 100 a month (maxPerMonth): with its flighting that is 1200 over the horizon, below its minimum of 5000") {
			t.Errorf("got %v", err)
		}
	})
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOptimizeCanceled(t *testing.T) {
	p := plangen.Generate(plangen.Size{Products: 20, Places: 3, Promotions: 300, Months: 12}, 5)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := planner.Optimize(ctx, p, planner.OptimizeRequest{Budget: planner.Float(1e8)})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}

// TestOptimizeGeneratedPlans runs the optimiser on generated plans of many
// shapes: the answer is feasible, agrees with the engine, and is never worse
// than the current spends when those are feasible.
func TestOptimizeGeneratedPlans(t *testing.T) {
	for seed := int64(1); seed <= 30; seed++ {
		size := plangen.Size{Products: 1 + int(seed)%7, Places: 1 + int(seed)%3, Promotions: int(seed) % 9, Months: 1 + int(seed)%24}
		p := plangen.Generate(size, seed)
		spend := 0.0
		for _, pm := range p.Promotions {
			spend += pm.Spend
		}
		for _, mode := range []string{planner.ModeContribution, planner.ModeUnits} {
			budget := fixedMarketing(p) + spend*(0.5+float64(seed%4)/2)
			for _, pm := range p.Promotions {
				budget += pm.Min
			}
			o, err := planner.Optimize(context.Background(), p, planner.OptimizeRequest{Mode: mode, Budget: &budget})
			if err != nil {
				t.Fatalf("seed %d %s: %v", seed, mode, err)
			}
			q := p.Clone()
			q.Targets.Budget = &budget
			checkAllocation(t, q, o)
		}
	}
}

// fmtMax writes an optional maximum.
func fmtMax(x *float64) string {
	if x == nil {
		return "none"
	}
	return strconv.FormatFloat(*x, 'g', -1, 64)
}
