package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mixplan/planner"
)

// exportBook writes the workbook of the worked example's version-1 plan
// (the workbook does not carry the fields version 2 adds yet) with the
// export command.
func exportBook(t *testing.T) string {
	t.Helper()
	book := filepath.Join(t.TempDir(), "tea.xlsx")
	if code, _, stderr := run(t, "", "export", "--xlsx", book, "testdata/tea-v1.mixplan"); code != ExitOK {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	return book
}

// TestImport: export then import gives the plan file back; --out writes it.
func TestImport(t *testing.T) {
	plan, err := planner.Load("testdata/tea-v1.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := planner.Marshal(plan)
	book := exportBook(t)
	t.Run("to standard output", func(t *testing.T) {
		code, stdout, stderr := run(t, "", "import", book)
		if code != ExitOK || stdout != string(want) {
			t.Errorf("exit %d, stderr %s\nstdout:\n%.300s", code, stderr, stdout)
		}
	})
	t.Run("to a file", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "back.mixplan")
		code, stdout, stderr := run(t, "", "import", book, "--out", out)
		if code != ExitOK || stdout != "wrote "+out+"\n" {
			t.Fatalf("exit %d, stdout %q, stderr %s", code, stdout, stderr)
		}
		if got, _ := os.ReadFile(out); string(got) != string(want) {
			t.Error("the written plan differs from the exported one")
		}
	})
	t.Run("from standard input", func(t *testing.T) {
		data, _ := os.ReadFile(book)
		code, stdout, _ := run(t, string(data), "import", "-")
		if code != ExitOK || stdout != string(want) {
			t.Errorf("exit %d", code)
		}
	})
}

// TestImportRefusals: exit 1 with every problem and its cell for an invalid
// edit, a clear message for other files, exit 2 for a wrong command line.
func TestImportRefusals(t *testing.T) {
	book := exportBook(t)
	edited := filepath.Join(t.TempDir(), "edited.xlsx")
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("Products", "D7", -3.0)     // a negative list price
	f.SetCellValue("Places", "K6", 0.5)        // green's shares no longer add up
	f.SetCellValue("Promotion", "D8", "a lot") // text for a spend
	if err := f.SaveAs(edited); err != nil {
		t.Fatal(err)
	}
	f.Close()
	notBook := filepath.Join(t.TempDir(), "notes.xlsx")
	os.WriteFile(notBook, []byte("just some notes"), 0o644)
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr []string
	}{
		{"invalid edits", []string{"import", edited}, ExitRefused, []string{
			"the workbook was refused, 3 problem(s):",
			"  Products!D7: must be greater than 0, not -3",
			`  Places!K10: the shares of product "green" over the places add up to 115.0000%, they must add up to 100%`,
			`  Promotion!D8: must be a number, not "a lot"`}},
		{"not a workbook", []string{"import", notBook}, ExitRefused, []string{"notes.xlsx: not an Excel workbook (.xlsx)"}},
		{"a plan file instead", []string{"import", "testdata/tea.mixplan"}, ExitRefused, []string{"not an Excel workbook"}},
		{"missing file", []string{"import", "nowhere.xlsx"}, ExitRefused, []string{"no such file"}},
		{"a folder", []string{"import", t.TempDir()}, ExitRefused, []string{"is a folder"}},
		{"no workbook", []string{"import"}, ExitUsage, []string{"give one workbook", "usage: mixplan import [--out FILE] BOOK.xlsx"}},
		{"two workbooks", []string{"import", book, book}, ExitUsage, []string{"give one workbook"}},
		{"unknown flag", []string{"import", "--output", "x", book}, ExitUsage, []string{"flag provided but not defined"}},
		{"unwritable output", []string{"import", "--out", filepath.Join(t.TempDir(), "no", "plan.mixplan"), book}, ExitRefused, []string{"no such file"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := run(t, "", tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstderr: %s", code, tc.code, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			for _, s := range tc.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
		})
	}
}
