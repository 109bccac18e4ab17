package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/charts"
	"mixplan/app/ui/widgets"
	"mixplan/planner"
)

func init() { registerScreen(orderProduct, newProductScreen) }

// calendarID is the id of the screen that edits seasonality month by
// month; the Product screen links to it when the window has it.
const calendarID = "calendar"

// productScreen edits the product range: a list of products, and for the
// selected one a form (name, id, costs, volume, elasticity, launch cost,
// units per customer, seasonality) beside its results. Prices have their
// own screen. The list is the shared listEditor, one Env.Edit per
// committed field, and Refresh rewrites the widgets from the document.
//
// Decisions where the issue is silent:
//   - The id is editable: it must match the plan format's pattern and be
//     unique, and renaming it renames the key in every place's share and
//     every promotion's split in the same undo step.
//   - Add appends a product sold through the places in the plan's overall
//     mix (mixShares), with flat seasonality and no split weights.
//   - Duplicate copies every field and the shares, not the split weights:
//     the copy is a new product, left out of explicit splits.
//   - Delete removes the product's shares and split weights; a split left
//     with no product follows base volume, which the confirmation says. The
//     plan format allows a plan with no products, so the last one can go.
type productScreen struct {
	screenInfo
	*productList
	env *Env

	heading     *widget.Label
	name, id    *widgets.TextField
	unitCost    *widgets.NumberField
	baseVolume  *widgets.NumberField
	refPrice    *widgets.NumberField
	elasticity  *widgets.NumberField
	launchCost  *widgets.NumberField
	perCustomer *widgets.NumberField
	season      *charts.Bars
	seasonNote  *widget.RichText
	calendar    *widget.Button
	flat        *widget.Button

	units, baseUnits, liftUnits    *widget.Label
	revenue, margin, marginPct     *widget.Label
	contribution, unitContribution *widget.Label
}

func newProductScreen(env *Env) Screen {
	s := &productScreen{screenInfo: screenInfo{id: "product", title: lang.L("Product"), icon: theme.StorageIcon()}, env: env}
	s.productList = newProductList(env, "0 units · €0", func(p *planner.Plan, r *planner.Report, i int) string {
		f := s.env.Fmt()
		return lang.L("{{.Units}} units · {{.Contribution}}", map[string]any{
			"Units": f.Units(r.Products[i].Units), "Contribution": f.Money(r.Products[i].Contribution)})
	}, s.showSelected)
	s.withActions(s.addProduct, s.duplicateProduct, s.deleteProduct, func(d int) string {
		return upOrDown(d, lang.L("Move product “{{.Name}}” up", s.named()), lang.L("Move product “{{.Name}}” down", s.named()))
	})
	s.content = s.panes(s.buildForm(),
		container.NewCenter(widget.NewLabel(lang.L("No products yet. Add one to plan its costs and volume."))))
	return s
}

// buildForm makes the form of the selected product and its results panel.
func (s *productScreen) buildForm() fyne.CanvasObject {
	f := s.env.Fmt()
	s.heading = newTitle()

	s.name = widgets.NewTextField(widgets.NotEmpty)
	s.name.OnCommit = func(v string) error {
		return s.edit(lang.L("Rename product “{{.Name}}”", s.named()), func(pr *planner.Product) { pr.Name = v })
	}
	s.id = widgets.NewTextField(func(v string) error {
		return checkProductID(s.env.Doc.Plan(), s.sel, strings.TrimSpace(v))
	})
	s.id.OnCommit = func(v string) error {
		from := s.selectedID()
		if from == "" {
			return nil
		}
		return s.env.Edit(lang.L("Change the ID of “{{.Name}}”", s.named()), func(p *planner.Plan) { renameProduct(p, from, v) })
	}

	money := func(rules ...widgets.Rule) *widgets.NumberField {
		return widgets.NewNumberField(f.Field(widgets.Money), rules...)
	}
	plain := func(rules ...widgets.Rule) *widgets.NumberField {
		return widgets.NewNumberField(f.Field(widgets.Plain), rules...)
	}
	s.unitCost = money(widgets.NonNegative())
	s.unitCost.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the unit cost of “{{.Name}}”", s.named()), func(pr *planner.Product) { pr.UnitCost = x })
	}
	s.baseVolume = plain(widgets.NonNegative())
	s.baseVolume.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the base volume of “{{.Name}}”", s.named()), func(pr *planner.Product) { pr.BaseVolume = x })
	}
	s.refPrice = money(widgets.Positive())
	s.refPrice.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the reference price of “{{.Name}}”", s.named()), func(pr *planner.Product) { pr.ReferencePrice = x })
	}
	s.elasticity = plain(widgets.AtLeast(-20), widgets.AtMost(0))
	s.elasticity.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the elasticity of “{{.Name}}”", s.named()), func(pr *planner.Product) { pr.Elasticity = x })
	}
	s.launchCost = money(widgets.NonNegative())
	s.launchCost.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the launch cost of “{{.Name}}”", s.named()), func(pr *planner.Product) { pr.LaunchCost = x })
	}
	s.perCustomer = plain(widgets.Positive())
	s.perCustomer.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the units per customer of “{{.Name}}”", s.named()), func(pr *planner.Product) { pr.UnitsPerCustomer = x })
	}

	s.season = charts.NewBars()
	s.season.Periods = true
	s.season.SetMinSize(fyne.NewSize(280, 150))
	s.seasonNote = newNote("")
	s.calendar = widget.NewButtonWithIcon(lang.L("Edit in the calendar"), theme.CalendarIcon(), s.openCalendar)
	s.flat = widget.NewButtonWithIcon(lang.L("Make flat"), theme.ContentClearIcon(), func() {
		err := s.edit(lang.L("Make the seasonality of “{{.Name}}” flat", s.named()), func(pr *planner.Product) { pr.Seasonality = nil })
		if err != nil {
			s.env.ShowError(err)
		}
	})

	form := widget.NewForm(
		heading(lang.L("Product")),
		widget.NewFormItem(lang.L("Name"), s.name),
		widget.NewFormItem(lang.L("Product ID"), s.id),
		help(lang.L("The product ID is its key in the plan file, the share grid and the promotion splits; changing it changes it everywhere.")),
		heading(lang.L("Costs")),
		widget.NewFormItem(lang.L("Unit cost"), s.unitCost),
		widget.NewFormItem(lang.L("Launch cost"), s.launchCost),
		help(lang.L("Unit cost is the cost of goods of one unit. Launch cost is paid once, in the first month: design, packaging, listing fees.")),
		heading(lang.L("Demand")),
		widget.NewFormItem(lang.L("Base volume"), s.baseVolume),
		widget.NewFormItem(lang.L("Reference price"), s.refPrice),
		widget.NewFormItem(lang.L("Elasticity"), s.elasticity),
		widget.NewFormItem(lang.L("Units per customer"), s.perCustomer),
		help(lang.L("Base volume is the units sold over the plan at the reference price, without promotion. Elasticity, from −20 to 0, is how volume follows the net price: −1.5 sells 1.5% fewer units for each 1% dearer.")),
	)

	s.units, s.baseUnits, s.liftUnits = boldLabel(""), widget.NewLabel(""), widget.NewLabel("")
	s.revenue, s.margin, s.marginPct = boldLabel(""), boldLabel(""), boldLabel("")
	s.contribution, s.unitContribution = boldLabel(""), boldLabel("")
	results := widget.NewForm(
		widget.NewFormItem(lang.L("Units"), s.units),
		widget.NewFormItem(lang.L("Base units"), s.baseUnits),
		widget.NewFormItem(lang.L("Extra units"), s.liftUnits),
		widget.NewFormItem(lang.L("Net revenue"), s.revenue),
		widget.NewFormItem(lang.L("Gross margin"), s.margin),
		widget.NewFormItem(lang.L("Gross margin %"), s.marginPct),
		widget.NewFormItem(lang.L("Contribution"), s.contribution),
		widget.NewFormItem(lang.L("Unit contribution"), s.unitContribution))
	resultsTitle := boldLabel(lang.L("Results"))
	note := newNote(lang.L("Extra units come from the promotion channels. Contribution is after place margins, cost of goods, logistics and the launch cost; unit contribution is one unit’s share of it before the launch cost."))
	seasonTitle := boldLabel(lang.L("Seasonality"))
	panel := container.NewVBox(resultsTitle, results, note,
		seasonTitle, s.season, s.seasonNote, container.NewHBox(s.calendar, s.flat))

	return newPage(s.heading, newSideBySide(320, form, panel))
}

// Refresh shows the document: the list, and the selected product's form and results.
func (s *productScreen) Refresh() { s.refresh() }

// showSelected writes the selected product into the form and the results.
func (s *productScreen) showSelected() {
	doc := s.env.Doc
	p, r := doc.Plan(), doc.Report()
	pr, ok := s.selected()
	if !ok {
		return
	}
	f := s.env.Fmt()
	setText(s.heading, pr.Name)
	s.name.SetValue(pr.Name)
	s.id.SetValue(pr.ID)
	for _, nf := range []*widgets.NumberField{s.unitCost, s.refPrice, s.launchCost} {
		nf.SetFormat(f.Field(widgets.Money))
	}
	for _, nf := range []*widgets.NumberField{s.baseVolume, s.elasticity, s.perCustomer} {
		nf.SetFormat(f.Field(widgets.Plain))
	}
	s.unitCost.SetValue(pr.UnitCost)
	s.baseVolume.SetValue(pr.BaseVolume)
	s.refPrice.SetValue(pr.ReferencePrice)
	s.elasticity.SetValue(pr.Elasticity)
	s.launchCost.SetValue(pr.LaunchCost)
	s.perCustomer.SetValue(pr.UnitsPerCustomer)

	res := r.Products[s.sel]
	setText(s.units, f.Units(res.Units))
	setText(s.baseUnits, f.Units(res.BaseUnits))
	setText(s.liftUnits, f.Units(res.LiftUnits))
	setText(s.revenue, f.Money(res.NetRevenue))
	setText(s.margin, f.Money(res.GrossMargin))
	setText(s.marginPct, f.Maybe(res.GrossMarginPct, f.Percent))
	setText(s.contribution, f.Money(res.Contribution))
	setText(s.unitContribution, f.UnitMoney(res.UnitContribution))
	s.showSeasonality(p, pr, res.Units)
}

// showSeasonality draws the product's units month by month, and offers the
// calendar (when the window has it) and the flat reset (when not flat).
func (s *productScreen) showSeasonality(p *planner.Plan, pr planner.Product, units float64) {
	shares := seasonShares(pr, p.Months)
	perMonth := make([]float64, len(shares))
	for t, x := range shares {
		perMonth[t] = x * units
	}
	s.season.SetData(shortMonths(planner.MonthLabels(p.Start, p.Months)),
		[]charts.Series{{Name: lang.L("Units per month"), Values: perMonth}}, s.env.Fmt().ChartUnits())
	if pr.Seasonality == nil {
		setNote(s.seasonNote, lang.L("Flat: every month sells the same share of the units."))
		s.flat.Disable()
	} else {
		setNote(s.seasonNote, lang.L("The units follow the product’s seasonality."))
		s.flat.Enable()
	}
	if s.env.Screen(calendarID) == nil {
		s.calendar.Hide()
	} else {
		s.calendar.Show()
	}
}

// productFocuser is a screen that can show one product (the Calendar shows
// its seasonality).
type productFocuser interface{ FocusProduct(id string) }

// openCalendar shows the selected product's seasonality on the Calendar screen.
func (s *productScreen) openCalendar() {
	pr, ok := s.selected()
	if c, can := s.env.Screen(calendarID).(productFocuser); ok && can {
		c.FocusProduct(pr.ID)
		return
	}
	s.env.ShowScreen(calendarID)
}

// addProduct appends a new product sold in the plan's overall mix, and selects it.
func (s *productScreen) addProduct() {
	p := s.env.Doc.Plan()
	if len(p.Places) == 0 { // every product must be sold somewhere
		s.env.ShowDialog(func(parent fyne.Window) dialog.Dialog {
			return dialog.NewInformation(lang.L("Add a place first"),
				lang.L("Every product is sold through at least one place. Add a place on the Place screen, then add the product."), parent)
		})
		return
	}
	name := lang.L("New product")
	shares := mixShares(p)
	s.add(lang.L("Add product “{{.Name}}”", map[string]any{"Name": name}), "product", func(p *planner.Plan, id string) {
		addProduct(p, newProduct(id, name), shares)
	})
}

// duplicateProduct inserts a copy of the selected product after it.
func (s *productScreen) duplicateProduct() {
	s.duplicate(lang.L("Duplicate product “{{.Name}}”", s.named()), duplicateProduct)
}

// deleteProduct removes the selected product after asking, saying which
// promotion splits it leaves empty.
func (s *productScreen) deleteProduct() {
	pr, ok := s.selected()
	if !ok {
		return
	}
	msg := lang.L("Delete “{{.Name}}” from the plan, with its shares in the places and its weights in the promotion splits? The other products are not affected. You can undo this.", map[string]any{"Name": pr.Name})
	if names := splitsLeftEmpty(s.env.Doc.Plan(), pr.ID); len(names) > 0 {
		msg += "\n\n" + lang.N("{{.Names}} splits its extra units over this product only: it will follow each product’s base volume instead.",
			len(names), map[string]any{"Names": quoteNames(names)})
	}
	s.remove(lang.L("Delete product?"), msg, lang.L("Delete product “{{.Name}}”", map[string]any{"Name": pr.Name}), removeProduct)
}

// quoteNames writes names quoted and separated by commas, in the user's
// language: “Search ads”, “Podcasts”.
func quoteNames(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = lang.L("“{{.Name}}”", map[string]any{"Name": n})
	}
	return strings.Join(quoted, ", ")
}
