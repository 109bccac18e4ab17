package ui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"mixplan/app/document"
	"mixplan/export/pdf"
	"mixplan/export/xlsx"
	"mixplan/planner"
)

// File extensions Mixplan reads and writes.
const (
	extPlan  = ".mixplan"
	extExcel = ".xlsx"
	extPDF   = ".pdf"
)

// newPlan starts a small plan to fill in, after asking about unsaved changes.
func (w *Window) newPlan() {
	w.confirmDiscard(func() {
		if err := w.doc.Replace(starterPlan(time.Now()), "", false); err != nil {
			w.env.ShowError(err)
		}
	})
}

// starterPlan is the plan File › New starts from: one product sold through
// one place with one promotion channel, so every screen has something to
// show, in the window's language and next year.
func starterPlan(now time.Time) *planner.Plan {
	locale := "en"
	if uiLanguage() == "fr" {
		locale = "fr"
	}
	return &planner.Plan{
		Name: lang.L("New plan"), Currency: "EUR", Locale: locale,
		Start: fmt.Sprintf("%d-01", now.Year()+1), Months: 12, DiscountRate: 0.10,
		Products: []planner.Product{{ID: "product-1", Name: lang.L("Product 1"), UnitCost: 10, ListPrice: 25,
			BaseVolume: 10000, ReferencePrice: 25, UnitsPerCustomer: 1}},
		Places: []planner.Place{{ID: "direct", Name: lang.L("Direct sales"), Share: map[string]float64{"product-1": 1}}},
		Promotions: []planner.Promotion{{ID: "search", Name: lang.L("Search ads"), Kind: "digital", Spend: 10000,
			Response: planner.Response{MaxUnits: 2000, HalfSpend: 20000, Shape: 1}}},
	}
}

// openDialog asks about unsaved changes, then for a plan or a Mixplan workbook to open.
func (w *Window) openDialog() {
	w.confirmDiscard(func() {
		w.fileOpenDialog([]string{extPlan, extExcel}, w.openPath).Show()
	})
}

// fileOpenDialog is a file picker, in the last folder used, for files
// with one of these extensions; the path chosen goes to then.
func (w *Window) fileOpenDialog(exts []string, then func(path string)) *dialog.FileDialog {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.env.ShowError(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		then(path)
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	w.setDialogFolder(d)
	d.Resize(fyne.NewSize(900, 620))
	return d
}

// openPath opens a plan file (.mixplan) or a workbook Mixplan exported
// (.xlsx). A plan that cannot be opened is reported and the current one stays.
func (w *Window) openPath(path string) {
	p, err := readPlanFile(path)
	if err != nil {
		w.showOpenError(path, err)
		if errors.Is(err, os.ErrNotExist) {
			removeRecentFile(w.app.Preferences(), path)
			w.buildMenu()
		}
		return
	}
	// A workbook is not a plan file: Save asks where to write one.
	if err := w.doc.Replace(p, planFilePath(path), false); err != nil {
		w.showOpenError(path, err)
		return
	}
	addRecentFile(w.app.Preferences(), path)
	w.buildMenu()
	w.setStatus(lang.L("Opened {{.File}}", map[string]any{"File": filepath.Base(path)}))
}

// readPlanFile reads a plan file or a Mixplan workbook.
func readPlanFile(path string) (*planner.Plan, error) {
	if !isWorkbook(path) {
		return planner.Load(path)
	}
	return xlsx.ReadFile(path)
}

// isWorkbook reports whether path names an Excel workbook.
func isWorkbook(path string) bool { return strings.EqualFold(filepath.Ext(path), extExcel) }

// save writes the plan to its file, or asks for one; then calls done (if
// not nil) with whether it was saved.
func (w *Window) save(done func(saved bool)) {
	if w.doc.Path() == "" {
		w.saveAsDialog(done)
		return
	}
	ok := w.saveTo(w.doc.Path())
	if done != nil {
		done(ok)
	}
}

// saveTo writes the plan to path (atomically) and makes it the plan's file.
func (w *Window) saveTo(path string) bool {
	if err := planner.Save(w.doc.Plan(), path); err != nil {
		w.showSaveError(path, err)
		return false
	}
	w.doc.MarkSaved(path)
	addRecentFile(w.app.Preferences(), path)
	w.buildMenu()
	w.rec.clear()
	w.setStatus(lang.L("Saved at {{.Time}}", map[string]any{"Time": time.Now().Format("15:04")}))
	return true
}

// saveAsDialog asks where to save the plan, then saves it there.
func (w *Window) saveAsDialog(done func(saved bool)) {
	w.fileSaveDialog(extPlan, func(path string) {
		ok := w.saveTo(path)
		if done != nil {
			done(ok)
		}
	}, func() {
		if done != nil {
			done(false)
		}
	})
}

// Exports the File menu offers.
type exportKind int

const (
	exportExcel exportKind = iota
	exportPDF
)

func (k exportKind) ext() string {
	if k == exportPDF {
		return extPDF
	}
	return extExcel
}

// exportDialog asks where to write the workbook or the report, then writes it.
func (w *Window) exportDialog(k exportKind) {
	w.fileSaveDialog(k.ext(), func(path string) { w.exportTo(k, path) }, nil)
}

// exportTo writes the plan as a workbook or a PDF report at path, for the
// scenario shown. The export is built in memory first, so a failure leaves
// no half-written file.
func (w *Window) exportTo(k exportKind, path string) bool {
	var buf bytes.Buffer
	var err error
	var unprintable []string
	if k == exportPDF {
		warn := func(m string) { unprintable = append(unprintable, m) }
		err = pdf.Write(&buf, w.doc.Plan(), pdf.Options{Scenario: w.doc.Scenario(), Warn: warn})
	} else {
		err = xlsx.Write(&buf, w.doc.Plan(), xlsx.Options{Scenario: w.doc.Scenario()})
	}
	if err == nil {
		err = planner.WriteFileAtomic(path, buf.Bytes())
	}
	if err != nil {
		w.showExportError(path, err)
		return false
	}
	w.setStatus(lang.L("Exported {{.File}}", map[string]any{"File": filepath.Base(path)}))
	if len(unprintable) > 0 {
		// The report is written; the person learns which names print with �.
		title := lang.L("Exported {{.File}}: some characters could not be printed", map[string]any{"File": filepath.Base(path)})
		text := lang.L("The report prints these names with � in place of the characters below; rename them or accept the report as it is.")
		w.showDialog(func(parent fyne.Window) dialog.Dialog {
			return dialog.NewInformation(title, text+"\n\n"+strings.Join(unprintable, "\n"), parent)
		})
	}
	return true
}

// fileSaveDialog asks for a file to write with extension ext, suggesting
// the plan's name in the plan's folder. Fyne's dialog creates the file it
// is given; when the person left out the extension, that empty file is
// removed and the extension added (asking before replacing a file).
func (w *Window) fileSaveDialog(ext string, chosen func(path string), canceled func()) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			w.env.ShowError(err)
			return
		}
		if wc == nil {
			if canceled != nil {
				canceled()
			}
			return
		}
		path := wc.URI().Path()
		wc.Close()
		if strings.EqualFold(filepath.Ext(path), ext) {
			chosen(path)
			return
		}
		if info, err := os.Stat(path); err == nil && info.Size() == 0 {
			os.Remove(path)
		}
		path += ext
		if _, err := os.Stat(path); err == nil {
			w.env.Confirm(lang.L("Replace file?"),
				lang.L("“{{.File}}” already exists. Replace it?", map[string]any{"File": filepath.Base(path)}),
				lang.L("Replace"), func() { chosen(path) })
			return
		}
		chosen(path)
	}, w.win)
	d.SetFileName(suggestedName(w.doc, ext))
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	w.setDialogFolder(d)
	d.Resize(fyne.NewSize(900, 620))
	d.Show()
}

// suggestedName is the file name a save dialog proposes: the plan file's
// name, or the plan's name made safe for file systems.
func suggestedName(doc *document.Document, ext string) string {
	if p := doc.Path(); p != "" {
		return strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)) + ext
	}
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, strings.TrimSpace(doc.Plan().Name))
	if name == "" {
		name = "plan"
	}
	return name + ext
}

// setDialogFolder starts a file dialog in the plan's folder, if it has one.
func (w *Window) setDialogFolder(d *dialog.FileDialog) {
	dir := ""
	if p := w.doc.Path(); p != "" {
		dir = filepath.Dir(p)
	} else if r := recentFiles(w.app.Preferences()); len(r) > 0 {
		dir = filepath.Dir(r[0])
	}
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}

// Recent files, newest first, in the preferences.
const (
	prefRecent = "recentFiles"
	maxRecent  = 8
)

func recentFiles(prefs fyne.Preferences) []string { return prefs.StringList(prefRecent) }

func addRecentFile(prefs fyne.Preferences, path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := []string{path}
	for _, p := range recentFiles(prefs) {
		if !samePath(p, path) && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	prefs.SetStringList(prefRecent, list)
}

func removeRecentFile(prefs fyne.Preferences, path string) {
	var list []string
	for _, p := range recentFiles(prefs) {
		if p != path {
			list = append(list, p)
		}
	}
	prefs.SetStringList(prefRecent, list)
}

func clearRecentFiles(prefs fyne.Preferences) { prefs.SetStringList(prefRecent, nil) }

// samePath reports whether two clean absolute paths name one file as far as
// their text tells: on Windows letter case does not count.
func samePath(a, b string) bool {
	if runtime.GOOS == "windows" {
		return strings.EqualFold(a, b)
	}
	return a == b
}
