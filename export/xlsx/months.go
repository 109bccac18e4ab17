package xlsx

import (
	"strconv"

	"mixplan/planner"
)

// The Months sheet: months across; the monthly figures on top (products
// spread by their seasonality, promotion spend by its flighting, places'
// fixed costs evenly, launch costs in month 1), the chart below them, then
// the flighting of every channel and the seasonality of every product. An
// empty weight row is flat. Column C holds each row's share of the horizon
// per weight point (1 ÷ the row's total), 0 for flat.

type monthFigure struct {
	row   int
	label string
	nf    numFormat
	value func(m planner.MonthResult) float64
}

var monthFigures = []monthFigure{
	{moUnits, "Units sold", nfUnits, func(m planner.MonthResult) float64 { return m.Units }},
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
	s.label(1, roleNote, "Monthly figures: products follow their seasonality, promotion spend its flighting, places' fixed costs are spread evenly "+
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
		sheetPromotion, pmID, pmName, l.promotions, l.promotionRow, func(c int) ([]float64, float64) {
			return b.p.Promotions[c].Flighting, b.fg.flightScale[c]
		})
	b.weightBlock(s, l.seasonHead(), "Seasonality: weight of each month in each product's units (an empty row spreads them evenly)", "Product",
		sheetProducts, prID, prName, l.products, l.productRow, func(i int) ([]float64, float64) {
			return b.p.Products[i].Seasonality, b.fg.seasonScale[i]
		})
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
	n := strconv.Itoa(l.months)
	seasonScale := absRangeOrEmpty(moScale, l.seasonRow(0), moScale, l.seasonRow(l.products-1))
	flightScale := absRangeOrEmpty(moScale, l.flightRow(0), moScale, l.flightRow(l.promotions-1))
	for t := 0; t < l.months; t++ {
		col := l.monthCol(t)
		x := func(row int) string { return cellName(col, row) }
		var f string
		switch mf.row {
		case moUnits, moNetRevenue, moGrossMargin, moLogistics:
			byProduct := map[int]int{moUnits: prUnits, moNetRevenue: prNetRevenue, moGrossMargin: prGrossMargin, moLogistics: prLogistics}[mf.row]
			values := l.prCol(byProduct)
			f = spread(localRangeOrEmpty(col, l.seasonRow(0), col, l.seasonRow(l.products-1)), seasonScale, values, "", n)
		case moMarketing:
			f = spread(localRangeOrEmpty(col, l.flightRow(0), col, l.flightRow(l.promotions-1)), flightScale, l.pmCol(pmSpend), "placeFixed", n)
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

// spread is one month's share of a list of amounts: Σ weight × scale ×
// amount over the rows with weights, plus the flat rows' amounts (scale 0)
// and any evenly spread extra divided by the months.
func spread(weights, scale, values, extra, months string) string {
	if weights == "" {
		if extra == "" {
			return "0"
		}
		return extra + "/" + months
	}
	flat := "SUMIF(" + scale + ",0," + values + ")"
	if extra != "" {
		flat = "(" + flat + "+" + extra + ")"
	}
	return "SUMPRODUCT(" + weights + "," + scale + "," + values + ")+" + flat + "/" + months
}

// weightBlock writes the flighting or the seasonality: a title row, a
// header row, then one row of weights per channel or product.
func (b *book) weightBlock(s *sheet, head int, title, what, from string, idCol, nameCol, n int, fromRow func(int) int,
	weights func(int) ([]float64, float64)) {
	l := b.lay
	s.at(head)
	s.label(moID, roleSection, title)
	s.at(head + 1)
	s.height = headerHeight * 2 / 3
	s.label(moID, roleHeader, "ID")
	s.label(moName, roleHeader, what)
	s.label(moScale, roleHeader, "Share per weight point")
	labels := planner.MonthLabels(b.p.Start, l.months)
	for t := 0; t < l.months; t++ {
		s.formula(l.monthCol(t), roleHeader, nfNone, absRef(l.monthCol(t), moLabelRow), labels[t])
	}
	first, last := l.monthCol(0), l.lastMonthCol()
	for j := 0; j < n; j++ {
		r := head + 2 + j
		s.at(r)
		w, scale := weights(j)
		s.formula(moID, roleLabel, nfNone, ref(from, idCol, fromRow(j)), b.entityText(from, j, true))
		s.formula(moName, roleLabel, nfNone, ref(from, nameCol, fromRow(j)), b.entityText(from, j, false))
		row := localRange(first, r, last, r)
		s.formula(moScale, roleHelper, nfScale, "IF(SUM("+row+")>0,1/SUM("+row+"),0)", scale)
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
	}
	if l.products > 0 {
		return b.validate(sheetMonths, localRange(first, l.seasonRow(0), last, l.seasonRow(l.products-1)), rule)
	}
	return nil
}
