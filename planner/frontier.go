package planner

import (
	"context"
	"errors"
	"fmt"
	"math"

	"mixplan/planner/internal/alloc"
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
	o, r, err := optimize(ctx, p, req, false)
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
	// The budgets are independent problems: one per core.
	err = parallel(ctx, steps, 0, func() struct{} { return struct{}{} }, func(_ struct{}, i int) error {
		budget := from
		if steps > 1 {
			budget = from + (to-from)*float64(i)/float64(steps-1)
		}
		var err error
		f.Points[i], err = frontierPoint(ctx, p, oreq, budget)
		return err
	})
	if err != nil {
		return nil, err
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

// leastBudget is the least marketing budget at which an allocation meets
// the constraints (the channels' minimums and caps, the groups' bounds and
// shares): placeFixed + launch + the least promotion they allow, a linear
// program the solver answers with no curve and a cost of 1 per unit of
// spend. ok is false when no budget is enough.
func leastBudget(ctx context.Context, m *Model, flighting string) (float64, bool, error) {
	q := pose(poseInput{models: []*Model{m}, mode: ModeContribution, free: flighting == FlightingFree, budget: math.Inf(1)})
	for c := range q.prob.Channels {
		q.prob.Channels[c].Terms = nil
	}
	q.prob.Kappa, q.prob.Constant = 1, 0
	sol, err := alloc.Solve(ctx, q.prob)
	var clash *alloc.InfeasibleError
	switch {
	case errors.As(err, &clash):
		return 0, false, nil
	case err != nil:
		return 0, false, err
	}
	return m.PlaceFixed + m.Launch - sol.Objective, true, nil
}

// reach finds the least budget in [from, to] whose optimum in req's mode
// meets the goal. The optimum never falls as the budget grows (a larger
// budget allows every allocation a smaller one does), so the answer is
// bracketed: from the least feasible budget, or the frontier's points when
// they are this mode's, then narrowed by regula falsi (Illinois), which
// the smooth figure lets converge in a few solves, to a relative 1e-6.
func reach(ctx context.Context, p *Plan, req OptimizeRequest, target string, goal, from, to float64, points []FrontierPoint) (Reach, error) {
	out := Reach{Target: target, Goal: goal}
	at := func(budget float64) (FrontierPoint, float64, error) {
		pt, err := frontierPoint(ctx, p, req, budget)
		v := pt.figure(target)
		if !v.Valid {
			return pt, math.Inf(-1), err
		}
		return pt, v.Value, err
	}
	m, err := Compile(p, req.Scenario)
	if err != nil {
		return out, err
	}
	least, feasible, err := leastBudget(ctx, m, req.Flighting)
	if err != nil {
		return out, err
	}
	lo, hi := math.Max(from, least), to
	if !feasible || lo > hi {
		if len(points) > 0 {
			out.Reached = points[len(points)-1].figure(target).Value
		}
		return out, nil
	}
	// The bracket: lo fails (or is the answer), hi meets the goal.
	var best FrontierPoint
	var flo, fhi float64
	found := false
	for i := range points {
		if points[i].Budget < lo {
			continue
		}
		if v := points[i].figure(target); v.Valid && v.Value >= goal {
			hi, best, fhi, found = points[i].Budget, points[i], v.Value, true
			if i > 0 && points[i-1].Budget > lo {
				lo, flo = points[i-1].Budget, points[i-1].figure(target).Value
			} else {
				lo = math.NaN()
			}
			break
		}
	}
	if !found && len(points) > 0 && points[len(points)-1].Budget >= to {
		out.Reached = points[len(points)-1].figure(target).Value
		return out, nil
	}
	if !found {
		pt, v, err := at(hi)
		if err != nil {
			return out, err
		}
		if v < goal {
			out.Reached = pt.figure(target).Value
			return out, nil
		}
		best, fhi, lo = pt, v, math.NaN()
	}
	if math.IsNaN(lo) {
		// The bracket starts at the least feasible budget: the answer
		// there when it already meets the goal.
		lo = math.Max(from, least)
		_, v, err := at(lo)
		if err != nil {
			return out, err
		}
		if v >= goal {
			out.Budget, out.Reached = Some(lo), v
			return out, nil
		}
		flo = v
	}
	side := 0
	for it := 0; it < 100 && hi-lo > 1e-6*hi; it++ {
		x := 0.5 * (lo + hi)
		if !math.IsInf(flo, -1) && fhi > flo {
			x = lo + (goal-flo)/(fhi-flo)*(hi-lo)
			// Keep the step inside the bracket, off its ends.
			margin := 0.25e-6 * hi
			x = math.Min(math.Max(x, lo+margin), hi-margin)
		}
		pt, v, err := at(x)
		if err != nil {
			return out, err
		}
		if v >= goal && !math.IsInf(flo, -1) && v > flo && (v-goal)/(v-flo)*(x-lo) < 0.5e-6*x {
			// The root lies within the tolerance below x: a probe there
			// closes the bracket in one solve.
			probe := x * (1 - 0.9e-6)
			if _, pv, err := at(probe); err != nil {
				return out, err
			} else if pv < goal {
				lo, flo = probe, pv
			}
		}
		if v >= goal {
			hi, fhi, best = x, v, pt
			if side == 1 {
				flo = goal - (goal-flo)/2 // Illinois: halve the stale end's weight
			}
			side = 1
		} else {
			lo, flo = x, v
			if side == -1 {
				fhi = goal + (fhi-goal)/2
			}
			side = -1
		}
	}
	out.Budget, out.Reached = Some(hi), best.figure(target).Value
	return out, nil
}
