package xlsx

import (
	"strconv"

	"mixplan/planner"
)

// The channels' monthly response on the Months sheet (docs/model.md §2.1),
// one block per step, one row per channel, months across: the spend of each
// month (its flighting share of the channel's spend), the advertising
// pressure it feels (x_t = λ x_t−1 + (1 − λ) spend_t, λ the channel's
// carryover), the pressure one unit of the channel's spend brings (the same
// recursion over the shares, for the marginal ROI), the extra units at
// reference price (ρ_t (M/n) x^k / (x^k + (H/n)^k), ρ_t the normalised
// responsiveness) and the extra units one more unit of spend brings.

// channelBlock is one computed block.
type channelBlock struct {
	kind  int
	title string
	nf    numFormat
	total bool // column C sums the row
	value func(fg *bookFigures) [][]float64
}

var channelBlockList = []channelBlock{
	{blockSpend, "Spend by month (the channel's spend × its flighting share)", nfMoney, true,
		func(fg *bookFigures) [][]float64 { return fg.monthSpend }},
	{blockPressure, "Advertising pressure felt (this month's spend plus the carryover of earlier months; what is due after the horizon is lost)",
		nfMoney, false, func(fg *bookFigures) [][]float64 { return fg.pressure }},
	{blockPressurePerSpend, "Pressure per unit of the channel's spend (for the marginal ROI)", nfIndex, false,
		func(fg *bookFigures) [][]float64 { return fg.perSpend }},
	{blockLift, "Extra units at reference price (each month's share of the curve, answering its pressure and responsiveness)", nfUnits, true,
		func(fg *bookFigures) [][]float64 { return fg.monthLift }},
	{blockMarginalLift, "Extra units of one more unit of the channel's spend, by month", nfIndex, true,
		func(fg *bookFigures) [][]float64 { return fg.marginalLift }},
}

func (b *book) channelBlocks(s *sheet) {
	l := b.lay
	n := strconv.Itoa(l.months)
	for _, blk := range channelBlockList {
		head := l.channelHead(blk.kind)
		colHeader := ""
		if blk.total {
			colHeader = "Total"
		}
		b.blockHeader(s, head, blk.title, "Channel", colHeader)
		values := blk.value(b.fg)
		for c := 0; c < l.promotions; c++ {
			r := l.channelRow(blk.kind, c)
			s.at(r)
			b.blockRowLabels(s, sheetPromotion, pmID, pmName, c, l.promotionRow)
			if blk.total {
				s.formula(moScale, roleHelper, blk.nf, sumOf(localRange(l.monthCol(0), r, l.lastMonthCol(), r)), sum(values[c]))
			}
			pr := l.promotionRow(c)
			spend := ref(sheetPromotion, pmSpend, pr)
			lambda := ref(sheetPromotion, pmCarryover, pr)
			maxUnits := "(" + ref(sheetPromotion, pmMaxUnits, pr) + "*scResponse/" + n + ")"
			half := "(" + ref(sheetPromotion, pmHalfSpend, pr) + "/" + n + ")"
			shape := ref(sheetPromotion, pmShape, pr)
			flightScale := absRef(moScale, l.flightRow(c))
			respScale := absRef(moScale, l.channelRow(blockResponsiveness, c))
			for t := 0; t < l.months; t++ {
				col := l.monthCol(t)
				at := func(kind int) string { return cellName(col, l.channelRow(kind, c)) }
				before := func(kind int) string { return cellName(col-1, l.channelRow(kind, c)) }
				share := "IF(" + flightScale + "=0,1/" + n + "," + cellName(col, l.flightRow(c)) + "*" + flightScale + ")"
				carried := func(kind int, fresh string) string {
					if t == 0 {
						return "(1-" + lambda + ")*" + fresh
					}
					return lambda + "*" + before(kind) + "+(1-" + lambda + ")*" + fresh
				}
				rho := "IF(" + respScale + "=0,1," + cellName(col, l.channelRow(blockResponsiveness, c)) + "*" + respScale + ")"
				x, a := at(blockPressure), at(blockPressurePerSpend)
				var f string
				switch blk.kind {
				case blockSpend:
					f = "IF(" + flightScale + "=0," + spend + "/" + n + "," + cellName(col, l.flightRow(c)) + "*" + flightScale + "*" + spend + ")"
				case blockPressure:
					f = carried(blockPressure, at(blockSpend))
				case blockPressurePerSpend:
					f = carried(blockPressurePerSpend, share)
				case blockLift:
					f = "IF(OR(" + x + "<=0," + maxUnits + "=0),0," + rho + "*" + maxUnits + "*IF(" + shape + "=1," + x + "/(" + x + "+" + half + "),1/(1+(" +
						half + "/" + x + ")^" + shape + ")))"
				case blockMarginalLift:
					r := "(" + half + "/" + x + ")^" + shape
					f = "IF(OR(" + a + "<=0," + maxUnits + "=0),0,IF(" + x + "<=0,IF(" + shape + "=1," + rho + "*" + maxUnits + "/" + half + "*" + a + ",0)," +
						rho + "*" + maxUnits + "*" + shape + "/(" + x + "*(" + r + "+2+1/" + r + "))*" + a + "))"
				}
				s.formula(col, roleHelper, blk.nf, f, values[c][t])
			}
		}
	}
}

// blockHeader writes a block's title row and its header row: ID, name,
// column C's header, then the months' labels.
func (b *book) blockHeader(s *sheet, head int, title, what, scaleHeader string) {
	l := b.lay
	s.at(head)
	s.label(moID, roleSection, title)
	s.at(head + 1)
	s.height = headerHeight * 2 / 3
	s.label(moID, roleHeader, "ID")
	s.label(moName, roleHeader, what)
	s.label(moScale, roleHeader, scaleHeader)
	labels := planner.MonthLabels(b.p.Start, l.months)
	for t := 0; t < l.months; t++ {
		s.formula(l.monthCol(t), roleHeader, nfNone, absRef(l.monthCol(t), moLabelRow), labels[t])
	}
}

// blockRowLabels writes a block row's id and name, formulas to the product's
// or channel's own cells so a renamed one follows.
func (b *book) blockRowLabels(s *sheet, from string, idCol, nameCol, j int, fromRow func(int) int) {
	s.formula(moID, roleLabel, nfNone, ref(from, idCol, fromRow(j)), b.entityText(from, j, true))
	s.formula(moName, roleLabel, nfNone, ref(from, nameCol, fromRow(j)), b.entityText(from, j, false))
}
