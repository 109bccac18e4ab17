package planner

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"mixplan/planner/internal/alloc"
)

// Optimisation modes of the promotion budget (docs/model.md §3.1).
const (
	// ModeContribution maximises Σ_c (v_c × lift_c − spend_c), the plan's
	// contribution; it may leave budget unspent when spending it would lose money.
	ModeContribution = "contribution"
	// ModeRevenue maximises Σ_c rv_c × lift_c, the net revenue promotion
	// brings; it needs a budget.
	ModeRevenue = "revenue"
	// ModeUnits maximises Σ_c liftUnits_c, the units promotion brings; it
	// needs a budget.
	ModeUnits = "units"
)

// Flighting choices of the optimiser.
const (
	// FlightingFixed keeps each channel's flighting and chooses its spend.
	FlightingFixed = "fixed"
	// FlightingFree chooses every month's spend: the optimiser proposes the
	// flighting too.
	FlightingFree = "free"
)

// Objectives of the optimiser.
const (
	// ObjectivePlan optimises the plan's figures as written.
	ObjectivePlan = "plan"
	// ObjectiveExpected maximises the mean, over the uncertainty draws of
	// §3.4, of mode contribution's objective.
	ObjectiveExpected = "expected"
)

// OptimizeRequest says what the budget optimiser should do. The zero value
// asks for the default: contribution, fixed flighting, the plan as written,
// the plan's budget target.
type OptimizeRequest struct {
	// Scenario is the scenario to optimise under ("" or "base" for the plan as written).
	Scenario string
	// Mode is ModeContribution (the default when empty), ModeRevenue or ModeUnits.
	Mode string
	// Flighting is FlightingFixed (the default when empty) or FlightingFree.
	Flighting string
	// RestOfYear optimises the open months only of a plan with actuals
	// (§3.1, "Rest of the year"): closed months keep their actual spends,
	// committed spend is honoured, and the objective is the latest estimate's.
	RestOfYear bool
	// Objective is ObjectivePlan (the default when empty) or ObjectiveExpected.
	Objective string
	// Draws and Seed are the simulation's for ObjectiveExpected: 0 for
	// DefaultDraws and DefaultSeed.
	Draws int
	Seed  uint64
	// Budget is the total marketing budget; nil uses the plan's targets.budget.
	// The promotion budget B is this minus places' fixed costs and launch costs.
	Budget *float64
	// TimeLimit, when > 0, bounds the search: past it, Optimize answers with
	// the best allocation found, its honest UpperBound and an *UnprovenError.
	TimeLimit time.Duration
}

// Optimization is the optimiser's answer, in the shape of `mixplan optimize
// --json` (docs/model.md §4).
type Optimization struct {
	Mode      string `json:"mode"`
	Flighting string `json:"flighting"`
	// PromotionBudget is B (less the closed months' spend with RestOfYear),
	// or null when contribution is optimised without a budget.
	PromotionBudget Maybe `json:"promotionBudget"`
	// Objective is the mode's objective of §3.1 at the allocation, summed
	// over the whole horizon (closed months included with RestOfYear);
	// UpperBound is a bound no allocation can beat:
	// 0 ≤ UpperBound − Objective ≤ 1e-6 × max(1, |Objective|).
	Objective  float64             `json:"objective"`
	UpperBound float64             `json:"upperBound"`
	Before     OptimizeTotals      `json:"before"`
	After      OptimizeTotals      `json:"after"`
	Allocation []ChannelAllocation `json:"allocation"`
	// Unspent is the part of B the answer leaves unspent, because in mode
	// contribution spending it would lose money. 0 without a budget.
	Unspent float64 `json:"-"`
	// RestOfYear is the request's: the answer changes the open months only.
	RestOfYear bool `json:"-"`
	// Nodes is how many branch-and-bound nodes the proof took.
	Nodes int `json:"-"`
}

// OptimizeTotals are the plan-wide figures the optimiser changes (the
// latest estimate's with RestOfYear).
type OptimizeTotals struct {
	Promotion    float64 `json:"promotion"`
	Contribution float64 `json:"contribution"`
	NetRevenue   float64 `json:"netRevenue"`
	LiftUnits    float64 `json:"liftUnits"`
}

// ChannelAllocation is one channel's spend in the answer, in the plan's
// order: whole-horizon figures, closed months included.
type ChannelAllocation struct {
	ID           string    `json:"id"`
	Spend        float64   `json:"spend"`
	MonthlySpend []float64 `json:"monthlySpend"`
	LiftUnits    float64   `json:"liftUnits"`
	MarginalROI  Maybe     `json:"marginalRoi"`
}

// UnprovenError comes with an answer whose optimality could not be proven
// to 1e-6: in the time allowed (OptimizeRequest.TimeLimit), or where a
// channel whose lift loses money (v_c < 0) has to spend above the least it
// can. The allocation is feasible, and no allocation beats UpperBound.
type UnprovenError struct {
	Objective, UpperBound float64
}

func (e *UnprovenError) Error() string {
	return fmt.Sprintf("the optimum is proven only to %s: the best allocation found brings %s, and none can bring more than %s",
		trimFloat((e.UpperBound-e.Objective)/math.Max(1, math.Abs(e.Objective))), trimMoney(e.Objective), trimMoney(e.UpperBound))
}

// Apply returns a copy of p with the answer's spends; p is not changed.
// Where the answer chose the months (free flighting, or the rest of the
// year, whose closed months are what they were), the channel's flighting
// becomes its monthly spends; with fixed flighting it is kept.
func (o *Optimization) Apply(p *Plan) *Plan {
	next := p.Clone()
	for i, a := range o.Allocation {
		if i >= len(next.Promotions) || next.Promotions[i].ID != a.ID {
			continue
		}
		pm := &next.Promotions[i]
		pm.Spend = a.Spend
		if (o.Flighting == FlightingFree || o.RestOfYear) && a.Spend > 0 && len(a.MonthlySpend) == p.Months {
			pm.Flighting = append([]float64(nil), a.MonthlySpend...)
		}
	}
	return next
}

// Optimize finds the promotion spends that maximise the mode's objective
// (docs/model.md §3.1) within every channel's bounds and monthly cap, the
// groups' bounds and shares, and the budget: the global optimum, S-shaped
// curves and carryover included, proven by Optimization.UpperBound to a
// relative 1e-6. A request that cannot be met is refused with an
// *InfeasibleError that gives the clashing numbers. It assumes a valid
// plan, and returns ctx's error if ctx is cancelled first.
func Optimize(ctx context.Context, p *Plan, req OptimizeRequest) (*Optimization, error) {
	o, _, err := optimize(ctx, p, req, true)
	return o, err
}

// optimize is Optimize; without before, the figures before are left out
// (the frontier does not show them), and it returns the report of the plan
// with the answer's spends (nil with the rest of the year).
func optimize(ctx context.Context, p *Plan, req OptimizeRequest, before bool) (*Optimization, *Report, error) {
	req, err := req.normalized()
	if err != nil {
		return nil, nil, err
	}
	m, err := Compile(p, req.Scenario)
	if err != nil {
		return nil, nil, err
	}
	budget, promotionBudget, err := promotionBudgetOf(m, req.Mode, req.Budget)
	if err != nil {
		return nil, nil, err
	}
	in := poseInput{models: []*Model{m}, mode: req.Mode, free: req.Flighting == FlightingFree, budget: budget}
	var track *Tracking
	if req.RestOfYear {
		if track, err = restOfYear(p, &in); err != nil {
			return nil, nil, err
		}
	}
	if req.Objective == ObjectiveExpected {
		if in.models, err = drawModels(ctx, p, req); err != nil {
			return nil, nil, err
		}
	}
	q := pose(in)
	if err := q.precheck(in.models[0], budget, req); err != nil {
		return nil, nil, err
	}
	sol, err := alloc.SolveWith(ctx, q.prob, alloc.Options{TimeLimit: req.TimeLimit})
	var gapErr *alloc.GapError
	if err != nil && !errors.As(err, &gapErr) {
		return nil, nil, q.refusal(in.models[0], err, budget, req)
	}
	objective := sol.Objective + q.lossCorrection(sol.X)
	if err != nil || sol.UpperBound-objective > alloc.DefaultGap*math.Max(1, math.Abs(objective)) {
		err = &UnprovenError{Objective: objective, UpperBound: sol.UpperBound}
	}
	o := &Optimization{Mode: req.Mode, Flighting: req.Flighting, RestOfYear: req.RestOfYear,
		Objective: objective, UpperBound: sol.UpperBound, Nodes: sol.Nodes}
	if promotionBudget.Valid {
		o.PromotionBudget = Some(q.budget)
	}
	after := o.report(p, req.Scenario, track, q.monthly(sol.X), in.models[0], budget, before)
	if promotionBudget.Valid {
		o.Unspent = math.Max(0, budget-o.After.Promotion)
	}
	return o, after, err
}

// normalized fills the request's defaults and refuses what it cannot mean.
func (req OptimizeRequest) normalized() (OptimizeRequest, error) {
	if req.Mode == "" {
		req.Mode = ModeContribution
	}
	if req.Flighting == "" {
		req.Flighting = FlightingFixed
	}
	if req.Objective == "" {
		req.Objective = ObjectivePlan
	}
	switch {
	case req.Mode != ModeContribution && req.Mode != ModeRevenue && req.Mode != ModeUnits:
		return req, fmt.Errorf("unknown optimisation mode %q: use %q, %q or %q", req.Mode, ModeContribution, ModeRevenue, ModeUnits)
	case req.Flighting != FlightingFixed && req.Flighting != FlightingFree:
		return req, fmt.Errorf("unknown flighting %q: use %q or %q", req.Flighting, FlightingFixed, FlightingFree)
	case req.Objective != ObjectivePlan && req.Objective != ObjectiveExpected:
		return req, fmt.Errorf("unknown objective %q: use %q or %q", req.Objective, ObjectivePlan, ObjectiveExpected)
	case req.Objective == ObjectiveExpected && req.Mode != ModeContribution:
		return req, fmt.Errorf("the expected objective is the mean contribution over the draws (§3.4): it takes mode %q, not %q", ModeContribution, req.Mode)
	case req.Objective == ObjectiveExpected && req.RestOfYear:
		return req, errors.New("the expected objective and the rest of the year cannot be combined: the latest estimate has no uncertainty ranges")
	case req.RestOfYear && req.Scenario != "" && req.Scenario != BaseScenario:
		return req, fmt.Errorf("the rest of the year is optimised on the plan as written, whose latest estimate has no scenario: leave out scenario %q", req.Scenario)
	}
	return req, nil
}

// promotionBudgetOf is B = budget − placeFixed − launch, +Inf (and an
// invalid Maybe) without a budget, which only mode contribution allows.
func promotionBudgetOf(m *Model, mode string, asked *float64) (float64, Maybe, error) {
	total := m.Plan.Targets.Budget
	if asked != nil {
		total = asked
	}
	refuse := &InfeasibleError{PlaceFixed: m.PlaceFixed, Launch: m.Launch, Minimums: m.minimums()}
	if total == nil {
		if mode != ModeContribution {
			refuse.Kind, refuse.Reason = NoBudget, fmt.Sprintf("mode %s needs a budget: set the plan's budget target or give one", mode)
			return 0, None, refuse
		}
		return math.Inf(1), None, nil
	}
	refuse.Budget = *total
	if !finite(*total) || *total < 0 {
		refuse.Kind, refuse.Reason = BadBudget, fmt.Sprintf("the budget must be a number ≥ 0, not %s", trimFloat(*total))
		return 0, None, refuse
	}
	budget := *total - m.PlaceFixed - m.Launch
	if budget < 0 {
		refuse.Kind, refuse.Reason = BudgetBelowFixed, fmt.Sprintf(
			"the budget of %s does not cover places' fixed costs (%s) and launch costs (%s): %s short before any promotion",
			trimMoney(*total), trimMoney(m.PlaceFixed), trimMoney(m.Launch), trimMoney(-budget))
		return 0, None, refuse
	}
	return budget, Some(budget), nil
}

// minimums is Σ_c min_c.
func (m *Model) minimums() float64 {
	total := 0.0
	for c := range m.Channels {
		total += m.Channels[c].Min
	}
	return total
}

// restOfYear sets the closed months' spends and the committed spends of a
// plan with actuals, and makes the re-fitted plan (the latest estimate's
// curves) the one optimised.
func restOfYear(p *Plan, in *poseInput) (*Tracking, error) {
	if p.Actuals == nil || p.Actuals.Through == 0 {
		return nil, errors.New("the rest of the year needs closed months: record them in the plan's actuals (docs/model.md §2.3)")
	}
	track, err := Track(p)
	if err != nil {
		return nil, err
	}
	le, err := Compile(track.Refitted(p), BaseScenario)
	if err != nil {
		return nil, err
	}
	in.models[0] = le
	in.closed = track.ClosedSpends
	in.committed = make([]float64, len(le.Channels))
	for c := range le.Channels {
		in.committed[c] = p.Actuals.Promotions[le.Channels[c].ID].Committed
	}
	return track, nil
}

// drawModels compiles the plan of every draw of the simulation (§3.4).
func drawModels(ctx context.Context, p *Plan, req OptimizeRequest) ([]*Model, error) {
	draws, seed := req.Draws, req.Seed
	if draws == 0 {
		draws = DefaultDraws
	}
	if seed == 0 {
		seed = DefaultSeed
	}
	if draws < 1 || draws > MaxDraws {
		return nil, fmt.Errorf("draws must be between 1 and %d, not %d", MaxDraws, draws)
	}
	if len(p.Ranges) == 0 {
		m, err := Compile(p, req.Scenario)
		return []*Model{m}, err
	}
	models := make([]*Model, draws)
	for i := range models {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		m, err := Compile(DrawPlan(p, seed, i), req.Scenario)
		if err != nil {
			return nil, err
		}
		models[i] = m
	}
	return models, nil
}

// report fills the answer's allocation and its totals before and after:
// the plan's report, or with the rest of the year the latest estimate's
// (whose lift is the re-fitted curves').
//
// Each channel's spend is its months' sum held within its bounds, which
// rounding may have left by an ulp.
func (o *Optimization) report(p *Plan, scenario string, track *Tracking, monthly [][]float64, m *Model, budget float64, withBefore bool) *Report {
	o.Allocation = make([]ChannelAllocation, len(monthly))
	for c := range monthly {
		ch := &m.Channels[c]
		spend := math.Min(math.Max(sum(monthly[c]), ch.Min), ch.Max)
		o.Allocation[c] = ChannelAllocation{ID: ch.ID, Spend: spend, MonthlySpend: monthly[c]}
	}
	o.holdToBudget(m, budget)
	after := o.Apply(p)
	if track == nil {
		next, _ := Evaluate(after, scenario)
		if withBefore {
			before, _ := Evaluate(p, scenario)
			o.Before = optimizeTotals(before)
		}
		o.After = optimizeTotals(next)
		o.fillChannels(next)
		return next
	}
	before, _ := Compile(track.Refitted(withMonthly(p, track.latestEstimateSpends(p))), BaseScenario)
	next, _ := Compile(track.Refitted(after), BaseScenario)
	beforeReport, nextReport := before.Report(), next.Report()
	o.fillChannels(nextReport)
	o.Before = leTotals(track.LatestEstimate, optimizeTotals(beforeReport).LiftUnits)
	if tracked, err := Track(after); err == nil {
		o.After = leTotals(tracked.LatestEstimate, optimizeTotals(nextReport).LiftUnits)
	}
	return nil
}

// latestEstimateSpends are the latest estimate's monthly spends: the closed
// months' as they happened, the plan's after.
func (tk *Tracking) latestEstimateSpends(p *Plan) [][]float64 {
	m, _ := Compile(p, BaseScenario)
	spends := m.planSpends()
	for c := range spends {
		copy(spends[c], tk.ClosedSpends[c])
	}
	return spends
}

// withMonthly returns a copy of p whose channels spend the given monthly
// spends: each channel's spend is their sum and its flighting their
// pattern (kept where they are all 0).
func withMonthly(p *Plan, spends [][]float64) *Plan {
	q := p.Clone()
	for c := range q.Promotions {
		pm := &q.Promotions[c]
		pm.Spend = sum(spends[c])
		if pm.Spend > 0 {
			pm.Flighting = append([]float64(nil), spends[c]...)
		}
	}
	return q
}

// holdToBudget takes off the spends what rounding left over the budget
// (a few ulps of B), from the channel with the most room above its
// minimum, so that the report of the answer finds the marketing spend
// within the budget target it was asked to meet, as the report sums it.
func (o *Optimization) holdToBudget(m *Model, budget float64) {
	if math.IsInf(budget, 1) {
		return
	}
	total := budget + m.PlaceFixed + m.Launch
	for try := 0; try < 8; try++ {
		promotion := 0.0
		for _, a := range o.Allocation {
			promotion += a.Spend
		}
		over := promotion + m.PlaceFixed + m.Launch - total
		if over <= 0 {
			return
		}
		best, room := -1, 0.0
		for c, a := range o.Allocation {
			if r := a.Spend - m.Channels[c].Min; r > room {
				best, room = c, r
			}
		}
		if best < 0 {
			return
		}
		a := &o.Allocation[best]
		cut := math.Min(room, over+4*ulp(total))
		scale := (a.Spend - cut) / a.Spend
		a.Spend -= cut
		for t := range a.MonthlySpend {
			if !o.RestOfYear || t >= m.Plan.Actuals.Through {
				a.MonthlySpend[t] *= scale
			}
		}
	}
}

// ulp is the gap between x and the next float64.
func ulp(x float64) float64 { return math.Nextafter(math.Abs(x), math.Inf(1)) - math.Abs(x) }

// fillChannels takes each channel's lift units and marginal ROI from the
// report of the plan with the answer's spends.
func (o *Optimization) fillChannels(r *Report) {
	for c := range o.Allocation {
		o.Allocation[c].LiftUnits = r.Promotions[c].LiftUnits
		o.Allocation[c].MarginalROI = r.Promotions[c].MarginalROI
	}
}

func optimizeTotals(r *Report) OptimizeTotals {
	out := OptimizeTotals{Promotion: r.Totals.Promotion, Contribution: r.Totals.Contribution, NetRevenue: r.Totals.NetRevenue}
	for _, pr := range r.Promotions {
		out.LiftUnits += pr.LiftUnits
	}
	return out
}

// leTotals are the latest estimate's totals, with the lift units of the
// re-fitted model (the latest estimate's own lift).
func leTotals(t Totals, liftUnits float64) OptimizeTotals {
	return OptimizeTotals{Promotion: t.Promotion, Contribution: t.Contribution, NetRevenue: t.NetRevenue, LiftUnits: liftUnits}
}

// trimMoney writes an amount with no more decimals than it needs, for messages.
func trimMoney(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return fmt.Sprintf("%.0f", x)
	}
	return fmt.Sprintf("%.2f", x)
}
