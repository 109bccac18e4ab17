package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// field is what NumberField and TextField share: the entry that commits on
// Enter or focus loss, and the reason line under it.
type field struct {
	entry  *commitEntry
	reason *widget.Label
	shown  string // the text the program last wrote
	err    error
	owner  fyne.Widget
}

func (f *field) init(owner fyne.Widget, commit func(), typed func(string)) {
	f.owner = owner
	f.entry = newCommitEntry()
	f.entry.AlwaysShowValidationError = true
	f.entry.onCommit = commit
	f.entry.OnChanged = typed
	f.reason = widget.NewLabel("")
	f.reason.Importance = widget.DangerImportance
	f.reason.SizeName = theme.SizeNameCaptionText
	f.reason.Wrapping = fyne.TextWrapWord
	f.reason.Hide()
}

func (f *field) renderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{Layout: fieldLayout{}, Objects: []fyne.CanvasObject{f.entry, f.reason}})
}

// show writes text as the program's value and forgets any reason.
func (f *field) show(text string) {
	f.shown = text
	f.setReason(nil)
	if f.entry.Text != text {
		f.entry.SetText(text)
	}
}

// setReason shows why the text is refused (nil: it is not).
func (f *field) setReason(err error) {
	if err == nil && f.err == nil {
		return
	}
	f.err = err
	f.entry.SetValidationError(err)
	if err == nil {
		f.reason.Hide()
	} else {
		f.reason.SetText(err.Error())
		f.reason.Show()
	}
	f.owner.Refresh()
}

// Reason returns the refusal shown under the field, or "".
func (f *field) Reason() string {
	if f.err == nil {
		return ""
	}
	return f.err.Error()
}

// Text returns what the field shows now, typed or set.
func (f *field) Text() string { return f.entry.Text }

// Entry is the text entry inside the field, for focus handling and tests.
func (f *field) Entry() *widget.Entry { return &f.entry.Entry }

// Focusable returns the object to focus or type into (test.Type(f.Focusable(), "12")).
func (f *field) Focusable() fyne.Focusable { return f.entry }

// SetPlaceHolder sets the hint shown when the field is empty ("no limit").
func (f *field) SetPlaceHolder(s string) { f.entry.SetPlaceHolder(s) }

// Enable lets the person edit the field.
func (f *field) Enable() { f.entry.Enable() }

// Disable stops the person editing the field.
func (f *field) Disable() { f.entry.Disable() }

// fieldLayout stacks an entry and its reason with no gap, so a reason shown
// under one field does not push the form's rows apart more than its own height.
type fieldLayout struct{}

func (fieldLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	entry, reason := objs[0], objs[1]
	eh := entry.MinSize().Height
	entry.Move(fyne.NewPos(0, 0))
	entry.Resize(fyne.NewSize(size.Width, eh))
	if reason.Visible() {
		reason.Move(fyne.NewPos(0, eh))
		reason.Resize(fyne.NewSize(size.Width, size.Height-eh))
	}
}

func (fieldLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := objs[0].MinSize()
	if objs[1].Visible() {
		s.Height += objs[1].MinSize().Height
	}
	return s
}
