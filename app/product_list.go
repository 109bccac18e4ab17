package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/planner"
)

// productList is what the Product and Price screens share: the virtual list
// of products (each row a name and a line of figures), the selected
// product, and edits of that product found by id. A screen embeds it and
// gives it the row's figures and the function that shows the selection.
type productList struct {
	env       *Env
	list      *widget.List
	sel       int  // selected product, -1 for none
	selecting bool // true while refresh selects the row itself
	// info writes the second line of product i's row.
	info func(p *planner.Plan, r *planner.Report, i int) string
	// show writes the selected product into the screen's form.
	show func()
}

// newProductList makes the list; sample is a row's second line as wide as
// a typical one, for the row template.
func newProductList(env *Env, sample string, info func(p *planner.Plan, r *planner.Report, i int) string, show func()) *productList {
	l := &productList{env: env, sel: -1, info: info, show: show}
	l.list = widget.NewList(
		func() int { return len(l.env.Doc.Plan().Products) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("Product name")
			name.TextStyle.Bold = true
			name.Truncation = fyne.TextTruncateEllipsis
			figures := widget.NewLabel(sample)
			figures.SizeName = theme.SizeNameCaptionText
			figures.Truncation = fyne.TextTruncateEllipsis
			return container.New(&rowLayout{}, name, figures)
		},
		l.updateRow)
	l.list.OnSelected = func(i widget.ListItemID) {
		l.sel = i
		if !l.selecting {
			l.show()
		}
	}
	return l
}

// updateRow shows product i in a list row.
func (l *productList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	p, r := l.env.Doc.Plan(), l.env.Doc.Report()
	if i >= len(p.Products) || i >= len(r.Products) {
		return
	}
	row := o.(*fyne.Container)
	row.Objects[0].(*widget.Label).SetText(p.Products[i].Name)
	row.Objects[1].(*widget.Label).SetText(l.info(p, r, i))
}

// refresh redraws the rows shown, keeps the selection on a product that
// exists, and shows it.
func (l *productList) refresh() {
	n := len(l.env.Doc.Plan().Products)
	l.list.Refresh()
	switch {
	case n == 0:
		l.sel = -1
	case l.sel < 0:
		l.sel = 0
	case l.sel >= n:
		l.sel = n - 1
	}
	l.selectRow(l.sel)
	l.show()
}

// selectRow highlights row i (none for -1) without redrawing the form.
func (l *productList) selectRow(i int) {
	l.selecting = true
	defer func() { l.selecting = false }()
	if i < 0 {
		l.list.UnselectAll()
		return
	}
	l.list.Select(i)
	if l.list.Size().Height == 0 {
		// Not laid out yet: Select scrolled the row into a view of no
		// height, which would leave the first rows hidden above the view.
		l.list.ScrollToTop()
	}
}

// selected returns the selected product, and false when there is none.
func (l *productList) selected() (planner.Product, bool) {
	p := l.env.Doc.Plan()
	if l.sel < 0 || l.sel >= len(p.Products) {
		return planner.Product{}, false
	}
	return p.Products[l.sel], true
}

// named is the template data of an undo label: the selected product's name.
func (l *productList) named() map[string]any {
	pr, _ := l.selected()
	return map[string]any{"Name": pr.Name}
}

// edit changes the selected product as one undo step. The product is found
// by id in the plan being edited, so the change lands on the right one.
func (l *productList) edit(label string, change func(pr *planner.Product)) error {
	sel, ok := l.selected()
	if !ok {
		return nil
	}
	return l.env.Edit(label, func(p *planner.Plan) {
		if i := productIndex(p, sel.ID); i >= 0 {
			change(&p.Products[i])
		}
	})
}
