package planner_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"mixplan/planner"
)

// TestRulesAreWellFormed: every rule has a code of its own, and its
// English wording takes exactly the values it names.
func TestRulesAreWellFormed(t *testing.T) {
	codes := map[string]bool{}
	for _, r := range planner.Rules() {
		if r.Code() == "" || codes[r.Code()] {
			t.Errorf("rule code %q is empty or used twice", r.Code())
		}
		codes[r.Code()] = true
		// Some mix of numbers and texts, one per name, must fill the wording.
		n := len(r.Names())
		var p planner.Problem
		for mix := 0; mix < 1<<n; mix++ {
			values := make([]any, n)
			for i := range values {
				values[i] = any(7)
				if mix&(1<<i) != 0 {
					values[i] = "seven"
				}
			}
			if p = r.Problem("x", values...); !strings.Contains(p.Message, "%!") {
				break
			}
		}
		if strings.Contains(p.Message, "%!") {
			t.Errorf("rule %s: its wording does not take the %d values it names: %q", r.Code(), n, p.Message)
		}
		if len(p.Data()) != n {
			t.Errorf("rule %s names %v, Data gives %v", r.Code(), r.Names(), p.Data())
		}
	}
}

// TestProblemsCarryTheirRule: a refused plan's problems name the rule
// broken and its values, beside the English message.
func TestProblemsCarryTheirRule(t *testing.T) {
	for _, tc := range []struct {
		name string
		data func(t *testing.T) []byte
		path string
		rule planner.Rule
		want map[string]any
		msg  string
	}{
		{"elasticity out of range", func(t *testing.T) []byte { return edit(t, `"elasticity": -1.4`, `"elasticity": 3`) },
			"products[0].elasticity", planner.RuleBetween, map[string]any{"Low": -20, "High": 0, "Value": 3.0},
			"must be between -20 and 0, not 3"},
		{"a duplicate id", func(t *testing.T) []byte { return edit(t, `"id": "gms"`, `"id": "web"`) },
			"places[1].id", planner.RuleDuplicateID, map[string]any{"ID": "web", "Entry": 0},
			`"web" is already the id of entry 0; ids must be unique`},
		{"text for a number", func(t *testing.T) []byte { return edit(t, `"months": 12`, `"months": "12"`) },
			"months", planner.RuleNumber, map[string]any{"Kind": "text"}, "must be a number, not text"},
		{"an empty file", func(*testing.T) []byte { return nil }, "", planner.RuleFileEmpty, map[string]any{}, "the file is empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, p := range problemsOf(t, tc.data(t)) {
				if p.Path != tc.path {
					continue
				}
				if p.Rule != tc.rule || !reflect.DeepEqual(p.Data(), tc.want) || p.Message != tc.msg {
					t.Errorf("got rule %s, data %v, %q; want %s, %v, %q", p.Rule.Code(), p.Data(), p.Message, tc.rule.Code(), tc.want, tc.msg)
				}
				return
			}
			t.Errorf("no problem at %q", tc.path)
		})
	}
}

// TestTargetTable: each target's goal and actual are the plan's and the
// report's fields of its names, so the table and the file agree.
func TestTargetTable(t *testing.T) {
	goal := 1.0
	totals := planner.Totals{NetRevenue: 1, GrossMarginPct: planner.Some(2), Contribution: 3, MarketingSpend: 4,
		ROMI: planner.Some(5), CAC: planner.Some(6)}
	byKey := map[string]float64{}
	raw, _ := json.Marshal(totals)
	json.Unmarshal(raw, &byKey)
	for _, tg := range planner.TargetTable {
		var targets planner.Targets
		*targets.Ptr(tg.Name) = &goal
		data, _ := json.Marshal(map[string]any{"targets": targetsJSON(targets)})
		if !strings.Contains(string(data), `"`+tg.Name+`":1`) {
			t.Errorf("target %s sets %s", tg.Name, data)
		}
		if got, want := totals.Actual(tg.Name), byKey[tg.Actual]; !got.Valid || got.Value != want {
			t.Errorf("target %s is held against %v, want the total %s (%v)", tg.Name, got, tg.Actual, want)
		}
		if tg.Kind != planner.AtLeast && tg.Kind != planner.AtMost || tg.Label == "" {
			t.Errorf("target %s: kind %q, label %q", tg.Name, tg.Kind, tg.Label)
		}
	}
}

// targetsJSON writes the set targets under their file names, as a plan file does.
func targetsJSON(tg planner.Targets) map[string]float64 {
	plan := &planner.Plan{Targets: tg}
	data, _ := planner.Marshal(plan)
	var file struct{ Targets map[string]*float64 }
	json.Unmarshal(data, &file)
	out := map[string]float64{}
	for k, v := range file.Targets {
		if v != nil {
			out[k] = *v
		}
	}
	return out
}
