package charts

import (
	"slices"

	"fyne.io/fyne/v2"

	"mixplan/planner"
)

// Bridge is the contribution bridge, a waterfall: gross sales, each
// deduction floating down from the running total, and contribution. Each bar
// carries its value; hovering shows the step's value and running total.
type Bridge struct {
	chart
	steps  []planner.BridgeStep
	labels []string
	format Format
}

// NewBridge returns an empty bridge.
func NewBridge() *Bridge {
	b := &Bridge{}
	b.init(b)
	b.ExtendBaseWidget(b)
	return b
}

// SetData shows the steps of planner.Bridge with their labels (one per step,
// in the user's language). Nothing is redrawn when nothing changed.
func (b *Bridge) SetData(steps []planner.BridgeStep, labels []string, f Format) {
	if slices.Equal(steps, b.steps) && slices.Equal(labels, b.labels) && f == b.format {
		return
	}
	b.steps, b.labels, b.format = slices.Clone(steps), slices.Clone(labels), f
	b.Refresh()
}

// bridgeLayout is where the bridge's plot and scale fall for a size.
func (b *Bridge) layout(c *ctx) (plot Box, y Scale, ticks []float64) {
	lo, hi := 0.0, 0.0
	for _, s := range b.steps {
		lo = min(lo, s.Start, s.End)
		hi = max(hi, s.Start, s.End)
	}
	ticks = Ticks(lo, hi, 5)
	lh := c.lineHeight()
	left := c.axisWidth(ticks, b.format.axis(ticks)) + 10
	plot = Box{X: left, Y: lh + 6, W: c.size.Width - left - 6, H: c.size.Height - 2*lh - 14}
	y = Scale{Lo: ticks[0], Hi: ticks[len(ticks)-1], From: plot.Y + plot.H, To: plot.Y}
	return plot, y, ticks
}

func (b *Bridge) paint(d *drawing, c *ctx) {
	if len(b.steps) == 0 {
		return
	}
	plot, y, ticks := b.layout(c)
	c.yAxis(d, plot, ticks, y, b.format.axis(ticks), false)
	n := len(b.steps)
	lh := c.lineHeight()
	for i, s := range b.steps {
		box := BridgeBar(plot, y, i, n, s.Start, s.End)
		fill := c.alt
		switch {
		case s.Total && s.End < 0:
			fill = c.bad
		case s.Total && i == n-1:
			fill = c.good
		case s.Total:
			fill = c.primary
		}
		if c.hover >= 0 && c.hover != i {
			fill = withAlpha(fill, 0.55)
		}
		d.rect(box, fill)
		if i+1 < n { // connector from this step's end to the next bar
			next := BridgeBar(plot, y, i+1, n, b.steps[i+1].Start, b.steps[i+1].End)
			py := y.At(s.End)
			d.line(fyne.NewPos(box.X+box.W, py), fyne.NewPos(next.X, py), c.muted, 1)
		}
		ly := box.Y - lh - 1
		if s.Value < 0 || (s.Total && s.End < 0) {
			ly = box.Y + box.H + 1
		}
		d.text(b.format.Short(s.Value), box.X+box.W/2, ly, fyne.TextAlignCenter, c.small, c.fg, s.Total)
	}
	c.categoryLabels(d, b.labels, plot, plot.Y+plot.H+4, false)
	if c.hover >= 0 && c.hover < n {
		s := b.steps[c.hover]
		lines := []string{b.label(c.hover), b.format.Full(s.Value)}
		if !s.Total {
			lines = append(lines, "→ "+b.format.Full(s.End))
		}
		c.tooltip(d, lines)
	}
}

func (b *Bridge) label(i int) string {
	if i < len(b.labels) {
		return b.labels[i]
	}
	return b.steps[i].Key
}

func (b *Bridge) hoverAt(p fyne.Position, size fyne.Size) int {
	if len(b.steps) == 0 {
		return -1
	}
	plot, _, _ := b.layout(newCtx(&b.chart, size))
	if p.Y < plot.Y-20 || p.Y > plot.Y+plot.H+20 {
		return -1
	}
	return SlotAt(p.X, plot, len(b.steps))
}
