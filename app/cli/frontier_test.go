package cli

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"mixplan/planner"
)

// TestFrontierJSON: --json prints exactly the engine's frontier with the
// contract's keys (§4), every point's and every reach's.
func TestFrontierJSON(t *testing.T) {
	tea, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "", "frontier", "--json", "--steps", "5", "--from", "250000", "testdata/tea.mixplan")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	want, err := planner.Frontier(context.Background(), tea, planner.FrontierRequest{From: planner.Float(250000), Steps: 5})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(want)
	var wantTree map[string]any
	json.Unmarshal(b, &wantTree)
	if !reflect.DeepEqual(got, wantTree) {
		t.Errorf("got %s\nwant %s", stdout, b)
	}
	checkKeys(t, "", got, []string{"mode", "flighting", "points", "reach"})
	points := got["points"].([]any)
	if len(points) != 5 {
		t.Fatalf("%d points, want 5", len(points))
	}
	for _, pt := range points {
		checkKeys(t, "points", pt.(map[string]any), []string{"budget", "promotionBudget", "objective", "upperBound", "promotion",
			"netRevenue", "contribution", "romi", "cac", "liftUnits", "targetsMet"})
	}
	for _, rc := range got["reach"].([]any) {
		checkKeys(t, "reach", rc.(map[string]any), []string{"target", "goal", "budget", "reached"})
	}
}

func TestFrontierCommand(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"readable", []string{"frontier", "--steps", "3", "testdata/tea.mixplan"}, ExitOK, "cannot meet the constraints", ""},
		{"reach in words", []string{"frontier", "--steps", "3", "testdata/tea.mixplan"}, ExitOK, "is out of reach: even the last budget brings", ""},
		{"bad steps", []string{"frontier", "--steps", "0", "testdata/tea.mixplan"}, ExitUsage, "", "--steps must be a whole number from 1 to 10000"},
		{"bad from", []string{"frontier", "--from", "x", "testdata/tea.mixplan"}, ExitUsage, "", "--from must be an amount"},
		{"last below first", []string{"frontier", "--from", "500000", "--to", "400000", "testdata/tea.mixplan"}, ExitRefused, "", "below its first"},
		{"bad mode", []string{"frontier", "--mode", "profit", "testdata/tea.mixplan"}, ExitUsage, "", "--mode must be"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := run(t, "", tc.args...)
			if code != tc.code || !strings.Contains(stdout, tc.stdout) || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d (want %d)\nstdout: %s\nstderr: %s\nwant %q / %q", code, tc.code, stdout, stderr, tc.stdout, tc.stderr)
			}
		})
	}
}
