package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/export/actuals"
	"mixplan/planner"
)

// The set of files of one import. Closing new months on a plan that
// records several kinds of figure needs them all at once (an ad-platform
// export for the funnel, a ledger for units and revenue), so the preview
// can take more files, and every change of the set re-reads all of them
// and merges them together, as `mixplan actuals import PLAN DATA...` does.

// actualsFilesWords names the files for the undo label and the status
// line: their names, or how many when there are more than three.
func actualsFilesWords(paths []string) string {
	if len(paths) > 3 {
		return lang.L("{{.Count}} files", map[string]any{"Count": len(paths)})
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	return strings.Join(names, ", ")
}

// sameFile reports whether two paths name one file, so that a file is
// not added twice (its figures would count twice).
func sameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	ai, errA := os.Stat(a)
	bi, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ai, bi)
}

// filesBox is the preview's list of files, each with a button that
// removes it, and the button that adds another.
func (imp *actualsImport) filesBox() fyne.CanvasObject {
	imp.fileList = container.NewVBox()
	imp.addFile = widget.NewButtonWithIcon(lang.L("Add another file…"), theme.ContentAddIcon(), func() {
		imp.w.openActualsFile(imp.addPath)
	})
	imp.refreshFiles()
	return container.NewVBox(imp.fileList, container.NewHBox(imp.addFile))
}

// refreshFiles rebuilds the list of files; the last one cannot be
// removed (Cancel drops the import).
func (imp *actualsImport) refreshFiles() {
	if imp.fileList == nil {
		return
	}
	imp.fileList.RemoveAll()
	imp.removes = nil
	for i, p := range imp.paths {
		remove := widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), func() { imp.removeFile(i) })
		if len(imp.paths) == 1 {
			remove.Disable()
		}
		imp.removes = append(imp.removes, remove)
		imp.fileList.Add(container.NewBorder(nil, nil, nil, remove, widget.NewLabel(filepath.Base(p))))
	}
	imp.fileList.Refresh()
}

// addPath adds a file to the import, re-reads them all, asks for the
// names none of them matched yet and shows the combined preview.
func (imp *actualsImport) addPath(path string) {
	for _, p := range imp.paths {
		if sameFile(p, path) {
			imp.w.setStatus(lang.L("{{.File}} is already in the import", map[string]any{"File": filepath.Base(path)}))
			return
		}
	}
	imp.paths = append(imp.paths, path)
	imp.reload()
	if imp.readErr == nil {
		if u := actuals.FindUnmatched(imp.w.doc.Plan(), imp.tables, imp.mapping); len(u) > 0 {
			imp.askNames(u, imp.followFiles)
		}
	}
}

// removeFile takes the i-th file out of the import and merges the others.
func (imp *actualsImport) removeFile(i int) {
	if i < 0 || i >= len(imp.paths) || len(imp.paths) == 1 {
		return
	}
	imp.paths = append(imp.paths[:i:i], imp.paths[i+1:]...)
	imp.reload()
}

// reload re-reads every file and refreshes the preview; until the
// mapping dialog is answered, unknown names show as problems.
func (imp *actualsImport) reload() {
	imp.tables, imp.readErr = actuals.ReadFiles(imp.paths, actuals.Limits{})
	imp.refreshFiles()
	imp.followFiles()
}

// followFiles moves the closed month to the files' last month unless the
// person chose one, and merges again.
func (imp *actualsImport) followFiles() {
	if !imp.closedChosen && imp.readErr == nil {
		imp.closed = imp.defaultClosed(imp.w.now())
		plan := imp.w.doc.Plan()
		if labels := planner.MonthLabels(plan.Start, plan.Months); imp.closed >= 1 && imp.closed <= len(labels) {
			imp.closedSelect.SetSelected(labels[imp.closed-1])
		}
	}
	imp.merge()
}
