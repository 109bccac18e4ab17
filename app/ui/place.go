package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/widgets"
	"mixplan/planner"
)

func init() { registerScreen(orderPlace, newPlaceScreen) }

// placeScreen edits the distribution channels: a list of places, and for
// the selected one a form (name, intermediary margin, logistics per unit,
// fixed costs) beside its results; under them the product × place share
// grid (place_shares.go). The list is the shared listEditor, one
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
	screenInfo
	*listEditor[planner.Place]
	env *Env

	heading              *widget.Label
	name                 *widgets.TextField
	margin               *widgets.NumberField
	logistics, fixedCost *widgets.NumberField

	units, grossSales, netRevenue, logisticsCost, fixed *widget.Label

	shares *shareGrid
}

func newPlaceScreen(env *Env) Screen {
	s := &placeScreen{screenInfo: screenInfo{id: "place", title: lang.L("Place"), icon: theme.MailSendIcon()}, env: env}
	s.listEditor = newListEditor(env, listSpec[planner.Place]{
		rows: func(p *planner.Plan) *[]planner.Place { return &p.Places },
		key:  func(pl planner.Place) (string, string) { return pl.ID, pl.Name },
		info: func(p *planner.Plan, r *planner.Report, i int) string {
			f := s.env.Fmt()
			return lang.L("Margin {{.Margin}} · net revenue {{.Revenue}}",
				map[string]any{"Margin": f.Percent(p.Places[i].MarginPct), "Revenue": f.Money(r.Places[i].NetRevenue)})
		},
		sample: "Margin 40% · €0",
	}, s.showSelected)
	s.withActions(s.addPlace, s.duplicatePlace, s.deletePlace, func(d int) string {
		return upOrDown(d, lang.L("Move place “{{.Name}}” up", s.named()), lang.L("Move place “{{.Name}}” down", s.named()))
	})
	s.shares = newShareGrid(env)
	s.picked = s.shares.scrollToPlace // the grid's columns follow the list
	top := s.panes(s.buildForm(),
		container.NewCenter(widget.NewLabel(lang.L("No places yet. Add one to sell the products through it."))))
	split := container.NewVSplit(top, s.shares.content)
	split.Offset = 0.42
	s.content = split
	return s
}

// buildForm makes the form of the selected place and its results panel.
func (s *placeScreen) buildForm() fyne.CanvasObject {
	f := s.env.Fmt()
	s.heading = newTitle()

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

	s.units, s.grossSales, s.netRevenue = boldLabel(""), boldLabel(""), boldLabel("")
	s.logisticsCost, s.fixed = boldLabel(""), boldLabel("")
	results := widget.NewForm(
		widget.NewFormItem(lang.L("Units sold here"), s.units),
		widget.NewFormItem(lang.L("Gross sales"), s.grossSales),
		widget.NewFormItem(lang.L("Net revenue"), s.netRevenue),
		widget.NewFormItem(lang.L("Logistics"), s.logisticsCost),
		widget.NewFormItem(lang.L("Fixed costs"), s.fixed))
	resultsTitle := boldLabel(lang.L("Results"))
	panel := container.NewVBox(resultsTitle, results)

	return newPage(s.heading, newSideBySide(320, form, panel))
}

// carryFrom keeps, across a change of language, the place selected and the
// shares typed in the grid but not applied yet (see carrier).
func (s *placeScreen) carryFrom(old Screen) {
	s.listEditor.carryFrom(old)
	if o, ok := old.(*placeScreen); ok {
		s.shares.draft, s.shares.cell = o.shares.draft, o.shares.cell
	}
}

// Refresh shows the document: the list, the selected place's form and
// results, and the share grid.
func (s *placeScreen) Refresh() {
	s.refresh()
	s.shares.Refresh()
}

// showSelected writes the selected place into the form and the results.
func (s *placeScreen) showSelected() {
	r := s.env.Doc.Report()
	pl, ok := s.selected()
	if !ok {
		return
	}
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
	name := lang.L("New place")
	s.add(lang.L("Add place “{{.Name}}”", map[string]any{"Name": name}), "place", func(p *planner.Plan, id string) {
		p.Places = append(p.Places, planner.Place{ID: id, Name: name, Share: map[string]float64{}})
	})
}

// duplicatePlace inserts after the selected place a copy of its terms that
// sells nothing yet.
func (s *placeScreen) duplicatePlace() {
	s.duplicate(lang.L("Duplicate place “{{.Name}}”", s.named()), func(p *planner.Plan, i int, id, name string) {
		c := p.Places[i]
		c.ID, c.Name = id, name
		c.Share = map[string]float64{}
		insertAfter(&p.Places, i, c)
	})
}

// deletePlace removes the selected place after asking, its shares going to
// each product's other places; it refuses when the place is some product's
// only one.
func (s *placeScreen) deletePlace() {
	p := s.env.Doc.Plan()
	pl, ok := s.selected()
	if !ok {
		return
	}
	if only := soleOutlets(p, s.sel); len(only) > 0 {
		names := make([]string, len(only))
		for j, pr := range only {
			names[j] = pr.Name
		}
		msg := lang.N("“{{.Name}}” is the only place selling {{.Products}}. Give it another place in the share grid, or delete the product, before deleting this place.",
			len(only), map[string]any{"Name": pl.Name, "Products": listNames(names, 5)})
		s.env.ShowDialog(func(parent fyne.Window) dialog.Dialog {
			return errorDialog(lang.L("“{{.Name}}” cannot be deleted", map[string]any{"Name": pl.Name}), errors.New(msg), parent)
		})
		return
	}
	s.remove(lang.L("Delete place?"),
		lang.L("Delete “{{.Name}}”? What it sells goes to each product’s other places, in proportion to their shares, and its fixed costs leave the plan. You can undo this.", s.named()),
		lang.L("Delete place “{{.Name}}”", s.named()), func(p *planner.Plan, id string) {
			if k := placeIndex(p, id); k >= 0 {
				removePlace(p, k)
			}
		})
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
