package export

import "mixplan/planner"

// recommend asks the budget optimiser for the promotion spends that
// maximise contribution. Until planner.Optimize lands (being built for the
// optimise command), the report says plainly that it has no recommendation
// rather than invent one.
func recommend(p *planner.Plan, sc planner.Scenario, rep *planner.Report) (*recommendation, string) {
	if len(p.Promotions) == 0 {
		return nil, "The plan has no promotion channel to reallocate."
	}
	return nil, "The budget optimiser is not part of this build yet, so the report recommends no reallocation."
}
