package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pdfTool runs a poppler tool on a file; the test fails when it is missing.
func pdfTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is missing: install poppler-utils to check the PDF export", name)
	}
	out, err := exec.Command(path, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	return string(out)
}

func TestExportPDF(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name     string
		args     []string
		pageSize string // as pdfinfo prints it, spaces collapsed
		text     []string
	}{
		{"default scenario and paper", []string{"testdata/tea.mixplan"}, "841.89 x 595.28 pts (A4)",
			[]string{"Scenario: Base", "Gamme thés bio 2027", "398 336 €"}},
		{"scenario and letter paper", []string{"--scenario", "low", "--paper", "letter", "testdata/tea.mixplan"}, "792 x 612 pts (letter)",
			[]string{"Scenario: Pessimiste", "262 785 €"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".pdf")
			code, stdout, stderr := run(t, "", append([]string{"export", "--pdf", out}, tc.args...)...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if stdout != "wrote "+out+"\n" {
				t.Errorf("stdout %q", stdout)
			}
			info := strings.Join(strings.Fields(pdfTool(t, "pdfinfo", out)), " ")
			if !strings.Contains(info, "Page size: "+tc.pageSize) {
				t.Errorf("pdfinfo:\n%s\nwant page size %s", info, tc.pageSize)
			}
			text := strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(pdfTool(t, "pdftotext", "-layout", out, "-"))
			for _, s := range tc.text {
				if !strings.Contains(text, s) {
					t.Errorf("the PDF lacks %q", s)
				}
			}
		})
	}
	t.Run("unwritable destination leaves nothing", func(t *testing.T) {
		out := filepath.Join(dir, "missing", "report.pdf")
		code, _, stderr := run(t, "", "export", "--pdf", out, "testdata/tea.mixplan")
		if code != ExitRefused || stderr == "" {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("a file was left at %s", out)
		}
	})
	t.Run("a fixed date gives the same bytes", func(t *testing.T) {
		var runs [2][]byte
		for i := range runs {
			out := filepath.Join(dir, "dated.pdf")
			if code, _, stderr := run(t, "", "export", "--pdf", out, "--date", "2027-03-01", "testdata/tea.mixplan"); code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			runs[i], _ = os.ReadFile(out)
		}
		if len(runs[0]) == 0 || string(runs[0]) != string(runs[1]) {
			t.Error("two exports with the same --date differ")
		}
		if text := pdfTool(t, "pdftotext", filepath.Join(dir, "dated.pdf"), "-"); !strings.Contains(text, "1 March 2027") {
			t.Error("the report does not print the date given")
		}
	})
	t.Run("bad date", func(t *testing.T) {
		code, _, stderr := run(t, "", "export", "--pdf", filepath.Join(dir, "x.pdf"), "--date", "01/03/2027", "testdata/tea.mixplan")
		if code != ExitUsage || !strings.Contains(stderr, "--date must be a day written YYYY-MM-DD") {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
	})
	t.Run("unknown scenario", func(t *testing.T) {
		code, _, stderr := run(t, "", "export", "--pdf", filepath.Join(dir, "x.pdf"), "--scenario", "mars", "testdata/tea.mixplan")
		if code != ExitRefused || !strings.Contains(stderr, `no scenario "mars"`) {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
	})
}

// TestExportPDFWarnsOfUnprintableNames checks that a report with names it
// cannot fully print is still written, and that standard error names the
// characters, field by field.
func TestExportPDFWarnsOfUnprintableNames(t *testing.T) {
	b, err := os.ReadFile("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), `"Search ads"`, `"Search ads 🚀"`, 1)
	s = strings.Replace(s, `"E-shop"`, `"חנות"`, 1)
	s = strings.Replace(s, `"Emailing"`, `"メール"`, 1) // prints in the CJK fallback
	dir := t.TempDir()
	plan, out := filepath.Join(dir, "plan.mixplan"), filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(plan, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "", "export", "--pdf", out, plan)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		`mixplan export: warning: places[0].name "חנות": the PDF prints these characters as � (right-to-left script ח נ ו ת)`,
		`mixplan export: warning: promotions[0].name "Search ads 🚀": the PDF prints these characters as � (emoji or symbol 🚀)`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %s:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "メール") {
		t.Errorf("a name the report prints is warned of:\n%s", stderr)
	}
	if !strings.Contains(pdfTool(t, "pdftotext", out, "-"), "メール") {
		t.Error("the Japanese name does not read back from the PDF")
	}
}
