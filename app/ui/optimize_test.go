package ui

import (
	"context"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mixplan/planner"
	"mixplan/planner/plangen"
)

func optimizeOf(t testing.TB, w *Window) *optimizeScreen {
	t.Helper()
	if !w.ShowScreen("optimize") {
		t.Fatal("no optimise screen")
	}
	return w.Screen("optimize").(*optimizeScreen)
}

// optimize taps the Optimise button and waits for the answer.
func optimize(t testing.TB, w *Window, s *optimizeScreen) {
	t.Helper()
	test.Tap(s.run)
	waitFor(t, w, "the optimiser", func() bool { return !s.job.running() })
}

// TestOptimizeShowsTheProposal runs the optimiser on the sample plan and
// reads the proposal beside the plan: the totals before and after, the
// targets it turns green, each channel's spend now and proposed, the curve.
func TestOptimizeShowsTheProposal(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := optimizeOf(t, w)
	if s.proposalBox.Visible() || !s.hint.Visible() || s.channelCell(0, 2) != "—" {
		t.Fatal("a proposal is shown before any run")
	}
	optimize(t, w, s)
	if !s.proposalBox.Visible() || s.hint.Visible() || w.doc.Dirty() {
		t.Fatalf("proposal visible %v; plan changed %v", s.proposalBox.Visible(), w.doc.Dirty())
	}
	for _, want := range []string{
		"Maximising contribution. Figures for the base plan.",
		"Promotion budget €355,000: the marketing budget €620,000 less places’ fixed costs €145,000 and launch costs €120,000.",
		"Contribution: €2,284,122 → €2,297,854 (+€13,731)",
		"Promotion spend: €343,000 → €355,000 (+€12,000)",
		"Units the promotion brings: 14,942 → 15,490 (+547)",
	} {
		if !strings.Contains(s.summary.Text, want) {
			t.Errorf("the summary lacks %q:\n%s", want, s.summary.Text)
		}
	}
	if s.met.Text != "Targets met: 3 of 6 now, 3 of 6 after" || s.turns.Text != "No target changes colour." {
		t.Errorf("targets: %q / %q", s.met.Text, s.turns.Text)
	}
	if s.unspent.Visible() {
		t.Errorf("unspent budget shown: %q", s.unspent.Text)
	}
	if len(s.targetRows.Objects) != 6 {
		t.Errorf("%d target rows, want 6", len(s.targetRows.Objects))
	}
	for _, tc := range []struct {
		row  int
		want []string
	}{
		// The digital group is held at 65% of the promotion: its channels end
		// at a marginal ROI of 18.8%, the others at -13.7% (spending on them
		// is what lets digital grow); the influencers at their cap of
		// €10,000 a month.
		{0, []string{"Search ads", "€90,000", "€92,223", "+€2,223", "21.5% → 18.8%"}},
		{2, []string{"Trail influencers", "€40,000", "€50,000", "+€10,000", "127.0% → 82.1%"}},
		{6, []string{"Local radio", "€30,000", "€35,631", "+€5,631", "-1.2% → -13.7%"}},
		{7, []string{"Race sponsorship", "€40,000", "€32,906", "-€7,094", "-47.1% → -13.7%"}},
	} {
		for col, want := range tc.want {
			if got := s.channelCell(tc.row, col); got != want {
				t.Errorf("channel %d column %d shows %q, want %q", tc.row, col, got, want)
			}
		}
	}
	s.channels.Select(widget.TableCellID{Row: 2, Col: 1})
	if s.ch != 2 || s.curveTitle.Text != "Response of “Trail influencers”" || !contains(s.curve.Texts(), "Proposed spend") {
		t.Errorf("curve of channel %d %q, legend %v", s.ch, s.curveTitle.Text, s.curve.Texts())
	}
}

// TestOptimizeTargetsTurnGreenAndRed: which targets a proposal turns green
// and which red, for several requests.
func TestOptimizeTargetsTurnGreenAndRed(t *testing.T) {
	for _, tc := range []struct {
		name   string
		mode   int // 0 contribution, 1 units
		budget string
		met    string
		turns  string
	}{
		{"the plan's budget", 0, "", "Targets met: 3 of 6 now, 3 of 6 after", "No target changes colour."},
		{"a larger budget", 0, "700000", "Targets met: 3 of 6 now, 2 of 6 after", "Turns red: Marketing budget."},
		{"units", 1, "", "Targets met: 3 of 6 now, 3 of 6 after", "No target changes colour."},
		{"a smaller budget", 0, "450,000", "Targets met: 3 of 6 now, 4 of 6 after", "Turns green: ROMI."},
		{"units within a smaller budget", 1, "500000", "Targets met: 3 of 6 now, 4 of 6 after", "Turns green: ROMI."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			s := optimizeOf(t, w)
			s.mode.SetSelected(s.mode.Options[tc.mode])
			enter(s.budget, s.budget.Entry().SetText, tc.budget)
			optimize(t, w, s)
			if s.met.Text != tc.met || s.turns.Text != tc.turns {
				t.Errorf("%q / %q, want %q / %q", s.met.Text, s.turns.Text, tc.met, tc.turns)
			}
		})
	}
}

// TestAcceptUndoRedo accepts a proposal: every channel's spend is set in one
// undo step, the proposal is cleared; undo and redo go back and forth.
func TestAcceptUndoRedo(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := optimizeOf(t, w)
	opened := w.doc.Plan()
	optimize(t, w, s)
	want := map[string]float64{}
	for _, a := range s.prop.opt.Allocation {
		want[a.ID] = a.Spend
	}
	test.Tap(s.accept)
	if w.doc.UndoLabel() != "Accept the optimised budget" {
		t.Fatalf("undo step %q", w.doc.UndoLabel())
	}
	if s.prop != nil || s.proposalBox.Visible() || s.status.Text != "Accepted: every channel’s spend is set. Undo takes it back." {
		t.Errorf("the proposal is still shown after accepting (status %q)", s.status.Text)
	}
	accepted := w.doc.Plan()
	spends := func() map[string]float64 {
		m := map[string]float64{}
		for _, pm := range w.doc.Plan().Promotions {
			m[pm.ID] = pm.Spend
		}
		return m
	}
	for _, step := range []struct {
		name         string
		do           func()
		plan         *planner.Plan
		spends       map[string]float64
		contribution string
		met          int
	}{
		{"accepted", func() {}, accepted, want, "€2,297,854", 3},
		{"undo", w.undo, opened, map[string]float64{"search": 90000, "social": 70000, "influencers": 40000, "email": 18000, "pos": 30000, "podcast": 25000, "radio": 30000, "races": 40000}, "€2,284,122", 3},
		{"redo", w.redo, accepted, want, "€2,297,854", 3},
	} {
		t.Run(step.name, func(t *testing.T) {
			step.do()
			w.ShowScreen("overview")
			defer w.ShowScreen("optimize")
			if w.doc.Plan() != step.plan {
				t.Errorf("not the %s plan", step.name)
			}
			got := spends()
			for id, x := range step.spends {
				if math.Abs(got[id]-x) > 1e-9 {
					t.Errorf("%s spends %v, want %v", id, got[id], x)
				}
			}
			if v := tileValue(w, kpiContribution); v != step.contribution {
				t.Errorf("contribution tile %s, want %s", v, step.contribution)
			}
			if met, _ := w.doc.Report().MetCount(); met != step.met {
				t.Errorf("%d targets met, want %d", met, step.met)
			}
			if s.prop != nil {
				t.Errorf("a proposal is shown")
			}
		})
	}
	// The accepted plan is the optimum: optimising again changes nothing.
	optimize(t, w, s)
	if got := s.channelCell(2, 3); got != "€0" && got != "+€0" && got != "-€0" {
		t.Errorf("a second run still moves the influencers' spend: %q", got)
	}
	if s.met.Text != "Targets met: 3 of 6 now, 3 of 6 after" || s.turns.Text != "No target changes colour." {
		t.Errorf("second run: %q / %q", s.met.Text, s.turns.Text)
	}
}

// TestOptimizeRefusals asks what cannot be done: the reason is shown in
// plain words with the plan's numbers, and nothing is proposed.
func TestOptimizeRefusals(t *testing.T) {
	noBudget := samplePlan(t)
	noBudget.Targets.Budget = nil
	for _, tc := range []struct {
		name   string
		plan   *planner.Plan
		mode   int
		budget string
		reason string
	}{
		{"units without a budget", noBudget, 1, "",
			"Maximising units sold needs a budget: type one above, or set the marketing budget target in Targets & settings."},
		{"a budget below fixed and launch costs", samplePlan(t), 0, "200000",
			"The budget of €200,000 does not cover places’ fixed costs (€145,000) and launch costs (€120,000): it is €65,000 short before any promotion."},
		{"minimums over the budget", samplePlan(t), 0, "300000",
			"The channels’ minimum spends add up to €53,000, €18,000 more than the promotion budget of €35,000 (budget €300,000 − places’ fixed costs €145,000 − launch costs €120,000). Lower some minimums in Promotion, or raise the budget."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, tc.plan, "", "")
			s := optimizeOf(t, w)
			s.mode.SetSelected(s.mode.Options[tc.mode])
			enter(s.budget, s.budget.Entry().SetText, tc.budget)
			optimize(t, w, s)
			if s.status.Text != tc.reason || s.status.Importance != widget.DangerImportance || !s.status.Visible() {
				t.Errorf("status %q (importance %v), want %q", s.status.Text, s.status.Importance, tc.reason)
			}
			if s.prop != nil || s.proposalBox.Visible() || w.doc.Dirty() {
				t.Errorf("something was proposed or changed")
			}
		})
	}
}

// TestOptimizeRefusesATypoInTheBudget: a budget the field refuses is not
// silently replaced by the plan's target.
func TestOptimizeRefusesATypoInTheBudget(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := optimizeOf(t, w)
	enter(s.budget, s.budget.Entry().SetText, "700k")
	test.Tap(s.run)
	if s.job.running() || s.prop != nil {
		t.Fatal("the optimiser ran with a refused budget")
	}
	if want := "The budget typed is refused (not a number: letters are not allowed): correct it or empty it first."; s.status.Text != want {
		t.Errorf("status %q, want %q", s.status.Text, want)
	}
}

// TestOptimizeWithoutBudget optimises contribution with no budget at all:
// the summary says so and the answer spends where it pays.
func TestOptimizeWithoutBudget(t *testing.T) {
	p := samplePlan(t)
	p.Targets.Budget = nil
	w := openWindow(t, p, "", "")
	s := optimizeOf(t, w)
	if got := s.budget.Entry().PlaceHolder; got != "none: the plan has no budget target" {
		t.Errorf("budget placeholder %q", got)
	}
	optimize(t, w, s)
	if !strings.Contains(s.summary.Text, "No budget: every channel spends up to where more spend would return less than it costs.") {
		t.Errorf("summary %q", s.summary.Text)
	}
}

// TestUnspentBudget gives more budget than pays: the proposal says how much
// stays unspent and why. In the sample the digital group is held at its
// largest share (mixplan optimize --json --budget 5000000: digital 65%, its
// channels at a marginal ROI of 10.7%, the others at -19.9%); without the
// group every channel stops where more spend would lose money.
func TestUnspentBudget(t *testing.T) {
	noGroups := samplePlan(t)
	noGroups.Groups = nil
	for _, tc := range []struct {
		name string
		plan *planner.Plan
		why  string
	}{
		{"a group held at its bound", samplePlan(t), "a channel group is held at one of its bounds, and spending more elsewhere would return less than it costs."},
		{"no group", noGroups, "in every channel not held at its bounds, more spend would return less than it costs."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, tc.plan, "", "")
			s := optimizeOf(t, w)
			enter(s.budget, s.budget.Entry().SetText, "5000000")
			optimize(t, w, s)
			if !s.unspent.Visible() || !strings.HasSuffix(s.unspent.Text, " of the promotion budget is left unspent: "+tc.why) {
				t.Errorf("unspent: visible %v, %q", s.unspent.Visible(), s.unspent.Text)
			}
		})
	}
}

// TestProposalClearedWhenPlanChanges: a proposal is for one plan; an edit,
// another scenario or Dismiss clears it.
func TestProposalClearedWhenPlanChanges(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(w *Window, s *optimizeScreen)
		status string
	}{
		{"an edit elsewhere", func(w *Window, s *optimizeScreen) {
			ps := promotionOf(t, w)
			ps.list.Select(0)
			enter(ps.spend.Field, ps.spend.Field.Entry().SetText, "100000")
			optimizeOf(t, w)
		}, "The plan changed since the proposal: run the optimiser again."},
		{"another scenario", func(w *Window, s *optimizeScreen) { w.SetScenario("strong") },
			"The plan changed since the proposal: run the optimiser again."},
		{"dismiss", func(w *Window, s *optimizeScreen) { test.Tap(s.dismiss) }, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			s := optimizeOf(t, w)
			optimize(t, w, s)
			tc.change(w, s)
			if s.prop != nil || s.proposalBox.Visible() || s.channelCell(0, 2) != "—" {
				t.Errorf("the proposal is still shown")
			}
			if s.status.Text != tc.status {
				t.Errorf("status %q, want %q", s.status.Text, tc.status)
			}
			test.Tap(s.accept) // a hidden button: nothing to accept
			if tc.name == "dismiss" && w.doc.Dirty() {
				t.Errorf("accept after dismiss changed the plan")
			}
		})
	}
}

// TestOptimizeRunsInTheBackground: the answer reaches the screen only on the
// UI goroutine, a new run cancels the one under way, and a run whose plan
// changed meanwhile is dropped.
func TestOptimizeRunsInTheBackground(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := optimizeOf(t, w)
	enter(s.budget, s.budget.Entry().SetText, "700000")
	test.Tap(s.run)
	if !s.progress.Visible() || s.status.Text != "Optimising…" {
		t.Errorf("no progress shown while running")
	}
	enter(s.budget, s.budget.Entry().SetText, "")
	test.Tap(s.run) // cancels the first
	waitFor(t, w, "the second run", func() bool { return !s.job.running() })
	if s.prop == nil || !s.prop.opt.PromotionBudget.Valid || s.prop.opt.PromotionBudget.Value != 355000 {
		t.Fatalf("the proposal is not the second run's")
	}
	if s.progress.Visible() {
		t.Errorf("the progress bar stays")
	}

	test.Tap(s.run)
	ps := promotionOf(t, w)
	ps.list.Select(0)
	enter(ps.spend.Field, ps.spend.Field.Entry().SetText, "100000")
	s = optimizeOf(t, w)
	if s.job.running() || s.status.Text != "The plan changed while the optimiser ran: run it again." {
		t.Errorf("a run for the old plan goes on (status %q)", s.status.Text)
	}
	for i := 0; i < 50; i++ {
		runUI(w)
	}
	if s.prop != nil {
		t.Errorf("a proposal for the old plan was shown")
	}
}

// TestOptimizePriceAdvice opens the price advisor: each product's list price, the
// lowest price for the margin target, the best price and the contribution
// there; Apply writes one product's best price as one undo step.
func TestOptimizePriceAdvice(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	s := optimizeOf(t, w)
	s.tabs.Select(s.priceTab)
	waitFor(t, w, "the price advice", s.adviceCurrent)
	for _, tc := range []struct {
		row  int
		want []string
		warn bool
	}{
		{0, []string{"Ridgeline trail shoe", "€139.00", "€140.49", "€160.37", "€2,298,938", "+€14,816"}, true},
		{2, []string{"Hydration vest 8 L", "€89.00", "€73.05", "€206.44", "€2,336,206", "+€52,083"}, false},
		{3, []string{"Merino running socks (3-pack)", "€29.00", "€23.60", "€145.00 (edge)", "€2,659,587", "+€375,464"}, false},
	} {
		for col, want := range tc.want {
			got, warn := s.priceCell(tc.row, col)
			if got != want {
				t.Errorf("product %d column %d shows %q, want %q", tc.row, col, got, want)
			}
			if col == priceColList && warn != tc.warn {
				t.Errorf("product %d: list price in red %v, want %v", tc.row, warn, tc.warn)
			}
		}
	}
	cell := s.prices.CreateCell()
	s.updatePriceCell(widget.TableCellID{Row: 0, Col: priceColApply}, cell)
	apply := applyButton(cell)
	if apply.Disabled() || !cell.(*fyne.Container).Objects[1].Visible() {
		t.Fatal("no Apply button to tap")
	}
	test.Tap(apply)
	if got := w.doc.Plan().Products[0].ListPrice; got != 160.37 {
		t.Errorf("list price %v, want 160.37", got)
	}
	if w.doc.UndoLabel() != "Set the best price of “Ridgeline trail shoe”" {
		t.Errorf("undo step %q", w.doc.UndoLabel())
	}
	if s.canApply(0) {
		t.Errorf("Apply stays enabled on advice for the old plan")
	}
	waitFor(t, w, "the new advice", s.adviceCurrent)
	if s.canApply(0) {
		t.Errorf("Apply offered again for the price just applied")
	}
	w.doc.Undo()
	if w.doc.Plan().Products[0].ListPrice != 139 || w.doc.Dirty() {
		t.Errorf("undo leaves %v", w.doc.Plan().Products[0].ListPrice)
	}
}

// TestOptimizePriceAdviceUnderScenario applies a best price seen under a scenario
// that raises prices by 5 %: the plan's price is the best one divided by 1.05.
func TestOptimizePriceAdviceUnderScenario(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	w.SetScenario("price-up")
	s := optimizeOf(t, w)
	s.tabs.Select(s.priceTab)
	waitFor(t, w, "the price advice", s.adviceCurrent)
	best := s.advice.products[2].BestListPrice
	if list, _ := s.priceCell(2, priceColList); list != "€93.45" {
		t.Errorf("the vest's list price under the scenario is %q, want €93.45", list)
	}
	s.applyPrice(2)
	if got, want := w.doc.Plan().Products[2].ListPrice, math.Round(best/1.05*100)/100; got != want {
		t.Errorf("list price %v, want %v", got, want)
	}
	if !strings.Contains(s.priceNote.Text, "divided by the scenario’s price factor") {
		t.Errorf("the note does not explain the scenario's prices: %q", s.priceNote.Text)
	}
}

// applyButton is the button a price cell made by the table's template holds.
func applyButton(cell fyne.CanvasObject) *widget.Button {
	return cell.(*fyne.Container).Objects[1].(*fyne.Container).Objects[0].(*widget.Button)
}

// BenchmarkOptimizeRun is what one press of Optimise computes in the
// background on the large plan: the optimiser and the report with its answer.
func BenchmarkOptimizeRun(b *testing.B) {
	p := plangen.Generate(plangen.Large, 1)
	for i := 0; i < b.N; i++ {
		o, err := planner.Optimize(context.Background(), p, planner.OptimizeRequest{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := planner.Evaluate(o.Apply(p), planner.BaseScenario); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOptimizeAccept accepts a proposal on the large plan: one edit of
// 200 spends, every figure recomputed, the screen redrawn. Goal: under 50 ms.
func BenchmarkOptimizeAccept(b *testing.B) {
	w := openWindow(b, plangen.Generate(plangen.Large, 1), "", "")
	s := optimizeOf(b, w)
	optimize(b, w, s)
	pr := s.prop
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
