package document

import (
	"testing"

	"mixplan/assets"
	"mixplan/planner"
)

func TestDocumentChanges(t *testing.T) {
	p := samplePlan(t)
	d, err := New(p, "/plans/a.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	var got []Change
	d.OnChange(func(c Change) { got = append(got, c) })
	setSpend := func(x float64) func() error {
		return func() error {
			return d.Edit("spend", func(p *planner.Plan) { p.Promotions[0].Spend = x })
		}
	}
	for _, tc := range []struct {
		name      string
		do        func() error
		wantErr   bool
		change    Change
		dirty     bool
		undo      string
		scenario  string
		reportsOn bool
	}{
		{"an edit", setSpend(1000), false, PlanChanged | FileChanged, true, "spend", "base", true},
		{"a refused edit changes nothing", setSpend(-1), true, 0, true, "spend", "base", false},
		{"a scenario is not an edit", func() error { return d.SetScenario("strong") }, false, ScenarioChanged, true, "spend", "strong", true},
		{"the same scenario again is no change", func() error { return d.SetScenario("strong") }, false, 0, true, "spend", "strong", false},
		{"an unknown scenario is refused", func() error { return d.SetScenario("nope") }, true, 0, true, "spend", "strong", false},
		{"undo back to the file is clean", func() error { d.Undo(); return nil }, false, PlanChanged | FileChanged, false, "", "strong", true},
		{"redo is dirty again", func() error { d.Redo(); return nil }, false, PlanChanged | FileChanged, true, "spend", "strong", true},
		{"saving is clean", func() error { d.MarkSaved("/plans/b.mixplan"); return nil }, false, FileChanged, false, "spend", "strong", false},
		{"undo after saving is dirty", func() error { d.Undo(); return nil }, false, PlanChanged | FileChanged, true, "", "strong", true},
		{"replacing resets history and scenario", func() error { return d.Replace(samplePlan(t), "/plans/c.mixplan", false) }, false,
			PlanChanged | ScenarioChanged | FileChanged | Replaced, false, "", "base", true},
		{"a restored copy is dirty", func() error { return d.Replace(samplePlan(t), "/plans/c.mixplan", true) }, false,
			PlanChanged | ScenarioChanged | FileChanged | Replaced, true, "", "base", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got = nil
			err := tc.do()
			if (err != nil) != tc.wantErr {
				t.Fatalf("error %v, want error %v", err, tc.wantErr)
			}
			var c Change
			if len(got) > 0 {
				c = got[0]
			}
			if len(got) > 1 || c != tc.change {
				t.Errorf("listeners told %v, want %v once", got, tc.change)
			}
			if c.Report() != tc.reportsOn {
				t.Errorf("Report() = %v", c.Report())
			}
			if d.Dirty() != tc.dirty || d.UndoLabel() != tc.undo || d.Scenario() != tc.scenario {
				t.Errorf("dirty %v undo %q scenario %q; want %v %q %q", d.Dirty(), d.UndoLabel(), d.Scenario(), tc.dirty, tc.undo, tc.scenario)
			}
			if d.Report().Scenario != d.Scenario() || d.Model().Scenario.ID != d.Scenario() {
				t.Errorf("report and model are for %q/%q, not %q", d.Report().Scenario, d.Model().Scenario.ID, d.Scenario())
			}
		})
	}
}

func TestDeletingTheShownScenario(t *testing.T) {
	d, _ := New(samplePlan(t), "")
	d.SetScenario("downturn")
	if err := d.Edit("delete scenario", func(p *planner.Plan) { p.Scenarios = p.Scenarios[1:] }); err != nil {
		t.Fatal(err)
	}
	if d.Scenario() != planner.BaseScenario || d.Report().Scenario != planner.BaseScenario {
		t.Errorf("shows %q after its scenario was deleted", d.Scenario())
	}
}

// TestUndoKeepsARenamedScenario: changing the id of the scenario shown, then
// undoing and redoing it, keeps the window on that scenario under each id
// (it used to fall back to the base plan, as for a deleted scenario).
func TestUndoKeepsARenamedScenario(t *testing.T) {
	d, _ := New(samplePlan(t), "")
	d.SetScenario("strong")
	rename := func(p *planner.Plan) {
		for i := range p.Scenarios {
			if p.Scenarios[i].ID == "strong" {
				p.Scenarios[i].ID = "boom"
			}
		}
	}
	for _, tc := range []struct {
		name string
		do   func()
		want string
	}{
		{"the id changed", func() { d.Edit("change the id", rename) }, "boom"},
		{"undone", func() { d.Undo() }, "strong"},
		{"redone", func() { d.Redo() }, "boom"},
	} {
		tc.do()
		if d.Scenario() != tc.want || d.Report().Scenario != tc.want {
			t.Errorf("%s: shows %q (report %q), want %q", tc.name, d.Scenario(), d.Report().Scenario, tc.want)
		}
	}
}

func TestSnapshotIsACopy(t *testing.T) {
	d, _ := New(samplePlan(t), "")
	s := d.Snapshot()
	s.Promotions[0].Spend = 1
	if d.Plan().Promotions[0].Spend == 1 {
		t.Error("changing a snapshot changed the document")
	}
}

func samplePlan(t testing.TB) *planner.Plan {
	t.Helper()
	p, err := planner.Parse(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
