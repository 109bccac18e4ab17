package xlsx

import (
	"strconv"

	"mixplan/planner"
)

// The Variance sheet: the plan against what the Actuals sheet records, with
// formulas (docs/model.md §2.3, step 4: variance = actual − plan, the plan as
// written under the scenario shown). At the top, month by month, the plan's
// marketing spend against the actual one in the closed months; then each
// channel to date (spend, extra units planned and measured, the funnel: CPM,
// CTR, CVR, CPA) and each product to date (units and net revenue); then the
// latest estimate for the year (latest.go). A closed month without a
// recorded spend was spent as planned.

const (
	vaTRow        = 3 // the number of closed months
	vaMonthHead   = 5
	vaIndexRow    = 6 // month numbers 1…n, for the to-date masks
	vaPlanSpend   = 7
	vaActualSpend = 8
	vaSpendVar    = 9
	vaToDateCol   = 3
	vaFirst       = 4 // first month's column
	vaChannelHead = 11
)

// Channel table columns.
const (
	vcID = iota + 1
	vcName
	vcPlanSpend
	vcActualSpend
	vcVariance
	vcVariancePct
	vcCommitted
	vcPlanLift
	vcMeasuredLift
	vcLiftVariance
	vcCPM
	vcCTR
	vcCVR
	vcCPA
	vcRecorded      // 1 when the channel's spend is recorded
	vcLiftToDate    // Σ_{t ≤ T} lift_ct, at reference price
	vcLiftPerWeight // that ÷ the split's total, 0 without a split
	vcLAToDate      // Σ_{t ≤ T} lift at the actual spends, the plan's curve
	vcLiftAtActual  // that × units per extra unit: L_c
	vcQ             // measured ÷ L_c, 1 when not measured
	vcFactor        // 1 + z (q − 1): maxUnits' ÷ maxUnits
	vcFactorPerWeight
	vcPropFactor     // the factor of a channel without a split, else 0
	vcLast           = vcPropFactor
	vpPlanUnits      = 3
	vpActualUnits    = 4
	vpUnitsVar       = 5
	vpUnitsVarPct    = 6
	vpPlanRevenue    = 7
	vpActualRevenue  = 8
	vpRevenueVar     = 9
	vpRevenueVarPct  = 10
	vpLiftToDate     = 11 // step 2: the re-fitted channels' lift to date
	vpBaseToDate     = 12
	vpB              = 13
	vpBaseFactor     = 14 // 1 + z (b − 1): baseVolume' ÷ baseVolume
	vpWeightLE       = 15 // the share of a channel without a split, with the re-fitted base
	vpLast           = vpWeightLE
	vaProductsOffset = 3 // rows between the channels' last row and the products' title
)

var varianceChannelHeaders = map[int]string{
	vcID: "ID", vcName: "Channel", vcPlanSpend: "Plan spend to date", vcActualSpend: "Actual spend to date", vcVariance: "Variance",
	vcVariancePct: "Variance %", vcCommitted: "Committed for open months", vcPlanLift: "Extra units planned to date",
	vcMeasuredLift: "Extra units measured to date", vcLiftVariance: "Variance (measured − planned)", vcCPM: "CPM", vcCTR: "CTR",
	vcCVR: "CVR", vcCPA: "CPA", vcRecorded: "Spend recorded", vcLiftToDate: "Extra units to date at reference price",
	vcLiftPerWeight: "Per split weight", vcLAToDate: "Extra units to date at the actual spends", vcLiftAtActual: "Extra units sold so (L)",
	vcQ: "Measured ÷ L (q)", vcFactor: "Curve re-fitted: 1 + z(q − 1)", vcFactorPerWeight: "Per split weight", vcPropFactor: "Without a split",
}

var varianceProductHeaders = map[int]string{
	vcID: "ID", vcName: "Product", vpPlanUnits: "Plan units to date", vpActualUnits: "Actual units to date", vpUnitsVar: "Variance",
	vpUnitsVarPct: "Variance %", vpPlanRevenue: "Plan net revenue to date", vpActualRevenue: "Actual net revenue to date",
	vpRevenueVar: "Variance", vpRevenueVarPct: "Variance %", vpLiftToDate: "Extra units to date, re-fitted channels",
	vpBaseToDate: "Base units to date", vpB: "Base re-fit (b)", vpBaseFactor: "Base re-fitted: 1 + z(b − 1)", vpWeightLE: "Share of channels without a split",
}

func (l layout) varianceChannelRow(c int) int { return vaChannelHead + 2 + c }
func (l layout) varianceProductHead() int {
	return l.varianceChannelRow(l.promotions-1) + vaProductsOffset
}
func (l layout) varianceProductRow(i int) int { return l.varianceProductHead() + 2 + i }

func (b *book) writeVariance() error {
	l := b.lay
	vf := newVarianceFigures(b)
	s, err := b.sheet(sheetVariance, map[int]float64{vcID: 26, vcName: 26}, 14, cellName(vaFirst, vaMonthHead+1))
	if err != nil {
		return err
	}
	s.label(1, roleTitle, "Variance")
	s.at(2)
	s.label(1, roleNote, "The plan against the actuals typed on the Actuals sheet: variance = actual − plan, to date (the closed months). "+
		"A closed month without a recorded spend was spent as planned. Below, the latest estimate for the year: the curves and base demand re-fitted to the actuals.")
	s.at(vaTRow)
	s.label(vcID, roleLabel, "Closed months")
	T := absRef(vcName, vaTRow)
	s.formula(vcName, roleFormula, nfNone, "IF(ISNUMBER("+ref(sheetActuals, acValueCol, acThroughRow)+"),"+ref(sheetActuals, acValueCol, acThroughRow)+",0)",
		float64(vf.T))
	lf := newLatestFigures(b, vf)
	s.at(vaZRow)
	s.label(vcID, roleLabel, "Weight of the actuals: z = T ÷ (T + credibility)")
	credibility := ref(sheetActuals, acValueCol, acCredibilityRow)
	s.formula(vcName, roleFormula, nfIndex, "IF("+T+"=0,0,IF(ISNUMBER("+credibility+"),IF("+credibility+"=0,1,"+T+"/("+T+"+"+credibility+")),"+
		T+"/("+T+"+"+strconv.Itoa(planner.DefaultCredibility)+")))", lf.z)
	// Month by month.
	s.at(vaMonthHead)
	s.label(vcID, roleHeader, "Month")
	s.label(vcName, roleHeader, "")
	s.label(vaToDateCol, roleHeader, "To date")
	labels := planner.MonthLabels(b.p.Start, l.months)
	for t := 0; t < l.months; t++ {
		s.formula(vaFirst+t, roleHeader, nfNone, ref(sheetMonths, l.monthCol(t), moLabelRow), labels[t])
	}
	idx := absRangeOrEmpty(vaFirst, vaIndexRow, vaFirst+l.months-1, vaIndexRow)
	toDate := func(row string) string { return "SUMPRODUCT((" + idx + "<=" + T + ")*" + row + ")" }
	s.at(vaIndexRow)
	s.label(vcID, roleNote, "Month number")
	for t := 0; t < l.months; t++ {
		s.value(vaFirst+t, roleHelper, nfNone, float64(t+1))
	}
	n := strconv.Itoa(l.months)
	monthRow := func(row int, label string, f func(t int) string, cached func(t int) any, total string, totalValue float64) {
		s.at(row)
		s.label(vcID, roleLabel, label)
		s.formula(vaToDateCol, roleTotal, nfMoney, total, totalValue)
		for t := 0; t < l.months; t++ {
			s.formula(vaFirst+t, roleFormula, nfMoney, f(t), cached(t))
		}
	}
	monthRow(vaPlanSpend, "Plan marketing spend", func(t int) string { return ref(sheetMonths, l.monthCol(t), moMarketing) },
		func(t int) any { return b.fg.r.Monthly[t].MarketingSpend },
		toDate(localRange(vaFirst, vaPlanSpend, vaFirst+l.months-1, vaPlanSpend)), vf.planSpendToDate)
	flags := absRangeOrEmpty(vcRecorded, l.varianceChannelRow(0), vcRecorded, l.varianceChannelRow(l.promotions-1))
	monthRow(vaActualSpend, "Actual marketing spend", func(t int) string {
		col := cellName(vaFirst+t, vaIndexRow)
		f := "placeFixed/" + n
		if l.promotions > 0 {
			actual := colRange(sheetActuals, acFirst+t, l.actualsRow(0, 0), l.actualsRow(0, l.promotions-1))
			plan := colRange(sheetMonths, l.monthCol(t), l.channelRow(blockSpend, 0), l.channelRow(blockSpend, l.promotions-1))
			f = "SUMPRODUCT(" + flags + "," + actual + ")+SUMPRODUCT(1-" + flags + "," + plan + ")+" + f
		}
		if t == 0 {
			f += "+launch"
		}
		return "IF(" + col + "<=" + T + "," + f + `,"")`
	}, func(t int) any { return vf.actualMonth(t) }, "SUM("+localRange(vaFirst, vaActualSpend, vaFirst+l.months-1, vaActualSpend)+")", vf.actualSpendToDate)
	monthRow(vaSpendVar, "Variance", func(t int) string {
		return "IF(" + cellName(vaFirst+t, vaIndexRow) + "<=" + T + "," + cellName(vaFirst+t, vaActualSpend) + "-" + cellName(vaFirst+t, vaPlanSpend) + `,"")`
	}, func(t int) any {
		if t < vf.T {
			return vf.actualMonth(t).(float64) - b.fg.r.Monthly[t].MarketingSpend
		}
		return ""
	}, cellName(vaToDateCol, vaActualSpend)+"-"+cellName(vaToDateCol, vaPlanSpend), vf.actualSpendToDate-vf.planSpendToDate)
	b.varianceChannels(s, vf, lf, toDate)
	b.varianceProducts(s, vf, lf, toDate)
	b.writeLatest(s, lf)
	if err := b.protect(sheetVariance); err != nil {
		return err
	}
	return s.close()
}

// ratioOrNA is a ÷ b in a cell, "n/a" when any list it needs is not
// recorded or b is 0.
func ratioOrNA(recorded []string, a, b string) string {
	cond := ""
	for _, r := range recorded {
		cond += "COUNT(" + r + ")=0,"
	}
	return "IF(OR(" + cond + b + "=0)," + `"n/a",` + a + "/" + b + ")"
}

func (b *book) varianceChannels(s *sheet, vf *varianceFigures, lf *latestFigures, toDate func(string) string) {
	l := b.lay
	s.at(vaChannelHead)
	s.label(vcID, roleSection, "Channels to date")
	s.at(vaChannelHead + 1)
	s.height = headerHeight
	for col := vcID; col <= vcLast; col++ {
		s.label(col, roleHeader, varianceChannelHeaders[col])
	}
	monthsOf := func(row int) string { return rowRange(sheetActuals, row, acFirst, acFirst+l.months-1) }
	for c := range b.p.Promotions {
		r := l.varianceChannelRow(c)
		s.at(r)
		x := func(col int) string { return cellName(col, r) }
		b.blockRowLabels(s, sheetPromotion, pmID, pmName, c, l.promotionRow)
		cf := &vf.channels[c]
		spendRow := monthsOf(l.actualsRow(0, c))
		s.formula(vcRecorded, roleHelper, nfNone, "IF(COUNT("+spendRow+")>0,1,0)", cf.recorded)
		s.formula(vcPlanSpend, roleFormula, nfMoney, toDate(rowRange(sheetMonths, l.channelRow(blockSpend, c), l.monthCol(0), l.lastMonthCol())), cf.planSpend)
		s.formula(vcActualSpend, roleFormula, nfMoney, "IF("+x(vcRecorded)+"=1,"+toDate(spendRow)+","+x(vcPlanSpend)+")", cf.actualSpend)
		s.formula(vcVariance, roleFormula, nfMoney, x(vcActualSpend)+"-"+x(vcPlanSpend), cf.actualSpend-cf.planSpend)
		s.formula(vcVariancePct, roleFormula, nfPct, "IF("+x(vcPlanSpend)+`=0,"n/a",`+x(vcVariance)+"/"+x(vcPlanSpend)+")", pctOrNA(cf.actualSpend-cf.planSpend, cf.planSpend))
		committed := ref(sheetActuals, acExtra, l.actualsRow(0, c))
		s.formula(vcCommitted, roleFormula, nfMoney, "IF(ISNUMBER("+committed+"),"+committed+",0)", cf.committed)
		s.formula(vcLiftToDate, roleHelper, nfUnits, toDate(rowRange(sheetMonths, l.channelRow(blockLift, c), l.monthCol(0), l.lastMonthCol())), cf.liftToDate)
		s.formula(vcPlanLift, roleFormula, nfUnits, x(vcLiftToDate)+"*"+ref(sheetPromotion, pmUnitsPerLift, l.promotionRow(c)), cf.planLift)
		liftRow := monthsOf(l.actualsRow(1, c))
		s.formula(vcMeasuredLift, roleFormula, nfUnits, "IF(COUNT("+liftRow+`)=0,"n/a",`+toDate(liftRow)+")", cf.measured)
		s.formula(vcLiftVariance, roleFormula, nfUnits, "IF(ISNUMBER("+x(vcMeasuredLift)+"),"+x(vcMeasuredLift)+"-"+x(vcPlanLift)+`,"n/a")`, cf.liftVariance)
		impr, clicks, conv := monthsOf(l.actualsRow(2, c)), monthsOf(l.actualsRow(3, c)), monthsOf(l.actualsRow(4, c))
		s.formula(vcCPM, roleFormula, nfPrice, ratioOrNA([]string{impr}, "1000*"+x(vcActualSpend), toDate(impr)), cf.cpm)
		s.formula(vcCTR, roleFormula, nfPct, ratioOrNA([]string{impr, clicks}, toDate(clicks), toDate(impr)), cf.ctr)
		s.formula(vcCVR, roleFormula, nfPct, ratioOrNA([]string{clicks, conv}, toDate(conv), toDate(clicks)), cf.cvr)
		s.formula(vcCPA, roleFormula, nfPrice, ratioOrNA([]string{conv}, x(vcActualSpend), toDate(conv)), cf.cpa)
		pr := l.promotionRow(c)
		s.formula(vcLiftPerWeight, roleHelper, nfUnits, "IF("+ref(sheetPromotion, pmSplitTotal, pr)+">0,"+x(vcLiftToDate)+"/"+ref(sheetPromotion, pmSplitTotal, pr)+",0)",
			cf.liftPerWeight)
		b.latestChannel(s, c, r, lf, toDate)
	}
}

func (b *book) varianceProducts(s *sheet, vf *varianceFigures, lf *latestFigures, toDate func(string) string) {
	l := b.lay
	head := l.varianceProductHead()
	s.at(head)
	s.label(vcID, roleSection, "Products to date")
	s.at(head + 1)
	s.height = headerHeight
	for col := vcID; col <= vpLast; col++ {
		s.label(col, roleHeader, varianceProductHeaders[col])
	}
	n := strconv.Itoa(l.months)
	T := absRef(vcName, vaTRow)
	monthsOf := func(row int) string { return rowRange(sheetActuals, row, acFirst, acFirst+l.months-1) }
	liftToDate := colRange(sheetVariance, vcLiftToDate, l.varianceChannelRow(0), l.varianceChannelRow(l.promotions-1))
	perWeight := colRange(sheetVariance, vcLiftPerWeight, l.varianceChannelRow(0), l.varianceChannelRow(l.promotions-1))
	propLift := sumIfZero(l.pmCol(pmSplitTotal), liftToDate)
	for i := range b.p.Products {
		r := l.varianceProductRow(i)
		s.at(r)
		x := func(col int) string { return cellName(col, r) }
		b.blockRowLabels(s, sheetProducts, prID, prName, i, l.productRow)
		pf := &vf.products[i]
		pr := l.productRow(i)
		scale := ref(sheetMonths, moScale, l.seasonRow(i))
		season := "IF(" + scale + "=0," + T + "/" + n + "," + toDate(rowRange(sheetMonths, l.seasonRow(i), l.monthCol(0), l.lastMonthCol())) + "*" + scale + ")"
		lift := "0"
		if l.promotions > 0 {
			lift = sumProduct(colRange(sheetPromotion, pmSplit+i, pmFirstRow, pmFirstRow+l.promotions-1), perWeight) + "+" + propLift +
				"*IF(baseUnitsTotal>0," + ref(sheetProducts, prBaseUnits, pr) + "/baseUnitsTotal,1/" + strconv.Itoa(l.products) + ")"
		}
		s.formula(vpPlanUnits, roleFormula, nfUnits, ref(sheetProducts, prBaseUnits, pr)+"*"+season+"+"+ref(sheetProducts, prPriceIndex, pr)+"*("+lift+")",
			pf.planUnits)
		units, revenue := monthsOf(l.actualsRow(5, i)), monthsOf(l.actualsRow(6, i))
		nr := ref(sheetProducts, prNetPrice, pr) + "*" + ref(sheetProducts, prKept, pr)
		s.formula(vpActualUnits, roleFormula, nfUnits, "IF(COUNT("+units+`)=0,"n/a",`+toDate(units)+")", pf.actualUnits)
		s.formula(vpUnitsVar, roleFormula, nfUnits, "IF(ISNUMBER("+x(vpActualUnits)+"),"+x(vpActualUnits)+"-"+x(vpPlanUnits)+`,"n/a")`, pf.unitsVar)
		s.formula(vpUnitsVarPct, roleFormula, nfPct, "IF(AND(ISNUMBER("+x(vpUnitsVar)+"),"+x(vpPlanUnits)+"<>0),"+x(vpUnitsVar)+"/"+x(vpPlanUnits)+`,"n/a")`, pf.unitsVarPct)
		s.formula(vpPlanRevenue, roleFormula, nfMoney, x(vpPlanUnits)+"*"+nr, pf.planRevenue)
		s.formula(vpActualRevenue, roleFormula, nfMoney, "IF(COUNT("+revenue+")>0,"+toDate(revenue)+",IF(ISNUMBER("+x(vpActualUnits)+"),"+x(vpActualUnits)+"*"+nr+`,"n/a"))`,
			pf.actualRevenue)
		s.formula(vpRevenueVar, roleFormula, nfMoney, "IF(ISNUMBER("+x(vpActualRevenue)+"),"+x(vpActualRevenue)+"-"+x(vpPlanRevenue)+`,"n/a")`, pf.revenueVar)
		s.formula(vpRevenueVarPct, roleFormula, nfPct, "IF(AND(ISNUMBER("+x(vpRevenueVar)+"),"+x(vpPlanRevenue)+"<>0),"+x(vpRevenueVar)+"/"+x(vpPlanRevenue)+`,"n/a")`,
			pf.revenueVarPct)
		b.latestProduct(s, i, r, lf, season)
	}
}
