package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"mixplan/planner"
)

func riskOf(t testing.TB, w *Window) *riskScreen {
	t.Helper()
	if !w.ShowScreen("risk") {
		t.Fatal("no risk screen")
	}
	return w.Screen("risk").(*riskScreen)
}

// waitRisk runs what the background run posts until the screen shows the
// figures of the plan being edited.
func waitRisk(t testing.TB, w *Window, s *riskScreen) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for s.busy() || s.plan != w.doc.Plan() {
		if time.Now().After(deadline) {
			t.Fatal("the risk figures never arrived")
		}
		time.Sleep(5 * time.Millisecond)
		runUI(w)
	}
}

// rangeIndex is the place of the range of input of in p.
func rangeIndex(t testing.TB, p *planner.Plan, of string) int {
	t.Helper()
	for i, r := range p.Ranges {
		if r.Of == of {
			return i
		}
	}
	t.Fatalf("no range of %s", of)
	return -1
}

// TestRiskWorkedExample: the screen shows the worked example's tornado and
// simulation, as `mixplan risk` prints them, and says in words which
// assumption matters most.
func TestRiskWorkedExample(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	s := riskOf(t, w)
	waitRisk(t, w, s)
	want, err := planner.Simulate(context.Background(), w.doc.Plan(), planner.RiskRequest{Draws: 5000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	f := w.env.Fmt()
	if s.risk == nil || len(s.risk.Tornado) != 6 || s.risk.Tornado[0] != want.Tornado[0] {
		t.Fatalf("tornado %+v, want %+v", s.risk, want.Tornado)
	}
	// The CLI: "The base volume of Thé vert bio 100 g swings contribution by 75 212 €".
	for _, word := range []string{"Base volume of “Thé vert bio 100 g” matters most", f.Money(75212), "Test it first"} {
		if !strings.Contains(s.words.Text, word) {
			t.Errorf("words %q lack %q", s.words.Text, word)
		}
	}
	if got := len(s.tiles.Objects); got != 1+len(want.Targets) {
		t.Errorf("%d tiles, want contribution and %d targets", got, len(want.Targets))
	}
	// The CLI: net revenue ≥ 1 200 000 € met in 75,4 % of the draws.
	if k := s.tileByName["target.revenue"].KPI(); k.Value != f.Percent(0.754) {
		t.Errorf("revenue tile %q, want %q", k.Value, f.Percent(0.754))
	}
	texts := strings.Join(s.tornado.Texts(), "|")
	if !strings.Contains(texts, "Base volume of “Thé vert bio 100 g”") {
		t.Errorf("tornado shows %q", texts)
	}
	if len(s.fan.Data().P10) != 12 || s.fan.Data().P10[11] != want.MonthlyCumulative[11].P10 {
		t.Errorf("fan band %v", s.fan.Data().P10)
	}
}

// TestRiskEditsNeverWait: edits made while the simulation runs are applied
// at once; the runs of older plans are dropped and the screen ends up with
// the figures of the last plan.
func TestRiskEditsNeverWait(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	s := riskOf(t, w)
	k := rangeIndex(t, w.doc.Plan(), "products.green.baseVolume")
	for i := 0; i < 3; i++ {
		x := 50000 + 1000*float64(i)
		start := time.Now()
		if err := w.env.Edit("base", func(p *planner.Plan) { p.Ranges[k].Low = x }); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("an edit waited %v", d)
		}
	}
	waitRisk(t, w, s)
	want, err := planner.Tornado(w.doc.Plan(), "")
	if err != nil {
		t.Fatal(err)
	}
	if s.risk.Tornado[0] != want[0] {
		t.Errorf("tornado of an older plan: %+v, want %+v", s.risk.Tornado[0], want[0])
	}
}

// TestRiskRangeForm: a range's bounds are edited in the form beside the
// plan's value, one undo step each; a bound on the wrong side of the plan's
// value is refused at the field.
func TestRiskRangeForm(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	s := riskOf(t, w)
	k := rangeIndex(t, w.doc.Plan(), "products.green.baseVolume")
	s.list.Select(k) // 50,000 … 60,000 … 68,000
	if s.formTitle.Text != "Base volume of “Thé vert bio 100 g”" || s.planValue.Text != w.env.Fmt().Field(0).Format(60000) {
		t.Fatalf("form shows %q, plan %q", s.formTitle.Text, s.planValue.Text)
	}
	enter(s.high, s.high.Entry().SetText, "70 000")
	if got := w.doc.Plan().Ranges[k].High; got != 70000 {
		t.Errorf("high %v, want 70000", got)
	}
	before := w.doc.Plan()
	enter(s.low, s.low.Entry().SetText, "65 000")
	if w.doc.Plan() != before || s.low.Reason() == "" {
		t.Errorf("a low above the plan's value: changed %v, reason %q", w.doc.Plan() != before, s.low.Reason())
	}
	w.doc.Undo()
	if got := w.doc.Plan().Ranges[k].High; got != 68000 {
		t.Errorf("after undo high %v, want 68000", got)
	}
	waitRisk(t, w, s)
}

// TestRiskAddRemove: a range added for an input no range covers starts
// ±20 % around the plan's value within the field's rule; removing it
// brings the plan back.
func TestRiskAddRemove(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	s := riskOf(t, w)
	p := w.doc.Plan()
	cands := rangeCandidates(p)
	for _, c := range cands {
		for _, r := range p.Ranges {
			if c.of == r.Of {
				t.Fatalf("%s is offered though a range covers it", c.of)
			}
		}
	}
	for _, tc := range []struct {
		of        string
		low, high float64
	}{
		{"products.detox.elasticity", -1.2 * 1.2, -1.2 * 0.8},
		{"promotions.sea.carryover", 0, 0},
	} {
		in, err := p.ResolveRange(tc.of)
		if err != nil {
			t.Fatal(err)
		}
		x := planValue(p, in)
		r, ok := defaultRange(p, tc.of)
		if !ok || r.Low > x || r.High < x {
			t.Errorf("%s: default range %+v around %v", tc.of, r, x)
		}
	}
	n := len(p.Ranges)
	s.addRange(cands[0].of)
	if got := len(w.doc.Plan().Ranges); got != n+1 || s.selected != n {
		t.Fatalf("after adding: %d ranges, selected %d", got, s.selected)
	}
	if s.formTitle.Text != cands[0].label {
		t.Errorf("form shows %q, want %q", s.formTitle.Text, cands[0].label)
	}
	s.removeRange()
	if got := len(w.doc.Plan().Ranges); got != n {
		t.Errorf("after removing: %d ranges, want %d", got, n)
	}
	waitRisk(t, w, s)
}

// TestRiskWithoutRanges: a plan without ranges says how to start and runs nothing.
func TestRiskWithoutRanges(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := riskOf(t, w)
	if s.busy() || s.risk != nil || !strings.Contains(s.words.Text, "Add ranges") || s.emptyRanges.Hidden {
		t.Errorf("no ranges: busy %v, words %q", s.busy(), s.words.Text)
	}
}
