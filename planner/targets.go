package planner

import "mixplan/planner/numfmt"

// The targets a plan can set, by the name the plan file and the report
// give them. Code that means one target uses these constants, never the
// string, so a renamed or added target is found by the compiler.
const (
	TargetRevenue        = "revenue"
	TargetGrossMarginPct = "grossMarginPct"
	TargetContribution   = "contribution"
	TargetBudget         = "budget"
	TargetROMI           = "romi"
	TargetCAC            = "cac"
)

// Kinds of target: the side of its value on which a target is met.
const (
	AtLeast = "min" // met when actual ≥ target
	AtMost  = "max" // met when actual ≤ target
)

// Target describes one target a plan can set (docs/model.md, "Targets"):
// its name, whether it is a minimum or a maximum, the total it is held
// against, what it measures (which says how its values and gaps are
// written) and its name in English words.
//
// TargetTable lists them in report order. Adding a target is one row here,
// one field in Targets and in the file format, its words in the window
// (app/ui/labels.go), a tile and an export row.
type Target struct {
	Name   string      // report and file name: "revenue"
	Kind   string      // AtLeast or AtMost
	Actual string      // the report's key of the total it is held against: "netRevenue"
	Unit   numfmt.Unit // how its goal, actual and gap are written
	Label  string      // in English words: "Net revenue"

	goal   func(*Targets) **float64
	actual func(*Totals) Maybe
}

// TargetTable is every target, in the order reports list them.
var TargetTable = []Target{
	{TargetRevenue, AtLeast, "netRevenue", numfmt.Amount, "Net revenue",
		func(t *Targets) **float64 { return &t.Revenue }, func(t *Totals) Maybe { return Some(t.NetRevenue) }},
	{TargetGrossMarginPct, AtLeast, "grossMarginPct", numfmt.Ratio, "Gross margin %",
		func(t *Targets) **float64 { return &t.GrossMarginPct }, func(t *Totals) Maybe { return t.GrossMarginPct }},
	{TargetContribution, AtLeast, "contribution", numfmt.Amount, "Contribution",
		func(t *Targets) **float64 { return &t.Contribution }, func(t *Totals) Maybe { return Some(t.Contribution) }},
	{TargetBudget, AtMost, "marketingSpend", numfmt.Amount, "Marketing budget",
		func(t *Targets) **float64 { return &t.Budget }, func(t *Totals) Maybe { return Some(t.MarketingSpend) }},
	{TargetROMI, AtLeast, "romi", numfmt.Ratio, "ROMI",
		func(t *Targets) **float64 { return &t.ROMI }, func(t *Totals) Maybe { return t.ROMI }},
	{TargetCAC, AtMost, "cac", numfmt.UnitAmount, "CAC",
		func(t *Targets) **float64 { return &t.CAC }, func(t *Totals) Maybe { return t.CAC }},
}

// TargetNames are the report names of the targets, in report order.
var TargetNames = func() []string {
	names := make([]string, len(TargetTable))
	for i, t := range TargetTable {
		names[i] = t.Name
	}
	return names
}()

// TargetByName returns the target with that report name.
func TargetByName(name string) (Target, bool) {
	for _, t := range TargetTable {
		if t.Name == name {
			return t, true
		}
	}
	return Target{}, false
}

// Met reports whether actual meets goal on this target's side.
func (tg Target) Met(actual, goal float64) bool {
	if tg.Kind == AtLeast {
		return actual >= goal
	}
	return actual <= goal
}

// Ptr returns the target field with that report name, or nil for an unknown name.
func (t *Targets) Ptr(name string) **float64 {
	if tg, ok := TargetByName(name); ok {
		return tg.goal(t)
	}
	return nil
}

// Actual returns the figure the target with that report name is held
// against (net revenue for "revenue", marketing spend for "budget"…), set
// or not; None for an unknown name.
func (tot *Totals) Actual(name string) Maybe {
	if tg, ok := TargetByName(name); ok {
		return tg.actual(tot)
	}
	return None
}

// evaluate reports every set target against the totals, in report order.
func (t *Targets) evaluate(tot *Totals) []TargetResult {
	out := make([]TargetResult, 0, len(TargetTable))
	for _, tg := range TargetTable {
		goal := *tg.goal(t)
		if goal == nil {
			continue
		}
		res := TargetResult{Name: tg.Name, Kind: tg.Kind, Target: *goal, Actual: tg.actual(tot)}
		if res.Actual.Valid {
			res.Gap = Some(res.Actual.Value - res.Target)
			res.Met = tg.Met(res.Actual.Value, res.Target)
		}
		out = append(out, res)
	}
	return out
}

// Target returns the result of the target with that report name, and
// whether it is set.
func (r *Report) Target(name string) (TargetResult, bool) {
	for _, t := range r.Targets {
		if t.Name == name {
			return t, true
		}
	}
	return TargetResult{}, false
}
