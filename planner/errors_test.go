package planner

import (
	"errors"
	"testing"
)

// TestPlainProblems: a problem written in plain words (problems.add) is of
// RuleUnlisted, keeps its values and lists like any other.
func TestPlainProblems(t *testing.T) {
	var ps problems
	ps.add("products[0].name", "is %d characters long", 70000)
	ps.refuse("months", RuleBetween, 1, MaxMonths, 61)
	var ve *ValidationError
	if err := ps.err(); !errors.As(err, &ve) || len(ve.Problems) != 2 {
		t.Fatalf("got %v", err)
	}
	plain := ve.Problems[0]
	if plain.Rule != RuleUnlisted || plain.Message != "is 70000 characters long" || len(plain.Values) != 1 || len(plain.Data()) != 0 {
		t.Errorf("plain problem: %+v", plain)
	}
	want := "invalid plan, 2 problems:\n  products[0].name: is 70000 characters long\n  months: must be between 1 and 60, not 61"
	if got := ve.Error(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
