package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mixplan/planner"
	"mixplan/planner/plangen"
)

func scenariosOf(t testing.TB, w *Window) *scenariosScreen {
	t.Helper()
	if !w.ShowScreen("scenarios") {
		t.Fatal("no scenarios screen")
	}
	return w.Screen("scenarios").(*scenariosScreen)
}

// waitFor runs what the window's goroutines hand to the UI goroutine until
// done reports true, as the UI goroutine would. It fails after a minute: a
// guard against a job that never ends, not a speed check (the free-flighting
// frontier of the sample, 0.7 s alone, took over 10 s under -race with the
// machine's two cores busy).
func waitFor(t testing.TB, w *Window, what string, done func() bool) {
	t.Helper()
	for start := time.Now(); time.Since(start) < time.Minute; time.Sleep(2 * time.Millisecond) {
		runUI(w)
		if done() {
			return
		}
	}
	t.Fatalf("gave up waiting for %s", what)
}

// comparisonShown waits until the comparison is the one of the plan shown.
func comparisonShown(t testing.TB, w *Window, s *scenariosScreen) {
	t.Helper()
	waitFor(t, w, "the comparison", func() bool { return s.cmp != nil && s.cmp.plan == w.doc.Plan() })
}

// pickerOptions is what the toolbar's scenario picker offers, and its choice.
func pickerOptions(w *Window) (options []string, selected string) {
	return w.scenario.Options, w.scenario.Selected
}

// TestScenarioComparison reads the comparison of the sample plan: each
// total under the base plan and every scenario, the best of each row
// marked, rows where every column is equal left unmarked.
func TestScenarioComparison(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := scenariosOf(t, w)
	comparisonShown(t, w, s)
	rows, cols := s.table.Length()
	if rows != 8 || cols != 5 {
		t.Fatalf("table of %d×%d, want 8 totals × (names + base + 3 scenarios)", rows, cols)
	}
	for _, tc := range []struct {
		metric string
		texts  []string // base, downturn, strong, price-up
		best   []bool
	}{
		{"Net revenue", []string{"€5,257,355", "€4,468,752", "€5,866,591", "€5,115,509"}, []bool{false, false, true, false}},
		{"Gross margin %", []string{"61.5%", "60.0%", "61.5%", "63.4%"}, []bool{false, false, false, true}},
		{"Contribution", []string{"€2,284,122", "€1,781,487", "€2,619,252", "€2,316,385"}, []bool{false, false, true, false}},
		{"Marketing spend", []string{"€608,000", "€608,000", "€608,000", "€608,000"}, []bool{false, false, false, false}},
		{"ROMI", []string{"73.8%", "43.5%", "91.2%", "74.6%"}, []bool{false, false, true, false}},
		{"CAC", []string{"€28.89", "€33.99", "€26.26", "€31.33"}, []bool{false, false, true, false}},
		// The downturn pays back a month later; the earliest payback is the best.
		{"Payback", []string{"Month 1", "Month 2", "Month 1", "Month 1"}, []bool{true, false, true, true}},
		{"Targets met", []string{"3 of 6", "1 of 6", "6 of 6", "4 of 6"}, []bool{false, false, true, false}},
	} {
		t.Run(tc.metric, func(t *testing.T) {
			row := -1
			for i, m := range s.cmp.metrics {
				if m.name == tc.metric {
					row = i
				}
			}
			if row < 0 {
				t.Fatalf("no row %q", tc.metric)
			}
			for col := range tc.texts {
				text, best := s.cellText(row, col)
				if text != tc.texts[col] || best != tc.best[col] {
					t.Errorf("column %d shows %q (best %v), want %q (%v)", col, text, best, tc.texts[col], tc.best[col])
				}
			}
		})
	}
	// What the table draws for a best cell: bold, green, ticked.
	cell := s.table.CreateCell()
	s.updateCell(widget.TableCellID{Row: 0, Col: 3}, cell)
	l := cell.(*fyne.Container).Objects[0].(*widget.Label)
	if !l.TextStyle.Bold || l.Importance != widget.SuccessImportance || cell.(*fyne.Container).Objects[1].(*widget.Icon).Resource == nil {
		t.Errorf("the best net revenue is not marked: %q bold %v importance %v", l.Text, l.TextStyle.Bold, l.Importance)
	}
	head := s.table.CreateHeader()
	s.updateHeader(widget.TableCellID{Row: -1, Col: 1}, head)
	if got := head.(*widget.Label).Text; got != "Base plan (shown)" {
		t.Errorf("the base plan's heading is %q", got)
	}
}

func TestBestOf(t *testing.T) {
	some := planner.Some
	for _, tc := range []struct {
		name   string
		values []planner.Maybe
		higher bool
		want   []bool
	}{
		{"highest", []planner.Maybe{some(1), some(3), some(2)}, true, []bool{false, true, false}},
		{"lowest", []planner.Maybe{some(1), some(3), some(2)}, false, []bool{true, false, false}},
		{"ties are all best", []planner.Maybe{some(3), some(1), some(3)}, true, []bool{true, false, true}},
		{"all equal: none", []planner.Maybe{some(2), some(2)}, true, []bool{false, false}},
		{"undefined is never best", []planner.Maybe{planner.None, some(5), some(7)}, false, []bool{false, true, false}},
		{"one value: none", []planner.Maybe{some(5), planner.None}, true, []bool{false, false}},
		{"rounding noise is a tie", []planner.Maybe{some(0.1 + 0.2), some(0.3)}, true, []bool{false, false}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := bestOf(tc.values, tc.higher)
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("bestOf = %v, want %v", got, tc.want)
					break
				}
			}
		})
	}
}

// TestScenarioFormEdits commits each field of the form: the plan changes as
// one undo step and the comparison follows.
func TestScenarioFormEdits(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(s *scenariosScreen)
		check func(sc planner.Scenario) bool
		undo  string
	}{
		{"name", func(s *scenariosScreen) { enter(s.name, s.name.Entry().SetText, "Recession") },
			func(sc planner.Scenario) bool { return sc.Name == "Recession" }, "Rename scenario “Consumer downturn”"},
		{"id", func(s *scenariosScreen) { enter(s.id, s.id.Entry().SetText, "recession") },
			func(sc planner.Scenario) bool { return sc.ID == "recession" }, "Change the id of scenario “Consumer downturn”"},
		{"volume", func(s *scenariosScreen) { enter(s.factors[0], s.factors[0].Entry().SetText, "0.8") },
			func(sc planner.Scenario) bool { return sc.Volume == 0.8 }, "Change the volume factor of “Consumer downturn”"},
		{"unit cost", func(s *scenariosScreen) { enter(s.factors[1], s.factors[1].Entry().SetText, "1.045") },
			func(sc planner.Scenario) bool { return sc.UnitCost == 1.045 }, "Change the unit cost factor of “Consumer downturn”"},
		{"response", func(s *scenariosScreen) { enter(s.factors[2], s.factors[2].Entry().SetText, "0.7") },
			func(sc planner.Scenario) bool { return sc.Response == 0.7 }, "Change the response factor of “Consumer downturn”"},
		{"price", func(s *scenariosScreen) { enter(s.factors[3], s.factors[3].Entry().SetText, "0.95") },
			func(sc planner.Scenario) bool { return sc.Price == 0.95 }, "Change the price factor of “Consumer downturn”"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			s := scenariosOf(t, w)
			comparisonShown(t, w, s)
			before, _ := s.cellText(2, 1) // the scenario's contribution
			opened := w.doc.Plan()
			tc.edit(s)
			if !tc.check(w.doc.Plan().Scenarios[0]) || w.doc.UndoLabel() != tc.undo {
				t.Fatalf("scenario %+v, undo %q", w.doc.Plan().Scenarios[0], w.doc.UndoLabel())
			}
			comparisonShown(t, w, s)
			after, _ := s.cellText(2, 1)
			if tc.name != "name" && tc.name != "id" && after == before {
				t.Errorf("the comparison still shows %s", before)
			}
			if tc.name == "unit cost" && s.factors[1].Text() != "1.045" {
				t.Errorf("the factor shows %q: four decimals are kept", s.factors[1].Text())
			}
			if !w.doc.Undo() || w.doc.Plan() != opened {
				t.Errorf("one undo does not take the plan back")
			}
		})
	}
}

func TestScenarioFormRefusals(t *testing.T) {
	for _, tc := range []struct {
		name   string
		field  func(s *scenariosScreen) (interface{ Submit() }, fyne.Focusable, func(string), func() string)
		typed  string
		reason string
	}{
		{"id base", idField, "base", "“base” is the plan as written: choose another id"},
		{"another scenario's id", idField, "strong", "scenario “Strong season” already has this id"},
		{"an id with spaces", idField, "bad times", "use 1 to 64 letters, digits, “_”, “.” or “-”"},
		{"an empty name", func(s *scenariosScreen) (interface{ Submit() }, fyne.Focusable, func(string), func() string) {
			return s.name, s.name.Focusable(), s.name.Entry().SetText, s.name.Reason
		}, " ", "must not be empty"},
		{"a zero factor", factorField(0), "0", "must be greater than 0"},
		{"a negative factor", factorField(3), "-1", "must be greater than 0"},
		{"letters", factorField(1), "x", "not a number: letters are not allowed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			s := scenariosOf(t, w)
			plan := w.doc.Plan()
			f, focus, setText, reason := tc.field(s)
			setText("")
			test.Type(focus, tc.typed)
			f.Submit()
			if got := reason(); got != tc.reason {
				t.Errorf("field says %q, want %q", got, tc.reason)
			}
			if w.doc.Plan() != plan || w.doc.UndoLabel() != "" {
				t.Errorf("the plan changed (undo %q)", w.doc.UndoLabel())
			}
		})
	}
}

func idField(s *scenariosScreen) (interface{ Submit() }, fyne.Focusable, func(string), func() string) {
	return s.id, s.id.Focusable(), s.id.Entry().SetText, s.id.Reason
}

func factorField(i int) func(s *scenariosScreen) (interface{ Submit() }, fyne.Focusable, func(string), func() string) {
	return func(s *scenariosScreen) (interface{ Submit() }, fyne.Focusable, func(string), func() string) {
		f := s.factors[i]
		return f, f.Focusable(), f.Entry().SetText, f.Reason
	}
}

// TestScenarioListActions adds, duplicates, deletes and moves scenarios:
// each one undo step; the list, the form and the toolbar's picker follow.
func TestScenarioListActions(t *testing.T) {
	for _, tc := range []struct {
		name    string
		act     func(w *Window, s *scenariosScreen)
		ids     []string
		sel     int
		undo    string
		options []string
	}{
		{"add", func(w *Window, s *scenariosScreen) { test.Tap(s.actions.add) },
			[]string{"downturn", "strong", "price-up", "scenario"}, 3, "Add scenario “New scenario”",
			[]string{"Base plan", "Consumer downturn", "Strong season", "5 % price rise", "New scenario"}},
		{"duplicate the second", func(w *Window, s *scenariosScreen) { s.list.Select(1); test.Tap(s.actions.duplicate) },
			[]string{"downturn", "strong", "strong-copy", "price-up"}, 2, "Duplicate scenario “Strong season”",
			[]string{"Base plan", "Consumer downturn", "Strong season", "Strong season (copy)", "5 % price rise"}},
		{"delete the third after confirming", func(w *Window, s *scenariosScreen) {
			s.list.Select(2)
			test.Tap(s.actions.remove)
			w.lastDialog.(*dialog.ConfirmDialog).Confirm()
		}, []string{"downturn", "strong"}, 1, "Delete scenario “5 % price rise”",
			[]string{"Base plan", "Consumer downturn", "Strong season"}},
		{"move the first down", func(w *Window, s *scenariosScreen) { s.list.Select(0); test.Tap(s.actions.down) },
			[]string{"strong", "downturn", "price-up"}, 1, "Move scenario “Consumer downturn” down",
			[]string{"Base plan", "Strong season", "Consumer downturn", "5 % price rise"}},
		{"move the last up", func(w *Window, s *scenariosScreen) { s.list.Select(2); test.Tap(s.actions.up) },
			[]string{"downturn", "price-up", "strong"}, 1, "Move scenario “5 % price rise” up",
			[]string{"Base plan", "Consumer downturn", "5 % price rise", "Strong season"}},
		{"rename", func(w *Window, s *scenariosScreen) { s.list.Select(1); enter(s.name, s.name.Entry().SetText, "Boom") },
			[]string{"downturn", "strong", "price-up"}, 1, "Rename scenario “Strong season”",
			[]string{"Base plan", "Consumer downturn", "Boom", "5 % price rise"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			s := scenariosOf(t, w)
			tc.act(w, s)
			p := w.doc.Plan()
			var ids []string
			for _, sc := range p.Scenarios {
				ids = append(ids, sc.ID)
			}
			if strings.Join(ids, " ") != strings.Join(tc.ids, " ") {
				t.Errorf("scenarios %v, want %v", ids, tc.ids)
			}
			if s.sel != tc.sel || s.name.Text() != p.Scenarios[tc.sel].Name || s.list.Length() != len(tc.ids) {
				t.Errorf("selected %d showing %q, want %d (%q)", s.sel, s.name.Text(), tc.sel, p.Scenarios[tc.sel].Name)
			}
			if w.doc.UndoLabel() != tc.undo {
				t.Errorf("undo step %q, want %q", w.doc.UndoLabel(), tc.undo)
			}
			if opts, sel := pickerOptions(w); strings.Join(opts, "|") != strings.Join(tc.options, "|") || sel != "Base plan" {
				t.Errorf("picker offers %q with %q chosen, want %q", opts, sel, tc.options)
			}
			comparisonShown(t, w, s)
			if _, cols := s.table.Length(); cols != len(tc.ids)+2 {
				t.Errorf("the comparison has %d columns for %d scenarios", cols, len(tc.ids))
			}
		})
	}
}

// TestPickerFollowsTheScenarioShown: the window shows a scenario; renaming
// it, changing its id and deleting it keep the toolbar's picker right.
func TestPickerFollowsTheScenarioShown(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := scenariosOf(t, w)
	s.list.Select(1)
	test.Tap(s.show)
	if w.doc.Scenario() != "strong" || w.scenario.Selected != "Strong season" || !s.show.Disabled() {
		t.Fatalf("showing %q, picker %q", w.doc.Scenario(), w.scenario.Selected)
	}
	steps := []struct {
		name     string
		do       func()
		scenario string
		picked   string
	}{
		{"rename it", func() { enter(s.name, s.name.Entry().SetText, "Boom") }, "strong", "Boom"},
		{"change its id", func() { enter(s.id, s.id.Entry().SetText, "boom") }, "boom", "Boom"},
		{"name another one the same", func() {
			s.list.Select(0)
			enter(s.name, s.name.Entry().SetText, "Boom")
		}, "boom", "Boom (boom)"},
		{"delete it", func() {
			s.list.Select(1)
			test.Tap(s.actions.remove)
			d := w.lastDialog.(*dialog.ConfirmDialog)
			d.Confirm()
		}, "base", "Base plan"},
	}
	for _, st := range steps {
		st.do()
		if w.doc.Scenario() != st.scenario || w.scenario.Selected != st.picked {
			t.Errorf("%s: the window shows %q, the picker %q; want %q, %q", st.name, w.doc.Scenario(), w.scenario.Selected, st.scenario, st.picked)
		}
	}
	if got := overviewOf(w).scenario.Text; got != "Figures for the base plan." {
		t.Errorf("the Overview says %q", got)
	}
}

// TestDeleteShownScenarioWarns: the question says the window will go back
// to the base plan; cancelling changes nothing.
func TestDeleteShownScenarioWarns(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	w.SetScenario("downturn")
	s := scenariosOf(t, w)
	s.list.Select(0)
	test.Tap(s.actions.remove)
	d, ok := w.lastDialog.(*dialog.ConfirmDialog)
	if !ok {
		t.Fatal("no confirmation asked")
	}
	d.Dismiss()
	if len(w.doc.Plan().Scenarios) != 3 || w.doc.Dirty() || w.doc.Scenario() != "downturn" {
		t.Errorf("cancelled delete changed something")
	}
}

// TestScenarioEmptyList deletes every scenario: the form gives way to a
// note; the comparison keeps the base plan; undo brings them back.
func TestScenarioEmptyList(t *testing.T) {
	p := samplePlan(t)
	p.Scenarios = p.Scenarios[:1]
	w := openWindow(t, p, "", "")
	s := scenariosOf(t, w)
	test.Tap(s.actions.remove)
	w.lastDialog.(*dialog.ConfirmDialog).Confirm()
	comparisonShown(t, w, s)
	if s.sel != -1 || s.detail.Visible() || !s.empty.Visible() {
		t.Errorf("sel %d, form visible %v", s.sel, s.detail.Visible())
	}
	if text, best := s.cellText(0, 0); text != "€5,257,355" || best {
		t.Errorf("base column %q (best %v)", text, best)
	}
	w.doc.Undo()
	if s.sel != 0 || !s.detail.Visible() || s.name.Text() != "Consumer downturn" {
		t.Errorf("undo does not bring the scenario back into the form")
	}
}

// TestScenarioLimit: a plan holds at most 100 scenarios, so with 100 the
// Add and Duplicate buttons are off; deleting one turns them back on.
func TestScenarioLimit(t *testing.T) {
	p := samplePlan(t)
	for len(p.Scenarios) < planner.MaxScenarios {
		sc := p.Scenarios[0]
		sc.ID = fmt.Sprintf("s%d", len(p.Scenarios))
		p.Scenarios = append(p.Scenarios, sc)
	}
	w := openWindow(t, p, "", "")
	s := scenariosOf(t, w)
	if !s.actions.add.Disabled() || !s.actions.duplicate.Disabled() {
		t.Errorf("Add or Duplicate is on with %d scenarios", len(p.Scenarios))
	}
	test.Tap(s.actions.remove)
	w.lastDialog.(*dialog.ConfirmDialog).Confirm()
	if s.actions.add.Disabled() || s.actions.duplicate.Disabled() {
		t.Errorf("Add or Duplicate stays off with %d scenarios", len(w.doc.Plan().Scenarios))
	}
}

// TestComparisonColumnSelectsScenario taps a scenario's column: the form shows it.
func TestComparisonColumnSelectsScenario(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := scenariosOf(t, w)
	comparisonShown(t, w, s)
	s.table.Select(widget.TableCellID{Row: 2, Col: 4})
	if s.sel != 2 || s.name.Text() != "5 % price rise" {
		t.Errorf("selected %d (%q)", s.sel, s.name.Text())
	}
}

// BenchmarkScenarioEdit changes a scenario's factor on the large plan from
// the Scenarios screen: validate, recompute, redraw the list and the form,
// start the comparison. The goal is under 50 ms.
func BenchmarkScenarioEdit(b *testing.B) {
	w := openWindow(b, plangen.Generate(plangen.Large, 1), "", "")
	s := scenariosOf(b, w)
	s.list.Select(0)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x := 1 + float64(i%2)/10
		if err := s.edit("bench", func(sc *planner.Scenario) { sc.Volume = x }); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	s.cmpJob.stop()
}

// BenchmarkScenarioComparison computes the comparison of the large plan
// (the base plan and 10 scenarios) as the screen does in the background.
func BenchmarkScenarioComparison(b *testing.B) {
	p := plangen.Generate(plangen.Large, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := compareScenarios(b.Context(), p, compareMetrics(), "Base plan"); err != nil {
			b.Fatal(err)
		}
	}
}
