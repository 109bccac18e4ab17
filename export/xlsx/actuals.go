package xlsx

import (
	"strconv"

	"mixplan/planner"
)

// The Actuals sheet: what really happened in the closed months
// (docs/model.md §2.3), typed by the manager as inputs, months across as on
// the Months sheet. At the top the number of closed months and the
// credibility; then one block per figure, one row per channel (actual
// spend, with the spend already committed for the open months in column C;
// measured extra units; impressions; clicks; conversions) or per product
// (units sold, net revenue). An empty row was not recorded (spend: spent as
// planned); a recorded row needs a number for every closed month, and
// months after the closed ones stay empty.

const (
	acID             = 1
	acName           = 2
	acExtra          = 3 // committed spend, in the spend block
	acFirst          = 4 // the first month's column
	acThroughRow     = 3
	acCredibilityRow = 4
	acFirstHead      = 6
	acValueCol       = 2 // the through and credibility inputs
)

// actualsBlock is one figure of the Actuals sheet.
type actualsBlock struct {
	title    string
	channels bool   // one row per channel, else per product
	field    string // its JSON name in actuals.promotions.ID or actuals.products.ID
	get      func(a *planner.Actuals, id string) []float64
	set      func(a *planner.Actuals, id string, v []float64)
}

var actualsBlocks = []actualsBlock{
	{"Actual spend by month (empty row: spent as planned); column C: spend already committed for the open months", true, "spend",
		func(a *planner.Actuals, id string) []float64 { return a.Promotions[id].Spend },
		func(a *planner.Actuals, id string, v []float64) {
			pa := a.Promotions[id]
			pa.Spend = v
			a.Promotions[id] = pa
		}},
	{"Measured extra units (lift tests, attribution)", true, "liftUnits",
		func(a *planner.Actuals, id string) []float64 { return a.Promotions[id].LiftUnits },
		func(a *planner.Actuals, id string, v []float64) {
			pa := a.Promotions[id]
			pa.LiftUnits = v
			a.Promotions[id] = pa
		}},
	{"Impressions", true, "impressions",
		func(a *planner.Actuals, id string) []float64 { return a.Promotions[id].Impressions },
		func(a *planner.Actuals, id string, v []float64) {
			pa := a.Promotions[id]
			pa.Impressions = v
			a.Promotions[id] = pa
		}},
	{"Clicks", true, "clicks",
		func(a *planner.Actuals, id string) []float64 { return a.Promotions[id].Clicks },
		func(a *planner.Actuals, id string, v []float64) {
			pa := a.Promotions[id]
			pa.Clicks = v
			a.Promotions[id] = pa
		}},
	{"Conversions", true, "conversions",
		func(a *planner.Actuals, id string) []float64 { return a.Promotions[id].Conversions },
		func(a *planner.Actuals, id string, v []float64) {
			pa := a.Promotions[id]
			pa.Conversions = v
			a.Promotions[id] = pa
		}},
	{"Units sold", false, "units",
		func(a *planner.Actuals, id string) []float64 { return a.Products[id].Units },
		func(a *planner.Actuals, id string, v []float64) {
			pa := a.Products[id]
			pa.Units = v
			a.Products[id] = pa
		}},
	{"Net revenue", false, "netRevenue",
		func(a *planner.Actuals, id string) []float64 { return a.Products[id].NetRevenue },
		func(a *planner.Actuals, id string, v []float64) {
			pa := a.Products[id]
			pa.NetRevenue = v
			a.Products[id] = pa
		}},
}

// actualsHead is the title row of block k.
func (l layout) actualsHead(k int) int {
	row := acFirstHead
	for _, blk := range actualsBlocks[:k] {
		row += l.actualsRows(blk) + 3
	}
	return row
}

// actualsRows is how many rows block blk has.
func (l layout) actualsRows(blk actualsBlock) int {
	if blk.channels {
		return l.promotions
	}
	return l.products
}

// actualsRow is entity j's row in block k.
func (l layout) actualsRow(k, j int) int { return l.actualsHead(k) + 2 + j }

// actualsEnd is the last row of the Actuals sheet's blocks.
func (l layout) actualsEnd() int { return l.actualsHead(len(actualsBlocks)) - 2 }

func (b *book) writeActuals() error {
	l := b.lay
	s, err := b.sheet(sheetActuals, map[int]float64{acID: 26, acName: 26, acExtra: 14}, 12, cellName(acFirst, acFirstHead))
	if err != nil {
		return err
	}
	s.label(1, roleTitle, "Actuals")
	s.at(2)
	s.label(1, roleNote, "What really happened in the closed months: type them in (months 1 to the number of closed months); "+
		"an empty row was not recorded. The Variance sheet compares them with the plan and re-fits the plan to them (the latest estimate).")
	a := b.p.Actuals
	s.at(acThroughRow)
	s.label(acID, roleLabel, "Closed months (empty: no actuals)")
	if a != nil {
		s.inputNum(acValueCol, nfNone, float64(a.Through))
	} else {
		s.inputBlank(acValueCol, nfNone)
	}
	s.at(acCredibilityRow)
	s.label(acID, roleLabel, "Credibility (months of evidence worth the plan's assumptions)")
	if a != nil {
		s.inputNum(acValueCol, nfRatio, a.Credibility)
	} else {
		s.inputBlank(acValueCol, nfRatio)
	}
	labels := planner.MonthLabels(b.p.Start, l.months)
	for k, blk := range actualsBlocks {
		head := l.actualsHead(k)
		s.at(head)
		s.label(acID, roleSection, blk.title)
		s.at(head + 1)
		s.height = headerHeight * 2 / 3
		s.label(acID, roleHeader, "ID")
		what, from, idCol, nameCol, fromRow := "Product", sheetProducts, prID, prName, l.productRow
		if blk.channels {
			what, from, idCol, nameCol, fromRow = "Channel", sheetPromotion, pmID, pmName, l.promotionRow
		}
		s.label(acName, roleHeader, what)
		if k == 0 {
			s.label(acExtra, roleHeader, "Committed for open months")
		}
		for t := 0; t < l.months; t++ {
			s.formula(acFirst+t, roleHeader, nfNone, ref(sheetMonths, l.monthCol(t), moLabelRow), labels[t])
		}
		for j := 0; j < l.actualsRows(blk); j++ {
			s.at(l.actualsRow(k, j))
			b.blockRowLabels(s, from, idCol, nameCol, j, fromRow)
			id := b.entityText(from, j, true)
			var values []float64
			if a != nil {
				values = blk.get(a, id)
			}
			if k == 0 {
				if a != nil && a.Promotions[id].Committed != 0 {
					s.inputNum(acExtra, nfMoney, a.Promotions[id].Committed)
				} else {
					s.inputBlank(acExtra, nfMoney)
				}
			}
			nf := nfUnits
			if blk.field == "spend" || blk.field == "netRevenue" {
				nf = nfMoney
			}
			for t := 0; t < l.months; t++ {
				if t < len(values) {
					s.inputNum(acFirst+t, nf, values[t])
				} else {
					s.inputBlank(acFirst+t, nf)
				}
			}
		}
	}
	if err := b.actualsChecks(); err != nil {
		return err
	}
	if err := b.protect(sheetActuals); err != nil {
		return err
	}
	return s.close()
}

func (b *book) actualsChecks() error {
	l := b.lay
	if err := b.validate(sheetActuals, cellName(acValueCol, acThroughRow), ruleBetween("Closed months",
		"How many months of the horizon are closed, from 0 to "+strconv.Itoa(l.months)+"; empty when the plan records no actuals.", 0, float64(l.months))); err != nil {
		return err
	}
	if err := b.validate(sheetActuals, cellName(acValueCol, acCredibilityRow), ruleNonNegative("Credibility",
		"Months of evidence that weigh as much as the plan's own assumptions (3 when empty).")); err != nil {
		return err
	}
	for k, blk := range actualsBlocks {
		n := l.actualsRows(blk)
		if n == 0 {
			continue
		}
		first, last := l.actualsRow(k, 0), l.actualsRow(k, n-1)
		if k == 0 {
			if err := b.validate(sheetActuals, localRange(acExtra, first, acExtra, last),
				ruleNonNegative("Committed", "Spend already committed (signed) for the open months.")); err != nil {
				return err
			}
		}
		if err := b.validate(sheetActuals, localRange(acFirst, first, acFirst+l.months-1, last),
			ruleNonNegative(blk.field, "What really happened that month; fill every closed month of a recorded row.")); err != nil {
			return err
		}
	}
	return nil
}
