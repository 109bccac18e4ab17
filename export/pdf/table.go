package pdf

// Tables: columns of fixed or shared widths, names that wrap, rows that
// never split, and a page break that repeats the header.

// column is one column of a table.
type column struct {
	title string
	w     float64 // width in mm; columns with 0 share what the others leave
	align int
}

// row is one row of a table.
type row struct {
	cells []string
	ink   []rgb // per-cell text colour; nil or a zero colour: the default
	total bool  // bold, with a rule above: a totals row
	// draw paints a cell itself (a bar in a cell); it returns false to fall
	// back to the cell's text.
	draw func(d *doc, col int, x, y, w, h float64) bool
}

// table is ready to draw.
type table struct {
	cols    []column
	rows    []row
	pt      float64 // font size; ptTable when 0
	shade   int     // index+1 of a column to shade, 0 for none
	maxWrap int     // lines a cell may wrap to; 3 when 0
	// more starts a continuation page and returns where the table resumes.
	more func() float64
}

const (
	cellPadX = 1.6
	cellPadY = 1.15
)

// widths resolves the shared column widths against the content box.
func (t *table) widths(total float64) []float64 {
	ws := make([]float64, len(t.cols))
	fixed, shared := 0.0, 0
	for i, c := range t.cols {
		ws[i] = c.w
		fixed += c.w
		if c.w == 0 {
			shared++
		}
	}
	if shared > 0 {
		each := (total - fixed) / float64(shared)
		for i := range ws {
			if ws[i] == 0 {
				ws[i] = each
			}
		}
	}
	return ws
}

// draw lays the table out across the content box from top y and returns
// the y below it.
func (t *table) draw(d *doc, y float64) float64 { return t.drawAt(d, d.left, y, d.width()) }

// drawAt lays the table out in the band from x0, w wide (half a page beside
// a chart), from top y, and returns the y below it.
func (t *table) drawAt(d *doc, x0, y, w float64) float64 {
	pt := t.pt
	if pt == 0 {
		pt = ptTable
	}
	maxWrap := t.maxWrap
	if maxWrap == 0 {
		maxWrap = 3
	}
	ws := t.widths(w)
	header := func(y float64) float64 {
		d.font("B", pt)
		lines := make([][]string, len(t.cols))
		n := 1
		for i, c := range t.cols {
			lines[i] = d.wrap(c.title, ws[i]-2*cellPadX, 3)
			n = max(n, len(lines[i]))
		}
		h := float64(n)*d.lineH() + 2*cellPadY
		d.ink(colMuted)
		x := x0
		for i, c := range t.cols {
			if t.shade == i+1 {
				d.fillRect(x, y, ws[i], h, colPanel)
			}
			// Titles sit on the bottom of the header, next to the figures.
			top := y + h - cellPadY - float64(len(lines[i]))*d.lineH()
			for j, l := range lines[i] {
				d.text(x+cellPadX, top+float64(j)*d.lineH(), ws[i]-2*cellPadX, l, c.align)
			}
			x += ws[i]
		}
		d.line(x0, y+h, x0+w, y+h, 0.45, colNavy)
		return y + h
	}
	y = header(y)
	for ri, r := range t.rows {
		style := ""
		if r.total {
			style = "B"
		}
		d.font(style, pt)
		lines := make([][]string, len(t.cols))
		n := 1
		for i := range t.cols {
			if i < len(r.cells) {
				lines[i] = d.wrap(r.cells[i], ws[i]-2*cellPadX, maxWrap)
				n = max(n, len(lines[i]))
			}
		}
		h := float64(n)*d.lineH() + 2*cellPadY
		if y+h > d.bottom && t.more != nil {
			y = header(t.more())
			d.font(style, pt)
		}
		x := x0
		if ri%2 == 1 && !r.total {
			d.fillRect(x0, y, w, h, colZebra)
		}
		if r.total {
			d.line(x0, y, x0+w, y, 0.35, colNavy)
		}
		for i, c := range t.cols {
			if t.shade == i+1 {
				d.fillRect(x, y, ws[i], h, shade(colAccent, 0.9))
			}
			if r.draw != nil && r.draw(d, i, x, y, ws[i], h) {
				x += ws[i]
				continue
			}
			ink := colInk
			if i < len(r.ink) && r.ink[i] != (rgb{}) {
				ink = r.ink[i]
			}
			d.ink(ink)
			for j, l := range lines[i] {
				d.text(x+cellPadX, y+cellPadY+float64(j)*d.lineH(), ws[i]-2*cellPadX, l, c.align)
			}
			x += ws[i]
		}
		y += h
	}
	d.line(x0, y, x0+w, y, 0.3, colRule)
	return y
}

// tone colours a signed figure: red below zero, the default otherwise.
func tone(x float64) rgb {
	if x < 0 {
		return colBad
	}
	return rgb{}
}
