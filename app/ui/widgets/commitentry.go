package widgets

import (
	"fyne.io/fyne/v2/widget"
)

// commitEntry is a single-line entry that reports when the person is done
// with it: Enter, or focus moving elsewhere. Fields commit then rather than on
// every keystroke, so one edit is one undo step.
type commitEntry struct {
	widget.Entry
	onCommit func()
}

func newCommitEntry() *commitEntry {
	e := &commitEntry{}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) { e.commit() }
	return e
}

// FocusLost commits what was typed when the person leaves the field.
func (e *commitEntry) FocusLost() {
	e.Entry.FocusLost()
	e.commit()
}

func (e *commitEntry) commit() {
	if e.onCommit != nil {
		e.onCommit()
	}
}
