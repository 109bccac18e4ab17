package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"mixplan/planner"
)

const dangerImportance = widget.DangerImportance

// unsavedPrompt is the question asked before unsaved work would be lost,
// kept so tests can press its buttons.
type unsavedPrompt struct {
	dialog                *dialog.CustomDialog
	save, discard, cancel *widget.Button
}

// confirmDiscard runs then at once when the plan has no unsaved changes;
// otherwise it asks Save / Don't save / Cancel first, and runs then after a
// successful save or on Don't save.
func (w *Window) confirmDiscard(then func()) {
	if !w.doc.Dirty() {
		then()
		return
	}
	msg := widget.NewLabel(lang.L("“{{.Name}}” has unsaved changes. Save them first?", map[string]any{"Name": w.doc.Plan().Name}) +
		"\n" + lang.L("If you don’t save, your changes will be lost."))
	msg.Wrapping = fyne.TextWrapWord
	p := &unsavedPrompt{}
	p.dialog = dialog.NewCustomWithoutButtons(lang.L("Unsaved changes"), msg, w.win)
	p.save = widget.NewButton(lang.L("Save"), func() {
		p.dialog.Hide()
		w.save(func(saved bool) {
			if saved {
				then()
			}
		})
	})
	p.save.Importance = widget.HighImportance
	p.discard = widget.NewButton(lang.L("Don’t save"), func() {
		p.dialog.Hide()
		w.rec.clear() // the person chose to lose these changes
		then()
	})
	p.cancel = widget.NewButton(lang.L("Cancel"), func() { p.dialog.Hide() })
	p.dialog.SetButtons([]fyne.CanvasObject{p.cancel, p.discard, p.save})
	p.dialog.Resize(fyne.NewSize(460, 180))
	w.prompt = p
	w.lastDialog = p.dialog
	p.dialog.Show()
}

// requestClose closes the window (and quits) after asking about unsaved changes.
func (w *Window) requestClose() {
	w.confirmDiscard(func() {
		w.rec.clear()
		w.rec.stop()
		w.win.Close()
	})
}

func (w *Window) showOpenError(path string, err error) {
	w.showErrorTitled(lang.L("Mixplan cannot open “{{.File}}”", map[string]any{"File": filepath.Base(path)}), err)
}

func (w *Window) showSaveError(path string, err error) {
	w.showErrorTitled(lang.L("Mixplan cannot save “{{.File}}”", map[string]any{"File": filepath.Base(path)}), err)
}

func (w *Window) showExportError(path string, err error) {
	w.showErrorTitled(lang.L("Mixplan cannot export “{{.File}}”", map[string]any{"File": filepath.Base(path)}), err)
}

func (w *Window) showErrorTitled(title string, err error) {
	w.showDialog(func(parent fyne.Window) dialog.Dialog { return errorDialog(title, err, parent) })
}

// errorDialog explains err: every problem of a refused plan on its own line,
// file system errors in words rather than system codes.
func errorDialog(title string, err error, win fyne.Window) dialog.Dialog {
	lines := explain(err)
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	var content fyne.CanvasObject = text
	if len(lines) > 8 {
		scroll := container.NewVScroll(text)
		scroll.SetMinSize(fyne.NewSize(560, 260))
		content = scroll
	}
	d := dialog.NewCustom(title, lang.L("OK"), content, win)
	d.Resize(fyne.NewSize(600, 0))
	return d
}

// explain turns an error into lines a person can act on.
func explain(err error) []string {
	var ve *planner.ValidationError
	switch {
	case errors.As(err, &ve):
		lines := []string{lang.N("The plan has {{.Count}} problem:", len(ve.Problems), map[string]any{"Count": len(ve.Problems)})}
		for _, p := range ve.Problems {
			msg := translateProblem(p)
			if p.Path != "" {
				msg = p.Path + " — " + msg
			}
			lines = append(lines, "• "+msg)
		}
		return lines
	case errors.Is(err, planner.ErrReadOnly):
		return []string{lang.L("The file is read-only: Mixplan does not replace it. Save under another name, or make the file writable first.")}
	case errors.Is(err, planner.ErrIsFolder):
		return []string{lang.L("This is a folder, not a file. Choose a file name.")}
	case errors.Is(err, planner.ErrNotRegularFile):
		return []string{lang.L("This is not a regular file but a device, a pipe or a socket: Mixplan replaces only files.")}
	case errors.Is(err, os.ErrNotExist):
		return []string{lang.L("The file does not exist any more. It may have been moved or deleted.")}
	case errors.Is(err, os.ErrPermission):
		return []string{lang.L("Mixplan is not allowed to use this file. Check its permissions, or choose another folder.")}
	}
	return []string{err.Error()}
}
