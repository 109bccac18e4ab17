package xlsx

// The Places sheet: one row per place (inputs, then its figures), and on the
// right the share matrix: the share of each product's units sold through
// each place, one column per product. Rows 3 and 4 above the matrix repeat
// each product's units and net price for the places' figures.

var placeHeaders = map[int]string{
	plID: "ID", plName: "Place", plMargin: "Intermediary's margin", plUnitCost: "Logistics per unit",
	plFixed: "Fixed costs", plUnits: "Units sold", plGrossSales: "Gross sales", plNetRevenue: "Net revenue",
	plLogistics: "Logistics",
}

func (b *book) writePlaces() error {
	l := b.lay
	widths := map[int]float64{plID: 14, plName: 28, plSpacer: 3}
	for col := plMargin; col <= plLogistics; col++ {
		widths[col] = 15
	}
	s, err := b.sheet(sheetPlaces, widths, 11, cellName(plMargin, firstRow))
	if err != nil {
		return err
	}
	lastShare := plShare + l.products - 1
	s.label(1, roleTitle, "Places")
	s.at(2)
	s.label(1, roleNote, "One row per distribution channel. On the right, the share of each product's units sold through each place "+
		"(one column per product): every product's shares must add up to 100%. Leave a cell empty when a place does not sell the product.")
	for _, h := range []struct {
		row    int
		label  string
		col    int
		nf     numFormat
		values func(i int) (string, float64)
	}{
		{plUnitsRow, "Units sold of each product →", prUnits, nfUnits, func(i int) (string, float64) {
			return ref(sheetProducts, prUnits, l.productRow(i)), b.fg.r.Products[i].Units
		}},
		{plNetPriceRow, "Its net price →", prNetPrice, nfPrice, func(i int) (string, float64) {
			return ref(sheetProducts, prNetPrice, l.productRow(i)), b.fg.r.Products[i].NetPrice
		}},
	} {
		s.at(h.row)
		if l.products > 0 {
			s.label(plLogistics, roleHelperTip, h.label)
		}
		for i := 0; i < l.products; i++ {
			f, v := h.values(i)
			s.formula(plShare+i, roleHelper, h.nf, f, v)
		}
	}
	s.at(firstRow - 1)
	s.height = headerHeight
	for col := plID; col <= plLogistics; col++ {
		s.label(col, roleHeader, placeHeaders[col])
	}
	b.productHeaders(s, plShare)
	for k := range b.p.Places {
		r := l.placeRow(k)
		s.at(r)
		b.placeRow(s, k, r, lastShare)
	}
	s.at(l.placeTotalRow())
	if l.products > 0 {
		s.label(plLogistics, roleTotalTip, "Total share (must be 100%) →")
	}
	for i := range b.p.Products {
		s.formula(plShare+i, roleTotal, nfPct, sumOf(localRangeOrEmpty(plShare+i, firstRow, plShare+i, firstRow+l.places-1)), b.fg.sharePlaced[i])
	}
	if err := b.placeChecks(lastShare); err != nil {
		return err
	}
	if err := b.protect(sheetPlaces); err != nil {
		return err
	}
	return s.close()
}

func (b *book) placeRow(s *sheet, k, r, lastShare int) {
	pl := &b.p.Places[k]
	res := &b.fg.r.Places[k]
	c := func(col int) string { return cellName(col, r) }
	s.inputText(plID, pl.ID)
	s.inputText(plName, pl.Name)
	s.inputNum(plMargin, nfPct, pl.MarginPct)
	s.inputNum(plUnitCost, nfPrice, pl.UnitCost)
	s.inputNum(plFixed, nfMoney, pl.FixedCost)
	shares := localRangeOrEmpty(plShare, r, lastShare, r)
	units := absRangeOrEmpty(plShare, plUnitsRow, lastShare, plUnitsRow)
	prices := absRangeOrEmpty(plShare, plNetPriceRow, lastShare, plNetPriceRow)
	s.formula(plUnits, roleFormula, nfUnits, sumProduct(shares, units), res.Units)
	s.formula(plGrossSales, roleFormula, nfMoney, sumProduct(shares, units, prices), res.GrossSales)
	s.formula(plNetRevenue, roleFormula, nfMoney, c(plGrossSales)+"*(1-"+c(plMargin)+")", res.NetRevenue)
	s.formula(plLogistics, roleFormula, nfMoney, c(plUnits)+"*"+c(plUnitCost), res.Logistics)
	for i, pr := range b.p.Products {
		if x, ok := pl.Share[pr.ID]; ok {
			s.inputNum(plShare+i, nfPct, x)
		} else {
			s.inputBlank(plShare+i, nfPct)
		}
	}
}

func (b *book) placeChecks(lastShare int) error {
	l := b.lay
	last := firstRow + l.places - 1
	if err := b.validateColumns(sheetPlaces, firstRow, last, []columnRule{
		{plID, ruleID}, {plName, ruleName},
		{plMargin, ruleFraction("Intermediary's margin", "The intermediary's margin as a share of the end price: 0% to 99.9%.")},
		{plUnitCost, ruleNonNegative("Logistics per unit", "Logistics or fulfilment cost per unit sold through this place.")},
		{plFixed, ruleNonNegative("Fixed costs", "Fixed costs of this place over the horizon (listing fees, shop, staff).")},
	}); err != nil || l.products == 0 {
		return err
	}
	if l.places > 0 {
		if err := b.validate(sheetPlaces, localRange(plShare, firstRow, lastShare, last),
			ruleBetween("Share", "Share of this product's units sold through this place, 0% to 100%. Each product's shares add up to 100%.", 0, 1)); err != nil {
			return err
		}
	}
	return b.flagNotOne(sheetPlaces, localRange(plShare, l.placeTotalRow(), lastShare, l.placeTotalRow()))
}
