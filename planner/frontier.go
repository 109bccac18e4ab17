package planner

import (
	"context"
	"errors"
	"fmt"
	"math"
)

// DefaultFrontierSteps is how many budgets a frontier solves by default.
const DefaultFrontierSteps = 41

// FrontierRequest says which frontier to draw (docs/model.md §3.2).
type FrontierRequest struct {
	Scenario  string
	Mode      string // as OptimizeRequest.Mode
	Flighting string // as OptimizeRequest.Flighting
	// From and To are the first and last marketing budgets; nil for the
	// defaults: placeFixed + launch + Σ min_c, and twice the plan's budget
	// target (its marketing spend when none is set).
	From, To *float64
	// Steps is how many budgets, evenly spaced from From to To (0 for
	// DefaultFrontierSteps; 1 solves From only).
	Steps int
}

// BudgetFrontier is the best the promotion can do at each marketing budget, and
// the least budget that meets each revenue and contribution target, in the
// shape of `mixplan frontier --json` (docs/model.md §4).
type BudgetFrontier struct {
	Mode      string          `json:"mode"`
	Flighting string          `json:"flighting"`
	Points    []FrontierPoint `json:"points"`
	Reach     []Reach         `json:"reach"`
}

// FrontierPoint is the optimum at one marketing budget. At a budget where
// no allocation meets the constraints (below what the channels' and the
// groups' minimums need), every figure is null and no target is met.
type FrontierPoint struct {
	Budget          float64  `json:"budget"`          // the marketing budget
	PromotionBudget float64  `json:"promotionBudget"` // B: the budget less places' fixed costs and launch costs
	Objective       Maybe    `json:"objective"`       // the mode's optimum
	UpperBound      Maybe    `json:"upperBound"`      // its proof
	Promotion       Maybe    `json:"promotion"`
	NetRevenue      Maybe    `json:"netRevenue"`
	Contribution    Maybe    `json:"contribution"`
	ROMI            Maybe    `json:"romi"`
	CAC             Maybe    `json:"cac"`
	LiftUnits       Maybe    `json:"liftUnits"`
	TargetsMet      []string `json:"targetsMet"` // the set targets the plan meets with the optimum's spends
}

// Reach is the least marketing budget whose optimum meets a target: mode
// revenue's for the revenue target, mode contribution's for the
// contribution target, to a relative 1e-6 of that budget. Budget is null
// when even the frontier's last budget cannot; Reached is the target's
// figure at Budget, or at the last budget when it is null.
type Reach struct {
	Target  string  `json:"target"`
	Goal    float64 `json:"goal"`
	Budget  Maybe   `json:"budget"`
	Reached float64 `json:"reached"`
}

// frontierPoint solves one budget: its point, and whether it is feasible.
func frontierPoint(ctx context.Context, p *Plan, req OptimizeRequest, budget float64) (FrontierPoint, error) {
	req.Budget = &budget
	pt := FrontierPoint{Budget: budget, TargetsMet: []string{}}
	o, err := Optimize(ctx, p, req)
	var inf *InfeasibleError
	if errors.As(err, &inf) {
		pt.PromotionBudget = inf.PromotionBudget()
		return pt, nil
	}
	var unproven *UnprovenError
	if err != nil && !errors.As(err, &unproven) {
		return pt, err
	}
	pt.PromotionBudget = o.PromotionBudget.Value
	r, err := Evaluate(o.Apply(p), req.Scenario)
	if err != nil {
		return pt, err
	}
	pt.Objective, pt.UpperBound = Some(o.Objective), Some(o.UpperBound)
	pt.Promotion, pt.NetRevenue, pt.Contribution = Some(r.Totals.Promotion), Some(r.Totals.NetRevenue), Some(r.Totals.Contribution)
	pt.ROMI, pt.CAC, pt.LiftUnits = r.Totals.ROMI, r.Totals.CAC, Some(o.After.LiftUnits)
	for _, tg := range r.Targets {
		if tg.Met {
			pt.TargetsMet = append(pt.TargetsMet, tg.Name)
		}
	}
	return pt, nil
}

// Frontier solves the promotion budget problem (§3.1) at a series of
// marketing budgets and finds the least budget that meets each revenue and
// contribution target (§3.2). It assumes a valid plan, and returns ctx's
// error if ctx is cancelled first.
func Frontier(ctx context.Context, p *Plan, req FrontierRequest) (*BudgetFrontier, error) {
	oreq, err := OptimizeRequest{Scenario: req.Scenario, Mode: req.Mode, Flighting: req.Flighting}.normalized()
	if err != nil {
		return nil, err
	}
	m, err := Compile(p, req.Scenario)
	if err != nil {
		return nil, err
	}
	from, to, steps, err := frontierRange(m, req)
	if err != nil {
		return nil, err
	}
	f := &BudgetFrontier{Mode: oreq.Mode, Flighting: oreq.Flighting, Points: make([]FrontierPoint, steps), Reach: []Reach{}}
	for i := range f.Points {
		budget := from
		if steps > 1 {
			budget = from + (to-from)*float64(i)/float64(steps-1)
		}
		if f.Points[i], err = frontierPoint(ctx, p, oreq, budget); err != nil {
			return nil, err
		}
	}
	for _, goal := range []struct{ target, mode string }{{TargetRevenue, ModeRevenue}, {TargetContribution, ModeContribution}} {
		g := *p.Targets.Ptr(goal.target)
		if g == nil {
			continue
		}
		req := OptimizeRequest{Scenario: oreq.Scenario, Mode: goal.mode, Flighting: oreq.Flighting}
		var points []FrontierPoint
		if goal.mode == oreq.Mode {
			points = f.Points
		}
		rc, err := reach(ctx, p, req, goal.target, *g, from, to, points)
		if err != nil {
			return nil, err
		}
		f.Reach = append(f.Reach, rc)
	}
	return f, nil
}

// frontierRange is the frontier's budgets: from, to and how many.
func frontierRange(m *Model, req FrontierRequest) (from, to float64, steps int, err error) {
	from = m.PlaceFixed + m.Launch + m.minimums()
	if req.From != nil {
		from = *req.From
	}
	if req.To != nil {
		to = *req.To
	} else if b := m.Plan.Targets.Budget; b != nil {
		to = 2 * *b
	} else {
		to = 2 * m.Report().Totals.MarketingSpend
	}
	steps = req.Steps
	if steps == 0 {
		steps = DefaultFrontierSteps
	}
	switch {
	case !finite(from) || !finite(to) || from < 0:
		return 0, 0, 0, fmt.Errorf("the frontier's budgets must be amounts ≥ 0, not %s to %s", trimFloat(from), trimFloat(to))
	case to < from:
		return 0, 0, 0, fmt.Errorf("the frontier's last budget %s is below its first %s", trimMoney(to), trimMoney(from))
	case steps < 1 || steps > 10000:
		return 0, 0, 0, fmt.Errorf("the frontier takes 1 to 10000 budgets, not %d", steps)
	}
	return from, to, steps, nil
}

// figure is the target's figure at a frontier point: net revenue or
// contribution, None where the budget is infeasible.
func (pt *FrontierPoint) figure(target string) Maybe {
	if target == TargetRevenue {
		return pt.NetRevenue
	}
	return pt.Contribution
}

// reach finds the least budget in [from, to] whose optimum in req's mode
// meets the goal: the optimum is non-decreasing in the budget (a larger
// budget allows every allocation a smaller one does), so bisection finds
// it, starting from the bracket the frontier's points give when they are
// this mode's.
func reach(ctx context.Context, p *Plan, req OptimizeRequest, target string, goal, from, to float64, points []FrontierPoint) (Reach, error) {
	out := Reach{Target: target, Goal: goal}
	at := func(budget float64) (FrontierPoint, bool, error) {
		pt, err := frontierPoint(ctx, p, req, budget)
		v := pt.figure(target)
		return pt, v.Valid && v.Value >= goal, err
	}
	lo, hi := from, to
	var best FrontierPoint
	if len(points) > 1 {
		// The frontier's points in this mode: the first that meets the goal
		// and the one before bracket the answer.
		found := false
		for i := range points {
			if v := points[i].figure(target); v.Valid && v.Value >= goal {
				hi, best, found = points[i].Budget, points[i], true
				if i > 0 {
					lo = points[i-1].Budget
				} else {
					lo = hi
				}
				break
			}
		}
		if !found {
			last := points[len(points)-1]
			out.Reached = last.figure(target).Value
			return out, nil
		}
	} else {
		pt, ok, err := at(to)
		if err != nil {
			return out, err
		}
		if !ok {
			out.Reached = pt.figure(target).Value
			return out, nil
		}
		best = pt
		if pt, ok, err = at(from); err != nil {
			return out, err
		} else if ok {
			hi, best = from, pt
		}
	}
	for hi-lo > 1e-7*math.Max(1, hi) {
		mid := 0.5 * (lo + hi)
		pt, ok, err := at(mid)
		if err != nil {
			return out, err
		}
		if ok {
			hi, best = mid, pt
		} else {
			lo = mid
		}
	}
	out.Budget, out.Reached = Some(hi), best.figure(target).Value
	return out, nil
}
