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
	tg, _ := planner.TargetByName(r.Name)
	op := "≥ "
	if r.Kind == planner.AtMost {
		op = "≤ "
	}
	value := func(x float64) string { return f.Value(tg.Unit, x) }
	return targetText{tg.Label, op + value(r.Target), value, func(x float64) string { return f.Gap(tg.Unit, x) }}
}
