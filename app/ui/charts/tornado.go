package charts

import (
	"math"
	"slices"

	"fyne.io/fyne/v2"
)

// TornadoBar is one input of a tornado: the contribution with the input at
// its low and at its high value.
type TornadoBar struct {
	Label     string
	Low, High float64
	// LowText and HighText are the input's own values ("−1.9", "€4.20"),
	// written at the bars' ends.
	LowText, HighText string
}

// Tornado shows how much one uncertain input at a time moves the plan's
// contribution: a horizontal bar per input from the contribution at its
// low value to the one at its high value, around a vertical line at the
// plan's contribution, the widest swing on top. The part of a bar below
// the plan is red, above it green. Hovering a bar shows its figures.
type Tornado struct {
	chart
	bars   []TornadoBar
	center float64
	format Format
}

// NewTornado returns an empty tornado chart.
func NewTornado() *Tornado {
	t := &Tornado{}
	t.init(t)
	t.ExtendBaseWidget(t)
	return t
}

// SetData shows bars (in the order given) around center, the plan's contribution.
func (t *Tornado) SetData(bars []TornadoBar, center float64, f Format) {
	if slices.Equal(bars, t.bars) && center == t.center && f == t.format {
		return
	}
	t.bars, t.center, t.format = slices.Clone(bars), center, f
	t.Refresh()
}

func (t *Tornado) layout(c *ctx) (plot Box, x Scale, ticks []float64, labelWidth float32) {
	lo, hi := t.center, t.center
	for _, b := range t.bars {
		lo, hi = math.Min(lo, math.Min(b.Low, b.High)), math.Max(hi, math.Max(b.Low, b.High))
	}
	if hi-lo < 1e-9*math.Max(1, math.Abs(hi)) {
		lo, hi = lo-1, hi+1
	}
	ticks = Ticks(lo, hi, 5)
	for _, b := range t.bars {
		labelWidth = max(labelWidth, fyne.MeasureText(b.Label, c.small, fyne.TextStyle{}).Width)
	}
	labelWidth = min(labelWidth, c.size.Width*0.35) + 8
	lh := c.lineHeight()
	plot = Box{X: labelWidth + 40, Y: 4, W: c.size.Width - labelWidth - 80, H: c.size.Height - lh - 12}
	x = Scale{Lo: ticks[0], Hi: ticks[len(ticks)-1], From: plot.X, To: plot.X + plot.W}
	return plot, x, ticks, labelWidth
}

func (t *Tornado) paint(d *drawing, c *ctx) {
	if len(t.bars) == 0 {
		return
	}
	plot, x, ticks, labelWidth := t.layout(c)
	lh := c.lineHeight()
	label := t.format.axis(ticks)
	for _, tk := range ticks {
		px := x.At(tk)
		d.line(fyne.NewPos(px, plot.Y), fyne.NewPos(px, plot.Y+plot.H), c.grid, 1)
		d.text(label(tk), px, plot.Y+plot.H+4, fyne.TextAlignCenter, c.small, c.muted, false)
	}
	n := len(t.bars)
	for i, b := range t.bars {
		y, h := plot.Y+plot.H*float32(i)/float32(n), plot.H/float32(n)
		bh := h * 0.7
		by := y + (h-bh)/2
		dim := c.hover >= 0 && c.hover != i
		for _, end := range []float64{b.Low, b.High} {
			a, z := math.Min(end, t.center), math.Max(end, t.center)
			fill := c.good
			if end < t.center {
				fill = c.bad
			}
			if dim {
				fill = withAlpha(fill, 0.5)
			}
			d.rect(Box{X: x.At(a), Y: by, W: max(1, x.At(z)-x.At(a)), H: bh}, fill)
		}
		d.text(b.Label, labelWidth-4+40, by+(bh-lh)/2, fyne.TextAlignTrailing, c.small, c.fg, false)
		lowX, highX := x.At(b.Low), x.At(b.High)
		lowAlign, highAlign := fyne.TextAlignTrailing, fyne.TextAlignLeading
		lowX, highX = lowX-3, highX+3
		if b.Low > b.High {
			lowAlign, highAlign = fyne.TextAlignLeading, fyne.TextAlignTrailing
			lowX, highX = lowX+6, highX-6
		}
		d.text(b.LowText, lowX, by+(bh-lh)/2, lowAlign, c.small, c.muted, false)
		d.text(b.HighText, highX, by+(bh-lh)/2, highAlign, c.small, c.muted, false)
	}
	cx := x.At(t.center)
	d.line(fyne.NewPos(cx, plot.Y), fyne.NewPos(cx, plot.Y+plot.H), c.fg, 2)
	if h := c.hover; h >= 0 && h < n {
		b := t.bars[h]
		c.tooltip(d, []string{b.Label, b.LowText + " → " + t.format.Full(b.Low), b.HighText + " → " + t.format.Full(b.High)})
	}
}

func (t *Tornado) hoverAt(p fyne.Position, size fyne.Size) int {
	n := len(t.bars)
	if n == 0 {
		return -1
	}
	plot, _, _, _ := t.layout(newCtx(&t.chart, size))
	if p.Y < plot.Y || p.Y >= plot.Y+plot.H {
		return -1
	}
	return min(n-1, int((p.Y-plot.Y)/plot.H*float32(n)))
}
