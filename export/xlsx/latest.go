package xlsx

import (
	"strconv"
)

// The latest estimate on the Variance sheet (docs/model.md §2.3, steps 1–3),
// with formulas: the weight of the evidence z = T / (T + credibility); each
// channel's curve re-fitted from its measured extra units against those the
// plan's curve gives at the actual spends (q); each product's base demand
// re-fitted from its units sold (b); then the year month by month with the
// re-fitted curves and base, the actual spends in the closed months and the
// plan's after, and the closed months' recorded units and net revenue in
// place of the model's.

const vaZRow = 4 // z, in column B

// LE monthly rows, after the section's title and header.
const (
	leUnits = iota
	leNetRevenue
	leGrossMargin
	leLogistics
	leMarketing
	leContribution
	lePlanContribution
	leVariance
	lePropLift // the re-fitted extra units of the channels without a split
	leRows
)

var leLabels = []string{"Latest estimate: units", "Latest estimate: net revenue", "Latest estimate: gross margin", "Latest estimate: logistics",
	"Latest estimate: marketing spend", "Latest estimate: contribution", "Plan: contribution", "Variance of contribution (estimate − plan)",
	"Re-fitted extra units of channels without a split"}

// LE blocks: channels × months, then products × months.
const (
	leSpend    = iota // sa_ct
	lePressure        // its pressure
	leLift            // lift at the plan's curve
	leChannelBlocks
)

func (l layout) leHead() int           { return l.varianceProductRow(l.products-1) + 3 }
func (l layout) leRow(k int) int       { return l.leHead() + 2 + k }
func (l layout) leBlockHead(k int) int { return l.leRow(leRows) + 1 + k*(l.promotions+3) }
func (l layout) leBlockRow(k, c int) int {
	return l.leBlockHead(k) + 2 + c
}
func (l layout) leProductHead(k int) int { return l.leBlockHead(leChannelBlocks) + k*(l.products+3) }
func (l layout) leProductRow(k, i int) int {
	return l.leProductHead(k) + 2 + i
}

// latestChannel writes the re-fit columns of channel c's row.
func (b *book) latestChannel(s *sheet, c, r int, lf *latestFigures, toDate func(string) string) {
	l := b.lay
	x := func(col int) string { return cellName(col, r) }
	pr := l.promotionRow(c)
	cf := &lf.channels[c]
	s.formula(vcLAToDate, roleHelper, nfUnits, toDate(localRange(vaFirst, l.leBlockRow(leLift, c), vaFirst+l.months-1, l.leBlockRow(leLift, c))), cf.laToDate)
	s.formula(vcLiftAtActual, roleHelper, nfUnits, x(vcLAToDate)+"*"+ref(sheetPromotion, pmUnitsPerLift, pr), cf.liftAtActual)
	s.formula(vcQ, roleHelper, nfIndex, "IF(AND(ISNUMBER("+x(vcMeasuredLift)+"),"+x(vcLiftAtActual)+">0),"+x(vcMeasuredLift)+"/"+x(vcLiftAtActual)+",1)", cf.q)
	s.formula(vcFactor, roleHelper, nfIndex, "1+"+absRef(vcName, vaZRow)+"*("+x(vcQ)+"-1)", cf.factor)
	total := ref(sheetPromotion, pmSplitTotal, pr)
	s.formula(vcFactorPerWeight, roleHelper, nfIndex, "IF("+total+">0,"+x(vcFactor)+"/"+total+",0)", cf.perWeight)
	s.formula(vcPropFactor, roleHelper, nfIndex, "IF("+total+">0,0,"+x(vcFactor)+")", cf.prop)
}

// latestProduct writes the re-fit columns of product i's row.
func (b *book) latestProduct(s *sheet, i, r int, lf *latestFigures, season string) {
	l := b.lay
	x := func(col int) string { return cellName(col, r) }
	pr := l.productRow(i)
	pf := &lf.products[i]
	chRange := func(col int) string {
		return colRange(sheetVariance, col, l.varianceChannelRow(0), l.varianceChannelRow(l.promotions-1))
	}
	n := strconv.Itoa(l.products)
	lift := "0"
	if l.promotions > 0 {
		lift = ref(sheetProducts, prPriceIndex, pr) + "*(" + sumProduct(colRange(sheetPromotion, pmSplit+i, pmFirstRow, pmFirstRow+l.promotions-1),
			chRange(vcFactorPerWeight), chRange(vcLAToDate)) + "+IF(baseUnitsTotal>0," + ref(sheetProducts, prBaseUnits, pr) + "/baseUnitsTotal,1/" + n + ")*" +
			sumProduct(chRange(vcPropFactor), chRange(vcLAToDate)) + ")"
	}
	s.formula(vpLiftToDate, roleHelper, nfUnits, lift, pf.liftToDate)
	s.formula(vpBaseToDate, roleHelper, nfUnits, ref(sheetProducts, prBaseUnits, pr)+"*"+season, pf.baseToDate)
	s.formula(vpB, roleHelper, nfIndex, "IF(AND(ISNUMBER("+x(vpActualUnits)+"),"+x(vpBaseToDate)+">0),MAX(0,"+x(vpActualUnits)+"-"+x(vpLiftToDate)+")/"+
		x(vpBaseToDate)+",1)", pf.b)
	s.formula(vpBaseFactor, roleHelper, nfIndex, "1+"+absRef(vcName, vaZRow)+"*("+x(vpB)+"-1)", pf.factor)
	base := colRange(sheetProducts, prBaseUnits, firstRow, firstRow+l.products-1)
	factors := colRange(sheetVariance, vpBaseFactor, l.varianceProductRow(0), l.varianceProductRow(l.products-1))
	refitted := "SUMPRODUCT(" + base + "," + factors + ")"
	s.formula(vpWeightLE, roleHelper, nfIndex, "IF("+refitted+">0,"+ref(sheetProducts, prBaseUnits, pr)+"*"+x(vpBaseFactor)+"/"+refitted+",1/"+n+")", pf.weight)
}

// writeLatest writes the latest estimate's months and its blocks.
func (b *book) writeLatest(s *sheet, lf *latestFigures) {
	l := b.lay
	n := strconv.Itoa(l.months)
	T := absRef(vcName, vaTRow)
	last := vaFirst + l.months - 1
	s.at(l.leHead())
	s.label(vcID, roleSection, "Latest estimate for the year: the closed months as they happened, the open ones with the re-fitted curves and base "+
		"and the plan's spends")
	s.at(l.leHead() + 1)
	s.label(vcID, roleHeader, "Month")
	s.label(vcName, roleHeader, "")
	s.label(vaToDateCol, roleHeader, "Year")
	for t := 0; t < l.months; t++ {
		s.formula(vaFirst+t, roleHeader, nfNone, absRef(vaFirst+t, vaMonthHead), lf.labels[t])
	}
	col := func(block func(int) int, rows int, t int) string {
		return localRangeOrEmpty(vaFirst+t, block(0), vaFirst+t, block(rows-1))
	}
	units := func(t int) string { return col(func(i int) int { return l.leProductRow(0, i) }, l.products, t) }
	revenue := func(t int) string { return col(func(i int) int { return l.leProductRow(1, i) }, l.products, t) }
	spends := func(t int) string { return col(func(c int) int { return l.leBlockRow(leSpend, c) }, l.promotions, t) }
	lifts := func(t int) string { return col(func(c int) int { return l.leBlockRow(leLift, c) }, l.promotions, t) }
	props := colRange(sheetVariance, vcPropFactor, l.varianceChannelRow(0), l.varianceChannelRow(l.promotions-1))
	for k := 0; k < leRows; k++ {
		r := l.leRow(k)
		s.at(r)
		s.label(vcID, roleLabel, leLabels[k])
		x := func(t, row int) string { return cellName(vaFirst+t, l.leRow(row)) }
		if k != lePropLift {
			ro := roleTotal
			s.formula(vaToDateCol, ro, nfMoney, "SUM("+localRange(vaFirst, r, last, r)+")", sum(lf.months[k]))
		}
		for t := 0; t < l.months; t++ {
			var f string
			switch k {
			case leUnits:
				f = sumOf(units(t))
			case leNetRevenue:
				f = sumOf(revenue(t))
			case leGrossMargin:
				f = x(t, leNetRevenue) + "-" + sumProduct(units(t), l.prCol(prUnitCost)) + "*scUnitCost"
			case leLogistics:
				f = sumProduct(units(t), l.prCol(prLogisticsPerUnit))
			case leMarketing:
				f = sumOf(spends(t)) + "+placeFixed/" + n
				if t == 0 {
					f += "+launch"
				}
			case leContribution:
				f = x(t, leGrossMargin) + "-" + x(t, leLogistics) + "-" + x(t, leMarketing)
			case lePlanContribution:
				f = ref(sheetMonths, l.monthCol(t), moContribution)
			case leVariance:
				f = x(t, leContribution) + "-" + x(t, lePlanContribution)
			case lePropLift:
				f = sumProduct(props, lifts(t))
			}
			nf := nfMoney
			if k == leUnits || k == lePropLift {
				nf = nfUnits
			}
			s.formula(vaFirst+t, roleFormula, nf, f, lf.months[k][t])
		}
	}
	blocks := []string{"Latest estimate: spend by month (the actual spend of a closed month where recorded, else the plan's)",
		"Latest estimate: pressure felt", "Latest estimate: extra units at the plan's curve (re-fitted below by each channel's factor)"}
	for k := 0; k < leChannelBlocks; k++ {
		b.varianceBlockHeader(s, l.leBlockHead(k), blocks[k], "Channel", lf)
		for c := 0; c < l.promotions; c++ {
			r := l.leBlockRow(k, c)
			s.at(r)
			b.blockRowLabels(s, sheetPromotion, pmID, pmName, c, l.promotionRow)
			pr := l.promotionRow(c)
			lambda := ref(sheetPromotion, pmCarryover, pr)
			maxUnits := "(" + ref(sheetPromotion, pmMaxUnits, pr) + "*scResponse/" + n + ")"
			half := "(" + ref(sheetPromotion, pmHalfSpend, pr) + "/" + n + ")"
			shape := ref(sheetPromotion, pmShape, pr)
			respScale := ref(sheetMonths, moScale, l.channelRow(blockResponsiveness, c))
			for t := 0; t < l.months; t++ {
				at := func(k int) string { return cellName(vaFirst+t, l.leBlockRow(k, c)) }
				var f string
				switch k {
				case leSpend:
					f = "IF(AND(" + absRef(vaFirst+t, vaIndexRow) + "<=" + T + "," + ref(sheetVariance, vcRecorded, l.varianceChannelRow(c)) + "=1)," +
						ref(sheetActuals, acFirst+t, l.actualsRow(0, c)) + "," + ref(sheetMonths, l.monthCol(t), l.channelRow(blockSpend, c)) + ")"
				case lePressure:
					f = "(1-" + lambda + ")*" + at(leSpend)
					if t > 0 {
						f = lambda + "*" + cellName(vaFirst+t-1, r) + "+" + f
					}
				case leLift:
					x := at(lePressure)
					rho := "IF(" + respScale + "=0,1," + ref(sheetMonths, l.monthCol(t), l.channelRow(blockResponsiveness, c)) + "*" + respScale + ")"
					f = "IF(OR(" + x + "<=0," + maxUnits + "=0),0," + rho + "*" + maxUnits + "*IF(" + shape + "=1," + x + "/(" + x + "+" + half +
						"),1/(1+(" + half + "/" + x + ")^" + shape + ")))"
				}
				s.formula(vaFirst+t, roleHelper, nfUnits, f, lf.blocks[k][c][t])
			}
		}
	}
	products := []string{"Latest estimate: units by product (recorded in the closed months, else the re-fitted model)",
		"Latest estimate: net revenue by product (recorded, else units × net revenue per unit)"}
	for k := range products {
		b.varianceBlockHeader(s, l.leProductHead(k), products[k], "Product", lf)
		for i := 0; i < l.products; i++ {
			r := l.leProductRow(k, i)
			s.at(r)
			b.blockRowLabels(s, sheetProducts, prID, prName, i, l.productRow)
			pr, vr := l.productRow(i), l.varianceProductRow(i)
			scale := ref(sheetMonths, moScale, l.seasonRow(i))
			for t := 0; t < l.months; t++ {
				closed := absRef(vaFirst+t, vaIndexRow) + "<=" + T
				var f string
				if k == 0 {
					row := rowRange(sheetActuals, l.actualsRow(5, i), acFirst, acFirst+l.months-1)
					season := "IF(" + scale + "=0,1/" + n + "," + ref(sheetMonths, l.monthCol(t), l.seasonRow(i)) + "*" + scale + ")"
					model := ref(sheetProducts, prBaseUnits, pr) + "*" + ref(sheetVariance, vpBaseFactor, vr) + "*" + season
					if l.promotions > 0 {
						model += "+" + ref(sheetProducts, prPriceIndex, pr) + "*(" + sumProduct(colRange(sheetPromotion, pmSplit+i, pmFirstRow, pmFirstRow+l.promotions-1),
							colRange(sheetVariance, vcFactorPerWeight, l.varianceChannelRow(0), l.varianceChannelRow(l.promotions-1)), lifts(t)) + "+" +
							ref(sheetVariance, vpWeightLE, vr) + "*" + cellName(vaFirst+t, l.leRow(lePropLift)) + ")"
					}
					f = "IF(AND(" + closed + ",COUNT(" + row + ")>0)," + ref(sheetActuals, acFirst+t, l.actualsRow(5, i)) + "," + model + ")"
				} else {
					row := rowRange(sheetActuals, l.actualsRow(6, i), acFirst, acFirst+l.months-1)
					f = "IF(AND(" + closed + ",COUNT(" + row + ")>0)," + ref(sheetActuals, acFirst+t, l.actualsRow(6, i)) + "," +
						cellName(vaFirst+t, l.leProductRow(0, i)) + "*" + ref(sheetProducts, prNetPrice, pr) + "*" + ref(sheetProducts, prKept, pr) + ")"
				}
				s.formula(vaFirst+t, roleHelper, nfUnits, f, lf.productBlocks[k][i][t])
			}
		}
	}
}

// varianceBlockHeader heads a block of the latest estimate: ID, name, months.
func (b *book) varianceBlockHeader(s *sheet, head int, title, what string, lf *latestFigures) {
	s.at(head)
	s.label(vcID, roleSection, title)
	s.at(head + 1)
	s.label(vcID, roleHeader, "ID")
	s.label(vcName, roleHeader, what)
	for t := 0; t < b.lay.months; t++ {
		s.formula(vaFirst+t, roleHeader, nfNone, absRef(vaFirst+t, vaMonthHead), lf.labels[t])
	}
}
