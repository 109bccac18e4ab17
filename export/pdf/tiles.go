package pdf

import (
	"fmt"
	"math"
	"strings"

	"mixplan/planner"
)

// The headline figures as tiles: value, target, met or missed, and the gap.

type tileStatus int

const (
	noTarget tileStatus = iota
	targetMet
	targetMissed
)

// kpi is one tile.
type kpi struct {
	label  string
	value  string
	target string // "Target: at least €1,200,000"; empty without a target
	gap    string // "€19,570 short"
	note   string // context for a figure without a target
	status tileStatus
	// The bar compares actual with target on one scale when both are positive.
	actual, goal float64
	bar          bool
}

func (data *reportData) kpis() []kpi {
	f, t := data.fig, data.rep.Totals
	out := []kpi{
		data.targetTile("Net revenue", planner.TargetRevenue, f.Money(t.NetRevenue)),
		data.targetTile("Gross margin", planner.TargetGrossMarginPct, t.GrossMarginPct.Format(f.Percent)),
		data.targetTile("Contribution", planner.TargetContribution, f.Money(t.Contribution)),
		data.targetTile("Marketing spend", planner.TargetBudget, f.Money(t.MarketingSpend)),
		data.targetTile("ROMI", planner.TargetROMI, t.ROMI.Format(f.Percent)),
		data.targetTile("CAC", planner.TargetCAC, t.CAC.Format(f.UnitMoney)),
	}
	ltv := kpi{label: "CLV / CAC", value: t.LTVToCAC.Format(f.Ratio)}
	ltv.note = "CLV " + t.CLV.Format(f.UnitMoney) + " per customer, CAC " + t.CAC.Format(f.UnitMoney)
	pay := kpi{label: "Payback", value: "Not within the plan"}
	if t.PaybackMonth.Valid {
		m := int(t.PaybackMonth.Value)
		pay.value = fmt.Sprintf("Month %d", m)
		if data.plan.Start != "" {
			pay.note = monthLong(data.rep.Monthly[m-1].Month)
		}
	} else {
		pay.note = fmt.Sprintf("Cumulative contribution is negative after %d months", data.plan.Months)
	}
	if t.BreakEvenUnits.Valid {
		pay.note = joinDot(pay.note, "break-even at "+f.Units(t.BreakEvenUnits.Value)+" units")
	}
	return append(out, ltv, pay)
}

func joinDot(a, b string) string {
	if a == "" {
		return upperFirst(b)
	}
	return a + ", " + b
}

// targetTile builds a tile for a figure that can have a target.
func (data *reportData) targetTile(label, name, value string) kpi {
	f := data.fig
	k := kpi{label: label, value: value}
	tr, ok := data.rep.Target(name)
	if !ok {
		k.note = "No target set"
		return k
	}
	bound := "at least"
	if tr.Kind == planner.AtMost {
		bound = "at most"
	}
	what := "Target"
	if name == planner.TargetBudget {
		what = "Budget"
	}
	k.target = fmt.Sprintf("%s: %s %s", what, bound, f.targetValue(name, tr.Target))
	k.gap = upperFirst(f.gapWords(tr))
	k.status = targetMissed
	if tr.Met {
		k.status = targetMet
	}
	if tr.Actual.Valid && tr.Actual.Value > 0 && tr.Target > 0 {
		k.actual, k.goal, k.bar = tr.Actual.Value, tr.Target, true
	}
	return k
}

const (
	tileH   = 27.5
	tileGap = 4.0
)

// kpiTiles draws the tiles four to a row and returns the y below them.
func (d *doc) kpiTiles(data *reportData, y float64) float64 {
	tiles := data.kpis()
	perRow := 4
	w := (d.width() - float64(perRow-1)*tileGap) / float64(perRow)
	for i, k := range tiles {
		x := d.left + float64(i%perRow)*(w+tileGap)
		ty := y + float64(i/perRow)*(tileH+tileGap)
		d.tile(k, x, ty, w)
	}
	rows := (len(tiles) + perRow - 1) / perRow
	return y + float64(rows)*tileH + float64(rows-1)*tileGap
}

func (d *doc) tile(k kpi, x, y, w float64) {
	const pad = 4.0
	stripe := colFaint
	switch k.status {
	case targetMet:
		stripe = colGood
	case targetMissed:
		stripe = colBad
	}
	d.fillRect(x, y, w, tileH, colPanel)
	d.fillRect(x, y, 1.2, tileH, stripe)
	inner := w - 2*pad

	// The status pill, top right.
	pill, pillBg, pillInk := "NO TARGET", colRule, colMuted
	switch k.status {
	case targetMet:
		pill, pillBg, pillInk = "MET", colGoodBg, colGood
	case targetMissed:
		pill, pillBg, pillInk = "MISSED", colBadBg, colBad
	}
	d.font("B", ptTiny)
	pw := d.measure(pill) + 3.2
	px := x + w - pad - pw + 1
	setFill(d.pdf, pillBg)
	d.pdf.RoundedRect(px, y+3, pw, 4.2, 1.2, "1234", "F")
	d.ink(pillInk)
	d.text(px, y+3+(4.2-d.lineH())/2, pw, pill, alignCenter)

	d.font("B", ptSmall)
	d.ink(colMuted)
	d.text(x+pad, y+3.3, 0, d.fit(strings.ToUpper(k.label), px-x-pad-2), alignLeft)

	d.font("B", ptTileBig)
	d.ink(colNavy)
	d.text(x+pad, y+8.2, 0, d.fit(k.value, inner), alignLeft)

	if k.bar {
		d.progress(x+pad, y+16.4, inner, k, stripe)
	}
	d.font("", ptSmall)
	d.ink(colMuted)
	lines := []string{k.target, k.note}
	if k.target == "" {
		lines = d.wrap(k.note, inner, 2)
	}
	d.text(x+pad, y+19.2, 0, d.fit(lines[0], inner), alignLeft)
	if k.gap != "" {
		d.font("B", ptSmall)
		d.ink(stripe)
		d.text(x+pad, y+22.6, 0, d.fit(k.gap, inner), alignLeft)
	} else if len(lines) > 1 {
		d.text(x+pad, y+22.6, 0, d.fit(lines[1], inner), alignLeft)
	}
}

// progress draws the actual against the target on one scale: a bar for
// the actual and a tick for the target.
func (d *doc) progress(x, y, w float64, k kpi, c rgb) {
	top := math.Max(k.actual, k.goal) * 1.08
	d.fillRect(x, y, w, 1.5, colRule)
	d.fillRect(x, y, w*k.actual/top, 1.5, c)
	tx := x + w*k.goal/top
	d.fillRect(tx-0.3, y-0.9, 0.6, 3.3, colNavy)
}
