package xlsx

import "strconv"

// The Products sheet: one row per product, its inputs then its figures
// under the scenario shown.

// productHeaders are the Products sheet's column headers.
var productHeaders = map[int]string{
	prID: "ID", prName: "Product", prUnitCost: "Unit cost", prListPrice: "List price", prDiscount: "Average discount",
	prBaseVolume: "Base volume (units)", prRefPrice: "Reference price", prElasticity: "Price elasticity",
	prLaunch: "Launch cost", prUnitsPerCustomer: "Units per customer",
	prNetPrice: "Net price", prPriceIndex: "Price index", prBaseUnits: "Base units", prSplitLift: "Extra units from split channels (before price)",
	prLiftUnits: "Extra units", prUnits: "Units sold", prSharePlaced: "Share placed (must be 100%)",
	prKept: "Share of price kept after channel margins", prLogisticsPerUnit: "Logistics per unit",
	prUnitContribution: "Unit contribution", prNetRevenue: "Net revenue", prCOGS: "Cost of goods sold",
	prGrossMargin: "Gross margin", prGrossMarginPct: "Gross margin %", prLogistics: "Logistics",
	prContribution: "Contribution (after launch cost)", prNewCustomers: "New customers", prCustomers: "Customers",
}

func (b *book) writeProducts() error {
	widths := map[int]float64{prID: 14, prName: 34}
	for col := prUnitCost; col <= prLastCol; col++ {
		widths[col] = 14
	}
	s, err := b.sheet(sheetProducts, widths, 0, cellName(prUnitCost, firstRow))
	if err != nil {
		return err
	}
	s.label(1, roleTitle, "Products")
	s.at(2)
	s.label(1, roleNote, "One row per product: inputs on a yellow fill, then the figures under the scenario shown on the Summary. "+
		"Seasonality is on the Months sheet, shares by place on Places, promotion splits on Promotion.")
	s.at(firstRow - 2)
	s.label(prID, roleSection, "Inputs")
	s.label(prNetPrice, roleSection, "Figures under the scenario shown")
	s.at(firstRow - 1)
	s.height = headerHeight
	for col := prID; col <= prLastCol; col++ {
		s.label(col, roleHeader, productHeaders[col])
	}
	for i := range b.p.Products {
		s.at(b.lay.productRow(i))
		b.productRow(s, i)
	}
	if err := b.productChecks(); err != nil {
		return err
	}
	if err := b.protect(sheetProducts); err != nil {
		return err
	}
	return s.close()
}

func (b *book) productRow(s *sheet, i int) {
	l, r := b.lay, b.lay.productRow(i)
	pr := &b.p.Products[i]
	res := &b.fg.r.Products[i]
	fg := b.fg
	c := func(col int) string { return cellName(col, r) }

	s.inputText(prID, pr.ID)
	s.inputText(prName, pr.Name)
	s.inputNum(prUnitCost, nfPrice, pr.UnitCost)
	s.inputNum(prListPrice, nfPrice, pr.ListPrice)
	s.inputNum(prDiscount, nfPct, pr.DiscountPct)
	s.inputNum(prBaseVolume, nfUnits, pr.BaseVolume)
	s.inputNum(prRefPrice, nfPrice, pr.ReferencePrice)
	s.inputNum(prElasticity, nfRatio, pr.Elasticity)
	s.inputNum(prLaunch, nfMoney, pr.LaunchCost)
	s.inputNum(prUnitsPerCustomer, nfDecimal, pr.UnitsPerCustomer)

	s.formula(prNetPrice, roleFormula, nfPrice, c(prListPrice)+"*scPrice*(1-"+c(prDiscount)+")", res.NetPrice)
	s.formula(prPriceIndex, roleFormula, nfIndex,
		"IF("+c(prElasticity)+"=0,1,("+c(prNetPrice)+"/"+c(prRefPrice)+")^"+c(prElasticity)+")", res.PriceIndex)
	s.formula(prBaseUnits, roleFormula, nfUnits, c(prBaseVolume)+"*scVolume*"+c(prPriceIndex), res.BaseUnits)
	split := sumProduct(colRange(sheetPromotion, pmSplit+i, pmFirstRow, pmFirstRow+l.promotions-1), l.pmCol(pmLiftPerWeight))
	s.formula(prSplitLift, roleHelper, nfUnits, split, fg.splitLift[i])
	s.formula(prLiftUnits, roleFormula, nfUnits, c(prPriceIndex)+"*("+c(prSplitLift)+"+propLift*IF(baseUnitsTotal>0,"+
		c(prBaseUnits)+"/baseUnitsTotal,1/"+strconv.Itoa(l.products)+"))", res.LiftUnits)
	s.formula(prUnits, roleTotal, nfUnits, c(prBaseUnits)+"+"+c(prLiftUnits), res.Units)

	shares := colRange(sheetPlaces, plShare+i, firstRow, firstRow+l.places-1)
	s.formula(prSharePlaced, roleFormula, nfPct, sumOf(shares), fg.sharePlaced[i])
	s.formula(prKept, roleFormula, nfPct, sumProduct(shares, "1-"+l.plCol(plMargin)), fg.kept[i])
	s.formula(prLogisticsPerUnit, roleFormula, nfPrice, sumProduct(shares, l.plCol(plUnitCost)), fg.logPerUnit[i])
	s.formula(prUnitContribution, roleFormula, nfPrice, c(prNetPrice)+"*"+c(prKept)+"-"+c(prUnitCost)+"*scUnitCost*"+
		c(prSharePlaced)+"-"+c(prLogisticsPerUnit), res.UnitContribution)
	s.formula(prNetRevenue, roleFormula, nfMoney, c(prUnits)+"*"+c(prNetPrice)+"*"+c(prKept), res.NetRevenue)
	s.formula(prCOGS, roleFormula, nfMoney, c(prUnits)+"*"+c(prUnitCost)+"*scUnitCost", res.COGS)
	s.formula(prGrossMargin, roleFormula, nfMoney, c(prNetRevenue)+"-"+c(prCOGS), res.GrossMargin)
	s.formula(prGrossMarginPct, roleFormula, nfPct, "IF("+c(prNetRevenue)+`=0,"n/a",`+c(prGrossMargin)+"/"+c(prNetRevenue)+")", res.GrossMarginPct)
	s.formula(prLogistics, roleFormula, nfMoney, c(prUnits)+"*"+c(prLogisticsPerUnit), res.Logistics)
	s.formula(prContribution, roleTotal, nfMoney, c(prUnits)+"*"+c(prUnitContribution)+"-"+c(prLaunch), res.Contribution)
	s.formula(prNewCustomers, roleFormula, nfUnits, c(prLiftUnits)+"/"+c(prUnitsPerCustomer), res.LiftUnits/pr.UnitsPerCustomer)
	s.formula(prCustomers, roleFormula, nfUnits, c(prUnits)+"/"+c(prUnitsPerCustomer), res.Units/pr.UnitsPerCustomer)
}

// productChecks adds the data validations of the product inputs and flags
// products whose shares over the places do not add up to 100 %.
func (b *book) productChecks() error {
	last := firstRow + b.lay.products - 1
	if err := b.validateColumns(sheetProducts, firstRow, last, []columnRule{
		{prID, ruleID}, {prName, ruleName},
		{prUnitCost, ruleNonNegative("Unit cost", "Cost of goods per unit, before any scenario factor.")},
		{prListPrice, rulePositive("List price", "Price end customers pay per unit, before discount.")},
		{prDiscount, ruleFraction("Average discount", "Average promotional discount off the list price: 0% to 99.9%.")},
		{prBaseVolume, ruleNonNegative("Base volume", "Units over the horizon at the reference price, with no promotion.")},
		{prRefPrice, rulePositive("Reference price", "Net price at which the base volume was estimated.")},
		{prElasticity, ruleBetween("Price elasticity", "Constant price elasticity of volume, from -20 to 0 (e.g. -1.5).", -20, 0)},
		{prLaunch, ruleNonNegative("Launch cost", "One-off product costs (design, packaging, listing), booked in month 1.")},
		{prUnitsPerCustomer, rulePositive("Units per customer", "Units one customer buys over the horizon.")},
	}); err != nil || last < firstRow {
		return err
	}
	return b.flagNotOne(sheetProducts, localRange(prSharePlaced, firstRow, prSharePlaced, last))
}
