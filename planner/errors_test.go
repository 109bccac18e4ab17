package planner

import (
	"errors"
	"testing"
)

// TestProblemsList: problems keep their rule and values, and list one a line.
func TestProblemsList(t *testing.T) {
	var ps problems
	ps.refuse("groups[0].promotions[1]", RuleUnknownPromotion, "tv")
	ps.refuse("months", RuleBetween, 1, MaxMonths, 61)
	var ve *ValidationError
	if err := ps.err(); !errors.As(err, &ve) || len(ve.Problems) != 2 {
		t.Fatalf("got %v", err)
	}
	first := ve.Problems[0]
	if first.Rule != RuleUnknownPromotion || first.Data()["ID"] != "tv" {
		t.Errorf("first problem: %+v", first)
	}
	want := "invalid plan, 2 problems:\n  groups[0].promotions[1]: names promotion \"tv\", which is not in the plan\n  months: must be between 1 and 60, not 61"
	if got := ve.Error(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
