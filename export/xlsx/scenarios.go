package xlsx

import (
	"strconv"

	"mixplan/planner"
)

// The Scenarios sheet: the base plan and every scenario side by side, with
// their key totals computed by formulas from each scenario's factors. Below,
// each product's price index and units under every scenario, which those
// totals sum. The scenario factors are inputs; the base row is the plan as
// written.

var scenarioHeaders = map[int]string{
	scID: "ID", scName: "Scenario", scVolume: "Factor on base volume", scUnitCost: "Factor on unit cost",
	scResponse: "Factor on promotion response", scPrice: "Factor on list price", scBaseUnits: "Base units",
	scUnits: "Units sold", scNetRevenue: "Net revenue", scGrossMargin: "Gross margin", scGrossMarginPct: "Gross margin %",
	scMarketing: "Marketing spend", scContribution: "Contribution", scROMI: "ROMI", scNewCustomers: "New customers",
	scCAC: "CAC", scTargetsMet: "Targets met",
}

// baseName names the base plan in the Scenarios sheet.
const baseName = "Base (the plan as written)"

// shownName is a scenario's name as the Scenarios sheet shows it.
func shownName(sc planner.Scenario) string {
	if sc.ID == planner.BaseScenario {
		return baseName
	}
	return sc.Name
}

func (b *book) writeScenarios() error {
	l := b.lay
	widths := map[int]float64{scID: 14, scName: 26}
	for col := scVolume; col <= scTargetsMet; col++ {
		widths[col] = 15
	}
	s, err := b.sheet(sheetScenarios, widths, 14, cellName(scVolume, scBaseRow))
	if err != nil {
		return err
	}
	s.label(1, roleTitle, "Scenarios")
	s.at(2)
	s.label(1, roleNote, "The key totals of the plan as written and of every scenario, side by side. A scenario multiplies every product's base volume, "+
		"unit cost and list price and every channel's most extra units by its factors. Choose the scenario shown in the other sheets on the Summary.")
	s.at(scBaseRow - 1)
	s.height = headerHeight
	for col := scID; col <= scTargetsMet; col++ {
		s.label(col, roleHeader, scenarioHeaders[col])
	}
	for j := -1; j < l.scenarios; j++ {
		s.at(l.scenarioRow(j))
		b.scenarioRow(s, j)
	}
	b.scenarioDetail(s)
	if err := b.validateColumns(sheetScenarios, l.scenarioRow(0), l.scenarioRow(l.scenarios-1), []columnRule{
		{scID, ruleID}, {scName, ruleName},
		{scVolume, rulePositive("Volume factor", "Multiplies every product's base volume (0.9 = 10% less).")},
		{scUnitCost, rulePositive("Unit cost factor", "Multiplies every product's unit cost.")},
		{scResponse, rulePositive("Response factor", "Multiplies every channel's most extra units.")},
		{scPrice, rulePositive("Price factor", "Multiplies every product's list price.")},
	}); err != nil {
		return err
	}
	if err := b.protect(sheetScenarios); err != nil {
		return err
	}
	return s.close()
}

func (b *book) scenarioRow(s *sheet, j int) {
	l := b.lay
	r := l.scenarioRow(j)
	sf := b.scen[j+1]
	if j < 0 {
		s.label(scID, roleLabel, planner.BaseScenario)
		s.label(scName, roleLabel, baseName)
		for col := scVolume; col <= scPrice; col++ {
			s.value(col, roleFormula, nfRatio, 1)
		}
	} else {
		sc := &b.p.Scenarios[j]
		s.inputText(scID, sc.ID)
		s.inputText(scName, sc.Name)
		s.inputNum(scVolume, nfRatio, sc.Volume)
		s.inputNum(scUnitCost, nfRatio, sc.UnitCost)
		s.inputNum(scResponse, nfRatio, sc.Response)
		s.inputNum(scPrice, nfRatio, sc.Price)
	}
	x := func(col int) string { return cellName(col, r) }
	v, u, p := absRef(scVolume, r), absRef(scUnitCost, r), absRef(scPrice, r)
	pi := colRange(sheetScenarios, l.detailCol(j), l.detailRow(0), l.detailRow(l.products-1))
	units := colRange(sheetScenarios, l.detailCol(j)+1, l.detailRow(0), l.detailRow(l.products-1))
	pr := l.prCol
	t := sf.r.Totals
	baseUnits := 0.0
	for _, res := range sf.r.Products {
		baseUnits += res.BaseUnits
	}
	zero := l.products == 0
	product := func(f string) string {
		if zero {
			return "0"
		}
		return f
	}
	lift := units + "-" + pr(prBaseVolume) + "*" + v + "*" + pi
	s.formula(scBaseUnits, roleFormula, nfUnits, product(v+"*"+sumProduct(pr(prBaseVolume), pi)), baseUnits)
	s.formula(scUnits, roleFormula, nfUnits, sumOf(units), t.Units)
	s.formula(scNetRevenue, roleFormula, nfMoney,
		product(sumProduct(units, pr(prListPrice), "1-"+pr(prDiscount), pr(prKept))+"*"+p), t.NetRevenue)
	s.formula(scGrossMargin, roleFormula, nfMoney, x(scNetRevenue)+"-"+product(sumProduct(units, pr(prUnitCost))+"*"+u), t.GrossMargin)
	s.formula(scGrossMarginPct, roleFormula, nfPct, "IF("+x(scNetRevenue)+`=0,"n/a",`+x(scGrossMargin)+"/"+x(scNetRevenue)+")", t.GrossMarginPct)
	s.formula(scMarketing, roleFormula, nfMoney, "marketingSpend", t.MarketingSpend)
	s.formula(scContribution, roleTotal, nfMoney, x(scGrossMargin)+"-"+product(sumProduct(units, pr(prLogisticsPerUnit)))+"-"+x(scMarketing), t.Contribution)
	unitValue := pr(prListPrice) + "*" + p + "*(1-" + pr(prDiscount) + ")*" + pr(prKept) + "-" + pr(prUnitCost) + "*" + u + "*" +
		pr(prSharePlaced) + "-" + pr(prLogisticsPerUnit)
	s.formula(scROMI, roleFormula, nfPct, `IF(promotion=0,"n/a",(`+product("SUMPRODUCT("+lift+","+unitValue+")")+"-promotion)/promotion)", t.ROMI)
	s.formula(scNewCustomers, roleFormula, nfUnits, product("SUMPRODUCT(("+lift+")/"+pr(prUnitsPerCustomer)+")"), t.NewCustomers)
	s.formula(scCAC, roleFormula, nfPrice, "IF("+x(scNewCustomers)+`=0,"n/a",promotion/`+x(scNewCustomers)+")", t.CAC)
	met, _ := sf.r.MetCount()
	s.formula(scTargetsMet, roleFormula, nfMonths, b.targetsMetFormula(r), float64(met))
}

// targetsMetFormula counts the goals a scenario's row meets.
func (b *book) targetsMetFormula(r int) string {
	actual := map[string]int{planner.TargetRevenue: scNetRevenue, planner.TargetGrossMarginPct: scGrossMarginPct,
		planner.TargetContribution: scContribution, planner.TargetBudget: scMarketing, planner.TargetROMI: scROMI, planner.TargetCAC: scCAC}
	f := ""
	for i, tg := range targets {
		goal := summaryCell(suRValue, suTargetsRow+i)
		a := cellName(actual[tg.name], r)
		cmp := ">="
		if tg.max {
			cmp = "<="
		}
		if f != "" {
			f += "+"
		}
		f += "IF(ISNUMBER(" + goal + "),IF(ISNUMBER(" + a + "),(" + a + cmp + goal + ")*1,0),0)"
	}
	return f
}

// scenarioDetail writes each product's price index and units under the base
// plan and every scenario.
func (b *book) scenarioDetail(s *sheet) {
	l := b.lay
	if l.products == 0 {
		return
	}
	s.at(l.detailHead())
	s.label(1, roleSection, "Each product under each scenario: price index and units sold")
	s.at(l.detailHead() + 1)
	s.height = headerHeight
	s.label(1, roleHeader, "ID")
	s.label(2, roleHeader, "Product")
	for j := -1; j < l.scenarios; j++ {
		id := b.scen[j+1].sc.ID
		s.formula(l.detailCol(j), roleHeader, nfNone, ref(sheetScenarios, scID, l.scenarioRow(j))+`&": price index"`, id+": price index")
		s.formula(l.detailCol(j)+1, roleHeader, nfNone, ref(sheetScenarios, scID, l.scenarioRow(j))+`&": units"`, id+": units")
	}
	n := strconv.Itoa(l.products)
	for i := range b.p.Products {
		r := l.detailRow(i)
		s.at(r)
		pr := func(col int) string { return sheetProducts + "!$" + colName(col) + strconv.Itoa(l.productRow(i)) }
		s.formula(1, roleLabel, nfNone, pr(prID), b.p.Products[i].ID)
		s.formula(2, roleLabel, nfNone, pr(prName), b.p.Products[i].Name)
		for j := -1; j < l.scenarios; j++ {
			row := l.scenarioRow(j)
			v, resp, price, base := absRef(scVolume, row), absRef(scResponse, row), absRef(scPrice, row), absRef(scBaseUnits, row)
			piCell := cellName(l.detailCol(j), r)
			sf := b.scen[j+1]
			s.formula(l.detailCol(j), roleFormula, nfIndex, "IF("+pr(prElasticity)+"=0,1,("+pr(prListPrice)+"*"+price+"*(1-"+pr(prDiscount)+")/"+
				pr(prRefPrice)+")^"+pr(prElasticity)+")", sf.m.PriceIndex[i])
			baseUnits := pr(prBaseVolume) + "*" + v + "*" + piCell
			s.formula(l.detailCol(j)+1, roleFormula, nfUnits, baseUnits+"+"+piCell+"*"+resp+"*("+pr(prSplitLift)+"/scResponse+propLift/scResponse*IF("+
				base+">0,"+baseUnits+"/"+base+",1/"+n+"))", sf.r.Products[i].Units)
		}
	}
}
