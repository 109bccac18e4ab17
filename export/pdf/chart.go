package pdf

import (
	"math"

	"github.com/jung-kurt/gofpdf"
)

// Chart building blocks shared by every chart: value axes with round ticks,
// gridlines and polylines. Charts are drawn with vector primitives so they
// stay sharp at any zoom.

// axis maps values to positions along one dimension.
type axis struct {
	lo, hi float64
	ticks  []float64
	step   float64
}

// niceStep is the round step (1, 2, 2.5 or 5 × 10^k) that cuts span into at
// most n parts.
func niceStep(span float64, n int) float64 {
	if span <= 0 || math.IsNaN(span) || math.IsInf(span, 0) {
		return 1
	}
	raw := span / float64(max(n, 1))
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw*(1-1e-9) {
			return m * mag
		}
	}
	return 10 * mag
}

// niceAxis returns an axis that covers lo..hi (and zero) with at most n round steps.
func niceAxis(lo, hi float64, n int) axis {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if hi-lo <= 0 {
		hi = lo + 1
	}
	step := niceStep(hi-lo, n)
	below := math.Ceil(-lo/step - 1e-9)
	above := math.Ceil(hi/step - 1e-9)
	return axisFromSteps(step, below, above)
}

func axisFromSteps(step, below, above float64) axis {
	a := axis{lo: -below * step, hi: above * step, step: step}
	for i := -below; i <= above+1e-9; i++ {
		v := i * step
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		a.ticks = append(a.ticks, v)
	}
	return a
}

// alignZeros gives two axes the same number of steps below and above zero,
// so a bar chart and a line on a second axis share their gridlines and zero.
func alignZeros(a, b axis) (axis, axis) {
	steps := func(x axis) (float64, float64) {
		return math.Round(-x.lo / x.step), math.Round(x.hi / x.step)
	}
	a1, a2 := steps(a)
	b1, b2 := steps(b)
	below, above := math.Max(a1, b1), math.Max(a2, b2)
	return axisFromSteps(a.step, below, above), axisFromSteps(b.step, below, above)
}

// at maps v onto the span from p0 (the axis's lo) to p1 (its hi).
func (a axis) at(v, p0, p1 float64) float64 {
	return p0 + (v-a.lo)/(a.hi-a.lo)*(p1-p0)
}

// decimals is how many decimals the tick labels need in a scale.
func (a axis) decimals(sc scale) int {
	s := a.step / sc.div
	switch {
	case s >= 1 || s == 0:
		if math.Abs(s-math.Round(s)) < 1e-9 {
			return 0
		}
		return 1
	case s >= 0.1:
		return 1
	}
	return 2
}

// maxAbs is the largest magnitude on the axis, which picks its scale.
func (a axis) maxAbs() float64 { return math.Max(math.Abs(a.lo), math.Abs(a.hi)) }

// plotBox is the area a chart draws its data in.
type plotBox struct{ x, y, w, h float64 }

func (b plotBox) bottom() float64 { return b.y + b.h }
func (b plotBox) right() float64  { return b.x + b.w }

// yGrid draws horizontal gridlines at the axis's ticks, the zero line darker,
// and the tick labels in a gutter to the left (or right) of the box.
func (d *doc) yGrid(b plotBox, a axis, label func(float64) string, right bool, labelInk rgb) {
	d.font("", ptTiny)
	d.ink(labelInk)
	for _, t := range a.ticks {
		y := a.at(t, b.bottom(), b.y)
		if !right {
			c, w := colRule, 0.15
			if t == 0 {
				c, w = colFaint, 0.3
			}
			d.line(b.x, y, b.right(), y, w, c)
		}
		s := label(t)
		top := y - d.lineH()/2
		if right {
			d.text(b.right()+1.5, top, 0, s, alignLeft)
		} else {
			d.text(b.x-16, top, 14.5, s, alignRight)
		}
	}
}

// polyline strokes a path through points.
func (d *doc) polyline(pts []gofpdf.PointType, width float64, c rgb) {
	if len(pts) < 2 {
		return
	}
	setDraw(d.pdf, c)
	d.pdf.SetLineWidth(width)
	d.pdf.SetLineJoinStyle("round")
	d.pdf.MoveTo(pts[0].X, pts[0].Y)
	for _, p := range pts[1:] {
		d.pdf.LineTo(p.X, p.Y)
	}
	d.pdf.DrawPath("D")
	d.pdf.SetLineJoinStyle("miter")
}

// dot draws a filled circle with a white ring so it stands out on a line.
func (d *doc) dot(x, y, r float64, c rgb) {
	setFill(d.pdf, c)
	setDraw(d.pdf, colWhite)
	d.pdf.SetLineWidth(0.35)
	d.pdf.Circle(x, y, r, "FD")
}

// swatch is a legend key: a small square, or a short line when line is true,
// followed by its label. It returns the x after the label.
func (d *doc) swatch(x, top float64, c rgb, label string, kind int) float64 {
	d.font("", ptSmall)
	h := d.lineH()
	mid := top + h/2
	switch kind {
	case keyLine:
		d.line(x, mid, x+5, mid, 0.7, c)
		x += 6.5
	case keyDot:
		d.dot(x+1.3, mid, 1.1, c)
		x += 3.8
	case keyDash:
		d.dashed(x, mid, x+5, mid, 0.35, c)
		x += 6.5
	default:
		d.fillRect(x, mid-1.3, 2.6, 2.6, c)
		x += 3.8
	}
	d.ink(colMuted)
	d.text(x, top, 0, label, alignLeft)
	return x + d.measure(label) + 5
}

// Legend key shapes.
const (
	keyBox = iota
	keyLine
	keyDot
	keyDash
)
