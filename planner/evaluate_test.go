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

// TestTotalsActual: each target is held against its own figure of the totals.
func TestTotalsActual(t *testing.T) {
	tot := planner.Totals{NetRevenue: 1, GrossMarginPct: planner.Some(0.2), Contribution: 3,
		MarketingSpend: 4, ROMI: planner.Some(0.5), CAC: planner.None}
	for _, tc := range []struct {
		name string
		want planner.Maybe
	}{
		{"revenue", planner.Some(1)},
		{"grossMarginPct", planner.Some(0.2)},
		{"contribution", planner.Some(3)},
		{"budget", planner.Some(4)},
		{"romi", planner.Some(0.5)},
		{"cac", planner.None},
		{"nope", planner.None},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tot.Actual(tc.name); got != tc.want {
				t.Errorf("Actual(%q) = %+v, want %+v", tc.name, got, tc.want)
			}
		})
	}
	for _, name := range planner.TargetNames {
		if name != "cac" && !tot.Actual(name).Valid {
			t.Errorf("target %q has no figure", name)
		}
	}
}
