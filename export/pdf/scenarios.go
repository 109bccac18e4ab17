package pdf

import (
	"fmt"
	"math"

	"mixplan/planner"
)

// The scenarios side by side: contribution as bars against the target, then
// the factors and the headline figures of each scenario in columns.

func (d *doc) scenariosPages(data *reportData) {
	f, ss := data.fig, data.scenarios
	const name = "Scenarios"
	lo, hi := 0, 0
	for i, s := range ss {
		if s.rep.Totals.Contribution < ss[lo].rep.Totals.Contribution {
			lo = i
		}
		if s.rep.Totals.Contribution > ss[hi].rep.Totals.Contribution {
			hi = i
		}
	}
	title := "The plan has no scenario besides the base"
	if len(ss) > 1 {
		title = fmt.Sprintf("Contribution ranges from %s (%s) to %s (%s)",
			f.Money(ss[lo].rep.Totals.Contribution), scenarioName(ss[lo].sc),
			f.Money(ss[hi].rep.Totals.Contribution), scenarioName(ss[hi].sc))
	}
	y := d.section(name, title)
	if len(ss) <= 12 {
		y = d.scenarioBars(data, y) + 5
	}

	const labelW, minColW, maxColW = 58.0, 24.0, 40.0
	per := balancedGroups(len(ss), max(1, int((d.width()-labelW)/minColW)))
	colW := math.Min(maxColW, (d.width()-labelW)/float64(min(per, len(ss))))
	for start := 0; start < len(ss); start += per {
		end := min(start+per, len(ss))
		// Keep each group's table on one page: it is short.
		if y+scenarioTableH > d.bottom {
			y = d.continued(name)
		}
		if len(ss) > per {
			d.font("B", ptBody+0.5)
			d.ink(colInk)
			y += d.paragraph(d.left, y, d.width(), fmt.Sprintf("Columns %d to %d of %d", start+1, end, len(ss)), alignLeft, 1) + 1.5
		}
		t := &table{
			cols:    []column{{"", labelW, alignLeft}},
			maxWrap: 3,
			more:    func() float64 { return d.continued(name) },
		}
		for i, s := range ss[start:end] {
			t.cols = append(t.cols, column{scenarioName(s.sc), colW, alignRight})
			if s.sc.ID == data.scenario.ID {
				t.shade = i + 2
			}
		}
		t.cols = append(t.cols, column{"", 0, alignLeft})
		add := func(label string, cell func(s scenarioResult) string) {
			r := row{cells: []string{label}}
			for _, s := range ss[start:end] {
				r.cells = append(r.cells, cell(s))
			}
			t.rows = append(t.rows, r)
		}
		factor := func(x float64) string { return "×" + f.Ratio(x) }
		add("Volume factor", func(s scenarioResult) string { return factor(s.sc.Volume) })
		add("Unit cost factor", func(s scenarioResult) string { return factor(s.sc.UnitCost) })
		add("Response factor", func(s scenarioResult) string { return factor(s.sc.Response) })
		add("Price factor", func(s scenarioResult) string { return factor(s.sc.Price) })
		add("Units", func(s scenarioResult) string { return f.Units(s.rep.Totals.Units) })
		add("Net revenue", func(s scenarioResult) string { return f.Money(s.rep.Totals.NetRevenue) })
		add("Gross margin %", func(s scenarioResult) string { return s.rep.Totals.GrossMarginPct.Format(f.Percent) })
		add("Marketing spend", func(s scenarioResult) string { return f.Money(s.rep.Totals.MarketingSpend) })
		add("Contribution", func(s scenarioResult) string { return f.Money(s.rep.Totals.Contribution) })
		add("ROMI", func(s scenarioResult) string { return s.rep.Totals.ROMI.Format(f.Percent) })
		add("CAC", func(s scenarioResult) string { return s.rep.Totals.CAC.Format(f.UnitMoney) })
		add("CLV / CAC", func(s scenarioResult) string { return s.rep.Totals.LTVToCAC.Format(f.Ratio) })
		add("Payback month", func(s scenarioResult) string {
			return s.rep.Totals.PaybackMonth.Format(func(m float64) string { return fmt.Sprintf("month %d", int(m)) })
		})
		if _, set := data.rep.MetCount(); set > 0 {
			add("Targets met", func(s scenarioResult) string {
				met, set := s.rep.MetCount()
				return fmt.Sprintf("%d of %d", met, set)
			})
		}
		y = t.draw(d, y) + 6
	}
}

// scenarioTableH is about the height of one group's table: a wrapped
// header, fourteen rows and a caption.
const scenarioTableH = 100.0

// scenarioBars draws each scenario's contribution as a horizontal bar, the
// reported scenario in the accent colour, with the target as a line.
func (d *doc) scenarioBars(data *reportData, y float64) float64 {
	f, ss := data.fig, data.scenarios
	const labelW, rowH, valueW = 58.0, 5.6, 26.0
	lo, hi := 0.0, 0.0
	for _, s := range ss {
		lo = math.Min(lo, s.rep.Totals.Contribution)
		hi = math.Max(hi, s.rep.Totals.Contribution)
	}
	tr, hasTarget := data.rep.Target(planner.TargetContribution)
	if hasTarget {
		hi = math.Max(hi, tr.Target)
		lo = math.Min(lo, tr.Target)
	}
	if hi-lo <= 0 {
		hi = lo + 1
	}
	d.font("B", ptBody+0.5)
	d.ink(colInk)
	d.text(d.left, y, 0, "Contribution by scenario", alignLeft)
	y += d.lineH() + 2.5
	x0, x1 := d.left+labelW, d.right-valueW-4
	at := func(v float64) float64 { return x0 + (v-lo)/(hi-lo)*(x1-x0) }
	top := y
	for i, s := range ss {
		ry := y + float64(i)*rowH
		d.font("", ptSmall)
		d.ink(colInk)
		d.text(d.left, ry+(rowH-d.lineH())/2, 0, d.fit(scenarioName(s.sc), labelW-3), alignLeft)
		c := s.rep.Totals.Contribution
		col := colFaint
		if s.sc.ID == data.scenario.ID {
			col = colAccent
		}
		if c < 0 {
			col = colBad
		}
		d.fillRect(at(0), ry+1, at(c)-at(0), rowH-2, col)
		// The value just past the bar's end, or past the target line when the
		// bar stops short of it, so the line never crosses a figure.
		vx := math.Max(at(c), at(0))
		if hasTarget && at(tr.Target) >= vx-1 {
			vx = math.Max(vx, at(tr.Target))
		}
		d.font("B", ptSmall)
		d.ink(colInk)
		d.text(vx+1.5, ry+(rowH-d.lineH())/2, 0, f.Money(c), alignLeft)
	}
	bottom := y + float64(len(ss))*rowH
	d.line(at(0), top, at(0), bottom, 0.3, colFaint)
	if hasTarget {
		tx := at(tr.Target)
		d.dashed(tx, top-1, tx, bottom+1, 0.45, colNavy)
		d.font("B", ptTiny)
		d.ink(colNavy)
		d.text(tx-30, bottom+1.2, 60, "Target "+f.Money(tr.Target), alignCenter)
		bottom += 4
	}
	return bottom
}
