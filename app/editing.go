package app

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/planner"
)

// Helpers the list-plus-form editing screens share (Product, Place,
// Promotion, Scenarios).

// uniqueID returns base, or base-2, base-3… the first not taken, cut to the
// 64 characters an id may have.
func uniqueID(base string, taken func(string) bool) string {
	clean := strings.Map(func(r rune) rune {
		if r < 128 && planner.ValidID(string(r)) {
			return r
		}
		return '-'
	}, base)
	if clean == "" {
		clean = "item"
	}
	cut := func(s string, n int) string {
		if len(s) > n {
			return s[:n]
		}
		return s
	}
	id := cut(clean, 64)
	for n := 2; taken(id); n++ {
		suffix := fmt.Sprintf("-%d", n)
		id = cut(clean, 64-len(suffix)) + suffix
	}
	return id
}

// listActions is the row of buttons under an editing screen's list: add,
// duplicate, delete, move up, move down. The list editor enables them.
type listActions struct {
	add, duplicate, remove, up, down *widget.Button
	box                              *fyne.Container
}

func newListActions(add, duplicate, remove, up, down func()) *listActions {
	a := &listActions{
		add:       widget.NewButtonWithIcon(lang.L("Add"), theme.ContentAddIcon(), add),
		duplicate: widget.NewButtonWithIcon(lang.L("Duplicate"), theme.ContentCopyIcon(), duplicate),
		remove:    widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), remove),
		up:        widget.NewButtonWithIcon("", theme.MoveUpIcon(), up),
		down:      widget.NewButtonWithIcon("", theme.MoveDownIcon(), down),
	}
	a.remove.Importance = widget.DangerImportance
	a.box = container.NewVBox(
		container.NewGridWithColumns(2, a.add, a.duplicate),
		container.NewBorder(nil, nil, nil, container.NewHBox(a.up, a.down), a.remove))
	return a
}

// update enables the buttons that make sense for selection sel of n rows.
func (a *listActions) update(sel, n int) {
	has := sel >= 0 && sel < n
	enable(a.duplicate, has)
	enable(a.remove, has)
	enable(a.up, has && sel > 0)
	enable(a.down, has && sel < n-1)
}

// enable enables or disables w.
func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// heading is a form row that titles the rows after it ("Spend",
// "Response"); one form with headings keeps every label in one column.
func heading(title string) *widget.FormItem {
	h := widget.NewLabel(title)
	h.TextStyle.Bold = true
	h.SizeName = theme.SizeNameSubHeadingText
	return widget.NewFormItem("", h)
}

// help is a form row of small explanatory text under the fields it explains.
func help(text string) *widget.FormItem { return widget.NewFormItem("", muted(newNote(text))) }

// newNote makes a label of small explanatory text that wraps at its width,
// muted (low importance); place it inside muted so that it reads.
func newNote(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	l.Importance = widget.LowImportance
	return l
}

// muted shows o with its low-importance text (help, notes, "not set") in a
// muted colour that reads on the theme's background, light or dark. Fyne
// writes such text in the colour of disabled widgets, nearly invisible in
// the dark theme (1.6:1 against the background) and pale in the light one.
func muted(o fyne.CanvasObject) fyne.CanvasObject { return container.NewThemeOverride(o, mutedTheme{}) }

// mutedTheme is the window's theme with a readable colour for
// low-importance text; see muted.
type mutedTheme struct{}

func (mutedTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	th := fyne.CurrentApp().Settings().Theme()
	if n == theme.ColorNameDisabled {
		return mutedColor(th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNameBackground, v))
	}
	return th.Color(n, v)
}

func (mutedTheme) Font(s fyne.TextStyle) fyne.Resource {
	return fyne.CurrentApp().Settings().Theme().Font(s)
}

func (mutedTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return fyne.CurrentApp().Settings().Theme().Icon(n)
}

func (mutedTheme) Size(n fyne.ThemeSizeName) float32 {
	return fyne.CurrentApp().Settings().Theme().Size(n)
}

// mutedContrast is the contrast muted text keeps with the background: a
// little over WCAG AA's 4.5:1 for small text.
const mutedContrast = 5

// mutedColor is the text colour fg blended towards the background bg as far
// as it can go while keeping mutedContrast.
func mutedColor(fg, bg color.Color) color.Color {
	mix := func(t float64) color.Color {
		a, b := color.NRGBAModel.Convert(fg).(color.NRGBA), color.NRGBAModel.Convert(bg).(color.NRGBA)
		m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-t) + float64(y)*t)) }
		return color.NRGBA{R: m(a.R, b.R), G: m(a.G, b.G), B: m(a.B, b.B), A: 0xff}
	}
	best := mix(0)
	for t := 0.05; t < 0.8; t += 0.05 {
		c := mix(t)
		if contrast(c, bg) < mutedContrast {
			break
		}
		best = c
	}
	return best
}

// move swaps element i of s with its neighbour i+d when both exist.
func move[T any](s []T, i, d int) bool {
	j := i + d
	if i < 0 || j < 0 || i >= len(s) || j >= len(s) {
		return false
	}
	s[i], s[j] = s[j], s[i]
	return true
}
