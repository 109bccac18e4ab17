package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// responsiveGrid lays its objects out in as many equal columns as fit
// cells at least minWidth wide, rows as tall as their tallest object, so
// tiles and charts fill a wide window and wrap in a narrow one.
type responsiveGrid struct {
	minWidth float32
	width    float32 // the width last laid out, which MinSize's height is for
}

func newResponsiveGrid(minWidth float32, objects ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &responsiveGrid{minWidth: minWidth}, Objects: objects}
}

func (g *responsiveGrid) columns(width float32, n int) int {
	pad := theme.Padding()
	cols := int((width + pad) / (g.minWidth + pad))
	return max(1, min(cols, n))
}

// rows calls f with each row's objects and height, at width.
func (g *responsiveGrid) rows(objs []fyne.CanvasObject, width float32, f func(row []fyne.CanvasObject, h float32)) {
	cols := g.columns(width, len(objs))
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
	cols := g.columns(size.Width, len(objs))
	pad := theme.Padding()
	cw := (size.Width - pad*float32(cols-1)) / float32(cols)
	y := float32(0)
	g.rows(objs, size.Width, func(row []fyne.CanvasObject, h float32) {
		for c, o := range row {
			o.Move(fyne.NewPos(float32(c)*(cw+pad), y))
			o.Resize(fyne.NewSize(cw, h))
		}
		y += h + pad
	})
}

// MinSize is one cell wide and as tall as the rows are at the width last
// laid out (one column before the first layout).
func (g *responsiveGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := g.minWidth
	for _, o := range objs {
		w = fyne.Max(w, o.MinSize().Width)
	}
	h, pad := float32(0), theme.Padding()
	g.rows(objs, g.width, func(_ []fyne.CanvasObject, rh float32) { h += rh + pad })
	return fyne.NewSize(w, fyne.Max(0, h-pad))
}
