package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"mixplan/app/ui/widgets"
	"mixplan/planner"
)

// TestEditUndoRedo changes a spend as a person would and follows the KPIs
// through undo and redo, with the title's unsaved mark.
func TestEditUndoRedo(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	before := tileValue(w, kpiContribution)
	title := w.win.Title()
	if strings.HasPrefix(title, "•") {
		t.Fatalf("a plan just opened is marked unsaved: %q", title)
	}
	ps := promotionOf(t, w)
	ps.list.Select(0)
	enter(ps.spend.Field, ps.spend.Field.Entry().SetText, "150,000")

	if got := w.doc.Plan().Promotions[0].Spend; got != 150000 {
		t.Fatalf("spend in the plan %v, want 150000", got)
	}
	if got := ps.spend.Slider().Value; got != 150000 {
		t.Errorf("slider at %v, want 150000", got)
	}
	w.ShowScreen("overview")
	after := tileValue(w, kpiContribution)
	if after == before {
		t.Fatalf("contribution tile still %s after the spend changed", after)
	}
	if !strings.HasPrefix(w.win.Title(), "• ") {
		t.Errorf("title %q has no unsaved mark after an edit", w.win.Title())
	}
	if got, want := w.undoItem.Label, "Undo Change the spend of “Search ads”"; got != want {
		t.Errorf("Edit menu says %q, want %q", got, want)
	}

	for _, step := range []struct {
		name   string
		do     func()
		want   string
		spend  float64
		marked bool
	}{
		{"undo from the menu", w.undoItem.Action, before, 90000, false},
		{"redo from the menu", w.redoItem.Action, after, 150000, true},
		{"undo with Ctrl+Z", func() { typeShortcut(w, shortcutUndo) }, before, 90000, false},
		{"redo with Ctrl+Shift+Z", func() { typeShortcut(w, shortcutRedo) }, after, 150000, true},
		{"undo again", w.undoItem.Action, before, 90000, false},
		{"redo with Ctrl+Y", func() { typeShortcut(w, shortcutRedoY) }, after, 150000, true},
	} {
		t.Run(step.name, func(t *testing.T) {
			step.do()
			if got := tileValue(w, kpiContribution); got != step.want {
				t.Errorf("contribution tile %s, want %s", got, step.want)
			}
			if got := w.doc.Plan().Promotions[0].Spend; got != step.spend {
				t.Errorf("spend %v, want %v", got, step.spend)
			}
			if marked := strings.HasPrefix(w.win.Title(), "• "); marked != step.marked {
				t.Errorf("title %q: unsaved mark %v, want %v (undoing to the opened plan is clean)", w.win.Title(), marked, step.marked)
			}
		})
	}
	// The promotion screen, hidden meanwhile, shows the redone spend when opened.
	promotionOf(t, w)
	if got := ps.spend.Field.Text(); got != "€150,000" {
		t.Errorf("spend field shows %q, want €150,000", got)
	}
}

func typeShortcut(w *Window, s fyne.Shortcut) {
	w.win.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

// TestRefusedInput types what a plan cannot take: the field says why, the
// plan does not change and nothing is added to the undo history.
func TestRefusedInput(t *testing.T) {
	for _, tc := range []struct {
		name  string
		field func(s *promotionScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string)
		typed  string
		reason string
	}{
		{"letters in the spend", spendField, "abc", "not a number: letters are not allowed"},
		{"a negative spend", spendField, "-5000", "must be €0 or more"},
		{"an English decimal comma", spendField, "1,5", "not a number: digits after a thousands comma come in threes"},
		{"an empty spend", spendField, "", "enter a number"},
		{"a maximum below the minimum", func(s *promotionScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return s.max, s.max.Entry().SetText, s.max.Reason
		}, "10,000", "must be €20,000 or more"},
		{"a minimum above the maximum", func(s *promotionScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return s.min, s.min.Entry().SetText, s.min.Reason
		}, "300000", "must be €220,000 or less"},
		{"a zero half-saturation spend", func(s *promotionScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return s.halfSpend, s.halfSpend.Entry().SetText, s.halfSpend.Reason
		}, "0", "must be greater than €0"},
		{"a shape above 10", func(s *promotionScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return s.shape, s.shape.Entry().SetText, s.shape.Reason
		}, "12", "must be 10 or less"},
		{"an empty name", func(s *promotionScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return s.name, s.name.Entry().SetText, s.name.Reason
		}, "  ", "must not be empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			ps := promotionOf(t, w)
			ps.list.Select(0)
			plan := w.doc.Plan()
			f, setText, reason := tc.field(ps)
			enter(f, setText, tc.typed)
			if got := reason(); got != tc.reason {
				t.Errorf("field says %q, want %q", got, tc.reason)
			}
			if w.doc.Plan() != plan || w.doc.UndoLabel() != "" || w.doc.Dirty() {
				t.Errorf("the plan changed (undo %q, dirty %v)", w.doc.UndoLabel(), w.doc.Dirty())
			}
		})
	}
}

func spendField(s *promotionScreen) (interface {
	Focusable() fyne.Focusable
	Submit()
}, func(string), func() string) {
	return s.spend.Field, s.spend.Field.Entry().SetText, s.spend.Field.Reason
}

// TestPlanRefusalShownAtTheField: a value each field accepts but the plan as
// a whole refuses (a split whose weights add up to 0) is explained at the
// field and changes nothing.
func TestPlanRefusalShownAtTheField(t *testing.T) {
	p := samplePlan(t)
	p.Promotions[0].Split = map[string]float64{"trail-shoe": 1}
	w := openWindow(t, p, "", "")
	ps := promotionOf(t, w)
	ps.list.Select(0)
	weight := findNumberFields(ps.splitRows)
	if len(weight) != 1 {
		t.Fatalf("%d split weights shown, want 1", len(weight))
	}
	enter(weight[0], weight[0].Entry().SetText, "0")
	if got := weight[0].Reason(); got != "the weights must add up to more than 0" {
		t.Errorf("weight field says %q", got)
	}
	if w.doc.Dirty() || w.doc.Plan().Promotions[0].Split["trail-shoe"] != 1 {
		t.Errorf("the refused split reached the plan")
	}
	if weight[0].Text() != "0" {
		t.Errorf("the typed text was lost: %q", weight[0].Text())
	}
}

// TestEveryFieldIsOneUndoStep commits each field of the form and checks
// the plan, then that one undo takes it back.
func TestEveryFieldIsOneUndoStep(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(s *promotionScreen)
		check func(pm planner.Promotion) bool
	}{
		{"name", func(s *promotionScreen) { enter(s.name, s.name.Entry().SetText, "Paid search") },
			func(pm planner.Promotion) bool { return pm.Name == "Paid search" }},
		{"kind", func(s *promotionScreen) { enter(s.kind, s.kind.Entry().SetText, "search") },
			func(pm planner.Promotion) bool { return pm.Kind == "search" }},
		{"spend by slider", func(s *promotionScreen) { s.spend.Drag(120000) },
			func(pm planner.Promotion) bool { return pm.Spend == 120000 }},
		{"minimum", func(s *promotionScreen) { enter(s.min, s.min.Entry().SetText, "25000") },
			func(pm planner.Promotion) bool { return pm.Min == 25000 }},
		{"maximum", func(s *promotionScreen) { enter(s.max, s.max.Entry().SetText, "250000") },
			func(pm planner.Promotion) bool { return pm.Max != nil && *pm.Max == 250000 }},
		{"no maximum", func(s *promotionScreen) { enter(s.max, s.max.Entry().SetText, "") },
			func(pm planner.Promotion) bool { return pm.Max == nil }},
		{"saturation", func(s *promotionScreen) { enter(s.maxUnits, s.maxUnits.Entry().SetText, "12000") },
			func(pm planner.Promotion) bool { return pm.Response.MaxUnits == 12000 }},
		{"half-saturation", func(s *promotionScreen) { enter(s.halfSpend, s.halfSpend.Entry().SetText, "€90,000") },
			func(pm planner.Promotion) bool { return pm.Response.HalfSpend == 90000 }},
		{"shape", func(s *promotionScreen) { enter(s.shape, s.shape.Entry().SetText, "1.5") },
			func(pm planner.Promotion) bool { return pm.Response.Shape == 1.5 }},
		{"split by base volume", func(s *promotionScreen) { test.Tap(s.proportional) },
			func(pm planner.Promotion) bool { return pm.Split == nil }},
		{"a split weight", func(s *promotionScreen) {
			f := findNumberFields(s.splitRows)[0]
			enter(f, f.Entry().SetText, "2")
		}, func(pm planner.Promotion) bool { return pm.Split["trail-shoe"] == 2 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			ps := promotionOf(t, w)
			ps.list.Select(0)
			opened := w.doc.Plan()
			tc.edit(ps)
			if !tc.check(w.doc.Plan().Promotions[0]) {
				t.Fatalf("the plan does not have the change: %+v", w.doc.Plan().Promotions[0])
			}
			if !w.doc.Undo() || w.doc.Plan() != opened || w.doc.UndoLabel() != "" {
				t.Errorf("one undo does not take the plan back to the opened one (undo left: %q)", w.doc.UndoLabel())
			}
		})
	}
}

func TestChannelListActions(t *testing.T) {
	for _, tc := range []struct {
		name    string
		act     func(w *Window, s *promotionScreen)
		ids     []string
		sel     int
		undoLbl string
	}{
		{"add", func(w *Window, s *promotionScreen) { test.Tap(s.actions.add) },
			[]string{"search", "social", "influencers", "email", "pos", "podcast", "radio", "races", "channel"}, 8, "Add channel “New channel”"},
		{"duplicate the second", func(w *Window, s *promotionScreen) { s.list.Select(1); test.Tap(s.actions.duplicate) },
			[]string{"search", "social", "social-copy", "influencers", "email", "pos", "podcast", "radio", "races"}, 2, "Duplicate channel “Social media”"},
		{"delete the third after confirming", func(w *Window, s *promotionScreen) {
			s.list.Select(2)
			test.Tap(s.actions.remove)
			w.lastDialog.(*dialog.ConfirmDialog).Confirm()
		}, []string{"search", "social", "email", "pos", "podcast", "radio", "races"}, 2, "Delete channel “Trail influencers”"},
		{"move the first down", func(w *Window, s *promotionScreen) { s.list.Select(0); test.Tap(s.actions.down) },
			[]string{"social", "search", "influencers", "email", "pos", "podcast", "radio", "races"}, 1, "Move channel “Search ads” down"},
		{"move the last up", func(w *Window, s *promotionScreen) { s.list.Select(7); test.Tap(s.actions.up) },
			[]string{"search", "social", "influencers", "email", "pos", "podcast", "races", "radio"}, 6, "Move channel “Race sponsorship” up"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			s := promotionOf(t, w)
			tc.act(w, s)
			p := w.doc.Plan()
			var ids []string
			for _, pm := range p.Promotions {
				ids = append(ids, pm.ID)
			}
			if strings.Join(ids, " ") != strings.Join(tc.ids, " ") {
				t.Errorf("channels %v, want %v", ids, tc.ids)
			}
			if s.sel != tc.sel || s.name.Text() != p.Promotions[tc.sel].Name {
				t.Errorf("selected %d showing %q, want %d (%q)", s.sel, s.name.Text(), tc.sel, p.Promotions[tc.sel].Name)
			}
			if w.doc.UndoLabel() != tc.undoLbl {
				t.Errorf("undo step %q, want %q", w.doc.UndoLabel(), tc.undoLbl)
			}
			if s.list.Length() != len(tc.ids) {
				t.Errorf("list shows %d rows", s.list.Length())
			}
		})
	}
}

func TestDeleteAsksFirst(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	channels := len(w.doc.Plan().Promotions)
	s := promotionOf(t, w)
	s.list.Select(0)
	test.Tap(s.actions.remove)
	d, ok := w.lastDialog.(*dialog.ConfirmDialog)
	if !ok {
		t.Fatalf("no confirmation asked")
	}
	d.Dismiss() // Cancel
	if len(w.doc.Plan().Promotions) != channels || w.doc.Dirty() {
		t.Errorf("cancelled delete changed the plan")
	}
}

func TestDeleteEveryChannel(t *testing.T) {
	p := samplePlan(t)
	var others []string
	for _, c := range p.Promotions[1:] {
		others = append(others, c.ID)
	}
	for _, id := range others {
		dropChannel(p, id) // out of the digital group too
	}
	w := openWindow(t, p, "", "")
	s := promotionOf(t, w)
	test.Tap(s.actions.remove)
	w.lastDialog.(*dialog.ConfirmDialog).Confirm()
	if len(w.doc.Plan().Promotions) != 0 || s.sel != -1 || s.detail.Visible() || !s.empty.Visible() {
		t.Errorf("after deleting the last channel: sel %d, form visible %v", s.sel, s.detail.Visible())
	}
	w.doc.Undo()
	if s.sel != 0 || !s.detail.Visible() || s.name.Text() != "Search ads" {
		t.Errorf("undo does not bring the channel back into the form")
	}
}

func TestPromotionResults(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := promotionOf(t, w)
	s.list.Select(0)
	for _, tc := range []struct{ name, got, want string }{
		{"extra units", s.lift.Text, "4,684"},
		{"incremental contribution", s.incremental.Text, "€198,820"},
		{"ROI", s.roi.Text, "120.9%"},
		{"marginal ROI", s.marginal.Text, "21.5%"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s shows %q, want %q", tc.name, tc.got, tc.want)
		}
	}
	if !contains(s.curve.Texts(), "Current spend") {
		t.Errorf("curve legend %v lacks the current spend", s.curve.Texts())
	}
}

// findNumberFields returns the number fields inside o, in order.
func findNumberFields(o fyne.CanvasObject) []*widgets.NumberField {
	var out []*widgets.NumberField
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widgets.NumberField:
			out = append(out, x)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}
