package charts

import (
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"

	"mixplan/planner"
)

// Curve is a promotion channel's response curve: the extra units (left
// axis) each spend (bottom axis) brings, with the channel's allowed spend
// range shaded, a marker at the current spend and, optionally, one at the
// best spend. Hovering shows the spend and units under the pointer.
type Curve struct {
	chart
	points     []planner.CurvePoint
	current    float64
	best       float64 // NaN: no marker
	lo, hi     float64 // allowed spend; hi may be +Inf
	money      Format
	units      Format
	curName    string
	bestName   string
	unitsLabel string
}

// NewCurve returns an empty curve.
func NewCurve() *Curve {
	c := &Curve{best: math.NaN()}
	c.init(c)
	c.ExtendBaseWidget(c)
	return c
}

// CurveData is what a Curve shows.
type CurveData struct {
	Points   []planner.CurvePoint // from Model.ResponseCurve
	Current  float64              // the channel's spend
	Best     float64              // the best spend, or NaN for no marker
	Min, Max float64              // the allowed spend; Max +Inf for no upper bound
	// CurrentName and BestName label the markers in the legend ("Current
	// spend", "Best spend"); UnitsName names the curve ("Extra units").
	CurrentName, BestName, UnitsName string
	Money                            Format // how spends are written
	Locale                           Format // how units are written (Currency "")
}

// SetData shows d. Nothing is redrawn when nothing changed.
func (c *Curve) SetData(d CurveData) {
	same := func(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) }
	if slices.Equal(d.Points, c.points) && same(d.Current, c.current) && same(d.Best, c.best) &&
		d.Min == c.lo && d.Max == c.hi && d.Money == c.money && d.Locale == c.units &&
		d.CurrentName == c.curName && d.BestName == c.bestName && d.UnitsName == c.unitsLabel {
		return
	}
	c.points = slices.Clone(d.Points)
	c.current, c.best, c.lo, c.hi = d.Current, d.Best, d.Min, d.Max
	c.money, c.units = d.Money, d.Locale
	c.curName, c.bestName, c.unitsLabel = d.CurrentName, d.BestName, d.UnitsName
	c.Refresh()
}

func (c *Curve) xy() (xs, ys []float64) {
	xs, ys = make([]float64, len(c.points)), make([]float64, len(c.points))
	for i, p := range c.points {
		xs[i], ys[i] = p.Spend, p.LiftUnits
	}
	return xs, ys
}

func (c *Curve) layout(cx *ctx) (plot Box, sx, sy Scale, xt, yt []float64) {
	xs, ys := c.xy()
	_, xhi := Extent(xs)
	_, yhi := Extent(ys)
	xt, yt = Ticks(0, xhi, 5), Ticks(0, yhi, 4)
	lh := cx.lineHeight()
	left := cx.axisWidth(yt, c.units.axis(yt)) + 10
	last := fyne.MeasureText(c.money.axis(xt)(xt[len(xt)-1]), cx.small, fyne.TextStyle{}).Width
	top := lh + 10
	plot = Box{X: left, Y: top, W: cx.size.Width - left - last/2 - 6, H: cx.size.Height - top - lh - 8}
	sx = Scale{Lo: 0, Hi: xt[len(xt)-1], From: plot.X, To: plot.X + plot.W}
	sy = Scale{Lo: 0, Hi: yt[len(yt)-1], From: plot.Y + plot.H, To: plot.Y}
	return plot, sx, sy, xt, yt
}

func (c *Curve) paint(d *drawing, cx *ctx) {
	if len(c.points) < 2 {
		return
	}
	plot, sx, sy, xt, yt := c.layout(cx)
	items := []legendItem{{label: c.unitsLabel, fill: cx.primary, line: true}, {label: c.curName, fill: cx.alt, line: true}}
	if !math.IsNaN(c.best) {
		items = append(items, legendItem{label: c.bestName, fill: cx.good, line: true})
	}
	cx.legend(d, items, plot.X, 0)
	// The allowed range, shaded.
	x0, x1 := sx.At(c.lo), sx.At(math.Min(c.hi, sx.Hi))
	d.rect(Box{x0, plot.Y, fyne.Max(0, x1-x0), plot.H}, withAlpha(cx.primary, 0.08))
	cx.yAxis(d, plot, yt, sy, c.units.axis(yt), false)
	cx.xAxis(d, plot, xt, sx, c.money.axis(xt))
	xs, ys := c.xy()
	d.polyline(CurvePoints(xs, ys, sx, sy), cx.primary, 2)
	c.marker(d, cx, plot, sx, sy, c.current, cx.alt)
	if !math.IsNaN(c.best) {
		c.marker(d, cx, plot, sx, sy, c.best, cx.good)
	}
	if i := cx.hover; i >= 0 && i < len(c.points) {
		p := c.points[i]
		pt := fyne.NewPos(sx.At(p.Spend), sy.At(p.LiftUnits))
		d.line(fyne.NewPos(pt.X, plot.Y), fyne.NewPos(pt.X, plot.Y+plot.H), cx.muted, 1)
		cx.tooltip(d, []string{c.money.Full(p.Spend), c.unitsLabel + ": " + c.units.Full(p.LiftUnits)})
	}
}

// marker draws a vertical line at spend s and a dot where it meets the curve.
func (c *Curve) marker(d *drawing, cx *ctx, plot Box, sx, sy Scale, s float64, col color.Color) {
	if s < sx.Lo || s > sx.Hi {
		return
	}
	px := sx.At(s)
	d.line(fyne.NewPos(px, plot.Y), fyne.NewPos(px, plot.Y+plot.H), col, 2)
	xs, ys := c.xy()
	y := interpolate(xs, ys, s)
	d.rect(Box{px - 4, sy.At(y) - 4, 8, 8}, col)
}

// interpolate reads the curve at x between its samples.
func interpolate(xs, ys []float64, x float64) float64 {
	for i := 1; i < len(xs); i++ {
		if x <= xs[i] {
			t := (x - xs[i-1]) / (xs[i] - xs[i-1])
			return ys[i-1] + t*(ys[i]-ys[i-1])
		}
	}
	return ys[len(ys)-1]
}

func (c *Curve) hoverAt(p fyne.Position, size fyne.Size) int {
	if len(c.points) < 2 {
		return -1
	}
	plot, sx, _, _, _ := c.layout(newCtx(&c.chart, size))
	if !plot.Contains(p) {
		return -1
	}
	xs, _ := c.xy()
	return Nearest(xs, sx.Value(p.X))
}
