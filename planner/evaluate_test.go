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

// TestMonthShare: a month's share of a seasonality or flighting list is what
// Evaluate spreads by, flat when the list is absent.
func TestMonthShare(t *testing.T) {
	for _, tc := range []struct {
		name      string
		w         []float64
		months, t int
		want      float64
	}{
		{"weighted", []float64{1, 3}, 2, 1, 0.75},
		{"a month off", []float64{0, 2, 2}, 3, 0, 0},
		{"absent is flat", nil, 4, 2, 0.25},
		{"not one per month is flat", []float64{1, 2}, 4, 0, 0.25},
		{"before the horizon", []float64{1, 1}, 2, -1, 0},
		{"after the horizon", []float64{1, 1}, 2, 2, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := planner.MonthShare(tc.w, tc.months, tc.t); got != tc.want {
				t.Errorf("MonthShare(%v, %d, %d) = %v, want %v", tc.w, tc.months, tc.t, got, tc.want)
			}
		})
	}
}
