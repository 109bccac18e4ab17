package ui

import (
	"fmt"
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

// boldLabel is a label in bold: a section's or a chart's title, or a
// figure the screen computes ("" until it is shown).
func boldLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// subheading is a bold label in the theme's subheading size.
func subheading(text string) *widget.Label {
	l := boldLabel(text)
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// newTitle makes the title above a form, the name of the row it edits.
func newTitle() *widget.Label {
	l := subheading("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// heading is a form row that titles the rows after it ("Spend",
// "Response"); one form with headings keeps every label in one column.
func heading(title string) *widget.FormItem {
	return widget.NewFormItem("", subheading(title))
}

// help is a form row of small explanatory text under the fields it explains.
func help(text string) *widget.FormItem { return widget.NewFormItem("", newNote(text)) }

// newNote makes small explanatory text (help, notes under results) that
// wraps at its width, in a muted colour that still reads on the theme's
// background. Fyne's low-importance labels use the colour of disabled
// widgets, nearly invisible in the dark theme (1.6:1 against the
// background) and pale in the light one.
func newNote(text string) *widget.RichText {
	n := widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: colorNameMuted, SizeName: theme.SizeNameCaptionText}})
	n.Wrapping = fyne.TextWrapWord
	return n
}

// setNote changes a note's text, redrawing it only when it changed.
func setNote(n *widget.RichText, text string) {
	if seg := n.Segments[0].(*widget.TextSegment); seg.Text != text {
		seg.Text = text
		n.Refresh()
	}
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
