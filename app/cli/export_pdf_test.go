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
