package planner_test

import (
	"errors"
	"path/filepath"
	"testing"

	"mixplan/planner"
)

// TestTrackWorkedExample checks every key of `track --json` against the
// figures computed independently from the contract.
func TestTrackWorkedExample(t *testing.T) {
	plan, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	tk, err := planner.Track(plan)
	if err != nil {
		t.Fatal(err)
	}
	want := readTree(t, filepath.Join("testdata", "expected", "tea.track.json"))
	for _, d := range diffTrees("", want, toTree(t, tk), 1e-9) {
		t.Error(d)
	}
	if tk.Calibration.Promotions == nil || tk.Promotions == nil {
		t.Error("lists must be lists, even empty")
	}
}

func TestTrackWithoutActuals(t *testing.T) {
	plan, err := planner.Load("testdata/v1/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := planner.Track(plan); !errors.Is(err, planner.ErrNoActuals) {
		t.Errorf("got %v, want ErrNoActuals", err)
	}
}
