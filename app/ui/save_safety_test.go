package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSaveRefusesWhatItMustNotReplace: the window's Save goes through the
// same checks as the command line (planner.WriteFileAtomic): a read-only
// file or a folder is refused with a sentence in the user's language, and
// the read-only file keeps its content and mode (issue 11).
func TestSaveRefusesWhatItMustNotReplace(t *testing.T) {
	t.Cleanup(func() { useLanguage("") })
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked.mixplan")
	if err := os.WriteFile(locked, []byte("old"), 0o444); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, language, path, says string }{
		{"read-only, English", "en", locked, "The file is read-only: Mixplan does not replace it."},
		{"read-only, French", "fr", locked, "Le fichier est en lecture seule\u00a0: Mixplan ne le remplace pas."},
		{"a folder", "en", dir, "This is a folder, not a file. Choose a file name."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			useLanguage(tc.language)
			if w.saveTo(tc.path) {
				t.Fatal("saved")
			}
			if lines := strings.Join(explainedLines(t, w), "\n"); !strings.Contains(lines, tc.says) {
				t.Errorf("the dialog says %q, want %q", lines, tc.says)
			}
			info, err := os.Stat(locked)
			if got, _ := os.ReadFile(locked); err != nil || string(got) != "old" || info.Mode().Perm() != 0o444 {
				t.Errorf("the read-only file was changed: %q, %v", got, info.Mode())
			}
		})
	}
}
