package ui

import (
	"context"
	"errors"
	"math"
	"runtime"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/charts"
	"mixplan/app/ui/widgets"
	"mixplan/planner"
)

func init() { registerScreen(orderRisk, newRiskScreen) }

// riskScreen is the Risk screen (docs/model.md §3.4): how sure the plan is.
// On the left the ranges, the inputs the manager is unsure of, each edited
// in a form beside the plan's own value; on the right, in words, which
// assumption matters most, then each target's probability as a tile, the
// tornado chart (contribution with one input at a time at its low and high
// value) and the fan chart of cumulative contribution (P10–P90 by month).
//
// The tornado and the simulation (5,000 draws, seed 1: the figures of
// `mixplan risk`) run in the background once the plan or the scenario shown
// has stayed unchanged for a quarter of a second, on every core but one; a
// change cancels the run under way, and a result of an older plan is
// dropped, so editing never waits for them.
type riskScreen struct {
	screenInfo
	env *Env
	job backgroundJob
	// plan and scenario are what the figures shown (or being computed) are of.
	plan     *planner.Plan
	scenario string
	risk     *planner.Risk // nil until the first run delivers

	list           *widget.List
	selected       int
	add, remove    *widget.Button
	formTitle      *widget.Label
	planValue      *widget.Label
	low, high      *widgets.NumberField
	emptyRanges    *widget.Label
	status         *widget.Label
	words          *widget.Label
	tiles          *fyne.Container
	tileByName     map[string]*widgets.KPITile
	tornado        *charts.Tornado
	fan            *charts.Fan
	syncing        bool
	chartTitles    []*widget.Label // shown with the charts only
	rangeLabels    []string        // each range's input, and its low … plan … high values
	rangeValues    []string
	computeOptions planner.RiskRequest
	// pending counts the runs asked for during a pause in the editing;
	// only the last one starts. 0 when none waits.
	pending int
}

// riskPause is how long the plan must stay unchanged before the Risk
// screen computes again.
const riskPause = 250 * time.Millisecond

// busy reports whether figures are waiting to be computed or being computed.
func (s *riskScreen) busy() bool { return s.pending > 0 || s.job.running() }

func newRiskScreen(env *Env) Screen {
	s := &riskScreen{screenInfo: screenInfo{id: "risk", title: lang.L("Risk"), icon: theme.WarningIcon()}, env: env,
		selected: -1, tileByName: map[string]*widgets.KPITile{},
		// One core is left to the window (the answer does not depend on it).
		computeOptions: planner.RiskRequest{Draws: planner.DefaultDraws, Seed: planner.DefaultSeed, Workers: max(1, runtime.NumCPU()-1)}}
	s.job.env = env
	s.list = widget.NewList(func() int { return len(s.rangeLabels) },
		func() fyne.CanvasObject {
			name, values := widget.NewLabel("Price elasticity of “Green tea”"), widget.NewLabel("−1.9 … −1.5 … −1.2")
			name.Truncation = fyne.TextTruncateEllipsis
			values.SizeName = theme.SizeNameCaptionText
			return container.New(&rowLayout{}, name, values)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(s.rangeLabels) {
				objs := o.(*fyne.Container).Objects
				setText(objs[0].(*widget.Label), s.rangeLabels[i])
				setText(objs[1].(*widget.Label), s.rangeValues[i])
			}
		})
	s.list.OnSelected = func(i widget.ListItemID) {
		s.selected = i
		s.showRange()
	}
	s.list.OnUnselected = func(widget.ListItemID) { s.selected = -1; s.showRange() }
	s.add = widget.NewButtonWithIcon(lang.L("Add a range…"), theme.ContentAddIcon(), s.pickInput)
	s.remove = widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), s.removeRange)
	s.formTitle = boldLabel("")
	s.formTitle.Wrapping = fyne.TextWrapWord
	s.planValue = widget.NewLabel("")
	s.low = widgets.NewNumberField(env.Fmt().Field(widgets.Plain))
	s.high = widgets.NewNumberField(env.Fmt().Field(widgets.Plain))
	s.low.OnCommit = func(x float64) error { return s.setBound(x, false) }
	s.high.OnCommit = func(x float64) error { return s.setBound(x, true) }
	s.emptyRanges = widget.NewLabel(lang.L("No range yet. Add one for each input you are unsure of: its low and high values around the plan’s."))
	s.emptyRanges.Wrapping = fyne.TextWrapWord

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Low"), s.low),
		widget.NewFormItem(lang.L("Plan"), s.planValue),
		widget.NewFormItem(lang.L("High"), s.high),
		help(lang.L("Each input is drawn between its low and high values, most often near the plan’s value.")))
	left := container.NewBorder(
		container.NewVBox(subheading(lang.L("Ranges")), container.NewHBox(s.add, s.remove), s.emptyRanges),
		container.NewVBox(widget.NewSeparator(), s.formTitle, form), nil, nil, s.list)

	s.status = widget.NewLabel("")
	s.status.SizeName = theme.SizeNameCaptionText
	s.words = widget.NewLabel("")
	s.words.Wrapping = fyne.TextWrapWord
	s.words.TextStyle.Bold = true
	s.tiles = container.NewGridWrap(fyne.NewSize(210, 110))
	s.tornado = charts.NewTornado()
	s.tornado.SetMinSize(fyne.NewSize(420, 220))
	s.fan = charts.NewFan()
	s.fan.SetMinSize(fyne.NewSize(420, 260))
	s.chartTitles = []*widget.Label{boldLabel(lang.L("What moves contribution most (one input at a time)")),
		boldLabel(lang.L("Cumulative contribution: 8 chances in 10 within the band"))}
	right := newPage(s.words, s.status, s.tiles, s.chartTitles[0], s.tornado, s.chartTitles[1], s.fan)
	split := container.NewHSplit(container.NewPadded(left), right)
	split.Offset = 0.34
	s.content = split
	return s
}

// Refresh shows the ranges and, when the plan or the scenario changed,
// starts computing the figures again in the background.
func (s *riskScreen) Refresh() {
	p := s.env.Doc.Plan()
	labels, values := make([]string, len(p.Ranges)), make([]string, len(p.Ranges))
	for i, r := range p.Ranges {
		labels[i], values[i] = rangeLabel(p, r.Of), s.rangeValuesText(p, r)
	}
	if !slices.Equal(labels, s.rangeLabels) || !slices.Equal(values, s.rangeValues) {
		s.rangeLabels, s.rangeValues = labels, values
		s.list.Refresh()
	}
	s.emptyRanges.Hidden = len(p.Ranges) > 0
	if s.selected >= len(p.Ranges) {
		s.selected = -1
		s.list.UnselectAll()
	}
	s.showRange()
	if p != s.plan || s.env.Doc.Scenario() != s.scenario {
		s.compute(p, s.env.Doc.Scenario())
	}
}

// rangeValuesText is a range's values in the list: "−1.9 … −1.5 … −1.2" (low … plan … high).
func (s *riskScreen) rangeValuesText(p *planner.Plan, r planner.Range) string {
	in, err := p.ResolveRange(r.Of)
	if err != nil {
		return ""
	}
	f, k := s.env.Fmt(), fieldOf(in).kind
	return formatValue(f, k, r.Low) + " … " + formatValue(f, k, planValue(p, in)) + " … " + formatValue(f, k, r.High)
}

// compute starts the tornado and the simulation of plan p under scenario
// in the background; the screen keeps showing the figures it has until
// they arrive.
func (s *riskScreen) compute(p *planner.Plan, scenario string) {
	s.plan, s.scenario = p, scenario
	if len(p.Ranges) == 0 {
		s.job.stop()
		s.pending = 0
		s.risk = nil
		s.showRisk()
		return
	}
	setText(s.status, lang.L("Computing 5,000 draws…"))
	// Wait for a pause in the editing before starting: typing a figure
	// digit by digit or dragging through undo then starts one run, not one
	// per change, and leaves the cores to the window meanwhile.
	s.job.stop()
	s.pending++
	pending := s.pending
	time.AfterFunc(riskPause, func() {
		s.env.Do(func() {
			if pending == s.pending && p == s.plan && scenario == s.scenario {
				s.start(p, scenario)
			}
		})
	})
}

// start runs the tornado and the simulation of plan p under scenario.
func (s *riskScreen) start(p *planner.Plan, scenario string) {
	s.pending = 0
	req := s.computeOptions
	req.Scenario = scenario
	startJob(&s.job, func(ctx context.Context) (*planner.Risk, error) {
		return planner.Simulate(ctx, p, req)
	}, func(r *planner.Risk, err error) {
		if err != nil {
			if !errors.Is(err, context.Canceled) {
				setText(s.status, err.Error())
			}
			return
		}
		s.risk = r
		s.showRisk()
	})
}

// showRisk shows the figures of the last run.
func (s *riskScreen) showRisk() {
	p, r, f := s.plan, s.risk, s.env.Fmt()
	for _, o := range []fyne.CanvasObject{s.chartTitles[0], s.chartTitles[1], s.tornado, s.fan} {
		if r == nil {
			o.Hide()
		} else {
			o.Show()
		}
	}
	if r == nil {
		setText(s.status, "")
		setText(s.words, lang.L("Add ranges to see how sure the plan is."))
		s.tiles.Objects = nil
		s.tiles.Refresh()
		s.tornado.SetData(nil, 0, f.Chart())
		s.fan.SetData(charts.FanData{})
		return
	}
	setText(s.status, lang.L("{{.N}} draws of the inputs’ ranges", map[string]any{"N": f.Units(float64(r.Draws))}))
	report := s.env.Doc.Report()
	setText(s.words, riskWords(p, r, report, f))
	s.showTiles(r, report, f)

	bars := make([]charts.TornadoBar, len(r.Tornado))
	for i, b := range r.Tornado {
		k := widgets.Plain
		if in, err := p.ResolveRange(b.Of); err == nil {
			k = fieldOf(in).kind
		}
		bars[i] = charts.TornadoBar{Label: rangeLabel(p, b.Of), Low: b.ContributionLow, High: b.ContributionHigh,
			LowText: formatValue(f, k, b.Low), HighText: formatValue(f, k, b.High)}
	}
	s.tornado.SetMinSize(fyne.NewSize(420, float32(max(3, len(bars)))*34+30))
	s.tornado.SetData(bars, report.Totals.Contribution, f.Chart())

	months := shortMonths(planner.MonthLabels(p.Start, p.Months))
	n := len(r.MonthlyCumulative)
	d := charts.FanData{Months: months[:min(n, len(months))], P10: make([]float64, n), P50: make([]float64, n), P90: make([]float64, n),
		Plan: make([]float64, 0, n), BandName: lang.L("P10 to P90"), MedianName: lang.L("Median"), PlanName: lang.L("Plan"), Format: f.Chart()}
	for t, b := range r.MonthlyCumulative {
		d.P10[t], d.P50[t], d.P90[t] = b.P10, b.P50, b.P90
	}
	for t := 0; t < n && t < len(report.Monthly); t++ {
		d.Plan = append(d.Plan, report.Monthly[t].CumulativeContribution)
	}
	s.fan.SetData(d)
}

// showTiles shows each set target's probability of being met (green from
// 80 %, the chance the fan's band stands for), and the spread of contribution.
func (s *riskScreen) showTiles(r *planner.Risk, report *planner.Report, f Fmt) {
	var objs []fyne.CanvasObject
	tile := func(key, title string) *widgets.KPITile {
		t := s.tileByName[key]
		if t == nil {
			t = widgets.NewKPITile(title)
			s.tileByName[key] = t
		}
		t.SetTitle(title)
		objs = append(objs, t)
		return t
	}
	c := r.Totals.Contribution
	tile("contribution", lang.L("Contribution, P10 to P90")).Set(widgets.KPI{
		Value:  f.Maybe(c.P10, f.Short) + " – " + f.Maybe(c.P90, f.Short),
		Detail: lang.L("Median {{.P50}} · plan {{.Plan}}", map[string]any{"P50": f.Maybe(c.P50, f.Money), "Plan": f.Money(report.Totals.Contribution)}),
	})
	for _, tp := range r.Targets {
		value, _ := f.Target(tp.Name)
		goal := "≥ "
		if tp.Kind == "max" {
			goal = "≤ "
		}
		for _, tr := range report.Targets {
			if tr.Name == tp.Name {
				goal += value(tr.Target)
			}
		}
		status := widgets.Missed
		if tp.Probability >= 0.8 {
			status = widgets.Met
		}
		tile("target."+tp.Name, targetName(tp.Name)).Set(widgets.KPI{
			Value:  f.Percent(tp.Probability),
			Detail: lang.L("chance of {{.Goal}}", map[string]any{"Goal": goal}),
			Status: status, Gauge: tp.Probability, HasGauge: true,
		})
	}
	if !slices.Equal(objs, s.tiles.Objects) {
		s.tiles.Objects = objs
		s.tiles.Refresh()
	}
}

// Short writes an amount compactly ("€1.2M") in the plan's currency.
func (f Fmt) Short(x float64) string { return f.Chart().Short(x) }

// riskWords says which assumption matters most and how much it swings
// contribution, for the manager to know what to test first.
func riskWords(p *planner.Plan, r *planner.Risk, report *planner.Report, f Fmt) string {
	if len(r.Tornado) == 0 {
		return ""
	}
	top := r.Tornado[0]
	args := map[string]any{"Input": rangeLabel(p, top.Of), "Swing": f.Money(top.Swing)}
	text := lang.L("{{.Input}} matters most: between its low and high values contribution swings by {{.Swing}}. Test it first.", args)
	if len(r.Tornado) > 1 && r.Tornado[1].Swing > 0 {
		share := top.Swing / r.Tornado[1].Swing
		if share >= 1.5 && !math.IsInf(share, 0) {
			text += " " + lang.L("That is {{.Times}} times the next one, {{.Next}}.", map[string]any{
				"Times": f.Ratio(share), "Next": rangeLabel(p, r.Tornado[1].Of)})
		} else {
			text += " " + lang.L("{{.Next}} comes close ({{.Swing}}).", map[string]any{
				"Next": rangeLabel(p, r.Tornado[1].Of), "Swing": f.Money(r.Tornado[1].Swing)})
		}
	}
	return text
}

// selectedRange returns the selected range, its input and its field.
func (s *riskScreen) selectedRange() (planner.Range, planner.RangeInput, bool) {
	p := s.env.Doc.Plan()
	if s.selected < 0 || s.selected >= len(p.Ranges) {
		return planner.Range{}, planner.RangeInput{}, false
	}
	r := p.Ranges[s.selected]
	in, err := p.ResolveRange(r.Of)
	return r, in, err == nil
}

// showRange writes the selected range into the form.
func (s *riskScreen) showRange() {
	s.syncing = true
	defer func() { s.syncing = false }()
	p, f := s.env.Doc.Plan(), s.env.Fmt()
	r, in, ok := s.selectedRange()
	if !ok {
		setText(s.formTitle, lang.L("Select a range to change it."))
		setText(s.planValue, "")
		for _, fld := range []*widgets.NumberField{s.low, s.high} {
			fld.SetEmpty()
			fld.Disable()
		}
		s.remove.Disable()
		return
	}
	k := fieldOf(in).kind
	setText(s.formTitle, rangeLabel(p, r.Of))
	setText(s.planValue, formatValue(f, k, planValue(p, in)))
	for _, fld := range []*widgets.NumberField{s.low, s.high} {
		fld.SetFormat(f.Field(k))
		fld.Enable()
	}
	s.low.SetValue(r.Low)
	s.high.SetValue(r.High)
	s.remove.Enable()
}

// setBound changes the low or the high value of the selected range.
func (s *riskScreen) setBound(x float64, high bool) error {
	r, _, ok := s.selectedRange()
	if !ok || s.syncing {
		return nil
	}
	i := s.selected
	label := lang.L("Change the low value of {{.Input}}", map[string]any{"Input": rangeLabel(s.env.Doc.Plan(), r.Of)})
	if high {
		label = lang.L("Change the high value of {{.Input}}", map[string]any{"Input": rangeLabel(s.env.Doc.Plan(), r.Of)})
	}
	return s.env.Edit(label, func(p *planner.Plan) {
		if high {
			p.Ranges[i].High = x
		} else {
			p.Ranges[i].Low = x
		}
	})
}

// pickInput offers the inputs no range covers yet and adds a range for
// the one picked, ±20 % around the plan's value.
func (s *riskScreen) pickInput() {
	p := s.env.Doc.Plan()
	cands := rangeCandidates(p)
	names := make([]string, len(cands))
	for i, c := range cands {
		names[i] = c.label
	}
	showPicker(s.env, lang.L("Which input are you unsure of?"), names, func(i int) { s.addRange(cands[i].of) })
}

// addRange adds a range for input of and selects it.
func (s *riskScreen) addRange(of string) {
	r, ok := defaultRange(s.env.Doc.Plan(), of)
	if !ok {
		return
	}
	err := s.env.Edit(lang.L("Add a range for {{.Input}}", map[string]any{"Input": rangeLabel(s.env.Doc.Plan(), of)}),
		func(p *planner.Plan) { p.Ranges = append(p.Ranges, r) })
	if err != nil {
		s.env.ShowError(err)
		return
	}
	s.selected = len(s.env.Doc.Plan().Ranges) - 1
	selectListRow(s.list, s.selected)
}

// removeRange removes the selected range.
func (s *riskScreen) removeRange() {
	r, _, ok := s.selectedRange()
	if !ok {
		return
	}
	i := s.selected
	err := s.env.Edit(lang.L("Remove the range of {{.Input}}", map[string]any{"Input": rangeLabel(s.env.Doc.Plan(), r.Of)}),
		func(p *planner.Plan) { p.Ranges = slices.Delete(p.Ranges, i, i+1) })
	if err != nil {
		s.env.ShowError(err)
		return
	}
	s.list.UnselectAll()
}
