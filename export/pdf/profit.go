package pdf

import (
	"fmt"
	"math"

	"github.com/jung-kurt/gofpdf"

	"mixplan/planner"
)

// The profit page: the contribution bridge as a waterfall, and the monthly
// contribution with its cumulative line and the payback month.

func (d *doc) profitPage(data *reportData) {
	f, t := data.fig, data.rep.Totals
	title := fmt.Sprintf("Contribution is %s", f.Money(t.Contribution))
	if t.GrossSales > 0 {
		title += fmt.Sprintf(", %s of gross sales", f.Percent(t.Contribution/t.GrossSales))
	}
	if t.PaybackMonth.Valid {
		m := int(t.PaybackMonth.Value)
		title += fmt.Sprintf("; the plan pays back in month %d", m)
		if data.plan.Start != "" {
			title += " (" + monthLong(data.rep.Monthly[m-1].Month) + ")"
		}
	} else {
		title += fmt.Sprintf("; the plan does not pay back within %d months", data.plan.Months)
	}
	y := d.section("Contribution bridge and payback", title)
	w := (d.width() - gutter) / 2
	h := d.bottom - y
	d.bridgeChart(data, plotBox{d.left, y, w, h})
	d.pdf.Bookmark("Monthly contribution and payback", 1, y)
	d.monthlyChart(data, plotBox{d.left + w + gutter, y, w, h})
}

// chartHeading draws a chart's title and subtitle and returns the y below.
func (d *doc) chartHeading(x, y, w float64, title, sub string) float64 {
	d.font("B", ptBody+0.5)
	d.ink(colInk)
	y += d.paragraph(x, y, w, title, alignLeft, 2)
	if sub != "" {
		d.font("", ptSmall)
		d.ink(colMuted)
		y += d.paragraph(x, y, w, sub, alignLeft, 2)
	}
	return y + 2.5
}

var bridgeLabels = map[string]string{
	"grossSales": "Gross sales", "channelMargins": "Channel margins", "cogs": "Cost of goods",
	"logistics": "Logistics", "marketingSpend": "Marketing", "contribution": "Contribution",
}

func (d *doc) bridgeChart(data *reportData, b plotBox) {
	f := data.fig
	steps := planner.Bridge(data.rep)
	y := d.chartHeading(b.x, b.y, b.w, "From gross sales to contribution",
		"What end customers pay, less the intermediaries’ margins, the cost of goods, logistics and marketing (launch, places’ fixed costs, promotion).")
	lo, hi := 0.0, 0.0
	for _, s := range steps {
		lo = math.Min(lo, math.Min(s.Start, s.End))
		hi = math.Max(hi, math.Max(s.Start, s.End))
	}
	// Headroom for the value labels above the bars.
	a := niceAxis(lo, hi*1.08, 7)
	sc := scaleFor(a.maxAbs())
	const labelsH = 12.0 // category names and shares below the axis
	pb := plotBox{b.x + 17, y + 2, b.w - 17, b.bottom() - y - 2 - labelsH}
	d.yGrid(pb, a, func(v float64) string { return f.compactMoney(v, sc, a.decimals(sc)) }, false, colMuted)

	n := float64(len(steps))
	slot := pb.w / n
	bw := slot * 0.6
	gross := steps[0].Value
	for i, s := range steps {
		x := pb.x + slot*float64(i) + (slot-bw)/2
		y0, y1 := a.at(s.Start, pb.bottom(), pb.y), a.at(s.End, pb.bottom(), pb.y)
		c := colNavy
		switch {
		case s.Total && s.Key == "contribution" && s.Value < 0:
			c = colBad
		case s.Total && s.Key == "contribution":
			c = colGood
		case !s.Total:
			c = rgb{214, 104, 83}
		}
		d.fillRect(x, math.Min(y0, y1), bw, math.Abs(y1-y0), c)
		if i+1 < len(steps) && !steps[i+1].Total {
			d.dashed(x+bw, y1, x+slot, y1, 0.2, colFaint)
		}
		// The value above the bar.
		d.font("B", ptSmall)
		d.ink(colInk)
		top := math.Min(y0, y1)
		d.text(x-(slot-bw)/2, top-d.lineH()-0.4, slot, f.short(s.Value), alignCenter)
		// The name and share of gross sales below the axis.
		d.font("", ptSmall)
		d.ink(colInk)
		ly := pb.bottom() + 1.5
		lines := d.wrap(bridgeLabels[s.Key], slot-1, 2)
		for j, l := range lines {
			d.text(x-(slot-bw)/2, ly+float64(j)*d.lineH(), slot, l, alignCenter)
		}
		if gross > 0 && i > 0 {
			py := ly + float64(len(lines))*d.lineH()
			d.font("", ptTiny)
			d.ink(colMuted)
			d.text(x-(slot-bw)/2, py, slot, f.Percent(math.Abs(s.Value)/gross), alignCenter)
		}
	}
}

func (d *doc) monthlyChart(data *reportData, b plotBox) {
	f, rep := data.fig, data.rep
	sub := "Bars: contribution of each month (left axis). Line: cumulative contribution (right axis)."
	y := d.chartHeading(b.x, b.y, b.w, "Monthly contribution and payback", sub)
	months := rep.Monthly
	lo, hi, clo, chi := 0.0, 0.0, 0.0, 0.0
	for _, m := range months {
		lo, hi = math.Min(lo, m.Contribution), math.Max(hi, m.Contribution)
		clo, chi = math.Min(clo, m.CumulativeContribution), math.Max(chi, m.CumulativeContribution)
	}
	left, right := alignZeros(niceAxis(lo, hi, 5), niceAxis(clo, chi, 5))
	lsc, rsc := scaleFor(left.maxAbs()), scaleFor(right.maxAbs())

	// The legend under the heading.
	lx := b.x
	lx = d.swatch(lx, y, colGood, "Monthly contribution", keyBox)
	lx = d.swatch(lx, y, colNavy, "Cumulative", keyLine)
	if rep.Totals.PaybackMonth.Valid {
		d.swatch(lx, y, colAccent, "Payback", keyDash)
	}
	y += 6

	const labelsH = 8.0
	pb := plotBox{b.x + 17, y + 6, b.w - 17 - 17, b.bottom() - y - 6 - labelsH}
	d.yGrid(pb, left, func(v float64) string { return f.compactMoney(v, lsc, left.decimals(lsc)) }, false, colMuted)
	d.yGrid(pb, right, func(v float64) string { return f.compactMoney(v, rsc, right.decimals(rsc)) }, true, colNavy)

	n := len(months)
	slot := pb.w / float64(n)
	bw := slot * 0.64
	var line []gofpdf.PointType
	for i, m := range months {
		x := pb.x + slot*float64(i) + (slot-bw)/2
		y0, y1 := left.at(0, pb.bottom(), pb.y), left.at(m.Contribution, pb.bottom(), pb.y)
		c := colGood
		if m.Contribution < 0 {
			c = colBad
		}
		d.fillRect(x, math.Min(y0, y1), bw, math.Abs(y1-y0), shade(c, 0.15))
		line = append(line, gofpdf.PointType{X: x + bw/2, Y: right.at(m.CumulativeContribution, pb.bottom(), pb.y)})
	}
	d.polyline(line, 0.7, colNavy)

	d.monthTicks(months, pb)
	if data.plan.Start != "" {
		d.font("", ptTiny)
		d.ink(colFaint)
		years := months[0].Month[:4]
		if last := months[n-1].Month[:4]; last != years {
			years += "–" + last
		}
		d.text(pb.x, pb.bottom()+4.3, pb.w, years, alignCenter)
	}

	if pm := rep.Totals.PaybackMonth; pm.Valid {
		i := int(pm.Value) - 1
		x := line[i].X
		d.dashed(x, pb.y-3, x, pb.bottom(), 0.4, colAccent)
		d.dot(x, line[i].Y, 1.2, colAccent)
		label := fmt.Sprintf("Payback: month %d", i+1)
		if data.plan.Start != "" {
			label = "Payback: " + monthLong(months[i].Month)
		}
		d.font("B", ptSmall)
		d.ink(colAccent)
		lw := d.measure(label)
		lx := x + 1.2
		if lx+lw > pb.right() {
			lx = x - 1.2 - lw
		}
		d.text(lx, pb.y-6, 0, label, alignLeft)
	} else {
		d.font("B", ptSmall)
		d.ink(colBad)
		d.text(pb.x, pb.y-6, pb.w, fmt.Sprintf("No payback within %d months", data.plan.Months), alignRight)
	}
}
