package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/lang"

	"mixplan/planner"
)

// propose asks the optimiser for req on p and evaluates its answer: the
// proposal the screen shows. An answer the optimiser could not prove best
// is still proposed, with its bound. It runs off the UI goroutine.
func propose(ctx context.Context, p *planner.Plan, before *planner.Report, req planner.OptimizeRequest) (*proposal, error) {
	o, err := planner.Optimize(ctx, p, req)
	var unproven *planner.UnprovenError
	if err != nil && (o == nil || !errors.As(err, &unproven)) {
		return nil, err
	}
	after, err := planner.Evaluate(o.Apply(p), req.Scenario)
	if err != nil {
		return nil, err
	}
	return &proposal{plan: p, scenario: req.Scenario, opt: o, before: before, after: after, unproven: unproven}, nil
}

// acceptLabel is the Accept button's text for an answer: with free
// flighting it writes the months too.
func acceptLabel(o *planner.Optimization) string {
	if o.Flighting == planner.FlightingFree {
		return lang.L("Accept: set every channel’s spend and months")
	}
	return lang.L("Accept: set every channel’s spend")
}

// acceptOptimization writes a proposal into the plan as one undo step:
// every channel's spend and, with free flighting, its months as its
// flighting, exactly as the optimiser's Apply does, so what is accepted is
// what was evaluated. It refuses (false) a proposal for another plan.
func (s *optimizeScreen) acceptOptimization(pr *proposal) bool {
	if pr == nil || pr.plan != s.env.Doc.Plan() {
		return false
	}
	label := lang.L("Accept the optimised budget")
	if pr.opt.Flighting == planner.FlightingFree {
		label = lang.L("Accept the optimised budget and months")
	}
	err := s.env.Edit(label, func(p *planner.Plan) {
		next := pr.opt.Apply(p)
		for i := range p.Promotions {
			if i < len(next.Promotions) && next.Promotions[i].ID == p.Promotions[i].ID {
				p.Promotions[i].Spend = next.Promotions[i].Spend
				p.Promotions[i].Flighting = next.Promotions[i].Flighting
			}
		}
	})
	if err != nil {
		s.env.ShowError(err)
		return false
	}
	return true
}

// channelName is the name of the channel with id, or the id when the plan has none.
func channelName(p *planner.Plan, id string) string {
	for _, pm := range p.Promotions {
		if pm.ID == id {
			return pm.Name
		}
	}
	return id
}
