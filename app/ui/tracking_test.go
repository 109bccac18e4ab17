package ui

import (
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

func trackingOf(t testing.TB, w *Window) *trackingScreen {
	t.Helper()
	if !w.ShowScreen("tracking") {
		t.Fatal("no tracking screen")
	}
	return w.Screen("tracking").(*trackingScreen)
}

// cellOf is what a figure table shows in row, col.
func cellOf(ft *figureTable, row, col int) figureCell {
	o := ft.table.CreateCell()
	ft.table.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
	l := o.(*widget.Label)
	return figureCell{l.Text, l.Importance}
}

// actualShown is what an actuals grid shows in a cell, and whether it is greyed (not recorded).
func actualShown(g *actualsGrid, row, col int) (string, bool) {
	o := g.table.CreateCell()
	g.table.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
	l := o.(*widget.Label)
	return l.Text, l.Importance == widget.LowImportance
}

// TestTrackingWorkedExample: the screen shows the worked example's latest
// estimate (371,769 € contribution against 398,336 € planned, as `mixplan
// track` prints it), four closed months, and red and green variances.
func TestTrackingWorkedExample(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	s := trackingOf(t, w)
	f := w.env.Fmt()
	tk, err := planner.Track(w.doc.Plan())
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(tk.LatestEstimate.Contribution-371769) > 1 || math.Abs(tk.Plan.Contribution-398336) > 1 {
		t.Fatalf("engine figures moved: LE %v plan %v", tk.LatestEstimate.Contribution, tk.Plan.Contribution)
	}
	for _, want := range []string{"Apr 27", f.Money(tk.LatestEstimate.Contribution), f.Money(tk.Plan.Contribution), "-26" + string(rune(0x202f)) + "567"} {
		if !strings.Contains(s.summary.Text, want) {
			t.Errorf("summary %q lacks %q", s.summary.Text, want)
		}
	}
	if s.through.Selected != "Apr 27" {
		t.Errorf("last closed month %q, want Apr 27", s.through.Selected)
	}
	for _, tc := range []struct {
		name     string
		table    *figureTable
		row, col int
		text     string
		imp      widget.Importance
	}{
		{"January is closed", s.months, 0, 0, "Jan 27 ✓", widget.MediumImportance},
		{"May is open", s.months, 4, 0, "May 27", widget.MediumImportance},
		{"January's contribution fell short", s.months, 0, 3, f.Signed(tk.Monthly[0].LatestEstimate.Contribution-tk.Monthly[0].Plan.Contribution, true), widget.DangerImportance},
		{"social overspent: red", s.channels, 1, 3, "+1" + string(rune(0x202f)) + "746" + string(rune(0x202f)) + "€", widget.DangerImportance},
		{"in-store underspent: green", s.channels, 3, 3, "-700" + string(rune(0x202f)) + "€", widget.SuccessImportance},
		{"search measured less lift", s.channels, 0, 7, "3" + string(rune(0x202f)) + "240", widget.DangerImportance},
		{"gift box units not recorded", s.products, 2, 2, "n/a", widget.MediumImportance},
		{"search CPA to date", s.funnel, 0, 5, f.UnitMoney(tk.Promotions[0].CPA.Value), widget.MediumImportance},
		{"revenue met in plan", s.targets, 0, 2, "✓ " + f.Money(tk.Targets[0].Plan.Value), widget.SuccessImportance},
		{"revenue now missed", s.targets, 0, 3, "✗ " + f.Money(tk.Targets[0].LatestEstimate.Value), widget.DangerImportance},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := cellOf(tc.table, tc.row, tc.col)
			if got.text != tc.text || got.imp != tc.imp {
				t.Errorf("cell (%d,%d) = %q %v, want %q %v", tc.row, tc.col, got.text, got.imp, tc.text, tc.imp)
			}
		})
	}
	if n, _ := s.months.table.Length(); n != 12 {
		t.Errorf("month rows %d, want 12", n)
	}
}

// TestActualsTypeOneMonth: typing a figure records it as one undo step; a
// measure not recorded yet is recorded at the plan's own figures in the
// other closed months, so the estimate moves only by what was typed.
func TestActualsTypeOneMonth(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	s := trackingOf(t, w)
	g := s.channelGrid
	g.pick.SetSelectedIndex(1) // measured lift
	if text, greyed := actualShown(g, 0, 1); !greyed || text == "" {
		t.Fatalf("social's lift shows %q greyed %v, want the plan's figure greyed", text, greyed)
	}
	planned := slices.Clone(w.doc.Report().Promotions[1].MonthlyLiftUnits[:4])
	before := w.doc.Plan()
	g.table.Select(widget.TableCellID{Row: 2, Col: 1})
	enter(g.field, g.field.Entry().SetText, "1 500")
	got := w.doc.Plan().Actuals.Promotions["social"].LiftUnits
	want := slices.Clone(planned)
	want[2] = 1500
	if !slices.Equal(got, want) {
		t.Fatalf("social's lift %v, want %v", got, want)
	}
	if text, greyed := actualShown(g, 2, 1); greyed || text != "1"+string(rune(0x202f))+"500" {
		t.Errorf("cell shows %q greyed %v", text, greyed)
	}
	if !w.doc.Undo() || w.doc.Plan() != before {
		t.Error("one undo does not bring the plan back")
	}
}

// TestActualsRefused: a negative figure is refused at the field with the
// reason and nothing changes.
func TestActualsRefused(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	g := trackingOf(t, w).channelGrid
	before := w.doc.Plan()
	g.table.Select(widget.TableCellID{Row: 0, Col: 0})
	enter(g.field, g.field.Entry().SetText, "-5")
	if w.doc.Plan() != before || g.field.Reason() == "" {
		t.Errorf("negative spend: plan changed %v, reason %q", w.doc.Plan() != before, g.field.Reason())
	}
}

// TestActualsPaste: a block copied from a spreadsheet is written from the
// selected cell as one undo step, or refused whole with the reason.
func TestActualsPaste(t *testing.T) {
	nb := string(rune(0x202f))
	for _, tc := range []struct {
		name     string
		row, col int
		text     string
		want     map[string][]float64 // channel → spend after
		reason   string
	}{
		{name: "two months of two channels", row: 1, col: 0, text: "3 700\t6 000\r\n3 800,5\t6 100 €\r\n",
			want: map[string][]float64{"sea": {4000, 3700, 3800.5, 3900}, "social": {6200, 6000, 6100}}},
		{name: "French thousands with narrow spaces", row: 3, col: 0, text: "4" + nb + "100",
			want: map[string][]float64{"sea": {4000, 3600, 3500, 4100}}},
		{name: "past the closed months", row: 3, col: 0, text: "1\n2", reason: "2 × 1"},
		{name: "past the channels", row: 0, col: 5, text: "1\t2", reason: "1 × 2"},
		{name: "a word", row: 0, col: 0, text: "1\tabc", reason: "“abc”"},
		{name: "ragged rows", row: 0, col: 0, text: "1\t2\n3", reason: "Row 2"},
		{name: "an empty cell", row: 0, col: 0, text: "1\t\t2", reason: "column 2"},
		{name: "negative", row: 0, col: 0, text: "-1", reason: "negative"},
		{name: "nothing", row: 0, col: 0, text: "  \n", reason: "nothing to paste"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, teaPlan(t), "", "")
			g := trackingOf(t, w).channelGrid
			before := w.doc.Plan()
			g.table.Select(widget.TableCellID{Row: tc.row, Col: tc.col})
			g.pasteText(tc.text)
			if tc.reason != "" {
				if w.doc.Plan() != before || g.pasteReason.Hidden || !strings.Contains(g.pasteReason.Text, tc.reason) {
					t.Errorf("changed %v, reason %q (shown %v), want one with %q", w.doc.Plan() != before, g.pasteReason.Text, !g.pasteReason.Hidden, tc.reason)
				}
				return
			}
			if !g.pasteReason.Hidden {
				t.Fatalf("refused: %s", g.pasteReason.Text)
			}
			for id, want := range tc.want {
				got := w.doc.Plan().Actuals.Promotions[id].Spend
				if !slices.Equal(got[:len(want)], want) {
					t.Errorf("%s spend %v, want %v", id, got, want)
				}
			}
			if !w.doc.Undo() || w.doc.Plan() != before {
				t.Error("the paste is not one undo step")
			}
		})
	}
}

// TestCloseMonths: closing a fifth month records it at the plan's figures
// in every recorded measure; opening months again asks first, then drops
// their figures, as one undo step.
func TestCloseMonths(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	s := trackingOf(t, w)
	planMay := w.doc.Report().Promotions[0].MonthlySpend[4]
	s.through.SetSelectedIndex(5)
	a := w.doc.Plan().Actuals
	if a.Through != 5 || len(a.Promotions["sea"].Spend) != 5 || a.Promotions["sea"].Spend[4] != planMay || len(a.Products["green"].Units) != 5 {
		t.Fatalf("after closing May: through %d, sea spend %v (plan %v)", a.Through, a.Promotions["sea"].Spend, planMay)
	}
	if rows, _ := s.channelGrid.size(); rows != 5 {
		t.Errorf("grid rows %d, want 5", rows)
	}
	s.through.SetSelectedIndex(2)
	d, ok := w.lastDialog.(*dialog.ConfirmDialog)
	if !ok {
		t.Fatal("opening months with figures does not ask")
	}
	if w.doc.Plan().Actuals.Through != 5 || s.through.SelectedIndex() != 5 {
		t.Fatal("months opened before the person agreed")
	}
	d.Confirm()
	a = w.doc.Plan().Actuals
	if a.Through != 2 || !slices.Equal(a.Promotions["sea"].Spend, []float64{4000, 3600}) {
		t.Errorf("after opening: through %d, sea spend %v", a.Through, a.Promotions["sea"].Spend)
	}
	if !w.doc.Undo() || w.doc.Plan().Actuals.Through != 5 {
		t.Error("undo does not bring the months back")
	}
}

// TestCommittedSpend: the committed spend of the channel selected in the grid.
func TestCommittedSpend(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	s := trackingOf(t, w)
	s.channelGrid.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if v, _ := s.committed.Value(); v != 6000 {
		t.Fatalf("search's committed spend shows %v, want 6000", v)
	}
	s.channelGrid.table.Select(widget.TableCellID{Row: 0, Col: 4})
	enter(s.committed, s.committed.Entry().SetText, "2 500")
	if got := w.doc.Plan().Actuals.Promotions["radio"].Committed; got != 2500 {
		t.Errorf("radio committed %v, want 2500", got)
	}
}

// TestParseBlock reads spreadsheet copies in both locales.
func TestParseBlock(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		loc  numfmt.Locale
		want [][]float64
		bad  bool
	}{
		{"one cell", "42", numfmt.Locale("en"), [][]float64{{42}}, false},
		{"English block", "1,234.5\t2\n3\t$4", numfmt.Locale("en"), [][]float64{{1234.5, 2}, {3, 4}}, false},
		{"French block", "1 234,5\t2\r\n3\t4 €\r\n", numfmt.Locale("fr"), [][]float64{{1234.5, 2}, {3, 4}}, false},
		{"semicolons", "1;2", numfmt.Locale("fr"), [][]float64{{1, 2}}, false},
		{"quoted cells", "\"1 000\"\t2", numfmt.Locale("fr"), [][]float64{{1000, 2}}, false},
		{"empty", "", numfmt.Locale("en"), nil, true},
		{"text", "a", numfmt.Locale("en"), nil, true},
		{"ragged", "1\t2\n3", numfmt.Locale("en"), nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseBlock(tc.text, tc.loc)
			if tc.bad != (err != nil) {
				t.Fatalf("err %v", err)
			}
			if !slices.EqualFunc(got, tc.want, func(a, b []float64) bool { return slices.Equal(a, b) }) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestTrackingChartHover: hovering a closed month shows its actual, an
// open one its estimate.
func TestTrackingChartHover(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	s := trackingOf(t, w)
	s.chart.Resize(fyne.NewSize(600, 300))
	hoverAt(s.chart, 60, 200)
	texts := strings.Join(s.chart.Texts(), "|")
	if !strings.Contains(texts, "Jan 27") || !strings.Contains(texts, "Actual:") {
		t.Errorf("hovering January shows %q", texts)
	}
	hoverAt(s.chart, 480, 200)
	texts = strings.Join(s.chart.Texts(), "|")
	if !strings.Contains(texts, "Estimate: 57"+string(rune(0x202f))+"114") { // November as `mixplan track` prints it
		t.Errorf("hovering November shows %q", texts)
	}
}

// TestReplanRestOfYear: re-planning proposes the optimiser's rest-of-year
// answer (contribution 371,769 € → 399,322 € for the worked example, as
// `mixplan optimize --rest-of-year` prints it); Accept writes every
// channel's spend and months as one undo step and leaves the closed months
// as they happened.
func TestReplanRestOfYear(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	s := trackingOf(t, w)
	before := w.doc.Plan()
	tkBefore, err := planner.Track(before)
	if err != nil {
		t.Fatal(err)
	}
	if s.replan.button.Disabled() {
		t.Fatal("re-planning is not offered with 4 of 12 months closed")
	}
	test.Tap(s.replan.button)
	waitFor(t, w, "the proposal", func() bool { return !s.replan.job.running() })
	o := s.replan.opt
	if o == nil || math.Abs(o.Before.Contribution-371769) > 1 || math.Abs(o.After.Contribution-399322) > 1 {
		t.Fatalf("proposal %+v", o)
	}
	d, ok := w.lastDialog.(*dialog.ConfirmDialog)
	if !ok {
		t.Fatalf("no proposal dialog: %T", w.lastDialog)
	}
	d.Confirm()
	after := w.doc.Plan()
	for c, a := range o.Allocation {
		if after.Promotions[c].Spend != a.Spend {
			t.Errorf("%s spend %v, want %v", a.ID, after.Promotions[c].Spend, a.Spend)
		}
	}
	tk, err := planner.Track(after)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(tk.LatestEstimate.Contribution-o.After.Contribution) > 1e-6*math.Abs(o.After.Contribution) {
		t.Errorf("latest estimate after accepting %v, proposal %v", tk.LatestEstimate.Contribution, o.After.Contribution)
	}
	for c := range tk.ClosedSpends {
		if !slices.Equal(tk.ClosedSpends[c], tkBefore.ClosedSpends[c]) {
			t.Errorf("closed months of %s changed: %v → %v", after.Promotions[c].ID, tkBefore.ClosedSpends[c], tk.ClosedSpends[c])
		}
	}
	if w.doc.UndoLabel() != "Re-plan the rest of the year" || !w.doc.Undo() || w.doc.Plan() != before {
		t.Error("accepting is not one undo step")
	}
}

// TestReplanStale: a proposal for a plan changed meanwhile is not applied.
func TestReplanStale(t *testing.T) {
	w := openWindow(t, teaPlan(t), "", "")
	s := trackingOf(t, w)
	test.Tap(s.replan.button)
	waitFor(t, w, "the proposal", func() bool { return !s.replan.job.running() })
	if err := w.env.Edit("edit", func(p *planner.Plan) { p.Promotions[0].Spend++ }); err != nil {
		t.Fatal(err)
	}
	changed := w.doc.Plan()
	w.lastDialog.(*dialog.ConfirmDialog).Confirm()
	if w.doc.Plan() != changed || !strings.Contains(s.replan.status.Text, "re-plan again") {
		t.Errorf("a stale proposal was applied (status %q)", s.replan.status.Text)
	}
}
