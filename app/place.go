package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/widgets"
	"mixplan/planner"
)

func init() { registerScreen(orderPlace, newPlace) }

// placeScreen edits the distribution channels: a list of places, and for
// the selected one a form (name, intermediary margin, logistics per unit,
// fixed costs) beside its results; under them the product × place share
// grid (place_shares.go). It follows promotion.go: a virtual list, one
// Env.Edit per committed field, and Refresh rewrites the widgets from the
// document.
//
// Decisions where the issue is silent:
//   - Add appends a place that sells nothing yet (empty shares), which keeps
//     every product's shares adding up to 100 %.
//   - Duplicate copies the place's terms (margin, logistics, fixed costs) but
//     not its shares, which would sell those units twice; the help says so.
//   - Delete gives the place's share of each product to the product's other
//     places in proportion to their shares, and is refused, naming the
//     products, when the place is the only one selling some product.
type placeScreen struct {
	env     *Env
	content fyne.CanvasObject
	list    *widget.List
	sel     int // selected place, -1 for none
	actions *listActions

	detail, empty        fyne.CanvasObject
	heading              *widget.Label
	name                 *widgets.TextField
	margin               *widgets.NumberField
	logistics, fixedCost *widgets.NumberField
	syncing              bool // true while Refresh sets widgets, so their callbacks do not edit
	selecting            bool // true while Refresh selects the list row itself

	units, grossSales, netRevenue, logisticsCost, fixed *widget.Label

	shares *shareGrid
}

func newPlace(env *Env) Screen {
	s := &placeScreen{env: env, sel: -1}
	s.list = widget.NewList(
		func() int { return len(s.env.Doc.Plan().Places) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("Place name")
			name.TextStyle.Bold = true
			name.Truncation = fyne.TextTruncateEllipsis
			info := widget.NewLabel("Margin 40% · €0")
			info.SizeName = theme.SizeNameCaptionText
			info.Truncation = fyne.TextTruncateEllipsis
			return container.New(&rowLayout{}, name, info)
		},
		s.updateRow)
	s.list.OnSelected = func(i widget.ListItemID) {
		s.sel = i
		if !s.selecting {
			s.showSelected()
			s.shares.scrollToPlace(i)
		}
	}
	s.actions = newListActions(s.addPlace, s.duplicatePlace, s.deletePlace,
		func() { s.movePlace(-1) }, func() { s.movePlace(1) })

	s.buildForm()
	s.empty = container.NewCenter(widget.NewLabel(lang.L("No places yet. Add one to sell the products through it.")))
	left := container.NewBorder(nil, s.actions.box, nil, nil, s.list)
	top := container.NewHSplit(left, container.NewStack(s.detail, s.empty))
	top.Offset = 0.22

	s.shares = newShareGrid(env)
	split := container.NewVSplit(top, s.shares.content)
	split.Offset = 0.42
	s.content = split
	return s
}

func (s *placeScreen) ID() string                 { return "place" }
func (s *placeScreen) Title() string              { return lang.L("Place") }
func (s *placeScreen) Icon() fyne.Resource        { return theme.MailSendIcon() }
func (s *placeScreen) Content() fyne.CanvasObject { return s.content }

// buildForm makes the form of the selected place and its results panel.
func (s *placeScreen) buildForm() {
	f := s.env.Fmt()
	s.heading = widget.NewLabel("")
	s.heading.TextStyle.Bold = true
	s.heading.SizeName = theme.SizeNameSubHeadingText
	s.heading.Truncation = fyne.TextTruncateEllipsis

	s.name = widgets.NewTextField(widgets.NotEmpty)
	s.name.OnCommit = func(v string) error {
		return s.edit(lang.L("Rename place “{{.Name}}”", s.named()), func(pl *planner.Place) { pl.Name = v })
	}
	s.margin = widgets.NewNumberField(f.Field(widgets.Percent), widgets.NonNegative(), widgets.Below(1))
	s.margin.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the margin of “{{.Name}}”", s.named()), func(pl *planner.Place) { pl.MarginPct = x })
	}
	s.logistics = widgets.NewNumberField(f.Field(widgets.Money), widgets.NonNegative())
	s.logistics.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the logistics cost of “{{.Name}}”", s.named()), func(pl *planner.Place) { pl.UnitCost = x })
	}
	s.fixedCost = widgets.NewNumberField(f.Field(widgets.Money), widgets.NonNegative())
	s.fixedCost.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the fixed costs of “{{.Name}}”", s.named()), func(pl *planner.Place) { pl.FixedCost = x })
	}

	form := widget.NewForm(
		heading(lang.L("Terms")),
		widget.NewFormItem(lang.L("Name"), s.name),
		widget.NewFormItem(lang.L("Intermediary margin"), s.margin),
		widget.NewFormItem(lang.L("Logistics per unit"), s.logistics),
		widget.NewFormItem(lang.L("Fixed costs"), s.fixedCost),
		help(lang.L("The intermediary keeps its margin out of the end price: with 40% it pays you 60% of it. Logistics is paid on every unit sold here; fixed costs (listing fees, staff, the shop) once over the plan.")),
		help(lang.L("Duplicate copies the terms, not the shares: a product’s shares over all places add up to 100%.")),
	)

	s.units, s.grossSales, s.netRevenue = widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
	s.logisticsCost, s.fixed = widget.NewLabel(""), widget.NewLabel("")
	for _, l := range []*widget.Label{s.units, s.grossSales, s.netRevenue, s.logisticsCost, s.fixed} {
		l.TextStyle.Bold = true
	}
	results := widget.NewForm(
		widget.NewFormItem(lang.L("Units sold here"), s.units),
		widget.NewFormItem(lang.L("Gross sales"), s.grossSales),
		widget.NewFormItem(lang.L("Net revenue"), s.netRevenue),
		widget.NewFormItem(lang.L("Logistics"), s.logisticsCost),
		widget.NewFormItem(lang.L("Fixed costs"), s.fixed))
	resultsTitle := widget.NewLabel(lang.L("Results"))
	resultsTitle.TextStyle.Bold = true
	panel := container.NewVBox(resultsTitle, results)

	s.detail = container.NewVScroll(container.NewPadded(container.NewVBox(
		s.heading, newSideBySide(320, form, panel))))
}

// named is the template data of an undo label: the selected place's name.
func (s *placeScreen) named() map[string]any {
	if s.sel < 0 || s.sel >= len(s.env.Doc.Plan().Places) {
		return map[string]any{"Name": ""}
	}
	return map[string]any{"Name": s.env.Doc.Plan().Places[s.sel].Name}
}

// edit changes the selected place as one undo step, found by id in the
// plan being edited.
func (s *placeScreen) edit(label string, change func(pl *planner.Place)) error {
	plan := s.env.Doc.Plan()
	if s.sel < 0 || s.sel >= len(plan.Places) {
		return nil
	}
	id := plan.Places[s.sel].ID
	return s.env.Edit(label, func(p *planner.Plan) {
		if k := placeIndex(p, id); k >= 0 {
			change(&p.Places[k])
		}
	})
}

// updateRow shows place i in a list row: its name, margin and net revenue.
func (s *placeScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	p, r := s.env.Doc.Plan(), s.env.Doc.Report()
	if i >= len(p.Places) || i >= len(r.Places) {
		return
	}
	row := o.(*fyne.Container)
	f := s.env.Fmt()
	setText(row.Objects[0].(*widget.Label), p.Places[i].Name)
	setText(row.Objects[1].(*widget.Label), lang.L("Margin {{.Margin}} · net revenue {{.Revenue}}",
		map[string]any{"Margin": f.Percent(p.Places[i].MarginPct), "Revenue": f.Money(r.Places[i].NetRevenue)}))
}

// Refresh shows the document: the list, the selected place's form and
// results, and the share grid.
func (s *placeScreen) Refresh() {
	n := len(s.env.Doc.Plan().Places)
	s.list.Refresh()
	switch {
	case n == 0:
		s.sel = -1
	case s.sel < 0:
		s.sel = 0
	case s.sel >= n:
		s.sel = n - 1
	}
	s.selectRow(s.sel)
	s.showSelected()
	s.shares.Refresh()
}

// selectRow highlights row i (none for -1) without redrawing the form.
func (s *placeScreen) selectRow(i int) {
	s.selecting = true
	defer func() { s.selecting = false }()
	if i < 0 {
		s.list.UnselectAll()
		return
	}
	s.list.Select(i)
	if s.list.Size().Height == 0 {
		// Selecting scrolls the list to show the row, which before the
		// list is laid out scrolls the first rows out of sight.
		s.list.ScrollToTop()
	}
}

// showSelected writes the selected place into the form and the results.
func (s *placeScreen) showSelected() {
	p, r := s.env.Doc.Plan(), s.env.Doc.Report()
	s.actions.update(s.sel, len(p.Places))
	if s.sel < 0 || s.sel >= len(p.Places) {
		s.detail.Hide()
		s.empty.Show()
		return
	}
	s.empty.Hide()
	s.detail.Show()
	s.syncing = true
	defer func() { s.syncing = false }()

	pl := p.Places[s.sel]
	f := s.env.Fmt()
	setText(s.heading, pl.Name)
	s.name.SetValue(pl.Name)
	s.margin.SetFormat(f.Field(widgets.Percent))
	s.logistics.SetFormat(f.Field(widgets.Money))
	s.fixedCost.SetFormat(f.Field(widgets.Money))
	s.margin.SetValue(pl.MarginPct)
	s.logistics.SetValue(pl.UnitCost)
	s.fixedCost.SetValue(pl.FixedCost)

	res := r.Places[s.sel]
	setText(s.units, f.Units(res.Units))
	setText(s.grossSales, f.Money(res.GrossSales))
	setText(s.netRevenue, f.Money(res.NetRevenue))
	setText(s.logisticsCost, f.Money(res.Logistics))
	setText(s.fixed, f.Money(res.FixedCost))
}

// addPlace appends a place that sells nothing yet, and selects it.
func (s *placeScreen) addPlace() {
	p := s.env.Doc.Plan()
	id := uniqueID("place", func(id string) bool { return placeIndex(p, id) >= 0 })
	name := lang.L("New place")
	err := s.env.Edit(lang.L("Add place “{{.Name}}”", map[string]any{"Name": name}), func(p *planner.Plan) {
		p.Places = append(p.Places, planner.Place{ID: id, Name: name, Share: map[string]float64{}})
	})
	s.afterStructuralEdit(err, len(p.Places))
}

// duplicatePlace inserts after the selected place a copy of its terms that
// sells nothing yet.
func (s *placeScreen) duplicatePlace() {
	p := s.env.Doc.Plan()
	if s.sel < 0 || s.sel >= len(p.Places) {
		return
	}
	i := s.sel
	src := p.Places[i]
	id := uniqueID(src.ID+"-copy", func(id string) bool { return placeIndex(p, id) >= 0 })
	err := s.env.Edit(lang.L("Duplicate place “{{.Name}}”", map[string]any{"Name": src.Name}), func(p *planner.Plan) {
		c := p.Places[i]
		c.ID, c.Name = id, lang.L("{{.Name}} (copy)", map[string]any{"Name": src.Name})
		c.Share = map[string]float64{}
		p.Places = append(p.Places[:i+1], append([]planner.Place{c}, p.Places[i+1:]...)...)
	})
	s.afterStructuralEdit(err, i+1)
}

// deletePlace removes the selected place after asking, its shares going to
// each product's other places; it refuses when the place is some product's
// only one.
func (s *placeScreen) deletePlace() {
	p := s.env.Doc.Plan()
	if s.sel < 0 || s.sel >= len(p.Places) {
		return
	}
	i, id, name := s.sel, p.Places[s.sel].ID, p.Places[s.sel].Name
	if only := soleOutlets(p, i); len(only) > 0 {
		names := make([]string, len(only))
		for j, pr := range only {
			names[j] = pr.Name
		}
		msg := lang.N("“{{.Name}}” is the only place selling {{.Products}}. Give it another place in the share grid, or delete the product, before deleting this place.",
			len(only), map[string]any{"Name": name, "Products": listNames(names, 5)})
		d := errorDialog(lang.L("“{{.Name}}” cannot be deleted", map[string]any{"Name": name}), errors.New(msg), s.env.Window)
		s.env.w.lastDialog = d
		d.Show()
		return
	}
	s.env.Confirm(lang.L("Delete place?"),
		lang.L("Delete “{{.Name}}”? What it sells goes to each product’s other places, in proportion to their shares, and its fixed costs leave the plan. You can undo this.", map[string]any{"Name": name}),
		lang.L("Delete"), func() {
			err := s.env.Edit(lang.L("Delete place “{{.Name}}”", map[string]any{"Name": name}), func(p *planner.Plan) {
				if k := placeIndex(p, id); k >= 0 {
					removePlace(p, k)
				}
			})
			s.afterStructuralEdit(err, min(i, len(p.Places)-2))
		})
}

// movePlace moves the selected place up (-1) or down (+1); the grid's
// columns follow.
func (s *placeScreen) movePlace(d int) {
	p := s.env.Doc.Plan()
	i := s.sel
	if i < 0 || i+d < 0 || i+d >= len(p.Places) {
		return
	}
	label := lang.L("Move place “{{.Name}}” down", s.named())
	if d < 0 {
		label = lang.L("Move place “{{.Name}}” up", s.named())
	}
	err := s.env.Edit(label, func(p *planner.Plan) { move(p.Places, i, d) })
	s.afterStructuralEdit(err, i+d)
}

// afterStructuralEdit selects row sel after an add, duplicate, delete or
// move, or explains why the plan refused it.
func (s *placeScreen) afterStructuralEdit(err error, sel int) {
	if err != nil {
		s.env.ShowError(err)
		return
	}
	s.sel = sel
	s.selectRow(sel)
	if sel >= 0 {
		s.list.ScrollTo(sel)
		s.shares.scrollToPlace(sel)
	}
	s.showSelected()
}

// listNames writes product names as “A”, “B” and “C” in the user's
// language, the first max of them and how many more.
func listNames(names []string, max int) string {
	quoted := make([]string, 0, max+1)
	for i, n := range names {
		if i == max {
			quoted = append(quoted, lang.N("{{.Count}} more", len(names)-max, map[string]any{"Count": len(names) - max}))
			break
		}
		quoted = append(quoted, lang.L("“{{.Product}}”", map[string]any{"Product": n}))
	}
	if len(quoted) == 1 {
		return quoted[0]
	}
	return lang.L("{{.List}} and {{.Last}}", map[string]any{
		"List": strings.Join(quoted[:len(quoted)-1], ", "), "Last": quoted[len(quoted)-1]})
}
