package charts

import (
	"cmp"
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"mixplan/planner/numfmt"
)

// Span is a range of values along an axis, From ≤ To.
type Span struct{ From, To float64 }

// FrontierReach is a vertical marker at the least budget that meets a
// target, named ("Revenue target").
type FrontierReach struct {
	Budget float64
	Name   string
}

// FrontierData is what a Frontier shows: the best figure and its ROMI at
// each budget, today's plan as a point, the targets' reach and the budgets
// where every target is met.
type FrontierData struct {
	// Budgets are the x values, increasing; Figure the optimum's figure at
	// each (NaN where no allocation fits that budget) and ROMI its return
	// on promotion spend (NaN where it has none).
	Budgets, Figure, ROMI []float64
	// FigureName and ROMIName name the two lines; BudgetName the x axis.
	FigureName, ROMIName, BudgetName string
	// Today is the plan as it is: its budget and figure (NaN hides it), named TodayName.
	TodayBudget, TodayFigure float64
	TodayName                string
	// Reaches are drawn as dashed vertical lines with their names.
	Reaches []FrontierReach
	// Zones are shaded: the budgets where every target is met, named ZoneName.
	Zones    []Span
	ZoneName string
	// FigureFormat writes the figure (money, or units with Currency "");
	// Money writes budgets; Locale writes ROMI as a percentage.
	FigureFormat, Money Format
	Locale              numfmt.Locale
}

func (a FrontierData) equal(b FrontierData) bool {
	same := func(x, y []float64) bool {
		return slices.EqualFunc(x, y, func(p, q float64) bool { return p == q || math.IsNaN(p) && math.IsNaN(q) })
	}
	one := func(p, q float64) bool { return p == q || math.IsNaN(p) && math.IsNaN(q) }
	return same(a.Budgets, b.Budgets) && same(a.Figure, b.Figure) && same(a.ROMI, b.ROMI) &&
		a.FigureName == b.FigureName && a.ROMIName == b.ROMIName && a.BudgetName == b.BudgetName &&
		one(a.TodayBudget, b.TodayBudget) && one(a.TodayFigure, b.TodayFigure) && a.TodayName == b.TodayName &&
		slices.Equal(a.Reaches, b.Reaches) && slices.Equal(a.Zones, b.Zones) && a.ZoneName == b.ZoneName &&
		a.FigureFormat == b.FigureFormat && a.Money == b.Money && a.Locale == b.Locale
}

func (a FrontierData) clone() FrontierData {
	a.Budgets, a.Figure, a.ROMI = slices.Clone(a.Budgets), slices.Clone(a.Figure), slices.Clone(a.ROMI)
	a.Reaches, a.Zones = slices.Clone(a.Reaches), slices.Clone(a.Zones)
	return a
}

// Frontier is the budget frontier: the best figure the promotion can
// bring at each marketing budget (left axis, a line with a dot per budget
// solved) and its ROMI (right axis, a thinner line), today's plan as a
// point (below the line when it can do better), a dashed line at each
// target's reach and the budgets where every target is met shaded.
// Hovering a budget shows its figures and calls OnHover; clicking it calls
// OnTapped, and SetSelected marks the point chosen.
type Frontier struct {
	chart
	data     FrontierData
	selected int

	// OnHover is called with the budget under the pointer, or -1 when it leaves.
	OnHover func(i int)
	// OnTapped is called with the budget clicked.
	OnTapped func(i int)
}

// NewFrontier returns an empty frontier.
func NewFrontier() *Frontier {
	f := &Frontier{selected: -1}
	f.init(f)
	f.ExtendBaseWidget(f)
	return f
}

// SetData shows d and forgets the point selected when the budgets changed.
// Nothing is redrawn when nothing changed.
func (f *Frontier) SetData(d FrontierData) {
	if d.equal(f.data) {
		return
	}
	if !slices.Equal(d.Budgets, f.data.Budgets) {
		f.selected = -1
	}
	f.data = d.clone()
	f.Refresh()
}

// SetSelected marks budget i as the one chosen (-1: none).
func (f *Frontier) SetSelected(i int) {
	if i < -1 || i >= len(f.data.Budgets) {
		i = -1
	}
	if i != f.selected {
		f.selected = i
		f.Refresh()
	}
}

// Selected returns the budget marked, or -1.
func (f *Frontier) Selected() int { return f.selected }

// MouseMoved shows the budget under the pointer and tells OnHover.
func (f *Frontier) MouseMoved(e *desktop.MouseEvent) {
	before := f.hover
	f.chart.MouseMoved(e)
	if f.hover != before && f.OnHover != nil {
		f.OnHover(f.hover)
	}
}

// MouseIn is part of desktop.Hoverable.
func (f *Frontier) MouseIn(e *desktop.MouseEvent) { f.MouseMoved(e) }

// MouseOut hides the hover box and tells OnHover.
func (f *Frontier) MouseOut() {
	before := f.hover
	f.chart.MouseOut()
	if before != -1 && f.OnHover != nil {
		f.OnHover(-1)
	}
}

// Tapped selects the budget under the pointer and tells OnTapped.
func (f *Frontier) Tapped(e *fyne.PointEvent) {
	i := f.hoverAt(e.Position, f.Size())
	if i < 0 || !finite(f.data.Figure, i) {
		return
	}
	f.SetSelected(i)
	if f.OnTapped != nil {
		f.OnTapped(i)
	}
}

// finite reports whether vs[i] is a number: a budget the constraints fit.
func finite(vs []float64, i int) bool {
	return i >= 0 && i < len(vs) && !math.IsNaN(vs[i]) && !math.IsInf(vs[i], 0)
}

// percent writes a ROMI tick or value.
func (f *Frontier) percent(x float64) string { return numfmt.Percent(x, f.data.Locale, 0) }

func (f *Frontier) layout(c *ctx, legendH float32) (plot Box, sx, sy, sr Scale, xt, yt, rt []float64) {
	d := f.data
	xlo, xhi := math.Inf(1), math.Inf(-1)
	for _, b := range append(slices.Clone(d.Budgets), d.TodayBudget) {
		if !math.IsNaN(b) {
			xlo, xhi = math.Min(xlo, b), math.Max(xhi, b)
		}
	}
	for _, r := range d.Reaches {
		xlo, xhi = math.Min(xlo, r.Budget), math.Max(xhi, r.Budget)
	}
	xt = Ticks(xlo, xhi, 5)
	// The figure's axis spans its values only: the frontier's shape is in
	// its top part, which an axis from zero would flatten. ROMI's axis
	// keeps its zero, where promotion stops paying for itself.
	flo, fhi := math.Inf(1), math.Inf(-1)
	for _, v := range append(slices.Clone(d.Figure), d.TodayFigure) {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			flo, fhi = math.Min(flo, v), math.Max(fhi, v)
		}
	}
	if flo > fhi {
		flo, fhi = 0, 1
	}
	rlo, rhi := Extent(d.ROMI)
	yt = Ticks(flo, fhi, 4)
	rt = AlignedTicks(rlo, rhi, len(yt)-1)
	lh := c.lineHeight()
	left := c.axisWidth(yt, d.FigureFormat.axis(yt)) + 10
	right := c.axisWidth(rt, f.percent) + 10
	top := legendH + 6 + float32(reachRows(d.Reaches))*lh // lines for the reaches' names
	plot = Box{X: left, Y: top, W: c.size.Width - left - right, H: c.size.Height - top - 2*lh - 10}
	sx = Scale{Lo: xt[0], Hi: xt[len(xt)-1], From: plot.X, To: plot.X + plot.W}
	sy = Scale{Lo: yt[0], Hi: yt[len(yt)-1], From: plot.Y + plot.H, To: plot.Y}
	sr = Scale{Lo: rt[0], Hi: rt[len(rt)-1], From: plot.Y + plot.H, To: plot.Y}
	return plot, sx, sy, sr, xt, yt, rt
}

// legendItems are the frontier's legend entries, in drawing order.
func (f *Frontier) legendItems(c *ctx) []legendItem {
	d := f.data
	items := []legendItem{{label: d.FigureName, fill: c.primary, line: true}, {label: d.ROMIName, fill: c.alt, line: true}}
	if !math.IsNaN(d.TodayFigure) && !math.IsNaN(d.TodayBudget) {
		items = append(items, legendItem{label: d.TodayName, fill: c.bad})
	}
	if len(d.Zones) > 0 {
		items = append(items, legendItem{label: d.ZoneName, fill: withAlpha(c.good, 0.25)})
	}
	return items
}

func (f *Frontier) paint(dr *drawing, c *ctx) {
	d := f.data
	if len(d.Budgets) == 0 {
		return
	}
	items := f.legendItems(c)
	c.legend(dr, items, 0, 0)
	plot, sx, sy, sr, xt, yt, rt := f.layout(c, c.legendHeight(items, 0))
	lh := c.lineHeight()
	for _, z := range d.Zones {
		x0, x1 := sx.At(math.Max(z.From, sx.Lo)), sx.At(math.Min(z.To, sx.Hi))
		dr.rect(Box{x0, plot.Y, fyne.Max(1, x1-x0), plot.H}, withAlpha(c.good, 0.18))
	}
	c.yAxis(dr, plot, yt, sy, d.FigureFormat.axis(yt), false)
	c.yAxis(dr, plot, rt, sr, f.percent, true)
	c.xAxis(dr, plot, xt, sx, d.Money.axis(xt))
	dr.text(d.BudgetName, plot.X+plot.W/2, plot.Y+plot.H+lh+6, fyne.TextAlignCenter, c.small, c.muted, false)
	rows := reachRows(d.Reaches)
	var ends []float32 // the right end of the last name on each row
	reaches := slices.Clone(d.Reaches)
	slices.SortFunc(reaches, func(a, b FrontierReach) int { return cmp.Compare(a.Budget, b.Budget) })
	for _, r := range reaches {
		if r.Budget < sx.Lo || r.Budget > sx.Hi {
			continue
		}
		x := sx.At(r.Budget)
		dashed(dr, fyne.NewPos(x, plot.Y), fyne.NewPos(x, plot.Y+plot.H), c.fg, 1.5)
		w := fyne.MeasureText(r.Name, c.small, fyne.TextStyle{}).Width
		row := 0 // the lowest row where the name clears the one before it
		for row < len(ends) && ends[row] > x-w/2-6 && row < rows-1 {
			row++
		}
		if row == len(ends) {
			ends = append(ends, 0)
		}
		ends[row] = x + w/2
		dr.text(r.Name, x, plot.Y-float32(row+1)*lh-2, fyne.TextAlignCenter, c.small, c.fg, false)
	}
	for _, run := range Runs(d.Budgets, d.ROMI) {
		dr.polyline(CurvePoints(d.Budgets[run.From:run.To], d.ROMI[run.From:run.To], sx, sr), c.alt, 1.5)
	}
	for _, run := range Runs(d.Budgets, d.Figure) {
		dr.polyline(CurvePoints(d.Budgets[run.From:run.To], d.Figure[run.From:run.To], sx, sy), c.primary, 2.5)
	}
	for i, b := range d.Budgets {
		if !finite(d.Figure, i) {
			continue
		}
		p := fyne.NewPos(sx.At(b), sy.At(d.Figure[i]))
		r := float32(2.5)
		if i == c.hover {
			r = 4
		}
		dr.rect(Box{p.X - r, p.Y - r, 2 * r, 2 * r}, c.primary)
	}
	if f.selected >= 0 && finite(d.Figure, f.selected) {
		p := fyne.NewPos(sx.At(d.Budgets[f.selected]), sy.At(d.Figure[f.selected]))
		dr.line(fyne.NewPos(p.X, plot.Y), fyne.NewPos(p.X, plot.Y+plot.H), withAlpha(c.primary, 0.5), 1)
		dr.overlayRect(Box{p.X - 7, p.Y - 7, 14, 14}, nil, c.fg)
		dr.rect(Box{p.X - 5, p.Y - 5, 10, 10}, c.primary)
	}
	if !math.IsNaN(d.TodayFigure) && !math.IsNaN(d.TodayBudget) {
		p := fyne.NewPos(sx.At(d.TodayBudget), sy.At(d.TodayFigure))
		dr.rect(Box{p.X - 5, p.Y - 5, 10, 10}, c.bad)
	}
	if i := c.hover; i >= 0 && i < len(d.Budgets) {
		x := sx.At(d.Budgets[i])
		dr.line(fyne.NewPos(x, plot.Y), fyne.NewPos(x, plot.Y+plot.H), c.muted, 1)
		lines := []string{d.BudgetName + ": " + d.Money.Full(d.Budgets[i])}
		if finite(d.Figure, i) {
			lines = append(lines, d.FigureName+": "+d.FigureFormat.Full(d.Figure[i]))
		} else {
			lines = append(lines, d.FigureName+": —")
		}
		if finite(d.ROMI, i) {
			lines = append(lines, d.ROMIName+": "+numfmt.Percent(d.ROMI[i], d.Locale, 1))
		}
		c.tooltip(dr, lines)
	}
}

// reachRows is how many lines the reaches' names take: one, or two when
// there are several, so that names of close reaches do not overlap.
func reachRows(reaches []FrontierReach) int { return min(2, max(1, len(reaches))) }

// dashed draws a dashed segment from a to b.
func dashed(d *drawing, a, b fyne.Position, stroke color.Color, width float32) {
	length := float32(math.Hypot(float64(b.X-a.X), float64(b.Y-a.Y)))
	const dash, gap = 5, 4
	for s := float32(0); s < length; s += dash + gap {
		e := fyne.Min(length, s+dash)
		d.line(lerp(a, b, s/length), lerp(a, b, e/length), stroke, width)
	}
}

func lerp(a, b fyne.Position, t float32) fyne.Position {
	return fyne.NewPos(a.X+(b.X-a.X)*t, a.Y+(b.Y-a.Y)*t)
}

// AlignedTicks returns n+1 round ticks covering lo to hi at a round step,
// for a second axis whose labels sit on the first axis's n intervals.
func AlignedTicks(lo, hi float64, n int) []float64 {
	n = max(1, n)
	if !(hi > lo) || math.IsInf(hi-lo, 0) {
		lo, hi = math.Min(lo, 0), math.Max(hi, lo+1)
	}
	step := NiceStep(hi-lo, n)
	first := math.Floor(lo/step+1e-9) * step
	for first+float64(n)*step < hi-step*1e-9 { // the floor took room: a larger round step
		step = NiceStep(step*float64(n)*(1+1e-9), n)
		first = math.Floor(lo/step+1e-9) * step
	}
	ticks := make([]float64, n+1)
	for i := range ticks {
		ticks[i] = roundTo(first+float64(i)*step, step)
	}
	return ticks
}

// Run is the indices [From, To) of a piece of a line.
type Run struct{ From, To int }

// Runs returns the ranges [From, To) of consecutive indices where both xs
// and ys are numbers: the pieces of a line broken where a value is missing.
func Runs(xs, ys []float64) []Run {
	var runs []Run
	start := -1
	n := min(len(xs), len(ys))
	for i := 0; i <= n; i++ {
		ok := i < n && finite(xs, i) && finite(ys, i)
		switch {
		case ok && start < 0:
			start = i
		case !ok && start >= 0:
			runs = append(runs, Run{start, i})
			start = -1
		}
	}
	return runs
}

func (f *Frontier) hoverAt(p fyne.Position, size fyne.Size) int {
	if len(f.data.Budgets) == 0 {
		return -1
	}
	c := newCtx(&f.chart, size)
	plot, sx, _, _, _, _, _ := f.layout(c, c.legendHeight(f.legendItems(c), 0))
	if p.X < plot.X-6 || p.X > plot.X+plot.W+6 || p.Y < plot.Y || p.Y > plot.Y+plot.H {
		return -1
	}
	return Nearest(f.data.Budgets, sx.Value(p.X))
}
