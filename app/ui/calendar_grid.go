package ui

import (
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/widgets"
	"mixplan/planner"
)

// weightGrid is a rows × months grid of monthly weights — the promotion
// channels' flighting or the products' seasonality — as a virtual table
// with a form under it for the selected cell: the weight, the row's
// presets (flat, copy from another row) and a toggle per month ("only
// these months"). A weight list nil in the plan is flat: every month
// weighs 1. Weights are relative; each cell shows the month's share of the
// row and what that share is of the row's amount (spend, units).
type weightGrid struct {
	gridSelection
	env     *Env
	spec    weightSpec
	content fyne.CanvasObject
	empty   *widget.Label
	months  []string  // month labels the columns and toggles show
	totals  []float64 // amount of each month over every row, for the month headers

	cellTitle   *widget.Label
	field       *widgets.NumberField
	share       *widget.Label
	flat, copy  *widget.Button
	checks      []*widget.Check
	checkBox    *fyne.Container
	checkReason *widget.Label

	syncing bool // true while the grid writes its widgets, so their callbacks do not edit
}

// weightSpec is what a weightGrid shows and edits: how to read a row of
// the plan and its amount, how to write its weights back, and its words.
type weightSpec struct {
	// rows counts the rows; row returns row i's id, name and weights (nil: flat).
	rows func(p *planner.Plan) int
	row  func(p *planner.Plan, i int) (id, name string, weights []float64)
	// index finds a row by id, -1 when it is gone.
	index func(p *planner.Plan, id string) int
	// set writes a row's weights, inside Env.Edit (nil makes it flat).
	set func(p *planner.Plan, id string, weights []float64)
	// amount is what row i spreads over the months (spend, units), and
	// monthTotals the amounts of every row in each month.
	amount      func(r *planner.Report, p *planner.Plan, i int) float64
	monthTotals func(r *planner.Report, p *planner.Plan) []float64
	// format writes an amount (money, units).
	format func(f Fmt, x float64) string
	words  weightWords
}

// weightWords are a grid's texts; each calls lang with a literal key.
type weightWords struct {
	rowInfo    func(amount string, flat bool) string // under a row's name: "€90,000 · flat"
	cellTitle  func(name, month string) string       // over the field
	shareOf    func(share, amount string) string     // beside the field: "8.3% of the spend · €7,500"
	change     func(name, month string) string       // undo labels…
	makeFlat   func(name string) string
	copyFrom   func(from, to string) string
	monthOn    func(name, month string) string
	monthOff   func(name, month string) string
	copyTitle  string // the picker's title
	emptyGrid  string // shown when there is no row
	helpText   string // under the form
	monthsHelp string // beside the month toggles
}

// Widths of the grid's columns.
const (
	weightColumnWidth = 96
	weightHeaderWidth = 230
)

func newWeightGrid(env *Env, spec weightSpec) *weightGrid {
	g := &weightGrid{env: env, spec: spec}
	twoLines := func() fyne.CanvasObject {
		top := widget.NewLabel("100.0%")
		bottom := widget.NewLabel("€1,000,000")
		bottom.SizeName = theme.SizeNameCaptionText
		return container.New(&rowLayout{}, top, bottom)
	}
	g.table = widget.NewTableWithHeaders(g.size, twoLines, g.updateCell)
	g.table.CreateHeader = twoLines
	g.table.UpdateHeader = g.updateHeader
	g.table.OnSelected = func(id widget.TableCellID) {
		g.cell = id
		if !g.selecting {
			g.showCell()
		}
	}
	g.initSelection(func(int) float32 { return weightColumnWidth }, weightHeaderWidth)
	g.empty = widget.NewLabel(spec.words.emptyGrid)
	g.empty.Wrapping = fyne.TextWrapWord
	g.empty.Alignment = fyne.TextAlignCenter

	g.cellTitle = boldLabel("")
	g.cellTitle.Truncation = fyne.TextTruncateEllipsis
	g.field = widgets.NewNumberField(env.Fmt().Field(widgets.Plain), widgets.NonNegative())
	g.field.OnCommit = g.commitWeight
	g.share = widget.NewLabel("")
	g.flat = widget.NewButtonWithIcon(lang.L("Flat"), theme.ContentClearIcon(), g.makeFlat)
	g.copy = widget.NewButtonWithIcon(lang.L("Copy from…"), theme.ContentCopyIcon(), g.pickSource)
	g.checkBox = container.NewGridWrap(fyne.NewSize(90, 36))
	g.checkReason = widget.NewLabel("")
	g.checkReason.Importance = widget.DangerImportance
	g.checkReason.SizeName = theme.SizeNameCaptionText
	g.checkReason.Hide()

	weight := container.NewBorder(nil, nil,
		container.NewGridWrap(fyne.NewSize(150, g.field.MinSize().Height), g.field),
		container.NewHBox(g.flat, g.copy), g.share)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Weight"), weight),
		widget.NewFormItem(lang.L("Months"), container.NewVBox(g.checkBox, g.checkReason)),
		help(spec.words.helpText+" "+spec.words.monthsHelp),
	)
	bottom := container.NewVBox(widget.NewSeparator(), g.cellTitle, form)
	g.content = container.NewPadded(container.NewBorder(nil, bottom, nil, nil,
		container.NewStack(g.table, container.NewCenter(g.empty))))
	return g
}

// size is the table's size: a row per channel or product, a column per month.
func (g *weightGrid) size() (int, int) {
	n := g.spec.rows(g.env.Doc.Plan())
	if n == 0 {
		return 0, 0
	}
	return n, len(g.months)
}

// weightsOf returns row i's weights, one per month: 1 each when flat.
func (g *weightGrid) weightsOf(p *planner.Plan, i int) (id, name string, w []float64, flat bool) {
	id, name, w = g.spec.row(p, i)
	if w == nil {
		w = make([]float64, p.Months)
		for t := range w {
			w[t] = 1
		}
		return id, name, w, true
	}
	return id, name, w, false
}

// cellTexts is what cell id shows: the month's share of the row, and what
// that share is of the row's amount.
func (g *weightGrid) cellTexts(id widget.TableCellID) (share, amount string, zero bool) {
	p, r := g.env.Doc.Plan(), g.env.Doc.Report()
	if id.Row < 0 || id.Row >= g.spec.rows(p) || id.Col < 0 || id.Col >= p.Months {
		return "", "", true
	}
	_, _, w, _ := g.weightsOf(p, id.Row)
	f := g.env.Fmt()
	x := planner.MonthShare(w, p.Months, id.Col)
	return f.Percent(x), g.spec.format(f, x*g.spec.amount(r, p, id.Row)), w[id.Col] == 0
}

func (g *weightGrid) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	share, amount, zero := g.cellTexts(id)
	imp := widget.MediumImportance
	if zero {
		imp = widget.LowImportance
	}
	setTwoLines(o, share, amount, weightColumnWidth, fyne.TextAlignTrailing, imp)
}

// headerTexts is what a header shows: a month and its total over the
// columns, a row's name and its amount and pattern before the rows.
func (g *weightGrid) headerTexts(id widget.TableCellID) (string, string) {
	p, r := g.env.Doc.Plan(), g.env.Doc.Report()
	switch {
	case id.Row < 0 && id.Col >= 0 && id.Col < len(g.months):
		total := ""
		if id.Col < len(g.totals) {
			total = g.spec.format(g.env.Fmt(), g.totals[id.Col])
		}
		return g.months[id.Col], total
	case id.Col < 0 && id.Row >= 0 && id.Row < g.spec.rows(p):
		_, name, w := g.spec.row(p, id.Row)
		return name, g.spec.words.rowInfo(g.spec.format(g.env.Fmt(), g.spec.amount(r, p, id.Row)), w == nil)
	}
	return "", ""
}

func (g *weightGrid) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	top, bottom := g.headerTexts(id)
	o.(*fyne.Container).Objects[0].(*widget.Label).TextStyle.Bold = true
	if id.Row < 0 {
		setTwoLines(o, top, bottom, weightColumnWidth, fyne.TextAlignTrailing, widget.MediumImportance)
		return
	}
	setTwoLines(o, top, bottom, weightHeaderWidth, fyne.TextAlignLeading, widget.MediumImportance)
}

// setTwoLines writes a two-line cell made by newWeightGrid (see setCellLabel).
func setTwoLines(o fyne.CanvasObject, top, bottom string, width float32, align fyne.TextAlign, imp widget.Importance) {
	objs := o.(*fyne.Container).Objects
	setCellLabel(objs[0].(*widget.Label), top, width, align, imp)
	setCellLabel(objs[1].(*widget.Label), bottom, width, align, imp)
}

// Refresh shows the plan in the grid and the form; only visible cells are redrawn.
func (g *weightGrid) Refresh() {
	p, r := g.env.Doc.Plan(), g.env.Doc.Report()
	months := shortMonths(planner.MonthLabels(p.Start, p.Months))
	if len(months) != len(g.months) {
		for t := range months {
			g.table.SetColumnWidth(t, weightColumnWidth)
		}
	}
	if !slices.Equal(months, g.months) {
		g.months = months
		g.buildChecks()
	}
	g.totals = g.spec.monthTotals(r, p)
	g.empty.Hidden = g.spec.rows(p) > 0
	g.keep(g.size())
	g.table.Refresh()
	g.showCell()
}

// buildChecks makes one toggle per month, when the months change.
func (g *weightGrid) buildChecks() {
	g.checks = make([]*widget.Check, len(g.months))
	objs := make([]fyne.CanvasObject, len(g.months))
	size := fyne.NewSize(0, 0)
	for t, m := range g.months {
		t := t
		c := widget.NewCheck(m, func(on bool) {
			if !g.syncing {
				g.setMonthActive(t, on)
			}
		})
		g.checks[t], objs[t] = c, c
		size = size.Max(c.MinSize())
	}
	g.checkBox.Layout = layout.NewGridWrapLayout(size)
	g.checkBox.Objects = objs
	g.checkBox.Refresh()
}

// showCell writes the selected cell and its row into the form.
func (g *weightGrid) showCell() {
	p, r := g.env.Doc.Plan(), g.env.Doc.Report()
	g.syncing = true
	defer func() { g.syncing = false }()
	g.checkReason.Hide()
	i, t := g.cell.Row, g.cell.Col
	g.field.SetFormat(g.env.Fmt().Field(widgets.Plain))
	if i < 0 || i >= g.spec.rows(p) || t < 0 || t >= p.Months {
		setText(g.cellTitle, "")
		setText(g.share, "")
		g.field.SetEmpty()
		for _, w := range []interface{ Disable() }{g.field, g.flat, g.copy} {
			w.Disable()
		}
		for _, c := range g.checks {
			c.Disable()
		}
		return
	}
	_, name, w, flat := g.weightsOf(p, i)
	f := g.env.Fmt()
	x := planner.MonthShare(w, p.Months, t)
	setText(g.cellTitle, g.spec.words.cellTitle(name, g.months[t]))
	g.field.Enable()
	g.field.SetValue(w[t])
	setText(g.share, g.spec.words.shareOf(f.Percent(x), g.spec.format(f, x*g.spec.amount(r, p, i))))
	if flat {
		g.flat.Disable()
	} else {
		g.flat.Enable()
	}
	if g.spec.rows(p) > 1 {
		g.copy.Enable()
	} else {
		g.copy.Disable()
	}
	for k, c := range g.checks {
		c.Enable()
		if k < len(w) {
			c.SetChecked(w[k] > 0)
		}
	}
}

// selected returns the selected row's id, name and weights (1 each when
// flat), ok false when no cell is selected.
func (g *weightGrid) selected() (id, name string, w []float64, ok bool) {
	p := g.env.Doc.Plan()
	if g.cell.Row < 0 || g.cell.Row >= g.spec.rows(p) {
		return "", "", nil, false
	}
	id, name, w, _ = g.weightsOf(p, g.cell.Row)
	return id, name, slices.Clone(w), true
}

// setWeights writes the selected row's weights as one undo step, refusing
// a row that no longer weighs anything.
func (g *weightGrid) setWeights(label, id string, w []float64) error {
	if w != nil {
		sum := 0.0
		for _, x := range w {
			sum += x
		}
		if sum <= 0 {
			return errors.New(lang.L("at least one month must keep a weight above 0"))
		}
	}
	return g.env.Edit(label, func(p *planner.Plan) { g.spec.set(p, id, w) })
}

// commitWeight changes the weight of the selected month.
func (g *weightGrid) commitWeight(x float64) error {
	id, name, w, ok := g.selected()
	t := g.cell.Col
	if !ok || t < 0 || t >= len(w) {
		return nil
	}
	w[t] = x
	return g.setWeights(g.spec.words.change(name, g.months[t]), id, w)
}

// setMonthActive turns month t on or off for the selected row: off weighs
// 0; on weighs the average of the months already on, so a pattern flat
// over some months stays flat. A row left with no month on is refused.
func (g *weightGrid) setMonthActive(t int, on bool) {
	id, name, w, ok := g.selected()
	if !ok || t >= len(w) || (w[t] > 0) == on {
		return
	}
	label := g.spec.words.monthOff(name, g.months[t])
	if on {
		sum, n := 0.0, 0
		for _, x := range w {
			if x > 0 {
				sum, n = sum+x, n+1
			}
		}
		w[t] = sum / float64(n)
		label = g.spec.words.monthOn(name, g.months[t])
	} else {
		w[t] = 0
	}
	if err := g.setWeights(label, id, w); err != nil {
		g.showCell() // the toggles show the plan again
		g.checkReason.SetText(err.Error())
		g.checkReason.Show()
	}
}

// makeFlat makes the selected row flat: every month weighs the same.
func (g *weightGrid) makeFlat() {
	id, name, _, ok := g.selected()
	if !ok {
		return
	}
	if err := g.setWeights(g.spec.words.makeFlat(name), id, nil); err != nil {
		g.env.ShowError(err)
	}
}

// pickSource offers the other rows, searchable, and copies the weights of
// the one picked into the selected row.
func (g *weightGrid) pickSource() {
	p := g.env.Doc.Plan()
	id, name, _, ok := g.selected()
	if !ok {
		return
	}
	var ids, names []string
	for i := 0; i < g.spec.rows(p); i++ {
		if oid, oname, _ := g.spec.row(p, i); oid != id {
			ids, names = append(ids, oid), append(names, oname)
		}
	}
	showPicker(g.env, g.spec.words.copyTitle, names, func(k int) { g.copyFrom(ids[k], names[k], id, name) })
}

// copyFrom gives row to the weights of row from (flat stays flat).
func (g *weightGrid) copyFrom(from, fromName, to, toName string) {
	p := g.env.Doc.Plan()
	i := g.spec.index(p, from)
	if i < 0 {
		return
	}
	_, _, w := g.spec.row(p, i)
	if err := g.setWeights(g.spec.words.copyFrom(fromName, toName), to, slices.Clone(w)); err != nil {
		g.env.ShowError(err)
	}
}

// focusRow selects row i in the month selected (the first if none) and
// scrolls it into view.
func (g *weightGrid) focusRow(i int) {
	if i < 0 || i >= g.spec.rows(g.env.Doc.Plan()) {
		return
	}
	g.mark(widget.TableCellID{Row: i, Col: max(0, g.cell.Col)})
	g.reveal(g.cell.Row, g.cell.Col)
	g.showCell()
}
