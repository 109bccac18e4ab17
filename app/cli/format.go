package cli

import (
	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// figures formats a plan's numbers in its locale and currency.
type figures struct {
	locale   numfmt.Locale
	currency string
}

func figuresFor(p *planner.Plan) figures {
	return figures{numfmt.Locale(p.Locale), p.Currency}
}

func (f figures) money(x float64) string { return numfmt.Money(x, f.currency, f.locale, 0) }

// unitMoney formats a per-unit amount, with cents.
func (f figures) unitMoney(x float64) string { return numfmt.Money(x, f.currency, f.locale, 2) }

func (f figures) units(x float64) string { return numfmt.Number(x, f.locale, 0) }

func (f figures) pct(x float64) string { return numfmt.Percent(x, f.locale, 1) }

// pctFine formats a small rate (a click-through rate) with two decimals.
func (f figures) pctFine(x float64) string { return numfmt.Percent(x, f.locale, 2) }

func (f figures) ratio(x float64) string { return numfmt.Number(x, f.locale, 2) }

// maybe formats an undefined figure as "n/a".
func maybe(m planner.Maybe, format func(float64) string) string {
	if !m.Valid {
		return "n/a"
	}
	return format(m.Value)
}

// signed puts an explicit + before positive amounts, for gaps and changes.
func signed(x float64, s string) string {
	if x > 0 {
		return "+" + s
	}
	return s
}

// targetLabel is a target's name in words.
func targetLabel(name string) string {
	switch name {
	case "revenue":
		return "Net revenue"
	case "grossMarginPct":
		return "Gross margin %"
	case "contribution":
		return "Contribution"
	case "budget":
		return "Marketing budget"
	case "romi":
		return "ROMI"
	case "cac":
		return "CAC"
	}
	return name
}

// targetValue formats a target or actual in the target's own unit.
func (f figures) targetValue(name string, x float64) string {
	switch name {
	case "grossMarginPct", "romi":
		return f.pct(x)
	case "cac":
		return f.unitMoney(x)
	}
	return f.money(x)
}

// gap formats the distance to a target: percentage points for ratios.
func (f figures) gap(name string, x float64) string {
	switch name {
	case "grossMarginPct", "romi":
		return numfmt.Number(x*100, f.locale, 1) + " pts"
	}
	return f.targetValue(name, x)
}

// goal writes a target as the bound it sets: "≥ 450 000 €" or "≤ 12,00 €".
func (f figures) goal(name, kind string, target float64) string {
	op := "≥ "
	if kind == "max" {
		op = "≤ "
	}
	return op + f.targetValue(name, target)
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
