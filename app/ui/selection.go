package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/internal/textfit"
)

// Selecting a list's row or a table's cell from code, and the reused cells
// of the grids.
//
// Fyne 2.7 scrolls a list or a table to the row or cell selected. Before
// the widget has its size (a screen shown for the first time selects its
// first row) that scrolls the first rows out of sight, and a table with
// headers also scrolls by the headers' size too far. Every list and table
// the window selects in goes through selectListRow or gridSelection, which
// scroll again where they should.
//
// The Place screen's share grid, the Calendar's weight grids and the
// Optimise screen's channels are virtual widget.Tables with one selected
// cell (or row) that a form or a chart beside them shows.

// selectListRow selects row i of list. Before the list has a size, Fyne
// 2.7 scrolls the row into a view of no height, which puts it (and every
// row above it) out of sight once the list is laid out; the list is then
// scrolled to put the row at the top instead.
func selectListRow(list *widget.List, i int) {
	list.Select(i)
	if list.Size().Height > 0 {
		return
	}
	row := list.CreateItem().MinSize().Height + theme.Padding()
	if i == 0 {
		list.ScrollToTop()
	} else {
		list.ScrollToOffset(float32(i) * row)
	}
}

// gridSelection is a grid's table and its selected cell. A grid embeds it,
// creates the table, calls initSelection, and in the table's OnSelected
// sets cell and redraws its form unless selecting is set (the grid is
// selecting a cell itself, from Refresh).
type gridSelection struct {
	table       *widget.Table
	cell        widget.TableCellID // selected cell; Row -1 for none
	selecting   bool
	colWidth    func(col int) float32
	headerWidth float32
}

// initSelection starts with no cell selected and sizes the header column.
func (s *gridSelection) initSelection(colWidth func(int) float32, headerWidth float32) {
	s.cell = widget.TableCellID{Row: -1, Col: -1}
	s.colWidth, s.headerWidth = colWidth, headerWidth
	s.table.SetColumnWidth(-1, headerWidth)
}

// mark makes id the selected cell (none for id.Row < 0) and highlights it,
// without the form redrawing.
func (s *gridSelection) mark(id widget.TableCellID) {
	s.cell = id
	s.selecting = true
	defer func() { s.selecting = false }()
	if id.Row < 0 {
		s.table.UnselectAll()
		return
	}
	s.table.Select(id)
}

// keep keeps a cell selected in a grid of rows × cols after a change (see
// keptCell), and scrolls to it when it is another one: a selected cell
// shows what the form under the grid is for.
func (s *gridSelection) keep(rows, cols int) {
	want := keptCell(s.cell, rows, cols)
	changed := want != s.cell
	s.mark(want)
	if changed && want.Row >= 0 {
		s.reveal(want.Row, want.Col)
	}
}

// keptCell is the cell a grid of rows × cols keeps selected after a
// change: the one selected if it is still there, else the nearest, the
// first when none was, none ({-1, -1}) when the grid is empty.
func keptCell(cell widget.TableCellID, rows, cols int) widget.TableCellID {
	switch {
	case rows == 0 || cols == 0:
		return widget.TableCellID{Row: -1, Col: -1}
	case cell.Row < 0:
		return widget.TableCellID{Row: 0, Col: 0}
	}
	return widget.TableCellID{Row: min(cell.Row, rows-1), Col: min(max(cell.Col, 0), cols-1)}
}

// reveal scrolls the table so that cell (row, col) is in its top left
// corner, or as near as the table's size allows. Selecting a cell of a
// table with headers scrolls by the header's size too far in Fyne 2.7, and
// before the table is laid out to an offset that hides every cell; so the
// grids scroll again with this after selecting a cell themselves.
func (s *gridSelection) reveal(row, col int) {
	t := s.table
	rows, cols := t.Length()
	pad := theme.Padding()
	header := t.CreateHeader().MinSize()
	rowHeight := t.CreateCell().MinSize().Max(header).Height
	x, width := float32(0), float32(0)
	for k := 0; k < cols; k++ {
		if k < col {
			x += s.colWidth(k) + pad
		}
		width += s.colWidth(k) + pad
	}
	y := float32(row) * (rowHeight + pad)
	height := float32(rows) * (rowHeight + pad)
	view := t.Size().Subtract(fyne.NewSize(s.headerWidth, header.Height))
	if view.Width <= 0 || view.Height <= 0 { // not laid out yet: start at the top left
		x, y = 0, 0
	}
	x = max(0, min(x, width-view.Width))
	y = max(0, min(y, height-view.Height))
	t.ScrollToOffset(fyne.NewPos(x, y))
}

// setCellLabel writes a reused table label, every property of it, and only
// redraws it when something changed. Names are shortened here with "…" to
// fit width rather than by the label's truncation, which the table would
// redo (shaping the text again) on every redraw of every header.
func setCellLabel(l *widget.Label, text string, width float32, align fyne.TextAlign, imp widget.Importance) {
	size := theme.TextSize()
	if l.SizeName != "" {
		size = theme.Size(l.SizeName)
	}
	text = textfit.Fit(text, width-2*theme.InnerPadding(), size, l.TextStyle)
	if l.Text == text && l.Alignment == align && l.Importance == imp {
		return
	}
	l.Text, l.Alignment, l.Importance = text, align, imp
	l.Refresh()
}
