package ui

import (
	"fyne.io/fyne/v2/lang"

	"mixplan/app/ui/charts"
	"mixplan/app/ui/widgets"
	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// Fmt writes figures the way the plan's locale writes them, whatever the
// window's language: money in whole units, unit amounts with cents,
// percentages with one decimal (numfmt.Figures), with "pts" and "n/a" in
// the window's language. Screens get one from Env.Fmt.
type Fmt struct{ numfmt.Figures }

// fmtFor returns the formats of plan p.
func fmtFor(p *planner.Plan) Fmt { return Fmt{p.Figures()} }

// Points writes a difference of ratios in percentage points: "1.2 pts".
func (f Fmt) Points(x float64) string {
	return lang.L("{{.N}} pts", map[string]any{"N": numfmt.Number(x*100, f.Locale, 1)})
}

// Gap writes a difference of two figures in unit u, in percentage points
// for ratios: numfmt.Figures.Gap with the window's "pts".
func (f Fmt) Gap(u numfmt.Unit, x float64) string {
	if u == numfmt.Ratio {
		return f.Points(x)
	}
	return f.Figures.Gap(u, x)
}

// Target returns how the values and the gaps of the target with that
// report name are written, in its unit: percentage points for the gaps of
// ratios.
func (f Fmt) Target(name string) (value, gap func(float64) string) {
	tg, _ := planner.TargetByName(name)
	value = func(x float64) string { return f.Value(tg.Unit, x) }
	gap = func(x float64) string { return f.Gap(tg.Unit, x) }
	return value, gap
}

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
