package planner_test

import (
	"encoding/json"
	"fmt"
	"math"
	"mixplan/planner"
	"os"
	"path/filepath"
	"testing"
)

// TestWorkedExample checks every key of the report against figures computed
// independently from the contract (testdata/expected, copied from the spec).
func TestWorkedExample(t *testing.T) {
	plan, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, scenario, file string }{
		{"base plan", "base", "tea.base.report.json"},
		{"pessimistic scenario", "low", "tea.low.report.json"},
		{"optimistic scenario", "high", "tea.high.report.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := planner.Evaluate(plan, tc.scenario)
			if err != nil {
				t.Fatal(err)
			}
			got := toTree(t, rep)
			want := readTree(t, filepath.Join("testdata", "expected", tc.file))
			for _, d := range diffTrees("", want, got, 1e-9) {
				t.Error(d)
			}
		})
	}
}

func toTree(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var tree any
	if err := json.Unmarshal(b, &tree); err != nil {
		t.Fatal(err)
	}
	return tree
}

func readTree(t *testing.T, path string) any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var tree any
	if err := json.Unmarshal(b, &tree); err != nil {
		t.Fatal(err)
	}
	return tree
}

// diffTrees lists every difference between two JSON trees: missing or extra
// keys, different strings or booleans, numbers further apart than rel.
func diffTrees(path string, want, got any, rel float64) []string {
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
				out = append(out, fmt.Sprintf("%s.%s: missing", path, k))
				continue
			}
			out = append(out, diffTrees(path+"."+k, wv, gv, rel)...)
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				out = append(out, fmt.Sprintf("%s.%s: unexpected key", path, k))
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
			out = append(out, diffTrees(fmt.Sprintf("%s[%d]", path, i), w[i], g[i], rel)...)
		}
		return out
	case float64:
		g, ok := got.(float64)
		if !ok {
			return []string{fmt.Sprintf("%s: want %v, got %v", path, w, got)}
		}
		if math.Abs(g-w) > rel*math.Max(math.Abs(w), math.Abs(g)) && math.Abs(g-w) > 1e-12 {
			return []string{fmt.Sprintf("%s: want %v, got %v", path, w, g)}
		}
		return nil
	default:
		if want != got {
			return []string{fmt.Sprintf("%s: want %v, got %v", path, want, got)}
		}
		return nil
	}
}
