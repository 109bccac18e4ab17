//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputsNeverDestroy: the command line's outputs (issue 11): "-" is
// standard output, an export or import onto its own input is refused, and
// what planner.WriteFileAtomic refuses (a read-only file, a folder) is
// refused with the user's file named and nothing changed.
func TestOutputsNeverDestroy(t *testing.T) {
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.mixplan")
	if code, _, stderr := run(t, "", "sample", "--out", plan); code != ExitOK {
		t.Fatalf("sample: %s", stderr)
	}
	original, _ := os.ReadFile(plan)
	readOnly := filepath.Join(dir, "locked.xlsx")
	if err := os.WriteFile(readOnly, []byte("old"), 0o444); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "same.mixplan")
	if err := os.Symlink("plan.mixplan", link); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string // a part of it
		stderr string
	}{
		{"sample --out - writes to standard output", []string{"sample", "--out", "-"}, ExitOK, `"format": "mixplan"`, ""},
		{"export onto its plan is refused", []string{"export", "--xlsx", plan, plan}, ExitUsage, "", "would overwrite the input"},
		{"export onto a link to its plan is refused", []string{"export", "--pdf", link, plan}, ExitUsage, "", "would overwrite the input"},
		{"export --pdf onto its --xlsx is refused", []string{"export", "--xlsx", filepath.Join(dir, "a.x"), "--pdf", filepath.Join(dir, "a.x"), plan}, ExitUsage, "", "would overwrite the input"},
		{"import onto its workbook is refused", []string{"import", "--out", readOnly, readOnly}, ExitUsage, "", "would overwrite the input"},
		{"export to a read-only file is refused", []string{"export", "--xlsx", readOnly, plan}, ExitRefused, "", "saving " + readOnly + ": the file is read-only"},
		{"export to a folder says it is a folder", []string{"export", "--xlsx", dir, plan}, ExitRefused, "", "saving " + dir + ": it is a folder"},
		{"export --pdf - writes the PDF to standard output", []string{"export", "--pdf", "-", "--date", "2027-01-01", plan}, ExitOK, "%PDF-", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := run(t, "", tc.args...)
			if code != tc.code || !strings.Contains(stdout, tc.stdout) || !strings.Contains(stderr, tc.stderr) || strings.Contains(stderr, ".tmp") {
				t.Errorf("exit %d, stdout %.80q, stderr %q", code, stdout, stderr)
			}
			if got, _ := os.ReadFile(plan); string(got) != string(original) {
				t.Errorf("the plan was changed")
			}
			if got, _ := os.ReadFile(readOnly); string(got) != "old" {
				t.Errorf("the read-only file was changed")
			}
			if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
				t.Errorf("a file named - was written")
			}
		})
	}
}

// TestMinusZeroBudget: --budget -0 is a budget of 0 and prints as 0, not
// "-0" (issue 11).
func TestMinusZeroBudget(t *testing.T) {
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.mixplan")
	if code, _, stderr := run(t, "", "sample", "--out", plan); code != ExitOK {
		t.Fatalf("sample: %s", stderr)
	}
	_, stdout, stderr := run(t, "", "optimize", "--budget", "-0", plan)
	if strings.Contains(stdout+stderr, "-0") || !strings.Contains(stderr, "the budget of 0 does not cover") {
		t.Errorf("stdout %q, stderr %q", stdout, stderr)
	}
}
