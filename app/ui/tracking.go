package ui

import (
	"math"

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

// Navigation places of the screens of the year as it happens.
const (
	orderTracking = 100
	orderRisk     = 110
)

func init() { registerScreen(orderTracking, newTrackingScreen) }

// trackingScreen is the Tracking screen (docs/model.md §2.3): the plan being
// carried out. Above, the last closed month and the credibility of the
// actuals; under them, tabs: where we stand (each target, plan against
// the latest estimate, and the months chart: the plan's bars ghosted
// beside what happened and what is now expected, with both running
// totals), the actuals of the channels and of the products (grids of
// closed months, edited in a form under them or pasted from a
// spreadsheet), the variance tables (months, channels, products, in red
// and green) and the funnel of each channel to date. "Re-plan the rest of
// the year" proposes the open months' spends (tracking_replan.go).
//
// Decisions where the issue is silent:
//   - The chart and the month table show contribution, the figure the
//     targets and the optimiser are about; the variance tables add units,
//     net revenue and spend where they are recorded.
//   - A spend above plan is red, below plan green; for everything else more
//     is green.
//   - The screen tracks the plan as written: scenarios are what-ifs of the
//     plan, not of the months already closed.
type trackingScreen struct {
	screenInfo
	env     *Env
	tk      *planner.Tracking
	version int // the document version tk was computed for, -1 for none

	through     *widget.Select
	credibility *widgets.NumberField
	summary     *widget.Label
	syncing     bool

	chart    *charts.Tracking
	targets  *figureTable
	months   *figureTable
	channels *figureTable
	products *figureTable
	funnel   *figureTable

	replan                   *replanner
	channelGrid, productGrid *actualsGrid
	committedTitle           *widget.Label
	committed                *widgets.NumberField
}

func newTrackingScreen(env *Env) Screen {
	s := &trackingScreen{screenInfo: screenInfo{id: "tracking", title: lang.L("Tracking"), icon: theme.HistoryIcon()}, env: env, version: -1}
	s.through = widget.NewSelect(nil, func(string) {
		if !s.syncing {
			s.setThrough(s.through.SelectedIndex())
		}
	})
	s.credibility = widgets.NewNumberField(env.Fmt().Field(widgets.Plain), widgets.NonNegative())
	s.credibility.OnCommit = s.setCredibility
	s.summary = subheading("")
	s.summary.Wrapping = fyne.TextWrapWord

	s.chart = charts.NewTracking()
	s.chart.SetMinSize(fyne.NewSize(420, 300))
	s.targets = newFigureTable(
		[]string{lang.L("Target"), lang.L("Goal"), lang.L("Plan"), lang.L("Latest estimate"), lang.L("Change")},
		[]float32{170, 110, 120, 140, 120})
	s.months = newFigureTable(
		[]string{lang.L("Month"), lang.L("Plan contribution"), lang.L("Actual or estimate"), lang.L("Variance"), lang.L("Variance %"),
			lang.L("Plan spend"), lang.L("Actual or estimated spend")},
		[]float32{110, 120, 120, 110, 90, 110, 120})
	s.channels = newFigureTable(
		[]string{lang.L("Channel"), lang.L("Plan spend to date"), lang.L("Actual spend to date"), lang.L("Variance"), lang.L("Variance %"),
			lang.L("Committed"), lang.L("Planned lift to date"), lang.L("Measured lift to date"), lang.L("Curve re-fitted"), lang.L("Spend this year")},
		[]float32{170, 120, 120, 110, 90, 110, 110, 110, 100, 120})
	s.products = newFigureTable(
		[]string{lang.L("Product"), lang.L("Plan units to date"), lang.L("Actual units to date"), lang.L("Variance"), lang.L("Variance %"),
			lang.L("Plan net revenue to date"), lang.L("Actual net revenue to date"), lang.L("Variance"), lang.L("Variance %"),
			lang.L("Units this year"), lang.L("Net revenue this year")},
		[]float32{170, 110, 110, 100, 90, 120, 120, 110, 90, 110, 120})
	s.funnel = newFigureTable(
		[]string{lang.L("Channel"), lang.L("Spend to date"), lang.L("CPM"), lang.L("CTR"), lang.L("CVR"), lang.L("CPA")},
		[]float32{170, 120, 90, 80, 80, 90})

	s.channelGrid = newActualsGrid(env, channelMeasures(), promotionIDsOf, promotionNames, lang.L("channels"))
	s.productGrid = newActualsGrid(env, productMeasures(), productIDsOf, productNames, lang.L("products"))
	s.committedTitle = widget.NewLabel("")
	s.committed = widgets.NewNumberField(env.Fmt().Field(widgets.Money), widgets.NonNegative())
	s.committed.OnCommit = s.setCommitted
	s.channelGrid.extra.Add(container.NewBorder(nil, nil, s.committedTitle, nil,
		container.NewGridWrap(fyne.NewSize(160, s.committed.MinSize().Height), s.committed)))
	s.channelGrid.onSelectedChange = s.showCommitted

	top := container.NewBorder(nil, nil,
		container.NewHBox(widget.NewLabel(lang.L("Last closed month")), s.through,
			widget.NewLabel(lang.L("Credibility (months)")), container.NewGridWrap(fyne.NewSize(90, s.credibility.MinSize().Height), s.credibility)),
		nil)
	s.replan = newReplanner(env)
	standSplit := container.NewVSplit(s.chart, s.targets.table)
	standSplit.Offset = 0.55
	stand := container.NewBorder(container.NewVBox(s.summary,
		container.NewBorder(nil, nil, s.replan.button, nil, s.replan.status)), nil, nil, nil, standSplit)
	variance := container.NewAppTabs(
		container.NewTabItem(lang.L("By month"), s.months.table),
		container.NewTabItem(lang.L("By channel"), s.channels.table),
		container.NewTabItem(lang.L("By product"), s.products.table))
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("Where we stand"), container.NewPadded(stand)),
		container.NewTabItem(lang.L("Channel actuals"), container.NewPadded(s.channelGrid.content)),
		container.NewTabItem(lang.L("Product actuals"), container.NewPadded(s.productGrid.content)),
		container.NewTabItem(lang.L("Variance"), variance),
		container.NewTabItem(lang.L("Funnel"), container.NewBorder(nil,
			newNote(lang.L("To date: CPM is the cost of a thousand impressions, CTR clicks per impression, CVR conversions per click, CPA the cost of a conversion. n/a where the channel did not record what it needs.")),
			nil, nil, s.funnel.table)))
	s.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, tabs)
	return s
}

func promotionNames(p *planner.Plan) []string {
	out := make([]string, len(p.Promotions))
	for i, pm := range p.Promotions {
		out[i] = pm.Name
	}
	return out
}

func productNames(p *planner.Plan) []string {
	out := make([]string, len(p.Products))
	for i, pr := range p.Products {
		out[i] = pr.Name
	}
	return out
}

// tracking returns where the plan stands, computed once per version of
// the document (about a millisecond for the sample plan).
func (s *trackingScreen) tracking() *planner.Tracking {
	if v := s.env.Doc.Version(); v != s.version || s.tk == nil {
		p := s.env.Doc.Plan()
		if p.Actuals == nil { // nothing closed yet: the latest estimate is the plan
			p = p.Clone()
			p.Actuals = &planner.Actuals{Credibility: planner.DefaultCredibility}
		}
		tk, err := planner.Track(p)
		if err != nil { // a valid plan always tracks; show nothing rather than stale figures
			tk = nil
		}
		s.tk, s.version = tk, v
	}
	return s.tk
}

// Refresh shows the document.
func (s *trackingScreen) Refresh() {
	p := s.env.Doc.Plan()
	f := s.env.Fmt()
	s.syncing = true
	months := shortMonths(planner.MonthLabels(p.Start, p.Months))
	options := append([]string{lang.L("None yet")}, months...)
	s.through.SetOptions(options)
	s.through.SetSelectedIndex(through(p))
	s.credibility.SetFormat(f.Field(widgets.Plain))
	cred := float64(planner.DefaultCredibility)
	if p.Actuals != nil {
		cred = p.Actuals.Credibility
	}
	s.credibility.SetValue(cred)
	s.syncing = false

	s.channelGrid.Refresh()
	s.productGrid.Refresh()
	s.replan.refresh(p)
	tk := s.tracking()
	if tk == nil {
		return
	}
	setText(s.summary, trackingSummary(tk, months, f))
	s.showChart(tk, months, f)
	s.showTargets(tk, f)
	s.showMonths(tk, months, f)
	s.showChannels(tk, p, f)
	s.showProducts(tk, p, f)
	s.showFunnel(tk, p, f)
}

// trackingSummary says in a sentence where the year stands.
func trackingSummary(tk *planner.Tracking, months []string, f Fmt) string {
	le, plan := tk.LatestEstimate.Contribution, tk.Plan.Contribution
	args := map[string]any{"LE": f.Money(le), "Plan": f.Money(plan), "Gap": f.Signed(le-plan, true)}
	if tk.Through == 0 {
		return lang.L("No month is closed yet: the latest estimate is the plan, {{.Plan}} contribution.", args)
	}
	args["Month"] = months[tk.Through-1]
	return lang.L("Through {{.Month}}: the year now looks like {{.LE}} contribution against {{.Plan}} planned ({{.Gap}}).", args)
}

func (s *trackingScreen) showChart(tk *planner.Tracking, months []string, f Fmt) {
	plan, latest := make([]float64, len(tk.Monthly)), make([]float64, len(tk.Monthly))
	for t, m := range tk.Monthly {
		plan[t], latest[t] = m.Plan.Contribution, m.LatestEstimate.Contribution
	}
	s.chart.SetData(charts.TrackingData{
		Months: months, Closed: tk.Through, Plan: plan, Latest: latest,
		PlanName: lang.L("Plan"), ActualName: lang.L("Actual"), EstimateName: lang.L("Estimate"),
		PlanTotalName: lang.L("Plan, cumulative"), LatestTotalName: lang.L("Latest estimate, cumulative"),
		Format: f.Chart(),
	})
}

func (s *trackingScreen) showTargets(tk *planner.Tracking, f Fmt) {
	met := func(ok bool) string {
		if ok {
			return "✓ "
		}
		return "✗ "
	}
	imp := func(ok bool) widget.Importance {
		if ok {
			return widget.SuccessImportance
		}
		return widget.DangerImportance
	}
	rows := make([][]figureCell, 0, len(tk.Targets))
	for _, tg := range tk.Targets {
		value, gap := f.Target(tg.Name)
		goal := value(tg.Target)
		if tg.Kind == "max" {
			goal = "≤ " + goal
		} else {
			goal = "≥ " + goal
		}
		change := lang.L("n/a")
		if tg.Plan.Valid && tg.LatestEstimate.Valid {
			d := tg.LatestEstimate.Value - tg.Plan.Value
			if math.Abs(d) <= 1e-9*math.Max(1, math.Abs(tg.Plan.Value)) {
				d = 0 // rounding noise of two equal figures, not a "+€0"
			}
			change = numfmt.Signed(d, gap(d))
		}
		rows = append(rows, []figureCell{
			plain(targetName(tg.Name)), plain(goal),
			{met(tg.MetPlan) + f.Maybe(tg.Plan, value), imp(tg.MetPlan)},
			{met(tg.MetLatestEstimate) + f.Maybe(tg.LatestEstimate, value), imp(tg.MetLatestEstimate)},
			plain(change),
		})
	}
	if len(rows) == 0 {
		rows = append(rows, []figureCell{plain(lang.L("No target set")), {}, {}, {}, {}})
	}
	s.targets.setRows(rows)
}

func (s *trackingScreen) showMonths(tk *planner.Tracking, months []string, f Fmt) {
	rows := make([][]figureCell, len(tk.Monthly))
	for t, m := range tk.Monthly {
		name := months[t]
		if m.Closed {
			name += " ✓"
		}
		row := []figureCell{plain(name), plain(f.Money(m.Plan.Contribution)), plain(f.Money(m.LatestEstimate.Contribution))}
		row = append(row, varianceCells(f, m.Plan.Contribution, m.LatestEstimate.Contribution, true, false)...)
		spendImp := varianceImportance(m.LatestEstimate.MarketingSpend-m.Plan.MarketingSpend, true)
		row = append(row, plain(f.Money(m.Plan.MarketingSpend)), figureCell{f.Money(m.LatestEstimate.MarketingSpend), spendImp})
		rows[t] = row
	}
	s.months.setRows(rows)
}

func (s *trackingScreen) showChannels(tk *planner.Tracking, p *planner.Plan, f Fmt) {
	rows := make([][]figureCell, 0, len(tk.Promotions))
	for c, ch := range tk.Promotions {
		name := ch.ID
		refit := lang.L("n/a")
		if c < len(p.Promotions) {
			name = p.Promotions[c].Name
			if mu := p.Promotions[c].Response.MaxUnits; mu > 0 && c < len(tk.Calibration.Promotions) {
				refit = f.SignedPercent(tk.Calibration.Promotions[c].MaxUnits/mu - 1)
			}
		}
		row := []figureCell{plain(name), plain(f.Money(ch.PlanSpendToDate)), plain(f.Money(ch.ActualSpendToDate))}
		row = append(row, varianceCells(f, ch.PlanSpendToDate, ch.ActualSpendToDate, true, true)...)
		measured := figureCell{text: f.Maybe(ch.MeasuredLiftToDate, f.Units)}
		if ch.MeasuredLiftToDate.Valid {
			measured.imp = varianceImportance(ch.MeasuredLiftToDate.Value-ch.PlanLiftToDate, false)
		}
		row = append(row, plain(f.Money(ch.Committed)), plain(f.Units(ch.PlanLiftToDate)), measured, plain(refit),
			plain(f.Money(ch.LatestEstimateSpend)))
		rows = append(rows, row)
	}
	s.channels.setRows(rows)
}

func (s *trackingScreen) showProducts(tk *planner.Tracking, p *planner.Plan, f Fmt) {
	rows := make([][]figureCell, 0, len(tk.Products))
	for i, pr := range tk.Products {
		name := pr.ID
		if i < len(p.Products) {
			name = p.Products[i].Name
		}
		row := []figureCell{plain(name), plain(f.Units(pr.PlanUnitsToDate)), plain(f.Maybe(pr.ActualUnitsToDate, f.Units))}
		if pr.ActualUnitsToDate.Valid {
			row = append(row, varianceCells(f, pr.PlanUnitsToDate, pr.ActualUnitsToDate.Value, false, false)...)
		} else {
			row = append(row, plain(""), plain(""))
		}
		row = append(row, plain(f.Money(pr.PlanNetRevenueToDate)), plain(f.Maybe(pr.ActualNetRevenueToDate, f.Money)))
		if pr.ActualNetRevenueToDate.Valid {
			row = append(row, varianceCells(f, pr.PlanNetRevenueToDate, pr.ActualNetRevenueToDate.Value, true, false)...)
		} else {
			row = append(row, plain(""), plain(""))
		}
		row = append(row, plain(f.Units(pr.LatestEstimateUnits)), plain(f.Money(pr.LatestEstimateNetRevenue)))
		rows = append(rows, row)
	}
	s.products.setRows(rows)
}

func (s *trackingScreen) showFunnel(tk *planner.Tracking, p *planner.Plan, f Fmt) {
	rows := make([][]figureCell, 0, len(tk.Promotions))
	for c, ch := range tk.Promotions {
		name := ch.ID
		if c < len(p.Promotions) {
			name = p.Promotions[c].Name
		}
		rows = append(rows, []figureCell{plain(name), plain(f.Money(ch.ActualSpendToDate)),
			plain(f.Maybe(ch.CPM, f.UnitMoney)), plain(f.Maybe(ch.CTR, f.Percent)),
			plain(f.Maybe(ch.CVR, f.Percent)), plain(f.Maybe(ch.CPA, f.UnitMoney))})
	}
	s.funnel.setRows(rows)
}

// setThrough closes the months up to the t-th (0: none) as one undo step,
// asking first when that drops figures already recorded.
func (s *trackingScreen) setThrough(t int) {
	p := s.env.Doc.Plan()
	if t < 0 || t == through(p) {
		return
	}
	months := shortMonths(planner.MonthLabels(p.Start, p.Months))
	label := lang.L("Close the months through {{.Month}}", map[string]any{"Month": s.through.Selected})
	if t == 0 {
		label = lang.L("Open every month again")
	}
	r := s.env.Doc.Report()
	apply := func() {
		if err := s.env.Edit(label, func(q *planner.Plan) { setThrough(q, r, t) }); err != nil {
			s.env.ShowError(err)
		}
	}
	if recordedBeyond(p, t) {
		first := months[t]
		s.env.Confirm(lang.L("Open months again?"),
			lang.L("The figures recorded from {{.Month}} on will be dropped (Undo brings them back).", map[string]any{"Month": first}),
			lang.L("Open"), apply)
		s.syncing = true
		s.through.SetSelectedIndex(through(p)) // until the person agrees
		s.syncing = false
		return
	}
	apply()
}

// setCredibility changes how many months of evidence weigh as much as the plan.
func (s *trackingScreen) setCredibility(x float64) error {
	if s.syncing {
		return nil
	}
	return s.env.Edit(lang.L("Change the credibility of the actuals"), func(p *planner.Plan) {
		if p.Actuals == nil {
			p.Actuals = &planner.Actuals{}
		}
		p.Actuals.Credibility = x
	})
}

// showCommitted shows the committed spend of the channel selected in the grid.
func (s *trackingScreen) showCommitted() {
	id, name, ok := s.channelGrid.selectedID()
	s.committed.SetFormat(s.env.Fmt().Field(widgets.Money))
	if !ok {
		setText(s.committedTitle, lang.L("Committed for the open months"))
		s.committed.SetEmpty()
		s.committed.Disable()
		return
	}
	setText(s.committedTitle, lang.L("Committed for the open months of “{{.Name}}”", map[string]any{"Name": name}))
	s.committed.Enable()
	x := 0.0
	if a := s.env.Doc.Plan().Actuals; a != nil {
		x = a.Promotions[id].Committed
	}
	s.committed.SetValue(x)
}

// setCommitted records the spend already committed for the open months of the selected channel.
func (s *trackingScreen) setCommitted(x float64) error {
	id, name, ok := s.channelGrid.selectedID()
	if !ok {
		return nil
	}
	return s.env.Edit(lang.L("Change the committed spend of “{{.Name}}”", map[string]any{"Name": name}), func(p *planner.Plan) {
		if p.Actuals == nil {
			p.Actuals = &planner.Actuals{Credibility: planner.DefaultCredibility}
		}
		if p.Actuals.Promotions == nil {
			p.Actuals.Promotions = map[string]planner.PromotionActuals{}
		}
		pa := p.Actuals.Promotions[id]
		pa.Committed = x
		p.Actuals.Promotions[id] = pa
	})
}
