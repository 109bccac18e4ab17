package pdf

import (
	"fmt"
	"strings"
)

// Page 1, the executive summary: who and what, the three sentences that
// matter, the headline figures against their targets, and where the
// marketing money goes.

func (d *doc) summaryPage(data *reportData) {
	y := d.section("Executive summary", "")
	p := data.plan

	// A long plan name steps down in size before it wraps.
	size := ptTitle
	for d.font("B", size); size > 16 && d.measure(p.Name) > d.width(); d.font("B", size) {
		size--
	}
	d.ink(colNavy)
	y += d.paragraph(d.left, y, d.width(), p.Name, alignLeft, 2)
	y += 0.6

	var facts []string
	if p.Company != "" {
		facts = append(facts, p.Company)
	}
	facts = append(facts, data.horizon(), "Scenario: "+scenarioName(data.scenario),
		p.Currency+", excluding VAT", "Generated "+longDate(data.generated))
	d.font("", ptBody)
	d.ink(colMuted)
	y += d.paragraph(d.left, y, d.width(), strings.Join(facts, "  ·  "), alignLeft, 2)
	y += 4

	// The sentences get what the tiles and the budget split leave.
	room := d.bottom - y - 4.5 - 2*tileH - tileGap - 5 - minSplitH
	y = d.keyMessagesPanel(data, y, room)
	y += 4.5
	y = d.kpiTiles(data, y)
	y += 5
	d.budgetSplit(data, plotBox{d.left, y, d.width(), d.bottom - y})
}

// horizon describes the plan's months: "12 months, January to December 2027".
func (data *reportData) horizon() string {
	p := data.plan
	n := fmt.Sprintf("%d months", p.Months)
	if p.Months == 1 {
		n = "1 month"
	}
	if p.Start == "" || len(data.rep.Monthly) == 0 {
		return n
	}
	first := monthLong(data.rep.Monthly[0].Month)
	last := monthLong(data.rep.Monthly[len(data.rep.Monthly)-1].Month)
	if p.Months == 1 {
		return n + ", " + first
	}
	fm, fy, _ := strings.Cut(first, " ")
	lm, ly, _ := strings.Cut(last, " ")
	if fy == ly {
		return n + ", " + fm + " to " + lm + " " + ly
	}
	return n + ", " + first + " to " + last
}

// keyMessagesPanel draws the three sentences, numbered, on a tinted panel.
func (d *doc) keyMessagesPanel(data *reportData, y, room float64) float64 {
	msgs := data.keyMessages()
	const padX, padY, numW = 6.0, 4.0, 9.0
	textW := d.width() - 2*padX - numW

	// Measure the sentences first: the panel's background goes under them.
	top := y
	d.font("B", ptBody)
	title := "What matters"
	titleH := d.lineH() + 1.8
	heights := make([]float64, len(msgs))
	// Long names can make the sentences long: step down a size rather than
	// push the tiles off the page.
	size := ptLead
	for {
		d.font("", size)
		total := 0.0
		for i, m := range msgs {
			heights[i] = d.richHeight(textW, m)
			total += heights[i]
		}
		if total+padY*2+titleH+2.2*float64(len(msgs)-1) <= room || size <= ptSmall {
			break
		}
		size -= 0.5
	}
	h := padY + titleH
	for _, mh := range heights {
		h += mh + 2.2
	}
	h += padY - 2.2
	d.fillRect(d.left, top, d.width(), h, colPanel)
	d.fillRect(d.left, top, 1.4, h, colNavy)

	d.font("B", ptBody)
	d.ink(colAccent)
	d.text(d.left+padX, top+padY, 0, strings.ToUpper(title), alignLeft)
	y = top + padY + titleH
	for i, m := range msgs {
		d.font("", size)
		lh := d.lineH()
		cx, cy := d.left+padX+3, y+lh/2
		setFill(d.pdf, colNavy)
		d.pdf.Circle(cx, cy, 2.5, "F")
		d.font("B", ptSmall)
		d.ink(colWhite)
		d.text(cx-2.5, cy-d.lineH()/2, 5, fmt.Sprint(i+1), alignCenter)
		d.font("", size)
		d.rich(d.left+padX+numW, y, textW, m, colInk)
		y += heights[i] + 2.2
	}
	return top + h
}
