package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"mixplan/app/document"
	"mixplan/planner"
)

// Env is what a screen gets from the window: the document it edits and
// shows, the figures' formats, and, through its methods, what a screen may
// ask of the window (dialogs, another screen, the scenario shown, the UI
// goroutine). The window itself is out of a screen's reach.
type Env struct {
	// Doc is the plan being edited. Read it with Doc.Plan, Doc.Report and
	// Doc.Model; change it only with Edit.
	Doc *document.Document
	w   shell
}

// shell is what of the window its screens may use, through Env; Window
// implements it.
type shell interface {
	showDialog(make func(parent fyne.Window) dialog.Dialog) dialog.Dialog
	screen(id string) Screen
	showScreen(id string) bool
	setScenario(id string)
	runOnUI(f func())
}

// Fmt returns the formats of the plan's locale and currency.
func (e *Env) Fmt() Fmt { return fmtFor(e.Doc.Plan()) }

// Edit applies one change to the plan as one undo step named label (in the
// user's language: lang.L("Change spend of {{.Name}}", …)). If the changed
// plan would be invalid nothing changes and the error returned says why in
// plain words, for the field that made the change to show.
//
//	field.OnCommit = func(x float64) error {
//		return env.Edit(lang.L("Change spend"), func(p *planner.Plan) { p.Promotions[i].Spend = x })
//	}
func (e *Env) Edit(label string, change func(p *planner.Plan)) error {
	err := e.Doc.Edit(label, change)
	if err == nil {
		return nil
	}
	return errors.New(fieldReason(err))
}

// ShowDialog shows over the window the dialog make builds for parent, and
// returns it. The window keeps it as the last dialog it showed, which tests
// press.
func (e *Env) ShowDialog(make func(parent fyne.Window) dialog.Dialog) dialog.Dialog {
	return e.w.showDialog(make)
}

// ShowError shows err in a dialog in plain words; a plan refused for
// several reasons lists them all.
func (e *Env) ShowError(err error) {
	e.ShowDialog(func(parent fyne.Window) dialog.Dialog {
		return errorDialog(lang.L("Something went wrong"), err, parent)
	})
}

// Confirm asks a yes/no question with a destructive confirm button
// (confirm names the action: "Delete") and calls yes if the person agrees.
// It returns the dialog, for a screen to know when it closes.
func (e *Env) Confirm(title, message, confirm string, yes func()) dialog.Dialog {
	return e.ShowDialog(func(parent fyne.Window) dialog.Dialog {
		d := dialog.NewConfirm(title, message, func(ok bool) {
			if ok {
				yes()
			}
		}, parent)
		d.SetConfirmText(confirm)
		d.SetDismissText(lang.L("Cancel"))
		d.SetConfirmImportance(dangerImportance)
		return d
	})
}

// Screen returns the window's screen with that ID, or nil.
func (e *Env) Screen(id string) Screen { return e.w.screen(id) }

// ShowScreen shows the screen with that ID; it reports false for an unknown one.
func (e *Env) ShowScreen(id string) bool { return e.w.showScreen(id) }

// SetScenario shows scenario id in every screen, as picking it in the
// toolbar does.
func (e *Env) SetScenario(id string) { e.w.setScenario(id) }

// fieldReason is the reason a plan was refused, for a field: the problems'
// messages without their JSON paths, since the field says where.
func fieldReason(err error) string {
	var ve *planner.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) == 0 {
		return err.Error()
	}
	msg := ""
	for i, p := range ve.Problems {
		if i > 0 {
			msg += "; "
		}
		msg += translateProblem(p)
	}
	return msg
}

// Do runs f on the UI goroutine. A screen's own goroutines (an optimisation
// run in the background) hand their results to the widgets with it rather
// than with fyne.Do, so that tests, which are the UI goroutine, run f when
// they call runUI(w).
func (e *Env) Do(f func()) { e.w.runOnUI(f) }
