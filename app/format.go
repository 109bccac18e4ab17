package app

import (
	"fyne.io/fyne/v2/lang"

	"mixplan/app/charts"
	"mixplan/app/widgets"
	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// Fmt writes figures the way the plan's locale writes them, whatever the
// window's language: money in whole units, unit amounts with cents,
// percentages with one decimal. Screens get one from Env.Fmt.
type Fmt struct {
	Locale   numfmt.Locale
	Currency string
}

// fmtFor returns the formats of plan p.
func fmtFor(p *planner.Plan) Fmt { return Fmt{numfmt.Locale(p.Locale), p.Currency} }

// Money writes an amount in whole currency units: "€1,234,567".
func (f Fmt) Money(x float64) string { return numfmt.Money(x, f.Currency, f.Locale, 0) }

// UnitMoney writes a per-unit amount with cents: "€8.90".
func (f Fmt) UnitMoney(x float64) string { return numfmt.Money(x, f.Currency, f.Locale, 2) }

// Units writes a count: "61,234".
func (f Fmt) Units(x float64) string { return numfmt.Number(x, f.Locale, 0) }

// Percent writes a ratio as a percentage with one decimal: "45.2%".
func (f Fmt) Percent(x float64) string { return numfmt.Percent(x, f.Locale, 1) }

// Points writes a difference of ratios in percentage points: "1.2 pts".
func (f Fmt) Points(x float64) string {
	return lang.L("{{.N}} pts", map[string]any{"N": numfmt.Number(x*100, f.Locale, 1)})
}

// Ratio writes a ratio with two decimals: "3.25".
func (f Fmt) Ratio(x float64) string { return numfmt.Number(x, f.Locale, 2) }

// Maybe writes an undefined figure as "n/a", else format(m.Value).
func (f Fmt) Maybe(m planner.Maybe, format func(float64) string) string {
	if !m.Valid {
		return lang.L("n/a")
	}
	return format(m.Value)
}

// Field returns the format of an entry field of kind k: money and plain
// numbers with up to 2 decimals, percentages with up to 2 decimals of a percent.
func (f Fmt) Field(k widgets.Kind) widgets.Format {
	return widgets.Format{Kind: k, Locale: f.Locale, Currency: f.Currency, Decimals: 2}
}

// Chart returns the format of a chart of amounts.
func (f Fmt) Chart() charts.Format { return charts.Format{Currency: f.Currency, Locale: f.Locale} }

// ChartUnits returns the format of a chart of counts.
func (f Fmt) ChartUnits() charts.Format { return charts.Format{Locale: f.Locale} }

// signed puts an explicit + before a positive figure, for gaps and changes.
func signed(x float64, s string) string {
	if x > 0 && s != "" && s[0] != '-' {
		return "+" + s
	}
	return s
}
