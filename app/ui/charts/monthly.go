package charts

import (
	"slices"

	"fyne.io/fyne/v2"
)

// Monthly shows one figure per month as bars (monthly contribution, left
// axis) and its running total as a line (cumulative contribution, right
// axis). The two axes share their zero and their gridlines. Hovering a month
// shows both values.
type Monthly struct {
	chart
	months            []string
	bars, line        []float64
	barName, lineName string
	format            Format
}

// NewMonthly returns an empty monthly chart.
func NewMonthly() *Monthly {
	m := &Monthly{}
	m.init(m)
	m.ExtendBaseWidget(m)
	return m
}

// SetData shows bars and line values over the months, with their legend
// names. Nothing is redrawn when nothing changed.
func (m *Monthly) SetData(months []string, barName string, bars []float64, lineName string, line []float64, f Format) {
	if slices.Equal(months, m.months) && slices.Equal(bars, m.bars) && slices.Equal(line, m.line) &&
		barName == m.barName && lineName == m.lineName && f == m.format {
		return
	}
	m.months, m.bars, m.line = slices.Clone(months), slices.Clone(bars), slices.Clone(line)
	m.barName, m.lineName, m.format = barName, lineName, f
	m.Refresh()
}

func (m *Monthly) layout(c *ctx) (plot Box, left, right Scale, lt, rt []float64) {
	lo1, hi1 := Extent(m.bars)
	lo2, hi2 := Extent(m.line)
	lt, rt = PairedTicks(lo1, hi1, lo2, hi2, 5)
	lh := c.lineHeight()
	lw := c.axisWidth(lt, m.format.axis(lt)) + 10
	rw := c.axisWidth(rt, m.format.axis(rt)) + 10
	top := lh + 10
	plot = Box{X: lw, Y: top, W: c.size.Width - lw - rw, H: c.size.Height - top - lh - 8}
	left = Scale{Lo: lt[0], Hi: lt[len(lt)-1], From: plot.Y + plot.H, To: plot.Y}
	right = Scale{Lo: rt[0], Hi: rt[len(rt)-1], From: plot.Y + plot.H, To: plot.Y}
	return plot, left, right, lt, rt
}

func (m *Monthly) paint(d *drawing, c *ctx) {
	if len(m.months) == 0 {
		return
	}
	plot, left, right, lt, rt := m.layout(c)
	c.legend(d, []legendItem{{label: m.barName, fill: c.primary}, {label: m.lineName, fill: c.fg, line: true}}, plot.X, 0)
	c.yAxis(d, plot, lt, left, m.format.axis(lt), false)
	c.yAxis(d, plot, rt, right, m.format.axis(rt), true)
	for i, box := range GroupedBars([][]float64{m.bars}, plot, left)[0] {
		fill := c.primary
		if m.bars[i] < 0 {
			fill = c.bad
		}
		if c.hover >= 0 && c.hover != i {
			fill = withAlpha(fill, 0.55)
		}
		d.rect(box, fill)
	}
	pts := Points(m.line, plot, right)
	d.polyline(pts, c.fg, 2)
	for _, p := range pts {
		d.rect(Box{p.X - 2.5, p.Y - 2.5, 5, 5}, c.fg)
	}
	c.categoryLabels(d, m.months, plot, plot.Y+plot.H+4, true)
	if h := c.hover; h >= 0 && h < len(m.months) {
		c.tooltip(d, []string{m.months[h], m.barName + ": " + m.format.Full(m.bars[h]), m.lineName + ": " + m.format.Full(m.line[h])})
	}
}

func (m *Monthly) hoverAt(p fyne.Position, size fyne.Size) int {
	if len(m.months) == 0 {
		return -1
	}
	plot, _, _, _, _ := m.layout(newCtx(&m.chart, size))
	if p.Y < plot.Y || p.Y > plot.Y+plot.H+20 {
		return -1
	}
	return SlotAt(p.X, plot, len(m.months))
}
