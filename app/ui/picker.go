package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// showPicker offers names, searchable, in a dialog titled title; picked gets
// the index into names of the one chosen, once the dialog is closed.
func showPicker(env *Env, title string, names []string, picked func(i int)) {
	var d dialog.Dialog
	picker := newPicker(names, func(i int) {
		d.Hide()
		picked(i)
	})
	d = env.ShowDialog(func(parent fyne.Window) dialog.Dialog {
		d := dialog.NewCustom(title, lang.L("Cancel"), picker, parent)
		d.Resize(fyne.NewSize(420, 480))
		return d
	})
}

// newPicker is a searchable virtual list of names; picked gets the index
// into names of the one chosen.
func newPicker(names []string, picked func(i int)) fyne.CanvasObject {
	shown := make([]int, len(names))
	for i := range shown {
		shown[i] = i
	}
	list := widget.NewList(func() int { return len(shown) },
		func() fyne.CanvasObject { return widget.NewLabel("Product name") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(names[shown[i]]) })
	list.OnSelected = func(i widget.ListItemID) { picked(shown[i]) }
	search := widget.NewEntry()
	search.SetPlaceHolder(lang.L("Search"))
	search.OnChanged = func(q string) {
		q = strings.ToLower(strings.TrimSpace(q))
		shown = shown[:0]
		for i, n := range names {
			if q == "" || strings.Contains(strings.ToLower(n), q) {
				shown = append(shown, i)
			}
		}
		list.UnselectAll()
		list.Refresh()
	}
	return container.NewBorder(search, nil, nil, nil, list)
}
