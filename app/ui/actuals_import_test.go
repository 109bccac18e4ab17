package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"mixplan/planner"
)

// augustClock makes May and June 2027 months that are over.
func augustClock(t *testing.T) {
	t.Helper()
	saved := actualsClock
	actualsClock = func() time.Time { return time.Date(2027, 8, 15, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { actualsClock = saved })
}

func teaWithActuals(t *testing.T) *planner.Plan {
	t.Helper()
	p, err := planner.Load("testdata/actuals/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// capture writes what the window shows to artifacts/actuals/NAME.png when
// MIXPLAN_SHOTS names a folder, to be looked at.
func capture(t *testing.T, w *Window, name string) {
	t.Helper()
	dir := os.Getenv("MIXPLAN_SHOTS")
	if dir == "" {
		return
	}
	img := w.win.Canvas().Capture()
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// TestImportActualsAsksNamesThenRefusesMissingMonths imports a Google Ads
// export of May and June: its campaigns are unknown, so the window asks
// which channel each is (closest first); closing June would leave the
// plan's other recorded figures without May and June, so the preview lists
// the problems and Accept stays disabled; nothing changes.
func TestImportActualsAsksNamesThenRefusesMissingMonths(t *testing.T) {
	augustClock(t)
	w := openWindow(t, teaWithActuals(t), "", "")
	before, _ := planner.Marshal(w.doc.Plan())
	imp := w.importActuals("testdata/actuals/google-ads-daily.csv")
	if imp == nil || imp.mappingDialog == nil || len(imp.choices) != 3 {
		t.Fatalf("no mapping dialog with three names: %+v", imp)
	}
	for i, want := range []string{"email — Emailing", "sea — Search ads", "sea — Search ads"} {
		if got := imp.choices[i].Selected; got != want {
			t.Errorf("name %d: %q chosen first, want %q", i, got, want)
		}
	}
	last := imp.choices[0].Options[len(imp.choices[0].Options)-1]
	if last != "Leave out" {
		t.Errorf("last option %q", last)
	}
	imp.choices[0].SetSelected("Leave out") // Display - Remarketing is not in the plan
	capture(t, w, "1-names")
	test.Tap(imp.next)
	if imp.preview == nil {
		t.Fatal("no preview")
	}
	if imp.closedSelect.Selected != "2027-06" {
		t.Errorf("closed through %q, want 2027-06 (the file's last month)", imp.closedSelect.Selected)
	}
	if !imp.accept.Disabled() || !strings.Contains(imp.problems.Text, "“sea” has measured lift for some closed months but none for 2027-05, 2027-06") {
		t.Errorf("accept disabled %v, problems:\n%s", imp.accept.Disabled(), imp.problems.Text)
	}
	capture(t, w, "2-refused")
	imp.closedSelect.SetSelected("2027-05")
	if !strings.Contains(imp.problems.Text, "google-ads-daily.csv lines 97–186 — 2027-06 is not closed") {
		t.Errorf("June rows not refused by line:\n%s", imp.problems.Text)
	}
	after, _ := planner.Marshal(w.doc.Plan())
	if string(before) != string(after) || w.doc.Dirty() {
		t.Error("a refused import changed the plan")
	}
	// The answers are remembered: the same export asks nothing next time.
	again := w.importActuals("testdata/actuals/google-ads-daily.csv")
	if again.mappingDialog != nil || again.preview == nil {
		t.Error("the mapping dialog came back for names already answered")
	}
}

// TestImportActualsAcceptIsOneUndoStep imports a French Meta export of
// January to April whose campaign name the window knows once mapped; Accept
// writes the social channel's spend and funnel, and one Undo takes it back.
func TestImportActualsAcceptIsOneUndoStep(t *testing.T) {
	augustClock(t)
	w := openWindow(t, teaWithActuals(t), "", "")
	imp := w.importActuals("testdata/actuals/meta-ads-jan-apr.csv")
	if imp == nil || imp.mappingDialog == nil || imp.choices[0].Selected != "social — Réseaux sociaux" {
		t.Fatalf("mapping dialog: %+v", imp)
	}
	test.Tap(imp.next)
	if imp.accept.Disabled() {
		t.Fatalf("accept disabled: %s", imp.problems.Text)
	}
	if imp.closedSelect.Selected != "2027-04" {
		t.Errorf("closed through %q, want the plan's 2027-04", imp.closedSelect.Selected)
	}
	rows, _ := imp.changeCount()
	if rows != 16 { // spend, impressions, clicks, conversions × 4 months
		t.Errorf("%d changes, want 16", rows)
	}
	capture(t, w, "3-preview")
	spendBefore := append([]float64(nil), w.doc.Plan().Actuals.Promotions["social"].Spend...)
	test.Tap(imp.accept)
	social := w.doc.Plan().Actuals.Promotions["social"]
	if len(social.Impressions) != 4 || social.Spend[0] == spendBefore[0] {
		t.Fatalf("social after accept: %+v", social)
	}
	// January's spend is the sum of the file's January rows, read here
	// independently.
	data, _ := os.ReadFile("testdata/actuals/meta-ads-jan-apr.csv")
	jan := 0.0
	for _, line := range strings.Split(string(data), "\r\n") {
		if f := strings.Split(line, ";"); len(f) > 2 && strings.HasSuffix(f[0], "/01/2027") {
			var v float64
			v, _ = parseFrench(f[2])
			jan += v
		}
	}
	if d := social.Spend[0] - jan; d > 1e-6 || d < -1e-6 {
		t.Errorf("January spend %v, the file says %v", social.Spend[0], jan)
	}
	if w.doc.UndoLabel() != "Import actuals from meta-ads-jan-apr.csv" {
		t.Errorf("undo label %q", w.doc.UndoLabel())
	}
	w.undo()
	if got := w.doc.Plan().Actuals.Promotions["social"]; got.Impressions != nil || got.Spend[0] != spendBefore[0] {
		t.Errorf("undo left %+v", got)
	}
}

// parseFrench reads "1 234,56" with a no-break space.
func parseFrench(s string) (float64, error) {
	s = strings.NewReplacer("\u00a0", "", " ", "", ",", ".").Replace(s)
	return strconv.ParseFloat(s, 64)
}

func TestImportActualsRefusesDamagedFile(t *testing.T) {
	augustClock(t)
	w := openWindow(t, teaWithActuals(t), "", "")
	path := filepath.Join(t.TempDir(), "notes.csv")
	os.WriteFile(path, []byte("Notes,Whatever\nhello,world\n"), 0o644)
	if imp := w.importActuals(path); imp != nil {
		t.Fatal("a file with no header was imported")
	}
	if w.lastDialog == nil {
		t.Fatal("no dialog says why")
	}
}

// TestImportActualsIntoAPlanWrittenAhead corrects the closed months of a
// plan whose months are still in the future by the clock (the worked
// example): they stay closed and the import is accepted.
func TestImportActualsIntoAPlanWrittenAhead(t *testing.T) {
	saved := actualsClock
	actualsClock = func() time.Time { return time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { actualsClock = saved })
	w := openWindow(t, teaWithActuals(t), "", "")
	imp := w.importActuals("testdata/actuals/meta-ads-jan-apr.csv")
	if imp == nil || imp.next == nil {
		t.Fatal("no mapping dialog")
	}
	test.Tap(imp.next)
	if imp.closedSelect.Selected != "2027-04" || len(imp.closedSelect.Options) != 1 || imp.accept.Disabled() {
		t.Errorf("closed %q of %v, accept disabled %v: %s", imp.closedSelect.Selected, imp.closedSelect.Options, imp.accept.Disabled(), imp.problems.Text)
	}
}
