package charts

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/internal/textfit"
	"mixplan/planner/numfmt"
)

// Format says how a chart writes its values: amounts in a currency, or plain
// counts when Currency is "". Axis labels are compact ("€1.2M"), hover boxes
// exact ("€1,234,567").
type Format struct {
	Currency string
	Locale   numfmt.Locale
}

// Short writes x compactly, for axes and bar labels.
func (f Format) Short(x float64) string { return numfmt.Short(x, f.Currency, f.Locale) }

// axis returns the labeller of an axis with these ticks: every label in
// the unit of the largest ("€0, €5k, €10k, €15k, €20k").
func (f Format) axis(ticks []float64) func(float64) string {
	ref := 0.0
	for _, t := range ticks {
		ref = math.Max(ref, math.Abs(t))
	}
	return func(x float64) string { return numfmt.ShortAs(x, ref, f.Currency, f.Locale) }
}

// Full writes x in full, for hover boxes and legends.
func (f Format) Full(x float64) string {
	if f.Currency == "" {
		return numfmt.Number(x, f.Locale, 0)
	}
	return numfmt.Money(x, f.Currency, f.Locale, 0)
}

// painter is what each chart type adds to the shared chart widget.
type painter interface {
	// paint draws the chart for the context's size and hover state.
	paint(d *drawing, c *ctx)
	// hoverAt returns the item under p at size, or -1.
	hoverAt(p fyne.Position, size fyne.Size) int
}

// chart is the widget part every chart shares: the drawing, the hover state
// and the renderer.
type chart struct {
	widget.BaseWidget
	p       painter
	d       drawing
	hover   int
	mouse   fyne.Position
	minSize fyne.Size
}

func (c *chart) init(p painter) {
	c.p, c.hover, c.minSize = p, -1, fyne.NewSize(280, 200)
}

// Hovered returns the index of the item under the pointer, or -1.
func (c *chart) Hovered() int { return c.hover }

// Texts returns every text the chart shows now (labels, legend, hover box), for tests.
func (c *chart) Texts() []string { return c.d.visibleTexts() }

// SetMinSize changes the smallest size the chart asks for.
func (c *chart) SetMinSize(s fyne.Size) { c.minSize = s }

// MouseIn is part of desktop.Hoverable.
func (c *chart) MouseIn(e *desktop.MouseEvent) { c.MouseMoved(e) }

// MouseMoved shows the figures of the item under the pointer.
func (c *chart) MouseMoved(e *desktop.MouseEvent) {
	c.mouse = e.Position
	if h := c.p.hoverAt(e.Position, c.Size()); h != c.hover || h >= 0 {
		c.hover = h
		c.Refresh()
	}
}

// MouseOut hides the hover box.
func (c *chart) MouseOut() {
	if c.hover != -1 {
		c.hover = -1
		c.Refresh()
	}
}

type chartRenderer struct {
	c    *chart
	size fyne.Size
}

func (c *chart) CreateRenderer() fyne.WidgetRenderer { return &chartRenderer{c: c} }

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.c.d.objects }
func (r *chartRenderer) Destroy()                     {}
func (r *chartRenderer) MinSize() fyne.Size           { return r.c.minSize }

func (r *chartRenderer) Layout(size fyne.Size) {
	r.size = size
	r.draw()
}

func (r *chartRenderer) Refresh() { r.draw() }

func (r *chartRenderer) draw() {
	c := r.c
	if r.size.Width <= 0 || r.size.Height <= 0 {
		return
	}
	cx := newCtx(c, r.size)
	c.d.begin()
	c.p.paint(&c.d, cx)
	c.d.end()
	for _, o := range c.d.dirty {
		o.Refresh()
	}
}

// ctx is what a paint needs: the size, the theme's colours and sizes, the
// hover state and the pointer.
type ctx struct {
	size                    fyne.Size
	fg, muted, grid, bg     color.Color
	primary, good, bad, alt color.Color
	hoverBg                 color.Color
	text, small             float32
	hover                   int
	mouse                   fyne.Position
}

func newCtx(c *chart, size fyne.Size) *ctx {
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	return &ctx{
		size: size, hover: c.hover, mouse: c.mouse,
		fg:      th.Color(theme.ColorNameForeground, v),
		muted:   th.Color(theme.ColorNamePlaceHolder, v),
		grid:    th.Color(theme.ColorNameSeparator, v),
		bg:      th.Color(theme.ColorNameBackground, v),
		primary: th.Color(theme.ColorNamePrimary, v),
		good:    th.Color(theme.ColorNameSuccess, v),
		bad:     th.Color(theme.ColorNameError, v),
		alt:     th.Color(theme.ColorNameWarning, v),
		hoverBg: th.Color(theme.ColorNameOverlayBackground, v),
		text:    th.Size(theme.SizeNameText),
		small:   th.Size(theme.SizeNameCaptionText),
	}
}

// lineHeight is the height of a line of small text.
func (c *ctx) lineHeight() float32 {
	return fyne.MeasureText("Ag", c.small, fyne.TextStyle{}).Height
}

// legendItem is one entry of a legend: a colour swatch (or a line) and a label.
type legendItem struct {
	label string
	fill  color.Color
	line  bool
}

// legend draws the items in rows from (x, y), as many in a row as the
// chart's width holds, and returns the rows' height.
func (c *ctx) legend(d *drawing, items []legendItem, x, y float32) float32 {
	h := c.lineHeight()
	sw := h * 0.7
	at, height := c.legendPlaces(items, x, y)
	for i, it := range items {
		p := at[i]
		if it.line {
			d.line(fyne.NewPos(p.X, p.Y+h/2), fyne.NewPos(p.X+sw*1.5, p.Y+h/2), it.fill, 2)
		} else {
			d.rect(Box{p.X, p.Y + (h-sw)/2, sw, sw}, it.fill)
		}
		d.text(it.label, p.X+c.swatchWidth(it)+4, p.Y, fyne.TextAlignLeading, c.small, c.fg, false)
	}
	return height
}

// legendHeight is the height of the legend's rows drawn from x.
func (c *ctx) legendHeight(items []legendItem, x float32) float32 {
	_, h := c.legendPlaces(items, x, 0)
	return h
}

// legendPlaces places each item of a legend drawn from (x, y), starting a
// row again at x when the next item would cross the chart's right edge,
// and returns the rows' height.
func (c *ctx) legendPlaces(items []legendItem, x, y float32) ([]fyne.Position, float32) {
	h := c.lineHeight()
	at := make([]fyne.Position, len(items))
	px, py := x, y
	for i, it := range items {
		w := c.swatchWidth(it) + 4 + fyne.MeasureText(it.label, c.small, fyne.TextStyle{}).Width
		if px > x && px+w > c.size.Width {
			px, py = x, py+h+2
		}
		at[i] = fyne.NewPos(px, py)
		px += w + 14
	}
	return at, py - y + h
}

// swatchWidth is the width of an item's colour swatch (a line is wider).
func (c *ctx) swatchWidth(it legendItem) float32 {
	sw := c.lineHeight() * 0.7
	if it.line {
		return sw * 1.5
	}
	return sw
}

// yAxis draws horizontal gridlines and tick labels on the left (or right) of the plot.
func (c *ctx) yAxis(d *drawing, plot Box, ticks []float64, y Scale, label func(float64) string, right bool) {
	h := c.lineHeight()
	for _, t := range ticks {
		py := y.At(t)
		if !right {
			stroke := c.grid
			if t == 0 {
				stroke = c.muted
			}
			d.line(fyne.NewPos(plot.X, py), fyne.NewPos(plot.X+plot.W, py), stroke, 1)
			d.text(label(t), plot.X-6, py-h/2, fyne.TextAlignTrailing, c.small, c.muted, false)
		} else {
			d.text(label(t), plot.X+plot.W+6, py-h/2, fyne.TextAlignLeading, c.small, c.muted, false)
		}
	}
}

// xAxis writes the ticks under a plot with a value axis along the bottom
// (spend, price): a short mark and the label at each.
func (c *ctx) xAxis(d *drawing, plot Box, ticks []float64, x Scale, label func(float64) string) {
	base := plot.Y + plot.H
	for _, t := range ticks {
		px := x.At(t)
		d.line(fyne.NewPos(px, base), fyne.NewPos(px, base+3), c.muted, 1)
		d.text(label(t), px, base+4, fyne.TextAlignCenter, c.small, c.muted, false)
	}
}

// axisWidth is the width of the widest tick label.
func (c *ctx) axisWidth(ticks []float64, label func(float64) string) float32 {
	w := float32(0)
	for _, t := range ticks {
		w = fyne.Max(w, fyne.MeasureText(label(t), c.small, fyne.TextStyle{}).Width)
	}
	return w
}

// categoryLabels writes names under their slots, shortened to fit, or every
// k-th name when even a few letters do not fit. Periods (months) are never
// shortened: every k-th is written whole, as on any time axis.
func (c *ctx) categoryLabels(d *drawing, names []string, plot Box, y float32, periods bool) {
	n := len(names)
	if n == 0 {
		return
	}
	_, w := Slot(plot, 0, n)
	every := 1
	minW := fyne.MeasureText("Mmmm", c.small, fyne.TextStyle{}).Width
	if periods {
		for _, name := range names {
			minW = fyne.Max(minW, fyne.MeasureText(name, c.small, fyne.TextStyle{}).Width+6)
		}
	}
	for w*float32(every) < minW && every < n {
		every++
	}
	if periods && every > 1 { // months: every 2nd, 3rd, 4th, 6th or 12th, the same months each year
		every = periodStep(every)
	}
	labels := make([]string, 0, n/every+1)
	fit := textfit.Fit
	for pass := 0; pass < 2; pass++ {
		labels = labels[:0]
		for i := 0; i < n; i += every {
			_, sw := Slot(plot, i, n)
			labels = append(labels, fit(names[i], sw*float32(every)-4, c.small, fyne.TextStyle{}))
		}
		if !cutAlike(labels, names, every) {
			break
		}
		fit = textfit.FitMiddle // "Ch…101" rather than twelve "Chan…"
	}
	for k, i := 0, 0; i < n; k, i = k+1, i+every {
		x, sw := Slot(plot, i, n)
		d.text(labels[k], x+sw/2, y, fyne.TextAlignCenter, c.small, c.fg, false)
	}
}

// periodStep returns the step of at least k months that divides a year
// (2, 3, 4, 6, 12) or is a whole number of years.
func periodStep(k int) int {
	for _, step := range []int{2, 3, 4, 6, 12} {
		if k <= step {
			return step
		}
	}
	return (k + 11) / 12 * 12
}

// cutAlike reports whether shortening made two different names (every k-th
// of names) read the same.
func cutAlike(labels, names []string, every int) bool {
	seen := make(map[string]string, len(labels))
	for k, l := range labels {
		name := names[k*every]
		if other, ok := seen[l]; ok && other != name && l != "" {
			return true
		}
		seen[l] = name
	}
	return false
}

// tooltip draws a box of lines near the pointer, kept inside the chart.
func (c *ctx) tooltip(d *drawing, lines []string) {
	if len(lines) == 0 {
		return
	}
	h := c.lineHeight()
	w := float32(0)
	for i, l := range lines {
		w = fyne.Max(w, fyne.MeasureText(l, c.small, fyne.TextStyle{Bold: i == 0}).Width)
	}
	const pad = 6
	bw, bh := w+2*pad, float32(len(lines))*h+2*pad
	x, y := c.mouse.X+14, c.mouse.Y+14
	if x+bw > c.size.Width {
		x = c.mouse.X - 14 - bw
	}
	if y+bh > c.size.Height {
		y = c.size.Height - bh
	}
	x, y = fyne.Max(0, x), fyne.Max(0, y)
	d.overlayRect(Box{x, y, bw, bh}, c.hoverBg, c.grid)
	for i, l := range lines {
		d.overlayText(l, x+pad, y+pad+float32(i)*h, c.small, c.fg, i == 0)
	}
}

// withAlpha returns col with its opacity scaled by a (0 to 1).
func withAlpha(col color.Color, a float64) color.Color {
	n := color.NRGBAModel.Convert(col).(color.NRGBA)
	n.A = uint8(math.Round(float64(n.A) * a))
	return n
}
