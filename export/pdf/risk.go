package pdf

import (
	"context"
	"fmt"
	"math"

	"github.com/jung-kurt/gofpdf"

	"mixplan/planner"
)

// The "How sure are we" page, for a plan with ranges (planner.Simulate,
// docs/model.md §3.4): the tornado of the assumptions, largest swing first,
// with what to do about the first in words; the fan of cumulative
// contribution; the key totals' percentiles and each target's chance.

// simulate runs the plan's simulation with the default draws and seed, so
// the page agrees with `mixplan risk` run with its defaults.
func simulate(p *planner.Plan, sc planner.Scenario) (*planner.Risk, error) {
	return planner.Simulate(context.Background(), p, planner.RiskRequest{
		Scenario: sc.ID, Draws: planner.DefaultDraws, Seed: planner.DefaultSeed,
	})
}

// riskTitle names the assumption that matters most and what to do first.
func (data *reportData) riskTitle() string {
	f, r := data.fig, data.risk
	if len(r.Tornado) > 0 && r.Tornado[0].Swing > 0 {
		b := r.Tornado[0]
		if in, err := data.plan.ResolveRange(b.Of); err == nil {
			return fmt.Sprintf("%s swings contribution by %s: %s", data.plan.Assumption(in), f.Money(b.Swing), in.FirstAction())
		}
	}
	c := r.Totals.Contribution
	if c.P10.Valid && c.P90.Valid {
		return fmt.Sprintf("In 8 draws out of 10, contribution lands between %s and %s", f.Money(c.P10.Value), f.Money(c.P90.Value))
	}
	return "How sure are we: the plan’s ranges move no figure"
}

// riskPage draws the page when the plan has ranges.
func (d *doc) riskPage(data *reportData) {
	if data.risk == nil {
		return
	}
	r, f := data.risk, data.fig
	y := d.section("How sure are we", data.riskTitle())
	w := (d.width() - gutter) / 2
	d.font("", ptSmall)
	d.ink(colMuted)
	c := r.Totals.Contribution
	lead := fmt.Sprintf("Each range is drawn at once from a triangle (low, plan, high), %s draws (seed %d).", f.Units(float64(r.Draws)), r.Seed)
	if c.P10.Valid && c.P90.Valid {
		lead = fmt.Sprintf("In 8 draws out of 10, contribution lands between %s and %s (mean %s). ",
			f.Money(c.P10.Value), f.Money(c.P90.Value), c.Mean.Format(f.Money)) + lead
	}
	y += d.paragraph(d.left, y, d.width(), lead, alignLeft, 2) + 2

	top := y
	h := (d.bottom - top) * 0.56
	d.tornado(data, plotBox{d.left, top, w, h})
	d.fan(data, plotBox{d.left + w + gutter, top, w, h})
	below := top + h + 4
	d.spreadTable(data, d.left, below, w)
	d.chanceTable(data, d.left+w+gutter, below, w)
}

// tornado draws each range's contribution at its low and high value around
// the plan's contribution, largest swing first.
func (d *doc) tornado(data *reportData, b plotBox) {
	f, bars := data.fig, data.risk.Tornado
	y := d.chartHeading(b.x, b.y, b.w, "Which assumptions matter most",
		"Contribution with one input at its low (light) or high (dark) value, every other as planned.")
	if len(bars) == 0 {
		return
	}
	base := data.rep.Totals.Contribution
	lo, hi := base, base
	for _, t := range bars {
		lo = math.Min(lo, math.Min(t.ContributionLow, t.ContributionHigh))
		hi = math.Max(hi, math.Max(t.ContributionLow, t.ContributionHigh))
	}
	if hi-lo <= 0 {
		hi = lo + 1
	}
	const labelW, valueW = 52.0, 17.0
	x0, x1 := b.x+labelW+valueW, b.right()-valueW
	at := func(v float64) float64 { return x0 + (v-lo)/(hi-lo)*(x1-x0) }
	rowH := math.Min(7, (b.bottom()-y-5)/float64(len(bars)))
	for i, t := range bars {
		ry := y + float64(i)*rowH
		label := t.Of
		if in, err := data.plan.ResolveRange(t.Of); err == nil {
			label = data.plan.Assumption(in)
		}
		d.font("", ptSmall)
		d.ink(colInk)
		mid := ry + (rowH-d.lineH())/2
		d.text(b.x, mid, 0, d.fit(label, labelW-2), alignLeft)
		bh := math.Min(rowH*0.62, 4)
		for _, side := range []struct {
			v float64
			c rgb
		}{{t.ContributionLow, shade(colAccent, 0.55)}, {t.ContributionHigh, colNavy}} {
			d.fillRect(at(base), ry+(rowH-bh)/2, at(side.v)-at(base), bh, side.c)
		}
		d.font("", ptTiny)
		d.ink(colMuted)
		left, right := math.Min(t.ContributionLow, t.ContributionHigh), math.Max(t.ContributionLow, t.ContributionHigh)
		d.text(at(left)-valueW-1, ry+(rowH-d.lineH())/2, valueW, f.short(left), alignRight)
		d.text(at(right)+1, ry+(rowH-d.lineH())/2, 0, f.short(right), alignLeft)
	}
	end := y + float64(len(bars))*rowH
	d.line(at(base), y-1, at(base), end+1, 0.35, colInk)
	d.font("", ptTiny)
	d.ink(colInk)
	d.text(at(base)-20, end+1.2, 40, "Plan: "+f.Money(base), alignCenter)
}

// fan draws the P10–P90 band of cumulative contribution with its median and
// the plan's own line.
func (d *doc) fan(data *reportData, b plotBox) {
	f, bands := data.fig, data.risk.MonthlyCumulative
	y := d.chartHeading(b.x, b.y, b.w, "Cumulative contribution: the range of outcomes",
		"Band: 8 draws in 10 fall inside it (P10 to P90). Line: the median draw. Dashed: the plan.")
	if len(bands) == 0 {
		return
	}
	lo, hi := 0.0, 0.0
	for i, m := range bands {
		lo, hi = math.Min(lo, m.P10), math.Max(hi, m.P90)
		c := data.rep.Monthly[i].CumulativeContribution
		lo, hi = math.Min(lo, c), math.Max(hi, c)
	}
	a := niceAxis(lo, hi, 5)
	sc := scaleFor(a.maxAbs())
	pb := plotBox{b.x + 17, y + 1, b.w - 19, b.bottom() - y - 1 - 6}
	d.yGrid(pb, a, func(v float64) string { return f.compactMoney(v, sc, a.decimals(sc)) }, false, colMuted)
	n := len(bands)
	slot := pb.w / float64(n)
	xAt := func(i int) float64 { return pb.x + slot*float64(i) + slot/2 }
	yAt := func(v float64) float64 { return a.at(v, pb.bottom(), pb.y) }
	band := make([]gofpdf.PointType, 0, 2*n)
	var med, plan []gofpdf.PointType
	for i, m := range bands {
		band = append(band, gofpdf.PointType{X: xAt(i), Y: yAt(m.P90)})
		med = append(med, gofpdf.PointType{X: xAt(i), Y: yAt(m.P50)})
		plan = append(plan, gofpdf.PointType{X: xAt(i), Y: yAt(data.rep.Monthly[i].CumulativeContribution)})
	}
	for i := n - 1; i >= 0; i-- {
		band = append(band, gofpdf.PointType{X: xAt(i), Y: yAt(bands[i].P10)})
	}
	setFill(d.pdf, shade(colAccent, 0.75))
	d.pdf.Polygon(band, "F")
	d.polyline(med, 0.7, colNavy)
	d.pdf.SetDashPattern([]float64{1.2, 0.9}, 0)
	d.polyline(plan, 0.4, colInk)
	d.pdf.SetDashPattern(nil, 0)
	d.monthTicks(data.rep.Monthly, pb)
}

// spreadTable shows the key totals' mean and percentiles.
func (d *doc) spreadTable(data *reportData, x, y, w float64) {
	f, r := data.fig, data.risk.Totals
	t := &table{cols: []column{
		{"Figure", 0, alignLeft}, {"Mean", 22, alignRight}, {"P10", 22, alignRight}, {"P50", 22, alignRight}, {"P90", 22, alignRight},
	}}
	for _, it := range []struct {
		name   string
		dist   planner.Distribution
		format func(float64) string
	}{
		{"Contribution", r.Contribution, f.Money}, {"Net revenue", r.NetRevenue, f.Money},
		{"Gross margin %", r.GrossMarginPct, f.Percent}, {"ROMI", r.ROMI, f.Percent},
		{"CAC", r.CAC, f.UnitMoney}, {"Units", r.Units, f.Units},
	} {
		t.rows = append(t.rows, row{cells: []string{it.name, it.dist.Mean.Format(it.format),
			it.dist.P10.Format(it.format), it.dist.P50.Format(it.format), it.dist.P90.Format(it.format)}})
	}
	t.drawAt(d, x, y, w)
}

// chanceTable shows the share of draws that meet each target.
func (d *doc) chanceTable(data *reportData, x, y, w float64) {
	f, r := data.fig, data.risk
	if len(r.Targets) == 0 {
		d.font("", ptBody)
		d.ink(colMuted)
		d.paragraph(x, y, w, "The plan sets no targets, so there is no chance of meeting one to show.", alignLeft, 2)
		return
	}
	t := &table{cols: []column{{"Target", 0, alignLeft}, {"Goal", 34, alignRight}, {"Chance of meeting it", 36, alignRight}}}
	for _, tp := range r.Targets {
		tg, _ := planner.TargetByName(tp.Name)
		goal := ""
		if g := data.plan.Targets.Ptr(tp.Name); g != nil && *g != nil {
			// Words, not ≥ and ≤: Noto Sans as embedded has no glyph for them.
			sign := "at least "
			if tg.Kind == planner.AtMost {
				sign = "at most "
			}
			goal = sign + f.Value(tg.Unit, **g)
		}
		ink := colInk
		switch {
		case tp.Probability >= 0.8:
			ink = colGood
		case tp.Probability < 0.5:
			ink = colBad
		}
		t.rows = append(t.rows, row{cells: []string{tg.Label, goal, f.Percent(tp.Probability)}, ink: []rgb{{}, {}, ink}})
	}
	t.drawAt(d, x, y, w)
}
