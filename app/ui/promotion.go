package ui

import (
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/charts"
	"mixplan/app/ui/widgets"
	"mixplan/planner"
)

func init() { registerScreen(orderPromotion, newPromotionScreen) }

// promotionScreen edits the promotion channels: a list of channels, and for
// the selected one a form (name, kind, spend with its slider between the
// bounds, bounds, response curve parameters, split over products) beside
// its results and response curve. The list is the shared listEditor, every
// committed field is one Env.Edit, and Refresh rewrites the widgets from
// the document.
type promotionScreen struct {
	screenInfo
	*listEditor[planner.Promotion]
	env *Env

	heading      *widget.Label
	name, kind   *widgets.TextField
	spend        *widgets.BoundedField
	min, max     *widgets.NumberField
	maxUnits     *widgets.NumberField
	halfSpend    *widgets.NumberField
	shape        *widgets.NumberField
	proportional *widget.Check
	splitRows    *fyne.Container
	addProduct   *widget.Button
	syncing      bool // true while Refresh sets widgets, so their callbacks do not edit

	lift, incremental, roi, marginal *widget.Label
	curve                            *charts.Curve
	// period picks the curve shown: the whole year (index 0) or one month.
	period    *widget.Select
	curveNote *widget.RichText
}

func newPromotionScreen(env *Env) Screen {
	s := &promotionScreen{screenInfo: screenInfo{id: "promotion", title: lang.L("Promotion"), icon: theme.VolumeUpIcon()}, env: env}
	s.listEditor = newListEditor(env, listSpec[planner.Promotion]{
		rows: func(p *planner.Plan) *[]planner.Promotion { return &p.Promotions },
		key:  func(pm planner.Promotion) (string, string) { return pm.ID, pm.Name },
		info: func(_ *planner.Plan, r *planner.Report, i int) string {
			f := s.env.Fmt()
			return f.Money(r.Promotions[i].Spend) + " · " + lang.L("ROI {{.ROI}}", map[string]any{"ROI": f.Maybe(r.Promotions[i].ROI, f.Percent)})
		},
		sample: "€0 · ROI 0%",
	}, s.showSelected)
	s.withActions(s.addChannel, s.duplicateChannel, s.deleteChannel, func(d int) string {
		return upOrDown(d, lang.L("Move channel “{{.Name}}” up", s.named()), lang.L("Move channel “{{.Name}}” down", s.named()))
	})
	s.content = s.panes(s.buildForm(),
		container.NewCenter(widget.NewLabel(lang.L("No promotion channels yet. Add one to plan its spend."))))
	return s
}

// buildForm makes the form of the selected channel and its results panel.
func (s *promotionScreen) buildForm() fyne.CanvasObject {
	f := s.env.Fmt()
	s.heading = newTitle()

	s.name = widgets.NewTextField(widgets.NotEmpty)
	s.name.OnCommit = func(v string) error {
		return s.edit(lang.L("Rename channel “{{.Name}}”", s.named()), func(pm *planner.Promotion) { pm.Name = v })
	}
	s.kind = widgets.NewTextField()
	s.kind.SetPlaceHolder(lang.L("digital, print, event…"))
	s.kind.OnCommit = func(v string) error {
		return s.edit(lang.L("Change the kind of “{{.Name}}”", s.named()), func(pm *planner.Promotion) { pm.Kind = v })
	}

	s.spend = widgets.NewBoundedField(f.Field(widgets.Money), 0, 1, widgets.NonNegative())
	s.spend.Field.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the spend of “{{.Name}}”", s.named()), func(pm *planner.Promotion) { pm.Spend = x })
	}
	s.min = widgets.NewNumberField(f.Field(widgets.Money), widgets.NonNegative())
	s.min.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the minimum spend of “{{.Name}}”", s.named()), func(pm *planner.Promotion) { pm.Min = x })
	}
	s.max = widgets.NewNumberField(f.Field(widgets.Money), widgets.NonNegative())
	s.max.Optional = true
	s.max.SetPlaceHolder(lang.L("no limit"))
	s.max.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the maximum spend of “{{.Name}}”", s.named()), func(pm *planner.Promotion) { pm.Max = planner.Float(x) })
	}
	s.max.OnClear = func() error {
		return s.edit(lang.L("Remove the maximum spend of “{{.Name}}”", s.named()), func(pm *planner.Promotion) { pm.Max = nil })
	}

	s.maxUnits = widgets.NewNumberField(f.Field(widgets.Plain), widgets.NonNegative())
	s.maxUnits.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the saturation of “{{.Name}}”", s.named()), func(pm *planner.Promotion) { pm.Response.MaxUnits = x })
	}
	s.halfSpend = widgets.NewNumberField(f.Field(widgets.Money), widgets.Positive())
	s.halfSpend.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the half-saturation spend of “{{.Name}}”", s.named()), func(pm *planner.Promotion) { pm.Response.HalfSpend = x })
	}
	s.shape = widgets.NewNumberField(f.Field(widgets.Plain), widgets.Positive(), widgets.AtMost(10))
	s.shape.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the curve shape of “{{.Name}}”", s.named()), func(pm *planner.Promotion) { pm.Response.Shape = x })
	}

	s.proportional = widget.NewCheck(lang.L("Follow each product’s base volume"), func(on bool) {
		if s.syncing {
			return
		}
		s.setProportional(on)
	})
	s.splitRows = container.NewVBox()
	s.addProduct = widget.NewButtonWithIcon(lang.L("Add a product…"), theme.ContentAddIcon(), s.pickProduct)

	form := widget.NewForm(
		heading(lang.L("Channel")),
		widget.NewFormItem(lang.L("Name"), s.name),
		widget.NewFormItem(lang.L("Kind"), s.kind),
		heading(lang.L("Spend")),
		widget.NewFormItem(lang.L("Spend"), s.spend),
		widget.NewFormItem(lang.L("Minimum"), s.min),
		widget.NewFormItem(lang.L("Maximum"), s.max),
		help(lang.L("The optimiser keeps the spend between the minimum and the maximum. Leave the maximum empty for no limit.")),
		heading(lang.L("Response")),
		widget.NewFormItem(lang.L("Most extra units"), s.maxUnits),
		widget.NewFormItem(lang.L("Half-saturation spend"), s.halfSpend),
		widget.NewFormItem(lang.L("Shape"), s.shape),
		help(lang.L("The spend at half saturation brings half the most extra units. A shape up to 1 gives diminishing returns from the first euro; above 1 an S-curve that needs a threshold spend.")),
		heading(lang.L("Split over products")),
		widget.NewFormItem("", s.proportional),
		widget.NewFormItem("", s.splitRows),
		widget.NewFormItem("", container.NewHBox(s.addProduct)),
	)

	s.lift, s.incremental, s.roi, s.marginal = boldLabel(""), boldLabel(""), boldLabel(""), boldLabel("")
	results := widget.NewForm(
		widget.NewFormItem(lang.L("Extra units"), s.lift),
		widget.NewFormItem(lang.L("Incremental contribution"), s.incremental),
		widget.NewFormItem(lang.L("ROI"), s.roi),
		widget.NewFormItem(lang.L("Marginal ROI"), s.marginal))
	s.curve = charts.NewCurve()
	s.curve.SetMinSize(fyne.NewSize(320, 300))
	s.period = widget.NewSelect(nil, func(string) {
		if !s.syncing {
			s.showSelected()
		}
	})
	s.curveNote = newNote("")
	resultsTitle := boldLabel(lang.L("Results"))
	panel := container.NewVBox(resultsTitle, results,
		container.NewHBox(widget.NewLabel(lang.L("Response curve")), s.period), s.curve, s.curveNote)

	return newPage(s.heading, newSideBySide(320, form, panel))
}

// Refresh shows the document: the list, and the selected channel's form and results.
func (s *promotionScreen) Refresh() { s.refresh() }

// showSelected writes the selected channel into the form and the results.
func (s *promotionScreen) showSelected() {
	doc := s.env.Doc
	p, r, m := doc.Plan(), doc.Report(), doc.Model()
	pm, ok := s.selected()
	if !ok {
		return
	}
	s.syncing = true
	defer func() { s.syncing = false }()

	i := s.sel
	f := s.env.Fmt()
	setText(s.heading, pm.Name)
	s.name.SetValue(pm.Name)
	s.kind.SetValue(pm.Kind)

	for _, nf := range []*widgets.NumberField{s.spend.Field, s.min, s.max, s.halfSpend} {
		nf.SetFormat(f.Field(widgets.Money))
	}
	s.maxUnits.SetFormat(f.Field(widgets.Plain))
	s.shape.SetFormat(f.Field(widgets.Plain))

	ch := &m.Channels[i]
	hi := planner.CurveRange(ch)
	if pm.Max != nil {
		hi = *pm.Max
	}
	s.spend.SetRange(pm.Min, hi)
	s.spend.SetValue(pm.Spend)
	s.min.SetValue(pm.Min)
	s.min.Rules = []widgets.Rule{widgets.NonNegative()}
	s.max.Rules = []widgets.Rule{widgets.NonNegative(), widgets.AtLeast(pm.Min)}
	if pm.Max != nil {
		s.min.Rules = append(s.min.Rules, widgets.AtMost(*pm.Max))
		s.max.SetValue(*pm.Max)
	} else {
		s.max.SetEmpty()
	}
	s.maxUnits.SetValue(pm.Response.MaxUnits)
	s.halfSpend.SetValue(pm.Response.HalfSpend)
	s.shape.SetValue(pm.Response.Shape)
	s.showSplit(p, pm)

	res := r.Promotions[i]
	setText(s.lift, f.Units(res.LiftUnits))
	setText(s.incremental, f.Money(res.IncrementalContribution))
	setText(s.roi, f.Maybe(res.ROI, f.Percent))
	setText(s.marginal, f.Maybe(res.MarginalROI, f.Percent))

	s.showCurve(p, r, m, i)
}

// showCurve draws channel i's response over the whole year or, when a month
// is picked, the response of a spend placed in that month.
func (s *promotionScreen) showCurve(p *planner.Plan, r *planner.Report, m *planner.Model, i int) {
	f := s.env.Fmt()
	ch := &m.Channels[i]
	periods := curvePeriods(p)
	if !slices.Equal(s.period.Options, periods) {
		s.period.Options = periods
		s.period.Refresh()
	}
	t := s.period.SelectedIndex() - 1 // -1: the whole year
	if t < -1 || t >= p.Months {
		t = -1
	}
	if s.period.SelectedIndex() != t+1 {
		s.period.SetSelectedIndex(t + 1)
	}
	d := charts.CurveData{
		Points: m.ResponseCurve(i, 60, 0), Current: p.Promotions[i].Spend, Best: math.NaN(),
		Min: ch.Min, Max: ch.Max,
		CurrentName: lang.L("Current spend"), BestName: lang.L("Best spend"), UnitsName: lang.L("Extra units"),
		Money: f.Chart(), Locale: f.ChartUnits(),
	}
	note := lang.L("Over the whole year: the channel’s spend spread by its flighting, with its carryover and responsiveness.")
	if t >= 0 {
		now := r.Promotions[i].MonthlySpend[t]
		d.Points = monthCurve(ch, t, 60, monthCurveRange(ch, now))
		d.Current, d.Min, d.Max = now, 0, ch.MaxPerMonth
		d.CurrentName = lang.L("Spend this month")
		note = lang.L("In {{.Month}}: what a spend in that month alone brings, its carryover into the following months included, with the month’s responsiveness.", map[string]any{"Month": periods[t+1]})
	}
	s.curve.SetData(d)
	setNote(s.curveNote, note)
}

// showSplit lists the products the channel's extra units go to, with their weights.
func (s *promotionScreen) showSplit(p *planner.Plan, pm planner.Promotion) {
	s.proportional.SetChecked(pm.Split == nil)
	if pm.Split == nil {
		s.splitRows.Objects = nil
		s.splitRows.Refresh()
		s.addProduct.Hide()
		return
	}
	s.addProduct.Show()
	total := 0.0
	for _, w := range pm.Split {
		total += w
	}
	f := s.env.Fmt()
	var rows []fyne.CanvasObject
	for _, pr := range p.Products { // the plan's order
		w, ok := pm.Split[pr.ID]
		if !ok {
			continue
		}
		id, name := pr.ID, pr.Name
		weight := widgets.NewNumberField(f.Field(widgets.Plain), widgets.NonNegative())
		weight.SetValue(w)
		weight.OnCommit = func(x float64) error {
			return s.edit(lang.L("Change the split of “{{.Name}}”", s.named()), func(pm *planner.Promotion) { pm.Split[id] = x })
		}
		share := widget.NewLabel(f.Percent(w / total))
		remove := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
			err := s.edit(lang.L("Change the split of “{{.Name}}”", s.named()), func(pm *planner.Promotion) { delete(pm.Split, id) })
			if err != nil {
				s.env.ShowError(err)
			}
		})
		if len(pm.Split) == 1 {
			remove.Disable()
		}
		label := widget.NewLabel(name)
		label.Truncation = fyne.TextTruncateEllipsis
		rows = append(rows, container.NewBorder(nil, nil, nil, container.NewHBox(share, remove),
			container.NewGridWithColumns(2, label, weight)))
	}
	s.splitRows.Objects = rows
	s.splitRows.Refresh()
}

// setProportional switches the split between "follow base volume" and
// explicit weights, starting from equal weights on the first products.
func (s *promotionScreen) setProportional(on bool) {
	p := s.env.Doc.Plan()
	var err error
	if on {
		err = s.edit(lang.L("Split “{{.Name}}” by base volume", s.named()), func(pm *planner.Promotion) { pm.Split = nil })
	} else {
		err = s.edit(lang.L("Split “{{.Name}}” by weights", s.named()), func(pm *planner.Promotion) {
			pm.Split = map[string]float64{}
			for i, pr := range p.Products {
				if i >= 5 {
					break
				}
				pm.Split[pr.ID] = 1
			}
		})
	}
	if err != nil {
		s.env.ShowError(err)
		s.showSelected()
	}
}

// pickProduct offers the products not yet in the split, searchable, and
// adds the one picked with weight 1.
func (s *promotionScreen) pickProduct() {
	p := s.env.Doc.Plan()
	pm, ok := s.selected()
	if !ok {
		return
	}
	split := pm.Split
	var ids, names []string
	for _, pr := range p.Products {
		if _, in := split[pr.ID]; !in {
			ids, names = append(ids, pr.ID), append(names, pr.Name)
		}
	}
	showPicker(s.env, lang.L("Add a product to the split"), names, func(i int) {
		id := ids[i]
		err := s.edit(lang.L("Change the split of “{{.Name}}”", s.named()), func(pm *planner.Promotion) { pm.Split[id] = 1 })
		if err != nil {
			s.env.ShowError(err)
		}
	})
}

// addChannel appends a new channel with a modest curve and selects it.
func (s *promotionScreen) addChannel() {
	name := lang.L("New channel")
	s.add(lang.L("Add channel “{{.Name}}”", map[string]any{"Name": name}), "channel", func(p *planner.Plan, id string) {
		p.Promotions = append(p.Promotions, planner.Promotion{ID: id, Name: name, Kind: "digital",
			Response: planner.Response{MaxUnits: 1000, HalfSpend: 10000, Shape: 1}})
	})
}

// duplicateChannel inserts a copy of the selected channel after it.
func (s *promotionScreen) duplicateChannel() {
	s.duplicate(lang.L("Duplicate channel “{{.Name}}”", s.named()), func(p *planner.Plan, i int, id, name string) {
		c := p.Clone().Promotions[i] // a deep copy of the channel
		c.ID, c.Name = id, name
		insertAfter(&p.Promotions, i, c)
	})
}

// deleteChannel removes the selected channel after asking. A channel in
// channel groups is taken out of them too (a group naming a channel the
// plan no longer has would be refused), and a group left with no channel,
// bounding nothing, goes with it; the question says so. Its actuals and the
// ranges of its inputs go too.
func (s *promotionScreen) deleteChannel() {
	question := lang.L("Delete “{{.Name}}” and its spend from the plan? You can undo this.", s.named())
	var in []string
	for _, g := range s.env.Doc.Plan().Groups {
		if slices.Contains(g.Promotions, s.selectedID()) {
			in = append(in, g.Name)
		}
	}
	if len(in) > 0 {
		question += " " + lang.N("It is also taken out of the groups {{.Groups}}.", len(in), map[string]any{"Groups": strings.Join(in, ", ")})
	}
	s.remove(lang.L("Delete channel?"), question, lang.L("Delete channel “{{.Name}}”", s.named()), dropChannel)
}

// dropChannel deletes the channel with that id from p, from its groups,
// from the actuals (what it spent and brought goes with it) and from the
// uncertainty ranges of its inputs.
func dropChannel(p *planner.Plan, id string) {
	if i := promotionIndex(p, id); i >= 0 {
		p.Promotions = slices.Delete(p.Promotions, i, i+1)
	}
	if p.Actuals != nil {
		delete(p.Actuals.Promotions, id)
	}
	p.Ranges = slices.DeleteFunc(p.Ranges, func(r planner.Range) bool { return strings.HasPrefix(r.Of, "promotions."+id+".") })
	groups := p.Groups[:0]
	for _, g := range p.Groups {
		g.Promotions = slices.DeleteFunc(g.Promotions, func(x string) bool { return x == id })
		if len(g.Promotions) > 0 {
			groups = append(groups, g)
		}
	}
	if len(groups) == 0 {
		groups = nil
	}
	p.Groups = groups
}

// promotionIndex returns the index of the channel with that id, or -1.
func promotionIndex(p *planner.Plan, id string) int {
	for i := range p.Promotions {
		if p.Promotions[i].ID == id {
			return i
		}
	}
	return -1
}
