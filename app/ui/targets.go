package ui

import (
	"errors"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/widgets"
	"mixplan/planner"
	"mixplan/planner/numfmt"
)

func init() { registerScreen(orderTargets, newTargetsScreen) }

// targetsScreen edits the plan's header — name, company, currency, number
// format, first month, horizon, retention, discount rate — and its six
// targets, each beside the figure it is held against, green when met and red
// when missed. An emptied target field unsets the target.
type targetsScreen struct {
	screenInfo
	env     *Env
	syncing bool // true while Refresh sets widgets, so their callbacks do not edit

	name, company, currency, start *widgets.TextField
	locale                         *widget.RadioGroup
	months                         *widgets.NumberField
	retention, discount            *widgets.NumberField

	scenario *widget.Label
	targets  []*targetRow
}

// targetRow is one target: its field and how the plan stands against it.
type targetRow struct {
	key    string // the report's name: revenue, grossMarginPct…
	kind   widgets.Kind
	field  *widgets.NumberField
	icon   *widget.Icon
	status *widget.Label
}

// localeCodes are the plan locales the radio group offers, in its order.
var localeCodes = []string{"en", "fr"}

func newTargetsScreen(env *Env) Screen {
	s := &targetsScreen{screenInfo: screenInfo{id: "targets", title: lang.L("Targets & settings"), icon: theme.SettingsIcon()}, env: env}
	f := env.Fmt()

	s.name = widgets.NewTextField(widgets.NotEmpty)
	s.name.OnCommit = func(v string) error {
		return env.Edit(lang.L("Rename the plan"), func(p *planner.Plan) { p.Name = v })
	}
	s.company = widgets.NewTextField()
	s.company.OnCommit = func(v string) error {
		return env.Edit(lang.L("Change the company"), func(p *planner.Plan) { p.Company = v })
	}
	s.currency = widgets.NewTextField(currencyRule)
	s.currency.SetPlaceHolder("EUR")
	s.currency.OnCommit = func(v string) error {
		return env.Edit(lang.L("Change the currency to {{.Code}}", map[string]any{"Code": v}), func(p *planner.Plan) { p.Currency = v })
	}
	s.locale = widget.NewRadioGroup(nil, func(string) {
		if !s.syncing {
			s.changeLocale()
		}
	})
	s.locale.Horizontal = true
	s.locale.Required = true

	s.start = widgets.NewTextField(startMonthRule)
	s.start.SetPlaceHolder(lang.L("none: months are M1, M2…"))
	s.start.OnCommit = func(v string) error {
		return env.Edit(lang.L("Change the first month"), func(p *planner.Plan) { p.Start = v })
	}
	s.months = widgets.NewNumberField(f.Field(widgets.Plain), widgets.Whole(), widgets.AtLeast(1), widgets.AtMost(planner.MaxMonths))
	s.months.OnCommit = func(x float64) error { return s.changeHorizon(int(x)) }

	s.retention = widgets.NewNumberField(f.Field(widgets.Percent), widgets.NonNegative(), widgets.Below(1))
	s.retention.OnCommit = func(x float64) error {
		return env.Edit(lang.L("Change the retention"), func(p *planner.Plan) { p.RetentionPct = x })
	}
	s.discount = widgets.NewNumberField(f.Field(widgets.Percent), widgets.NonNegative())
	s.discount.OnCommit = func(x float64) error {
		return env.Edit(lang.L("Change the discount rate"), func(p *planner.Plan) { p.DiscountRate = x })
	}

	plan := widget.NewForm(
		heading(lang.L("Plan")),
		widget.NewFormItem(lang.L("Name"), s.name),
		widget.NewFormItem(lang.L("Company"), s.company),
		heading(lang.L("Numbers")),
		widget.NewFormItem(lang.L("Currency"), s.currency),
		widget.NewFormItem(lang.L("Number format"), s.locale),
		help(lang.L("The currency is a three-letter ISO 4217 code. The number format changes how every figure is written, in the window and in the exports.")),
	)
	horizon := widget.NewForm(
		heading(lang.L("Horizon")),
		widget.NewFormItem(lang.L("First month"), s.start),
		widget.NewFormItem(lang.L("Length in months"), s.months),
		help(lang.L("The first month is written YYYY-MM, such as 2027-01. Volumes, spends and costs are totals over the horizon; changing the horizon does not scale them.")),
		heading(lang.L("Customers")),
		widget.NewFormItem(lang.L("Retention"), s.retention),
		widget.NewFormItem(lang.L("Discount rate"), s.discount),
		help(lang.L("Retention is the share of customers who buy again over the next horizon; the discount rate per horizon values those later purchases. Both set the customer lifetime value (CLV).")),
	)

	s.scenario = widget.NewLabel("")
	s.scenario.Wrapping = fyne.TextWrapWord
	s.scenario.SizeName = theme.SizeNameCaptionText
	targets := widget.NewForm(heading(lang.L("Targets")), widget.NewFormItem("", s.scenario))
	for _, spec := range targetSpecs() {
		row := &targetRow{key: spec.key, kind: spec.kind, icon: widget.NewIcon(nil), status: widget.NewLabel("")}
		row.field = widgets.NewNumberField(f.Field(spec.kind), spec.rules...)
		row.field.Optional = true
		row.field.SetPlaceHolder(lang.L("not set"))
		key, name := spec.key, targetName(spec.key)
		row.field.OnCommit = func(x float64) error {
			return env.Edit(lang.L("Set the target “{{.Name}}”", map[string]any{"Name": name}), func(p *planner.Plan) { *p.Targets.Ptr(key) = planner.Float(x) })
		}
		row.field.OnClear = func() error {
			return env.Edit(lang.L("Remove the target “{{.Name}}”", map[string]any{"Name": name}), func(p *planner.Plan) { *p.Targets.Ptr(key) = nil })
		}
		row.status.Wrapping = fyne.TextWrapWord
		status := container.NewBorder(nil, nil, row.icon, nil, row.status)
		targets.AppendItem(widget.NewFormItem(spec.label, &fyne.Container{Layout: leadingColumn{220}, Objects: []fyne.CanvasObject{row.field, status}}))
		s.targets = append(s.targets, row)
	}
	targets.AppendItem(help(lang.L("Leave a target empty to unset it. Gross margin % and ROMI are percentages: type 60 for 60 %.")))

	s.content = newPage(targets, widget.NewSeparator(), newSideBySide(360, plan, horizon))
	return s
}

// targetSpec says how a target is entered: its name, kind and rules.
type targetSpec struct {
	key   string
	label string
	kind  widgets.Kind
	rules []widgets.Rule
}

// targetSpecs lists the targets in report order. Minimums and maximums say
// so in their labels; the plan refuses a gross-margin target of 100 % or
// more, and a maximum below 0 (a budget, a CAC) could never be met.
func targetSpecs() []targetSpec {
	specs := make([]targetSpec, 0, len(planner.TargetTable))
	for _, tg := range planner.TargetTable {
		spec := targetSpec{key: tg.Name, kind: widgets.Money}
		if tg.Unit == numfmt.Ratio {
			spec.kind = widgets.Percent
		}
		spec.label = lang.L("{{.Target}} (minimum)", map[string]any{"Target": targetName(tg.Name)})
		if tg.Kind == planner.AtMost {
			spec.label = lang.L("{{.Target}} (maximum)", map[string]any{"Target": targetName(tg.Name)})
			spec.rules = []widgets.Rule{widgets.NonNegative()}
		}
		if tg.Name == planner.TargetGrossMarginPct {
			spec.rules = []widgets.Rule{widgets.Below(1)}
		}
		specs = append(specs, spec)
	}
	return specs
}

// Refresh writes the plan's settings and targets into the fields and how
// the plan, under the scenario shown, stands against each target.
func (s *targetsScreen) Refresh() {
	s.syncing = true
	defer func() { s.syncing = false }()
	doc := s.env.Doc
	p, r := doc.Plan(), doc.Report()
	f := s.env.Fmt()

	s.name.SetValue(p.Name)
	s.company.SetValue(p.Company)
	s.currency.SetValue(p.Currency)
	s.start.SetValue(p.Start)
	options := []string{
		lang.L("English: {{.Sample}}", map[string]any{"Sample": numfmt.Money(1234.5, p.Currency, numfmt.English, 2)}),
		lang.L("French: {{.Sample}}", map[string]any{"Sample": numfmt.Money(1234.5, p.Currency, numfmt.French, 2)}),
	}
	if strings.Join(options, "\n") != strings.Join(s.locale.Options, "\n") {
		s.locale.Options = options
		s.locale.Refresh()
	}
	for i, code := range localeCodes {
		if code == p.Locale && s.locale.Selected != options[i] {
			s.locale.SetSelected(options[i])
		}
	}

	s.months.SetFormat(f.Field(widgets.Plain))
	s.months.SetValue(float64(p.Months))
	s.retention.SetFormat(f.Field(widgets.Percent))
	s.retention.SetValue(p.RetentionPct)
	s.discount.SetFormat(f.Field(widgets.Percent))
	s.discount.SetValue(p.DiscountRate)

	setText(s.scenario, scenarioNote(p, doc.Scenario()))
	results := map[string]planner.TargetResult{}
	for _, t := range r.Targets {
		results[t.Name] = t
	}
	for _, row := range s.targets {
		row.field.SetFormat(f.Field(row.kind))
		if v := *p.Targets.Ptr(row.key); v != nil {
			row.field.SetValue(*v)
		} else {
			row.field.SetEmpty()
		}
		res, set := results[row.key]
		text, status := targetStatus(f, row.key, r.Totals.Actual(row.key), res, set)
		setText(row.status, text)
		row.icon.SetResource(statusIcon(status))
		row.status.Importance = statusImportance(status)
		row.status.Refresh()
	}
}

// changeLocale writes the number format picked in the radio group.
func (s *targetsScreen) changeLocale() {
	i := slices.Index(s.locale.Options, s.locale.Selected)
	if i < 0 || i >= len(localeCodes) {
		return
	}
	code := localeCodes[i]
	label := lang.L("Write numbers in English")
	if code == "fr" {
		label = lang.L("Write numbers in French")
	}
	if err := s.env.Edit(label, func(p *planner.Plan) { p.Locale = code }); err != nil {
		s.env.ShowError(err)
		s.Refresh()
	}
}

// changeHorizon sets the number of months. Seasonality, flighting and
// responsiveness lists hold one weight per month, so they change with it
// (see fitWeights); when the plan has any, a dialog says how before anything
// changes. The field keeps the new number while the dialog is open and goes
// back if cancelled.
func (s *targetsScreen) changeHorizon(n int) error {
	p := s.env.Doc.Plan()
	from := p.Months
	label := lang.L("Change the horizon to {{.Count}} months", map[string]any{"Count": n})
	apply := func() error { return s.env.Edit(label, func(p *planner.Plan) { setHorizon(p, n) }) }
	seasonal, flighted, responsive := weightLists(p)
	if seasonal+flighted+responsive == 0 {
		return apply()
	}
	var msg []string
	msg = append(msg, lang.L("Change the horizon from {{.From}} to {{.To}} months?", map[string]any{"From": from, "To": n}))
	if seasonal > 0 {
		msg = append(msg, lang.N("{{.Count}} product has a monthly seasonality.", seasonal, map[string]any{"Count": seasonal}))
	}
	if flighted > 0 {
		msg = append(msg, lang.N("{{.Count}} channel has a monthly flighting.", flighted, map[string]any{"Count": flighted}))
	}
	if responsive > 0 {
		msg = append(msg, lang.N("{{.Count}} channel has a monthly responsiveness.", responsive, map[string]any{"Count": responsive}))
	}
	if n > from {
		msg = append(msg, lang.L("To give them one weight per month, Mixplan repeats each pattern from its first month to fill the new months."))
	} else {
		msg = append(msg, lang.L("To give them one weight per month, Mixplan keeps their first {{.Count}} months; a pattern left with no weight becomes flat.", map[string]any{"Count": n}))
	}
	msg = append(msg, lang.L("Volumes, spends and costs are totals over the horizon: they do not change. You can undo this."))
	d := s.env.Confirm(lang.L("Change the horizon?"), msg[0]+"\n\n"+strings.Join(msg[1:], "\n"), lang.L("Change the horizon"), func() {
		if err := apply(); err != nil {
			s.env.ShowError(err)
		}
	})
	// Once the question closes, the field shows the plan's horizon: the new
	// one if confirmed, the old one if cancelled or refused.
	d.SetOnClosed(func() { s.months.SetValue(float64(s.env.Doc.Plan().Months)) })
	return nil
}

// weightLists counts the products with a seasonality and the channels with
// a flighting or a responsiveness: the lists a change of horizon must resize.
func weightLists(p *planner.Plan) (seasonal, flighted, responsive int) {
	for _, pr := range p.Products {
		if pr.Seasonality != nil {
			seasonal++
		}
	}
	for _, pm := range p.Promotions {
		if pm.Flighting != nil {
			flighted++
		}
		if pm.Responsiveness != nil {
			responsive++
		}
	}
	return seasonal, flighted, responsive
}

// setHorizon sets p's horizon to n months and fits every seasonality,
// flighting and responsiveness list to it, which keeps the plan valid (a
// list of the old length is refused).
func setHorizon(p *planner.Plan, n int) {
	p.Months = n
	for i := range p.Products {
		p.Products[i].Seasonality = fitWeights(p.Products[i].Seasonality, n)
	}
	for i := range p.Promotions {
		p.Promotions[i].Flighting = fitWeights(p.Promotions[i].Flighting, n)
		p.Promotions[i].Responsiveness = fitWeights(p.Promotions[i].Responsiveness, n)
	}
}

// fitWeights returns monthly weights w fitted to n months. Seasonality
// follows the calendar, so a longer horizon repeats the pattern from its
// first month (a 12-month pattern stretched to 24 months is the same year
// twice, where stretching it would move every peak) and a shorter one keeps
// the first n months. A list left with no weight becomes flat (nil): the
// plan refuses weights that add up to 0. A nil list stays flat.
func fitWeights(w []float64, n int) []float64 {
	if len(w) == 0 {
		return nil
	}
	out := make([]float64, n)
	sum := 0.0
	for i := range out {
		out[i] = w[i%len(w)]
		sum += out[i]
	}
	if !(sum > 0) {
		return nil
	}
	return out
}

// targetStatus says how the plan stands against a target: met, missed or
// not set, with the actual figure and the gap.
func targetStatus(f Fmt, key string, actual planner.Maybe, res planner.TargetResult, set bool) (string, widgets.Status) {
	value, gap := f.Target(key)
	now := f.Maybe(actual, value)
	switch {
	case !set:
		return lang.L("Not set — now {{.Actual}}", map[string]any{"Actual": now}), widgets.Neutral
	case !res.Gap.Valid:
		return lang.L("Missed — now {{.Actual}}, nothing to compare", map[string]any{"Actual": now}), widgets.Missed
	case res.Met:
		return lang.L("Met — now {{.Actual}}, gap {{.Gap}}", map[string]any{"Actual": now, "Gap": numfmt.Signed(res.Gap.Value, gap(res.Gap.Value))}), widgets.Met
	}
	return lang.L("Missed — now {{.Actual}}, gap {{.Gap}}", map[string]any{"Actual": now, "Gap": numfmt.Signed(res.Gap.Value, gap(res.Gap.Value))}), widgets.Missed
}

// statusIcon is a tick for met, a cross for missed, nothing for no target:
// the shape says it to people who do not see the colours.
func statusIcon(s widgets.Status) fyne.Resource {
	switch s {
	case widgets.Met:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case widgets.Missed:
		return theme.NewErrorThemedResource(theme.CancelIcon())
	}
	return nil
}

// statusImportance colours a status text: green met, red missed, the text
// colour when no target is set (Fyne's low importance is the colour of
// disabled widgets, too pale to read on either theme).
func statusImportance(s widgets.Status) widget.Importance {
	switch s {
	case widgets.Met:
		return widget.SuccessImportance
	case widgets.Missed:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

// currencyRule accepts an ISO 4217 currency code in capitals.
func currencyRule(s string) error {
	s = strings.TrimSpace(s)
	if up := strings.ToUpper(s); up != s && isoCurrency(up) {
		return errors.New(lang.L("write the code in capitals: {{.Code}}", map[string]any{"Code": up}))
	}
	if !isoCurrency(s) {
		return errors.New(lang.L("not an ISO 4217 currency code: use three capitals such as EUR, USD or GBP"))
	}
	return nil
}

// startMonthRule accepts an empty text or a month written YYYY-MM.
func startMonthRule(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if _, err := time.Parse("2006-01", s); err != nil || len(s) != 7 {
		return errors.New(lang.L("write the month as YYYY-MM, such as 2027-01, or leave it empty"))
	}
	return nil
}

// leadingColumn lays a target's field and its status side by side: the
// field width wide (or wider if it needs), the status in the rest, so that
// the statuses of every target start at the same place.
type leadingColumn struct{ width float32 }

func (l leadingColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	field, status := objs[0], objs[1]
	w, pad := fyne.Max(l.width, field.MinSize().Width), theme.Padding()
	field.Move(fyne.NewPos(0, 0))
	field.Resize(fyne.NewSize(w, field.MinSize().Height))
	status.Move(fyne.NewPos(w+pad, 0))
	status.Resize(fyne.NewSize(fyne.Max(0, size.Width-w-pad), size.Height))
}

func (l leadingColumn) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(fyne.Max(l.width, a.Width)+theme.Padding()+b.Width, fyne.Max(a.Height, b.Height))
}
