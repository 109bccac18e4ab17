// Package textfit shortens text to fit a width, for the widgets and charts
// that draw canvas text themselves.
package textfit

import (
	"strings"

	"fyne.io/fyne/v2"
)

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

// FitMiddle returns s, or its start and end around "…" ("Ch…101") no wider
// than w, keeping more of the end: it tells apart names that differ only in
// their last letters ("Channel 100", "Channel 101"), which Fit cuts to the
// same "Chan…". It returns "" when not even "…" and one letter fit.
func FitMiddle(s string, w, size float32, style fyne.TextStyle) string {
	if fyne.MeasureText(s, size, style).Width <= w {
		return s
	}
	r := []rune(s)
	cut := func(k int) string { // k letters kept: a third from the start
		head := k / 3
		tail := string(r[len(r)-(k-head):])
		if i := strings.IndexByte(tail, ' '); i >= 0 && r[len(r)-(k-head)-1] != ' ' {
			tail = tail[i:] // whole words at the end: "C…32", not "C…l 32"
		}
		return strings.TrimRight(string(r[:head]), " ") + "…" + strings.TrimLeft(tail, " ")
	}
	lo, hi := 0, len(r)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(cut(mid), size, style).Width <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return cut(lo)
}
