package ui

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/charts"
	"mixplan/app/ui/widgets"
	"mixplan/planner"
)

// channelResponse is the Calendar's "Response by month" tab: for the channel
// picked at its top, a form of how its audience answers in time — carryover
// (the share of a month's advertising pressure still felt the next month),
// the most it may spend in a month, and a responsiveness weight per month —
// beside two charts month by month: the channel's spend, and the extra units
// it brings (where carryover shows as lift in months without spend). A note
// warns when the spend is bunched into months past saturation.
//
// Decisions where the issue is silent:
//   - A month is past saturation when the pressure it feels is above the
//     monthly half-saturation point (halfSpend / months): it already gets
//     more than half of the most that month can bring. The note only shows
//     when spreading the same spend evenly would bring more units, so a
//     channel whose whole year is saturated is not told to spread.
//   - A responsiveness weight typed into a flat channel turns every other
//     month into 1, so the other months keep their (flat) answer.
//
// maxCarryover is the most carryover a plan may have (model.md §1: 0 ≤ λ ≤ 0.9).
const maxCarryover = 0.9

type channelResponse struct {
	env     *Env
	content fyne.CanvasObject

	channel *widget.Select
	ids     []string // channel ids, in the picker's order
	id      string   // the channel shown

	carryover   *widgets.NumberField
	maxPerMonth *widgets.NumberField
	weights     []*widgets.NumberField
	weightBox   *fyne.Container
	flat        *widget.Button
	syncing     bool

	note                  *widget.Label
	spend, lift           *charts.Bars
	spendTitle, liftTitle *widget.Label
	spendShown, liftShown []float64 // what the charts show, for tests
	saturated             []int     // the months past saturation (0-based)
	empty                 *widget.Label
	form                  fyne.CanvasObject
}

func newChannelResponse(env *Env) *channelResponse {
	c := &channelResponse{env: env}
	f := env.Fmt()
	c.channel = widget.NewSelect(nil, func(string) {
		if c.syncing {
			return
		}
		if i := c.channel.SelectedIndex(); i >= 0 && i < len(c.ids) {
			c.id = c.ids[i]
			c.Refresh()
		}
	})
	c.carryover = widgets.NewNumberField(f.Field(widgets.Percent), widgets.NonNegative(), widgets.AtMost(maxCarryover))
	c.carryover.OnCommit = func(x float64) error {
		return c.edit(lang.L("Change the carryover of “{{.Name}}”", c.named()), func(pm *planner.Promotion) { pm.Response.Carryover = x })
	}
	c.maxPerMonth = widgets.NewNumberField(f.Field(widgets.Money), widgets.NonNegative())
	c.maxPerMonth.Optional = true
	c.maxPerMonth.SetPlaceHolder(lang.L("no cap"))
	c.maxPerMonth.OnCommit = func(x float64) error {
		return c.edit(lang.L("Change the monthly cap of “{{.Name}}”", c.named()), func(pm *planner.Promotion) { pm.MaxPerMonth = planner.Float(x) })
	}
	c.maxPerMonth.OnClear = func() error {
		return c.edit(lang.L("Remove the monthly cap of “{{.Name}}”", c.named()), func(pm *planner.Promotion) { pm.MaxPerMonth = nil })
	}
	c.weightBox = container.NewGridWithColumns(12)
	c.flat = widget.NewButton(lang.L("Flat"), func() {
		if err := c.edit(lang.L("Make the responsiveness of “{{.Name}}” flat", c.named()), func(pm *planner.Promotion) { pm.Responsiveness = nil }); err != nil {
			c.env.ShowError(err)
		}
	})

	c.note = widget.NewLabel("")
	c.note.Wrapping = fyne.TextWrapWord
	c.note.Importance = widget.WarningImportance
	c.note.Hide()
	c.spend, c.lift = charts.NewBars(), charts.NewBars()
	for _, b := range []*charts.Bars{c.spend, c.lift} {
		b.Periods = true
		b.SetMinSize(fyne.NewSize(300, 180))
	}
	c.spendTitle, c.liftTitle = boldLabel(""), boldLabel("")
	// Long channel names are cut rather than pushing a chart under the form.
	c.spendTitle.Truncation = fyne.TextTruncateEllipsis
	c.liftTitle.Truncation = fyne.TextTruncateEllipsis

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Carryover"), c.carryover),
		help(lang.L("The share of a month’s advertising pressure still felt the next month, up to 90%: radio and TV are remembered for weeks, search hardly at all.")),
		widget.NewFormItem(lang.L("Most spend in a month"), c.maxPerMonth),
		help(lang.L("For the optimiser when it plans the months. Leave it empty for no cap.")),
	)
	responsiveness := container.NewVBox(
		container.NewHBox(subheading(lang.L("Responsiveness")), c.flat),
		c.weightBox,
		newNote(lang.L("How strongly the channel’s audience answers each month, relative to the others: search weighing 2 in December brings twice the units of the same pressure in a month weighing 1.")))
	c.empty = widget.NewLabel(lang.L("No promotion channels yet. Add one on the Promotion screen to plan its months."))
	// The form and the two charts side by side when they fit; the
	// responsiveness row under them, a field per month across the width.
	c.form = container.NewVBox(
		newResponsiveGrid(300, form,
			container.NewBorder(c.spendTitle, nil, nil, nil, c.spend),
			container.NewBorder(c.liftTitle, nil, nil, nil, c.lift)),
		responsiveness)
	c.content = container.NewBorder(
		container.NewVBox(
			container.NewHBox(widget.NewLabel(lang.L("Channel")),
				container.New(layout.NewGridWrapLayout(fyne.NewSize(320, c.channel.MinSize().Height)), c.channel)),
			c.empty, c.note),
		nil, nil, nil, container.NewVScroll(c.form))
	return c
}

// named is the template data of undo labels: the channel's name.
func (c *channelResponse) named() map[string]any {
	p := c.env.Doc.Plan()
	if i := promotionIndex(p, c.id); i >= 0 {
		return map[string]any{"Name": p.Promotions[i].Name}
	}
	return map[string]any{"Name": ""}
}

// edit changes the channel shown as one undo step.
func (c *channelResponse) edit(label string, change func(pm *planner.Promotion)) error {
	id := c.id
	return c.env.Edit(label, func(p *planner.Plan) {
		if i := promotionIndex(p, id); i >= 0 {
			change(&p.Promotions[i])
		}
	})
}

// Refresh shows the document: the channels to pick from, and the picked
// channel's form, charts and note.
func (c *channelResponse) Refresh() {
	doc := c.env.Doc
	p, r, m, f := doc.Plan(), doc.Report(), doc.Model(), c.env.Fmt()
	c.syncing = true
	defer func() { c.syncing = false }()

	ids, names := make([]string, len(p.Promotions)), make([]string, len(p.Promotions))
	for i, pm := range p.Promotions {
		ids[i], names[i] = pm.ID, pm.Name
	}
	c.ids = ids
	if !slices.Equal(c.channel.Options, names) {
		c.channel.Options = names
		c.channel.Refresh()
	}
	i := promotionIndex(p, c.id)
	if i < 0 && len(ids) > 0 {
		i, c.id = 0, ids[0]
	}
	if i < 0 {
		c.empty.Show()
		c.form.Hide()
		c.channel.ClearSelected()
		return
	}
	c.empty.Hide()
	c.form.Show()
	if c.channel.SelectedIndex() != i {
		c.channel.SetSelectedIndex(i)
	}
	pm := p.Promotions[i]

	c.carryover.SetFormat(f.Field(widgets.Percent))
	c.carryover.SetValue(pm.Response.Carryover)
	c.maxPerMonth.SetFormat(f.Field(widgets.Money))
	if pm.MaxPerMonth != nil {
		c.maxPerMonth.SetValue(*pm.MaxPerMonth)
	} else {
		c.maxPerMonth.SetEmpty()
	}
	c.showWeights(p, pm)

	months := make([]string, len(r.Monthly))
	for t, mo := range r.Monthly {
		months[t] = mo.Month
	}
	months = shortMonths(months)
	res := r.Promotions[i]
	c.spendShown, c.liftShown = slices.Clone(res.MonthlySpend), slices.Clone(res.MonthlyLiftUnits)
	setText(c.spendTitle, lang.L("Spend of “{{.Name}}” per month", map[string]any{"Name": pm.Name}))
	setText(c.liftTitle, lang.L("Extra units “{{.Name}}” brings per month", map[string]any{"Name": pm.Name}))
	c.spend.SetData(months, []charts.Series{{Name: lang.L("Spend"), Values: c.spendShown}}, f.Chart())
	c.lift.SetData(months, []charts.Series{{Name: lang.L("Extra units"), Values: c.liftShown}}, f.ChartUnits())

	c.saturated, c.note.Text = nil, ""
	if sat, more := bunchedPastSaturation(&m.Channels[i]); len(sat) > 0 {
		c.saturated = sat
		var which []string
		for _, t := range sat {
			which = append(which, months[t])
		}
		c.note.Text = lang.L("Spend is bunched past saturation in {{.Months}}: the pressure there is above {{.Half}} a month, the level that brings half of what a month can. Spread evenly over the months, the same {{.Spend}} would bring {{.More}} more units.",
			map[string]any{"Months": strings.Join(which, ", "), "Half": f.Money(m.Channels[i].MonthHalfSpend()),
				"Spend": f.Money(pm.Spend), "More": f.Units(more * m.Channels[i].UnitsPerLift)})
	}
	c.note.Hidden = c.note.Text == ""
	c.note.Refresh()
}

// showWeights writes the channel's responsiveness into one field per month,
// rebuilding the fields when the horizon changed.
func (c *channelResponse) showWeights(p *planner.Plan, pm planner.Promotion) {
	f := c.env.Fmt()
	labels := shortMonths(planner.MonthLabels(p.Start, p.Months))
	if len(c.weights) != p.Months {
		c.weights = make([]*widgets.NumberField, p.Months)
		cells := make([]fyne.CanvasObject, p.Months)
		for t := range c.weights {
			c.weights[t] = c.weightField(t)
			cells[t] = container.NewBorder(widget.NewLabel(labels[t]), nil, nil, nil, c.weights[t])
		}
		c.weightBox.Objects = cells
		c.weightBox.Refresh()
	}
	flat := len(pm.Responsiveness) != p.Months
	for t, w := range c.weights {
		w.SetFormat(f.Field(widgets.Plain))
		if flat {
			w.SetValue(1)
		} else {
			w.SetValue(pm.Responsiveness[t])
		}
		cell := c.weightBox.Objects[t].(*fyne.Container)
		cell.Objects[1].(*widget.Label).SetText(labels[t])
	}
	if flat {
		c.flat.Disable()
	} else {
		c.flat.Enable()
	}
}

// weightField is month t's responsiveness field: a weight ≥ 0, and not the
// last one above 0 set to 0 (a channel must answer in some month).
func (c *channelResponse) weightField(t int) *widgets.NumberField {
	someMonth := func(x float64, _ widgets.Format) error {
		p := c.env.Doc.Plan()
		i := promotionIndex(p, c.id)
		if i < 0 || x > 0 {
			return nil
		}
		r := p.Promotions[i].Responsiveness
		for u := range p.Months {
			if u != t && (len(r) != p.Months || r[u] > 0) {
				return nil
			}
		}
		return errors.New(lang.L("one month at least must weigh more than 0"))
	}
	w := widgets.NewNumberField(c.env.Fmt().Field(widgets.Plain), widgets.NonNegative(), someMonth)
	w.OnCommit = func(x float64) error {
		return c.edit(lang.L("Change the responsiveness of “{{.Name}}”", c.named()), func(pm *planner.Promotion) {
			n := c.env.Doc.Plan().Months
			if len(pm.Responsiveness) != n {
				pm.Responsiveness = make([]float64, n)
				for u := range pm.Responsiveness {
					pm.Responsiveness[u] = 1
				}
			}
			pm.Responsiveness[t] = x
		})
	}
	return w
}

// bunchedPastSaturation returns the months whose pressure is above the
// channel's monthly half-saturation point, and the extra lift (at reference
// price) spreading its spend evenly would bring; no months when spreading
// would bring nothing more.
func bunchedPastSaturation(ch *planner.Channel) (months []int, more float64) {
	n := len(ch.Flighting)
	if n == 0 || ch.Spend <= 0 || ch.MaxUnits == 0 {
		return nil, 0
	}
	even := make([]float64, n)
	for t := range even {
		even[t] = ch.Spend / float64(n)
	}
	more = ch.MonthlyLift(even, make([]float64, n)) - ch.Lift(ch.Spend)
	if !(more > 1e-9*ch.MaxUnits) {
		return nil, 0
	}
	for t, a := range ch.Pressure {
		if ch.Spend*a > ch.MonthHalfSpend() {
			months = append(months, t)
		}
	}
	if len(months) == 0 {
		return nil, 0
	}
	return months, more
}
