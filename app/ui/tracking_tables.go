package ui

import (
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// figureCell is one cell of a figureTable: its text, and red or green for
// a variance.
type figureCell struct {
	text string
	imp  widget.Importance
}

// figureTable is a read-only table of figures with bold column headings:
// the first column names the row, the others are right-aligned figures.
// The Tracking screen's variance, funnel and target tables are ones.
type figureTable struct {
	table    *widget.Table
	headings []string
	widths   []float32
	rows     [][]figureCell
}

func newFigureTable(headings []string, least []float32) *figureTable {
	ft := &figureTable{headings: headings}
	ft.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(ft.rows), len(ft.headings) },
		func() fyne.CanvasObject { return widget.NewLabel("€1,000,000") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			c := figureCell{}
			if id.Row < len(ft.rows) && id.Col < len(ft.rows[id.Row]) {
				c = ft.rows[id.Row][id.Col]
			}
			align := fyne.TextAlignTrailing
			if id.Col == 0 {
				align = fyne.TextAlignLeading
			}
			setCellLabel(o.(*widget.Label), c.text, ft.widths[id.Col], align, c.imp)
		})
	ft.table.ShowHeaderColumn = false
	ft.table.CreateHeader = tableHeader
	ft.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Col >= 0 && id.Col < len(ft.headings) {
			l.SetText(ft.headings[id.Col])
		}
	}
	ft.widths = fitColumns(ft.table, headings, least)
	return ft
}

// setRows shows rows; the table is redrawn only when they changed.
func (ft *figureTable) setRows(rows [][]figureCell) {
	if slices.EqualFunc(rows, ft.rows, func(a, b []figureCell) bool { return slices.Equal(a, b) }) {
		return
	}
	ft.rows = rows
	ft.table.Refresh()
}

// minHeight is the height the table needs to show n rows under its headings.
func (ft *figureTable) minHeight(n int) float32 {
	row := ft.table.CreateCell().MinSize().Height
	return float32(n+1)*(row+1) + 4
}

// varianceImportance colours a variance: green when it is good news, red
// when it is bad; costs (spend) are good news when below plan.
func varianceImportance(v float64, costly bool) widget.Importance {
	if costly {
		v = -v
	}
	switch {
	case v > 1e-9:
		return widget.SuccessImportance
	case v < -1e-9:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

// varianceCells are a variance and its percentage of the plan, coloured.
func varianceCells(f Fmt, plan, actual float64, money, costly bool) []figureCell {
	v := actual - plan
	imp := varianceImportance(v, costly)
	text := f.Signed(v, money)
	// Of the plan's size, so that the percentage has the variance's sign
	// even where the plan is a loss (a month of launch costs).
	pct := f.Maybe(ratioOf(v, math.Abs(plan)), func(x float64) string { return f.SignedPercent(x) })
	return []figureCell{{text, imp}, {pct, imp}}
}

// ratioOf is a / b, undefined when b is 0.
func ratioOf(a, b float64) planner.Maybe {
	if b == 0 || math.IsNaN(a/b) || math.IsInf(a/b, 0) {
		return planner.Maybe{}
	}
	return planner.Maybe{Value: a / b, Valid: true}
}

// plain is an uncoloured cell.
func plain(s string) figureCell { return figureCell{text: s} }

// Signed writes a difference with its sign: money or units.
func (f Fmt) Signed(x float64, money bool) string {
	if money {
		return numfmt.Signed(x, f.Money(x))
	}
	return numfmt.Signed(x, f.Units(x))
}

// SignedPercent writes a relative difference with its sign: "+4.2%".
func (f Fmt) SignedPercent(x float64) string { return numfmt.Signed(x, f.Percent(x)) }
