package cli

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"mixplan/planner"
)

func TestOptimizeCommand(t *testing.T) {
	noBudget := filepath.Join(t.TempDir(), "no-budget.mixplan")
	tea, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	open := tea.Clone()
	open.Targets.Budget = nil
	if err := planner.Save(open, noBudget); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"bad mode", []string{"optimize", "--mode", "profit", "testdata/tea.mixplan"}, ExitUsage, "", "--mode must be contribution or revenue or units"},
		{"bad flighting", []string{"optimize", "--flighting", "weekly", "testdata/tea.mixplan"}, ExitUsage, "", "--flighting must be fixed or free"},
		{"bad objective", []string{"optimize", "--objective", "median", "testdata/tea.mixplan"}, ExitUsage, "", "--objective must be plan or expected"},
		{"revenue without a budget", []string{"optimize", "--mode", "revenue", noBudget}, ExitRefused, "", "mode revenue needs a budget"},
		{"groups that cannot hold", []string{"optimize", "--budget", "170000", "testdata/tea.mixplan"}, ExitRefused, "",
			"the promotion budget of 13000; group digital spends at least 40000; group digital takes at most 70% of promotion"},
		{"rest of the year without actuals", []string{"optimize", "--rest-of-year", "testdata/tea-v1.mixplan"}, ExitRefused, "", "the rest of the year needs closed months"},
		{"free flighting", []string{"optimize", "--flighting", "free", "testdata/tea.mixplan"}, ExitOK, "Free flighting: the optimiser chose every month's spend.", ""},
		{"bad budget", []string{"optimize", "--budget", "lots", "testdata/tea.mixplan"}, ExitUsage, "", "--budget must be an amount"},
		{"negative budget", []string{"optimize", "--budget", "-5", "testdata/tea.mixplan"}, ExitUsage, "", "--budget must be an amount"},
		{"minimums over the budget", []string{"optimize", "--budget", "160000", "testdata/tea.mixplan"}, ExitRefused, "",
			"the channels' minimum spends add up to 7000, 4000 more than the promotion budget of 3000"},
		{"units without a budget", []string{"optimize", "--mode", "units", noBudget}, ExitRefused, "", "mode units needs a budget"},
		{"no budget, contribution", []string{"optimize", noBudget}, ExitOK, "No budget set", ""},
		{"unknown scenario", []string{"optimize", "--scenario", "mars", "testdata/tea.mixplan"}, ExitRefused, "", `no scenario "mars"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := run(t, "", tc.args...)
			if code != tc.code || !strings.Contains(stdout, tc.stdout) || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d (want %d)\nstdout: %s\nstderr: %s\nwant %q / %q", code, tc.code, stdout, stderr, tc.stdout, tc.stderr)
			}
		})
	}
}

// TestOptimizeJSON: --json prints exactly the engine's answer, with the
// contract's keys (§4), and reaches the contract's reference optimum of the
// worked example in every mode (testdata/expected, copied from the
// contract): the objective to 1e-6 of the reference's, the proof within
// 1e-6 above it, the promotion budget exactly.
func TestOptimizeJSON(t *testing.T) {
	tea, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, reference string
		args            []string
		req             planner.OptimizeRequest
	}{
		{"contribution", "contribution", nil, planner.OptimizeRequest{}},
		{"units", "units", []string{"--mode", "units"}, planner.OptimizeRequest{Mode: planner.ModeUnits}},
		{"revenue", "revenue", []string{"--mode", "revenue"}, planner.OptimizeRequest{Mode: planner.ModeRevenue}},
		{"free flighting", "free", []string{"--flighting", "free"}, planner.OptimizeRequest{Flighting: planner.FlightingFree}},
		{"rest of the year", "rest", []string{"--rest-of-year"}, planner.OptimizeRequest{RestOfYear: true}},
		{"budget and scenario", "", []string{"--budget", "350000", "--scenario", "high"}, planner.OptimizeRequest{Budget: planner.Float(350000), Scenario: "high"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := run(t, "", append(append([]string{"optimize", "--json"}, tc.args...), "testdata/tea.mixplan")...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var got map[string]any
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatal(err)
			}
			want, err := planner.Optimize(context.Background(), tea, tc.req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(want)
			var wantTree map[string]any
			json.Unmarshal(b, &wantTree)
			if !reflect.DeepEqual(got, wantTree) {
				t.Errorf("got %s\nwant %s", stdout, b)
			}
			checkKeys(t, "", got, []string{"mode", "flighting", "promotionBudget", "objective", "upperBound", "before", "after", "allocation"})
			for _, side := range []string{"before", "after"} {
				checkKeys(t, side, got[side].(map[string]any), []string{"promotion", "contribution", "netRevenue", "liftUnits"})
			}
			for _, a := range got["allocation"].([]any) {
				checkKeys(t, "allocation", a.(map[string]any), []string{"id", "spend", "monthlySpend", "liftUnits", "marginalRoi"})
			}
			if tc.reference == "" {
				return
			}
			var ref struct {
				B         float64
				Objective float64
			}
			if err := json.Unmarshal(readTestFile(t, "testdata/expected/tea.optimize-"+tc.reference+".json"), &ref); err != nil {
				t.Fatal(err)
			}
			objective, bound := got["objective"].(float64), got["upperBound"].(float64)
			tol := 1e-6 * math.Max(1, math.Abs(ref.Objective))
			if objective < ref.Objective-tol || bound < ref.Objective-1e-9*math.Abs(ref.Objective) || bound-objective > 1e-6*math.Max(1, math.Abs(objective)) {
				t.Errorf("objective %.12g, upper bound %.12g; the reference's optimum is %.12g", objective, bound, ref.Objective)
			}
			// With the rest of the year, B less the closed months' spends
			// (recorded, or as planned where not recorded).
			closed := 0.0
			if tc.req.RestOfYear {
				tk, err := planner.Track(tea)
				if err != nil {
					t.Fatal(err)
				}
				for _, spends := range tk.ClosedSpends {
					for _, s := range spends {
						closed += s
					}
				}
			}
			if pb := got["promotionBudget"].(float64); math.Abs(pb-(ref.B-closed)) > 1e-9*ref.B {
				t.Errorf("promotionBudget %v, want the reference's B %v less the closed months' %v", pb, ref.B, closed)
			}
		})
	}
}

// checkKeys holds a JSON object to exactly the keys given.
func checkKeys(t *testing.T, at string, obj map[string]any, keys []string) {
	t.Helper()
	for _, k := range keys {
		if _, ok := obj[k]; !ok {
			t.Errorf("%s: key %q missing", at, k)
		}
	}
	if len(obj) != len(keys) {
		t.Errorf("%s: keys %v, want exactly %v", at, obj, keys)
	}
}

func readTestFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOptimizeText(t *testing.T) {
	for _, tc := range []struct {
		name, golden string
		args         []string
	}{
		{"worked example, contribution", "optimize-tea.txt", []string{"optimize", "testdata/tea.mixplan"}},
		{"worked example, units, pessimistic", "optimize-tea-units-low.txt", []string{"optimize", "--mode", "units", "--scenario", "low", "testdata/tea.mixplan"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := run(t, "", tc.args...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			golden(t, tc.golden, stdout)
		})
	}
}

// TestOptimizeWrite: --write saves the plan with the new spends to OUT and
// leaves FILE alone.
func TestOptimizeWrite(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "tea.mixplan"), filepath.Join(dir, "tea-optimal.mixplan")
	original, err := os.ReadFile("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(in, original, 0o644)
	code, stdout, stderr := run(t, "", "optimize", "--write", out, in)
	if code != ExitOK || !strings.Contains(stdout, "Saved the plan with these spends to "+out) {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if after, _ := os.ReadFile(in); string(after) != string(original) {
		t.Error("--write changed the input file")
	}
	saved, err := planner.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	plan, _ := planner.Load(in)
	o, _ := planner.Optimize(context.Background(), plan, planner.OptimizeRequest{})
	for i, a := range o.Allocation {
		if saved.Promotions[i].Spend != a.Spend {
			t.Errorf("%s: saved spend %v, optimum %v", a.ID, saved.Promotions[i].Spend, a.Spend)
		}
	}
	saved.Promotions = plan.Promotions
	if a, b := mustMarshal(t, saved), mustMarshal(t, plan); a != b {
		t.Error("--write changed more than the spends")
	}
}

func mustMarshal(t *testing.T, p *planner.Plan) string {
	t.Helper()
	b, err := planner.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestPricesCommand(t *testing.T) {
	t.Run("json equals the engine's", func(t *testing.T) {
		code, stdout, stderr := run(t, "", "prices", "--json", "--scenario", "low", "testdata/tea.mixplan")
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var got struct{ Products []planner.PriceAdvice }
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			t.Fatal(err)
		}
		plan, _ := planner.Load("testdata/tea.mixplan")
		want, _ := planner.AdvisePrices(context.Background(), plan, "low")
		if !reflect.DeepEqual(got.Products, want) {
			t.Errorf("got %+v\nwant %+v", got.Products, want)
		}
		for _, key := range []string{`"id"`, `"listPrice"`, `"minListPrice"`, `"bestListPrice"`, `"atBound"`, `"contributionAtBest"`} {
			if !strings.Contains(stdout, key) {
				t.Errorf("%s missing", key)
			}
		}
	})
	t.Run("readable", func(t *testing.T) {
		code, stdout, stderr := run(t, "", "prices", "testdata/tea.mixplan")
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		golden(t, "prices-tea.txt", stdout)
		if !strings.Contains(stdout, "Demand for Coffret découverte « Œnologie du thé » is inelastic: contribution keeps rising up to the highest price tried") {
			t.Error("the inelastic product is not explained in words")
		}
	})
	t.Run("unknown scenario", func(t *testing.T) {
		if code, _, stderr := run(t, "", "prices", "--scenario", "x", "testdata/tea.mixplan"); code != ExitRefused || !strings.Contains(stderr, `no scenario "x"`) {
			t.Errorf("exit %d: %s", code, stderr)
		}
	})
}
