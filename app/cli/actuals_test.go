package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mixplan/planner"
)

// inAugust2027 sets the clock to a day when the first half of 2027 is over.
func inAugust2027(t *testing.T) {
	t.Helper()
	saved := today
	today = func() time.Time { return time.Date(2027, 8, 15, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { today = saved })
}

const actualsDir = "testdata/actuals/"

// copyPlan copies the worked example to a temporary folder and returns its path.
func copyPlan(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "tea.mixplan")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestActualsImport(t *testing.T) {
	inAugust2027(t)
	files := []string{actualsDir + "google-ads-daily.csv", actualsDir + "meta-ads-fr.csv", actualsDir + "ledger-fr.xlsx", actualsDir + "lift-study-fr.csv"}
	for _, tc := range []struct {
		name   string
		args   func(plan, out string) []string
		code   int
		stdout []string // pieces of standard output
		stderr []string // pieces of standard error
		writes string   // "out", "plan" or "" (nothing written)
	}{
		{"preview writes nothing", func(plan, out string) []string {
			return append([]string{"import", "--map", actualsDir + "campaigns.map.json", "--closed", "2027-06", plan}, files...)
		}, ExitOK, []string{"google-ads-daily.csv: 183 rows, 3 channel names, 2027-05 to 2027-06 (Cost, Impr., Clicks, Conversions); not read: Campaign state, Currency code",
			"ledger-fr.xlsx: 36 rows, 3 product names, 2027-01 to 2027-06 (Unités, CA); not read: Compte",
			"Closed months: 2027-01 to 2027-06 (was to 2027-04)", "Spend as planned in the newly closed months (no file gives it): plv",
			"Nothing written: give --out FILE"}, nil, ""},
		{"to another file", func(plan, out string) []string {
			return append([]string{"import", "--out", out, "--map", actualsDir + "campaigns.map.json", "--closed", "2027-06", plan}, files...)
		}, ExitOK, []string{"wrote "}, nil, "out"},
		{"over the plan when asked", func(plan, out string) []string {
			return append([]string{"import", "--out", plan, "--map", actualsDir + "campaigns.map.json", "--closed", "2027-06", plan}, files...)
		}, ExitOK, []string{"wrote "}, nil, "plan"},
		{"unknown campaigns", func(plan, out string) []string {
			return []string{"import", "--out", out, "--closed", "2027-06", plan, actualsDir + "google-ads-daily.csv"}
		}, ExitRefused, nil, []string{`google-ads-daily.csv lines 4, 7, 10, 13, 16, 19, 22, 25 and 53 more: "Search | Brand FR" is no channel of the plan (closest: sea,`,
			`"Search | Brand FR": "sea",`, "null instead of an id leaves a name out"}, ""},
		{"months not closed", func(plan, out string) []string {
			return []string{"import", "--out", out, "--map", actualsDir + "campaigns.map.json", plan, actualsDir + "google-ads-daily.csv"}
		}, ExitRefused, nil, []string{"google-ads-daily.csv lines 4–96: 2027-05 is not closed (the last closed month is 2027-04)",
			"google-ads-daily.csv lines 97–186: 2027-06 is not closed"}, ""},
		{"a data file as --out", func(plan, out string) []string {
			return []string{"import", "--out", actualsDir + "meta-ads-fr.csv", plan, actualsDir + "meta-ads-fr.csv"}
		}, ExitUsage, nil, []string{"is a data file"}, ""},
		{"no data file", func(plan, out string) []string { return []string{"import", plan} }, ExitUsage, nil, []string{"at least one data file"}, ""},
		{"closed outside the plan", func(plan, out string) []string {
			return []string{"import", "--closed", "2029-01", plan, actualsDir + "meta-ads-fr.csv"}
		}, ExitUsage, nil, []string{"outside the plan"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plan := copyPlan(t)
			out := filepath.Join(filepath.Dir(plan), "tea-june.mixplan")
			before, _ := os.ReadFile(plan)
			code, stdout, stderr := run(t, "", append([]string{"actuals"}, tc.args(plan, out)...)...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout %s\nstderr %s", code, tc.code, stdout, stderr)
			}
			for _, s := range tc.stdout {
				if !strings.Contains(stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout)
				}
			}
			for _, s := range tc.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
			if tc.name == "preview writes nothing" && !hasFields(stdout, "green", "units", "2027-01", "6\u202f050", "5\u202f239") {
				t.Errorf("no line says green's January units go from 6 050 to 5 239:\n%s", stdout)
			}
			after, _ := os.ReadFile(plan)
			_, outErr := os.Stat(out)
			switch tc.writes {
			case "out":
				p, err := planner.Load(out)
				if err != nil || p.Actuals.Through != 6 || string(after) != string(before) {
					t.Errorf("out: %v, plan changed: %v", err, string(after) != string(before))
				}
			case "plan":
				p, err := planner.Load(plan)
				if err != nil || p.Actuals.Through != 6 || outErr == nil {
					t.Errorf("plan: %v", err)
				}
			default:
				if string(after) != string(before) || outErr == nil {
					t.Errorf("something was written: plan changed %v, out exists %v", string(after) != string(before), outErr == nil)
				}
			}
		})
	}
}

// hasFields reports whether a line of text has exactly these
// space-separated fields.
func hasFields(text string, fields ...string) bool {
	for _, line := range strings.Split(text, "\n") {
		words := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' }) // not U+202F, a thousands separator
		if strings.Join(words, "|") == strings.Join(fields, "|") {
			return true
		}
	}
	return false
}
