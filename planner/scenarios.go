package planner

import (
	"errors"
	"fmt"
)

// ErrNoScenario is the error, wrapped with the id asked for, for a
// scenario the plan does not have: errors.Is(err, ErrNoScenario).
var ErrNoScenario = errors.New("the plan has no scenario")

// CheckScenario returns nil when the plan has scenario id ("" and "base"
// are the plan as written), else an error wrapping ErrNoScenario that
// names the id.
func (p *Plan) CheckScenario(id string) error {
	if _, ok := p.ScenarioByID(id); !ok {
		return noScenario(id)
	}
	return nil
}

func noScenario(id string) error { return fmt.Errorf("%w %q", ErrNoScenario, id) }

// ScenarioIDs lists the ids of the base plan and of every scenario, in the
// plan's order: what an export or a comparison shows side by side.
func (p *Plan) ScenarioIDs() []string {
	ids := make([]string, 0, 1+len(p.Scenarios))
	ids = append(ids, BaseScenario)
	for _, s := range p.Scenarios {
		ids = append(ids, s.ID)
	}
	return ids
}
