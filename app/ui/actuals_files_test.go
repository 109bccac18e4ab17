package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"mixplan/planner"
)

// TestImportActualsSeveralFilesCloseNewMonths closes May and June on a
// plan that records units, revenue and the search funnel (tea-units: the
// example's actuals without the measured lift). The finance ledger alone
// lacks the funnel, so the preview refuses; "Add another file…" adds the
// Google Ads export, the mapping dialog asks for its campaigns, and the
// two together are accepted. Removing the export brings the refusal back;
// adding it again asks nothing (the answers are remembered). Accept
// writes exactly what the command line writes for the same files:
//
//	mixplan actuals import --out expected/tea-units-june.mixplan --map campaigns.map.json \
//	  --closed 2027-06 tea-units.mixplan google-ads-daily.csv ledger-fr.xlsx
//
// run on 2027-08-15 (the day augustClock gives the window). One Undo
// restores the plan.
func TestImportActualsSeveralFilesCloseNewMonths(t *testing.T) {
	augustClock(t)
	plan, err := planner.Load("testdata/actuals/tea-units.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	w := openWindow(t, plan, "", "")
	before, _ := planner.Marshal(w.doc.Plan())
	const ledger, ads = "testdata/actuals/ledger-fr.xlsx", "testdata/actuals/google-ads-daily.csv"

	imp := w.importActuals(ledger)
	if imp == nil || imp.mappingDialog != nil || imp.preview == nil {
		t.Fatalf("the ledger's products are the plan's: want the preview at once, got %+v", imp)
	}
	if imp.closedSelect.Selected != "2027-06" {
		t.Errorf("closed through %q, want the ledger's last month 2027-06", imp.closedSelect.Selected)
	}
	seaRefused := "“sea” has impressions for some closed months but none for 2027-05, 2027-06"
	if !imp.accept.Disabled() || !strings.Contains(imp.problems.Text, seaRefused) {
		t.Fatalf("the ledger alone: accept disabled %v, problems:\n%s", imp.accept.Disabled(), imp.problems.Text)
	}
	if len(imp.removes) != 1 || !imp.removes[0].Disabled() {
		t.Errorf("one file: its Remove button must be disabled (%d buttons)", len(imp.removes))
	}

	// "Add another file…" opens the file picker.
	test.Tap(imp.addFile)
	picker, ok := w.lastDialog.(*dialog.FileDialog)
	if !ok {
		t.Fatalf("Add another file… showed %T, want a file dialog", w.lastDialog)
	}
	picker.Hide()
	// The picker gives its path to addPath, as here.
	imp.addPath(ads)
	if imp.mappingDialog == nil || len(imp.choices) != 3 {
		t.Fatalf("no mapping dialog for the export's three campaigns: %+v", imp.choices)
	}
	imp.choices[0].SetSelected("Leave out") // Display - Remarketing is not in the plan
	test.Tap(imp.next)
	if imp.accept.Disabled() {
		t.Fatalf("ledger + export refused:\n%s", imp.problems.Text)
	}
	for _, want := range []string{"ledger-fr.xlsx: 36 rows from 2027-01 to 2027-06", "google-ads-daily.csv: 183 rows from 2027-05 to 2027-06", "44 figures change."} {
		if !strings.Contains(imp.summary.Text, want) {
			t.Errorf("summary lacks %q:\n%s", want, imp.summary.Text)
		}
	}
	if rows, _ := imp.changeCount(); rows != 44 {
		t.Errorf("%d changes in the table, want the command line's 44", rows)
	}
	if len(imp.removes) != 2 || imp.removes[0].Disabled() || imp.removes[1].Disabled() {
		t.Errorf("two files: want two enabled Remove buttons")
	}
	imp.addPath("testdata/actuals/../actuals/ledger-fr.xlsx")
	if len(imp.paths) != 2 {
		t.Errorf("the ledger was added twice: %v", imp.paths)
	}
	capture(t, w, "4-two-files")

	// Removing the export brings the refusal back.
	test.Tap(imp.removes[1])
	if len(imp.paths) != 1 || !imp.accept.Disabled() || !strings.Contains(imp.problems.Text, seaRefused) {
		t.Fatalf("after removing the export: files %v, accept disabled %v, problems:\n%s", imp.paths, imp.accept.Disabled(), imp.problems.Text)
	}
	capture(t, w, "5-removed")
	if strings.Contains(imp.summary.Text, "google-ads-daily.csv") {
		t.Errorf("the removed export is still in the summary:\n%s", imp.summary.Text)
	}

	// Added again, its campaigns are known: nothing is asked.
	imp.mappingDialog = nil
	imp.addPath(ads)
	if imp.mappingDialog != nil {
		t.Error("the mapping dialog came back for names already answered")
	}
	if imp.accept.Disabled() {
		t.Fatalf("ledger + export refused the second time:\n%s", imp.problems.Text)
	}
	test.Tap(imp.accept)

	want, err := planner.Load("testdata/actuals/expected/tea-units-june.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := planner.Marshal(want)
	got, _ := planner.Marshal(w.doc.Plan())
	if string(got) != string(wantJSON) {
		t.Errorf("the window's plan differs from the command line's:\n%s", firstDifference(string(got), string(wantJSON)))
	}
	if a := w.doc.Plan().Actuals; a == nil || a.Through != 6 || a.Products["green"].Units[4] != want.Actuals.Products["green"].Units[4] {
		t.Errorf("not closed through June: %+v", a)
	}
	if w.doc.UndoLabel() != "Import actuals from ledger-fr.xlsx, google-ads-daily.csv" {
		t.Errorf("undo label %q", w.doc.UndoLabel())
	}
	w.undo()
	if after, _ := planner.Marshal(w.doc.Plan()); string(after) != string(before) {
		t.Errorf("one undo did not restore the plan:\n%s", firstDifference(string(after), string(before)))
	}
}

// firstDifference shows the first line where two texts differ.
func firstDifference(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d: %s ≠ %s", i+1, strings.TrimSpace(la[i]), strings.TrimSpace(lb[i]))
		}
	}
	return "one text is longer"
}

func TestActualsFilesWords(t *testing.T) {
	for _, tc := range []struct {
		name  string
		paths []string
		want  string
	}{
		{"one", []string{"/a/ads.csv"}, "ads.csv"},
		{"three named", []string{"/a/ads.csv", "b/ledger.xlsx", "lift.csv"}, "ads.csv, ledger.xlsx, lift.csv"},
		{"four counted", []string{"1.csv", "2.csv", "3.csv", "4.csv"}, "4 files"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := actualsFilesWords(tc.paths); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
