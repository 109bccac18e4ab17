package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/document"
	"mixplan/planner"
)

func TestSaveAndReopen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "trail.mixplan")
	w := openWindow(t, samplePlan(t), "", "")
	ps := promotionOf(t, w)
	ps.list.Select(1)
	enter(ps.spend.Field, ps.spend.Field.Entry().SetText, "95000")
	edited, _ := planner.Marshal(w.doc.Plan())

	for _, step := range []struct {
		name      string
		do        func() bool
		wantTitle string
	}{
		{"unsaved edit", func() bool { return true }, "• Trail running range 2027 — Mixplan"},
		{"save", func() bool { return w.saveTo(path) }, "Trail running range 2027 — Mixplan"},
	} {
		t.Run(step.name, func(t *testing.T) {
			if !step.do() {
				t.Fatal("failed")
			}
			if w.win.Title() != step.wantTitle {
				t.Errorf("title %q, want %q", w.win.Title(), step.wantTitle)
			}
		})
	}
	if w.doc.Path() != path || !strings.Contains(w.fileStatus.Text, path) {
		t.Errorf("document path %q, status %q", w.doc.Path(), w.fileStatus.Text)
	}
	if got := recentFiles(w.app.Preferences()); len(got) == 0 || got[0] != path {
		t.Errorf("recent files %v, want %s first", got, path)
	}

	// Reopen in a fresh window, as after a restart.
	w2 := openWindow(t, samplePlan(t), "", "")
	w2.openPath(path)
	reopened, _ := planner.Marshal(w2.doc.Plan())
	if !bytes.Equal(reopened, edited) {
		t.Errorf("the reopened plan differs from the saved one")
	}
	if w2.doc.Dirty() || w2.doc.Path() != path || w2.win.Title() != "Trail running range 2027 — Mixplan" {
		t.Errorf("reopened: dirty %v path %q title %q", w2.doc.Dirty(), w2.doc.Path(), w2.win.Title())
	}
	ps2 := promotionOf(t, w2)
	ps2.list.Select(1)
	if got := ps2.spend.Field.Text(); got != "€95,000" {
		t.Errorf("reopened spend shows %q", got)
	}
}

func TestOpenRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.mixplan")
	os.WriteFile(broken, []byte(`{"format":"mixplan","version":1,"name":"","products":[{"id":"a","name":"A","unitCost":-1,"listPrice":0,"baseVolume":1}]}`), 0o644)
	folder := filepath.Join(dir, "plans.xlsx") // a folder named like a workbook
	os.Mkdir(folder, 0o755)
	for _, tc := range []struct {
		name  string
		path  string
		lines []string
	}{
		{"every problem listed", broken, []string{"The plan has 4 problems:", "• name — must not be empty",
			"• products[0].unitCost — must not be negative, not -1", "• products[0].listPrice — must be greater than 0, not 0",
			"• places — no place sells product \"a\": its shares over all places must add up to 1"}},
		{"a file that is gone", filepath.Join(dir, "gone.mixplan"), []string{"The file does not exist any more. It may have been moved or deleted."}},
		{"a folder named like a workbook", folder, []string{folder + " is a folder, not a workbook"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			before := w.doc.Plan()
			w.openPath(tc.path)
			if w.doc.Plan() != before {
				t.Errorf("a refused file replaced the plan")
			}
			if _, ok := w.lastDialog.(*dialog.CustomDialog); !ok {
				t.Fatalf("no error dialog")
			}
			got := explainedLines(t, w)
			for _, l := range tc.lines {
				if !contains(got, l) {
					t.Errorf("dialog says %q, missing %q", got, l)
				}
			}
		})
	}
}

// explainedLines returns the lines of the error dialog the window shows.
func explainedLines(t *testing.T, w *Window) []string {
	t.Helper()
	var lines []string
	for _, o := range test.LaidOutObjects(w.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			lines = append(lines, strings.Split(l.Text, "\n")...)
		}
	}
	return lines
}

func TestUnsavedChangesPrompt(t *testing.T) {
	for _, tc := range []struct {
		name      string
		press     func(p *unsavedPrompt)
		replaced  bool
		savedFile bool
	}{
		{"cancel keeps the plan and its changes", func(p *unsavedPrompt) { test.Tap(p.cancel) }, false, false},
		{"don't save starts the new plan", func(p *unsavedPrompt) { test.Tap(p.discard) }, true, false},
		{"save writes the file, then starts the new plan", func(p *unsavedPrompt) { test.Tap(p.save) }, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "plan.mixplan")
			if err := planner.Save(samplePlan(t), path); err != nil {
				t.Fatal(err)
			}
			w := openWindow(t, samplePlan(t), path, "")
			ps := promotionOf(t, w)
			ps.list.Select(0)
			enter(ps.spend.Field, ps.spend.Field.Entry().SetText, "100000")
			w.newPlan()
			if w.prompt == nil || w.lastDialog != w.prompt.dialog {
				t.Fatal("no question before losing unsaved changes")
			}
			tc.press(w.prompt)
			if replaced := w.doc.Plan().Name == "New plan"; replaced != tc.replaced {
				t.Errorf("plan replaced = %v, want %v", replaced, tc.replaced)
			}
			saved, _ := planner.Load(path)
			if got := saved.Promotions[0].Spend == 100000; got != tc.savedFile {
				t.Errorf("file has the change = %v, want %v", got, tc.savedFile)
			}
		})
	}
}

func TestNoPromptWithoutChanges(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	w.newPlan()
	if w.prompt != nil {
		t.Error("asked about unsaved changes on a clean plan")
	}
	p := w.doc.Plan()
	if p.Name != "New plan" || len(p.Products) != 1 || len(p.Places) != 1 || len(p.Promotions) != 1 {
		t.Errorf("new plan %+v", p)
	}
	if p.Start != time.Now().AddDate(1, 0, 0).Format("2006")+"-01" {
		t.Errorf("new plan starts %s", p.Start)
	}
	if w.doc.Dirty() || w.doc.UndoLabel() != "" || w.doc.Path() != "" {
		t.Errorf("a new plan is clean, with no history and no file")
	}
}

func TestExportPDF(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	w.SetScenario("downturn")
	path := filepath.Join(t.TempDir(), "report.pdf")
	if !w.exportTo(exportPDF, path) {
		t.Fatalf("export failed: %v", explainedLines(t, w))
	}
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %v", err)
	}
	if !strings.Contains(w.status.Text, "report.pdf") {
		t.Errorf("status %q", w.status.Text)
	}
}

// TestExportPDFWarnsOfUnprintableNames checks that a report whose names
// hold characters it cannot print is written, and that the window then says
// which characters, name by name.
func TestExportPDFWarnsOfUnprintableNames(t *testing.T) {
	p := samplePlan(t)
	p.Products[0].Name = "متجر"
	p.Promotions[0].Name = "Search 🚀"
	p.Promotions[1].Name = "緑茶" // prints, in the CJK fallback: no warning
	w := openWindow(t, p, "", "")
	path := filepath.Join(t.TempDir(), "report.pdf")
	if !w.exportTo(exportPDF, path) {
		t.Fatalf("export failed: %v", explainedLines(t, w))
	}
	if w.lastDialog == nil {
		t.Fatal("no dialog after an export with unprintable names")
	}
	text := dialogTexts(w)
	for _, want := range []string{`products[0].name "متجر"`, `promotions[0].name "Search 🚀"`, "emoji or symbol 🚀", "right-to-left script"} {
		if !strings.Contains(text, want) {
			t.Errorf("the dialog does not say %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "緑茶") {
		t.Errorf("the dialog warns of a CJK name the report prints:\n%s", text)
	}
}

func TestSuggestedNames(t *testing.T) {
	for _, tc := range []struct {
		name, plan, path, ext, want string
	}{
		{"from the plan's name", "Trail running range 2027", "", ".mixplan", "Trail running range 2027.mixplan"},
		{"unsafe characters replaced", `Q3/Q4: "push"`, "", ".pdf", "Q3-Q4- -push-.pdf"},
		{"from the plan's file", "x", "/home/a/plans/tea.mixplan", ".xlsx", "tea.xlsx"},
		{"empty name", "  ", "", ".mixplan", "plan.mixplan"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := samplePlan(t)
			p.Name = tc.plan
			doc, err := document.New(p, tc.path)
			if err != nil {
				t.Fatal(err)
			}
			if got := suggestedName(doc, tc.ext); got != tc.want {
				t.Errorf("suggestedName = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRecentFiles(t *testing.T) {
	a := test.NewTempApp(t)
	prefs := a.Preferences()
	for i := 0; i < 10; i++ {
		addRecentFile(prefs, filepath.Join("/plans", string(rune('a'+i))+".mixplan"))
	}
	addRecentFile(prefs, "/plans/c.mixplan")
	got := recentFiles(prefs)
	if len(got) != maxRecent || got[0] != "/plans/c.mixplan" || got[1] != "/plans/j.mixplan" {
		t.Errorf("recent files %v", got)
	}
	removeRecentFile(prefs, "/plans/j.mixplan")
	if contains(recentFiles(prefs), "/plans/j.mixplan") {
		t.Error("removed file still listed")
	}
}

// TestExcelRoundTrip exports a workbook and opens it back, as a manager
// who edited the workbook would: the plan comes back, with no plan file, so
// Save asks where to write one.
func TestExcelRoundTrip(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	path := filepath.Join(t.TempDir(), "Trail.xlsx")
	if !w.exportTo(exportExcel, path) {
		t.Fatalf("export failed: %v", explainedLines(t, w))
	}
	w2 := openWindow(t, samplePlan(t), "", "")
	w2.openPath(path)
	if w2.lastDialog != nil {
		t.Fatalf("opening the workbook failed: %v", explainedLines(t, w2))
	}
	want, _ := planner.Marshal(samplePlan(t))
	got, _ := planner.Marshal(w2.doc.Plan())
	if !bytes.Equal(got, want) {
		t.Errorf("the plan read back from the workbook differs")
	}
	if w2.doc.Path() != "" || w2.doc.Dirty() {
		t.Errorf("a workbook opened: path %q dirty %v; want no plan file", w2.doc.Path(), w2.doc.Dirty())
	}
	if got := recentFiles(w2.app.Preferences()); len(got) == 0 || got[0] != path {
		t.Errorf("recent files %v", got)
	}
}
