package planner_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"mixplan/planner"
	"mixplan/planner/plangen"
)

func TestSaveLoadRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		plan func(t *testing.T) *planner.Plan
	}{
		{"worked example", func(t *testing.T) *planner.Plan {
			p, err := planner.Load("testdata/tea.mixplan")
			if err != nil {
				t.Fatal(err)
			}
			return p
		}},
		{"version-1 worked example", func(t *testing.T) *planner.Plan {
			p, err := planner.Load("testdata/v1/tea.mixplan")
			if err != nil {
				t.Fatal(err)
			}
			return p
		}},
		{"generated plan", func(*testing.T) *planner.Plan {
			return plangen.Generate(plangen.Size{Products: 30, Places: 5, Promotions: 12, Months: 18, Scenarios: 3}, 7)
		}},
		{"minimal plan", func(t *testing.T) *planner.Plan {
			p, err := planner.Parse([]byte(minimal))
			if err != nil {
				t.Fatal(err)
			}
			return p
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.plan(t)
			path := filepath.Join(t.TempDir(), "plan.mixplan")
			if err := planner.Save(p, path); err != nil {
				t.Fatal(err)
			}
			back, err := planner.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(p, back) {
				t.Errorf("the plan changed in a save and load:\n%+v\n%+v", p, back)
			}
		})
	}
}

func TestSaveKeepsOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.mixplan")
	if err := os.WriteFile(path, teaBytes(t), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := planner.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("invalid plan is not written", func(t *testing.T) {
		bad := p.Clone()
		bad.Products[0].ListPrice = -1
		var v *planner.ValidationError
		if err := planner.Save(bad, path); !errors.As(err, &v) {
			t.Fatalf("got %v, want a validation error", err)
		}
		if got, _ := os.ReadFile(path); string(got) != string(teaBytes(t)) {
			t.Error("the old file was changed")
		}
	})
	t.Run("unwritable folder leaves the old file and no temporary file", func(t *testing.T) {
		if os.Geteuid() == 0 {
			// root ignores permissions: make the rename fail instead, with a
			// directory in the way of the target.
			target := filepath.Join(dir, "blocked.mixplan")
			if err := os.MkdirAll(filepath.Join(target, "x"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := planner.Save(p, target); err == nil {
				t.Fatal("saving over a folder succeeded")
			}
		} else {
			if err := os.Chmod(dir, 0o555); err != nil {
				t.Fatal(err)
			}
			defer os.Chmod(dir, 0o755)
			if err := planner.Save(p, path); err == nil {
				t.Fatal("saving into a read-only folder succeeded")
			}
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".tmp") {
				t.Errorf("temporary file left behind: %s", e.Name())
			}
		}
		if got, _ := os.ReadFile(path); string(got) != string(teaBytes(t)) {
			t.Error("the old file was changed")
		}
	})
}

// FuzzParse checks that the decoder never panics and that any plan it accepts
// survives a save and load unchanged.
func FuzzParse(f *testing.F) {
	f.Add(teaBytes(f))
	f.Add(teaV1Bytes(f))
	f.Add([]byte(minimal))
	f.Add([]byte(minimalV2))
	f.Add([]byte(`{"format":"mixplan","version":2,"name":"x","months":2,"actuals":{"through":2,"promotions":{"c":{"spend":[]}},"products":{}},"ranges":[{"of":"products.a.baseVolume","low":0,"high":1e308}]}`))
	f.Add([]byte(`{"format":"mixplan","version":3,"name":"x","groups":[{"id":"g","promotions":["a","a"],"maxShare":-1}]}`))
	f.Add([]byte(`{"format":"mixplan","version":1,"name":"x","months":1,"targets":{"cac":null}}`))
	f.Add([]byte(`{"format":"mixplan","version":2}`))
	f.Add([]byte("\xef\xbb\xbf{}"))
	f.Add([]byte(`{"products":[{"id":"a","seasonality":[1e999]}]}`))
	f.Add([]byte(`[`))
	f.Add([]byte("\xff"))
	gen, _ := planner.Marshal(plangen.Generate(plangen.Size{Products: 3, Places: 2, Promotions: 3, Months: 4, Scenarios: 1}, 1))
	f.Add(gen)
	genV2, _ := planner.Marshal(plangen.WithRanges(plangen.WithActuals(
		plangen.Generate(plangen.Size{Products: 3, Places: 2, Promotions: 4, Months: 5, Scenarios: 1, Monthly: true}, 2), 2, 2), 4, 2))
	f.Add(genV2)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := planner.Parse(data)
		if err != nil {
			var v *planner.ValidationError
			if !errors.As(err, &v) || len(v.Problems) == 0 {
				t.Fatalf("refusal without problems: %v", err)
			}
			return
		}
		out, err := planner.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		back, err := planner.Parse(out)
		if err != nil {
			t.Fatalf("a saved plan does not load: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(p, back) {
			t.Fatalf("round trip changed the plan:\n%+v\n%+v", p, back)
		}
		// Whatever validation accepts, every command evaluates it without
		// NaN, Inf or a panic (JSON refuses to encode NaN and Inf).
		r, err := planner.Evaluate(p, "")
		if err != nil {
			t.Fatal(err)
		}
		outputs := []any{r}
		if p.Actuals != nil {
			tk, err := planner.Track(p)
			if err != nil {
				t.Fatal(err)
			}
			outputs = append(outputs, tk)
		}
		risk, err := planner.Simulate(context.Background(), p, planner.RiskRequest{Draws: 8, Seed: 1, Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range append(outputs, risk) {
			if _, err := json.Marshal(v); err != nil && !hugeInputs(p) {
				t.Fatalf("%T: %v", v, err)
			}
		}
	})
}

// hugeInputs reports whether a plan holds numbers so large that sums of
// them overflow float64 (units of 1e300): figures are then infinite by
// arithmetic, not by a fault of the formulas.
func hugeInputs(p *planner.Plan) bool {
	big := func(x float64) bool { return math.Abs(x) > 1e150 }
	for _, pr := range p.Products {
		if big(pr.BaseVolume) || big(pr.ListPrice) || big(pr.UnitCost) || big(pr.LaunchCost) || big(pr.ReferencePrice) || pr.ListPrice/pr.ReferencePrice > 1e10 || pr.ReferencePrice/pr.ListPrice > 1e10 || pr.UnitsPerCustomer < 1e-150 {
			return true
		}
	}
	for _, pl := range p.Places {
		if big(pl.FixedCost) || big(pl.UnitCost) {
			return true
		}
	}
	for _, pm := range p.Promotions {
		if big(pm.Spend) || big(pm.Response.MaxUnits) || big(pm.Response.HalfSpend) {
			return true
		}
	}
	if a := p.Actuals; a != nil {
		for _, pa := range a.Products {
			for _, x := range append(append([]float64{}, pa.Units...), pa.NetRevenue...) {
				if big(x) {
					return true
				}
			}
		}
		for _, pa := range a.Promotions {
			for _, x := range append(append([]float64{}, pa.Spend...), pa.LiftUnits...) {
				if big(x) {
					return true
				}
			}
		}
	}
	return false
}
