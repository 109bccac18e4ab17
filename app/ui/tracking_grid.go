package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/widgets"
	"mixplan/planner"
)

// actualsGrid is the closed months × channels (or × products) grid of one
// measure of the actuals, a virtual table with a form under it for the
// selected cell: its figure, "Not recorded" for the entry's whole measure,
// and "Paste" to write a block copied from a spreadsheet from the selected
// cell down and across. A figure not recorded shows the plan's, greyed.
type actualsGrid struct {
	gridSelection
	env      *Env
	measures []actualsMeasure
	measure  int // index in measures
	ids      func(p *planner.Plan) []string
	names    func(p *planner.Plan) []string
	noun     string // "channels" or "products", in the user's language, for the paste refusal
	// shownIDs and shownNames are the columns' ids and names, taken from
	// the plan at each Refresh rather than for every cell drawn.
	shownIDs, shownNames []string

	content          fyne.CanvasObject
	pick             *widget.Select
	empty            *widget.Label
	months           []string
	cellTitle        *widget.Label
	field            *widgets.NumberField
	status           *widget.Label
	clear, paste     *widget.Button
	pasteReason      *widget.Label
	syncing          bool
	extra            *fyne.Container // what the owner adds to the form (a channel's committed spend)
	onSelectedChange func()
}

const (
	actualsColumnWidth = 140
	actualsHeaderWidth = 90
)

func newActualsGrid(env *Env, measures []actualsMeasure, ids, names func(*planner.Plan) []string, noun string) *actualsGrid {
	g := &actualsGrid{env: env, measures: measures, ids: ids, names: names, noun: noun}
	g.table = widget.NewTableWithHeaders(g.size,
		func() fyne.CanvasObject { return widget.NewLabel("€1,000,000") },
		g.updateCell)
	g.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("Heading")
		l.TextStyle.Bold = true
		return l
	}
	g.table.UpdateHeader = g.updateHeader
	g.table.OnSelected = func(id widget.TableCellID) {
		g.cell = id
		if !g.selecting {
			g.showCell()
		}
	}
	g.initSelection(func(int) float32 { return actualsColumnWidth }, actualsHeaderWidth)

	labels := make([]string, len(measures))
	for i := range measures {
		labels[i] = measures[i].label()
	}
	g.pick = widget.NewSelect(labels, func(s string) {
		for i, l := range labels {
			if l == s && i != g.measure {
				g.measure = i
				g.Refresh()
			}
		}
	})
	g.pick.SetSelectedIndex(0)
	g.empty = widget.NewLabel(lang.L("No month is closed yet. Choose the last closed month above to type what happened."))
	// Not wrapped: a wrapping label in a centring container asks for a
	// word's width and a line per word, which made the window taller than
	// the screen.
	g.empty.Alignment = fyne.TextAlignCenter

	g.cellTitle = boldLabel("")
	g.cellTitle.Truncation = fyne.TextTruncateEllipsis
	g.field = widgets.NewNumberField(env.Fmt().Field(widgets.Plain), widgets.NonNegative())
	g.field.OnCommit = g.commit
	g.status = widget.NewLabel("")
	g.status.SizeName = theme.SizeNameCaptionText
	g.clear = widget.NewButtonWithIcon(lang.L("Not recorded"), theme.ContentClearIcon(), g.clearMeasure)
	g.paste = widget.NewButtonWithIcon(lang.L("Paste from a spreadsheet"), theme.ContentPasteIcon(), g.pasteClipboard)
	g.pasteReason = widget.NewLabel("")
	g.pasteReason.Importance = widget.DangerImportance
	g.pasteReason.Wrapping = fyne.TextWrapWord
	g.pasteReason.Hide()
	g.extra = container.NewVBox()

	value := container.NewBorder(nil, nil,
		container.NewGridWrap(fyne.NewSize(160, g.field.MinSize().Height), g.field),
		container.NewHBox(g.clear, g.paste), g.status)
	form := widget.NewForm(widget.NewFormItem(lang.L("Figure"), value))
	bottom := container.NewVBox(widget.NewSeparator(), g.cellTitle, form, g.pasteReason, g.extra,
		newNote(lang.L("Select the first cell, then paste cells copied in a spreadsheet (months down, columns across in the grid’s order): the whole block is written as one change.")))
	top := container.NewHBox(widget.NewLabel(lang.L("Show")), g.pick)
	g.content = container.NewBorder(top, bottom, nil, nil, container.NewStack(g.table, container.NewCenter(g.empty)))
	return g
}

func (g *actualsGrid) current() *actualsMeasure { return &g.measures[g.measure] }

func (g *actualsGrid) size() (int, int) {
	n := len(g.shownIDs)
	if n == 0 {
		return 0, 0
	}
	return through(g.env.Doc.Plan()), n
}

func (g *actualsGrid) format(x float64) string {
	f := g.env.Fmt()
	if g.current().money {
		return f.Money(x)
	}
	return f.Units(x)
}

// cellText is what cell id shows and whether it is recorded.
func (g *actualsGrid) cellText(id widget.TableCellID) (string, bool) {
	p, r := g.env.Doc.Plan(), g.env.Doc.Report()
	rows, cols := g.size()
	if id.Row < 0 || id.Row >= rows || id.Col < 0 || id.Col >= cols {
		return "", false
	}
	x, recorded := actualAt(p, r, g.current(), g.shownIDs, id.Col, id.Row)
	return g.format(x), recorded
}

func (g *actualsGrid) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	text, recorded := g.cellText(id)
	imp := widget.MediumImportance
	if !recorded {
		imp = widget.LowImportance
	}
	setCellLabel(o.(*widget.Label), text, actualsColumnWidth, fyne.TextAlignTrailing, imp)
}

func (g *actualsGrid) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	switch {
	case id.Row < 0 && id.Col >= 0:
		if id.Col < len(g.shownNames) {
			setCellLabel(l, g.shownNames[id.Col], actualsColumnWidth, fyne.TextAlignTrailing, widget.MediumImportance)
		}
	case id.Col < 0 && id.Row >= 0 && id.Row < len(g.months):
		setCellLabel(l, g.months[id.Row], actualsHeaderWidth, fyne.TextAlignLeading, widget.MediumImportance)
	default:
		setCellLabel(l, "", actualsHeaderWidth, fyne.TextAlignLeading, widget.MediumImportance)
	}
}

// Refresh shows the plan's actuals; only visible cells are redrawn.
func (g *actualsGrid) Refresh() {
	p := g.env.Doc.Plan()
	g.months = shortMonths(planner.MonthLabels(p.Start, p.Months))
	g.shownIDs, g.shownNames = g.ids(p), g.names(p)
	rows, cols := g.size()
	for c := 0; c < cols; c++ {
		g.table.SetColumnWidth(c, actualsColumnWidth)
	}
	g.empty.Hidden = rows > 0 && cols > 0
	g.keep(rows, cols)
	g.table.Refresh()
	g.showCell()
}

// selected returns the selected month and entry, ok false when none is.
func (g *actualsGrid) selected() (t, i int, ok bool) {
	rows, cols := g.size()
	t, i = g.cell.Row, g.cell.Col
	return t, i, t >= 0 && t < rows && i >= 0 && i < cols
}

// showCell writes the selected cell into the form.
func (g *actualsGrid) showCell() {
	g.syncing = true
	defer func() { g.syncing = false }()
	p, r := g.env.Doc.Plan(), g.env.Doc.Report()
	kind := widgets.Plain
	if g.current().money {
		kind = widgets.Money
	}
	g.field.SetFormat(g.env.Fmt().Field(kind))
	t, i, ok := g.selected()
	if !ok {
		setText(g.cellTitle, "")
		setText(g.status, "")
		g.field.SetEmpty()
		for _, w := range []interface{ Disable() }{g.field, g.clear, g.paste} {
			w.Disable()
		}
		if g.onSelectedChange != nil {
			g.onSelectedChange()
		}
		return
	}
	name := g.shownNames[i]
	setText(g.cellTitle, lang.L("{{.Measure}} of “{{.Name}}” in {{.Month}}",
		map[string]any{"Measure": g.current().label(), "Name": name, "Month": g.months[t]}))
	x, recorded := actualAt(p, r, g.current(), g.shownIDs, i, t)
	g.field.Enable()
	g.field.SetValue(x)
	g.paste.Enable()
	if recorded {
		g.clear.Enable()
		setText(g.status, lang.L("Recorded"))
	} else {
		g.clear.Disable()
		setText(g.status, lang.L("Not recorded: the plan’s figure is shown"))
	}
	if g.onSelectedChange != nil {
		g.onSelectedChange()
	}
}

// selectedID returns the id and name of the selected column's entry.
func (g *actualsGrid) selectedID() (id, name string, ok bool) {
	_, i, ok := g.selected()
	if !ok {
		return "", "", false
	}
	return g.shownIDs[i], g.shownNames[i], true
}

// commit writes the figure typed into the selected cell.
func (g *actualsGrid) commit(x float64) error {
	if g.syncing {
		return nil
	}
	t, i, ok := g.selected()
	if !ok {
		return nil
	}
	label := lang.L("Record {{.Measure}} of “{{.Name}}” in {{.Month}}",
		map[string]any{"Measure": g.current().label(), "Name": g.shownNames[i], "Month": g.months[t]})
	return g.write(label, t, i, [][]float64{{x}})
}

// write records values from month t and entry i on as one undo step.
func (g *actualsGrid) write(label string, t, i int, values [][]float64) error {
	r, m := g.env.Doc.Report(), g.current()
	return g.env.Edit(label, func(p *planner.Plan) { setActuals(p, r, m, g.ids(p), t, i, values) })
}

// clearMeasure forgets the selected entry's measure in every closed month.
func (g *actualsGrid) clearMeasure() {
	id, name, ok := g.selectedID()
	if !ok {
		return
	}
	m := g.current()
	label := lang.L("Forget {{.Measure}} of “{{.Name}}”", map[string]any{"Measure": m.label(), "Name": name})
	if err := g.env.Edit(label, func(p *planner.Plan) { m.set(p.Actuals, id, nil) }); err != nil {
		g.env.ShowError(err)
	}
}

// pasteClipboard pastes the clipboard's text at the selected cell.
func (g *actualsGrid) pasteClipboard() {
	g.pasteText(fyne.CurrentApp().Clipboard().Content())
}

// pasteText writes a block of cells copied from a spreadsheet from the
// selected cell on, as one undo step, or says in the form why it cannot.
func (g *actualsGrid) pasteText(text string) {
	err := g.pasteBlock(text)
	if err == nil {
		g.pasteReason.Hide()
		return
	}
	g.pasteReason.SetText(err.Error())
	g.pasteReason.Show()
}

func (g *actualsGrid) pasteBlock(text string) error {
	t, i, ok := g.selected()
	if !ok {
		return errors.New(lang.L("Select the cell where the pasted block starts."))
	}
	values, err := parseBlock(text, g.env.Fmt().Locale)
	if err != nil {
		return err
	}
	rows, cols := g.size()
	if t+len(values) > rows || i+len(values[0]) > cols {
		return errors.New(lang.L("The block is {{.Rows}} × {{.Cols}}; from the selected cell there are {{.Months}} closed months and {{.N}} {{.Noun}}.",
			map[string]any{"Rows": len(values), "Cols": len(values[0]), "Months": rows - t, "N": cols - i, "Noun": g.noun}))
	}
	label := lang.L("Paste {{.Measure}} ({{.Rows}} × {{.Cols}})",
		map[string]any{"Measure": g.current().label(), "Rows": len(values), "Cols": len(values[0])})
	return g.write(label, t, i, values)
}
