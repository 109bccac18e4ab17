package cli

import (
	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// targetText is how a target of the report reads in a table.
type targetText struct {
	label string               // its name: "Gross margin %"
	goal  string               // its goal with its side: "≥ 60.0%"
	value func(float64) string // writes its actual, in its unit
	gap   func(float64) string // writes its gap: percentage points for ratios
}

func textOf(f numfmt.Figures, r planner.TargetResult) targetText {
	return targetTextOf(f, r.Name, r.Kind, r.Target)
}

// targetTextOf is how the target name of the given kind and goal reads, for
// outputs (track, risk) whose rows are not a report's TargetResult.
func targetTextOf(f numfmt.Figures, name, kind string, goal float64) targetText {
	tg, _ := planner.TargetByName(name)
	op := "≥ "
	if kind == planner.AtMost {
		op = "≤ "
	}
	value := func(x float64) string { return f.Value(tg.Unit, x) }
	return targetText{tg.Label, op + value(goal), value, func(x float64) string { return f.Gap(tg.Unit, x) }}
}

// fineRate writes a small rate (a click-through rate) with two decimals.
func fineRate(f numfmt.Figures) func(float64) string {
	return func(x float64) string { return numfmt.Percent(x, f.Locale, 2) }
}

// statusChange says how a target's status moves: "now met", "now missed" or nothing.
func statusChange(before, after bool) string {
	switch {
	case after && !before:
		return "now met"
	case !after && before:
		return "now missed"
	}
	return ""
}
