package ui

import (
	"context"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/charts"
	"mixplan/planner"
	"mixplan/planner/plangen"
)

// near reports whether a and b agree to a relative 1e-9.
func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// TestOptimizeRevenue maximises the net revenue promotion brings on the
// sample plan. The figures are `mixplan optimize --json --mode revenue` on
// the sample plan: net revenue 5,257,355 → 5,303,480, Search ads 92,141.
func TestOptimizeRevenue(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := optimizeOf(t, w)
	pick(s.mode, optimizeModes, planner.ModeRevenue)
	if got := s.request().Mode; got != planner.ModeRevenue {
		t.Fatalf("the request's mode is %q", got)
	}
	optimize(t, w, s)
	if s.prop == nil {
		t.Fatalf("no proposal: %q", s.status.Text)
	}
	for _, want := range []string{
		"Maximising the net revenue the promotion brings. Figures for the base plan.",
		"Net revenue: €5,257,355 → €5,303,480 (+€46,124)",
		"Contribution: €2,284,122 → €2,297,845 (+€13,722)",
	} {
		if !strings.Contains(s.summary.Text, want) {
			t.Errorf("the summary lacks %q:\n%s", want, s.summary.Text)
		}
	}
	if got := s.channelCell(0, 2); got != "€92,141" {
		t.Errorf("Search ads proposed %q, want €92,141", got)
	}
	if s.accept.Text != "Accept: set every channel’s spend" {
		t.Errorf("accept reads %q", s.accept.Text)
	}
}

// TestFreeFlightingAcceptIsOneUndoStep chooses the months too on the
// sample plan: the calendar shows today's months beside the proposed ones;
// Accept writes every channel's spend and months in one undo step, after
// which the plan's figures are the proposal's; one undo gives back the
// plan as it was, flighting included. Figures: `mixplan optimize --json
// --flighting free` on the sample plan (contribution 2,371,319).
func TestFreeFlightingAcceptIsOneUndoStep(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := optimizeOf(t, w)
	opened := w.doc.Plan()
	pick(s.flighting, flightingModes, planner.FlightingFree)
	optimize(t, w, s)
	if s.prop == nil || s.prop.opt.Flighting != planner.FlightingFree {
		t.Fatalf("no free-flighting proposal: %q", s.status.Text)
	}
	o := s.prop.opt
	for _, want := range []string{
		"The months are chosen too: the Calendar tab shows them beside today’s.",
		"Contribution: €2,284,122 → €2,371,319 (+€87,196)",
	} {
		if !strings.Contains(s.summary.Text, want) {
			t.Errorf("the summary lacks %q:\n%s", want, s.summary.Text)
		}
	}
	if s.views.Selected() != s.calendarTab {
		t.Error("the calendar is not shown with a free-flighting proposal")
	}
	s.calendar.Resize(s.calendar.MinSize().AddWidthHeight(400, 0))
	texts := s.calendar.Texts()
	for _, want := range []string{"Today", "Proposed", "Search ads", "Spend per month"} {
		if !slices.Contains(texts, want) {
			t.Errorf("the calendar's texts %q lack %q", texts, want)
		}
	}
	if s.accept.Text != "Accept: set every channel’s spend and months" {
		t.Errorf("accept reads %q", s.accept.Text)
	}

	test.Tap(s.accept)
	if got := w.doc.UndoLabel(); got != "Accept the optimised budget and months" {
		t.Fatalf("undo step %q", got)
	}
	if s.status.Text != "Accepted: every channel’s spend and months are set. Undo takes them back." {
		t.Errorf("status %q", s.status.Text)
	}
	p, r := w.doc.Plan(), w.doc.Report()
	for i, a := range o.Allocation {
		if p.Promotions[i].Spend != a.Spend {
			t.Errorf("%s spends %v, want %v", a.ID, p.Promotions[i].Spend, a.Spend)
		}
		for m, x := range a.MonthlySpend {
			if !near(r.Promotions[i].MonthlySpend[m], x) {
				t.Errorf("%s spends %v in month %d, want the proposal's %v", a.ID, r.Promotions[i].MonthlySpend[m], m+1, x)
			}
		}
	}
	if !near(r.Totals.Contribution, o.After.Contribution) {
		t.Errorf("contribution after accepting %v, want the proposal's %v", r.Totals.Contribution, o.After.Contribution)
	}
	if !w.doc.Undo() {
		t.Fatal("nothing to undo")
	}
	if !reflect.DeepEqual(w.doc.Plan().Promotions, opened.Promotions) {
		t.Error("one undo does not give back the channels' spends and flighting as opened")
	}
	if w.doc.Undo() {
		t.Error("accepting took more than one undo step")
	}
}

// groupedPlan is the sample plan with, instead of its own digital group,
// only its search and social channels in a group held to 40% of the
// promotion.
func groupedPlan(t *testing.T) *planner.Plan {
	p := samplePlan(t)
	p.Groups = []planner.Group{{ID: "digital", Name: "Digital", Promotions: []string{"search", "social"}, MaxShare: 0.4}}
	return p
}

// TestProposalShowsGroups: the proposal lists each group with its spend
// and share before and after and its bounds, and says which bound holds it.
// Figures: `mixplan optimize --json` on each plan. The sample's digital
// group: search 92,223 + social 69,049 + influencers 50,000 + email 19,478
// = 230,750 of 355,000, exactly 65%, the whole budget spent. The tighter
// group: search 83,248 + social 57,353 = 140,601 of 351,503, exactly 40%:
// the cap, not saturation, leaves 3,497 unspent.
func TestProposalShowsGroups(t *testing.T) {
	for _, tc := range []struct {
		name, want, unspent string
		plan                *planner.Plan
	}{
		{"the sample's digital group", "Digital (Search ads, Social media, Trail influencers, Email & loyalty): €218,000 → €230,750, " +
			"63.6% → 65.0% of the promotion. Bounds: 40.0% to 65.0% of the promotion. Held at its largest share.", "", samplePlan(t)},
		{"a tighter group", "Digital (Search ads, Social media): €160,000 → €140,601, 46.6% → 40.0% of the promotion. " +
			"Bounds: at most 40.0% of the promotion. Held at its largest share.",
			"€3,497 of the promotion budget is left unspent: a channel group is held at one of its bounds, and spending more elsewhere would return less than it costs.",
			groupedPlan(t)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, tc.plan, "", "")
			s := optimizeOf(t, w)
			optimize(t, w, s)
			if s.prop == nil {
				t.Fatalf("no proposal: %q", s.status.Text)
			}
			if !s.groups.Visible() || len(s.groups.Objects) != 2 {
				t.Fatalf("groups shown %v with %d rows", s.groups.Visible(), len(s.groups.Objects))
			}
			if got := s.groups.Objects[1].(*widget.Label).Text; got != tc.want {
				t.Errorf("group line\n%q, want\n%q", got, tc.want)
			}
			if s.unspent.Visible() != (tc.unspent != "") || s.unspent.Visible() && s.unspent.Text != tc.unspent {
				t.Errorf("unspent %q (shown %v), want %q", s.unspent.Text, s.unspent.Visible(), tc.unspent)
			}
		})
	}
}

// TestGroupBounds writes every kind of bound a group may have.
func TestGroupBounds(t *testing.T) {
	f := fmtFor(samplePlan(t))
	max := 150000.0
	for _, tc := range []struct {
		name string
		g    planner.Group
		want string
	}{
		{"none", planner.Group{MaxShare: 1}, "no bounds"},
		{"amounts", planner.Group{Min: 20000, Max: &max, MaxShare: 1}, "at least €20,000, at most €150,000"},
		{"a share range", planner.Group{MinShare: 0.1, MaxShare: 0.7}, "10.0% to 70.0% of the promotion"},
		{"a least share", planner.Group{MinShare: 0.25, MaxShare: 1}, "at least 25.0% of the promotion"},
		{"everything", planner.Group{Min: 20000, Max: &max, MaxShare: 0.5}, "at least €20,000, at most €150,000, at most 50.0% of the promotion"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := groupBounds(tc.g, f); got != tc.want {
				t.Errorf("%q, want %q", got, tc.want)
			}
		})
	}
}

// TestMetZones: the zone where every target is met runs from the first
// point of a run meeting them all (or the exact reach just before it) to
// its last.
func TestMetZones(t *testing.T) {
	b := []float64{100, 200, 300, 400, 500}
	nan := math.NaN()
	for _, tc := range []struct {
		name    string
		met     []bool
		reaches []float64
		cap     float64
		onlyCap []bool
		want    []charts.Span
	}{
		{"never", []bool{false, false, false, false, false}, nil, nan, nil, nil},
		{"always", []bool{true, true, true, true, true}, nil, nan, nil, []charts.Span{{From: 100, To: 500}}},
		{"from a reach between two points", []bool{false, false, true, true, true}, []float64{250}, nan, nil, []charts.Span{{From: 250, To: 500}}},
		{"a reach elsewhere is ignored", []bool{false, false, true, true, false}, []float64{150, 450}, nan, nil, []charts.Span{{From: 300, To: 400}}},
		{"two runs", []bool{true, false, true, false, true}, nil, nan, nil, []charts.Span{{From: 100, To: 100}, {From: 300, To: 300}, {From: 500, To: 500}}},
		{"on to the budget target when only it is missed next", []bool{false, true, true, false, false}, nil, 350, []bool{false, false, false, true, true}, []charts.Span{{From: 200, To: 350}}},
		{"not when the next point misses more", []bool{false, true, true, false, false}, nil, 350, []bool{false, false, false, false, false}, []charts.Span{{From: 200, To: 300}}},
		{"not past the next point", []bool{false, true, true, false, false}, nil, 450, []bool{false, false, false, true, true}, []charts.Span{{From: 200, To: 300}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := metZones(b, tc.met, tc.reaches, tc.cap, tc.onlyCap); !slices.Equal(got, tc.want) {
				t.Errorf("%v, want %v", got, tc.want)
			}
		})
	}
}

// showFrontier opens the frontier tab and waits for the frontier.
func showFrontier(t *testing.T, w *Window, s *optimizeScreen) {
	t.Helper()
	s.tabs.Select(s.frontierTab)
	waitFor(t, w, "the frontier", func() bool { return !s.front.job.running() })
	if s.front.result == nil {
		t.Fatalf("no frontier: %q", s.front.status.Text)
	}
}

// TestFrontierTab computes the sample plan's frontier in the background
// when its tab is shown, says each target's reach, and accepts the
// allocation of a budget clicked. Figures: `mixplan frontier --json` on
// the sample plan (41 budgets from €318,000 to €1,240,000; the revenue
// target of €5,400,000 met from €672,875; the contribution target out of
// reach, €2,298,823 at most).
func TestFrontierTab(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := optimizeOf(t, w)
	showFrontier(t, w, s)
	fr := s.front.result.fr
	if len(fr.Points) != 41 || fr.Points[0].Budget != 318000 || fr.Points[40].Budget != 1240000 {
		t.Fatalf("%d budgets from %v to %v", len(fr.Points), fr.Points[0].Budget, fr.Points[len(fr.Points)-1].Budget)
	}
	for _, want := range []string{
		"Net revenue target of €5,400,000: met from a marketing budget of €672,875, spent as the optimiser would.",
		"Contribution target of €2,300,000: out of reach up to a marketing budget of €1,240,000, where the best brings €2,298,823.",
	} {
		if !strings.Contains(s.front.reach.Text, want) {
			t.Errorf("the reach lacks %q:\n%s", want, s.front.reach.Text)
		}
	}
	d := frontierData(s.front.result, w.doc.Report(), s.env.Fmt())
	if d.TodayBudget != 608000 || !near(d.TodayFigure, 2284122.494954499) || len(d.Reaches) != 1 || len(d.Zones) != 0 {
		t.Errorf("today %v, %v; reaches %v; zones %v", d.TodayBudget, d.TodayFigure, d.Reaches, d.Zones)
	}

	s.front.chart.OnTapped(10)
	waitFor(t, w, "the point's allocation", func() bool { return !s.front.pointJob.running() })
	if s.front.point == nil || !s.front.pointBox.Visible() {
		t.Fatalf("no allocation shown: %q", s.front.pointText.Text)
	}
	budget := fr.Points[10].Budget
	o, err := planner.Optimize(context.Background(), w.doc.Plan(), planner.OptimizeRequest{Budget: &budget})
	if err != nil {
		t.Fatal(err)
	}
	if !near(o.After.Contribution, nanIfNone(fr.Points[10].Contribution)) {
		t.Errorf("the optimum at %v brings %v, the frontier says %v", budget, o.After.Contribution, fr.Points[10].Contribution)
	}
	if !strings.Contains(s.front.pointText.Text, "Search ads: €90,000 → "+s.env.Fmt().Money(o.Allocation[0].Spend)) {
		t.Errorf("the allocation reads:\n%s", s.front.pointText.Text)
	}
	test.Tap(s.front.pointAccept)
	if got := w.doc.UndoLabel(); got != "Accept the optimised budget" {
		t.Fatalf("undo step %q", got)
	}
	for i, a := range o.Allocation {
		if got := w.doc.Plan().Promotions[i].Spend; !near(got, a.Spend) {
			t.Errorf("%s spends %v, want %v", a.ID, got, a.Spend)
		}
	}
	if s.front.point != nil || s.front.pointBox.Visible() {
		t.Error("the accepted point is still shown")
	}
	// The plan changed: the frontier is computed again for it.
	waitFor(t, w, "the frontier again", func() bool { return !s.front.job.running() })
	if s.front.result.key.plan != w.doc.Plan() {
		t.Error("the frontier shown is the plan's before accepting")
	}
}

// TestFrontierDropsStaleResults: an edit while the frontier is computed
// stops that run; the frontier shown is the edited plan's, and a mode
// picked is computed in that mode.
func TestFrontierDropsStaleResults(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := optimizeOf(t, w)
	s.tabs.Select(s.frontierTab)
	if !s.front.job.running() {
		t.Fatal("showing the tab did not start the frontier")
	}
	if err := w.doc.Edit("raise search", func(p *planner.Plan) { p.Promotions[0].Spend = 120000 }); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, "the frontier", func() bool { return !s.front.job.running() })
	if s.front.result == nil || s.front.result.key.plan != w.doc.Plan() {
		t.Fatal("the frontier shown is not the edited plan's")
	}
	pick(s.front.mode, optimizeModes, planner.ModeUnits)
	waitFor(t, w, "the units frontier", func() bool { return !s.front.job.running() })
	if got := s.front.result.fr.Mode; got != planner.ModeUnits {
		t.Errorf("frontier in mode %q after picking units", got)
	}
	if got := frontierData(s.front.result, w.doc.Report(), s.env.Fmt()).FigureName; got != "Units the promotion brings" {
		t.Errorf("the units frontier draws %q", got)
	}
}

// TestFrontierZone: with targets the optimum can all meet, the shaded zone
// runs from the revenue target's reach to the budget target. Figures:
// `mixplan frontier --json` on the sample plan with net revenue 5,250,000,
// contribution 2,250,000 and ROMI 50% as targets: revenue reached from
// €593,691; the budget of €594,600 meets all six targets, and so does that
// of €617,650; that of €640,700 all but the €620,000 budget.
func TestFrontierZone(t *testing.T) {
	p := samplePlan(t)
	p.Targets.Revenue, p.Targets.Contribution, p.Targets.ROMI = planner.Float(5250000), planner.Float(2250000), planner.Float(0.5)
	w := openWindow(t, p, "", "")
	s := optimizeOf(t, w)
	showFrontier(t, w, s)
	d := frontierData(s.front.result, w.doc.Report(), s.env.Fmt())
	if len(d.Zones) != 1 || math.Abs(d.Zones[0].From-593691.38) > 0.01 || d.Zones[0].To != 620000 {
		t.Fatalf("zones %v, want one from €593,691 to €620,000", d.Zones)
	}
	if len(d.Reaches) != 2 {
		t.Errorf("reaches %v, want the revenue and contribution targets'", d.Reaches)
	}
}

// TestRevenueNeedsABudget: maximising net revenue without a budget is
// refused at the button, in words, and nothing is proposed.
func TestRevenueNeedsABudget(t *testing.T) {
	p := samplePlan(t)
	p.Targets.Budget = nil
	w := openWindow(t, p, "", "")
	s := optimizeOf(t, w)
	pick(s.mode, optimizeModes, planner.ModeRevenue)
	optimize(t, w, s)
	if want := "Maximising net revenue needs a budget: type one above, or set the marketing budget target in Targets & settings."; s.status.Text != want {
		t.Errorf("status %q, want %q", s.status.Text, want)
	}
	if s.prop != nil || w.doc.Dirty() {
		t.Error("something was proposed or changed")
	}
}

// BenchmarkOptimizeFreeAccept accepts a free-flighting proposal on the
// large plan (200 channels × 24 months): one edit of every spend and
// flighting, every figure recomputed, the screen and its calendar redrawn
// with both grids. Goal: under 50 ms, as every edit. The proposal is made
// here (each channel's months in reverse order), not by the solver, which
// needs minutes for that plan: what is measured is the window's part.
func BenchmarkOptimizeFreeAccept(b *testing.B) {
	w := openWindow(b, plangen.Generate(plangen.Large, 1), "", "")
	s := optimizeOf(b, w)
	p, before := w.doc.Plan(), w.doc.Report()
	o := &planner.Optimization{Mode: planner.ModeContribution, Flighting: planner.FlightingFree}
	for i, r := range before.Promotions {
		months := slices.Clone(r.MonthlySpend)
		slices.Reverse(months)
		o.Allocation = append(o.Allocation, planner.ChannelAllocation{ID: p.Promotions[i].ID, Spend: r.Spend, MonthlySpend: months})
	}
	after, err := planner.Evaluate(o.Apply(p), planner.BaseScenario)
	if err != nil {
		b.Fatal(err)
	}
	pr := &proposal{plan: p, scenario: planner.BaseScenario, opt: o, before: before, after: after}
	s.prop = pr
	s.showProposal()
	if s.views.Selected() != s.calendarTab {
		b.Fatal("the calendar is not shown")
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 1 {
			w.doc.Undo()
			continue
		}
		s.prop = pr
		s.acceptProposal()
	}
}

// TestFrontierFreeFlighting: the frontier tab's own Flighting choice asks
// for the frontier that chooses the months too. Figures: `mixplan frontier
// --json --flighting free` on the sample plan (contribution €2,370,807 at
// €617,650; revenue target met from €605,644, contribution from €469,581).
func TestFrontierFreeFlighting(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := optimizeOf(t, w)
	pick(s.front.flighting, flightingModes, planner.FlightingFree)
	showFrontier(t, w, s)
	fr := s.front.result.fr
	if fr.Flighting != planner.FlightingFree || fr.Points[13].Budget != 617650 || !fr.Points[13].Contribution.Valid ||
		math.Abs(fr.Points[13].Contribution.Value-2370806.6259) > 0.01 {
		t.Fatalf("flighting %q, point 13 at %v brings %v", fr.Flighting, fr.Points[13].Budget, fr.Points[13].Contribution)
	}
	for _, want := range []string{"met from a marketing budget of €605,644", "met from a marketing budget of €469,581"} {
		if !strings.Contains(s.front.reach.Text, want) {
			t.Errorf("the reach lacks %q:\n%s", want, s.front.reach.Text)
		}
	}
	s.front.chart.OnTapped(13)
	waitFor(t, w, "the point's allocation", func() bool { return !s.front.pointJob.running() })
	if s.front.point == nil || s.front.pointAccept.Text != "Accept: set every channel’s spend and months" {
		t.Fatalf("point %v, accept reads %q", s.front.point, s.front.pointAccept.Text)
	}
	test.Tap(s.front.pointAccept)
	if got := w.doc.UndoLabel(); got != "Accept the optimised budget and months" {
		t.Errorf("undo step %q", got)
	}
	if got := w.doc.Report().Totals.Contribution; math.Abs(got-2370806.6259) > 0.01 {
		t.Errorf("contribution after accepting the point %v, want €2,370,807", got)
	}
}
