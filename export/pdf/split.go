package pdf

import (
	"fmt"
	"math"

	"mixplan/planner"
)

// The marketing budget across the 4Ps: one row per P on a shared scale,
// each starting where the one above ends, so the three rows add up to the
// marketing spend and the budget line shows at once whether it fits.

type splitGroup struct {
	key, title, what string
	hue              rgb
	slices           []planner.BudgetSlice
	total            float64
}

func splitGroups(p *planner.Plan) []splitGroup {
	groups := []splitGroup{
		{key: "product", title: "Product", what: "launch costs", hue: hueProduct},
		{key: "place", title: "Place", what: "fixed costs of the places", hue: huePlace},
		{key: "promotion", title: "Promotion", what: "spend by channel", hue: huePromotion},
	}
	for _, s := range planner.BudgetSplit(p) {
		for i := range groups {
			if groups[i].key == s.Group {
				groups[i].slices = append(groups[i].slices, s)
				groups[i].total += s.Value
			}
		}
	}
	return groups
}

const (
	splitHeadH   = 12.5 // title and the budget label above the rows
	splitMinRowH = 6.6
	splitRowGap  = 2.4
	splitLabelW  = 50.0
	// minSplitH is the least height the budget split needs.
	minSplitH = splitHeadH + 3*splitMinRowH + 2*splitRowGap
)

func (d *doc) budgetSplit(data *reportData, b plotBox) {
	f, t := data.fig, data.rep.Totals
	groups := splitGroups(data.plan)

	d.font("B", ptBody+1)
	d.ink(colNavy)
	d.text(b.x, b.y, 0, "Marketing spend across the 4Ps", alignLeft)
	titleW := d.measure("Marketing spend across the 4Ps")
	sub := f.Money(t.MarketingSpend) + " in all"
	budget, hasBudget := data.rep.Target(planner.TargetBudget)
	if hasBudget {
		sub = fmt.Sprintf("%s against a budget of %s: %s", f.Money(t.MarketingSpend), f.Money(budget.Target), f.gapWords(budget))
	}
	sub += ". Price carries no budget of its own: its effect is in the figures above."
	d.font("", ptSmall)
	d.ink(colMuted)
	d.text(b.x+titleW+4, b.y+0.9, 0, d.fit(sub, b.w-titleW-4), alignLeft)

	top := b.y + splitHeadH
	// The rows share what the page leaves, within readable limits.
	rowH := math.Max(splitMinRowH, math.Min(9, (b.bottom()-top-2*splitRowGap)/3))
	barX, barW := b.x+splitLabelW, b.w-splitLabelW-2
	scaleMax := t.MarketingSpend
	if hasBudget && budget.Target > scaleMax {
		scaleMax = budget.Target
	}
	if scaleMax <= 0 {
		scaleMax = 1
	}
	at := func(v float64) float64 { return barX + barW*v/scaleMax }

	offset := 0.0
	for gi, g := range groups {
		y := top + float64(gi)*(rowH+splitRowGap)
		d.font("B", ptSmall+1)
		d.ink(colInk)
		ly := y + (rowH-6.4)/2
		d.text(b.x, ly, 0, g.title, alignLeft)
		share := ""
		if t.MarketingSpend > 0 {
			share = " · " + f.Percent(g.total/t.MarketingSpend)
		}
		d.font("", ptTiny)
		d.ink(colMuted)
		d.text(b.x, ly+3.6, 0, d.fit(g.what+": "+f.Money(g.total)+share, splitLabelW-3), alignLeft)
		d.fillRect(barX, y, barW, rowH, colZebra)
		x := at(offset)
		for i, s := range g.slices {
			w := barW * s.Value / scaleMax
			c := seriesShade(g.hue, i, len(g.slices))
			d.fillRect(x, y, w, rowH, c)
			if w > 0.8 { // a hairline between neighbours
				d.line(x+w, y, x+w, y+rowH, 0.25, colWhite)
			}
			d.segmentLabel(x, y, w, rowH, s.Name, f.short(s.Value), c)
			x += w
		}
		if len(g.slices) == 0 {
			d.font("I", ptTiny)
			d.ink(colMuted)
			d.text(at(offset)+1.5, y+(rowH-d.lineH())/2, 0, "none", alignLeft)
		}
		offset += g.total
	}
	bottom := top + 3*rowH + 2*splitRowGap
	if hasBudget {
		bx := at(budget.Target)
		d.line(bx, top-2, bx, bottom+1, 0.5, colNavy)
		d.font("B", ptTiny)
		d.ink(colNavy)
		label := "Budget " + f.short(budget.Target)
		lw := d.measure(label)
		lx := bx - lw - 1.2
		if lx < barX {
			lx = bx + 1.2
		}
		d.text(lx, top-4.6, 0, label, alignLeft)
	}
}

// segmentLabel writes a slice's name and amount inside it when they fit.
func (d *doc) segmentLabel(x, y, w, h float64, name, value string, bg rgb) {
	const pad = 1.2
	inner := w - 2*pad
	if inner < 6 {
		return
	}
	d.font("", ptTiny)
	d.ink(inkOn(bg))
	lh := d.lineH()
	if d.measure(value) > inner {
		return
	}
	n := d.fit(name, inner)
	if n == "" || n == "…" || []rune(n)[0] == '…' {
		d.text(x+pad, y+(h-lh)/2, 0, value, alignLeft)
		return
	}
	top := y + (h-2*lh)/2
	d.text(x+pad, top, 0, n, alignLeft)
	d.font("B", ptTiny)
	d.text(x+pad, top+lh, 0, value, alignLeft)
}
