package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Helpers for the screens' tables (the optimiser's channels and prices,
// the scenarios' comparison): bold column headings, and columns as wide as
// their headings in the user's language.

// fitColumns makes each column of t as wide as its heading needs (French
// headings are longer), and at least least[i]; it returns the widths.
func fitColumns(t *widget.Table, headings []string, least []float32) []float32 {
	widths := make([]float32, len(headings))
	for i, h := range headings {
		widths[i] = fyne.Max(least[i], headingWidth(h))
		t.SetColumnWidth(i, widths[i])
	}
	return widths
}

// headingWidth is the width of a table column that shows text in bold
// (a heading made by tableHeader) without cutting it.
func headingWidth(text string) float32 {
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*theme.InnerPadding() + 2*theme.Padding()
}

// tableHeader is the template of a table's column heading.
func tableHeader() fyne.CanvasObject {
	l := widget.NewLabel("Heading")
	l.TextStyle.Bold = true
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}
