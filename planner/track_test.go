package planner_test

import (
	"errors"
	"math"
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

// TestTrackRefitted: the re-fitted plan compiled is the latest estimate's
// model, and the closed months' spends are the ones recorded.
func TestTrackRefitted(t *testing.T) {
	plan, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	tk, err := planner.Track(plan)
	if err != nil {
		t.Fatal(err)
	}
	q := tk.Refitted(plan)
	if q.Promotions[0].Response.MaxUnits != tk.Calibration.Promotions[0].MaxUnits || q.Products[1].BaseVolume != tk.Calibration.Products[1].BaseVolume ||
		plan.Promotions[0].Response.MaxUnits != 26000 {
		t.Errorf("refitted %v / %v", q.Promotions[0].Response, q.Products[1].BaseVolume)
	}
	if got := tk.ClosedSpends[1]; len(got) != 4 || got[0] != 6200 || got[3] != 2900 {
		t.Errorf("social's closed spends %v", got)
	}
	if got := tk.ClosedSpends[2]; len(got) != 4 || math.Abs(got[0]-8000.0/12) > 1e-9 {
		t.Errorf("email spent as planned, got %v", got)
	}
}
