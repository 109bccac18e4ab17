package charts

import (
	"image/color"

	"slices"

	"fyne.io/fyne/v2"
)

// Series is one named row of values of a bar chart, one value per category.
type Series struct {
	Name   string
	Values []float64
}

func (s Series) equal(o Series) bool { return s.Name == o.Name && slices.Equal(s.Values, o.Values) }

// Bars is a grouped bar chart: categories along the bottom (channels), one
// bar per series in each (spend, incremental contribution), with a legend on
// top. Hovering a category shows every series' value for it.
type Bars struct {
	chart
	categories []string
	series     []Series
	format     Format

	// Periods says the categories are consecutive periods (months): when
	// their names do not all fit, every k-th is written whole, as on a time
	// axis, rather than each shortened.
	Periods bool
}

// NewBars returns an empty bar chart.
func NewBars() *Bars {
	b := &Bars{}
	b.init(b)
	b.ExtendBaseWidget(b)
	return b
}

// SetData shows the series over the categories. Nothing is redrawn when
// nothing changed.
func (b *Bars) SetData(categories []string, series []Series, f Format) {
	if slices.Equal(categories, b.categories) && slices.EqualFunc(series, b.series, Series.equal) && f == b.format {
		return
	}
	b.categories, b.format = slices.Clone(categories), f
	b.series = make([]Series, len(series))
	for i, s := range series {
		b.series[i] = Series{s.Name, slices.Clone(s.Values)}
	}
	b.Refresh()
}

func (b *Bars) values() [][]float64 {
	v := make([][]float64, len(b.series))
	for i, s := range b.series {
		v[i] = s.Values
	}
	return v
}

func (b *Bars) layout(c *ctx) (plot Box, y Scale, ticks []float64) {
	lo, hi := Extent(b.values()...)
	ticks = Ticks(lo, hi, 5)
	lh := c.lineHeight()
	left := c.axisWidth(ticks, b.format.axis(ticks)) + 10
	top := lh + 10
	plot = Box{X: left, Y: top, W: c.size.Width - left - 6, H: c.size.Height - top - lh - 8}
	y = Scale{Lo: ticks[0], Hi: ticks[len(ticks)-1], From: plot.Y + plot.H, To: plot.Y}
	return plot, y, ticks
}

func (b *Bars) paint(d *drawing, c *ctx) {
	if len(b.categories) == 0 {
		return
	}
	plot, y, ticks := b.layout(c)
	colors := []color.Color{c.muted, c.primary, c.good, c.alt}
	items := make([]legendItem, len(b.series))
	for i, s := range b.series {
		items[i] = legendItem{label: s.Name, fill: colors[i%len(colors)]}
	}
	c.legend(d, items, plot.X, 0)
	c.yAxis(d, plot, ticks, y, b.format.axis(ticks), false)
	for s, row := range GroupedBars(b.values(), plot, y) {
		for i, box := range row {
			fill := colors[s%len(colors)]
			if b.series[s].Values[i] < 0 {
				fill = c.bad
			}
			if c.hover >= 0 && c.hover != i {
				fill = withAlpha(fill, 0.55)
			}
			d.rect(box, fill)
		}
	}
	c.categoryLabels(d, b.categories, plot, plot.Y+plot.H+4, b.Periods)
	if h := c.hover; h >= 0 && h < len(b.categories) {
		lines := []string{b.categories[h]}
		for _, s := range b.series {
			lines = append(lines, s.Name+": "+b.format.Full(s.Values[h]))
		}
		c.tooltip(d, lines)
	}
}

func (b *Bars) hoverAt(p fyne.Position, size fyne.Size) int {
	if len(b.categories) == 0 {
		return -1
	}
	plot, _, _ := b.layout(newCtx(&b.chart, size))
	if p.Y < plot.Y || p.Y > plot.Y+plot.H+20 {
		return -1
	}
	return SlotAt(p.X, plot, len(b.categories))
}
