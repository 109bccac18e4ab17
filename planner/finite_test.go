package planner

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestCheckFiniteNamesTheFigure(t *testing.T) {
	type inner struct {
		Lift  float64 `json:"liftUnits"`
		Until Maybe   `json:"paybackMonth"`
	}
	type outer struct {
		Total   float64            `json:"contribution"`
		Monthly []inner            `json:"monthly"`
		ByID    map[string]float64 `json:"byId"`
		Hidden  float64            `json:"-"`
		Plain   *inner
	}
	good := func() outer {
		return outer{Total: 1, Monthly: []inner{{Lift: 2}, {Lift: 3, Until: Maybe{}}}, ByID: map[string]float64{"a": 1}, Plain: &inner{}}
	}
	for _, tc := range []struct {
		name string
		edit func(*outer)
		path string // "" when the figures are all finite
	}{
		{"all finite", func(*outer) {}, ""},
		{"an undefined Maybe does not count", func(o *outer) { o.Monthly[1].Until = Maybe{Value: math.NaN()} }, ""},
		{"a field left out of JSON does not count", func(o *outer) { o.Hidden = math.Inf(1) }, ""},
		{"top-level field", func(o *outer) { o.Total = math.NaN() }, "contribution"},
		{"in a slice", func(o *outer) { o.Monthly[1].Lift = math.Inf(-1) }, "monthly[1].liftUnits"},
		{"a defined Maybe", func(o *outer) { o.Monthly[0].Until = Some(math.Inf(1)) }, "monthly[0].paybackMonth"},
		{"in a map", func(o *outer) { o.ByID["a"] = math.NaN() }, "byId.a"},
		{"through a pointer, no JSON tag", func(o *outer) { o.Plain.Lift = math.NaN() }, "Plain.liftUnits"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := good()
			tc.edit(&o)
			err := checkFinite("report", &o)
			if tc.path == "" {
				if err != nil {
					t.Fatalf("refused finite figures: %v", err)
				}
				return
			}
			if !errors.Is(err, ErrNotFinite) || !strings.Contains(err.Error(), "the report's "+tc.path+" overflows") {
				t.Fatalf("got %v, want ErrNotFinite naming %s", err, tc.path)
			}
		})
	}
}

// TestCheckFiniteAllocatesNothing: the check runs after every evaluation
// (every edit in the window), so a finite report must cost no allocation.
func TestCheckFiniteAllocatesNothing(t *testing.T) {
	p, err := Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Evaluate(p, "")
	if err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(10, func() { _ = checkFinite("report", r) }); n != 0 {
		t.Errorf("checkFinite allocated %v times on a finite report", n)
	}
}
