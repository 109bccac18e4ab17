package xlsx

import (
	"strconv"

	"mixplan/planner"
)

// The Months sheet: months across; the monthly figures on top (base units
// spread by each product's seasonality, extra units where each channel's
// pressure is felt, promotion spend by its flighting, places' fixed costs
// evenly, launch costs in month 1), the chart below them, then the weights
// (flighting of every channel, seasonality of every product, responsiveness
// of every channel; an empty row is flat) and the channels' monthly response
// worked out from them (docs/model.md §2.1): spend, pressure with carryover,
// pressure per unit of spend, extra units, and the extra units of one more
// unit of spend. Column C holds each weight row's scale (1 ÷ the row's total
// for flighting and seasonality, months ÷ the total for responsiveness), 0
// for flat, and each computed row's total.

type monthFigure struct {
	row   int
	label string
	nf    numFormat
	value func(m planner.MonthResult) float64
}

var monthFigures = []monthFigure{
	{moUnits, "Units sold", nfUnits, func(m planner.MonthResult) float64 { return m.Units }},
	{moLiftUnits, "of which extra units from promotion", nfUnits, func(m planner.MonthResult) float64 { return m.LiftUnits }},
	{moNetRevenue, "Net revenue", nfMoney, func(m planner.MonthResult) float64 { return m.NetRevenue }},
	{moGrossMargin, "Gross margin", nfMoney, func(m planner.MonthResult) float64 { return m.GrossMargin }},
	{moLogistics, "Logistics", nfMoney, func(m planner.MonthResult) float64 { return m.Logistics }},
	{moMarketing, "Marketing spend", nfMoney, func(m planner.MonthResult) float64 { return m.MarketingSpend }},
	{moContribution, "Contribution", nfMoney, func(m planner.MonthResult) float64 { return m.Contribution }},
	{moCumulative, "Cumulative contribution", nfMoney, func(m planner.MonthResult) float64 { return m.CumulativeContribution }},
}

func (b *book) writeMonths() error {
	l := b.lay
	s, err := b.sheet(sheetMonths, map[int]float64{moID: 26, moName: 26, moScale: 14}, 13, cellName(moFirst, moLabelRow+1))
	if err != nil {
		return err
	}
	s.label(1, roleTitle, "Months")
	s.at(2)
	s.label(1, roleNote, "Monthly figures: base units follow each product's seasonality, extra units the pressure each channel's spend "+
		"builds (with its carryover and responsiveness), promotion spend its flighting; places' fixed costs are spread evenly "+
		"and launch costs fall in month 1. Edit the weights below; an empty row is flat.")
	s.at(moLabelRow)
	s.label(moID, roleHeader, "Figure")
	s.label(moName, roleHeader, "")
	s.label(moScale, roleHeader, "Horizon")
	labels := planner.MonthLabels(b.p.Start, l.months)
	for t := 0; t < l.months; t++ {
		s.formula(l.monthCol(t), roleHeader, nfNone, monthLabelFormula(t), labels[t])
	}
	for _, mf := range monthFigures {
		s.at(mf.row)
		b.monthRow(s, mf)
	}
	s.at(moPaidBack)
	s.label(moID, roleLabel, "Paid back from this month on")
	for t := 0; t < l.months; t++ {
		f := "IF(" + cellName(l.monthCol(t), moCumulative) + ">=0,1,0)"
		if t < l.months-1 {
			f = "IF(AND(" + cellName(l.monthCol(t), moCumulative) + ">=0," + cellName(l.monthCol(t+1), moPaidBack) + "=1),1,0)"
		}
		s.formula(l.monthCol(t), roleHelper, nfYesNo, f, b.fg.paidBack[t])
	}
	b.weightBlock(s, moFlightHead, "Flighting: weight of each month in each channel's spend (an empty row spreads it evenly)", "Channel",
		sheetPromotion, pmID, pmName, l.promotions, l.promotionRow, "1", func(c int) ([]float64, float64) {
			return b.p.Promotions[c].Flighting, b.fg.flightScale[c]
		})
	b.weightBlock(s, l.seasonHead(), "Seasonality: weight of each month in each product's units (an empty row spreads them evenly)", "Product",
		sheetProducts, prID, prName, l.products, l.productRow, "1", func(i int) ([]float64, float64) {
			return b.p.Products[i].Seasonality, b.fg.seasonScale[i]
		})
	b.weightBlock(s, l.channelHead(blockResponsiveness), "Responsiveness: how strongly each channel's audience answers each month "+
		"(an empty row is even)", "Channel", sheetPromotion, pmID, pmName, l.promotions, l.promotionRow, strconv.Itoa(l.months),
		func(c int) ([]float64, float64) { return b.p.Promotions[c].Responsiveness, b.fg.respScale[c] })
	b.channelBlocks(s)
	for _, fn := range []func() error{b.monthChecks, b.monthChart, func() error { return b.protect(sheetMonths) }} {
		if err := fn(); err != nil {
			return err
		}
	}
	return s.close()
}

// monthLabelFormula names month t from the Summary's first month: 2027-01,
// or M1… when it is empty. It avoids TEXT(), whose codes depend on the
// reader's language.
func monthLabelFormula(t int) string {
	ts := strconv.Itoa(t)
	month := "(VALUE(MID(startMonth,6,2))-1+" + ts + ")"
	return `IF(startMonth="","M` + strconv.Itoa(t+1) + `",(VALUE(LEFT(startMonth,4))+INT(` + month + `/12))&"-"&RIGHT("0"&(MOD(` + month + `,12)+1),2))`
}

// monthRow writes one monthly figure across the months.
func (b *book) monthRow(s *sheet, mf monthFigure) {
	l := b.lay
	s.label(moID, roleLabel, mf.label)
	first, last := l.monthCol(0), l.lastMonthCol()
	if mf.row != moCumulative {
		total := 0.0
		for _, m := range b.fg.r.Monthly {
			total += mf.value(m)
		}
		s.formula(moScale, roleTotal, mf.nf, sumOf(localRange(first, mf.row, last, mf.row)), total)
	}
	for t := 0; t < l.months; t++ {
		col := l.monthCol(t)
		x := func(row int) string { return cellName(col, row) }
		var f string
		switch mf.row {
		case moUnits:
			f = b.seasonal(col, l.prCol(prBaseUnits)) + "+" + x(moLiftUnits)
		case moLiftUnits:
			f = b.liftPart(col, l.pmCol(pmUnitsPerLift))
		case moNetRevenue:
			f = b.seasonal(col, l.prCol(prNetPrice)+"*"+l.prCol(prKept)) + "+" + b.liftPart(col, l.pmCol(pmRevenuePerLift))
		case moGrossMargin:
			f = b.seasonal(col, "("+l.prCol(prUnitContribution)+"+"+l.prCol(prLogisticsPerUnit)+")") + "+" +
				b.liftPart(col, l.pmCol(pmValue)+"+"+l.pmCol(pmLogisticsPerLift))
		case moLogistics:
			f = b.seasonal(col, l.prCol(prLogisticsPerUnit)) + "+" + b.liftPart(col, l.pmCol(pmLogisticsPerLift))
		case moMarketing:
			f = "placeFixed/" + strconv.Itoa(l.months)
			if l.promotions > 0 {
				f = "SUM(" + localRange(col, l.channelRow(blockSpend, 0), col, l.channelRow(blockSpend, l.promotions-1)) + ")+" + f
			}
			if t == 0 {
				f += "+launch"
			}
		case moContribution:
			f = x(moGrossMargin) + "-" + x(moLogistics) + "-" + x(moMarketing)
		case moCumulative:
			f = x(moContribution)
			if t > 0 {
				f = cellName(col-1, moCumulative) + "+" + f
			}
		}
		ro := roleFormula
		if mf.row == moContribution {
			ro = roleTotal
		}
		s.formula(col, ro, mf.nf, f, mf.value(b.fg.r.Monthly[t]))
	}
}

// seasonal is the month in column col of the products' base units times
// perUnit (a range of the Products sheet, or an expression of several, or
// "" for the units themselves): Σ_p season_pt × baseUnits_p × perUnit_p,
// where season_pt is the weight times the row's scale, or 1/n for a flat
// row (scale 0).
func (b *book) seasonal(col int, perUnit string) string {
	l := b.lay
	if l.products == 0 {
		return "0"
	}
	base := l.prCol(prBaseUnits)
	values := base
	if perUnit != base {
		values = base + "*" + perUnit
	}
	weights := localRange(col, l.seasonRow(0), col, l.seasonRow(l.products-1))
	scale := absRangeOrEmpty(moScale, l.seasonRow(0), moScale, l.seasonRow(l.products-1))
	return "(SUMPRODUCT(" + weights + "," + scale + "," + values + ")+SUMPRODUCT((" + scale + "=0)*" + values + ")/" + strconv.Itoa(l.months) + ")"
}

// liftPart is the month in column col of the channels' extra units times
// perLift (ranges of the Promotion sheet, one row per channel): Σ_c lift_ct × perLift_c.
func (b *book) liftPart(col int, perLift string) string {
	l := b.lay
	if l.promotions == 0 {
		return "0"
	}
	return "SUMPRODUCT(" + localRange(col, l.channelRow(blockLift, 0), col, l.channelRow(blockLift, l.promotions-1)) + "," + perLift + ")"
}

// weightBlock writes the flighting or the seasonality: a title row, a
// header row, then one row of weights per channel or product.
// numerator is what the scale column divides by the row's total.
func (b *book) weightBlock(s *sheet, head int, title, what, from string, idCol, nameCol, n int, fromRow func(int) int,
	numerator string, weights func(int) ([]float64, float64)) {
	l := b.lay
	scaleHeader := "Share per weight point"
	if numerator != "1" {
		scaleHeader = "Scale (months ÷ total)"
	}
	b.blockHeader(s, head, title, what, scaleHeader)
	first, last := l.monthCol(0), l.lastMonthCol()
	for j := 0; j < n; j++ {
		r := head + 2 + j
		s.at(r)
		w, scale := weights(j)
		b.blockRowLabels(s, from, idCol, nameCol, j, fromRow)
		row := localRange(first, r, last, r)
		s.formula(moScale, roleHelper, nfScale, "IF(SUM("+row+")>0,"+numerator+"/SUM("+row+"),0)", scale)
		for t := 0; t < l.months; t++ {
			if w == nil {
				s.inputBlank(l.monthCol(t), nfWeight)
			} else {
				s.inputNum(l.monthCol(t), nfWeight, w[t])
			}
		}
	}
}

// entityText is the id or name of product or promotion j, for cached values.
func (b *book) entityText(sheet string, j int, id bool) string {
	if sheet == sheetProducts {
		if id {
			return b.p.Products[j].ID
		}
		return b.p.Products[j].Name
	}
	if id {
		return b.p.Promotions[j].ID
	}
	return b.p.Promotions[j].Name
}

func (b *book) monthChecks() error {
	l := b.lay
	first, last := l.monthCol(0), l.lastMonthCol()
	rule := ruleNonNegative("Weight", "Weight of this month, at least 0; the weights of a row are scaled to add up to 100%. An empty row is flat.")
	if l.promotions > 0 {
		if err := b.validate(sheetMonths, localRange(first, l.flightRow(0), last, l.flightRow(l.promotions-1)), rule); err != nil {
			return err
		}
		if err := b.validate(sheetMonths, localRange(first, l.channelRow(blockResponsiveness, 0), last, l.channelRow(blockResponsiveness, l.promotions-1)),
			ruleNonNegative("Responsiveness", "How strongly the channel's audience answers this month, at least 0; "+
				"the weights of a row are scaled to average 1. An empty row is even.")); err != nil {
			return err
		}
	}
	if l.products > 0 {
		return b.validate(sheetMonths, localRange(first, l.seasonRow(0), last, l.seasonRow(l.products-1)), rule)
	}
	return nil
}
