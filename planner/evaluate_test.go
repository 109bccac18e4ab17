package planner_test

import (
	"testing"

	"mixplan/planner"
	"mixplan/planner/plangen"
)

func TestEvaluateUnknownScenario(t *testing.T) {
	p := plangen.Generate(plangen.Size{Products: 2, Places: 1, Promotions: 1, Months: 12, Scenarios: 1}, 1)
	if _, err := planner.Evaluate(p, "nope"); err == nil {
		t.Fatal("an unknown scenario was accepted")
	}
}
