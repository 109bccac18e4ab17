package ui

import (
	"fyne.io/fyne/v2"

	"mixplan/app/document"
	"mixplan/assets"
	"mixplan/planner"
)

// Run opens the window and returns when it is closed. With a file argument
// it opens that plan; without, the last plan opened, or the sample plan on a
// first run. A plan that cannot be opened is explained over the sample.
// After a crash it offers to restore the unsaved changes.
func Run(a fyne.App, args []string) {
	Setup(a)
	var failed string
	var failure error
	doc := firstDocument(a, args, &failed, &failure)
	w := NewWindow(a, doc, Options{})
	w.Show()
	if failure != nil {
		w.showOpenError(failed, failure)
	} else if path := doc.Path(); path != "" {
		addRecentFile(a.Preferences(), path)
		w.buildMenu()
	}
	w.offerRecovery()
	a.Run()
	w.rec.stop()
}

// Setup applies the saved language and theme and loads the translations;
// Run calls it, tests call it on their test app.
func Setup(a fyne.App) {
	useLanguage(a.Preferences().String(prefLanguage))
	applyTheme(a, a.Preferences().String(prefTheme))
}

// firstDocument picks the plan the window opens with.
func firstDocument(a fyne.App, args []string, failedPath *string, failure *error) *document.Document {
	if len(args) > 0 {
		if p, err := readPlanFile(args[0]); err == nil {
			if d, err := document.New(p, planFilePath(args[0])); err == nil {
				return d
			}
		} else {
			*failedPath, *failure = args[0], err
		}
	} else {
		for _, path := range recentFiles(a.Preferences()) {
			if p, err := readPlanFile(path); err == nil {
				if d, err := document.New(p, planFilePath(path)); err == nil {
					return d
				}
			}
		}
	}
	d, err := sampleDocument()
	if err != nil {
		panic("the embedded sample plan is invalid: " + err.Error())
	}
	return d
}

// planFilePath is the plan file a path stands for: itself, or none for a workbook.
func planFilePath(path string) string {
	if isWorkbook(path) {
		return ""
	}
	return path
}

// sampleDocument is the embedded sample plan, never saved.
func sampleDocument() (*document.Document, error) {
	p, err := planner.Parse(assets.SamplePlan)
	if err != nil {
		return nil, err
	}
	return document.New(p, "")
}
