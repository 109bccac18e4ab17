package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// responsiveGrid lays its objects out in as many columns as fit the
// width, rows as tall as their tallest object, so tiles and charts fill a
// wide window and wrap in a narrow one. Columns are at least minWidth and
// as wide as their objects need; the width left over is shared equally.
type responsiveGrid struct {
	minWidth float32
	// uneven lets each column be as wide as its own objects need, so a wide
	// form and a narrow chart can sit side by side; otherwise every column
	// is as wide as the widest object needs, and tiles line up.
	uneven bool
	width  float32 // the width last laid out, which MinSize's height is for
}

// newResponsiveGrid lays out objects of a kind (tiles, charts) in equal columns.
func newResponsiveGrid(minWidth float32, objects ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &responsiveGrid{minWidth: minWidth}, Objects: objects}
}

// newSideBySide puts objects of different widths (a form, its results)
// side by side when they fit, one under the other when not.
func newSideBySide(minWidth float32, objects ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &responsiveGrid{minWidth: minWidth, uneven: true}, Objects: objects}
}

// columnWidths returns the widths of the most columns that fit width.
func (g *responsiveGrid) columnWidths(objs []fyne.CanvasObject, width float32) []float32 {
	pad := theme.Padding()
	for cols := len(objs); cols >= 1; cols-- {
		widths := make([]float32, cols)
		for i, o := range objs {
			widths[i%cols] = fyne.Max(widths[i%cols], fyne.Max(g.minWidth, o.MinSize().Width))
		}
		if !g.uneven {
			widest := slices.Max(widths)
			for i := range widths {
				widths[i] = widest
			}
		}
		total := pad * float32(cols-1)
		for _, w := range widths {
			total += w
		}
		if total <= width || cols == 1 {
			extra := fyne.Max(0, width-total) / float32(cols)
			for i := range widths {
				widths[i] += extra
			}
			return widths
		}
	}
	return nil
}

// rows calls f with each row's objects and height, at width.
func (g *responsiveGrid) rows(objs []fyne.CanvasObject, width float32, f func(row []fyne.CanvasObject, h float32)) {
	cols := max(1, len(g.columnWidths(objs, width)))
	for start := 0; start < len(objs); start += cols {
		row := objs[start:min(start+cols, len(objs))]
		h := float32(0)
		for _, o := range row {
			if o.Visible() {
				h = fyne.Max(h, o.MinSize().Height)
			}
		}
		f(row, h)
	}
}

func (g *responsiveGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	g.width = size.Width
	widths := g.columnWidths(objs, size.Width)
	pad := theme.Padding()
	// Give each object its column's width first: text that wraps only
	// knows its height once it knows its width.
	for i, o := range objs {
		o.Resize(fyne.NewSize(widths[i%len(widths)], o.MinSize().Height))
	}
	y := float32(0)
	g.rows(objs, size.Width, func(row []fyne.CanvasObject, h float32) {
		x := float32(0)
		for c, o := range row {
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(widths[c], h))
			x += widths[c] + pad
		}
		y += h + pad
	})
}

// MinSize is one column wide and as tall as the rows are at the width
// last laid out (one column before the first layout).
func (g *responsiveGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := g.minWidth
	for _, o := range objs {
		w = fyne.Max(w, o.MinSize().Width)
	}
	h, pad := float32(0), theme.Padding()
	g.rows(objs, g.width, func(_ []fyne.CanvasObject, rh float32) { h += rh + pad })
	return fyne.NewSize(w, fyne.Max(0, h-pad))
}

// newPage is a screen's scrolled column of forms and results: objects one
// under the other at the page's width, with a padding around. Text that
// wraps (help under a form's fields) learns its width before the page
// measures how tall it is, so nothing is drawn over its last lines.
func newPage(objects ...fyne.CanvasObject) *container.Scroll {
	page := &fyne.Container{Objects: objects}
	page.Layout = &reflowColumn{box: page}
	return container.NewVScroll(page)
}

// reflowColumn stacks objects at the width given, each as tall as it needs
// at that width, inside a padding. It lays them out twice: once to tell
// them their width (a wrapped label is one line tall until it knows it),
// then at the heights they need. When they need more height than given,
// it grows its container, the content of a scroll, which then scrolls
// further; otherwise what follows wrapped text would be drawn over it
// until something laid the window out again.
type reflowColumn struct {
	box *fyne.Container
}

func (c *reflowColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	width := fyne.Max(0, size.Width-2*pad)
	for _, o := range objs {
		if o.Visible() {
			o.Resize(fyne.NewSize(width, o.MinSize().Height))
		}
	}
	y := pad
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(pad, y))
		o.Resize(fyne.NewSize(width, h))
		y += h + pad
	}
	if need := fyne.NewSize(size.Width, y); need.Height > size.Height+0.5 {
		c.box.Resize(need) // lays the column out again, taller
	}
}

// MinSize is as wide as the widest object and as tall as the objects need
// at the width last laid out.
func (c *reflowColumn) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	w, h := float32(0), pad
	for _, o := range objs {
		if o.Visible() {
			m := o.MinSize()
			w, h = fyne.Max(w, m.Width), h+m.Height+pad
		}
	}
	return fyne.NewSize(w+2*pad, h)
}
