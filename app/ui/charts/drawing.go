package charts

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// drawing hands out canvas objects for one paint of a chart and keeps them
// for the next: a repaint reuses the rectangles, lines and texts of the last
// one and hides the ones it no longer needs, so hovering or resizing a chart
// allocates nothing once it has been drawn. Rectangles are drawn first, then
// lines, then texts, then the overlay (the hover box), whatever the order of
// the calls.
type drawing struct {
	rects, overlay []*canvas.Rectangle
	lines          []*canvas.Line
	texts, labels  []*canvas.Text
	nr, nl, nt     int
	no, nlab       int
	objects        []fyne.CanvasObject
	// dirty lists the objects this paint changed; only they are refreshed.
	dirty []fyne.CanvasObject
}

func (d *drawing) begin() { d.nr, d.nl, d.nt, d.no, d.nlab, d.dirty = 0, 0, 0, 0, 0, d.dirty[:0] }

// rect draws a filled box.
func (d *drawing) rect(b Box, fill color.Color) *canvas.Rectangle {
	if d.nr == len(d.rects) {
		d.rects = append(d.rects, canvas.NewRectangle(nil))
	}
	r := d.rects[d.nr]
	d.nr++
	d.place(r, b, fill, nil)
	return r
}

// overlayRect draws a box above everything else (the hover box).
func (d *drawing) overlayRect(b Box, fill, stroke color.Color) {
	if d.no == len(d.overlay) {
		d.overlay = append(d.overlay, canvas.NewRectangle(nil))
	}
	r := d.overlay[d.no]
	d.no++
	d.place(r, b, fill, stroke)
}

func (d *drawing) place(r *canvas.Rectangle, b Box, fill, stroke color.Color) {
	var width, radius float32
	if stroke != nil {
		width, radius = 1, 4
	}
	pos, size := fyne.NewPos(b.X, b.Y), fyne.NewSize(b.W, b.H)
	if r.FillColor != fill || r.StrokeColor != stroke || r.StrokeWidth != width || r.Hidden ||
		r.Position() != pos || r.Size() != size {
		r.FillColor, r.StrokeColor, r.StrokeWidth, r.CornerRadius = fill, stroke, width, radius
		r.Move(pos)
		r.Resize(size)
		r.Show()
		d.dirty = append(d.dirty, r)
	}
}

// line draws a segment.
func (d *drawing) line(a, b fyne.Position, stroke color.Color, width float32) {
	if d.nl == len(d.lines) {
		d.lines = append(d.lines, canvas.NewLine(nil))
	}
	l := d.lines[d.nl]
	d.nl++
	if l.StrokeColor != stroke || l.StrokeWidth != width || l.Position1 != a || l.Position2 != b || l.Hidden {
		l.StrokeColor, l.StrokeWidth = stroke, width
		l.Position1, l.Position2 = a, b
		l.Show()
		d.dirty = append(d.dirty, l)
	}
}

// polyline draws connected segments.
func (d *drawing) polyline(pts []fyne.Position, stroke color.Color, width float32) {
	for i := 1; i < len(pts); i++ {
		d.line(pts[i-1], pts[i], stroke, width)
	}
}

// text draws a label whose anchor is at (x, y): align says whether x is the
// left edge, the centre or the right edge; y is the top.
func (d *drawing) text(s string, x, y float32, align fyne.TextAlign, size float32, fill color.Color, bold bool) *canvas.Text {
	return d.textInto(&d.texts, &d.nt, s, x, y, align, size, fill, bold)
}

// overlayText draws text above the overlay boxes.
func (d *drawing) overlayText(s string, x, y float32, size float32, fill color.Color, bold bool) {
	d.textInto(&d.labels, &d.nlab, s, x, y, fyne.TextAlignLeading, size, fill, bold)
}

func (d *drawing) textInto(pool *[]*canvas.Text, n *int, s string, x, y float32, align fyne.TextAlign, size float32, fill color.Color, bold bool) *canvas.Text {
	if *n == len(*pool) {
		*pool = append(*pool, canvas.NewText("", nil))
	}
	t := (*pool)[*n]
	*n++
	changed := t.Text != s || t.TextSize != size || t.Color != fill || t.TextStyle.Bold != bold || t.Hidden
	t.Text, t.TextSize, t.Color = s, size, fill
	t.TextStyle = fyne.TextStyle{Bold: bold}
	w := t.MinSize()
	switch align {
	case fyne.TextAlignCenter:
		x -= w.Width / 2
	case fyne.TextAlignTrailing:
		x -= w.Width
	}
	if pos := fyne.NewPos(x, y); changed || t.Position() != pos || t.Size() != w {
		t.Move(pos)
		t.Resize(w)
		t.Show()
		d.dirty = append(d.dirty, t)
	}
	return t
}

// end hides what this paint did not use and lists the objects in drawing order.
func (d *drawing) end() {
	hide := func(o fyne.CanvasObject) {
		if o.Visible() {
			o.Hide()
			d.dirty = append(d.dirty, o)
		}
	}
	for _, r := range d.rects[d.nr:] {
		hide(r)
	}
	for _, l := range d.lines[d.nl:] {
		hide(l)
	}
	for _, t := range d.texts[d.nt:] {
		hide(t)
	}
	for _, r := range d.overlay[d.no:] {
		hide(r)
	}
	for _, t := range d.labels[d.nlab:] {
		hide(t)
	}
	n := len(d.rects) + len(d.lines) + len(d.texts) + len(d.overlay) + len(d.labels)
	if n == len(d.objects) {
		return
	}
	d.objects = d.objects[:0]
	for _, r := range d.rects {
		d.objects = append(d.objects, r)
	}
	for _, l := range d.lines {
		d.objects = append(d.objects, l)
	}
	for _, t := range d.texts {
		d.objects = append(d.objects, t)
	}
	for _, r := range d.overlay {
		d.objects = append(d.objects, r)
	}
	for _, t := range d.labels {
		d.objects = append(d.objects, t)
	}
}

// visibleTexts returns the texts drawn by the last paint, for tests.
func (d *drawing) visibleTexts() []string {
	var out []string
	for _, t := range d.texts[:d.nt] {
		out = append(out, t.Text)
	}
	for _, t := range d.labels[:d.nlab] {
		out = append(out, t.Text)
	}
	return out
}
