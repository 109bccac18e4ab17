package charts

import (
	"math"
	"slices"

	"fyne.io/fyne/v2"

	"mixplan/app/ui/internal/textfit"
)

// HeatPanel is one grid of a heat map: a title ("Today", "Proposed") and a
// value per row and column, Values[row][col].
type HeatPanel struct {
	Title  string
	Values [][]float64
}

func (p HeatPanel) equal(o HeatPanel) bool {
	return p.Title == o.Title && slices.EqualFunc(p.Values, o.Values, func(a, b []float64) bool { return slices.Equal(a, b) })
}

// at is the panel's value at (row, col), 0 where it has none.
func (p HeatPanel) at(row, col int) float64 {
	if row < len(p.Values) && col < len(p.Values[row]) {
		return p.Values[row][col]
	}
	return 0
}

// HeatMap shows grids of rows × columns (channels × months) side by side,
// each cell shaded by its value on one scale shared by every grid, so the
// spend of a channel in a month reads the same in today's calendar and in
// the proposed one. Hovering a cell outlines it in every grid and shows
// every grid's value for it.
type HeatMap struct {
	chart
	rows, cols []string
	panels     []HeatPanel
	format     Format
	scaleName  string
}

// NewHeatMap returns an empty heat map.
func NewHeatMap() *HeatMap {
	h := &HeatMap{}
	h.init(h)
	h.ExtendBaseWidget(h)
	return h
}

// heatRowHeight is the least height of a row, which sets the map's least
// height: a plan with many channels grows it, and a scroll shows it.
const heatRowHeight = 14

// SetData shows the panels over rows (named on the left) and columns
// (periods, named under each grid); scaleName names the colour scale
// ("Spend per month"). Nothing is redrawn when nothing changed.
func (h *HeatMap) SetData(rows, cols []string, panels []HeatPanel, scaleName string, f Format) {
	if slices.Equal(rows, h.rows) && slices.Equal(cols, h.cols) && slices.EqualFunc(panels, h.panels, HeatPanel.equal) &&
		scaleName == h.scaleName && f == h.format {
		return
	}
	h.rows, h.cols, h.format, h.scaleName = slices.Clone(rows), slices.Clone(cols), f, scaleName
	h.panels = make([]HeatPanel, len(panels))
	for i, p := range panels {
		h.panels[i] = HeatPanel{Title: p.Title, Values: make([][]float64, len(p.Values))}
		for r, v := range p.Values {
			h.panels[i].Values[r] = slices.Clone(v)
		}
	}
	h.minSize = fyne.NewSize(h.minSize.Width, fyne.Max(200, float32(len(rows))*heatRowHeight+90))
	h.hover = -1
	h.Refresh()
}

// Max is the largest value of every panel: the top of the colour scale.
func (h *HeatMap) Max() float64 {
	hi := 0.0
	for _, p := range h.panels {
		_, top := Extent(p.Values...)
		hi = math.Max(hi, top)
	}
	return hi
}

// Shade is how strongly a value is coloured on a scale up to hi: 0 for
// nothing, then from a light 0.2 (so a small spend still shows) to 1 at hi.
func Shade(v, hi float64) float64 {
	if !(v > 0) || !(hi > 0) {
		return 0
	}
	return 0.2 + 0.8*math.Min(1, v/hi)
}

// heatLayout is where a heat map draws: the row labels' width, each
// panel's grid, and the colour scale's row at the bottom.
type heatLayout struct {
	labelW float32
	grids  []Box
	scaleY float32
}

func (h *HeatMap) layout(c *ctx) heatLayout {
	lh := c.lineHeight()
	widest := float32(0)
	for _, r := range h.rows {
		widest = fyne.Max(widest, fyne.MeasureText(r, c.small, fyne.TextStyle{}).Width)
	}
	l := heatLayout{labelW: fyne.Min(widest, c.size.Width*0.25) + 8}
	const gap = 14
	n := max(1, len(h.panels))
	top := lh + 8
	bottom := 2*lh + 16 // month names, then the scale
	w := (c.size.Width - l.labelW - gap*float32(n-1)) / float32(n)
	for i := 0; i < n; i++ {
		l.grids = append(l.grids, Box{X: l.labelW + float32(i)*(w+gap), Y: top, W: w, H: c.size.Height - top - bottom})
	}
	l.scaleY = c.size.Height - lh - 4
	return l
}

// cell is the box of (row, col) in a grid.
func (h *HeatMap) cell(grid Box, row, col int) Box {
	x, w := Slot(grid, col, len(h.cols))
	rh := grid.H / float32(max(1, len(h.rows)))
	return Box{X: x, Y: grid.Y + float32(row)*rh, W: w, H: rh}
}

func (h *HeatMap) paint(d *drawing, c *ctx) {
	if len(h.rows) == 0 || len(h.cols) == 0 || len(h.panels) == 0 {
		return
	}
	l := h.layout(c)
	hi := h.Max()
	hr, hc := -1, -1
	if c.hover >= 0 {
		hr, hc = c.hover/len(h.cols), c.hover%len(h.cols)
	}
	for i, p := range h.panels {
		g := l.grids[i]
		d.text(textfit.Fit(p.Title, g.W, c.small, fyne.TextStyle{Bold: true}), g.X+g.W/2, 0, fyne.TextAlignCenter, c.small, c.fg, true)
		for r := range h.rows {
			for col := range h.cols {
				b := h.cell(g, r, col)
				inner := Box{b.X + 0.5, b.Y + 0.5, fyne.Max(1, b.W-1), fyne.Max(1, b.H-1)}
				fill := withAlpha(c.fg, 0.06) // nothing spent: barely there, paler than any spend
				if s := Shade(p.at(r, col), hi); s > 0 {
					fill = withAlpha(c.primary, s)
				}
				d.rect(inner, fill)
			}
		}
		c.categoryLabels(d, h.cols, g, g.Y+g.H+4, true)
		if hr >= 0 && hr < len(h.rows) {
			b := h.cell(g, hr, hc)
			d.overlayRect(Box{b.X - 1, b.Y - 1, b.W + 2, b.H + 2}, nil, c.fg)
		}
	}
	lh := c.lineHeight()
	rh := l.grids[0].H / float32(len(h.rows))
	if rh >= lh*0.8 { // room to name every row; otherwise the hover box names it
		for r, name := range h.rows {
			y := l.grids[0].Y + (float32(r)+0.5)*rh - lh/2
			d.text(textfit.Fit(name, l.labelW-8, c.small, fyne.TextStyle{}), l.labelW-8, y, fyne.TextAlignTrailing, c.small, c.fg, false)
		}
	}
	h.paintScale(d, c, l, hi)
	if hr >= 0 && hr < len(h.rows) {
		lines := []string{h.rows[hr] + " · " + h.cols[hc]}
		for _, p := range h.panels {
			lines = append(lines, p.Title+": "+h.format.Full(p.at(hr, hc)))
		}
		c.tooltip(d, lines)
	}
}

// paintScale draws the colour scale under the grids: its name, 0, a ramp
// of shades and the largest value.
func (h *HeatMap) paintScale(d *drawing, c *ctx, l heatLayout, hi float64) {
	y, lh := l.scaleY, c.lineHeight()
	x := l.grids[0].X
	name := d.text(h.scaleName, x, y, fyne.TextAlignLeading, c.small, c.muted, false)
	x += name.MinSize().Width + 8
	zero := d.text(h.format.Full(0), x, y, fyne.TextAlignLeading, c.small, c.muted, false)
	x += zero.MinSize().Width + 4
	const steps, sw = 8, 14
	for i := 0; i < steps; i++ {
		v := hi * float64(i+1) / steps
		d.rect(Box{x + float32(i)*sw, y + lh*0.15, sw - 1, lh * 0.7}, withAlpha(c.primary, Shade(v, hi)))
	}
	d.text(h.format.Full(hi), x+steps*sw+4, y, fyne.TextAlignLeading, c.small, c.muted, false)
}

func (h *HeatMap) hoverAt(p fyne.Position, size fyne.Size) int {
	if len(h.rows) == 0 || len(h.cols) == 0 || len(h.panels) == 0 {
		return -1
	}
	l := h.layout(newCtx(&h.chart, size))
	for _, g := range l.grids {
		if !g.Contains(p) || g.H <= 0 {
			continue
		}
		col := SlotAt(p.X, g, len(h.cols))
		row := min(len(h.rows)-1, int((p.Y-g.Y)/(g.H/float32(len(h.rows)))))
		if col >= 0 && row >= 0 {
			return row*len(h.cols) + col
		}
	}
	return -1
}
