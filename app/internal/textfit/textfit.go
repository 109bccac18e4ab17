// Package textfit shortens text to fit a width, for the widgets and charts
// that draw canvas text themselves.
package textfit

import "fyne.io/fyne/v2"

// Fit returns s, or its longest prefix followed by "…" that is no wider
// than w at size and style; "" when not even one letter fits.
func Fit(s string, w, size float32, style fyne.TextStyle) string {
	if fyne.MeasureText(s, size, style).Width <= w {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r) // binary search for the longest prefix that fits
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(r[:mid])+"…", size, style).Width <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return string(r[:lo]) + "…"
}
