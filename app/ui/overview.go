package ui

import (
	"sort"
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

func init() { registerScreen(orderOverview, newOverviewScreen) }

// KPI tiles of the Overview, in display order.
const (
	kpiRevenue      = planner.TargetRevenue
	kpiMargin       = planner.TargetGrossMarginPct
	kpiContribution = planner.TargetContribution
	kpiSpend        = planner.TargetBudget
	kpiROMI         = planner.TargetROMI
	kpiCAC          = planner.TargetCAC
	kpiLTV          = "ltvToCac"
	kpiBreakEven    = "breakEvenUnits"
	kpiPayback      = "paybackMonth"
)

var kpiOrder = []string{kpiRevenue, kpiMargin, kpiContribution, kpiSpend, kpiROMI, kpiCAC, kpiLTV, kpiBreakEven, kpiPayback}

// maxChannelBars is how many channels the Overview's bar chart shows: the
// largest spends; a note under the chart sums the rest (one bar for them
// would dwarf the others).
const maxChannelBars = 12

// overviewScreen is the dashboard: the verdict, the KPI tiles against their
// targets, the contribution bridge, spend and incremental contribution by
// channel, and the monthly contribution with its cumulative line.
type overviewScreen struct {
	screenInfo
	env      *Env
	verdict  *widget.Label
	scenario *widget.Label
	tiles    map[string]*widgets.KPITile
	bridge   *charts.Bridge
	channels *charts.Bars
	// channelNote sums the channels the bar chart leaves out.
	channelNote *widget.Label
	monthly     *charts.Monthly
	// estimate is the "Latest estimate" row, shown once months are closed.
	estimate *estimatePanel
}

func newOverviewScreen(env *Env) Screen {
	s := &overviewScreen{screenInfo: screenInfo{id: "overview", title: lang.L("Overview"), icon: theme.HomeIcon()}, env: env, tiles: map[string]*widgets.KPITile{}}
	s.verdict = subheading("")
	s.scenario = widget.NewLabel("")
	s.scenario.TextStyle.Italic = true
	titles := map[string]string{
		kpiRevenue: lang.L("Net revenue"), kpiMargin: lang.L("Gross margin %"), kpiContribution: lang.L("Contribution"),
		kpiSpend: lang.L("Marketing spend"), kpiROMI: lang.L("ROMI"), kpiCAC: lang.L("CAC"),
		kpiLTV: lang.L("CLV / CAC"), kpiBreakEven: lang.L("Break-even units"), kpiPayback: lang.L("Payback"),
	}
	var tiles []fyne.CanvasObject
	for _, k := range kpiOrder {
		s.tiles[k] = widgets.NewKPITile(titles[k])
		tiles = append(tiles, s.tiles[k])
	}
	s.estimate = newEstimatePanel(titles)
	s.bridge = charts.NewBridge()
	s.channels = charts.NewBars()
	s.channelNote = widget.NewLabel("")
	s.channelNote.Wrapping = fyne.TextWrapWord
	s.channelNote.SizeName = theme.SizeNameCaptionText
	s.channelNote.Hide()
	s.monthly = charts.NewMonthly()
	for _, c := range []interface{ SetMinSize(fyne.Size) }{s.bridge, s.channels, s.monthly} {
		c.SetMinSize(fyne.NewSize(360, 280))
	}
	chartCard := func(title string, c fyne.CanvasObject) fyne.CanvasObject {
		return container.NewBorder(boldLabel(title), nil, nil, nil, c)
	}
	s.content = newPage(
		s.verdict, s.scenario,
		newResponsiveGrid(230, tiles...),
		s.estimate.box,
		widget.NewSeparator(),
		newResponsiveGrid(420,
			chartCard(lang.L("Contribution bridge"), s.bridge),
			chartCard(lang.L("Spend and incremental contribution by channel"),
				container.NewBorder(nil, s.channelNote, nil, nil, s.channels))),
		chartCard(lang.L("Monthly contribution"), s.monthly),
	)
	return s
}

// Refresh shows the current report; tiles and charts redraw only if their figures changed.
func (s *overviewScreen) Refresh() {
	doc := s.env.Doc
	r, p, f := doc.Report(), doc.Plan(), s.env.Fmt()
	setText(s.verdict, verdict(r))
	met, set := r.MetCount()
	s.verdict.Importance = widget.MediumImportance
	if set > 0 && met == set {
		s.verdict.Importance = widget.SuccessImportance
	} else if set > 0 {
		s.verdict.Importance = widget.WarningImportance
	}
	setText(s.scenario, scenarioNote(p, doc.Scenario()))
	for k, kpi := range overviewKPIs(r, p, f) {
		s.tiles[k].Set(kpi)
	}
	s.estimate.refresh(p, doc.Scenario(), f)

	steps := planner.Bridge(r)
	labels := make([]string, len(steps))
	for i, st := range steps {
		labels[i] = bridgeLabel(st.Key)
	}
	s.bridge.SetData(steps, labels, f.Chart())

	names, spend, inc, note := channelBars(p, r, f)
	setText(s.channelNote, note)
	s.channelNote.Hidden = note == ""
	s.channels.SetData(names, []charts.Series{
		{Name: lang.L("Spend"), Values: spend},
		{Name: lang.L("Incremental contribution"), Values: inc},
	}, f.Chart())

	showMonthlyContribution(s.monthly, r, f)
}

// showMonthlyContribution draws the report's contribution month by month
// with its cumulative line, as the Overview and the Calendar show it, and
// returns the months' chart labels ("Jan 27").
func showMonthlyContribution(c *charts.Monthly, r *planner.Report, f Fmt) (months []string) {
	labels := make([]string, len(r.Monthly))
	contrib := make([]float64, len(r.Monthly))
	cumul := make([]float64, len(r.Monthly))
	for i, m := range r.Monthly {
		labels[i], contrib[i], cumul[i] = m.Month, m.Contribution, m.CumulativeContribution
	}
	months = shortMonths(labels)
	c.SetData(months, lang.L("Contribution"), contrib, lang.L("Cumulative"), cumul, f.Chart())
	return months
}

// setText changes a label's text only when it differs, sparing a redraw.
func setText(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}

// verdict is the one-line summary: "4 of 6 targets met — missed: Contribution, CAC".
func verdict(r *planner.Report) string {
	met, set := r.MetCount()
	if set == 0 {
		return lang.L("No targets set: set them in Targets & settings to see how the plan stands.")
	}
	v := lang.N("{{.Met}} of {{.Set}} targets met", set, map[string]any{"Met": met, "Set": set})
	var missed []string
	for _, t := range r.Targets {
		if !t.Met {
			missed = append(missed, targetName(t.Name))
		}
	}
	if len(missed) > 0 {
		v += " — " + lang.L("missed: {{.Names}}", map[string]any{"Names": strings.Join(missed, ", ")})
	}
	return v
}

// scenarioNote says which scenario the figures are for, and what it changes.
func scenarioNote(p *planner.Plan, id string) string {
	sc, ok := p.ScenarioByID(id)
	if !ok || id == planner.BaseScenario {
		return lang.L("Figures for the base plan.")
	}
	f := fmtFor(p)
	return lang.L("Figures for the scenario “{{.Name}}”: volume ×{{.Volume}}, unit cost ×{{.Cost}}, response ×{{.Response}}, price ×{{.Price}}.",
		map[string]any{"Name": sc.Name, "Volume": f.Ratio(sc.Volume), "Cost": f.Ratio(sc.UnitCost),
			"Response": f.Ratio(sc.Response), "Price": f.Ratio(sc.Price)})
}

// overviewKPIs computes what every tile shows.
func overviewKPIs(r *planner.Report, p *planner.Plan, f Fmt) map[string]widgets.KPI {
	t := r.Totals
	out := map[string]widgets.KPI{}
	for _, name := range []string{kpiRevenue, kpiMargin, kpiContribution, kpiROMI, kpiCAC} {
		out[name] = targetKPI(f, r, name)
	}

	spend := widgets.KPI{Value: f.Money(t.MarketingSpend), Detail: lang.L("No budget set")}
	if b, ok := r.Target(planner.TargetBudget); ok {
		spend.HasGauge = true
		if b.Target > 0 {
			spend.Gauge = t.MarketingSpend / b.Target
		} else if t.MarketingSpend > 0 {
			spend.Gauge = 1
		}
		if b.Met {
			spend.Status = widgets.Met
			spend.Detail = lang.L("Budget {{.Budget}} · {{.Left}} left", map[string]any{"Budget": f.Money(b.Target), "Left": f.Money(b.Target - t.MarketingSpend)})
		} else {
			spend.Status = widgets.Missed
			spend.Detail = lang.L("Budget {{.Budget}} · {{.Over}} over", map[string]any{"Budget": f.Money(b.Target), "Over": f.Money(t.MarketingSpend - b.Target)})
		}
	}
	out[kpiSpend] = spend

	ltv := widgets.KPI{Value: f.Maybe(t.LTVToCAC, f.Ratio)}
	ltv.Detail = lang.L("CLV {{.CLV}} · CAC {{.CAC}}", map[string]any{"CLV": f.Maybe(t.CLV, f.UnitMoney), "CAC": f.Maybe(t.CAC, f.UnitMoney)})
	out[kpiLTV] = ltv

	be := widgets.KPI{Value: f.Maybe(t.BreakEvenUnits, f.Units)}
	if t.BreakEvenUnits.Valid {
		be.Detail = lang.L("{{.Units}} units planned", map[string]any{"Units": f.Units(t.Units)})
	} else {
		be.Detail = lang.L("Units do not contribute on average")
	}
	out[kpiBreakEven] = be

	pay := widgets.KPI{Value: lang.L("Not paid back"), Detail: lang.N("Cumulative contribution is negative after {{.Count}} months", p.Months, map[string]any{"Count": p.Months})}
	if t.PaybackMonth.Valid {
		n := int(t.PaybackMonth.Value)
		pay.Value = lang.L("Month {{.N}}", map[string]any{"N": n})
		label := ""
		if n-1 < len(r.Monthly) {
			label = shortMonths([]string{r.Monthly[n-1].Month})[0]
		}
		pay.Detail = lang.L("Paid back in {{.Month}}", map[string]any{"Month": label})
	}
	out[kpiPayback] = pay
	return out
}

// targetKPI is the tile of the figure the target with that name is held
// against: green when met, red when missed, with the target and the gap;
// plain when no target is set.
func targetKPI(f Fmt, r *planner.Report, name string) widgets.KPI {
	value, gap := f.Target(name)
	k := widgets.KPI{Value: f.Maybe(r.Totals.Actual(name), value)}
	t, set := r.Target(name)
	switch {
	case !set:
		k.Detail = lang.L("No target set")
	case !t.Gap.Valid:
		k.Status = widgets.Missed
		k.Detail = lang.L("Target {{.Target}} · no value to compare", map[string]any{"Target": value(t.Target)})
	default:
		k.Status = widgets.Missed
		if t.Met {
			k.Status = widgets.Met
		}
		k.Detail = lang.L("Target {{.Target}} · gap {{.Gap}}", map[string]any{"Target": value(t.Target), "Gap": numfmt.Signed(t.Gap.Value, gap(t.Gap.Value))})
	}
	return k
}

// channelBars lists the channels with the largest spends, in the plan's
// order, with their spends and incremental contributions; note says what
// the others add up to when not every channel fits ("" when all do).
func channelBars(p *planner.Plan, r *planner.Report, f Fmt) (names []string, spend, inc []float64, note string) {
	idx := make([]int, len(r.Promotions))
	for i := range idx {
		idx[i] = i
	}
	if len(idx) > maxChannelBars {
		sort.SliceStable(idx, func(a, b int) bool { return r.Promotions[idx[a]].Spend > r.Promotions[idx[b]].Spend })
		var s, c float64
		for _, i := range idx[maxChannelBars:] {
			s += r.Promotions[i].Spend
			c += r.Promotions[i].IncrementalContribution
		}
		n := len(idx) - maxChannelBars
		note = lang.N("The {{.Shown}} largest spends of {{.Count}} channels. The other {{.Rest}}: spend {{.Spend}}, incremental contribution {{.Contribution}}.",
			len(idx), map[string]any{"Shown": maxChannelBars, "Count": len(idx), "Rest": n, "Spend": f.Money(s), "Contribution": f.Money(c)})
		idx = idx[:maxChannelBars]
		sort.Ints(idx) // keep the plan's order
	}
	for _, i := range idx {
		names = append(names, p.Promotions[i].Name)
		spend = append(spend, r.Promotions[i].Spend)
		inc = append(inc, r.Promotions[i].IncrementalContribution)
	}
	return names, spend, inc, note
}
