package app

import (
	"slices"

	"fyne.io/fyne/v2"
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
