package ui

import (
	"math"
	"strings"
	"testing"

	"mixplan/planner"
)

// TestMonthCurve: the response of a spend placed in one month. Trade fairs
// (shape 1, no carryover) spend 6,000 in November: the curve there is the
// worked example's November lift (expected/tea.base.report.json, 275.862…
// units). Radio (carryover 0.5, shape 2.2, half-saturation 90,000 / 12 =
// 7,500 a month, 18,000 / 12 = 1,500 units a month) spending 8,000 in
// October alone feels 4,000 in October, 2,000 in November, 1,000 in
// December.
func TestMonthCurve(t *testing.T) {
	p := teaPlan(t)
	m, err := planner.Compile(p, planner.BaseScenario)
	if err != nil {
		t.Fatal(err)
	}
	fairs := &m.Channels[promotionIndex(p, "fairs")]
	upTo := monthCurveRange(fairs, 6000)
	if upTo != 12000 {
		t.Fatalf("range %v, want twice the month's spend, 12,000", upTo)
	}
	pts := monthCurve(fairs, 10, 60, upTo)
	if pts[30].Spend != 6000 || math.Abs(pts[30].LiftUnits-275.86206896551727) > 1e-9 {
		t.Errorf("fairs in November at %v: %v units, want 275.862", pts[30].Spend, pts[30].LiftUnits)
	}
	if pts[0].LiftUnits != 0 || pts[0].Contribution != 0 {
		t.Errorf("at no spend: %+v", pts[0])
	}

	radio := &m.Channels[promotionIndex(p, "radio")]
	hill := func(x float64) float64 { return 1500 * math.Pow(x, 2.2) / (math.Pow(x, 2.2) + math.Pow(7500, 2.2)) }
	want := hill(4000) + hill(2000) + hill(1000)
	if got := monthSpendLift(radio, 9, 8000); math.Abs(got-want) > 1e-9*want {
		t.Errorf("radio in October: %v, want %v", got, want)
	}
	// In December the carryover falls after the horizon and is lost.
	if got, want := monthSpendLift(radio, 11, 8000), hill(4000); math.Abs(got-want) > 1e-9*want {
		t.Errorf("radio in December: %v, want %v", got, want)
	}
}

// TestPromotionCurvePerMonth: the Promotion screen shows the curve over the
// whole year or for a month picked above it, saying which.
func TestPromotionCurvePerMonth(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	s := promotionOf(t, w)
	s.list.Select(promotionIndex(w.doc.Plan(), "fairs"))
	if s.period.SelectedIndex() != 0 || !strings.HasPrefix(s.curveNote.String(), "Over the whole year") {
		t.Errorf("period %d, note %q", s.period.SelectedIndex(), s.curveNote.String())
	}
	if len(s.period.Options) != 13 || s.period.Options[11] != "Nov 27" {
		t.Fatalf("periods %v", s.period.Options)
	}
	s.period.SetSelectedIndex(11)
	if !strings.HasPrefix(s.curveNote.String(), "In Nov 27: what a spend in that month alone brings") {
		t.Errorf("note %q", s.curveNote.String())
	}
	if texts := strings.Join(s.curve.Texts(), " | "); !strings.Contains(texts, "Spend this month") {
		t.Errorf("the curve's legend: %s", texts)
	}
	// The month stays picked when another channel is shown.
	s.list.Select(promotionIndex(w.doc.Plan(), "radio"))
	if s.period.SelectedIndex() != 11 {
		t.Errorf("period %d after changing channel", s.period.SelectedIndex())
	}
	s.period.SetSelectedIndex(0)
	if !strings.HasPrefix(s.curveNote.String(), "Over the whole year") {
		t.Errorf("note %q", s.curveNote.String())
	}
}
