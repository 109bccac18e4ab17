package pdf

import (
	"fmt"
	"math"

	"mixplan/planner"
)

// The detail tables: products, places with the share matrix, promotions.

func (d *doc) productsPages(data *reportData) {
	f, r := data.fig, data.rep
	if len(r.Products) == 0 {
		return
	}
	const name = "Products"
	best, losing, sum := 0, 0, 0.0
	var units, lift, rev, gm, logi, launch float64
	for i, p := range r.Products {
		if p.Contribution > r.Products[best].Contribution {
			best = i
		}
		if p.Contribution < 0 {
			losing++
		}
		sum += p.Contribution
		units += p.Units
		lift += p.LiftUnits
		rev += p.NetRevenue
		gm += p.GrossMargin
		logi += p.Logistics
		launch += data.plan.Products[i].LaunchCost
	}
	title := fmt.Sprintf("%s brings the most contribution, %s", data.plan.Products[best].Name, f.Money(r.Products[best].Contribution))
	if sum > 0 && len(r.Products) > 1 {
		title += fmt.Sprintf(" (%s of the products’ total)", f.Percent(r.Products[best].Contribution/sum))
	}
	switch {
	case losing == 1 && len(r.Products) == 1:
		title += "; it loses money"
	case losing == 1:
		title += "; 1 product loses money"
	case losing > 1:
		title += fmt.Sprintf("; %d products lose money", losing)
	}
	y := d.section(name, title)
	page := d.pdf.PageNo()
	t := &table{
		cols: []column{
			{"Product", 0, alignLeft}, {"Net price", 18, alignRight}, {"Units", 18, alignRight},
			{"of which from promotion", 20, alignRight}, {"Net revenue", 24, alignRight},
			{"Gross margin", 24, alignRight}, {"Gross margin %", 17, alignRight}, {"Logistics", 21, alignRight},
			{"Contribution per unit", 23, alignRight}, {"Launch cost", 20, alignRight}, {"Contribution", 24, alignRight},
		},
		more: func() float64 { return d.continued(name) },
	}
	for i, p := range r.Products {
		t.rows = append(t.rows, row{
			cells: []string{data.plan.Products[i].Name, f.UnitMoney(p.NetPrice), f.Units(p.Units), f.Units(p.LiftUnits),
				f.Money(p.NetRevenue), f.Money(p.GrossMargin), p.GrossMarginPct.Format(f.Percent), f.Money(p.Logistics),
				f.UnitMoney(p.UnitContribution), f.Money(data.plan.Products[i].LaunchCost), f.Money(p.Contribution)},
			ink: []rgb{5: tone(p.GrossMargin), 8: tone(p.UnitContribution), 10: tone(p.Contribution)},
		})
	}
	gmPct := planner.NA
	if rev != 0 {
		gmPct = f.Percent(gm / rev)
	}
	t.rows = append(t.rows, row{total: true, cells: []string{"All products", "", f.Units(units), f.Units(lift),
		f.Money(rev), f.Money(gm), gmPct, f.Money(logi), "", f.Money(launch), f.Money(sum)}})
	y = t.draw(d, y)
	y = d.note(y, "A product’s contribution is its gross margin less its logistics and launch cost; the places’ fixed costs and the promotion spend are the plan’s, not a product’s.", name)
	// A short table leaves room for the ranking as a chart.
	if d.pdf.PageNo() == page && y+6+hbarsHeight(len(r.Products)) <= d.bottom {
		items := make([]hbar, len(r.Products))
		for i, p := range r.Products {
			items[i] = hbar{data.plan.Products[i].Name, p.Contribution}
		}
		d.hbars(plotBox{d.left, y + 6, d.width() * 0.75, math.Min(d.bottom-y-6, 13+float64(len(items))*hbarMaxRow)},
			"Contribution by product", "After launch costs, before the plan’s fixed costs and promotion.", items, f.short)
	}
}

// note writes a footnote under a table, on a new page if there is no room,
// and returns the y below it.
func (d *doc) note(y float64, s, section string) float64 {
	d.font("I", ptTiny)
	if y+2+2*d.lineH() > d.bottom {
		y = d.continued(section)
		d.font("I", ptTiny)
	}
	d.ink(colMuted)
	return y + 2 + d.paragraph(d.left, y+2, d.width(), s, alignLeft, 2)
}

func (d *doc) placesPages(data *reportData) {
	f, r := data.fig, data.rep
	if len(r.Places) == 0 {
		return
	}
	const name = "Places"
	top := 0
	var units, gross, rev, logi, fixed float64
	for i, p := range r.Places {
		if p.Units > r.Places[top].Units {
			top = i
		}
		units += p.Units
		gross += p.GrossSales
		rev += p.NetRevenue
		logi += p.Logistics
		fixed += p.FixedCost
	}
	title := fmt.Sprintf("%s sells the most", data.plan.Places[top].Name)
	if units > 0 && rev > 0 {
		title += fmt.Sprintf(": %s of units and %s of net revenue", f.Percent(r.Places[top].Units/units), f.Percent(r.Places[top].NetRevenue/rev))
	}
	y := d.section(name, title)
	t := &table{
		cols: []column{
			{"Place", 0, alignLeft}, {"Intermediary margin", 22, alignRight}, {"Logistics per unit", 22, alignRight},
			{"Units", 22, alignRight}, {"Share of units", 18, alignRight}, {"Gross sales", 26, alignRight},
			{"Net revenue", 26, alignRight}, {"Logistics", 24, alignRight}, {"Fixed costs", 24, alignRight},
		},
		more: func() float64 { return d.continued(name) },
	}
	for i, p := range r.Places {
		pl := data.plan.Places[i]
		share := planner.NA
		if units > 0 {
			share = f.Percent(p.Units / units)
		}
		t.rows = append(t.rows, row{cells: []string{pl.Name, f.Percent(pl.MarginPct), f.UnitMoney(pl.UnitCost), f.Units(p.Units), share,
			f.Money(p.GrossSales), f.Money(p.NetRevenue), f.Money(p.Logistics), f.Money(p.FixedCost)}})
	}
	t.rows = append(t.rows, row{total: true, cells: []string{"All places", "", "", f.Units(units), "", f.Money(gross), f.Money(rev), f.Money(logi), f.Money(fixed)}})
	y = t.draw(d, y) + 7
	d.shareMatrix(data, y)
}

// balancedGroups is how many columns each group gets when n columns are
// cut into groups of at most most: as even as possible, so the last group
// is not a lone column.
func balancedGroups(n, most int) int {
	if n <= most {
		return max(n, 1)
	}
	groups := (n + most - 1) / most
	return (n + groups - 1) / groups
}

// shareMatrix prints, for each product, the share of its units each place
// sells, in as many column groups as the places need.
func (d *doc) shareMatrix(data *reportData, y float64) {
	const name = "Places"
	const nameW, minColW, maxColW = 70.0, 21.0, 32.0
	f, p := data.fig, data.plan
	if len(p.Products) == 0 {
		return
	}
	per := balancedGroups(len(p.Places), max(1, int((d.width()-nameW)/minColW)))
	colW := math.Min(maxColW, (d.width()-nameW)/float64(min(per, len(p.Places))))
	for start := 0; start < len(p.Places); start += per {
		end := min(start+per, len(p.Places))
		heading := "Share of each product’s units sold in each place"
		if len(p.Places) > per {
			heading += fmt.Sprintf(" (places %d to %d of %d)", start+1, end, len(p.Places))
		}
		// Keep the heading with at least a few rows.
		if y+30 > d.bottom {
			y = d.continued(name)
		}
		d.font("B", ptBody+0.5)
		d.ink(colInk)
		y += d.paragraph(d.left, y, d.width(), heading, alignLeft, 1) + 1.5
		t := &table{
			cols: []column{{"Product", nameW, alignLeft}},
			more: func() float64 { return d.continuedWith(name, heading+", continued") },
		}
		for _, pl := range p.Places[start:end] {
			t.cols = append(t.cols, column{pl.Name, colW, alignRight})
		}
		t.cols = append(t.cols, column{"", 0, alignLeft})
		for _, pr := range p.Products {
			cells := []string{pr.Name}
			for _, pl := range p.Places[start:end] {
				s := pl.Share[pr.ID]
				cell := "·"
				if s > 0 {
					cell = f.Percent(s)
				}
				cells = append(cells, cell)
			}
			t.rows = append(t.rows, row{cells: cells})
		}
		y = t.draw(d, y) + 7
	}
}

func (d *doc) promotionsPages(data *reportData) {
	f, r := data.fig, data.rep
	if len(r.Promotions) == 0 {
		return
	}
	const name = "Promotions"
	best, below := -1, 0
	for i, p := range r.Promotions {
		if p.ROI.Valid && (best < 0 || p.ROI.Value > r.Promotions[best].ROI.Value) {
			best = i
		}
		if p.MarginalROI.Valid && p.MarginalROI.Value < 0 && p.Spend > 0 {
			below++
		}
	}
	title := "Promotion channels, their returns and the recommended spend"
	if best >= 0 {
		title = fmt.Sprintf("%s returns the most, an ROI of %s", data.plan.Promotions[best].Name, f.Percent(r.Promotions[best].ROI.Value))
		switch below {
		case 0:
		case 1:
			title += "; 1 channel loses money on its last " + f.currencyUnit()
		default:
			title += fmt.Sprintf("; %d channels lose money on their last %s", below, f.currencyUnit())
		}
	}
	y := d.section(name, title)
	page := d.pdf.PageNo()
	t := &table{
		cols: []column{
			{"Channel", 0, alignLeft}, {"Kind", 18, alignLeft}, {"Spend", 22, alignRight}, {"Minimum", 20, alignRight},
			{"Maximum", 20, alignRight}, {"Extra units", 20, alignRight}, {"Incremental contribution", 25, alignRight},
			{"ROI", 17, alignRight}, {"Marginal ROI", 17, alignRight}, {"Recommended spend", 24, alignRight},
		},
		more: func() float64 { return d.continued(name) },
	}
	var spend, lift, inc, recSum float64
	for i, p := range r.Promotions {
		pm := data.plan.Promotions[i]
		maxS := "none"
		if pm.Max != nil {
			maxS = f.Money(*pm.Max)
		}
		recS := planner.NA
		if data.rec != nil {
			recS = f.Money(data.rec.spend[i])
			recSum += data.rec.spend[i]
		}
		t.rows = append(t.rows, row{
			cells: []string{pm.Name, pm.Kind, f.Money(p.Spend), f.Money(pm.Min), maxS, f.Units(p.LiftUnits),
				f.Money(p.IncrementalContribution), p.ROI.Format(f.Percent), p.MarginalROI.Format(f.Percent), recS},
			ink: []rgb{7: tone(p.ROI.Value), 8: tone(p.MarginalROI.Value)},
		})
		spend += p.Spend
		lift += p.LiftUnits
		inc += p.IncrementalContribution
	}
	recTotal := planner.NA
	if data.rec != nil {
		recTotal = f.Money(recSum)
	}
	t.rows = append(t.rows, row{total: true, cells: []string{"All channels", "", f.Money(spend), "", "", f.Units(lift), f.Money(inc),
		r.Totals.ROMI.Format(f.Percent), "", recTotal}})
	y = t.draw(d, y)
	y = d.note(y, "ROI is the incremental contribution less the spend, over the spend. Marginal ROI is what the next "+
		f.currencyUnit()+" of spend returns: above zero, more spend adds contribution; below zero, it loses money. The total ROI is the plan’s ROMI.", name)
	var items []hbar
	for i, p := range r.Promotions {
		if p.MarginalROI.Valid {
			items = append(items, hbar{data.plan.Promotions[i].Name, p.MarginalROI.Value})
		}
	}
	if len(items) > 0 && d.pdf.PageNo() == page && y+6+hbarsHeight(len(items)) <= d.bottom {
		d.hbars(plotBox{d.left, y + 6, d.width() * 0.75, math.Min(d.bottom-y-6, 13+float64(len(items))*hbarMaxRow)},
			"Marginal ROI by channel", "What the next "+f.currencyUnit()+" of spend returns: channels at the top deserve more budget, those below zero less.", items, f.Percent)
	}
}
