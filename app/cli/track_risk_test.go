package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"mixplan/planner/numfmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"mixplan/planner"
)

// TestJSONAgainstTheContract checks the machine-readable outputs against the
// figures computed independently from the contract, every key to a relative
// 1e-9 (strings and booleans exactly), and the top-level keys in the
// contract's order.
func TestJSONAgainstTheContract(t *testing.T) {
	for _, tc := range []struct {
		name, expected string
		args           []string
		pick           string   // compare only this key of the output
		keys           []string // the output's top-level keys, in order
	}{
		{"report", "tea.base.report.json", []string{"report", "--json", "testdata/tea.mixplan"}, "",
			[]string{"plan", "scenario", "currency", "months", "totals", "targets", "products", "places", "promotions", "monthly"}},
		{"report, pessimistic", "tea.low.report.json", []string{"report", "--json", "--scenario", "low", "testdata/tea.mixplan"}, "", nil},
		{"report, optimistic", "tea.high.report.json", []string{"report", "--json", "--scenario", "high", "testdata/tea.mixplan"}, "", nil},
		{"track", "tea.track.json", []string{"track", "--json", "testdata/tea.mixplan"}, "",
			[]string{"through", "months", "credibility", "weight", "calibration", "plan", "latestEstimate", "variance", "targets", "monthly", "promotions", "products"}},
		{"risk's tornado", "tea.tornado.json", []string{"risk", "--json", "--draws", "200", "testdata/tea.mixplan"}, "tornado",
			[]string{"draws", "seed", "tornado", "totals", "targets", "monthlyCumulative"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := run(t, "", tc.args...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var got map[string]any
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatal(err)
			}
			var tree any = got
			if tc.pick != "" {
				tree = got[tc.pick]
			}
			want := readJSON(t, filepath.Join("testdata", "expected", tc.expected))
			for _, d := range diffJSON("", want, tree) {
				t.Error(d)
			}
			if tc.keys != nil {
				if order := topKeys(t, stdout); !reflect.DeepEqual(order, tc.keys) {
					t.Errorf("keys %v, want %v", order, tc.keys)
				}
			}
		})
	}
}

// TestTrackJSON: track --json prints exactly the engine's tracking.
func TestTrackJSON(t *testing.T) {
	plan, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := planner.Track(plan)
	code, stdout, stderr := run(t, "", "track", "--json", "testdata/tea.mixplan")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got planner.Tracking
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	got.Funnel, got.ClosedSpends = want.Funnel, want.ClosedSpends // not part of the JSON
	if !reflect.DeepEqual(&got, want) {
		t.Error("the JSON tracking differs from the engine's")
	}
}

// TestRiskJSON: risk --json prints the engine's answer for the draws and
// seed asked for, the same on every run.
func TestRiskJSON(t *testing.T) {
	plan, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		req  planner.RiskRequest
	}{
		{nil, planner.RiskRequest{Draws: planner.DefaultDraws, Seed: planner.DefaultSeed}},
		{[]string{"--draws", "300", "--seed", "9", "--scenario", "high"}, planner.RiskRequest{Draws: 300, Seed: 9, Scenario: "high"}},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			args := append(append([]string{"risk", "--json"}, tc.args...), "testdata/tea.mixplan")
			code, stdout, stderr := run(t, "", args...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var got planner.Risk
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatal(err)
			}
			want, err := planner.Simulate(t.Context(), plan, tc.req)
			if err != nil {
				t.Fatal(err)
			}
			for i := range got.Targets {
				got.Targets[i].Kind = want.Targets[i].Kind // not part of the JSON
			}
			if !reflect.DeepEqual(&got, want) {
				t.Errorf("the JSON answer differs from the engine's:\n%s", stdout)
			}
			if _, again, _ := run(t, "", args...); again != stdout {
				t.Error("a second run with the same seed prints another answer")
			}
		})
	}
}

// TestTrackAndRiskText compares the readable outputs with golden files.
func TestTrackAndRiskText(t *testing.T) {
	for _, tc := range []struct {
		name, golden string
		args         []string
	}{
		{"track of the worked example", "track-tea.txt", []string{"track", "testdata/tea.mixplan"}},
		{"risk of the worked example", "risk-tea.txt", []string{"risk", "--draws", "2000", "testdata/tea.mixplan"}},
		{"risk without ranges", "risk-no-ranges.txt", []string{"risk", "--draws", "10", "--scenario", "low", "testdata/tea-v1.mixplan"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := run(t, "", tc.args...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			golden(t, tc.golden, stdout)
		})
	}
	t.Run("the assumption that matters most, in words", func(t *testing.T) {
		_, stdout, _ := run(t, "", "risk", "--draws", "50", "testdata/tea.mixplan")
		euros := numfmt.Figures{Locale: "fr", Currency: "EUR"}.Money
		if !strings.Contains(stdout, "1. The base volume of Thé vert bio 100 g swings contribution by "+euros(75212)) ||
			!strings.Contains(stdout, "check that demand forecast first") ||
			!strings.Contains(stdout, "4. The price elasticity of Thé vert bio 100 g swings contribution by "+euros(15842)) {
			t.Errorf("the tornado is not told in words:\n%s", stdout)
		}
	})
}

func TestTrackAndRiskRefusals(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"track without a file", []string{"track"}, ExitUsage, "give one plan file"},
		{"track of a plan without actuals", []string{"track", "testdata/tea-v1.mixplan"}, ExitRefused, "the plan has no actuals"},
		{"track with an unknown flag", []string{"track", "--scenario", "low", "testdata/tea.mixplan"}, ExitUsage, "flag provided but not defined"},
		{"risk without a file", []string{"risk", "--draws", "10"}, ExitUsage, "give one plan file"},
		{"no draws", []string{"risk", "--draws", "0", "testdata/tea.mixplan"}, ExitUsage, "--draws must be a whole number from 1 to 1000000"},
		{"draws in words", []string{"risk", "--draws", "many", "testdata/tea.mixplan"}, ExitUsage, "--draws must be a whole number"},
		{"negative seed", []string{"risk", "--seed", "-1", "testdata/tea.mixplan"}, ExitUsage, "--seed must be a whole number ≥ 0"},
		{"unknown scenario", []string{"risk", "--scenario", "mars", "testdata/tea.mixplan"}, ExitRefused, `no scenario "mars"`},
		{"an invalid plan", []string{"risk", "-"}, ExitRefused, "ranges[0].of"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdin := ""
			if tc.args[len(tc.args)-1] == "-" {
				b, _ := os.ReadFile("testdata/tea.mixplan")
				stdin = strings.Replace(string(b), `"products.green.elasticity"`, `"products.mug.elasticity"`, 1)
			}
			code, _, stderr := run(t, stdin, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
		})
	}
	for _, name := range []string{"track", "risk"} {
		code, stdout, _ := run(t, "", "help", name)
		if code != ExitOK || !strings.Contains(stdout, "usage: mixplan "+name) {
			t.Errorf("help %s: exit %d\n%s", name, code, stdout)
		}
	}
}

func readJSON(t *testing.T, path string) any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// topKeys lists an object's keys in the order they are written.
func topKeys(t *testing.T, data string) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(data))
	var keys []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return keys
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				depth++
			} else {
				depth--
			}
		case string:
			if depth == 1 && dec.More() {
				keys = append(keys, v)
				// skip the value
				var skip json.RawMessage
				if err := dec.Decode(&skip); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// diffJSON lists every difference between two JSON trees: missing or extra
// keys, different strings or booleans, numbers further apart than 1e-9
// relative (1e-12 absolute near 0).
func diffJSON(path string, want, got any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: want an object, got %v", path, got)}
		}
		var out []string
		for k, wv := range w {
			gv, ok := g[k]
			if !ok {
				out = append(out, path+"."+k+": missing")
				continue
			}
			out = append(out, diffJSON(path+"."+k, wv, gv)...)
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				out = append(out, path+"."+k+": unexpected key")
			}
		}
		return out
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return []string{fmt.Sprintf("%s: want %d elements, got %v", path, len(w), got)}
		}
		var out []string
		for i := range w {
			out = append(out, diffJSON(fmt.Sprintf("%s[%d]", path, i), w[i], g[i])...)
		}
		return out
	case float64:
		g, ok := got.(float64)
		if !ok || math.Abs(g-w) > 1e-9*math.Max(math.Abs(w), math.Abs(g)) && math.Abs(g-w) > 1e-12 {
			return []string{fmt.Sprintf("%s: want %v, got %v", path, w, got)}
		}
		return nil
	default:
		if !reflect.DeepEqual(want, got) {
			return []string{fmt.Sprintf("%s: want %v, got %v", path, want, got)}
		}
		return nil
	}
}
