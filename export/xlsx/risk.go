package xlsx

import "mixplan/planner"

// The Risk sheet: the plan's uncertainty ranges (docs/model.md §3.4) as
// inputs, one row per uncertain input ("products.green.elasticity", its low
// and high values, and the plan's value beside them, a formula to its
// cell), with a few empty rows for new ones; on the right the tornado the
// engine computed when the workbook was made: for each range, the
// contribution with that input at its low and at its high value and every
// other input as planned, largest swing first. The tornado needs the whole
// plan evaluated once per range and bound, which a sheet's formulas cannot
// do, so it holds values: export the plan again after changing it.

const (
	rkOf = iota + 1
	rkLow
	rkHigh
	rkPlan
	rkSpacer
	tdRank
	tdOf
	tdLow
	tdHigh
	tdContributionLow
	tdContributionHigh
	tdSwing
	rkFirstRow = 6
	rkSpare    = 5 // empty rows offered for new ranges
)

var riskHeaders = map[int]string{
	rkOf: "Uncertain input", rkLow: "Low", rkHigh: "High", rkPlan: "Plan's value (most likely)",
	tdRank: "Rank", tdOf: "Input", tdLow: "Low", tdHigh: "High", tdContributionLow: "Contribution at low",
	tdContributionHigh: "Contribution at high", tdSwing: "Swing",
}

func (l layout) rangeRows() int { return l.ranges + rkSpare }

func (b *book) writeRisk() error {
	bars, err := planner.Tornado(b.p, b.opt.Scenario)
	if err != nil {
		return err
	}
	s, err := b.sheet(sheetRisk, map[int]float64{rkOf: 34, rkLow: 14, rkHigh: 14, rkPlan: 16, rkSpacer: 3, tdRank: 7, tdOf: 34}, 16,
		cellName(rkLow, rkFirstRow))
	if err != nil {
		return err
	}
	s.label(1, roleTitle, "How sure are we")
	s.at(2)
	s.label(1, roleNote, "The inputs you are unsure of, each with a low and a high value around the plan's (products.ID.baseVolume, "+
		".unitCost, .elasticity; places.ID.marginPct, .unitCost; promotions.ID.maxUnits, .halfSpend, .shape, .carryover).")
	s.at(3)
	s.label(tdRank, roleNote, "Tornado as computed by Mixplan when this workbook was made (values, not formulas: export again after a change).")
	s.at(rkFirstRow - 1)
	s.height = headerHeight
	for col := rkOf; col <= tdSwing; col++ {
		if h, ok := riskHeaders[col]; ok {
			s.label(col, roleHeader, h)
		}
	}
	for i := 0; i < max(b.lay.rangeRows(), len(bars)); i++ {
		s.at(rkFirstRow + i)
		if i < len(b.p.Ranges) {
			rg := b.p.Ranges[i]
			s.inputText(rkOf, rg.Of)
			s.inputNum(rkLow, nfIndex, rg.Low)
			s.inputNum(rkHigh, nfIndex, rg.High)
			if sheet, col, row, value, ok := b.rangeCell(rg.Of); ok {
				s.formula(rkPlan, roleFormula, nfIndex, ref(sheet, col, row), value)
			}
		} else if i < b.lay.rangeRows() {
			s.inputBlank(rkOf, nfText)
			s.inputBlank(rkLow, nfIndex)
			s.inputBlank(rkHigh, nfIndex)
		}
		if i < len(bars) {
			bar := bars[i]
			s.value(tdRank, roleLabel, nfNone, float64(i+1))
			s.label(tdOf, roleLabel, bar.Of)
			s.value(tdLow, roleLabel, nfIndex, bar.Low)
			s.value(tdHigh, roleLabel, nfIndex, bar.High)
			s.value(tdContributionLow, roleLabel, nfMoney, bar.ContributionLow)
			s.value(tdContributionHigh, roleLabel, nfMoney, bar.ContributionHigh)
			s.value(tdSwing, roleTotal, nfMoney, bar.Swing)
		}
	}
	last := rkFirstRow + b.lay.rangeRows() - 1
	if err := b.validateColumns(sheetRisk, rkFirstRow, last, []columnRule{
		{rkOf, rule{title: "Uncertain input", prompt: "products.ID.baseVolume, .unitCost or .elasticity; places.ID.marginPct or .unitCost; " +
			"promotions.ID.maxUnits, .halfSpend, .shape or .carryover. Each input at most once."}},
		{rkLow, rule{kind: "decimal", operator: "between", f1: "-1E+300", f2: "1E+300", title: "Low", prompt: "At most the plan's value, within the input's own rule."}},
		{rkHigh, rule{kind: "decimal", operator: "between", f1: "-1E+300", f2: "1E+300", title: "High", prompt: "At least the plan's value, within the input's own rule."}},
	}); err != nil {
		return err
	}
	if err := b.protect(sheetRisk); err != nil {
		return err
	}
	return s.close()
}

// rangeCell is the input cell a range's "of" names, and the plan's value
// there; ok is false when it names none.
func (b *book) rangeCell(of string) (sheet string, col, row int, value float64, ok bool) {
	in, err := b.p.ResolveRange(of)
	if err != nil {
		return "", 0, 0, 0, false
	}
	switch in.List {
	case "products":
		pr := b.p.Products[in.Index]
		col, value = map[string]int{"baseVolume": prBaseVolume, "unitCost": prUnitCost, "elasticity": prElasticity}[in.Field],
			map[string]float64{"baseVolume": pr.BaseVolume, "unitCost": pr.UnitCost, "elasticity": pr.Elasticity}[in.Field]
		return sheetProducts, col, b.lay.productRow(in.Index), value, col > 0
	case "places":
		pl := b.p.Places[in.Index]
		col, value = map[string]int{"marginPct": plMargin, "unitCost": plUnitCost}[in.Field],
			map[string]float64{"marginPct": pl.MarginPct, "unitCost": pl.UnitCost}[in.Field]
		return sheetPlaces, col, b.lay.placeRow(in.Index), value, col > 0
	case "promotions":
		r := b.p.Promotions[in.Index].Response
		col, value = map[string]int{"maxUnits": pmMaxUnits, "halfSpend": pmHalfSpend, "shape": pmShape, "carryover": pmCarryover}[in.Field],
			map[string]float64{"maxUnits": r.MaxUnits, "halfSpend": r.HalfSpend, "shape": r.Shape, "carryover": r.Carryover}[in.Field]
		return sheetPromotion, col, b.lay.promotionRow(in.Index), value, col > 0
	}
	return "", 0, 0, 0, false
}
