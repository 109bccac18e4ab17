package planner

import (
	"context"
	"fmt"
	"math"
)

// Optimisation modes of the promotion budget (docs/model.md section 3).
const (
	// ModeContribution maximises the plan's contribution; it may leave budget
	// unspent when spending it would lose money.
	ModeContribution = "contribution"
	// ModeUnits maximises the units the promotion brings; it needs a budget.
	ModeUnits = "units"
)

// OptimizeRequest says what the budget optimiser should do.
type OptimizeRequest struct {
	// Scenario is the scenario to optimise under ("" or "base" for the plan as written).
	Scenario string
	// Mode is ModeContribution (the default when empty) or ModeUnits.
	Mode string
	// Budget is the total marketing budget; nil uses the plan's targets.budget.
	// The promotion budget B is this minus places' fixed costs and launch costs.
	Budget *float64
}

// Optimization is the optimiser's answer, in the shape of `mixplan optimize
// --json` (docs/model.md section 4).
type Optimization struct {
	Mode string `json:"mode"`
	// PromotionBudget is B, or null when contribution is optimised without a budget.
	PromotionBudget Maybe               `json:"promotionBudget"`
	Before          OptimizeTotals      `json:"before"`
	After           OptimizeTotals      `json:"after"`
	Allocation      []ChannelAllocation `json:"allocation"`
	// Unspent is the part of B the answer leaves unspent, because in mode
	// contribution spending it would lose money. 0 without a budget.
	Unspent float64 `json:"-"`
	// Objective is the optimum of the promotion problem: Σ_c (v_c × lift_c −
	// spend_c) in mode contribution, Σ_c liftUnits_c in mode units.
	Objective float64 `json:"-"`
}

// OptimizeTotals are the plan-wide figures the optimiser changes.
type OptimizeTotals struct {
	Promotion    float64 `json:"promotion"`
	Contribution float64 `json:"contribution"`
	LiftUnits    float64 `json:"liftUnits"`
}

// ChannelAllocation is one channel's spend in the answer, in the plan's order.
type ChannelAllocation struct {
	ID          string  `json:"id"`
	Spend       float64 `json:"spend"`
	LiftUnits   float64 `json:"liftUnits"`
	MarginalROI Maybe   `json:"marginalRoi"`
}

// InfeasibleError refuses an optimisation that cannot be done, with the
// numbers: Reason says it in English; Kind and the figures let a window say
// it in its own language.
type InfeasibleError struct {
	Reason string
	Kind   InfeasibleKind
	// Budget is the marketing budget asked for (0 for NoBudget); PlaceFixed,
	// Launch and Minimums are the places' fixed costs, the launch costs and
	// the channels' minimum spends it must cover.
	Budget, PlaceFixed, Launch, Minimums float64
}

// InfeasibleKind says why an optimisation cannot be done.
type InfeasibleKind int

// The reasons an optimisation can be refused.
const (
	BadBudget          InfeasibleKind = iota + 1 // the budget is not a number ≥ 0
	NoBudget                                     // mode units without a budget
	BudgetBelowFixed                             // the budget does not cover places' fixed costs and launch costs
	MinimumsOverBudget                           // the channels' minimums add up to more than the promotion budget
	CapBelowMinimum                              // a channel's monthly cap keeps it below its minimum spend
)

// PromotionBudget is what the budget leaves for promotion: the budget less
// places' fixed costs and launch costs.
func (e *InfeasibleError) PromotionBudget() float64 { return e.Budget - e.PlaceFixed - e.Launch }

func (e *InfeasibleError) Error() string { return e.Reason }

// Apply returns a copy of p with the answer's spends; p is not changed.
func (o *Optimization) Apply(p *Plan) *Plan {
	next := p.Clone()
	for i, a := range o.Allocation {
		if i < len(next.Promotions) && next.Promotions[i].ID == a.ID {
			next.Promotions[i].Spend = a.Spend
		}
	}
	return next
}

// Optimize finds the promotion spends that maximise contribution (or units)
// within every channel's bounds, monthly cap and the budget, keeping each
// channel's flighting. Where a channel's monthly curves add up to one Hill
// curve (flat flighting over the months it runs, no carryover) the answer is
// the global optimum, S-shaped curves included, to a relative 1e-9 of the
// objective; otherwise the channel is optimised on the Hill curve with the
// same saturation and half-saturation spend (budget_monthly.go). Channel
// groups are not honoured yet: the exact optimiser of the monthly model
// replaces this one. The answer's figures are the exact monthly model's. It
// assumes a valid plan, and returns ctx's error if ctx is cancelled first.
func Optimize(ctx context.Context, p *Plan, req OptimizeRequest) (*Optimization, error) {
	mode := req.Mode
	if mode == "" {
		mode = ModeContribution
	}
	if mode != ModeContribution && mode != ModeUnits {
		return nil, fmt.Errorf("unknown optimisation mode %q: use %q or %q", mode, ModeContribution, ModeUnits)
	}
	m, err := Compile(p, req.Scenario)
	if err != nil {
		return nil, err
	}
	total := p.Targets.Budget
	if req.Budget != nil {
		total = req.Budget
	}
	budget := math.Inf(1)
	var promotionBudget Maybe
	minSum := 0.0
	for i := range m.Channels {
		minSum += m.Channels[i].Min
	}
	refuse := &InfeasibleError{PlaceFixed: m.PlaceFixed, Launch: m.Launch, Minimums: minSum}
	if total != nil {
		refuse.Budget = *total
		if !finite(*total) || *total < 0 {
			refuse.Kind, refuse.Reason = BadBudget, fmt.Sprintf("the budget must be a number ≥ 0, not %s", trimFloat(*total))
			return nil, refuse
		}
		budget = *total - m.PlaceFixed - m.Launch
		promotionBudget = Some(budget)
	} else if mode == ModeUnits {
		refuse.Kind, refuse.Reason = NoBudget, "mode units needs a budget: set the plan's budget target or give one"
		return nil, refuse
	}
	if budget < 0 {
		refuse.Kind, refuse.Reason = BudgetBelowFixed, fmt.Sprintf(
			"the budget of %s does not cover places' fixed costs (%s) and launch costs (%s): %s short before any promotion",
			trimMoney(*total), trimMoney(m.PlaceFixed), trimMoney(m.Launch), trimMoney(-budget))
		return nil, refuse
	}
	for c := range m.Channels {
		ch := &m.Channels[c]
		if most := ch.flightingCap(); most < ch.Min {
			refuse.Kind, refuse.Reason = CapBelowMinimum, fmt.Sprintf(
				"%s may spend at most %s a month (maxPerMonth): with its flighting that is %s over the horizon, below its minimum of %s",
				ch.ID, trimMoney(ch.MaxPerMonth), trimMoney(most), trimMoney(ch.Min))
			return nil, refuse
		}
	}
	if minSum > budget {
		refuse.Kind, refuse.Reason = MinimumsOverBudget, fmt.Sprintf(
			"the channels' minimum spends add up to %s, %s more than the promotion budget of %s (budget %s − places' fixed costs %s − launch costs %s)",
			trimMoney(minSum), trimMoney(minSum-budget), trimMoney(budget), trimMoney(*total), trimMoney(m.PlaceFixed), trimMoney(m.Launch))
		return nil, refuse
	}

	prob := newBudgetProblem(m, mode, budget)
	spends, err := prob.solve(ctx)
	if err != nil {
		return nil, err
	}
	return m.optimization(mode, promotionBudget, budget, spends), nil
}

// optimization reports the answer against the current spends. Spends move
// contribution only through Σ_c (v_c × lift_c − spend_c), so the figures
// after are the report's before plus each channel's change.
func (m *Model) optimization(mode string, promotionBudget Maybe, budget float64, spends []float64) *Optimization {
	o := &Optimization{Mode: mode, PromotionBudget: promotionBudget, Allocation: make([]ChannelAllocation, len(m.Channels))}
	before := m.Report().Totals
	o.Before = OptimizeTotals{Promotion: before.Promotion, Contribution: before.Contribution}
	gain := 0.0
	for c := range m.Channels {
		ch := &m.Channels[c]
		s := spends[c]
		a := ChannelAllocation{ID: ch.ID, Spend: s, LiftUnits: ch.Lift(s) * ch.UnitsPerLift}
		if mr := ch.Value*ch.Slope(s) - 1; finite(mr) {
			a.MarginalROI = Some(mr)
		}
		o.Allocation[c] = a
		o.Before.LiftUnits += ch.Lift(ch.Spend) * ch.UnitsPerLift
		o.After.LiftUnits += a.LiftUnits
		o.After.Promotion += s
		gain += ch.Contribution(s) - ch.Contribution(ch.Spend)
		if mode == ModeUnits {
			o.Objective += a.LiftUnits
		} else {
			o.Objective += ch.Contribution(s)
		}
	}
	o.After.Contribution = before.Contribution + gain
	if promotionBudget.Valid {
		o.Unspent = math.Max(0, budget-o.After.Promotion)
	}
	return o
}

// trimMoney writes an amount with no more decimals than it needs, for messages.
func trimMoney(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return fmt.Sprintf("%.0f", x)
	}
	return fmt.Sprintf("%.2f", x)
}
