package charts

import (
	"math"

	"fyne.io/fyne/v2"
)

// Box is a rectangle in the widget's coordinates.
type Box struct{ X, Y, W, H float32 }

// Contains reports whether p is inside the box.
func (b Box) Contains(p fyne.Position) bool {
	return p.X >= b.X && p.X <= b.X+b.W && p.Y >= b.Y && p.Y <= b.Y+b.H
}

// Scale maps data values in [Lo, Hi] to pixels in [From, To]. For a vertical
// axis From is the bottom and To the top, so larger values are higher.
type Scale struct {
	Lo, Hi   float64
	From, To float32
}

// At returns the pixel for v.
func (s Scale) At(v float64) float32 {
	if s.Hi == s.Lo {
		return s.From
	}
	return s.From + float32((v-s.Lo)/(s.Hi-s.Lo))*(s.To-s.From)
}

// Value returns the data value at pixel px (the inverse of At).
func (s Scale) Value(px float32) float64 {
	if s.To == s.From {
		return s.Lo
	}
	return s.Lo + float64((px-s.From)/(s.To-s.From))*(s.Hi-s.Lo)
}

// NiceStep is the round step (1, 2, 2.5 or 5 × 10^k) that cuts span into at most n intervals.
func NiceStep(span float64, n int) float64 {
	if n < 1 {
		n = 1
	}
	if !(span > 0) || math.IsInf(span, 0) {
		return 1
	}
	raw := span / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= raw*(1-1e-12) {
			return m * p
		}
	}
	return 10 * p
}

// Ticks returns round tick values from a multiple of the step at or below lo
// to one at or above hi, about n intervals. lo == hi gets a range around it.
func Ticks(lo, hi float64, n int) []float64 {
	if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return []float64{0, 1}
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	if lo == hi {
		if lo == 0 {
			return []float64{0, 1}
		}
		d := math.Abs(lo) / 2
		lo, hi = lo-d, hi+d
	}
	step := NiceStep(hi-lo, n)
	first := math.Floor(lo/step + 1e-9)
	var ticks []float64
	for i := first; ; i++ {
		t := roundTo(i*step, step)
		ticks = append(ticks, t)
		if t >= hi-step*1e-9 {
			break
		}
	}
	return ticks
}

// roundTo rounds v to the decimals of step, so that 3 × 0.1 is 0.3 and not
// 0.30000000000000004.
func roundTo(v, step float64) float64 {
	dec := math.Max(0, 1-math.Floor(math.Log10(step)))
	p := math.Pow(10, dec)
	return math.Round(v*p) / p
}

// Extent returns the smallest and largest of the values and 0: bars stand on zero.
func Extent(values ...[]float64) (lo, hi float64) {
	for _, vs := range values {
		for _, v := range vs {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	return lo, hi
}

// PairedTicks returns ticks for two axes that share their gridlines and their
// zero: both have as many intervals below and above zero, each with its own
// round step. The monthly chart uses it for monthly bars (left) and the
// cumulative line (right).
func PairedTicks(lo1, hi1, lo2, hi2 float64, n int) (left, right []float64) {
	lo1, hi1 = math.Min(lo1, 0), math.Max(hi1, 0)
	lo2, hi2 = math.Min(lo2, 0), math.Max(hi2, 0)
	s1, s2 := NiceStep(hi1-lo1, n), NiceStep(hi2-lo2, n)
	below := math.Max(math.Ceil(-lo1/s1-1e-9), math.Ceil(-lo2/s2-1e-9))
	above := math.Max(math.Ceil(hi1/s1-1e-9), math.Ceil(hi2/s2-1e-9))
	if below+above == 0 {
		above = 1
	}
	for i := -below; i <= above; i++ {
		left = append(left, roundTo(i*s1, s1))
		right = append(right, roundTo(i*s2, s2))
	}
	return left, right
}

// Slot is the horizontal band of category i of n in the plot.
func Slot(plot Box, i, n int) (x, w float32) {
	if n < 1 {
		return plot.X, plot.W
	}
	w = plot.W / float32(n)
	return plot.X + float32(i)*w, w
}

// SlotAt returns the category under horizontal position x, or -1.
func SlotAt(x float32, plot Box, n int) int {
	if n < 1 || x < plot.X || x >= plot.X+plot.W {
		return -1
	}
	i := int((x - plot.X) / (plot.W / float32(n)))
	if i >= n {
		i = n - 1
	}
	return i
}

// barFill is the share of a slot the bars of a category take.
const barFill = 0.7

// Bar returns the box of a bar from value a to value b in a slot band [x, x+w).
func Bar(x, w float32, y Scale, a, b float64) Box {
	top, bottom := y.At(math.Max(a, b)), y.At(math.Min(a, b))
	if top > bottom {
		top, bottom = bottom, top
	}
	h := bottom - top
	if h < 1 { // a zero or tiny value still shows as a hairline
		h = 1
	}
	return Box{X: x, Y: top, W: w, H: h}
}

// GroupedBars returns one box per series and category: series side by side
// within each category's slot, each bar standing on zero.
// values is [series][category].
func GroupedBars(values [][]float64, plot Box, y Scale) [][]Box {
	if len(values) == 0 {
		return nil
	}
	n := len(values[0])
	out := make([][]Box, len(values))
	for s := range values {
		out[s] = make([]Box, n)
		for c := 0; c < n; c++ {
			x, w := Slot(plot, c, n)
			bw := w * barFill / float32(len(values))
			bx := x + w*(1-barFill)/2 + float32(s)*bw
			v := 0.0
			if c < len(values[s]) {
				v = values[s][c]
			}
			out[s][c] = Bar(bx, bw, y, 0, v)
		}
	}
	return out
}

// BridgeBar is the box of one step of a bridge: totals from zero, the
// others floating from where the previous step ended.
func BridgeBar(plot Box, y Scale, i, n int, start, end float64) Box {
	x, w := Slot(plot, i, n)
	return Bar(x+w*(1-barFill)/2, w*barFill, y, start, end)
}

// Points returns the points of a series at the centres of its categories' slots.
func Points(values []float64, plot Box, y Scale) []fyne.Position {
	pts := make([]fyne.Position, len(values))
	for i, v := range values {
		x, w := Slot(plot, i, len(values))
		pts[i] = fyne.NewPos(x+w/2, y.At(v))
	}
	return pts
}

// CurvePoints maps (x, y) pairs through two scales.
func CurvePoints(xs, ys []float64, sx, sy Scale) []fyne.Position {
	n := min(len(xs), len(ys))
	pts := make([]fyne.Position, n)
	for i := 0; i < n; i++ {
		pts[i] = fyne.NewPos(sx.At(xs[i]), sy.At(ys[i]))
	}
	return pts
}

// Nearest returns the index of the x value closest to v, or -1 for none.
func Nearest(xs []float64, v float64) int {
	best, dist := -1, math.Inf(1)
	for i, x := range xs {
		if d := math.Abs(x - v); d < dist {
			best, dist = i, d
		}
	}
	return best
}
