package pdf

import (
	"math"
	"sort"
	"time"

	"mixplan/export/internal/stamp"
	"mixplan/planner"
)

// reportData is everything the report prints, computed once before drawing:
// the engine's report for the chosen scenario, its compiled model for the
// response curves, the optimiser's recommendation and every scenario's report.
type reportData struct {
	plan      *planner.Plan
	scenario  planner.Scenario
	rep       *planner.Report
	model     *planner.Model
	fig       figures
	generated time.Time

	// rec is the optimiser's promotion budget; nil when the plan has no
	// promotion channel or the optimiser refused, with recNote saying why.
	rec     *recommendation
	recNote string

	// free is the optimiser's calendar when choosing the months gains more
	// than freeGainShare; nil otherwise.
	free *freeFlighting
	// frontier is the best contribution at each marketing budget, and more
	// the optimum with a tenth more budget; nil when not solved.
	frontier *planner.BudgetFrontier
	more     *moreBudget

	// track is where the plan stands after its closed months; nil when it
	// has no actuals.
	track *planner.Tracking
	// replan is the rest-of-year optimum with the latest estimate's curves;
	// nil without closed months or when the optimiser cannot answer.
	replan *planner.Optimization
	// risk is the tornado and the simulation of the plan's ranges; nil
	// when it has none.
	risk *planner.Risk

	// scenarios holds the base plan then each scenario, in the plan's order.
	scenarios []scenarioResult
}

// scenarioResult is one column of the scenario comparison.
type scenarioResult struct {
	sc  planner.Scenario
	rep *planner.Report
}

// recommendation is the optimiser's promotion budget and the plan's figures
// once it is applied.
type recommendation struct {
	budget planner.Maybe   // the promotion budget B it was held to, if any
	spend  []float64       // per channel, in the plan's order
	after  *planner.Report // the plan re-evaluated with the recommended spends
	model  *planner.Model  // the plan compiled with the recommended spends
	moves  []move          // every channel whose spend changes, largest change first
}

// move is a change of one channel's spend.
type move struct {
	channel int
	delta   float64 // recommended − current
}

func gather(p *planner.Plan, opt Options) (*reportData, error) {
	if err := p.CheckScenario(opt.Scenario); err != nil {
		return nil, err
	}
	sc, _ := p.ScenarioByID(opt.Scenario)
	model, err := planner.Compile(p, sc.ID)
	if err != nil {
		return nil, err
	}
	rep := model.Report()
	d := &reportData{
		plan: p, scenario: sc, rep: rep, model: model,
		fig: figuresFor(p), generated: stamp.Date(opt.Generated),
	}
	for _, id := range p.ScenarioIDs() {
		s, _ := p.ScenarioByID(id)
		r := rep
		if id != sc.ID {
			if r, err = planner.Evaluate(p, id); err != nil {
				return nil, err
			}
		}
		d.scenarios = append(d.scenarios, scenarioResult{s, r})
	}
	d.rec, d.recNote = recommend(p, sc)
	d.free = proposeMonths(p, sc, d.rec)
	d.frontier, d.more = budgetFrontier(p, sc, d.rec)
	if p.Actuals != nil && p.Actuals.Through > 0 {
		if d.track, err = planner.Track(p); err != nil {
			return nil, err
		}
		d.replan = replanRest(p, sc)
	}
	if len(p.Ranges) > 0 {
		if d.risk, err = simulate(p, sc); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// applySpends re-evaluates the plan with new promotion spends.
func applySpends(p *planner.Plan, sc planner.Scenario, spend []float64, budget planner.Maybe) (*recommendation, string) {
	q := p.Clone()
	for i := range q.Promotions {
		q.Promotions[i].Spend = spend[i]
	}
	model, err := planner.Compile(q, sc.ID)
	if err != nil {
		return nil, "The recommended budget could not be evaluated: " + err.Error()
	}
	r := &recommendation{budget: budget, spend: spend, after: model.Report(), model: model}
	for i, pm := range p.Promotions {
		// Changes under a unit of currency are the solver's rounding, not advice.
		if delta := spend[i] - pm.Spend; math.Abs(delta) >= 1 {
			r.moves = append(r.moves, move{i, delta})
		}
	}
	sort.SliceStable(r.moves, func(a, b int) bool {
		return math.Abs(r.moves[a].delta) > math.Abs(r.moves[b].delta)
	})
	return r, ""
}
