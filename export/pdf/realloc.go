package pdf

import (
	"fmt"
	"math"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// The optimiser's recommended promotion budget next to the current one: the
// plan's figures before and after, then each channel's spend, both as bars.

func (d *doc) reallocationPages(data *reportData) {
	if len(data.plan.Promotions) == 0 {
		return
	}
	f, rec := data.fig, data.rec
	const name = "Recommended budget"
	if rec == nil {
		y := d.section(name, "The optimiser could not recommend a promotion budget")
		d.font("", ptBody)
		d.ink(colInk)
		d.paragraph(d.left, y, d.width()*0.7, data.recNote, alignLeft, 6)
		return
	}
	before, after := data.rep.Totals, rec.after.Totals
	gain := after.Contribution - before.Contribution
	title := fmt.Sprintf("The recommended budget lifts contribution from %s to %s (%s) with %s of promotion",
		f.Money(before.Contribution), f.Money(after.Contribution), numfmt.Signed(gain, f.Money(gain)), f.Money(after.Promotion))
	if len(rec.moves) == 0 {
		title = "The current promotion budget is already the best the optimiser finds"
	}
	y := d.section(name, title)
	d.font("", ptSmall)
	d.ink(colMuted)
	y += d.paragraph(d.left, y, d.width(), data.recBasis(), alignLeft, 2) + 2
	if w := data.whenSentence(); w != "" {
		d.font("B", ptBody)
		d.ink(colAccent)
		y += d.paragraph(d.left, y, d.width(), w+" (next page).", alignLeft, 2) + 2
	}

	bm, bs := before.ROMI, after.ROMI
	metB, set := data.rep.MetCount()
	metA, _ := rec.after.MetCount()
	cmp := &table{
		cols: []column{{"Plan figure", 60, alignLeft}, {"Current", 36, alignRight}, {"Recommended", 36, alignRight}, {"Change", 36, alignRight}, {"", 0, alignLeft}},
		rows: []row{
			data.cmpRow("Promotion spend", before.Promotion, after.Promotion, f.Money, f.Money),
			data.cmpRow("Contribution", before.Contribution, after.Contribution, f.Money, f.Money),
			data.cmpRow("Extra units from promotion", liftTotal(data.rep), liftTotal(rec.after), f.Units, f.Units),
			{cells: []string{"ROMI", bm.Format(f.Percent), bs.Format(f.Percent), changePts(f, bm, bs)}},
		},
		more: func() float64 { return d.continued(name) },
	}
	if set > 0 {
		cmp.rows = append(cmp.rows, row{cells: []string{"Targets met", fmt.Sprintf("%d of %d", metB, set), fmt.Sprintf("%d of %d", metA, set), fmt.Sprintf("%+d", metA-metB)}})
	}
	y = cmp.draw(d, y) + 6

	maxSpend := 0.0
	for i, pm := range data.plan.Promotions {
		maxSpend = math.Max(maxSpend, math.Max(pm.Spend, rec.spend[i]))
	}
	if maxSpend <= 0 {
		maxSpend = 1
	}
	const barCol = 5
	t := &table{
		cols: []column{
			{"Channel", 0, alignLeft}, {"Kind", 20, alignLeft},
			{"Current spend", 26, alignRight}, {"Recommended spend", 26, alignRight}, {"Change", 24, alignRight},
			{"Current (grey) and recommended (blue)", 62, alignLeft},
			{"Marginal ROI now", 22, alignRight}, {"Marginal ROI after", 22, alignRight},
		},
		more: func() float64 { return d.continued(name) },
	}
	for i, pm := range data.plan.Promotions {
		now, rs := pm.Spend, rec.spend[i]
		delta := rs - now
		change := "no change"
		if math.Abs(delta) >= 1 {
			change = numfmt.Signed(delta, f.Money(delta))
		}
		t.rows = append(t.rows, row{
			cells: []string{pm.Name, pm.Kind, f.Money(now), f.Money(rs), change, "",
				data.rep.Promotions[i].MarginalROI.Format(f.Percent), rec.after.Promotions[i].MarginalROI.Format(f.Percent)},
			ink: []rgb{5: {}, 4: tone(delta)},
			draw: func(d *doc, col int, x, y, w, h float64) bool {
				if col != barCol {
					return false
				}
				bw := w - 2*cellPadX
				mid := y + h/2
				d.fillRect(x+cellPadX, mid-1.6, bw*now/maxSpend, 1.4, colFaint)
				d.fillRect(x+cellPadX, mid+0.2, bw*rs/maxSpend, 1.4, colAccent)
				return true
			},
		})
	}
	t.rows = append(t.rows, row{total: true, cells: []string{"All channels", "", f.Money(before.Promotion), f.Money(after.Promotion),
		numfmt.Signed(after.Promotion-before.Promotion, f.Money(after.Promotion-before.Promotion))}})
	t.draw(d, y)
}

// recBasis says what the optimiser was asked, for the reader who checks.
func (data *reportData) recBasis() string {
	f := data.fig
	s := "The optimiser chooses each channel’s spend within its minimum and maximum to maximise the plan’s contribution, prices held as they are"
	if b := data.rec.budget; b.Valid {
		s += fmt.Sprintf(", with at most %s of promotion: the marketing budget less the places’ fixed costs and the launch costs", f.Money(b.Value))
	} else {
		s += "; no marketing budget is set, so it may spend more or less than today"
	}
	return s + ". It may leave money unspent where the next " + f.currencyUnit() + " would return less than it costs."
}

func (data *reportData) cmpRow(label string, a, b float64, fa, fb func(float64) string) row {
	return row{cells: []string{label, fa(a), fb(b), numfmt.Signed(b-a, fb(b-a))}, ink: []rgb{3: tone(b - a)}}
}

func changePts(f figures, a, b planner.Maybe) string {
	if !a.Valid || !b.Valid {
		return planner.NA
	}
	return numfmt.Signed(b.Value-a.Value, f.Points(b.Value-a.Value))
}

func liftTotal(r *planner.Report) float64 {
	s := 0.0
	for _, p := range r.Promotions {
		s += p.LiftUnits
	}
	return s
}
