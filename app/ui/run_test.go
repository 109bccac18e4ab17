package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"mixplan/planner"
)

// TestFirstDocument: mixplan FILE opens FILE; mixplan alone opens the last
// plan that still opens, or the sample; a file that cannot be opened is
// reported over the sample.
func TestFirstDocument(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.mixplan")
	other := samplePlan(t)
	other.Name = "Last plan"
	if err := planner.Save(other, good); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.mixplan")
	os.WriteFile(broken, []byte("{"), 0o644)
	gone := filepath.Join(dir, "gone.mixplan")
	for _, tc := range []struct {
		name       string
		args       []string
		recent     []string
		wantName   string
		wantPath   string
		wantFailed string
	}{
		{"a file argument", []string{good}, nil, "Last plan", good, ""},
		{"a broken file argument", []string{broken}, []string{good}, "Trail running range 2027", "", broken},
		{"the last plan", nil, []string{good}, "Last plan", good, ""},
		{"the last plan that still opens", nil, []string{gone, broken, good}, "Last plan", good, ""},
		{"the sample on a first run", nil, nil, "Trail running range 2027", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Preferences().SetStringList(prefRecent, tc.recent)
			var failed string
			var failure error
			d := firstDocument(a, tc.args, &failed, &failure)
			if d.Plan().Name != tc.wantName || d.Path() != tc.wantPath || d.Dirty() {
				t.Errorf("opened %q from %q (dirty %v), want %q from %q", d.Plan().Name, d.Path(), d.Dirty(), tc.wantName, tc.wantPath)
			}
			if failed != tc.wantFailed || (failure != nil) != (tc.wantFailed != "") {
				t.Errorf("failure %q %v, want %q", failed, failure, tc.wantFailed)
			}
		})
	}
}
