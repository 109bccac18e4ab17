package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestRecentFilesWindowsPaths: recent files keep Windows paths as Windows
// writes them, and one file typed in another letter case or with slashes is
// one entry, moved to the top.
func TestRecentFilesWindowsPaths(t *testing.T) {
	const plan = `C:\Users\Zoé\Mes documents\plan été.mixplan`
	for _, tc := range []struct {
		name  string
		added []string
		want  []string
	}{
		{"a path with a drive, spaces and accents", []string{plan}, []string{plan}},
		{"another letter case is the same file",
			[]string{plan, `D:\Board\plan.mixplan`, `c:\users\ZOÉ\mes documents\PLAN ÉTÉ.mixplan`},
			[]string{`c:\users\ZOÉ\mes documents\PLAN ÉTÉ.mixplan`, `D:\Board\plan.mixplan`}},
		{"slashes are backslashes", []string{plan, `C:/Users/Zoé/Mes documents/plan été.mixplan`}, []string{plan}},
		{"another file", []string{plan, `C:\Users\Zoé\Mes documents\plan hiver.mixplan`},
			[]string{`C:\Users\Zoé\Mes documents\plan hiver.mixplan`, plan}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			prefs := test.NewTempApp(t).Preferences()
			for _, p := range tc.added {
				addRecentFile(prefs, p)
			}
			if got := recentFiles(prefs); !slices.Equal(got, tc.want) {
				t.Errorf("recent files %q, want %q", got, tc.want)
			}
		})
	}
}
