package ui

import (
	"context"
	"errors"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/charts"
	"mixplan/app/ui/widgets"
	"mixplan/planner"
	"mixplan/planner/numfmt"
)

func init() { registerScreen(orderOptimize, newOptimizeScreen) }

// optimizeScreen asks the engine for the best promotion budget and the best
// prices, and shows its answers beside the plan as it is, for the person to
// accept or leave. Two tabs: the budget optimiser (optimise.go) and the
// price advisor (optimise_prices.go). Both solvers run in the background:
// on the large plan they take tens of milliseconds.
//
// A proposal belongs to the plan and scenario it was computed for: when
// either changes (an edit, an undo, another scenario) it is cleared, since
// accepting it would no longer do what it shows.
type optimizeScreen struct {
	screenInfo
	env  *Env
	tabs *container.AppTabs

	// The budget optimiser's request.
	mode        *widget.RadioGroup
	flighting   *widget.RadioGroup
	budget      *widgets.NumberField
	budgetValue *float64 // the budget typed; nil: the plan's budget target
	run         *widget.Button
	progress    *widget.ProgressBarInfinite
	status      *widget.Label
	job         backgroundJob
	jobPlan     *planner.Plan // the plan and scenario of the run under way
	jobScenario string

	// Its proposal.
	prop                         *proposal
	hint                         *widget.Label
	proposalBox                  *fyne.Container
	summary, unspent, met, turns *widget.Label
	targetRows                   *fyne.Container
	unproven                     *widget.Label
	groups                       *fyne.Container // the groups' spends and bounds (optimize_groups.go)
	accept, dismiss              *widget.Button

	// The channels now and proposed, and the selected one's curve.
	channels   *widget.Table
	chSel      gridSelection // the channels table's selected cell
	ch         int           // the channel whose curve is drawn
	curveTitle *widget.Label
	curve      *charts.Curve

	// The calendar today and proposed (optimize_calendar.go), in a tab
	// beside the curve.
	views        *container.AppTabs
	calendarTab  *container.TabItem
	calendarNote *widget.Label
	calendar     *charts.HeatMap

	// The budget frontier (optimize_frontier.go).
	frontierTab *container.TabItem
	front       frontierView

	// The price advisor (optimise_prices.go).
	priceTab               *container.TabItem
	prices                 *widget.Table
	priceNote, priceStatus *widget.Label
	advice                 *advisedPrices
	priceJob               backgroundJob
	pricePlan              *planner.Plan // the plan and scenario of the advice asked
	priceScenario          string
}

// proposal is one answer of the budget optimiser and the plan it is for.
type proposal struct {
	plan     *planner.Plan
	scenario string
	opt      *planner.Optimization
	// before and after are the reports of the plan as it is and with the
	// proposed spends, under the scenario.
	before, after *planner.Report
	// unproven is set when the optimiser could not prove the answer best
	// to its tolerance (the answer still holds every constraint).
	unproven *planner.UnprovenError
}

func newOptimizeScreen(env *Env) Screen {
	s := &optimizeScreen{screenInfo: screenInfo{id: "optimize", title: lang.L("Optimise"), icon: theme.MediaFastForwardIcon()}, env: env}
	s.job.env, s.priceJob.env = env, env
	s.front.job.env, s.front.pointJob.env = env, env
	budgetTab := container.NewTabItem(lang.L("Budget optimiser"), s.buildBudget())
	s.frontierTab = container.NewTabItem(lang.L("Budget frontier"), s.buildFrontier())
	s.priceTab = container.NewTabItem(lang.L("Price advice"), s.buildPrices())
	s.tabs = container.NewAppTabs(budgetTab, s.frontierTab, s.priceTab)
	s.tabs.OnSelected = func(*container.TabItem) {
		s.refreshPrices()
		s.refreshFrontier()
	}
	s.content = s.tabs
	return s
}

// buildBudget makes the budget optimiser's tab: the request and the
// channels' spends now and proposed on the left, the proposal's effect and
// the selected channel's response curve on the right.
func (s *optimizeScreen) buildBudget() fyne.CanvasObject {
	f := s.env.Fmt()
	s.mode = newChoice(modeOptions())
	s.flighting = newChoice(flightingOptions())
	s.budget = widgets.NewNumberField(f.Field(widgets.Money), widgets.NonNegative())
	s.budget.Optional = true
	s.budget.OnCommit = func(x float64) error { s.budgetValue = planner.Float(x); return nil }
	s.budget.OnClear = func() error { s.budgetValue = nil; return nil }
	s.run = widget.NewButtonWithIcon(lang.L("Optimise the budget"), theme.MediaPlayIcon(), s.runOptimizer)
	s.run.Importance = widget.HighImportance
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Stop()
	s.progress.Hide()
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.status.Hide()
	request := widget.NewForm(
		widget.NewFormItem(lang.L("Maximise"), s.mode),
		widget.NewFormItem(lang.L("Flighting"), s.flighting),
		widget.NewFormItem(lang.L("Marketing budget"), s.budget),
		help(lang.L("Leave the budget empty to use the plan’s budget target. The promotion budget is the marketing budget less places’ fixed costs and launch costs; each channel stays between its minimum and maximum.")),
		help(lang.L("Keep each channel’s months: the optimiser sets each channel’s spend for the year and spreads it as its flighting does. Choose the months too: it sets every month’s spend, and accepting writes the months as the channel’s flighting. Either way each channel stays under its monthly cap, and each channel group within its bounds.")),
	)

	s.channels = widget.NewTable(
		func() (int, int) { return len(s.env.Doc.Plan().Promotions), len(channelColumns()) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("€1,000,000 → €1,000,000")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		s.updateChannelCell)
	s.channels.ShowHeaderRow = true
	s.channels.CreateHeader = tableHeader
	s.channels.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(channelColumns()) {
			setText(o.(*widget.Label), channelColumns()[id.Col])
		}
	}
	s.channels.StickyColumnCount = 1
	widths := fitColumns(s.channels, channelColumns(), []float32{150, 100, 100, 100, 160})
	s.chSel.table = s.channels
	s.chSel.initSelection(func(c int) float32 { return widths[c] }, 0)
	s.channels.OnSelected = func(id widget.TableCellID) {
		s.chSel.cell = id
		if !s.chSel.selecting {
			s.ch = id.Row
			s.showCurve()
		}
	}
	left := container.NewBorder(
		container.NewVBox(request, container.NewHBox(s.run), s.progress, s.status), nil, nil, nil, s.channels)

	s.hint = widget.NewLabel(lang.L("Run the optimiser to see the spends that make the most of the budget. Nothing changes in the plan until you accept."))
	s.hint.Wrapping = fyne.TextWrapWord
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.unspent = widget.NewLabel("")
	s.unspent.Wrapping = fyne.TextWrapWord
	s.met = boldLabel("")
	s.turns = widget.NewLabel("")
	s.turns.Wrapping = fyne.TextWrapWord
	s.targetRows = container.NewVBox()
	s.unproven = widget.NewLabel("")
	s.unproven.Wrapping = fyne.TextWrapWord
	s.unproven.Importance = widget.WarningImportance
	s.unproven.Hide()
	s.groups = container.NewVBox()
	s.accept = widget.NewButtonWithIcon(lang.L("Accept: set every channel’s spend"), theme.ConfirmIcon(), s.acceptProposal)
	s.accept.Importance = widget.HighImportance
	s.dismiss = widget.NewButtonWithIcon(lang.L("Dismiss"), theme.CancelIcon(), func() {
		s.clearProposal()
		s.setStatus("", widget.MediumImportance)
	})
	title := subheading(lang.L("Proposal"))
	s.proposalBox = container.NewVBox(title, container.NewHBox(s.accept, s.dismiss),
		s.summary, s.unproven, s.unspent, s.met, s.turns, s.targetRows, s.groups)
	s.proposalBox.Hide()

	s.curveTitle = boldLabel("")
	s.curveTitle.Truncation = fyne.TextTruncateEllipsis
	s.curve = charts.NewCurve()
	s.curve.SetMinSize(fyne.NewSize(320, 280))
	proposal := newPage(s.hint, s.proposalBox)
	curve := container.NewPadded(container.NewBorder(s.curveTitle, nil, nil, nil, s.curve))
	s.calendarTab = container.NewTabItem(lang.L("Calendar"), s.buildCalendar())
	s.views = container.NewAppTabs(container.NewTabItem(lang.L("Response curve"), curve), s.calendarTab)
	right := container.NewVSplit(proposal, s.views)
	right.Offset = 0.62

	split := container.NewHSplit(container.NewPadded(left), right)
	split.Offset = 0.57
	return split
}

// channelColumns are the headings of the channel table.
func channelColumns() []string {
	return []string{lang.L("Channel"), lang.L("Spend now"), lang.L("Proposed"), lang.L("Difference"), lang.L("Marginal ROI")}
}

// updateChannelCell writes channel id.Row's figures: its spend now, the
// proposed spend and the change, its marginal ROI now and after.
func (s *optimizeScreen) updateChannelCell(id widget.TableCellID, o fyne.CanvasObject) {
	setText(o.(*widget.Label), s.channelCell(id.Row, id.Col))
}

// channelCell is the text of the channel table at row i, column col.
func (s *optimizeScreen) channelCell(i, col int) string {
	doc := s.env.Doc
	p, r, f := doc.Plan(), doc.Report(), s.env.Fmt()
	if i < 0 || i >= len(p.Promotions) || i >= len(r.Promotions) {
		return ""
	}
	var a *planner.ChannelAllocation
	if s.prop != nil && i < len(s.prop.opt.Allocation) {
		a = &s.prop.opt.Allocation[i]
	}
	now := r.Promotions[i]
	switch col {
	case 0:
		return p.Promotions[i].Name
	case 1:
		return f.Money(now.Spend)
	case 2:
		if a != nil {
			return f.Money(a.Spend)
		}
	case 3:
		if a != nil {
			d := a.Spend - now.Spend
			return numfmt.Signed(d, f.Money(d))
		}
	case 4:
		if a != nil {
			return f.Maybe(now.MarginalROI, f.Percent) + " → " + f.Maybe(a.MarginalROI, f.Percent)
		}
		return f.Maybe(now.MarginalROI, f.Percent)
	}
	return "—"
}

// Refresh shows the plan as it is now: the channels, the curve, the budget's
// placeholder; it clears a proposal and stops a run that were for another
// plan or scenario.
func (s *optimizeScreen) Refresh() {
	doc := s.env.Doc
	p, f := doc.Plan(), s.env.Fmt()
	if s.prop != nil && (s.prop.plan != p || s.prop.scenario != doc.Scenario()) {
		s.clearProposal()
		s.setStatus(lang.L("The plan changed since the proposal: run the optimiser again."), widget.MediumImportance)
	}
	if s.job.running() && (s.jobPlan != p || s.jobScenario != doc.Scenario()) {
		s.job.stop()
		s.stopProgress()
		s.setStatus(lang.L("The plan changed while the optimiser ran: run it again."), widget.MediumImportance)
	}
	s.budget.SetFormat(f.Field(widgets.Money))
	if t := p.Targets.Budget; t != nil {
		s.budget.SetPlaceHolder(lang.L("the plan’s budget target, {{.Budget}}", map[string]any{"Budget": f.Money(*t)}))
	} else {
		s.budget.SetPlaceHolder(lang.L("none: the plan has no budget target"))
	}
	s.chSel.keep(len(p.Promotions), len(channelColumns())) // the first channel at first, highlighted
	s.ch = s.chSel.cell.Row
	s.channels.Refresh()
	s.showCurve()
	s.showCalendar()
	s.refreshPrices()
	s.refreshFrontier()
}

// runOptimizer asks for the best spends in the background, cancelling a
// run under way; the answer arrives in showProposal.
func (s *optimizeScreen) runOptimizer() {
	if reason := s.budget.Reason(); reason != "" { // the text typed is not a budget: do not run on another one
		s.setStatus(lang.L("The budget typed is refused ({{.Reason}}): correct it or empty it first.", map[string]any{"Reason": reason}), widget.DangerImportance)
		return
	}
	doc := s.env.Doc
	p, before, req := doc.Plan(), doc.Report(), s.request()
	s.jobPlan, s.jobScenario = p, req.Scenario
	s.progress.Show()
	s.progress.Start()
	s.setStatus(lang.L("Optimising…"), widget.MediumImportance)
	startJob(&s.job, func(ctx context.Context) (*proposal, error) {
		return propose(ctx, p, before, req)
	}, func(pr *proposal, err error) {
		s.stopProgress()
		if err != nil {
			s.clearProposal()
			s.setStatus(refusal(err, p, req.Mode), widget.DangerImportance)
			return
		}
		s.prop = pr
		s.setStatus("", widget.MediumImportance)
		s.showProposal()
	})
}

// stopProgress hides the progress bar of a run that ended.
func (s *optimizeScreen) stopProgress() {
	s.progress.Stop()
	s.progress.Hide()
}

// setStatus shows a line under the Optimise button (hidden when empty):
// what the optimiser is doing, or why it refused.
func (s *optimizeScreen) setStatus(text string, importance widget.Importance) {
	setText(s.status, text)
	s.status.Importance = importance
	s.status.Hidden = text == ""
	s.status.Refresh()
}

// showProposal writes the proposal beside the plan: the totals before and
// after, the budget left unspent, the targets it turns green or red, the
// channels' proposed spends and the curve's proposed spend.
func (s *optimizeScreen) showProposal() {
	pr, f := s.prop, s.env.Fmt()
	p, o := pr.plan, pr.opt
	lines := []string{goal(o.Mode) + " " + scenarioNote(p, pr.scenario)}
	if o.Flighting == planner.FlightingFree {
		lines = append(lines, lang.L("The months are chosen too: the Calendar tab shows them beside today’s."))
	}
	if o.PromotionBudget.Valid {
		total := o.PromotionBudget.Value + pr.before.Totals.PlaceFixed + pr.before.Totals.Launch
		lines = append(lines, lang.L("Promotion budget {{.Promotion}}: the marketing budget {{.Budget}} less places’ fixed costs {{.Fixed}} and launch costs {{.Launch}}.",
			map[string]any{"Promotion": f.Money(o.PromotionBudget.Value), "Budget": f.Money(total),
				"Fixed": f.Money(pr.before.Totals.PlaceFixed), "Launch": f.Money(pr.before.Totals.Launch)}))
	} else {
		lines = append(lines, lang.L("No budget: every channel spends up to where more spend would return less than it costs."))
	}
	change := func(a, b float64, format func(float64) string) map[string]any {
		return map[string]any{"Before": format(a), "After": format(b), "Change": numfmt.Signed(b-a, format(b-a))}
	}
	lines = append(lines,
		lang.L("Contribution: {{.Before}} → {{.After}} ({{.Change}})", change(o.Before.Contribution, o.After.Contribution, f.Money)),
		lang.L("Net revenue: {{.Before}} → {{.After}} ({{.Change}})", change(o.Before.NetRevenue, o.After.NetRevenue, f.Money)),
		lang.L("Promotion spend: {{.Before}} → {{.After}} ({{.Change}})", change(o.Before.Promotion, o.After.Promotion, f.Money)),
		lang.L("Units the promotion brings: {{.Before}} → {{.After}} ({{.Change}})", change(o.Before.LiftUnits, o.After.LiftUnits, f.Units)))
	setText(s.summary, strings.Join(lines, "\n"))

	s.unspent.Hidden = !(o.Unspent > 0.5)
	s.unproven.Hidden = pr.unproven == nil
	if u := pr.unproven; u != nil {
		setText(s.unproven, lang.L("Not proven best: this allocation brings {{.Objective}}, and none can bring more than {{.Bound}}.",
			map[string]any{"Objective": f.Money(u.Objective), "Bound": f.Money(u.UpperBound)}))
	}
	switch {
	case groupHeld(figuresOfGroups(p, pr.before, o)):
		setText(s.unspent, lang.L("{{.Amount}} of the promotion budget is left unspent: a channel group is held at one of its bounds, and spending more elsewhere would return less than it costs.",
			map[string]any{"Amount": f.Money(o.Unspent)}))
	case o.Mode == planner.ModeContribution:
		setText(s.unspent, lang.L("{{.Amount}} of the promotion budget is left unspent: in every channel not held at its bounds, more spend would return less than it costs.",
			map[string]any{"Amount": f.Money(o.Unspent)}))
	default:
		setText(s.unspent, lang.L("{{.Amount}} of the promotion budget is left unspent: every channel is at its maximum.",
			map[string]any{"Amount": f.Money(o.Unspent)}))
	}
	s.showTargetChanges()
	s.showGroups()
	s.accept.SetText(acceptLabel(o))
	s.hint.Hide()
	s.proposalBox.Show()
	s.channels.Refresh()
	s.showCurve()
	s.showCalendar()
	if o.Flighting == planner.FlightingFree {
		s.views.Select(s.calendarTab)
	}
}

// showTargetChanges lists every set target now and after, and names those
// the proposal turns green (missed now, met after) and red.
func (s *optimizeScreen) showTargetChanges() {
	f := s.env.Fmt()
	before, after := s.prop.before, s.prop.after
	metBefore, set := before.MetCount()
	metAfter, _ := after.MetCount()
	s.targetRows.Objects = nil
	if set == 0 {
		setText(s.met, lang.L("No targets set"))
		setText(s.turns, "")
		s.turns.Hide()
		s.targetRows.Refresh()
		return
	}
	setText(s.met, lang.L("Targets met: {{.Before}} of {{.Set}} now, {{.After}} of {{.Set}} after", map[string]any{"Before": metBefore, "After": metAfter, "Set": set}))
	green, red := targetTurns(before, after)
	var turns []string
	if len(green) > 0 {
		turns = append(turns, lang.L("Turns green: {{.Names}}.", map[string]any{"Names": strings.Join(green, ", ")}))
	}
	if len(red) > 0 {
		turns = append(turns, lang.L("Turns red: {{.Names}}.", map[string]any{"Names": strings.Join(red, ", ")}))
	}
	if len(turns) == 0 {
		turns = append(turns, lang.L("No target changes colour."))
	}
	setText(s.turns, strings.Join(turns, " "))
	s.turns.Show()
	for i, b := range before.Targets {
		a := after.Targets[i]
		value, _ := f.Target(b.Name)
		text := lang.L("{{.Target}}: {{.Before}} → {{.After}}", map[string]any{"Target": targetName(b.Name),
			"Before": f.Maybe(b.Actual, value), "After": f.Maybe(a.Actual, value)})
		icon := func(met bool) *widget.Icon {
			if met {
				return widget.NewIcon(statusIcon(widgets.Met))
			}
			return widget.NewIcon(statusIcon(widgets.Missed))
		}
		l := widget.NewLabel(text)
		l.Truncation = fyne.TextTruncateEllipsis
		switch {
		case a.Met && !b.Met:
			l.Importance = widget.SuccessImportance
		case !a.Met && b.Met:
			l.Importance = widget.DangerImportance
		}
		s.targetRows.Add(container.NewBorder(nil, nil, container.NewHBox(icon(b.Met), widget.NewLabel("→"), icon(a.Met)), nil, l))
	}
	s.targetRows.Refresh()
}

// targetTurns names the targets missed in before and met in after (green),
// and those met before and missed after (red). Both reports hold the same
// targets in the same order: the plan's.
func targetTurns(before, after *planner.Report) (green, red []string) {
	for i, b := range before.Targets {
		if i >= len(after.Targets) {
			break
		}
		switch a := after.Targets[i]; {
		case a.Met && !b.Met:
			green = append(green, targetName(b.Name))
		case !a.Met && b.Met:
			red = append(red, targetName(b.Name))
		}
	}
	return green, red
}

// clearProposal forgets the proposal and shows the plan alone.
func (s *optimizeScreen) clearProposal() {
	s.prop = nil
	s.proposalBox.Hide()
	s.hint.Show()
	s.channels.Refresh()
	s.showCurve()
	s.showCalendar()
}

// acceptProposal writes the proposal into the plan as one undo step
// (acceptOptimization), then clears it: the plan it was for is now the
// undo step before.
func (s *optimizeScreen) acceptProposal() {
	pr := s.prop
	if !s.acceptOptimization(pr) {
		return
	}
	free := pr.opt.Flighting == planner.FlightingFree
	s.clearProposal()
	if free {
		s.setStatus(lang.L("Accepted: every channel’s spend and months are set. Undo takes them back."), widget.MediumImportance)
	} else {
		s.setStatus(lang.L("Accepted: every channel’s spend is set. Undo takes it back."), widget.MediumImportance)
	}
}

// showCurve draws the selected channel's response curve with its spend now
// and, when there is a proposal, the proposed spend.
func (s *optimizeScreen) showCurve() {
	doc := s.env.Doc
	p, m, f := doc.Plan(), doc.Model(), s.env.Fmt()
	i := s.ch
	if i < 0 || i >= len(p.Promotions) || i >= len(m.Channels) {
		setText(s.curveTitle, lang.L("No promotion channels"))
		s.curve.SetData(charts.CurveData{Best: math.NaN()})
		return
	}
	setText(s.curveTitle, lang.L("Response of “{{.Name}}”", map[string]any{"Name": p.Promotions[i].Name}))
	ch := &m.Channels[i]
	best, upTo := math.NaN(), planner.CurveRange(ch)
	if s.prop != nil && i < len(s.prop.opt.Allocation) {
		best = s.prop.opt.Allocation[i].Spend
		upTo = math.Max(upTo, best*1.15)
	}
	s.curve.SetData(charts.CurveData{
		Points: m.ResponseCurve(i, 60, upTo), Current: ch.Spend, Best: best,
		Min: ch.Min, Max: ch.Max,
		CurrentName: lang.L("Current spend"), BestName: lang.L("Proposed spend"), UnitsName: lang.L("Extra units"),
		Money: f.Chart(), Locale: f.ChartUnits(),
	})
}

// refusal says in plain words, with the engine's numbers, why the optimiser
// refused: no budget for modes revenue and units, a budget that does not
// cover fixed and launch costs, minimum spends above the promotion budget,
// a monthly cap below a minimum, groups that clash.
func refusal(err error, p *planner.Plan, mode string) string {
	f := fmtFor(p)
	var inf *planner.InfeasibleError
	if !errors.As(err, &inf) {
		return err.Error()
	}
	promo := inf.PromotionBudget()
	switch inf.Kind {
	case planner.NoBudget:
		if mode == planner.ModeRevenue {
			return lang.L("Maximising net revenue needs a budget: type one above, or set the marketing budget target in Targets & settings.")
		}
		return lang.L("Maximising units sold needs a budget: type one above, or set the marketing budget target in Targets & settings.")
	case planner.BudgetBelowFixed:
		return lang.L("The budget of {{.Budget}} does not cover places’ fixed costs ({{.Fixed}}) and launch costs ({{.Launch}}): it is {{.Short}} short before any promotion.",
			map[string]any{"Budget": f.Money(inf.Budget), "Fixed": f.Money(inf.PlaceFixed), "Launch": f.Money(inf.Launch), "Short": f.Money(-promo)})
	case planner.MinimumsOverBudget:
		return lang.L("The channels’ minimum spends add up to {{.Minimums}}, {{.Over}} more than the promotion budget of {{.Promotion}} (budget {{.Budget}} − places’ fixed costs {{.Fixed}} − launch costs {{.Launch}}). Lower some minimums in Promotion, or raise the budget.",
			map[string]any{"Minimums": f.Money(inf.Minimums), "Over": f.Money(inf.Minimums - promo), "Promotion": f.Money(promo),
				"Budget": f.Money(inf.Budget), "Fixed": f.Money(inf.PlaceFixed), "Launch": f.Money(inf.Launch)})
	case planner.CapBelowMinimum:
		return lang.L("“{{.Channel}}” may spend at most {{.Allow}} over the year under its monthly cap, below its minimum of {{.Need}}. Raise its monthly cap or lower its minimum in Promotion.",
			map[string]any{"Channel": channelName(p, inf.Channel), "Allow": f.Money(inf.Allow), "Need": f.Money(inf.Need)})
	case planner.ConstraintsClash:
		return lang.L("The groups’ bounds and shares, the budget and the channels’ minimums and maximums cannot all hold: together they need at least {{.Need}} where they allow at most {{.Allow}}. Loosen a group’s bounds or a channel’s, or change the budget. In detail: {{.Reason}}",
			map[string]any{"Need": f.Money(inf.Need), "Allow": f.Money(inf.Allow), "Reason": inf.Reason})
	}
	return inf.Error()
}
