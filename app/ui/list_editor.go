package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/planner"
)

// listEditor is the list half of a list-plus-form screen (Product, Price,
// Place, Promotion, Scenarios): a virtual list of the plan's rows of one
// kind T, each a bold name over a line of figures; the selected row; edits
// of that row found by id; and, with actions, the add, duplicate, delete
// and move buttons, each one undo step after which the row it leaves is
// selected. A screen embeds it, gives it the rows and the figures, and
// writes the selection into its form in show.
type listEditor[T any] struct {
	env       *Env
	spec      listSpec[T]
	list      *widget.List
	actions   *listActions // nil on a list without buttons (Price)
	sel       int          // selected row, -1 for none
	selecting bool         // true while the editor selects a row itself
	// detail and empty are the form, shown while a row is selected, and
	// what the screen shows instead when the list is empty.
	detail, empty fyne.CanvasObject
	// show writes the selected row into the screen's form; it runs after
	// every change of selection or of the plan.
	show func()
	// picked, when set, runs when the person or a structural edit selects
	// row i (the Place screen scrolls its grid to the place's column).
	picked func(i int)
	// moveLabel names the undo step of moving the selected row up (d < 0)
	// or down.
	moveLabel func(d int) string
}

// listSpec says what a listEditor lists.
type listSpec[T any] struct {
	// rows is the plan's slice of T (&p.Products), read and, inside an
	// Edit, written.
	rows func(p *planner.Plan) *[]T
	// key is a row's id and name.
	key func(T) (id, name string)
	// info writes the second line of row i.
	info func(p *planner.Plan, r *planner.Report, i int) string
	// sample is a typical second line, as wide as most, for the row template.
	sample string
}

// newListEditor makes the list of spec's rows; show writes the selection
// into the screen's form.
func newListEditor[T any](env *Env, spec listSpec[T], show func()) *listEditor[T] {
	l := &listEditor[T]{env: env, spec: spec, sel: -1, show: show}
	l.list = widget.NewList(
		func() int { return len(l.items(l.env.Doc.Plan())) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("Row name")
			name.TextStyle.Bold = true
			name.Truncation = fyne.TextTruncateEllipsis
			figures := widget.NewLabel(spec.sample)
			figures.SizeName = theme.SizeNameCaptionText
			figures.Truncation = fyne.TextTruncateEllipsis
			return container.New(&rowLayout{}, name, figures)
		},
		l.updateRow)
	l.list.OnSelected = func(i widget.ListItemID) {
		l.sel = i
		if !l.selecting {
			l.showSelection()
			if l.picked != nil {
				l.picked(i)
			}
		}
	}
	return l
}

// withActions gives the list its buttons: add, duplicate and delete call
// the screen (which calls add, duplicate and remove with its words), the
// arrows move the selected row, as one undo step named moveLabel(d).
func (l *listEditor[T]) withActions(add, duplicate, remove func(), moveLabel func(d int) string) *listActions {
	l.moveLabel = moveLabel
	l.actions = newListActions(add, duplicate, remove, func() { l.move(-1) }, func() { l.move(1) })
	return l.actions
}

// panes makes the screen's body: the list (with its buttons) on the left,
// and on the right the form or, when there is no row, the empty message.
func (l *listEditor[T]) panes(detail, empty fyne.CanvasObject) *container.Split {
	l.detail, l.empty = detail, empty
	var left fyne.CanvasObject = l.list
	if l.actions != nil {
		left = container.NewBorder(nil, l.actions.box, nil, nil, l.list)
	}
	split := container.NewHSplit(left, container.NewStack(detail, empty))
	split.Offset = 0.22
	return split
}

// items is the plan's rows.
func (l *listEditor[T]) items(p *planner.Plan) []T { return *l.spec.rows(p) }

// index returns the index in p of the row with that id, or -1.
func (l *listEditor[T]) index(p *planner.Plan, id string) int {
	return slices.IndexFunc(l.items(p), func(x T) bool { rid, _ := l.spec.key(x); return rid == id })
}

// updateRow shows row i in a list row: its name and figures.
func (l *listEditor[T]) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	p, r := l.env.Doc.Plan(), l.env.Doc.Report()
	rows := l.items(p)
	if i >= len(rows) {
		return
	}
	row := o.(*fyne.Container)
	_, name := l.spec.key(rows[i])
	setText(row.Objects[0].(*widget.Label), name)
	setText(row.Objects[1].(*widget.Label), l.spec.info(p, r, i))
}

// refresh redraws the rows shown, keeps the selection on a row that
// exists (the first when there was none), and shows it.
func (l *listEditor[T]) refresh() {
	n := len(l.items(l.env.Doc.Plan()))
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
	l.showSelection()
}

// selectRow highlights row i (none for -1) without redrawing the form.
func (l *listEditor[T]) selectRow(i int) {
	l.selecting = true
	defer func() { l.selecting = false }()
	if i < 0 {
		l.list.UnselectAll()
		return
	}
	selectListRow(l.list, i)
}

// showSelection enables the buttons for the selection, shows the form or
// the empty message, and has the screen write the selection into its form.
func (l *listEditor[T]) showSelection() {
	n := len(l.items(l.env.Doc.Plan()))
	if l.actions != nil {
		l.actions.update(l.sel, n)
	}
	if l.detail != nil {
		if l.sel >= 0 && l.sel < n {
			l.empty.Hide()
			l.detail.Show()
		} else {
			l.detail.Hide()
			l.empty.Show()
		}
	}
	l.show()
}

// selected returns the selected row, and false when there is none.
func (l *listEditor[T]) selected() (T, bool) {
	rows := l.items(l.env.Doc.Plan())
	if l.sel < 0 || l.sel >= len(rows) {
		var none T
		return none, false
	}
	return rows[l.sel], true
}

// selectedID is the selected row's id, "" for none.
func (l *listEditor[T]) selectedID() string {
	x, ok := l.selected()
	if !ok {
		return ""
	}
	id, _ := l.spec.key(x)
	return id
}

// named is the template data of an undo label: the selected row's name.
func (l *listEditor[T]) named() map[string]any {
	name := ""
	if x, ok := l.selected(); ok {
		_, name = l.spec.key(x)
	}
	return map[string]any{"Name": name}
}

// edit changes the selected row as one undo step. The row is found by id
// in the plan being edited, so the change lands on the right one.
func (l *listEditor[T]) edit(label string, change func(x *T)) error {
	id := l.selectedID()
	if id == "" {
		return nil
	}
	return l.env.Edit(label, func(p *planner.Plan) {
		if i := l.index(p, id); i >= 0 {
			change(&(*l.spec.rows(p))[i])
		}
	})
}

// add puts a new row in the plan as one undo step named label, and selects
// it. create appends it (with whatever else it needs) under the first free
// id of base, base-2, base-3…
func (l *listEditor[T]) add(label, base string, create func(p *planner.Plan, id string)) {
	p := l.env.Doc.Plan()
	id := uniqueID(base, func(id string) bool { return l.index(p, id) >= 0 })
	err := l.env.Edit(label, func(p *planner.Plan) { create(p, id) })
	l.afterStructuralEdit(err, len(l.items(p)))
}

// duplicate inserts a copy of the selected row after it as one undo step
// named label, and selects the copy. insert puts the copy of row i in the
// plan at i+1 with the id and name given ("road-shoe-copy", "Road shoe
// (copy)"), with whatever else it carries.
func (l *listEditor[T]) duplicate(label string, insert func(p *planner.Plan, i int, id, name string)) {
	p := l.env.Doc.Plan()
	src, ok := l.selected()
	if !ok {
		return
	}
	i := l.sel
	srcID, srcName := l.spec.key(src)
	id := uniqueID(srcID+"-copy", func(id string) bool { return l.index(p, id) >= 0 })
	name := lang.L("{{.Name}} (copy)", map[string]any{"Name": srcName})
	err := l.env.Edit(label, func(p *planner.Plan) { insert(p, i, id, name) })
	l.afterStructuralEdit(err, i+1)
}

// insertAfter puts x into s after index i.
func insertAfter[T any](s *[]T, i int, x T) { *s = slices.Insert(*s, i+1, x) }

// remove asks question (title, message) and, if the person agrees, deletes
// the selected row as one undo step named label; the row after it (or the
// new last one) is selected. drop deletes the row with that id and carries
// the consequences; nil only takes the row out.
func (l *listEditor[T]) remove(title, message, label string, drop func(p *planner.Plan, id string)) {
	p := l.env.Doc.Plan()
	id := l.selectedID()
	if id == "" {
		return
	}
	i, n := l.sel, len(l.items(p))
	if drop == nil {
		drop = func(p *planner.Plan, id string) {
			if k := l.index(p, id); k >= 0 {
				*l.spec.rows(p) = slices.Delete(*l.spec.rows(p), k, k+1)
			}
		}
	}
	l.env.Confirm(title, message, lang.L("Delete"), func() {
		err := l.env.Edit(label, func(p *planner.Plan) { drop(p, id) })
		l.afterStructuralEdit(err, min(i, n-2))
	})
}

// upOrDown is up when d moves a row up (d < 0), else down: the undo label
// of a move.
func upOrDown(d int, up, down string) string {
	if d < 0 {
		return up
	}
	return down
}

// move moves the selected row up (-1) or down (+1) as one undo step.
func (l *listEditor[T]) move(d int) {
	i := l.sel
	if i < 0 || i+d < 0 || i+d >= len(l.items(l.env.Doc.Plan())) {
		return
	}
	err := l.env.Edit(l.moveLabel(d), func(p *planner.Plan) { move(*l.spec.rows(p), i, d) })
	l.afterStructuralEdit(err, i+d)
}

// afterStructuralEdit selects row sel after an add, duplicate, delete or
// move, scrolled into view, or explains why the plan refused the change.
func (l *listEditor[T]) afterStructuralEdit(err error, sel int) {
	if err != nil {
		l.env.ShowError(err)
		return
	}
	l.sel = sel
	l.selectRow(sel)
	if sel >= 0 {
		l.list.ScrollTo(sel)
	}
	l.showSelection()
	if sel >= 0 && l.picked != nil {
		l.picked(sel)
	}
}

// editor is the list editor of the screen that embeds it.
func (l *listEditor[T]) editor() *listEditor[T] { return l }

// carryFrom selects, in a screen built again in another language, the row
// the screen it replaces had selected (see carrier).
func (l *listEditor[T]) carryFrom(old Screen) {
	if o, ok := old.(interface{ editor() *listEditor[T] }); ok {
		l.sel = o.editor().sel
	}
}

// rowLayout stacks a list row's two labels tightly.
type rowLayout struct{}

func (rowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h0 := objs[0].MinSize().Height
	objs[0].Move(fyne.NewPos(0, -4))
	objs[0].Resize(fyne.NewSize(size.Width, h0))
	objs[1].Move(fyne.NewPos(0, h0-14))
	objs[1].Resize(fyne.NewSize(size.Width, objs[1].MinSize().Height))
}

func (rowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(fyne.Max(a.Width, b.Width), a.Height+b.Height-18)
}
