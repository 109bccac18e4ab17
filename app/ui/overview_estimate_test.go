package ui

import (
	"os"
	"testing"

	"mixplan/app/ui/widgets"
	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// teaPlan is the contract's worked example: a version-2 plan in French with
// carryover, responsiveness, channel groups and four closed months.
func teaPlan(t testing.TB) *planner.Plan {
	t.Helper()
	data, err := os.ReadFile("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	p, err := planner.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestOverviewLatestEstimate: once months are closed, the Overview shows the
// latest estimate of each target's figure beside the plan's, green or red
// against the target. The figures are the worked example's
// (expected/tea.track.json: latestEstimate and targets).
func TestOverviewLatestEstimate(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	s := overviewOf(w)
	if !s.estimate.box.Visible() {
		t.Fatal("no latest estimate for a plan with four closed months")
	}
	if got := s.estimate.heading.Text; got != "Latest estimate: 4 of 12 months closed" {
		t.Errorf("heading %q", got)
	}
	n := numfmt.NNBSP
	for _, tc := range []struct {
		key, value, detail string
		status             widgets.Status
	}{
		// revenue 1,189,910.65 estimated against 1,235,954.56 planned: the target is now missed.
		{kpiRevenue, "1" + n + "189" + n + "911" + n + "€", "Plan 1" + n + "235" + n + "955" + n + "€ · target 1" + n + "200" + n + "000" + n + "€", widgets.Missed},
		{kpiMargin, "67,1" + n + "%", "Plan 67,1" + n + "% · target 65,0" + n + "%", widgets.Met},
		{kpiContribution, "371" + n + "769" + n + "€", "Plan 398" + n + "336" + n + "€ · target 450" + n + "000" + n + "€", widgets.Missed},
		{kpiSpend, "313" + n + "046" + n + "€", "Plan 312" + n + "000" + n + "€ · target 300" + n + "000" + n + "€", widgets.Missed},
		{kpiROMI, "4,7" + n + "%", "Plan 10,3" + n + "% · target 50,0" + n + "%", widgets.Missed},
		{kpiCAC, "10,44" + n + "€", "Plan 9,98" + n + "€ · target 12,00" + n + "€", widgets.Met},
	} {
		got := s.estimate.tiles[tc.key].KPI()
		if got.Value != tc.value || got.Detail != tc.detail || got.Status != tc.status {
			t.Errorf("%s: %q / %q / %v, want %q / %q / %v", tc.key, got.Value, got.Detail, got.Status, tc.value, tc.detail, tc.status)
		}
	}

	// Under another scenario the estimate stays the base plan's, and says so.
	w.SetScenario("high")
	if !s.estimate.note.Visible() || s.estimate.note.Text != "(for the base plan)" {
		t.Errorf("under a scenario the note is %q (shown %v)", s.estimate.note.Text, s.estimate.note.Visible())
	}
	w.SetScenario(planner.BaseScenario)

	// Removing the actuals (one undo step) hides the row; undo shows it again.
	if err := w.env.Edit("remove actuals", func(p *planner.Plan) { p.Actuals = nil }); err != nil {
		t.Fatal(err)
	}
	w.ShowScreen("overview")
	if s.estimate.box.Visible() {
		t.Errorf("a latest estimate is shown for a plan without actuals")
	}
	w.undo()
	w.ShowScreen("overview")
	if !s.estimate.box.Visible() {
		t.Errorf("undo does not bring the latest estimate back")
	}
}

// TestOverviewNoEstimateWithoutActuals: the sample plan has no closed month,
// so the Overview shows the plan's tiles only.
func TestOverviewNoEstimateWithoutActuals(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	if overviewOf(w).estimate.box.Visible() {
		t.Error("a latest estimate is shown for a plan without actuals")
	}
}
