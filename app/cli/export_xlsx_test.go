package cli

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mixplan/planner"
)

// TestExportXLSX: the workbook of the scenario asked for, with the engine's
// figures; nothing left behind when the export fails.
func TestExportXLSX(t *testing.T) {
	plan, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, sc := range []string{"base", "low"} {
		t.Run(sc, func(t *testing.T) {
			out := filepath.Join(dir, sc+".xlsx")
			code, stdout, stderr := run(t, "", "export", "--xlsx", out, "--scenario", sc, "testdata/tea.mixplan")
			if code != ExitOK || stdout != "wrote "+out+"\n" {
				t.Fatalf("exit %d, stdout %q, stderr %s", code, stdout, stderr)
			}
			f, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			want, _ := planner.Evaluate(plan, sc)
			cells := map[string]string{}
			for _, dn := range f.GetDefinedName() {
				cells[dn.Name] = dn.RefersTo
			}
			value := func(name string) string {
				sheet, cell, _ := strings.Cut(cells[name], "!")
				v, _ := f.GetCellValue(sheet, strings.ReplaceAll(cell, "$", ""), excelize.Options{RawCellValue: true})
				return v
			}
			if got := value("scenarioShown"); got != sc {
				t.Errorf("the workbook shows scenario %q", got)
			}
			got, err := strconv.ParseFloat(value("contribution"), 64)
			if w := want.Totals.Contribution; err != nil || math.Abs(got-w) > 1e-12*math.Abs(w) {
				t.Errorf("contribution %v, want %v", got, want.Totals.Contribution)
			}
		})
	}
	t.Run("unwritable destination leaves nothing", func(t *testing.T) {
		out := filepath.Join(dir, "missing", "plan.xlsx")
		code, _, stderr := run(t, "", "export", "--xlsx", out, "testdata/tea.mixplan")
		if code != ExitRefused || stderr == "" {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("a file was left at %s", out)
		}
	})
}
