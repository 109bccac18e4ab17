package app

import (
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/charts"
	"mixplan/planner/numfmt"
)

// priceChart draws how the plan's contribution changes with one product's
// list price, everything else held: the change from today's contribution
// (left axis) against the list price (bottom axis), with markers at today's
// price and the best price, and the prices below the lowest one that meets
// the gross-margin target shaded. Hovering shows the figures under the
// pointer.
//
// The charts package has no chart of this kind (its Curve starts both axes
// at zero, and this curve is a change that goes below it); it reuses that
// package's scales and ticks.
type priceChart struct {
	widget.BaseWidget
	data  priceChartData
	hover int // index into data.Curve under the pointer, -1 for none
	mouse fyne.Position
	texts []string // what the last paint wrote, for tests
}

// priceChartData is what a priceChart shows.
type priceChartData struct {
	Curve []pricePoint
	// Today is the contribution at today's price: the curve shows the change from it.
	Today float64
	// Current, Best and Min are today's price, the best price and the
	// lowest price for the margin target; NaN draws no marker.
	Current, Best, Min float64
	// Names label the curve and the markers in the legend and the hover box.
	GainName, CurrentName, BestName, MinName, ContributionName string
	Money                                                      charts.Format
}

func (d priceChartData) equal(o priceChartData) bool {
	same := func(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) }
	return slices.Equal(d.Curve, o.Curve) && d.Today == o.Today && same(d.Current, o.Current) &&
		same(d.Best, o.Best) && same(d.Min, o.Min) && d.GainName == o.GainName &&
		d.CurrentName == o.CurrentName && d.BestName == o.BestName && d.MinName == o.MinName &&
		d.ContributionName == o.ContributionName && d.Money == o.Money
}

func newPriceChart() *priceChart {
	c := &priceChart{hover: -1, data: priceChartData{Current: math.NaN(), Best: math.NaN(), Min: math.NaN()}}
	c.ExtendBaseWidget(c)
	return c
}

// SetData shows d; nothing is redrawn when nothing changed.
func (c *priceChart) SetData(d priceChartData) {
	if d.equal(c.data) {
		return
	}
	c.data = d
	c.data.Curve = slices.Clone(d.Curve)
	c.hover = -1
	c.Refresh()
}

// Texts returns every text the chart shows now, for tests.
func (c *priceChart) Texts() []string { return c.texts }

// MouseIn is part of desktop.Hoverable.
func (c *priceChart) MouseIn(e *desktop.MouseEvent) { c.MouseMoved(e) }

// MouseMoved shows the figures at the price under the pointer.
func (c *priceChart) MouseMoved(e *desktop.MouseEvent) {
	c.mouse = e.Position
	g := c.geometry(c.Size())
	h := -1
	if len(c.data.Curve) > 1 && g.plot.Contains(e.Position) {
		h = charts.Nearest(c.prices(), g.x.Value(e.Position.X))
	}
	if h != c.hover || h >= 0 {
		c.hover = h
		c.Refresh()
	}
}

// MouseOut hides the hover box.
func (c *priceChart) MouseOut() {
	if c.hover != -1 {
		c.hover = -1
		c.Refresh()
	}
}

// CreateRenderer is part of fyne.Widget.
func (c *priceChart) CreateRenderer() fyne.WidgetRenderer { return &priceChartRenderer{c: c} }

func (c *priceChart) prices() []float64 {
	xs := make([]float64, len(c.data.Curve))
	for i, p := range c.data.Curve {
		xs[i] = p.Price
	}
	return xs
}

func (c *priceChart) gains() []float64 {
	ys := make([]float64, len(c.data.Curve))
	for i, p := range c.data.Curve {
		ys[i] = p.Contribution - c.data.Today
	}
	return ys
}

// priceChartStyle holds the theme's colours and sizes for one paint.
type priceChartStyle struct {
	fg, muted, grid, primary, good, bad, alt, hoverBg color.Color
	small                                             float32
}

func (c *priceChart) style() priceChartStyle {
	th, v := c.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	return priceChartStyle{
		fg: th.Color(theme.ColorNameForeground, v), muted: th.Color(theme.ColorNamePlaceHolder, v),
		grid: th.Color(theme.ColorNameSeparator, v), primary: th.Color(theme.ColorNamePrimary, v),
		good: th.Color(theme.ColorNameSuccess, v), bad: th.Color(theme.ColorNameError, v),
		alt: th.Color(theme.ColorNameWarning, v), hoverBg: th.Color(theme.ColorNameOverlayBackground, v),
		small: th.Size(theme.SizeNameCaptionText),
	}
}

// priceChartGeometry is where things go at one size.
type priceChartGeometry struct {
	legend []legendSpot // legend items, placed
	plot   charts.Box
	x, y   charts.Scale
	yTicks []float64
	xTicks []float64
}

type legendSpot struct {
	label string
	fill  color.Color
	line  bool
	at    fyne.Position
}

func (c *priceChart) lineHeight(st priceChartStyle) float32 {
	return fyne.MeasureText("Ag", st.small, fyne.TextStyle{}).Height
}

// geometry lays the chart out at size: the legend in rows from the top,
// the plot under it with room for the axes' labels.
func (c *priceChart) geometry(size fyne.Size) priceChartGeometry {
	st := c.style()
	lh := c.lineHeight(st)
	d := c.data
	var g priceChartGeometry
	if len(d.Curve) < 2 {
		return g
	}
	items := []legendSpot{{label: d.GainName, fill: st.primary, line: true}}
	if !math.IsNaN(d.Current) {
		items = append(items, legendSpot{label: d.CurrentName, fill: st.alt, line: true})
	}
	if !math.IsNaN(d.Best) {
		items = append(items, legendSpot{label: d.BestName, fill: st.good, line: true})
	}
	if !math.IsNaN(d.Min) {
		items = append(items, legendSpot{label: d.MinName, fill: withAlpha(st.bad, 0.25)})
	}
	x, y := float32(0), float32(0)
	for _, it := range items {
		w := lh*1.05 + 4 + fyne.MeasureText(it.label, st.small, fyne.TextStyle{}).Width
		if x > 0 && x+w > size.Width {
			x, y = 0, y+lh+2
		}
		it.at = fyne.NewPos(x, y)
		g.legend = append(g.legend, it)
		x += w + 14
	}
	top := y + lh + 10

	xs, ys := c.prices(), c.gains() // prices increase
	xlo, xhi := xs[0], xs[len(xs)-1]
	ylo, yhi := charts.Extent(ys) // and 0: today's contribution
	g.yTicks = charts.Ticks(ylo, yhi, 4)
	for _, t := range charts.Ticks(xlo, xhi, 5) {
		if t >= xlo-1e-9*math.Abs(xlo) && t <= xhi+1e-9*math.Abs(xhi) {
			g.xTicks = append(g.xTicks, t)
		}
	}
	left := float32(0)
	for _, t := range g.yTicks {
		left = fyne.Max(left, fyne.MeasureText(c.yLabel(t, g.yTicks), st.small, fyne.TextStyle{}).Width)
	}
	left += 10
	right := float32(6)
	if n := len(g.xTicks); n > 0 {
		right += fyne.MeasureText(c.xLabel(g.xTicks[n-1], g.xTicks), st.small, fyne.TextStyle{}).Width / 2
	}
	g.plot = charts.Box{X: left, Y: top, W: fyne.Max(0, size.Width-left-right), H: fyne.Max(0, size.Height-top-lh-8)}
	g.x = charts.Scale{Lo: xlo, Hi: xhi, From: g.plot.X, To: g.plot.X + g.plot.W}
	g.y = charts.Scale{Lo: g.yTicks[0], Hi: g.yTicks[len(g.yTicks)-1], From: g.plot.Y + g.plot.H, To: g.plot.Y}
	return g
}

// yLabel writes a change of contribution for the axis: "−€20k", "€0", "+€10k".
func (c *priceChart) yLabel(v float64, ticks []float64) string {
	return signed(v, numfmt.ShortAs(v, axisRef(ticks), c.data.Money.Currency, c.data.Money.Locale))
}

// xLabel writes a list price for the axis.
func (c *priceChart) xLabel(v float64, ticks []float64) string {
	return numfmt.ShortAs(v, axisRef(ticks), c.data.Money.Currency, c.data.Money.Locale)
}

// axisRef is the largest tick in size: every label of an axis is written in its unit.
func axisRef(ticks []float64) float64 {
	ref := 0.0
	for _, t := range ticks {
		ref = math.Max(ref, math.Abs(t))
	}
	return ref
}

type priceChartRenderer struct {
	c       *priceChart
	size    fyne.Size
	objects []fyne.CanvasObject
}

func (r *priceChartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *priceChartRenderer) Destroy()                     {}
func (r *priceChartRenderer) MinSize() fyne.Size           { return fyne.NewSize(300, 260) }
func (r *priceChartRenderer) Layout(size fyne.Size)        { r.size = size; r.draw() }
func (r *priceChartRenderer) Refresh()                     { r.draw() }

// draw builds the chart's canvas objects for the current size and data.
// There are a hundred or so; the chart is redrawn only when its data, its
// size or the hovered price change.
func (r *priceChartRenderer) draw() {
	c := r.c
	r.objects = r.objects[:0]
	c.texts = c.texts[:0]
	if r.size.Width <= 0 || r.size.Height <= 0 || len(c.data.Curve) < 2 {
		return
	}
	st := c.style()
	lh := c.lineHeight(st)
	g := c.geometry(r.size)
	d := c.data
	text := func(s string, x, y float32, align fyne.TextAlign, col color.Color, bold bool) {
		t := canvas.NewText(s, col)
		t.TextSize, t.TextStyle = st.small, fyne.TextStyle{Bold: bold}
		w := t.MinSize().Width
		switch align {
		case fyne.TextAlignCenter:
			x -= w / 2
		case fyne.TextAlignTrailing:
			x -= w
		}
		t.Move(fyne.NewPos(x, y))
		t.Resize(t.MinSize())
		r.objects = append(r.objects, t)
		c.texts = append(c.texts, s)
	}
	line := func(a, b fyne.Position, col color.Color, width float32) {
		l := canvas.NewLine(col)
		l.StrokeWidth = width
		l.Position1, l.Position2 = a, b
		r.objects = append(r.objects, l)
	}
	rect := func(b charts.Box, col color.Color) {
		rc := canvas.NewRectangle(col)
		rc.Move(fyne.NewPos(b.X, b.Y))
		rc.Resize(fyne.NewSize(b.W, b.H))
		r.objects = append(r.objects, rc)
	}

	// Prices below the lowest that meets the margin target, shaded.
	if !math.IsNaN(d.Min) && d.Min > g.x.Lo {
		x1 := g.x.At(math.Min(d.Min, g.x.Hi))
		rect(charts.Box{X: g.plot.X, Y: g.plot.Y, W: x1 - g.plot.X, H: g.plot.H}, withAlpha(st.bad, 0.12))
	}
	for _, it := range g.legend {
		sw := lh * 0.7
		if it.line {
			line(fyne.NewPos(it.at.X, it.at.Y+lh/2), fyne.NewPos(it.at.X+lh*1.05, it.at.Y+lh/2), it.fill, 2)
		} else {
			rect(charts.Box{X: it.at.X + lh*0.2, Y: it.at.Y + (lh-sw)/2, W: sw, H: sw}, it.fill)
		}
		text(it.label, it.at.X+lh*1.05+4, it.at.Y, fyne.TextAlignLeading, st.fg, false)
	}
	for _, t := range g.yTicks {
		py := g.y.At(t)
		col := st.grid
		if t == 0 {
			col = st.muted
		}
		line(fyne.NewPos(g.plot.X, py), fyne.NewPos(g.plot.X+g.plot.W, py), col, 1)
		text(c.yLabel(t, g.yTicks), g.plot.X-6, py-lh/2, fyne.TextAlignTrailing, st.muted, false)
	}
	base := g.plot.Y + g.plot.H
	for _, t := range g.xTicks {
		px := g.x.At(t)
		line(fyne.NewPos(px, base), fyne.NewPos(px, base+3), st.muted, 1)
		text(c.xLabel(t, g.xTicks), px, base+4, fyne.TextAlignCenter, st.muted, false)
	}
	xs, ys := c.prices(), c.gains()
	pts := charts.CurvePoints(xs, ys, g.x, g.y)
	for i := 1; i < len(pts); i++ {
		line(pts[i-1], pts[i], st.primary, 2)
	}
	marker := func(price float64, col color.Color, width float32, dot bool) {
		if math.IsNaN(price) || price < g.x.Lo || price > g.x.Hi {
			return
		}
		px := g.x.At(price)
		line(fyne.NewPos(px, g.plot.Y), fyne.NewPos(px, base), col, width)
		if dot {
			py := g.y.At(gainAt(xs, ys, price))
			dotC := canvas.NewCircle(col)
			dotC.Move(fyne.NewPos(px-4, py-4))
			dotC.Resize(fyne.NewSize(8, 8))
			r.objects = append(r.objects, dotC)
		}
	}
	// The best price is drawn wider, under today's, so that both show when
	// today's price is the best.
	marker(d.Min, withAlpha(st.bad, 0.6), 2, false)
	marker(d.Best, st.good, 3, true)
	marker(d.Current, st.alt, 2, true)

	if h := c.hover; h >= 0 && h < len(d.Curve) {
		px := g.x.At(xs[h])
		line(fyne.NewPos(px, g.plot.Y), fyne.NewPos(px, base), st.muted, 1)
		r.tooltip(st, lh, []string{
			numfmt.Money(xs[h], d.Money.Currency, d.Money.Locale, 2),
			d.ContributionName + " " + d.Money.Full(d.Curve[h].Contribution),
			d.GainName + " " + signed(ys[h], d.Money.Full(ys[h])),
		}, text)
	}
}

// tooltip draws a box of lines near the pointer, inside the chart.
func (r *priceChartRenderer) tooltip(st priceChartStyle, lh float32, lines []string, text func(string, float32, float32, fyne.TextAlign, color.Color, bool)) {
	w := float32(0)
	for i, l := range lines {
		w = fyne.Max(w, fyne.MeasureText(l, st.small, fyne.TextStyle{Bold: i == 0}).Width)
	}
	const pad = 6
	bw, bh := w+2*pad, float32(len(lines))*lh+2*pad
	m := r.c.mouse
	x, y := m.X+14, m.Y+14
	if x+bw > r.size.Width {
		x = m.X - 14 - bw
	}
	if y+bh > r.size.Height {
		y = r.size.Height - bh
	}
	x, y = fyne.Max(0, x), fyne.Max(0, y)
	box := canvas.NewRectangle(st.hoverBg)
	box.StrokeColor, box.StrokeWidth, box.CornerRadius = st.grid, 1, 4
	box.Move(fyne.NewPos(x, y))
	box.Resize(fyne.NewSize(bw, bh))
	r.objects = append(r.objects, box)
	for i, l := range lines {
		text(l, x+pad, y+pad+float32(i)*lh, fyne.TextAlignLeading, st.fg, i == 0)
	}
}

// gainAt reads the curve at price x between its samples.
func gainAt(xs, ys []float64, x float64) float64 {
	for i := 1; i < len(xs); i++ {
		if x <= xs[i] {
			if xs[i] == xs[i-1] {
				return ys[i]
			}
			t := (x - xs[i-1]) / (xs[i] - xs[i-1])
			return ys[i-1] + t*(ys[i]-ys[i-1])
		}
	}
	return ys[len(ys)-1]
}

// withAlpha returns col with its opacity scaled by a.
func withAlpha(col color.Color, a float64) color.Color {
	r, g, b, al := col.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: uint8(float64(al>>8) * a)}
}
