package xlsx

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"mixplan/planner"
)

// TestTornadoInWorkbook: the Risk sheet holds the worked example's ranges
// as inputs and its tornado as the contract's expected output has it,
// largest swing first.
func TestTornadoInWorkbook(t *testing.T) {
	p := workedExample(t)
	f := openBytes(t, export(t, p, Options{}))
	data, err := os.ReadFile(filepath.Join("testdata", "tea.tornado.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want []planner.TornadoBar
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	if len(want) != len(p.Ranges) || len(want) == 0 {
		t.Fatalf("%d bars for %d ranges", len(want), len(p.Ranges))
	}
	for i, bar := range want {
		r := rkFirstRow + i
		if got := raw(t, f, sheetRisk, cellName(tdOf, r)); got != bar.Of {
			t.Errorf("bar %d is %q, want %q", i+1, got, bar.Of)
		}
		for col, w := range map[int]float64{tdLow: bar.Low, tdHigh: bar.High, tdContributionLow: bar.ContributionLow,
			tdContributionHigh: bar.ContributionHigh, tdSwing: bar.Swing} {
			if err := sameFigure(raw(t, f, sheetRisk, cellName(col, r)), &w, 0); err != nil {
				t.Errorf("bar %d (%s), %s: %v", i+1, bar.Of, riskHeaders[col], err)
			}
		}
	}
	for i, rg := range p.Ranges {
		r := rkFirstRow + i
		if got := raw(t, f, sheetRisk, cellName(rkOf, r)); got != rg.Of {
			t.Errorf("range %d is %q, want %q", i+1, got, rg.Of)
		}
		if formula, _ := f.GetCellFormula(sheetRisk, cellName(rkPlan, r)); formula == "" {
			t.Errorf("range %d: the plan's value is no formula to its input", i+1)
		}
	}
}
