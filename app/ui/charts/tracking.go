package charts

import (
	"slices"

	"fyne.io/fyne/v2"
)

// TrackingData is what a Tracking chart shows: per month the plan's figure
// and the latest estimate's (what happened in the closed months, the
// estimate in the open ones), and both running totals.
type TrackingData struct {
	Months []string
	Closed int // months 1…Closed happened
	Plan   []float64
	Latest []float64
	// Names of the legend's items.
	PlanName, ActualName, EstimateName, PlanTotalName, LatestTotalName string
	Format                                                             Format
}

func (d TrackingData) equal(o TrackingData) bool {
	return slices.Equal(d.Months, o.Months) && d.Closed == o.Closed && slices.Equal(d.Plan, o.Plan) &&
		slices.Equal(d.Latest, o.Latest) && d.PlanName == o.PlanName && d.ActualName == o.ActualName &&
		d.EstimateName == o.EstimateName && d.PlanTotalName == o.PlanTotalName &&
		d.LatestTotalName == o.LatestTotalName && d.Format == o.Format
}

// Tracking shows a plan being carried out month by month: the plan's bar
// ghosted beside the actual (closed months) or estimated (open months)
// bar, the latest estimate's running total as a line on the right axis,
// and the plan's running total as a ghosted line. Hovering a month shows
// its four figures.
type Tracking struct {
	chart
	data               TrackingData
	planCum, latestCum []float64
}

// NewTracking returns an empty tracking chart.
func NewTracking() *Tracking {
	t := &Tracking{}
	t.init(t)
	t.ExtendBaseWidget(t)
	return t
}

// SetData shows d; nothing is redrawn when nothing changed.
func (t *Tracking) SetData(d TrackingData) {
	if d.equal(t.data) {
		return
	}
	d.Months, d.Plan, d.Latest = slices.Clone(d.Months), slices.Clone(d.Plan), slices.Clone(d.Latest)
	t.data = d
	t.planCum, t.latestCum = running(d.Plan), running(d.Latest)
	t.Refresh()
}

// running returns the running totals of xs.
func running(xs []float64) []float64 {
	out := make([]float64, len(xs))
	sum := 0.0
	for i, x := range xs {
		sum += x
		out[i] = sum
	}
	return out
}

func (t *Tracking) legendItems(c *ctx) []legendItem {
	d := &t.data
	return []legendItem{
		{label: d.PlanName, fill: withAlpha(c.muted, 0.45)},
		{label: d.ActualName, fill: c.primary},
		{label: d.EstimateName, fill: withAlpha(c.primary, 0.45)},
		{label: d.LatestTotalName, fill: c.fg, line: true},
		{label: d.PlanTotalName, fill: withAlpha(c.muted, 0.8), line: true},
	}
}

func (t *Tracking) layout(c *ctx) (plot Box, left, right Scale, lt, rt []float64) {
	lo1, hi1 := Extent(t.data.Plan, t.data.Latest)
	lo2, hi2 := Extent(t.planCum, t.latestCum)
	lt, rt = PairedTicks(lo1, hi1, lo2, hi2, 5)
	lh := c.lineHeight()
	lw := c.axisWidth(lt, t.data.Format.axis(lt)) + 10
	rw := c.axisWidth(rt, t.data.Format.axis(rt)) + 10
	top := c.legendHeight(t.legendItems(c), lw) + 10
	plot = Box{X: lw, Y: top, W: c.size.Width - lw - rw, H: c.size.Height - top - lh - 8}
	left = Scale{Lo: lt[0], Hi: lt[len(lt)-1], From: plot.Y + plot.H, To: plot.Y}
	right = Scale{Lo: rt[0], Hi: rt[len(rt)-1], From: plot.Y + plot.H, To: plot.Y}
	return plot, left, right, lt, rt
}

func (t *Tracking) paint(d *drawing, c *ctx) {
	data := &t.data
	if len(data.Months) == 0 {
		return
	}
	plot, left, right, lt, rt := t.layout(c)
	c.legend(d, t.legendItems(c), plot.X, 0)
	c.yAxis(d, plot, lt, left, data.Format.axis(lt), false)
	c.yAxis(d, plot, rt, right, data.Format.axis(rt), true)
	boxes := GroupedBars([][]float64{data.Plan, data.Latest}, plot, left)
	for i := range data.Months {
		dim := c.hover >= 0 && c.hover != i
		plan, latest := withAlpha(c.muted, 0.45), c.primary
		if i >= data.Closed {
			latest = withAlpha(c.primary, 0.45)
		}
		if dim {
			plan, latest = withAlpha(plan, 0.5), withAlpha(latest, 0.5)
		}
		d.rect(boxes[0][i], plan)
		d.rect(boxes[1][i], latest)
	}
	if data.Closed > 0 && data.Closed < len(data.Months) {
		x, _ := Slot(plot, data.Closed, len(data.Months))
		d.line(fyne.NewPos(x, plot.Y), fyne.NewPos(x, plot.Y+plot.H), c.muted, 1)
	}
	d.polyline(Points(t.planCum, plot, right), withAlpha(c.muted, 0.8), 2)
	pts := Points(t.latestCum, plot, right)
	d.polyline(pts, c.fg, 2)
	for _, p := range pts {
		d.rect(Box{p.X - 2.5, p.Y - 2.5, 5, 5}, c.fg)
	}
	c.categoryLabels(d, data.Months, plot, plot.Y+plot.H+4, true)
	if h := c.hover; h >= 0 && h < len(data.Months) {
		latestName := data.EstimateName
		if h < data.Closed {
			latestName = data.ActualName
		}
		f := data.Format
		c.tooltip(d, []string{data.Months[h],
			data.PlanName + ": " + f.Full(data.Plan[h]),
			latestName + ": " + f.Full(data.Latest[h]),
			data.PlanTotalName + ": " + f.Full(t.planCum[h]),
			data.LatestTotalName + ": " + f.Full(t.latestCum[h])})
	}
}

func (t *Tracking) hoverAt(p fyne.Position, size fyne.Size) int {
	if len(t.data.Months) == 0 {
		return -1
	}
	plot, _, _, _, _ := t.layout(newCtx(&t.chart, size))
	if p.Y < plot.Y || p.Y > plot.Y+plot.H+20 {
		return -1
	}
	return SlotAt(p.X, plot, len(t.data.Months))
}
