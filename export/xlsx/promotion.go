package xlsx

import (
	"strconv"
	"strings"
)

// The Promotion sheet: one row per paid channel (spend, optimiser bounds,
// response curve; then its extra units, incremental contribution, ROI and
// marginal ROI), and on the right the split matrix: the weight of each
// product in the channel's extra units. An empty split row means the extra
// units follow each product's base units, as the contract says.

var promotionHeaders = map[int]string{
	pmID: "ID", pmName: "Channel", pmKind: "Kind", pmSpend: "Spend", pmMin: "Minimum spend", pmMax: "Maximum spend (empty: none)",
	pmMaxUnits: "Most extra units (saturation)", pmHalfSpend: "Spend bringing half of them", pmShape: "Curve shape (≤1 concave, >1 S)",
	pmCarryover: "Carryover (share of pressure felt next month)", pmMaxPerMonth: "Most spend in one month (empty: none)",
	pmSplitTotal: "Split weights total", pmLift: "Extra units at reference price", pmLiftUnits: "Extra units sold",
	pmValue: "Contribution per extra unit", pmUnitsPerLift: "Units sold per extra unit", pmRevenuePerLift: "Net revenue per extra unit",
	pmLogisticsPerLift: "Logistics per extra unit", pmIncremental: "Incremental contribution", pmROI: "ROI", pmMarginalROI: "Marginal ROI",
	pmLiftPerWeight: "Extra units per split weight",
}

func (b *book) writePromotion() error {
	l := b.lay
	widths := map[int]float64{pmID: 14, pmName: 26, pmKind: 11, pmSpacer: 3}
	for col := pmSpend; col <= pmLiftPerWeight; col++ {
		widths[col] = 15
	}
	s, err := b.sheet(sheetPromotion, widths, 11, cellName(pmKind, pmFirstRow))
	if err != nil {
		return err
	}
	s.label(1, roleTitle, "Promotion")
	s.at(2)
	s.label(1, roleNote, "One row per paid channel. Each month holds 1/n of the channel's Hill curve and answers the pressure it feels "+
		"(this month's spend plus the carryover of earlier months, on the Months sheet); the extra units are the sum of the months'. "+
		"On the right, the split of each channel's extra units over products (weights); an empty row follows each product's base units.")
	b.promotionHelpers(s)
	s.at(pmFirstRow - 1)
	s.height = headerHeight
	for col := pmID; col <= pmLiftPerWeight; col++ {
		s.label(col, roleHeader, promotionHeaders[col])
	}
	b.productHeaders(s, pmSplit)
	for c := range b.p.Promotions {
		s.at(l.promotionRow(c))
		b.promotionRow(s, c)
	}
	for _, fn := range []func() error{b.promotionChecks, b.promotionChart, func() error { return b.protect(sheetPromotion) }} {
		if err := fn(); err != nil {
			return err
		}
	}
	return s.close()
}

// promotionHelpers writes rows 3 and 4: the figures of the channels without
// a split on the left, each product's price index and contribution per extra
// unit above the split matrix.
func (b *book) promotionHelpers(s *sheet) {
	l, fg := b.lay, b.fg
	base, pi, uc := l.prCol(prBaseUnits), l.prCol(prPriceIndex), l.prCol(prUnitContribution)
	n := strconv.Itoa(l.products)
	s.at(pmPriceIndexRow)
	s.label(pmPropLabelCol, roleNote, "Extra units of channels without a split →")
	s.formula(pmSpend, roleHelper, nfUnits, sumIfZero(l.pmCol(pmSplitTotal), l.pmCol(pmLift)), fg.propLift)
	s.label(pmPropLabel2Col, roleNote, "Their units sold per extra unit →")
	propUnits := "0"
	if l.products > 0 {
		propUnits = "IF(baseUnitsTotal>0," + sumProduct(base, pi) + "/baseUnitsTotal," + sumOf(pi) + "/" + n + ")"
	}
	s.formula(pmShape, roleHelper, nfIndex, propUnits, fg.propUnits)
	if l.products > 0 {
		s.label(pmMatrixLabelCol, roleHelperTip, pmMatrixLabelText)
	}
	for i := 0; i < l.products; i++ {
		s.formula(pmSplit+i, roleHelper, nfIndex, ref(sheetProducts, prPriceIndex, l.productRow(i)), fg.r.Products[i].PriceIndex)
	}
	s.at(pmUnitValueRow)
	s.label(pmPropLabelCol, roleNote, "Their contribution per extra unit →")
	propValue := "0"
	if l.products > 0 {
		propValue = "IF(baseUnitsTotal>0," + sumProduct(base, pi, uc) + "/baseUnitsTotal," + sumProduct(pi, uc) + "/" + n + ")"
	}
	s.formula(pmSpend, roleHelper, nfPrice, propValue, fg.propValue)
	s.label(pmPropLabel2Col, roleNote, "Base units of all products →")
	s.formula(pmShape, roleHelper, nfUnits, sumOf(base), fg.baseTotal)
	if l.products > 0 {
		s.label(pmMatrixLabelCol, roleHelperTip, "Contribution per extra unit →")
	}
	for i := 0; i < l.products; i++ {
		r := l.productRow(i)
		s.formula(pmSplit+i, roleHelper, nfPrice, ref(sheetProducts, prPriceIndex, r)+"*"+ref(sheetProducts, prUnitContribution, r),
			fg.r.Products[i].PriceIndex*fg.r.Products[i].UnitContribution)
	}
	np, kept, lpu := l.prCol(prNetPrice), l.prCol(prKept), l.prCol(prLogisticsPerUnit)
	perUnit := func(row int, label string, cols []string, value float64, perProduct func(r int) string, cachedAt func(i int) float64) {
		s.at(row)
		s.label(pmPropLabelCol, roleNote, "Their "+label+" →")
		f := "0"
		if l.products > 0 {
			f = "IF(baseUnitsTotal>0," + sumProduct(append([]string{base, pi}, cols...)...) + "/baseUnitsTotal," +
				sumProduct(append([]string{pi}, cols...)...) + "/" + n + ")"
			s.label(pmMatrixLabelCol, roleHelperTip, strings.ToUpper(label[:1])+label[1:]+" →")
		}
		s.formula(pmSpend, roleHelper, nfPrice, f, value)
		for i := 0; i < l.products; i++ {
			s.formula(pmSplit+i, roleHelper, nfPrice, perProduct(l.productRow(i)), cachedAt(i))
		}
	}
	perUnit(pmRevenueRow, "net revenue per extra unit", []string{np, kept}, fg.propRevenue, func(r int) string {
		return ref(sheetProducts, prPriceIndex, r) + "*" + ref(sheetProducts, prNetPrice, r) + "*" + ref(sheetProducts, prKept, r)
	}, func(i int) float64 { return fg.m.PriceIndex[i] * fg.m.NetRevenuePerUnit(i) })
	perUnit(pmLogisticsRow, "logistics per extra unit", []string{lpu}, fg.propLogistics, func(r int) string {
		return ref(sheetProducts, prPriceIndex, r) + "*" + ref(sheetProducts, prLogisticsPerUnit, r)
	}, func(i int) float64 { return fg.m.PriceIndex[i] * fg.m.LogisticsPerUnit(i) })
}

// sumIfZero sums values where the criteria range is 0, or 0 for an empty list.
func sumIfZero(criteria, values string) string {
	if criteria == "" {
		return "0"
	}
	return "SUMIF(" + criteria + ",0," + values + ")"
}

func (b *book) promotionRow(s *sheet, c int) {
	l, fg := b.lay, b.fg
	r := l.promotionRow(c)
	pm := &b.p.Promotions[c]
	res := &fg.r.Promotions[c]
	ch := &fg.m.Channels[c]
	x := func(col int) string { return cellName(col, r) }
	spend, maxUnits, shape := x(pmSpend), x(pmMaxUnits)+"*scResponse", x(pmShape)

	s.inputText(pmID, pm.ID)
	s.inputText(pmName, pm.Name)
	s.inputText(pmKind, pm.Kind)
	s.inputNum(pmSpend, nfMoney, pm.Spend)
	s.inputNum(pmMin, nfMoney, pm.Min)
	s.inputOpt(pmMax, nfMoney, pm.Max)
	s.inputNum(pmMaxUnits, nfUnits, pm.Response.MaxUnits)
	s.inputNum(pmHalfSpend, nfMoney, pm.Response.HalfSpend)
	s.inputNum(pmShape, nfRatio, pm.Response.Shape)
	s.inputNum(pmCarryover, nfRatio, pm.Response.Carryover)
	s.inputOpt(pmMaxPerMonth, nfMoney, pm.MaxPerMonth)

	lastSplit := pmSplit + l.products - 1
	weights := localRangeOrEmpty(pmSplit, r, lastSplit, r)
	s.formula(pmSplitTotal, roleFormula, nfSplit, sumOf(weights), fg.splitTotal[c])
	months := func(k int) string {
		return rowRange(sheetMonths, l.channelRow(k, c), l.monthCol(0), l.lastMonthCol())
	}
	s.formula(pmLift, roleFormula, nfUnits, "SUM("+months(blockLift)+")", fg.lift[c])
	total := x(pmSplitTotal)
	perLift := func(row int, prop string) string {
		return "IF(" + total + ">0," + sumProduct(weights, absRangeOrEmpty(pmSplit, row, lastSplit, row)) + "/" + total + "," + prop + ")"
	}
	s.formula(pmLiftUnits, roleFormula, nfUnits, x(pmLift)+"*"+x(pmUnitsPerLift), res.LiftUnits)
	s.formula(pmValue, roleFormula, nfPrice, perLift(pmUnitValueRow, "propValue"), ch.Value)
	s.formula(pmUnitsPerLift, roleHelper, nfIndex, perLift(pmPriceIndexRow, "propUnits"), ch.UnitsPerLift)
	s.formula(pmRevenuePerLift, roleHelper, nfPrice, perLift(pmRevenueRow, "propRevenue"), ch.RevenuePerLift)
	s.formula(pmLogisticsPerLift, roleHelper, nfPrice, perLift(pmLogisticsRow, "propLogistics"), fg.logisticsPerLift[c])
	s.formula(pmIncremental, roleTotal, nfMoney, x(pmLift)+"*"+x(pmValue), res.IncrementalContribution)
	s.formula(pmROI, roleFormula, nfPct, "IF("+spend+`=0,"n/a",(`+x(pmIncremental)+"-"+spend+")/"+spend+")", res.ROI)
	// The months' marginal lift is +∞ at no spend when the curve is steeper
	// than linear at 0 (shape below 1): the marginal ROI is then n/a.
	s.formula(pmMarginalROI, roleFormula, nfPct, "IF("+maxUnits+"=0,-1,IF(AND("+spend+"<=0,"+shape+`<1),"n/a",`+
		x(pmValue)+"*SUM("+months(blockMarginalLift)+")-1))", res.MarginalROI)
	s.formula(pmLiftPerWeight, roleHelper, nfUnits, "IF("+total+">0,"+x(pmLift)+"/"+total+",0)", fg.liftPerWeight[c])
	for i, pr := range b.p.Products {
		if w, ok := pm.Split[pr.ID]; ok {
			s.inputNum(pmSplit+i, nfWeight, w)
		} else {
			s.inputBlank(pmSplit+i, nfWeight)
		}
	}
}

func (b *book) promotionChecks() error {
	l := b.lay
	last := pmFirstRow + l.promotions - 1
	if err := b.validateColumns(sheetPromotion, pmFirstRow, last, []columnRule{
		{pmID, ruleID}, {pmName, ruleName},
		{pmKind, rule{title: "Kind", prompt: "A free grouping label: digital, print, event…"}},
		{pmSpend, ruleNonNegative("Spend", "Spend on this channel over the horizon.")},
		{pmMin, ruleNonNegative("Minimum spend", "The least the optimiser may spend here.")},
		{pmMax, rule{kind: "custom", f1: "AND(ISNUMBER(@)," + "@>=" + cellName(pmMin, pmFirstRow) + ")", title: "Maximum spend",
			prompt: "The most the optimiser may spend here, at least the minimum. Leave empty for no upper bound."}},
		{pmMaxUnits, ruleNonNegative("Most extra units", "Saturation: the most extra units this channel can bring, at reference price.")},
		{pmHalfSpend, rulePositive("Spend bringing half", "The spend that brings half of the most extra units.")},
		{pmShape, rule{kind: "custom", f1: "AND(ISNUMBER(@),@>0,@<=10)", title: "Curve shape",
			prompt: "Hill exponent, above 0 and at most 10: 1 or less is concave (each euro brings less), above 1 S-shaped."}},
		{pmCarryover, rule{kind: "custom", f1: "AND(ISNUMBER(@),@>=0,@<=0.9)", title: "Carryover",
			prompt: "Share of a month's advertising pressure still felt the next month, from 0 (none) to 0.9."}},
		{pmMaxPerMonth, rule{kind: "custom", f1: "AND(ISNUMBER(@),@>=0)", title: "Most spend in one month",
			prompt: "The most the optimiser may spend here in one month, at least 0. Leave empty for no cap."}},
	}); err != nil || l.products == 0 || l.promotions == 0 {
		return err
	}
	return b.validate(sheetPromotion, localRange(pmSplit, pmFirstRow, pmSplit+l.products-1, last),
		ruleNonNegative("Split weight", "Weight of this product in the channel's extra units; weights are scaled to add up to 100%. Leave the row empty to follow base units."))
}

// productHeaders heads a matrix of one column per product, from col on (a
// place's shares, a channel's split), with formulas to the products' ids so
// a renamed id follows.
func (b *book) productHeaders(s *sheet, col int) {
	for i := range b.p.Products {
		s.formula(col+i, roleHeader, nfNone, ref(sheetProducts, prID, b.lay.productRow(i)), b.p.Products[i].ID)
	}
}
