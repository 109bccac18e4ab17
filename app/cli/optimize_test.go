package cli

import (
	"context"
	"encoding/json"
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
		{"bad mode", []string{"optimize", "--mode", "revenue", "testdata/tea.mixplan"}, ExitUsage, "", "--mode must be contribution or units"},
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

// TestOptimizeJSON: --json prints exactly the engine's answer.
func TestOptimizeJSON(t *testing.T) {
	tea, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		req  planner.OptimizeRequest
	}{
		{"contribution", nil, planner.OptimizeRequest{}},
		{"units", []string{"--mode", "units"}, planner.OptimizeRequest{Mode: planner.ModeUnits}},
		{"budget and scenario", []string{"--budget", "350000", "--scenario", "high"}, planner.OptimizeRequest{Budget: planner.Float(350000), Scenario: "high"}},
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
			for _, key := range []string{"mode", "promotionBudget", "before", "after", "allocation"} {
				if _, ok := got[key]; !ok {
					t.Errorf("key %q missing", key)
				}
			}
			if len(got) != 5 {
				t.Errorf("keys %v, want exactly the contract's five", got)
			}
		})
	}
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
