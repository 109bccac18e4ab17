package charts

import (
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"

	"mixplan/planner/numfmt"
)

// PriceCurve is how a total (the plan's contribution) moves with one price,
// everything else held: the change from today's total (left axis, below
// zero where a price loses) against the price (bottom axis), with markers
// at today's price and the best one, and the prices below a floor (the
// lowest that meets a margin target) shaded. Hovering shows the price, the
// total and the change there.
type PriceCurve struct {
	chart
	data PriceCurveData
}

// PriceCurveData is what a PriceCurve shows.
type PriceCurveData struct {
	// Prices, in increasing order, and the total at each.
	Prices, Totals []float64
	// Today is the total at today's price: the curve shows the change from it.
	Today float64
	// Current, Best and Floor are today's price, the best price and the
	// lowest acceptable price; NaN draws no marker.
	Current, Best, Floor float64
	// Names label the curve, the markers and the total in the legend and
	// the hover box ("Change in contribution", "Today's price"…).
	ChangeName, CurrentName, BestName, FloorName, TotalName string
	// Money writes prices and totals.
	Money Format
}

func (d PriceCurveData) equal(o PriceCurveData) bool {
	same := func(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) }
	return slices.Equal(d.Prices, o.Prices) && slices.Equal(d.Totals, o.Totals) && d.Today == o.Today &&
		same(d.Current, o.Current) && same(d.Best, o.Best) && same(d.Floor, o.Floor) &&
		d.ChangeName == o.ChangeName && d.CurrentName == o.CurrentName && d.BestName == o.BestName &&
		d.FloorName == o.FloorName && d.TotalName == o.TotalName && d.Money == o.Money
}

// NewPriceCurve returns an empty price curve.
func NewPriceCurve() *PriceCurve {
	c := &PriceCurve{data: PriceCurveData{Current: math.NaN(), Best: math.NaN(), Floor: math.NaN()}}
	c.init(c)
	c.minSize = fyne.NewSize(300, 260)
	c.ExtendBaseWidget(c)
	return c
}

// SetData shows d. Nothing is redrawn when nothing changed.
func (c *PriceCurve) SetData(d PriceCurveData) {
	if d.equal(c.data) {
		return
	}
	c.data = d
	c.data.Prices, c.data.Totals = slices.Clone(d.Prices), slices.Clone(d.Totals)
	c.hover = -1
	c.Refresh()
}

// PointAt is where the curve is drawn at price x, for pointing at it.
func (c *PriceCurve) PointAt(x float64) fyne.Position {
	if len(c.data.Prices) < 2 {
		return fyne.Position{}
	}
	_, sx, sy, _, _ := c.layout(newCtx(&c.chart, c.Size()))
	return fyne.NewPos(sx.At(x), sy.At(interpolate(c.data.Prices, c.changes(), x)))
}

// changes are the totals less today's.
func (c *PriceCurve) changes() []float64 {
	ys := make([]float64, len(c.data.Totals))
	for i, y := range c.data.Totals {
		ys[i] = y - c.data.Today
	}
	return ys
}

// legendItems are the curve's and the markers' entries.
func (c *PriceCurve) legendItems(cx *ctx) []legendItem {
	d := c.data
	items := []legendItem{{label: d.ChangeName, fill: cx.primary, line: true}}
	if !math.IsNaN(d.Current) {
		items = append(items, legendItem{label: d.CurrentName, fill: cx.alt, line: true})
	}
	if !math.IsNaN(d.Best) {
		items = append(items, legendItem{label: d.BestName, fill: cx.good, line: true})
	}
	if !math.IsNaN(d.Floor) {
		items = append(items, legendItem{label: d.FloorName, fill: withAlpha(cx.bad, 0.25)})
	}
	return items
}

func (c *PriceCurve) layout(cx *ctx) (plot Box, sx, sy Scale, xt, yt []float64) {
	xs, ys := c.data.Prices, c.changes()
	xlo, xhi := xs[0], xs[len(xs)-1]
	ylo, yhi := Extent(ys) // and 0, today's total
	yt = Ticks(ylo, yhi, 4)
	for _, t := range Ticks(xlo, xhi, 5) {
		if t >= xlo-1e-9*math.Abs(xlo) && t <= xhi+1e-9*math.Abs(xhi) {
			xt = append(xt, t)
		}
	}
	lh := cx.lineHeight()
	yLabel := c.data.Money.axis(yt)
	left := cx.axisWidth(yt, func(v float64) string { return numfmt.Signed(v, yLabel(v)) }) + 10
	right := float32(6)
	if len(xt) > 0 {
		right += fyne.MeasureText(c.data.Money.axis(xt)(xt[len(xt)-1]), cx.small, fyne.TextStyle{}).Width / 2
	}
	top := cx.legendHeight(c.legendItems(cx), left) + 10
	plot = Box{X: left, Y: top, W: fyne.Max(0, cx.size.Width-left-right), H: fyne.Max(0, cx.size.Height-top-lh-8)}
	sx = Scale{Lo: xlo, Hi: xhi, From: plot.X, To: plot.X + plot.W}
	sy = Scale{Lo: yt[0], Hi: yt[len(yt)-1], From: plot.Y + plot.H, To: plot.Y}
	return plot, sx, sy, xt, yt
}

func (c *PriceCurve) paint(d *drawing, cx *ctx) {
	data := c.data
	if len(data.Prices) < 2 {
		return
	}
	plot, sx, sy, xt, yt := c.layout(cx)
	if !math.IsNaN(data.Floor) && data.Floor > sx.Lo { // the prices below the floor
		x1 := sx.At(math.Min(data.Floor, sx.Hi))
		d.rect(Box{plot.X, plot.Y, x1 - plot.X, plot.H}, withAlpha(cx.bad, 0.12))
	}
	cx.legend(d, c.legendItems(cx), plot.X, 0)
	yLabel := data.Money.axis(yt)
	cx.yAxis(d, plot, yt, sy, func(v float64) string { return numfmt.Signed(v, yLabel(v)) }, false)
	cx.xAxis(d, plot, xt, sx, data.Money.axis(xt))
	base := plot.Y + plot.H
	xs, ys := data.Prices, c.changes()
	d.polyline(CurvePoints(xs, ys, sx, sy), cx.primary, 2)
	marker := func(price float64, col color.Color, width float32, dot bool) {
		if math.IsNaN(price) || price < sx.Lo || price > sx.Hi {
			return
		}
		px := sx.At(price)
		d.line(fyne.NewPos(px, plot.Y), fyne.NewPos(px, base), col, width)
		if dot {
			d.rect(Box{px - 4, sy.At(interpolate(xs, ys, price)) - 4, 8, 8}, col)
		}
	}
	// The best price is drawn wider, under today's, so that both show when
	// today's price is the best.
	marker(data.Floor, withAlpha(cx.bad, 0.6), 2, false)
	marker(data.Best, cx.good, 3, true)
	marker(data.Current, cx.alt, 2, true)
	if h := cx.hover; h >= 0 && h < len(xs) {
		px := sx.At(xs[h])
		d.line(fyne.NewPos(px, plot.Y), fyne.NewPos(px, base), cx.muted, 1)
		cx.tooltip(d, []string{
			numfmt.Money(xs[h], data.Money.Currency, data.Money.Locale, 2),
			data.TotalName + " " + data.Money.Full(data.Totals[h]),
			data.ChangeName + " " + numfmt.Signed(ys[h], data.Money.Full(ys[h])),
		})
	}
}

func (c *PriceCurve) hoverAt(p fyne.Position, size fyne.Size) int {
	if len(c.data.Prices) < 2 {
		return -1
	}
	plot, sx, _, _, _ := c.layout(newCtx(&c.chart, size))
	if !plot.Contains(p) {
		return -1
	}
	return Nearest(c.data.Prices, sx.Value(p.X))
}
