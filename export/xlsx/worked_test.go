package xlsx

import (
	"os"
	"path/filepath"
	"testing"

	"mixplan/planner"
)

// workedExample is the contract's version-2 worked example (testdata/tea.mixplan,
// copied from the contract's examples): carryover, responsiveness, monthly
// caps, groups, four closed months of actuals and uncertainty ranges.
func workedExample(t testing.TB) *planner.Plan {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "tea.mixplan"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := planner.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
