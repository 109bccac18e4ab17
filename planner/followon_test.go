package planner_test

import (
	"strings"
	"testing"
)

// TestRootProblemsAlone: a problem that others follow from is reported
// alone (issue 11): a horizon out of range, not also every seasonality's
// length; a top level that is not an object, not also four empty fields; a
// version written as text, not also "must be 2". NaN and Infinity, which
// JSON has not, are named in words, and a huge input is not echoed whole.
func TestRootProblemsAlone(t *testing.T) {
	huge := strings.Repeat("X", 500)
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"horizon out of range", editV2(t, "months", 99), "months: must be between 1 and 60, not 99"},
		{"top level a list", []byte("[1,2]"), "must be an object, not a list"},
		{"version as text", editV2(t, "version", "1"), "version: must be a number, not text"},
		{"NaN", []byte(strings.Replace(string(teaBytes(t)), `"baseVolume": 60000`, `"baseVolume": NaN`, 1)),
			"numbers must be finite; NaN is not a number (line 27, column 18)"},
		{"Infinity", []byte(strings.Replace(string(teaBytes(t)), `"baseVolume": 60000`, `"baseVolume": -Infinity`, 1)),
			"numbers must be finite; -Infinity is not a number"},
		{"huge currency", editV2(t, "currency", huge),
			`currency: must be a three-letter ISO 4217 code in capitals such as EUR or USD, not "` + strings.Repeat("X", 79) + `…"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := problemsOf(t, tc.data)
			if len(ps) != 1 || !strings.HasPrefix(ps[0].String(), tc.want) {
				t.Errorf("want only %q, got %d problems: %v", tc.want, len(ps), ps)
			}
		})
	}
}
