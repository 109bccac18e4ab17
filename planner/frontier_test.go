package planner_test

import (
	"context"
	"errors"
	"math"
	"testing"

	"mixplan/planner"
)

// TestFrontierWorkedExample: the default frontier of the worked example
// runs from placeFixed + launch + Σ min_c to twice the budget target in 41
// budgets; budgets the groups' minimum cannot fit are infeasible points
// with null figures; the optimum never falls as the budget grows; the point
// at the last budget is the unconstrained optimum; and each reach is the
// least budget that meets its target: met there, missed (or infeasible)
// just below.
func TestFrontierWorkedExample(t *testing.T) {
	tea, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	for _, revenue := range []float64{1.05e6, 1.2e6} {
		// 1.05e6 is met where the groups first fit, 1.2e6 further on.
		tea.Targets.Revenue = planner.Float(revenue)
		checkFrontier(t, tea)
	}
}

func checkFrontier(t *testing.T, tea *planner.Plan) {
	f, err := planner.Frontier(context.Background(), tea, planner.FrontierRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Points) != 41 || f.Points[0].Budget != 164000 || f.Points[40].Budget != 600000 {
		t.Fatalf("%d points from %v to %v", len(f.Points), f.Points[0].Budget, f.Points[len(f.Points)-1].Budget)
	}
	if f.Points[0].Objective.Valid || len(f.Points[0].TargetsMet) != 0 {
		t.Errorf("the first budget leaves 7000 for promotion, below the digital group's minimum 40000: %+v", f.Points[0])
	}
	prev := math.Inf(-1)
	for _, pt := range f.Points {
		if !pt.Objective.Valid {
			continue
		}
		if pt.Objective.Value < prev-1e-6*math.Abs(prev) {
			t.Errorf("at %v the optimum %v falls below %v", pt.Budget, pt.Objective.Value, prev)
		}
		prev = pt.Objective.Value
		if gap := pt.UpperBound.Value - pt.Objective.Value; gap < 0 || gap > 1e-6*math.Max(1, math.Abs(pt.Objective.Value)) {
			t.Errorf("at %v: gap %v", pt.Budget, gap)
		}
		if pt.PromotionBudget != pt.Budget-157000 || pt.Promotion.Value > pt.PromotionBudget+1e-6 {
			t.Errorf("at %v: promotion budget %v, promotion %v", pt.Budget, pt.PromotionBudget, pt.Promotion.Value)
		}
	}
	// Past 215000 + 58305 the budget no longer binds mode contribution:
	// the optimum is the plan's own (the contract's reference).
	if last := f.Points[40]; math.Abs(last.Objective.Value-46819.34586262326) > 1e-6*46819.35 {
		t.Errorf("at the last budget: %+v", last)
	}
	if len(f.Reach) != 2 {
		t.Fatalf("reach %+v", f.Reach)
	}
	for _, rc := range f.Reach {
		mode := planner.ModeRevenue
		if rc.Target == planner.TargetContribution {
			mode = planner.ModeContribution
		}
		t.Logf("%s %v: budget %v reached %v", rc.Target, rc.Goal, rc.Budget, rc.Reached)
		if !rc.Budget.Valid {
			if rc.Target == planner.TargetRevenue {
				t.Errorf("revenue %v is reachable", rc.Goal)
			}
			continue
		}
		// figure is the target's figure at the optimum of that budget, −Inf
		// where no allocation meets the constraints.
		figure := func(budget float64) float64 {
			o, err := planner.Optimize(context.Background(), tea, planner.OptimizeRequest{Mode: mode, Budget: &budget})
			var inf *planner.InfeasibleError
			if errors.As(err, &inf) {
				return math.Inf(-1)
			}
			if err != nil {
				t.Fatal(err)
			}
			r := mustReport(t, o.Apply(tea), "")
			if rc.Target == planner.TargetRevenue {
				return r.Totals.NetRevenue
			}
			return r.Totals.Contribution
		}
		if got := figure(rc.Budget.Value); got < rc.Goal || math.Abs(got-rc.Reached) > 1e-9*got {
			t.Errorf("%s at %v: %v, reported %v, goal %v", rc.Target, rc.Budget.Value, got, rc.Reached, rc.Goal)
		}
		if got := figure(rc.Budget.Value * (1 - 1e-6)); got >= rc.Goal {
			t.Errorf("%s is already met at %v: %v", rc.Target, rc.Budget.Value*(1-1e-6), got)
		}
	}
}
