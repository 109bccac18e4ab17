package charts

import (
	"slices"

	"fyne.io/fyne/v2"
)

// FanData is a fan chart's figures: per month the 10th, 50th and 90th
// percentiles of a running total, and the plan's own running total.
type FanData struct {
	Months        []string
	P10, P50, P90 []float64
	Plan          []float64
	// Names of the legend's items.
	BandName, MedianName, PlanName string
	Format                         Format
}

func (d FanData) equal(o FanData) bool {
	return slices.Equal(d.Months, o.Months) && slices.Equal(d.P10, o.P10) && slices.Equal(d.P50, o.P50) &&
		slices.Equal(d.P90, o.P90) && slices.Equal(d.Plan, o.Plan) && d.BandName == o.BandName &&
		d.MedianName == o.MedianName && d.PlanName == o.PlanName && d.Format == o.Format
}

// Fan shows the spread of a running total month by month: a shaded band
// from the 10th to the 90th percentile in each month's slot, the median as
// a line and the plan's figure as a dashed-looking ghost line. Hovering a
// month shows its figures.
type Fan struct {
	chart
	data FanData
}

// NewFan returns an empty fan chart.
func NewFan() *Fan {
	f := &Fan{}
	f.init(f)
	f.ExtendBaseWidget(f)
	return f
}

// SetData shows d; nothing is redrawn when nothing changed.
func (f *Fan) SetData(d FanData) {
	if d.equal(f.data) {
		return
	}
	f.data = d
	f.Refresh()
}

func (f *Fan) legendItems(c *ctx) []legendItem {
	return []legendItem{
		{label: f.data.BandName, fill: withAlpha(c.primary, 0.3)},
		{label: f.data.MedianName, fill: c.primary, line: true},
		{label: f.data.PlanName, fill: c.fg, line: true},
	}
}

func (f *Fan) layout(c *ctx) (plot Box, y Scale, ticks []float64) {
	lo, hi := Extent(f.data.P10, f.data.P90, f.data.Plan)
	ticks = Ticks(lo, hi, 5)
	lh := c.lineHeight()
	lw := c.axisWidth(ticks, f.data.Format.axis(ticks)) + 10
	top := c.legendHeight(f.legendItems(c), lw) + 10
	plot = Box{X: lw, Y: top, W: c.size.Width - lw - 12, H: c.size.Height - top - lh - 8}
	y = Scale{Lo: ticks[0], Hi: ticks[len(ticks)-1], From: plot.Y + plot.H, To: plot.Y}
	return plot, y, ticks
}

func (f *Fan) paint(d *drawing, c *ctx) {
	data := &f.data
	n := len(data.Months)
	if n == 0 || len(data.P10) != n || len(data.P90) != n {
		return
	}
	plot, y, ticks := f.layout(c)
	c.legend(d, f.legendItems(c), plot.X, 0)
	c.yAxis(d, plot, ticks, y, data.Format.axis(ticks), false)
	for i := range data.Months {
		x, w := Slot(plot, i, n)
		fill := withAlpha(c.primary, 0.3)
		if c.hover == i {
			fill = withAlpha(c.primary, 0.45)
		}
		d.rect(Bar(x+1, w-2, y, data.P10[i], data.P90[i]), fill)
	}
	if len(data.Plan) == n {
		d.polyline(Points(data.Plan, plot, y), withAlpha(c.fg, 0.6), 1.5)
	}
	if len(data.P50) == n {
		d.polyline(Points(data.P50, plot, y), c.primary, 2.5)
	}
	c.categoryLabels(d, data.Months, plot, plot.Y+plot.H+4, true)
	if h := c.hover; h >= 0 && h < n {
		ff := data.Format
		lines := []string{data.Months[h],
			"P90: " + ff.Full(data.P90[h]), "P50: " + ff.Full(data.P50[h]), "P10: " + ff.Full(data.P10[h])}
		if len(data.Plan) == n {
			lines = append(lines, data.PlanName+": "+ff.Full(data.Plan[h]))
		}
		c.tooltip(d, lines)
	}
}

func (f *Fan) hoverAt(p fyne.Position, size fyne.Size) int {
	if len(f.data.Months) == 0 {
		return -1
	}
	plot, _, _ := f.layout(newCtx(&f.chart, size))
	if p.Y < plot.Y || p.Y > plot.Y+plot.H+20 {
		return -1
	}
	return SlotAt(p.X, plot, len(f.data.Months))
}

// Data returns what the chart shows.
func (f *Fan) Data() FanData { return f.data }
