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
	"mixplan/planner/numfmt"
)

// shareGrid is the product × place share grid of the Place screen: a
// virtual table, one row per product, one column per place and a last
// column with the row's total, and under it a form for the selected cell.
//
// The plan must stay valid after every edit, and a product's shares over
// all places add up to 100 %. So a share typed in the form is held in a
// draft of the product's row: a row that adds up to 100 % is applied at
// once, as one undo step; one that does not stays a draft, its total shown
// in red with what is left to place, until the person spreads the
// remainder (one click, one undo step: spreadRemainder says where it goes)
// or discards the draft. One product at a time has a draft; typing in
// another row is refused until it is resolved, so nothing typed is lost.
type shareGrid struct {
	gridSelection
	env     *Env
	content fyne.CanvasObject
	empty   *widget.Label
	places  int // places the column widths were set for, -1 before the first time

	cellTitle *widget.Label
	field     *widgets.NumberField
	find      *widget.Button

	draft          *shareDraft
	banner         *fyne.Container
	bannerText     *widget.Label
	spread, revert *widget.Button

	syncing bool // true while the grid writes the field, so it does not edit
}

// shareDraft is a product's row of shares being typed: the shares typed so
// far by place id, over the plan's shares for the other places.
type shareDraft struct {
	product string
	typed   map[string]float64
}

// Widths of the grid's columns.
const (
	shareColumnWidth = 150
	shareTotalWidth  = 176
	shareHeaderWidth = 240
)

func newShareGrid(env *Env) *shareGrid {
	g := &shareGrid{env: env, places: -1}
	g.table = widget.NewTableWithHeaders(g.size,
		func() fyne.CanvasObject {
			l := widget.NewLabel("100.00%")
			l.Alignment = fyne.TextAlignTrailing
			return l
		},
		g.updateCell)
	g.table.CreateHeader = func() fyne.CanvasObject { return boldLabel("Place") }
	g.table.UpdateHeader = g.updateHeader
	g.table.OnSelected = func(id widget.TableCellID) {
		g.cell = id
		if !g.selecting {
			g.showCell()
		}
	}
	g.initSelection(g.columnWidth, shareHeaderWidth)
	g.empty = widget.NewLabel("")
	g.empty.Wrapping = fyne.TextWrapWord
	g.empty.Alignment = fyne.TextAlignCenter

	g.cellTitle = widget.NewLabel(lang.L("Select a cell of the grid to change a share."))
	g.cellTitle.Wrapping = fyne.TextWrapWord
	g.field = widgets.NewNumberField(env.Fmt().Field(widgets.Percent), widgets.NonNegative(), widgets.AtMost(1))
	g.field.OnCommit = g.commitShare
	g.field.Disable()
	g.find = widget.NewButtonWithIcon(lang.L("Find a product…"), theme.SearchIcon(), g.findProduct)

	g.bannerText = boldLabel("")
	g.bannerText.Importance = widget.DangerImportance
	g.bannerText.Wrapping = fyne.TextWrapWord
	g.spread = widget.NewButtonWithIcon(lang.L("Spread the remainder"), theme.ConfirmIcon(), g.spreadDraft)
	g.spread.Importance = widget.HighImportance
	g.revert = widget.NewButtonWithIcon(lang.L("Discard"), theme.CancelIcon(), g.discardDraft)
	g.banner = container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()),
		container.NewHBox(g.spread, g.revert), g.bannerText)
	g.banner.Hide()

	title := boldLabel(lang.L("Share of each product’s units by place"))
	top := container.NewBorder(nil, nil, nil, g.find, title)
	editor := container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(170, g.field.MinSize().Height), g.field), g.cellTitle)
	helpText := newNote(lang.L("Each product’s shares over all places add up to 100%. A row that adds up is applied at once; otherwise spread what is left or discard the row."))
	bottom := container.NewVBox(widget.NewSeparator(), editor, g.banner, helpText)
	g.content = container.NewPadded(container.NewBorder(top, bottom, nil, nil,
		container.NewStack(g.table, container.NewCenter(g.empty))))
	return g
}

// size is the table's size: a row per product, a column per place and the total.
func (g *shareGrid) size() (int, int) {
	p := g.env.Doc.Plan()
	if len(p.Places) == 0 {
		return len(p.Products), 0
	}
	return len(p.Products), len(p.Places) + 1
}

// row returns the shares product i shows, one per place: the draft's when
// the product has one (and which places were typed), else the plan's.
func (g *shareGrid) row(p *planner.Plan, i int) (row []float64, typed []bool) {
	id := p.Products[i].ID
	row = shareRow(p, id)
	typed = make([]bool, len(row))
	if d := g.draft; d != nil && d.product == id {
		for k, pl := range p.Places {
			if x, ok := d.typed[pl.ID]; ok {
				row[k], typed[k] = x, true
			}
		}
	}
	return row, typed
}

// cellText is what cell id shows and how: a share, or the row's total,
// which says what is left or over in red when the row does not add up.
func (g *shareGrid) cellText(id widget.TableCellID) (text string, imp widget.Importance, bold bool) {
	p := g.env.Doc.Plan()
	if id.Row < 0 || id.Row >= len(p.Products) || id.Col < 0 || id.Col > len(p.Places) {
		return "", widget.MediumImportance, false
	}
	loc := numfmt.Locale(p.Locale)
	row, typed := g.row(p, id.Row)
	if id.Col < len(p.Places) {
		x := row[id.Col]
		_, listed := p.Places[id.Col].Share[p.Products[id.Row].ID]
		switch {
		case typed[id.Col]:
			return sharePercent(x, loc), widget.WarningImportance, true
		case x == 0 && !listed:
			return "—", widget.LowImportance, false
		}
		return sharePercent(x, loc), widget.MediumImportance, false
	}
	sum := 0.0
	for _, x := range row {
		sum += x
	}
	switch {
	case addsUp(sum):
		return sharePercent(sum, loc), widget.SuccessImportance, true
	case sum < 1:
		return lang.L("{{.Sum}} · {{.Left}} left", map[string]any{"Sum": sharePercent(sum, loc), "Left": sharePercent(1-sum, loc)}),
			widget.DangerImportance, true
	}
	return lang.L("{{.Sum}} · {{.Over}} over", map[string]any{"Sum": sharePercent(sum, loc), "Over": sharePercent(sum-1, loc)}),
		widget.DangerImportance, true
}

// sharePercent writes a share with up to two decimals: "30%", "33.33%".
func sharePercent(x float64, l numfmt.Locale) string {
	return numfmt.Percent(x, l, numfmt.Decimals(x*100, 2))
}

// updateCell writes cell id into a reused label, every property of it.
func (g *shareGrid) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	text, imp, bold := g.cellText(id)
	if l.Text == text && l.Importance == imp && l.TextStyle.Bold == bold {
		return
	}
	l.Text, l.Importance, l.TextStyle.Bold = text, imp, bold
	l.Refresh()
}

// headerText is what a header shows: a place's name over its column, a
// product's name before its row.
func (g *shareGrid) headerText(id widget.TableCellID) string {
	p := g.env.Doc.Plan()
	switch {
	case id.Row < 0 && id.Col >= 0 && id.Col < len(p.Places):
		return p.Places[id.Col].Name
	case id.Row < 0 && id.Col == len(p.Places):
		return lang.L("Total")
	case id.Col < 0 && id.Row >= 0 && id.Row < len(p.Products):
		return p.Products[id.Row].Name
	}
	return ""
}

func (g *shareGrid) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	width, align := float32(shareHeaderWidth), fyne.TextAlignLeading
	if id.Row < 0 {
		width, align = shareColumnWidth, fyne.TextAlignTrailing
		if id.Col == len(g.env.Doc.Plan().Places) {
			width = shareTotalWidth
		}
	}
	setCellLabel(o.(*widget.Label), g.headerText(id), width, align, widget.MediumImportance)
}

// Refresh shows the plan (and the draft, if it still applies) in the grid
// and the form. Only the visible cells are redrawn.
func (g *shareGrid) Refresh() {
	p := g.env.Doc.Plan()
	g.pruneDraft(p)
	if n := len(p.Places); n != g.places {
		for k := 0; k < n; k++ {
			g.table.SetColumnWidth(k, shareColumnWidth)
		}
		g.table.SetColumnWidth(n, shareTotalWidth)
		g.places = n
	}
	switch {
	case len(p.Places) == 0:
		g.empty.SetText(lang.L("No places yet: add one above, then share each product’s units between the places."))
		g.empty.Show()
	case len(p.Products) == 0:
		g.empty.SetText(lang.L("No products yet: add them on the Product screen to share their units between the places."))
		g.empty.Show()
	default:
		g.empty.Hide()
	}
	g.keep(g.size())
	g.table.Refresh()
	g.showCell()
}

// columnWidth is the width of column k of the share grid.
func (g *shareGrid) columnWidth(k int) float32 {
	if k == len(g.env.Doc.Plan().Places) {
		return shareTotalWidth
	}
	return shareColumnWidth
}

// pruneDraft forgets typed shares of places that are gone, and the draft
// when its product is gone or nothing typed is left.
func (g *shareGrid) pruneDraft(p *planner.Plan) {
	d := g.draft
	if d == nil {
		return
	}
	if productIndex(p, d.product) < 0 {
		g.draft = nil
		return
	}
	for id := range d.typed {
		if placeIndex(p, id) < 0 {
			delete(d.typed, id)
		}
	}
	if len(d.typed) == 0 {
		g.draft = nil
	}
}

// showCell writes the selected cell into the form, and the draft's banner.
func (g *shareGrid) showCell() {
	p := g.env.Doc.Plan()
	g.showBanner(p)
	g.syncing = true
	defer func() { g.syncing = false }()
	g.field.SetFormat(g.env.Fmt().Field(widgets.Percent))
	r, c := g.cell.Row, g.cell.Col
	if r < 0 || r >= len(p.Products) || c < 0 || c >= len(p.Places) {
		text := lang.L("Select a cell of the grid to change a share.")
		if c == len(p.Places) && r >= 0 && r < len(p.Products) {
			text = lang.L("The total is the sum of the row: select a place’s cell to change its share.")
		}
		setText(g.cellTitle, text)
		g.field.SetEmpty()
		g.field.Disable()
		return
	}
	setText(g.cellTitle, lang.L("Share of “{{.Product}}” sold through “{{.Place}}”",
		map[string]any{"Product": p.Products[r].Name, "Place": p.Places[c].Name}))
	row, _ := g.row(p, r)
	g.field.Enable()
	g.field.SetValue(row[c])
}

// showBanner says what is left to place in the draft's row, with the buttons
// that resolve it; it is hidden when there is no draft.
func (g *shareGrid) showBanner(p *planner.Plan) {
	if g.draft == nil {
		g.banner.Hide()
		return
	}
	i := productIndex(p, g.draft.product)
	row, _ := g.row(p, i)
	sum := 0.0
	for _, x := range row {
		sum += x
	}
	loc := numfmt.Locale(p.Locale)
	data := map[string]any{"Name": p.Products[i].Name, "Sum": sharePercent(sum, loc),
		"Left": sharePercent(1-sum, loc), "Over": sharePercent(sum-1, loc)}
	var text string
	switch {
	case addsUp(sum):
		text = lang.L("Shares of “{{.Name}}” add up to {{.Sum}} but are not applied yet.", data)
		g.spread.SetText(lang.L("Apply these shares"))
	case sum < 1:
		text = lang.L("Shares of “{{.Name}}” add up to {{.Sum}} — {{.Left}} left to place.", data)
		g.spread.SetText(lang.L("Spread the remainder"))
	default:
		text = lang.L("Shares of “{{.Name}}” add up to {{.Sum}} — {{.Over}} too much to place.", data)
		g.spread.SetText(lang.L("Spread the remainder"))
	}
	setText(g.bannerText, text)
	g.banner.Show()
}

// commitShare takes a share typed for the selected cell into the product's
// row: applied at once when the row adds up, else kept as the draft.
func (g *shareGrid) commitShare(x float64) error {
	p := g.env.Doc.Plan()
	r, c := g.cell.Row, g.cell.Col
	if g.syncing || r < 0 || r >= len(p.Products) || c < 0 || c >= len(p.Places) {
		return nil
	}
	pr := p.Products[r]
	if d := g.draft; d != nil && d.product != pr.ID {
		name := ""
		if i := productIndex(p, d.product); i >= 0 {
			name = p.Products[i].Name
		}
		return errors.New(lang.L("first finish the shares of “{{.Name}}”: spread the remainder or discard them", map[string]any{"Name": name}))
	}
	next := &shareDraft{product: pr.ID, typed: map[string]float64{}}
	if g.draft != nil {
		for k, v := range g.draft.typed {
			next.typed[k] = v
		}
	}
	next.typed[p.Places[c].ID] = x
	prev := g.draft
	g.draft = next
	row, _ := g.row(p, r)
	sum := 0.0
	for _, v := range row {
		sum += v
	}
	if !addsUp(sum) {
		g.table.Refresh()
		g.showBanner(p)
		return nil
	}
	g.draft = nil // applied: the refresh Edit causes shows the plan's row
	if err := g.applyRow(pr, row); err != nil {
		g.draft = prev
		g.table.Refresh()
		g.showBanner(p)
		return err
	}
	return nil
}

// applyRow writes product pr's shares into the plan as one undo step.
func (g *shareGrid) applyRow(pr planner.Product, row []float64) error {
	id := pr.ID
	return g.env.Edit(lang.L("Change the shares of “{{.Name}}”", map[string]any{"Name": pr.Name}), func(p *planner.Plan) {
		setShareRow(p, id, row)
	})
}

// spreadDraft applies the draft's row with what is left spread over the
// places the person did not type (see spreadRemainder).
func (g *shareGrid) spreadDraft() {
	d := g.draft
	if d == nil {
		return
	}
	p := g.env.Doc.Plan()
	i := productIndex(p, d.product)
	if i < 0 {
		g.draft = nil
		g.Refresh()
		return
	}
	row, typed := g.row(p, i)
	g.draft = nil
	if err := g.applyRow(p.Products[i], spreadRemainder(row, typed)); err != nil {
		g.draft = d
		g.env.ShowError(err)
	}
	g.table.Refresh()
	g.showCell()
}

// discardDraft forgets the shares typed in the draft; the plan is unchanged.
func (g *shareGrid) discardDraft() {
	g.draft = nil
	g.table.Refresh()
	g.showCell()
}

// scrollToPlace brings place k's column into view, keeping the selection.
func (g *shareGrid) scrollToPlace(k int) {
	if k >= 0 && len(g.env.Doc.Plan().Products) > 0 {
		g.reveal(max(0, g.cell.Row), k)
	}
}

// selectCell selects cell (row, col), scrolls it into view and shows it in the form.
func (g *shareGrid) selectCell(row, col int) {
	g.mark(widget.TableCellID{Row: row, Col: col})
	g.reveal(row, col)
	g.showCell()
}

// findProduct offers the products, searchable, and selects the row picked
// in the column selected (the first place's when none is).
func (g *shareGrid) findProduct() {
	p := g.env.Doc.Plan()
	if len(p.Places) == 0 {
		return
	}
	names := make([]string, len(p.Products))
	for i, pr := range p.Products {
		names[i] = pr.Name
	}
	showPicker(g.env, lang.L("Find a product in the grid"), names, func(i int) {
		g.selectCell(i, min(max(0, g.cell.Col), len(p.Places)-1))
	})
}
