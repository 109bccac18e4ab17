package pdf

import (
	"fmt"
	"math"
	"sort"

	"github.com/jung-kurt/gofpdf"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// The promotion calendar page: one small chart per channel, its spend as bars
// and the extra units it brings as a line, month by month. Under the monthly
// model a channel with carryover keeps selling after its burst; the line
// running on past the last bar is what the page is there to show.

const (
	calendarCols    = 4
	calendarRows    = 2
	calendarPerPage = calendarCols * calendarRows
	// calendarMaxPages bounds the section on plans with hundreds of
	// channels: the largest spenders are drawn, the others counted.
	calendarMaxPages = 2
)

// carryoverShares splits a channel's spend by when its advertising
// pressure is felt (docs/model.md §2.1, x_t = λ x_{t−1} + (1 − λ) spend_t):
// later is the share felt in the months after each month's spend, lost the
// share still due after the plan's last month, which sells nothing in it.
func carryoverShares(spend []float64, lambda float64) (later, lost float64) {
	total, felt, x := 0.0, 0.0, 0.0
	for _, s := range spend {
		x = lambda*x + (1-lambda)*s
		total += s
		felt += x
	}
	if total <= 0 || lambda <= 0 {
		return 0, 0
	}
	return (felt - (1-lambda)*total) / total, (total - felt) / total
}

// calendarTitle is the page's one sentence: the channel whose pressure
// carries over most, how much of it comes later and how much falls after
// the horizon.
func (data *reportData) calendarTitle() string {
	best, bestLater, bestLost := -1, 0.0, 0.0
	for i, pr := range data.rep.Promotions {
		later, lost := carryoverShares(pr.MonthlySpend, data.plan.Promotions[i].Response.Carryover)
		// Rank by the money whose pressure is not felt in its own month.
		if (later+lost)*pr.Spend > (bestLater+bestLost)*data.spendOf(best) {
			best, bestLater, bestLost = i, later, lost
		}
	}
	if best < 0 {
		return "Promotion month by month: each channel’s spend and the extra units it brings"
	}
	f := data.fig
	title := fmt.Sprintf("%s carries over: %s of its advertising pressure is felt in the months after it spends",
		data.plan.Promotions[best].Name, f.Percent(bestLater))
	if bestLost >= 0.005 {
		title += fmt.Sprintf(", and %s is still due after the plan ends and sells nothing in it", f.Percent(bestLost))
	}
	return title
}

// spendOf is a channel's spend, 0 for no channel (-1).
func (data *reportData) spendOf(c int) float64 {
	if c < 0 {
		return 0
	}
	return data.rep.Promotions[c].Spend
}

// calendarPages draws the channels' monthly spend and lift, largest
// spenders first.
func (d *doc) calendarPages(data *reportData) {
	proms := data.rep.Promotions
	if len(proms) == 0 {
		return
	}
	order := make([]int, len(proms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return proms[order[a]].Spend > proms[order[b]].Spend })
	shown := min(len(order), calendarPerPage*calendarMaxPages)

	const name = "Promotion month by month"
	y := d.section(name, data.calendarTitle())
	d.font("", ptSmall)
	d.ink(colMuted)
	note := "Bars: spend in the month (left axis). Line: the extra units the channel brings that month (right axis). With carryover, part of a month’s advertising pressure is felt in the following months, so the line goes on after the bars stop; what is still due after the last month is lost to the plan."
	if shown < len(order) {
		note += fmt.Sprintf(" The %d largest spenders are shown; %d smaller channels are in the Promotions table.", shown, len(order)-shown)
	}
	y += d.paragraph(d.left, y, d.width(), note, alignLeft, 2) + 2
	for k := 0; k < shown; k += calendarPerPage {
		if k > 0 {
			y = d.continued(name)
		}
		cw := (d.width() - gutter*(calendarCols-1)) / calendarCols
		ch := (d.bottom - y - gutter*(calendarRows-1)) / calendarRows
		for j := 0; j < calendarPerPage && k+j < shown; j++ {
			c := order[k+j]
			col, rw := j%calendarCols, j/calendarCols
			b := plotBox{d.left + float64(col)*(cw+gutter), y + float64(rw)*(ch+gutter), cw, ch}
			d.channelCalendar(data, c, b)
		}
	}
}

// channelCalendar draws one channel's months in b.
func (d *doc) channelCalendar(data *reportData, c int, b plotBox) {
	f, pr := data.fig, data.rep.Promotions[c]
	sub := fmt.Sprintf("%s spent, %s extra units", f.Money(pr.Spend), f.Units(pr.LiftUnits))
	carry := "No carryover: spend sells in its own month"
	if lambda := data.plan.Promotions[c].Response.Carryover; lambda > 0 {
		later, lost := carryoverShares(pr.MonthlySpend, lambda)
		pct := func(x float64) string { return numfmt.Percent(x, f.Locale, 0) }
		carry = fmt.Sprintf("Carryover %s: %s of pressure felt later, %s lost past the last month", pct(lambda), pct(later), pct(lost))
	}
	d.font("B", ptBody)
	d.ink(colInk)
	d.text(b.x, b.y, 0, d.fit(data.plan.Promotions[c].Name, b.w), alignLeft)
	y := b.y + d.lineH()
	d.font("", ptSmall)
	d.ink(colMuted)
	d.text(b.x, y, 0, d.fit(sub, b.w), alignLeft)
	y += d.lineH()
	d.paragraph(b.x, y, b.w, carry, alignLeft, 2)
	y += 2*d.lineH() + 3 // two lines always, so the panels' charts line up

	hiS, hiL := 0.0, 0.0
	for t := range pr.MonthlySpend {
		hiS = math.Max(hiS, pr.MonthlySpend[t])
		hiL = math.Max(hiL, pr.MonthlyLiftUnits[t])
	}
	left, right := alignZeros(niceAxis(0, hiS, 4), niceAxis(0, hiL, 4))
	lsc, rsc := scaleFor(left.maxAbs()), scaleFor(right.maxAbs())
	const labelsH = 5.0
	pb := plotBox{b.x + 17, y, b.w - 17 - 13, b.bottom() - y - labelsH}
	d.yGrid(pb, left, func(v float64) string { return f.compactMoney(v, lsc, left.decimals(lsc)) }, false, huePromotion)
	d.yGrid(pb, right, func(v float64) string { return f.compactUnits(v, rsc, right.decimals(rsc)) }, true, colGood)

	n := len(pr.MonthlySpend)
	slot := pb.w / float64(n)
	bw := slot * 0.62
	line := make([]gofpdf.PointType, n)
	for t := 0; t < n; t++ {
		x := pb.x + slot*float64(t)
		y0, y1 := left.at(0, pb.bottom(), pb.y), left.at(pr.MonthlySpend[t], pb.bottom(), pb.y)
		d.fillRect(x+(slot-bw)/2, y1, bw, y0-y1, shade(huePromotion, 0.35))
		line[t] = gofpdf.PointType{X: x + slot/2, Y: right.at(pr.MonthlyLiftUnits[t], pb.bottom(), pb.y)}
	}
	d.polyline(line, 0.7, colGood)
	d.monthTicks(data.rep.Monthly, pb)
}

// monthTicks writes the month names under a chart, as many as fit.
func (d *doc) monthTicks(months []planner.MonthResult, pb plotBox) {
	n := len(months)
	slot := pb.w / float64(n)
	d.font("", ptTiny)
	d.ink(colMuted)
	every := 1
	for every < n && slot*float64(every) < d.measure("Mmm")+1.5 {
		every++
	}
	for i := 0; i < n; i += every {
		x := pb.x + slot*float64(i)
		d.text(x-slot*float64(every-1)/2, pb.bottom()+1.2, slot*float64(every), monthShort(months[i].Month), alignCenter)
	}
}
