package pdf

import (
	"context"

	"mixplan/planner"
)

// recommend asks the budget optimiser for the promotion spends that
// maximise contribution within the channels' bounds and the plan's budget
// target. When it cannot (no channel, or minimums over the budget), the
// report says why instead of recommending anything.
func recommend(p *planner.Plan, sc planner.Scenario) (*recommendation, string) {
	if len(p.Promotions) == 0 {
		return nil, "The plan has no promotion channel to reallocate."
	}
	o, err := planner.Optimize(context.Background(), p, planner.OptimizeRequest{Scenario: sc.ID, Mode: planner.ModeContribution})
	if err != nil {
		return nil, "The optimiser cannot recommend a promotion budget: " + err.Error() + "."
	}
	spend := make([]float64, len(o.Allocation))
	for i, a := range o.Allocation {
		spend[i] = a.Spend
	}
	return applySpends(p, sc, spend, o.PromotionBudget)
}
