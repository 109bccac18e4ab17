package planner_test

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"mixplan/planner"
)

// TestReferenceAllocationsObjective evaluates the monthly spends the
// contract's reference found for the worked example (fixed flighting in
// each mode, and free flighting) with the compiled model's per-channel
// constants and monthly curves: the objective of §3.1 must come out as the
// reference computed it. This is what the solver integration builds on.
func TestReferenceAllocationsObjective(t *testing.T) {
	tea, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	m, err := planner.Compile(tea, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ file, mode string }{
		{"contribution", "contribution"}, {"units", "units"}, {"revenue", "revenue"}, {"free", "contribution"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var want struct {
				B         float64
				Objective float64
				Monthly   [][]float64
			}
			if err := json.Unmarshal(readFile(t, "testdata/expected/tea.optimize-"+tc.file+".json"), &want); err != nil {
				t.Fatal(err)
			}
			objective, promotion := 0.0, 0.0
			for c := range m.Channels {
				ch := &m.Channels[c]
				lift := ch.MonthlyLift(want.Monthly[c], make([]float64, len(want.Monthly[c])))
				spend := 0.0
				for _, s := range want.Monthly[c] {
					spend += s
				}
				promotion += spend
				switch tc.mode {
				case "contribution":
					objective += ch.Value*lift - spend
				case "units":
					objective += ch.UnitsPerLift * lift
				case "revenue":
					objective += ch.RevenuePerLift * lift
				}
			}
			if math.Abs(objective-want.Objective) > 1e-9*math.Abs(want.Objective) {
				t.Errorf("objective %.12g, the reference says %.12g", objective, want.Objective)
			}
			if want.B != 143000 || promotion > want.B*(1+1e-12) {
				t.Errorf("the reference's B %v, its spends %v", want.B, promotion)
			}
		})
	}
}

// TestCompiledGroups: the worked example's groups reach the optimiser as
// channel indices with their bounds, absent bounds as none.
func TestCompiledGroups(t *testing.T) {
	tea, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	m, err := planner.Compile(tea, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []planner.ChannelGroup{
		{ID: "digital", Channels: []int{0, 1, 2}, Min: 40000, Max: math.Inf(1), MinShare: 0, MaxShare: 0.7},
		{ID: "offline", Channels: []int{3, 4, 5}, Min: 0, Max: 110000, MinShare: 0, MaxShare: 1},
	}
	if !reflect.DeepEqual(m.Groups, want) {
		t.Errorf("groups %+v, want %+v", m.Groups, want)
	}
	social := m.Channels[1]
	if social.MaxPerMonth != 15000 || social.Carryover != 0.2 || social.Min != 0 || social.Max != 100000 {
		t.Errorf("social compiled as %+v", social)
	}
	if !math.IsInf(m.Channels[2].MaxPerMonth, 1) {
		t.Errorf("email has no cap, compiled %v", m.Channels[2].MaxPerMonth)
	}
}
