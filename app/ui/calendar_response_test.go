package ui

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// responseOf shows the Calendar's "Response by month" tab on the channel with that id.
func responseOf(t testing.TB, w *Window, id string) *channelResponse {
	t.Helper()
	s := calendarOf(t, w)
	s.tabs.Select(s.responseTab)
	c := s.response
	i := promotionIndex(w.doc.Plan(), id)
	if i < 0 {
		t.Fatalf("no channel %q", id)
	}
	c.channel.SetSelectedIndex(i)
	if c.id != id {
		t.Fatalf("picking %q shows %q", id, c.id)
	}
	return c
}

// TestCalendarResponseShowsTheMonths: the picked channel's spend and lift
// month by month are the worked example's (expected/tea.base.report.json),
// and the lift goes on in months without spend when the channel has
// carryover: social spends nothing in July and August but still sells.
func TestCalendarResponseShowsTheMonths(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	c := responseOf(t, w, "social")
	n := numfmt.NNBSP
	if got := c.carryover.Text(); got != "20"+n+"%" {
		t.Errorf("carryover shows %q", got)
	}
	if got := c.maxPerMonth.Text(); got != "15"+n+"000"+n+"€" {
		t.Errorf("monthly cap shows %q", got)
	}
	wantSpend := []float64{5384.615384615385, 5384.615384615385, 2692.3076923076924, 2692.3076923076924, 2692.3076923076924, 2692.3076923076924, 0, 0, 2692.3076923076924, 2692.3076923076924, 2692.3076923076924, 5384.615384615385}
	wantLift := map[int]float64{0: 1163.1705368142914, 1: 1330.9191285923446, 6: 125.04266223738384, 7: 16.03982986739546}
	for t0, x := range wantSpend {
		if math.Abs(c.spendShown[t0]-x) > 1e-9*math.Max(1, x) {
			t.Errorf("spend in month %d: %v, want %v", t0+1, c.spendShown[t0], x)
		}
	}
	for t0, x := range wantLift {
		if math.Abs(c.liftShown[t0]-x) > 1e-9*x {
			t.Errorf("lift in month %d: %v, want %v", t0+1, c.liftShown[t0], x)
		}
	}
	if c.spendShown[6] != 0 || !(c.liftShown[6] > 0) {
		t.Errorf("July: spend %v, lift %v: the carryover tail is not shown", c.spendShown[6], c.liftShown[6])
	}
	if c.note.Visible() {
		t.Errorf("a saturation note for social: %q", c.note.Text)
	}
}

// TestCalendarResponseEdits: carryover, the monthly cap and the
// responsiveness are edited in the form, each one undo step; what the plan
// cannot hold is refused at the field with the reason, and nothing changes.
func TestCalendarResponseEdits(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	c := responseOf(t, w, "email")
	opened := w.doc.Plan()

	enter(c.carryover, c.carryover.Entry().SetText, "95")
	if w.doc.Plan() != opened || !strings.Contains(c.carryover.Reason(), "90") {
		t.Errorf("carryover 95 %%: plan changed %v, reason %q", w.doc.Plan() != opened, c.carryover.Reason())
	}
	enter(c.carryover, c.carryover.Entry().SetText, "30")
	if got := w.doc.Plan().Promotions[2].Response.Carryover; got != 0.3 || w.doc.UndoLabel() != "Change the carryover of “Emailing”" {
		t.Errorf("carryover %v, undo %q", got, w.doc.UndoLabel())
	}

	enter(c.maxPerMonth, c.maxPerMonth.Entry().SetText, "-5")
	if c.maxPerMonth.Reason() == "" {
		t.Errorf("a negative monthly cap is accepted")
	}
	enter(c.maxPerMonth, c.maxPerMonth.Entry().SetText, "2 000")
	if m := w.doc.Plan().Promotions[2].MaxPerMonth; m == nil || *m != 2000 {
		t.Errorf("monthly cap %v", m)
	}
	enter(c.maxPerMonth, c.maxPerMonth.Entry().SetText, "")
	if m := w.doc.Plan().Promotions[2].MaxPerMonth; m != nil || w.doc.UndoLabel() != "Remove the monthly cap of “Emailing”" {
		t.Errorf("monthly cap %v after emptying, undo %q", m, w.doc.UndoLabel())
	}

	// Email is flat: a weight typed in December keeps the other months at 1.
	if !c.flat.Disabled() {
		t.Errorf("Flat is offered for a flat channel")
	}
	dec := c.weights[11]
	enter(dec, dec.Entry().SetText, "2,5")
	r := w.doc.Plan().Promotions[2].Responsiveness
	if len(r) != 12 || r[11] != 2.5 || r[0] != 1 || r[10] != 1 {
		t.Errorf("responsiveness %v", r)
	}
	weighted := w.doc.Plan()
	enter(c.weights[0], c.weights[0].Entry().SetText, "-1")
	if w.doc.Plan() != weighted || c.weights[0].Reason() == "" {
		t.Errorf("a negative weight: reason %q", c.weights[0].Reason())
	}
	c.flat.OnTapped()
	if r := w.doc.Plan().Promotions[2].Responsiveness; r != nil || w.doc.UndoLabel() != "Make the responsiveness of “Emailing” flat" {
		t.Errorf("after Flat: %v, undo %q", r, w.doc.UndoLabel())
	}

	// The last month weighing more than 0 cannot be set to 0.
	if err := w.env.Edit("one month", func(p *planner.Plan) {
		p.Promotions[2].Responsiveness = []float64{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
	}); err != nil {
		t.Fatal(err)
	}
	one := w.doc.Plan()
	enter(c.weights[11], c.weights[11].Entry().SetText, "0")
	if w.doc.Plan() != one || c.weights[11].Reason() != "one month at least must weigh more than 0" {
		t.Errorf("the last weight set to 0: reason %q", c.weights[11].Reason())
	}
}

// TestCalendarSaturationNote: the trade fairs spend €12,000 in November and
// December only, 6,000 a month against a monthly half-saturation point of
// 15,000 / 12 = 1,250: both months are past saturation. By hand (shape 1,
// no carryover, flat responsiveness, units per lift 1): bunched 2 × (4,000 /
// 12) × 6,000 / 7,250 = 551.72 units; spread evenly 12 × (4,000 / 12) ×
// 1,000 / 2,250 = 1,777.78; 1,226 more.
func TestCalendarSaturationNote(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	c := responseOf(t, w, "fairs")
	if !c.note.Visible() {
		t.Fatal("no note for a channel bunched past saturation")
	}
	n := numfmt.NNBSP
	for _, want := range []string{"in Nov 27, Dec 27:", "above 1" + n + "250" + n + "€ a month", "the same 12" + n + "000" + n + "€ would bring 1" + n + "226 more units"} {
		if !strings.Contains(c.note.Text, want) {
			t.Errorf("the note lacks %q: %q", want, c.note.Text)
		}
	}
	// Flat, the same spend is not bunched: no note.
	if err := w.env.Edit("flat", func(p *planner.Plan) { p.Promotions[5].Flighting = nil }); err != nil {
		t.Fatal(err)
	}
	if c.note.Visible() {
		t.Errorf("a note for a flat channel: %q", c.note.Text)
	}
	// The radio's S-curve stays below its half-saturation point: no note.
	c = responseOf(t, w, "radio")
	if c.note.Visible() {
		t.Errorf("a note for the radio: %q", c.note.Text)
	}
}

// TestCalendarResponseFollowsTheGrid: the response tab opens on the channel
// selected in the flighting grid.
func TestCalendarResponseFollowsTheGrid(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	s := calendarOf(t, w)
	s.tabs.Select(s.flightTab)
	s.flighting.table.Select(widget.TableCellID{Row: 4, Col: 3})
	s.tabs.Select(s.responseTab)
	if s.response.id != "radio" || s.response.channel.Selected != "Radio locale" {
		t.Errorf("the response tab shows %q (%q), want the radio selected in the grid", s.response.id, s.response.channel.Selected)
	}
}
