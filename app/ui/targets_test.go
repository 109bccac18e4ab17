package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/widgets"
	"mixplan/planner"
	"mixplan/planner/numfmt"
	"mixplan/planner/plangen"
)

func targetsOf(t testing.TB, w *Window) *targetsScreen {
	t.Helper()
	if !w.ShowScreen("targets") {
		t.Fatal("no targets screen")
	}
	return w.Screen("targets").(*targetsScreen)
}

// row returns the screen's row of target key.
func (s *targetsScreen) row(key string) *targetRow {
	for _, r := range s.targets {
		if r.key == key {
			return r
		}
	}
	return nil
}

// TestTargetsShowThePlan opens the sample plan and reads the screen: the
// settings in their fields, each target with the figure it is held against,
// green when met and red when missed.
func TestTargetsShowThePlan(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := targetsOf(t, w)
	for _, tc := range []struct{ name, got, want string }{
		{"name", s.name.Text(), "Trail running range 2027"},
		{"company", s.company.Text(), "Northpeak Outdoor Ltd"},
		{"currency", s.currency.Text(), "EUR"},
		{"first month", s.start.Text(), "2027-01"},
		{"months", s.months.Text(), "12"},
		{"retention", s.retention.Text(), "45%"},
		{"discount rate", s.discount.Text(), "10%"},
		{"number format", s.locale.Selected, "English: €1,234.50"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s shows %q, want %q", tc.name, tc.got, tc.want)
		}
	}
	for _, tc := range []struct {
		key, field, status string
		importance         widget.Importance
	}{
		{"revenue", "€5,400,000", "Missed — now €5,257,355, gap -€142,645", widget.DangerImportance},
		{"grossMarginPct", "60%", "Met — now 61.5%, gap +1.5 pts", widget.SuccessImportance},
		{"contribution", "€2,300,000", "Missed — now €2,284,122, gap -€15,878", widget.DangerImportance},
		{"budget", "€620,000", "Met — now €608,000, gap -€12,000", widget.SuccessImportance},
		{"romi", "80%", "Missed — now 73.8%, gap -6.2 pts", widget.DangerImportance},
		{"cac", "€32", "Met — now €28.89, gap -€3.11", widget.SuccessImportance},
	} {
		t.Run(tc.key, func(t *testing.T) {
			r := s.row(tc.key)
			if r.field.Text() != tc.field {
				t.Errorf("field shows %q, want %q", r.field.Text(), tc.field)
			}
			if r.status.Text != tc.status || r.status.Importance != tc.importance {
				t.Errorf("status %q (importance %v), want %q (%v)", r.status.Text, r.status.Importance, tc.status, tc.importance)
			}
			if r.icon.Resource == nil {
				t.Errorf("no met/missed mark")
			}
		})
	}
}

// TestTargetsAndSettingsEdits commits each field as a person would and
// checks the plan, what the screen and the Overview then show, and that one
// undo takes the change back.
func TestTargetsAndSettingsEdits(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(s *targetsScreen)
		check func(t *testing.T, w *Window, s *targetsScreen)
	}{
		{"set a revenue target the plan meets", func(s *targetsScreen) {
			f := s.row("revenue").field
			enter(f, f.Entry().SetText, "5,000,000")
		}, func(t *testing.T, w *Window, s *targetsScreen) {
			if v := w.doc.Plan().Targets.Revenue; v == nil || *v != 5e6 {
				t.Errorf("revenue target %v", v)
			}
			if r := s.row("revenue"); r.status.Text != "Met — now €5,257,355, gap +€257,355" || r.status.Importance != widget.SuccessImportance {
				t.Errorf("status %q", r.status.Text)
			}
			w.ShowScreen("overview")
			if k := overviewOf(w).tiles[kpiRevenue].KPI(); k.Status != widgets.Met {
				t.Errorf("the Overview's revenue tile is not green: %+v", k)
			}
		}},
		{"unset the ROMI target by emptying it", func(s *targetsScreen) {
			f := s.row("romi").field
			enter(f, f.Entry().SetText, "")
		}, func(t *testing.T, w *Window, s *targetsScreen) {
			if w.doc.Plan().Targets.ROMI != nil {
				t.Errorf("ROMI target still set")
			}
			if r := s.row("romi"); r.status.Text != "Not set — now 73.8%" || r.icon.Resource != nil {
				t.Errorf("status %q", r.status.Text)
			}
			if met, set := w.doc.Report().MetCount(); met != 3 || set != 5 {
				t.Errorf("%d of %d targets met, want 3 of 5", met, set)
			}
		}},
		{"a gross margin target typed as a percentage", func(s *targetsScreen) {
			f := s.row("grossMarginPct").field
			enter(f, f.Entry().SetText, "62.5")
		}, func(t *testing.T, w *Window, s *targetsScreen) {
			if v := w.doc.Plan().Targets.GrossMarginPct; v == nil || *v != 0.625 {
				t.Errorf("gross margin target %v, want 0.625", v)
			}
			if r := s.row("grossMarginPct"); r.status.Importance != widget.DangerImportance {
				t.Errorf("61.5%% against 62.5%% is not red: %q", r.status.Text)
			}
		}},
		{"CAC target with cents", func(s *targetsScreen) {
			f := s.row("cac").field
			enter(f, f.Entry().SetText, "29.50")
		}, func(t *testing.T, w *Window, s *targetsScreen) {
			if v := w.doc.Plan().Targets.CAC; v == nil || *v != 29.5 {
				t.Errorf("CAC target %v", v)
			}
			if f := s.row("cac").field; f.Text() != "€29.50" {
				t.Errorf("CAC field shows %q", f.Text())
			}
		}},
		{"plan name", func(s *targetsScreen) { enter(s.name, s.name.Entry().SetText, "Trail 2028") },
			func(t *testing.T, w *Window, s *targetsScreen) {
				if w.doc.Plan().Name != "Trail 2028" || !strings.Contains(w.win.Title(), "Trail 2028") {
					t.Errorf("name %q, title %q", w.doc.Plan().Name, w.win.Title())
				}
			}},
		{"company", func(s *targetsScreen) { enter(s.company, s.company.Entry().SetText, "Northpeak SA") },
			func(t *testing.T, w *Window, s *targetsScreen) {
				if w.doc.Plan().Company != "Northpeak SA" {
					t.Errorf("company %q", w.doc.Plan().Company)
				}
			}},
		{"currency", func(s *targetsScreen) { enter(s.currency, s.currency.Entry().SetText, "USD") },
			func(t *testing.T, w *Window, s *targetsScreen) {
				if w.doc.Plan().Currency != "USD" {
					t.Errorf("currency %q", w.doc.Plan().Currency)
				}
				if got := s.row("revenue").field.Text(); got != "$5,400,000" {
					t.Errorf("the revenue target is written %q in dollars", got)
				}
				w.ShowScreen("overview")
				if got := tileValue(w, kpiRevenue); got != "$5,257,355" {
					t.Errorf("the Overview writes %q", got)
				}
			}},
		{"no first month", func(s *targetsScreen) { enter(s.start, s.start.Entry().SetText, "") },
			func(t *testing.T, w *Window, s *targetsScreen) {
				if w.doc.Plan().Start != "" || w.doc.Report().Monthly[0].Month != "M1" {
					t.Errorf("start %q, first month %q", w.doc.Plan().Start, w.doc.Report().Monthly[0].Month)
				}
			}},
		{"first month", func(s *targetsScreen) { enter(s.start, s.start.Entry().SetText, "2026-09") },
			func(t *testing.T, w *Window, s *targetsScreen) {
				if w.doc.Report().Monthly[0].Month != "2026-09" {
					t.Errorf("first month %q", w.doc.Report().Monthly[0].Month)
				}
			}},
		{"retention", func(s *targetsScreen) { enter(s.retention, s.retention.Entry().SetText, "55%") },
			func(t *testing.T, w *Window, s *targetsScreen) {
				if w.doc.Plan().RetentionPct != 0.55 {
					t.Errorf("retention %v", w.doc.Plan().RetentionPct)
				}
			}},
		{"discount rate", func(s *targetsScreen) { enter(s.discount, s.discount.Entry().SetText, "8") },
			func(t *testing.T, w *Window, s *targetsScreen) {
				if w.doc.Plan().DiscountRate != 0.08 {
					t.Errorf("discount rate %v", w.doc.Plan().DiscountRate)
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			s := targetsOf(t, w)
			opened := w.doc.Plan()
			tc.edit(s)
			if w.doc.Plan() == opened {
				t.Fatal("the plan did not change")
			}
			tc.check(t, w, s)
			if !w.doc.Undo() || w.doc.Plan() != opened || w.doc.UndoLabel() != "" {
				t.Errorf("one undo does not take the plan back to the opened one (undo left: %q)", w.doc.UndoLabel())
			}
		})
	}
}

// TestTargetsRefuseInput types what the plan cannot take: the field says
// why and nothing reaches the plan.
func TestTargetsRefuseInput(t *testing.T) {
	text := func(f *widgets.TextField) (interface {
		Focusable() fyne.Focusable
		Submit()
	}, func(string), func() string) {
		return f, f.Entry().SetText, f.Reason
	}
	number := func(f *widgets.NumberField) (interface {
		Focusable() fyne.Focusable
		Submit()
	}, func(string), func() string) {
		return f, f.Entry().SetText, f.Reason
	}
	for _, tc := range []struct {
		name  string
		field func(s *targetsScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string)
		typed, reason string
	}{
		{"an empty name", func(s *targetsScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return text(s.name)
		}, " ", "must not be empty"},
		{"a currency in small letters", func(s *targetsScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return text(s.currency)
		}, "usd", "write the code in capitals: USD"},
		{"a currency that does not exist", func(s *targetsScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return text(s.currency)
		}, "EUE", "not an ISO 4217 currency code: use three capitals such as EUR, USD or GBP"},
		{"a currency sign", func(s *targetsScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return text(s.currency)
		}, "€", "not an ISO 4217 currency code: use three capitals such as EUR, USD or GBP"},
		{"month 13", func(s *targetsScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return text(s.start)
		}, "2027-13", "write the month as YYYY-MM, such as 2027-01, or leave it empty"},
		{"a date with a day", func(s *targetsScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return text(s.start)
		}, "2027-01-01", "write the month as YYYY-MM, such as 2027-01, or leave it empty"},
		{"no months", func(s *targetsScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return number(s.months)
		}, "0", "must be 1 or more"},
		{"61 months", func(s *targetsScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return number(s.months)
		}, "61", "must be 60 or less"},
		{"half a month", func(s *targetsScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return number(s.months)
		}, "12.5", "must be a whole number"},
		{"full retention", func(s *targetsScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return number(s.retention)
		}, "100", "must be less than 100%"},
		{"a negative discount rate", func(s *targetsScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return number(s.discount)
		}, "-2", "must be 0% or more"},
		{"a gross margin target of 100 %", func(s *targetsScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return number(s.row("grossMarginPct").field)
		}, "100", "must be less than 100%"},
		{"a negative budget", func(s *targetsScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return number(s.row("budget").field)
		}, "-5000", "must be €0 or more"},
		{"letters in a target", func(s *targetsScreen) (interface {
			Focusable() fyne.Focusable
			Submit()
		}, func(string), func() string) {
			return number(s.row("revenue").field)
		}, "lots", "not a number: letters are not allowed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			s := targetsOf(t, w)
			plan := w.doc.Plan()
			f, setText, reason := tc.field(s)
			enter(f, setText, tc.typed)
			if got := reason(); got != tc.reason {
				t.Errorf("field says %q, want %q", got, tc.reason)
			}
			if w.doc.Plan() != plan || w.doc.UndoLabel() != "" || w.lastDialog != nil {
				t.Errorf("the plan changed (undo %q) or a dialog opened", w.doc.UndoLabel())
			}
		})
	}
}

// TestNumberFormatChangesEverywhere picks the French number format: every
// figure of every screen is written the French way at once, and undo
// brings the English way back.
func TestNumberFormatChangesEverywhere(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := targetsOf(t, w)
	nb := numfmt.NNBSP
	s.locale.SetSelected(s.locale.Options[1])
	w.ShowScreen("overview")
	if w.doc.Plan().Locale != "fr" || w.doc.UndoLabel() != "Write numbers in French" {
		t.Fatalf("locale %q, undo %q", w.doc.Plan().Locale, w.doc.UndoLabel())
	}
	for _, tc := range []struct{ name, got, want string }{
		{"revenue target", s.row("revenue").field.Text(), "5" + nb + "400" + nb + "000" + nb + "€"},
		{"retention", s.retention.Text(), "45" + nb + "%"},
		{"revenue status", s.row("revenue").status.Text, "Missed — now 5" + nb + "257" + nb + "355" + nb + "€, gap -142" + nb + "645" + nb + "€"},
		{"Overview tile", tileValue(w, kpiRevenue), "5" + nb + "257" + nb + "355" + nb + "€"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s shows %q, want %q", tc.name, tc.got, tc.want)
		}
	}
	o := optimizeOf(t, w)
	if got := o.channelCell(0, 1); got != "90"+nb+"000"+nb+"€" {
		t.Errorf("the Optimise screen writes a spend %q", got)
	}
	w.doc.Undo()
	s = targetsOf(t, w)
	if got := s.row("revenue").field.Text(); got != "€5,400,000" || s.locale.Selected != s.locale.Options[0] {
		t.Errorf("after undo: %q, format %q", got, s.locale.Selected)
	}
}

// TestHorizonChange changes the number of months: seasonality, flighting
// and responsiveness lists follow (the pattern repeats when longer, is cut
// when shorter, and becomes flat when nothing is left), after a dialog that
// says so.
func TestHorizonChange(t *testing.T) {
	sample := samplePlan(t)
	flight := func(p *planner.Plan, id string) []float64 { return p.Promotions[promotionIndex(p, id)].Flighting }
	answers := func(p *planner.Plan, id string) []float64 { return p.Promotions[promotionIndex(p, id)].Responsiveness }
	for _, tc := range []struct {
		name    string
		typed   string
		confirm bool
		months  int
		check   func(t *testing.T, p *planner.Plan)
	}{
		{"longer: patterns repeat", "24", true, 24, func(t *testing.T, p *planner.Plan) {
			gift := p.Products[4].Seasonality
			if len(gift) != 24 || !slices.Equal(gift[12:], sample.Products[4].Seasonality) {
				t.Errorf("gift box seasonality %v", gift)
			}
			if f := flight(p, "races"); len(f) != 24 || !slices.Equal(f[:12], f[12:]) {
				t.Errorf("race flighting %v", f)
			}
			if r := answers(p, "search"); len(r) != 24 || !slices.Equal(r[12:], answers(sample, "search")) {
				t.Errorf("search responsiveness %v", r)
			}
		}},
		{"shorter: first months kept", "6", true, 6, func(t *testing.T, p *planner.Plan) {
			if got := p.Products[0].Seasonality; !slices.Equal(got, sample.Products[0].Seasonality[:6]) {
				t.Errorf("trail shoe seasonality %v", got)
			}
			if got := flight(p, "races"); !slices.Equal(got, []float64{0, 0, 0, 1, 1, 1}) {
				t.Errorf("race flighting %v", got)
			}
			if p.Products[3].Seasonality != nil {
				t.Errorf("flat socks got a seasonality")
			}
			if got := answers(p, "search"); !slices.Equal(got, answers(sample, "search")[:6]) {
				t.Errorf("search responsiveness %v", got)
			}
			if answers(p, "email") != nil {
				t.Errorf("evenly answering email got a responsiveness")
			}
		}},
		{"shorter: a pattern with nothing left is flat", "3", true, 3, func(t *testing.T, p *planner.Plan) {
			if got := flight(p, "races"); got != nil {
				t.Errorf("race flighting %v, want flat (its first three months are 0)", got)
			}
			if got := answers(p, "races"); got != nil {
				t.Errorf("race responsiveness %v, want flat (its first three months are 0)", got)
			}
			if got := flight(p, "social"); !slices.Equal(got, []float64{2, 2, 3}) {
				t.Errorf("social flighting %v", got)
			}
		}},
		{"cancelled", "18", false, 12, func(t *testing.T, p *planner.Plan) {
			if len(p.Products[0].Seasonality) != 12 {
				t.Errorf("the seasonality changed")
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			s := targetsOf(t, w)
			enter(s.months, s.months.Entry().SetText, tc.typed)
			d, ok := w.lastDialog.(*dialog.ConfirmDialog)
			if !ok {
				t.Fatal("no dialog explains what happens to the monthly patterns")
			}
			if w.doc.Dirty() {
				t.Fatal("the plan changed before the dialog was answered")
			}
			if tc.confirm {
				d.Confirm()
			} else {
				d.Dismiss()
			}
			p := w.doc.Plan()
			if p.Months != tc.months || s.months.Text() != tc.typed && tc.confirm {
				t.Fatalf("months %d (field %q), want %d", p.Months, s.months.Text(), tc.months)
			}
			if !tc.confirm && (w.doc.Dirty() || s.months.Text() != "12") {
				t.Fatalf("cancelled: plan dirty %v, field %q", w.doc.Dirty(), s.months.Text())
			}
			if err := p.Validate(); err != nil {
				t.Fatalf("the plan is invalid: %v", err)
			}
			if len(w.doc.Report().Monthly) != tc.months {
				t.Errorf("the report has %d months", len(w.doc.Report().Monthly))
			}
			tc.check(t, p)
			if tc.confirm {
				if !w.doc.Undo() || w.doc.Plan().Months != 12 || s.months.Text() != "12" {
					t.Errorf("undo does not bring 12 months back")
				}
			}
		})
	}
}

// TestHorizonWithoutMonthlyPatterns changes the horizon of a plan with no
// seasonality, flighting or responsiveness at once: there is nothing to
// explain.
func TestHorizonWithoutMonthlyPatterns(t *testing.T) {
	p := samplePlan(t)
	for i := range p.Products {
		p.Products[i].Seasonality = nil
	}
	for i := range p.Promotions {
		p.Promotions[i].Flighting, p.Promotions[i].Responsiveness = nil, nil
	}
	w := openWindow(t, p, "", "")
	s := targetsOf(t, w)
	enter(s.months, s.months.Entry().SetText, "36")
	if w.lastDialog != nil || w.doc.Plan().Months != 36 || w.doc.UndoLabel() != "Change the horizon to 36 months" {
		t.Errorf("months %d, undo %q, dialog %v", w.doc.Plan().Months, w.doc.UndoLabel(), w.lastDialog)
	}
}

func TestFitWeights(t *testing.T) {
	for _, tc := range []struct {
		name string
		w    []float64
		n    int
		want []float64
	}{
		{"flat stays flat", nil, 24, nil},
		{"same length is a copy", []float64{1, 2, 3}, 3, []float64{1, 2, 3}},
		{"longer repeats", []float64{1, 2, 3}, 7, []float64{1, 2, 3, 1, 2, 3, 1}},
		{"shorter keeps the first", []float64{1, 2, 3, 4}, 2, []float64{1, 2}},
		{"nothing left is flat", []float64{0, 0, 5}, 2, nil},
		{"one month", []float64{4, 1}, 1, []float64{4}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := fitWeights(tc.w, tc.n)
			if !slices.Equal(got, tc.want) || (got == nil) != (tc.want == nil) {
				t.Errorf("fitWeights(%v, %d) = %v, want %v", tc.w, tc.n, got, tc.want)
			}
		})
	}
}

// TestTargetsFollowTheScenario shows the actuals of the scenario the window shows.
func TestTargetsFollowTheScenario(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := targetsOf(t, w)
	w.SetScenario("strong")
	if got := s.row("revenue").status.Text; got != "Met — now €5,866,591, gap +€466,591" {
		t.Errorf("revenue under the strong season: %q", got)
	}
	if !strings.Contains(s.scenario.Text, "Strong season") {
		t.Errorf("the screen does not say which scenario: %q", s.scenario.Text)
	}
	if w.doc.Dirty() {
		t.Errorf("switching scenario changed the plan")
	}
}

// BenchmarkTargetsEdit sets a target on the large plan from the Targets
// screen: validate, recompute, redraw the screen. The goal is under 50 ms.
func BenchmarkTargetsEdit(b *testing.B) {
	w := openWindow(b, plangen.Generate(plangen.Large, 1), "", "")
	s := targetsOf(b, w)
	f := s.row("revenue").field
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := f.OnCommit(float64(1e6 + i%2)); err != nil {
			b.Fatal(err)
		}
	}
}
