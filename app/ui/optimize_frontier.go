package ui

import (
	"context"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/charts"
	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// frontierView is the Optimise screen's Budget frontier tab: the best the
// promotion can do at each marketing budget, computed in the background
// whenever the tab is shown for a plan, scenario, mode or flighting it has
// not been computed for; a click on a budget asks the optimiser for its
// allocation, which can be accepted as on the budget tab.
type frontierView struct {
	mode, flighting *widget.RadioGroup
	status, reach   *widget.Label
	chart           *charts.Frontier
	job             backgroundJob
	asked           frontierKey // what the run under way is for
	result          *frontierResult

	// The allocation at the budget clicked.
	pointJob    backgroundJob
	point       *proposal
	pointHint   *widget.Label
	pointBox    *fyne.Container
	pointTitle  *widget.Label
	pointText   *widget.Label
	pointAccept *widget.Button
}

// frontierKey is what a frontier is computed for.
type frontierKey struct {
	plan                      *planner.Plan
	scenario, mode, flighting string
}

// frontierResult is one computed frontier and what it was computed for.
type frontierResult struct {
	key frontierKey
	fr  *planner.BudgetFrontier
}

// buildFrontier makes the Budget frontier tab: the mode and flighting on
// top, the chart on the left, the allocation of the budget clicked on the right.
func (s *optimizeScreen) buildFrontier() fyne.CanvasObject {
	v := &s.front
	v.mode = newChoice(modeOptions())
	v.flighting = newChoice(flightingOptions())
	v.mode.OnChanged = func(string) { s.refreshFrontier() }
	v.flighting.OnChanged = func(string) { s.refreshFrontier() }
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.status.Hide()
	v.reach = widget.NewLabel("")
	v.reach.Wrapping = fyne.TextWrapWord
	v.chart = charts.NewFrontier()
	v.chart.SetMinSize(fyne.NewSize(360, 300))
	v.chart.OnTapped = s.showFrontierPoint
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Maximise"), v.mode),
		widget.NewFormItem(lang.L("Flighting"), v.flighting),
	)
	top := container.NewVBox(form, v.status, v.reach)

	v.pointHint = widget.NewLabel(lang.L("Click a point of the frontier to see the allocation that reaches it, and accept it if you like."))
	v.pointHint.Wrapping = fyne.TextWrapWord
	v.pointTitle = boldLabel("")
	v.pointTitle.Wrapping = fyne.TextWrapWord
	v.pointText = widget.NewLabel("")
	v.pointText.Wrapping = fyne.TextWrapWord
	v.pointAccept = widget.NewButtonWithIcon(lang.L("Accept this allocation"), theme.ConfirmIcon(), s.acceptFrontierPoint)
	v.pointAccept.Importance = widget.HighImportance
	v.pointBox = container.NewVBox(v.pointTitle, container.NewHBox(v.pointAccept), v.pointText)
	v.pointBox.Hide()
	side := newPage(v.pointHint, v.pointBox)
	split := container.NewHSplit(container.NewPadded(v.chart), side)
	split.Offset = 0.64
	return container.NewBorder(container.NewPadded(top), nil, nil, nil, split)
}

// frontierWanted is what the frontier tab shows now.
func (s *optimizeScreen) frontierWanted() frontierKey {
	doc := s.env.Doc
	return frontierKey{plan: doc.Plan(), scenario: doc.Scenario(),
		mode: picked(s.front.mode, optimizeModes), flighting: picked(s.front.flighting, flightingModes)}
}

// refreshFrontier draws the frontier of the plan shown, computing it in the
// background when it is not yet; only while the tab is shown, since a
// large plan's frontier takes seconds. A run for anything else is stopped
// and a point's allocation for another plan forgotten.
func (s *optimizeScreen) refreshFrontier() {
	v := &s.front
	want := s.frontierWanted()
	if v.point != nil && (v.point.plan != want.plan || v.point.scenario != want.scenario) {
		s.clearFrontierPoint()
	}
	if v.result != nil && v.result.key == want {
		s.drawFrontier()
		return
	}
	if v.job.running() && v.asked != want {
		v.job.stop()
		s.setFrontierStatus("")
	}
	if s.tabs == nil || s.tabs.Selected() != s.frontierTab || v.job.running() {
		return
	}
	v.asked = want
	s.setFrontierStatus(lang.L("Computing the frontier…"))
	req := planner.FrontierRequest{Scenario: want.scenario, Mode: want.mode, Flighting: want.flighting}
	startJob(&v.job, func(ctx context.Context) (*frontierResult, error) {
		fr, err := planner.Frontier(ctx, want.plan, req)
		if err != nil {
			return nil, err
		}
		return &frontierResult{key: want, fr: fr}, nil
	}, func(res *frontierResult, err error) {
		if err != nil {
			s.setFrontierStatus(refusal(err, want.plan, want.mode))
			return
		}
		s.setFrontierStatus("")
		v.result = res
		if s.frontierWanted() == res.key {
			s.drawFrontier()
		}
	})
}

// setFrontierStatus shows what the frontier is doing or why it failed; "" hides it.
func (s *optimizeScreen) setFrontierStatus(text string) {
	setText(s.front.status, text)
	s.front.status.Hidden = text == ""
	s.front.status.Refresh()
}

// figureOf is a mode's figure in a report: the one the frontier draws.
func figureOf(mode string, r *planner.Report) float64 {
	switch mode {
	case planner.ModeRevenue:
		return r.Totals.NetRevenue
	case planner.ModeUnits:
		lift := 0.0
		for _, pr := range r.Promotions {
			lift += pr.LiftUnits
		}
		return lift
	}
	return r.Totals.Contribution
}

// figureName names a mode's figure.
func figureName(mode string) string {
	switch mode {
	case planner.ModeRevenue:
		return lang.L("Net revenue")
	case planner.ModeUnits:
		return lang.L("Units the promotion brings")
	}
	return lang.L("Contribution")
}

// pointFigure is a mode's figure at a frontier point (NaN where no
// allocation fits its budget).
func pointFigure(mode string, pt planner.FrontierPoint) planner.Maybe {
	switch mode {
	case planner.ModeRevenue:
		return pt.NetRevenue
	case planner.ModeUnits:
		return pt.LiftUnits
	}
	return pt.Contribution
}

// nanIfNone is m's value, or NaN when it has none.
func nanIfNone(m planner.Maybe) float64 {
	if m.Valid {
		return m.Value
	}
	return math.NaN()
}

// metZones are the budgets where every set target is met: each run of
// points meeting them all, from its first budget (or from a target's exact
// reach when one lies between the run and the point before it, since the
// reach is where that target starts being met) to its last budget, or on
// to the budget target when it lies before the next point and that point
// misses the budget target only: up to the target, the optimum spends
// within it. cap is the budget target (NaN for none); onlyCap[i] says
// point i misses the budget target and nothing else.
func metZones(budgets []float64, allMet []bool, reaches []float64, cap float64, onlyCap []bool) []charts.Span {
	n := min(len(budgets), len(allMet))
	var zones []charts.Span
	for i := 0; i < n; i++ {
		if !allMet[i] {
			continue
		}
		from := budgets[i]
		if i > 0 {
			for _, r := range reaches {
				if r > budgets[i-1] && r < from {
					from = r
				}
			}
		}
		j := i
		for j+1 < n && allMet[j+1] {
			j++
		}
		to := budgets[j]
		if j+1 < n && j+1 < len(onlyCap) && onlyCap[j+1] && cap > to && cap < budgets[j+1] {
			to = cap
		}
		zones = append(zones, charts.Span{From: from, To: to})
		i = j
	}
	return zones
}

// frontierData turns a frontier into the chart's data, with today's plan
// from its report r.
func frontierData(res *frontierResult, r *planner.Report, f Fmt) charts.FrontierData {
	fr, mode := res.fr, res.key.mode
	_, set := r.MetCount()
	d := charts.FrontierData{
		FigureName: figureName(mode), ROMIName: lang.L("ROMI"), BudgetName: lang.L("Marketing budget"),
		TodayName: lang.L("Today’s plan"), TodayBudget: r.Totals.MarketingSpend, TodayFigure: figureOf(mode, r),
		ZoneName:     lang.L("Every target met"),
		FigureFormat: f.Chart(), Money: f.Chart(), Locale: f.Locale,
	}
	if mode == planner.ModeUnits {
		d.FigureFormat = f.ChartUnits()
	}
	allMet, onlyCap := make([]bool, len(fr.Points)), make([]bool, len(fr.Points))
	capMet := 0 // whether the budget target is set, and so counts in TargetsMet
	budgetTarget := math.NaN()
	if t := res.key.plan.Targets.Budget; t != nil {
		budgetTarget, capMet = *t, 1
	}
	for i, pt := range fr.Points {
		d.Budgets = append(d.Budgets, pt.Budget)
		d.Figure = append(d.Figure, nanIfNone(pointFigure(mode, pt)))
		d.ROMI = append(d.ROMI, nanIfNone(pt.ROMI))
		allMet[i] = set > 0 && pt.Objective.Valid && len(pt.TargetsMet) == set
		onlyCap[i] = capMet == 1 && pt.Objective.Valid && len(pt.TargetsMet) == set-1 && !slices.Contains(pt.TargetsMet, planner.TargetBudget)
	}
	var reaches []float64
	for _, rc := range fr.Reach {
		if rc.Budget.Valid {
			d.Reaches = append(d.Reaches, charts.FrontierReach{Budget: rc.Budget.Value,
				Name: lang.L("{{.Target}} target", map[string]any{"Target": targetName(rc.Target)})})
			reaches = append(reaches, rc.Budget.Value)
		}
	}
	d.Zones = metZones(d.Budgets, allMet, reaches, budgetTarget, onlyCap)
	return d
}

// reachText says, for each revenue and contribution target, the least
// budget whose optimum meets it, or that none up to the frontier's last does.
func reachText(fr *planner.BudgetFrontier, f Fmt) string {
	var lines []string
	for _, rc := range fr.Reach {
		args := map[string]any{"Target": targetName(rc.Target), "Goal": f.Money(rc.Goal), "Reached": f.Money(rc.Reached)}
		if rc.Budget.Valid {
			args["Budget"] = f.Money(rc.Budget.Value)
			lines = append(lines, lang.L("{{.Target}} target of {{.Goal}}: met from a marketing budget of {{.Budget}}, spent as the optimiser would.", args))
		} else if n := len(fr.Points); n > 0 {
			args["Budget"] = f.Money(fr.Points[n-1].Budget)
			lines = append(lines, lang.L("{{.Target}} target of {{.Goal}}: out of reach up to a marketing budget of {{.Budget}}, where the best brings {{.Reached}}.", args))
		}
	}
	if len(lines) == 0 {
		return lang.L("Set a net revenue or contribution target to see the least budget that meets it.")
	}
	return strings.Join(lines, "\n")
}

// drawFrontier shows the computed frontier of the plan shown.
func (s *optimizeScreen) drawFrontier() {
	v, f := &s.front, s.env.Fmt()
	res := v.result
	v.chart.SetData(frontierData(res, s.env.Doc.Report(), f))
	setText(v.reach, reachText(res.fr, f))
	if v.point == nil {
		v.chart.SetSelected(-1)
	}
}

// showFrontierPoint asks the optimiser, in the background, for the
// allocation at frontier point i, and shows it beside the chart.
func (s *optimizeScreen) showFrontierPoint(i int) {
	v, doc := &s.front, s.env.Doc
	res := v.result
	if res == nil || i < 0 || i >= len(res.fr.Points) || res.key.plan != doc.Plan() || res.key.scenario != doc.Scenario() {
		return
	}
	p, before := doc.Plan(), doc.Report()
	budget := res.fr.Points[i].Budget
	req := planner.OptimizeRequest{Scenario: res.key.scenario, Mode: res.key.mode, Flighting: res.key.flighting, Budget: &budget}
	setText(v.pointTitle, lang.L("At a marketing budget of {{.Budget}}", map[string]any{"Budget": s.env.Fmt().Money(budget)}))
	setText(v.pointText, lang.L("Computing its allocation…"))
	v.pointAccept.Disable()
	v.pointHint.Hide()
	v.pointBox.Show()
	startJob(&v.pointJob, func(ctx context.Context) (*proposal, error) {
		return propose(ctx, p, before, req)
	}, func(pr *proposal, err error) {
		if err != nil {
			v.point = nil
			setText(v.pointText, refusal(err, p, req.Mode))
			return
		}
		v.point = pr
		s.describeFrontierPoint()
	})
}

// describeFrontierPoint writes the allocation of the budget clicked: the
// totals before and after, the targets met, each channel's spend.
func (s *optimizeScreen) describeFrontierPoint() {
	v, f := &s.front, s.env.Fmt()
	pr := v.point
	o := pr.opt
	change := func(a, b float64, format func(float64) string) map[string]any {
		return map[string]any{"Before": format(a), "After": format(b), "Change": numfmt.Signed(b-a, format(b-a))}
	}
	lines := []string{goal(o.Mode) + " " + scenarioNote(pr.plan, pr.scenario),
		lang.L("Contribution: {{.Before}} → {{.After}} ({{.Change}})", change(o.Before.Contribution, o.After.Contribution, f.Money)),
		lang.L("Net revenue: {{.Before}} → {{.After}} ({{.Change}})", change(o.Before.NetRevenue, o.After.NetRevenue, f.Money)),
		lang.L("Promotion spend: {{.Before}} → {{.After}} ({{.Change}})", change(o.Before.Promotion, o.After.Promotion, f.Money)),
	}
	if metBefore, set := pr.before.MetCount(); set > 0 {
		metAfter, _ := pr.after.MetCount()
		lines = append(lines, lang.L("Targets met: {{.Before}} of {{.Set}} now, {{.After}} of {{.Set}} after", map[string]any{"Before": metBefore, "After": metAfter, "Set": set}))
	}
	for i, a := range o.Allocation {
		if i >= len(pr.plan.Promotions) || i >= len(pr.before.Promotions) {
			break
		}
		lines = append(lines, lang.L("{{.Channel}}: {{.Before}} → {{.After}}", map[string]any{"Channel": pr.plan.Promotions[i].Name,
			"Before": f.Money(pr.before.Promotions[i].Spend), "After": f.Money(a.Spend)}))
	}
	if pr.unproven != nil {
		lines = append(lines, lang.L("Not proven best: this allocation brings {{.Objective}}, and none can bring more than {{.Bound}}.",
			map[string]any{"Objective": f.Money(pr.unproven.Objective), "Bound": f.Money(pr.unproven.UpperBound)}))
	}
	setText(v.pointText, strings.Join(lines, "\n"))
	v.pointAccept.SetText(acceptLabel(o))
	v.pointAccept.Enable()
}

// acceptFrontierPoint writes the allocation of the budget clicked into the
// plan as one undo step.
func (s *optimizeScreen) acceptFrontierPoint() {
	if !s.acceptOptimization(s.front.point) {
		return
	}
	s.clearFrontierPoint()
	setText(s.front.pointHint, lang.L("Accepted: the plan now spends as that point does. Undo takes it back."))
}

// clearFrontierPoint forgets the allocation of the budget clicked.
func (s *optimizeScreen) clearFrontierPoint() {
	v := &s.front
	v.pointJob.stop()
	v.point = nil
	v.pointBox.Hide()
	v.pointHint.Show()
	v.chart.SetSelected(-1)
}
