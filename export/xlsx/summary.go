package xlsx

import (
	"strconv"

	"mixplan/planner"
)

// The Summary sheet: every total (each a defined name), the targets with
// their gap and status, the plan's settings, the scenario shown (an input:
// switching it moves every figure of the workbook), and the two charts with
// the data behind them.

// Summary columns.
const (
	suLabel  = 1 // A: totals' labels, chart data
	suValue  = 2 // B: totals' values
	suRLabel = 4 // D: targets, plan settings, scenario
	suRValue = 5 // E: goals, settings, scenario inputs
	suActual = 6 // F
	suGap    = 7 // G
	suStatus = 8 // H
)

// Rows of the scenario block.
const (
	suScenarioName  = suScenarioRow + 1
	suScenarioF     = suScenarioRow + 2 // volume, unit cost, response, price
	suScenarioIndex = suScenarioRow + 6
)

// bridge and targets chart data rows.
const (
	suBridgeHead = suBridgeTitle + 1
	suBridgeRow  = suBridgeHead + 1
	suTargetHead = suTargetTitle + 1
	suTargetRow  = suTargetHead + 1
)

// Names of the Summary's input and helper cells, used by formulas everywhere.
var summaryNames = map[string]string{
	"scenarioShown": absRef(suRValue, suScenarioRow),
	"scenarioIndex": absRef(suRValue, suScenarioIndex),
	"scVolume":      absRef(suRValue, suScenarioF),
	"scUnitCost":    absRef(suRValue, suScenarioF+1),
	"scResponse":    absRef(suRValue, suScenarioF+2),
	"scPrice":       absRef(suRValue, suScenarioF+3),
	"startMonth":    absRef(suRValue, suStart),
	"horizonMonths": absRef(suRValue, suMonths),
	"retentionPct":  absRef(suRValue, suRetention),
	"discountRate":  absRef(suRValue, suDiscountRate),
	"planCurrency":  absRef(suRValue, suCurrency),
	"planCompany":   absRef(suRValue, suCompany),
	"planName":      absRef(suRValue, suName),
	"scenarioName":  absRef(suRValue, suScenarioName),
	"goalRevenue":   absRef(suRValue, suTargetsRow),
	"goalMarginPct": absRef(suRValue, suTargetsRow+1),
	"goalContrib":   absRef(suRValue, suTargetsRow+2),
	"goalBudget":    absRef(suRValue, suTargetsRow+3),
	"goalROMI":      absRef(suRValue, suTargetsRow+4),
	"goalCAC":       absRef(suRValue, suTargetsRow+5),
}

func (b *book) writeSummary() error {
	s, err := b.sheet(sheetSummary, map[int]float64{1: 40, 2: 17, 3: 3, 4: 36, 5: 26, 6: 17, 7: 17, 8: 14, 9: 17, 10: 17}, 0, "")
	if err != nil {
		return err
	}
	last := suTargetRow + len(targets) - 1
	for r := 1; r <= last; r++ {
		s.at(r)
		b.summaryHeading(s, r)
		b.summaryTotals(s, r)
		b.summaryTargets(s, r)
		b.summaryPlan(s, r)
		b.summaryScenario(s, r)
		b.summaryBridge(s, r)
		b.summaryTargetChart(s, r)
	}
	for _, fn := range []func() error{b.summaryValidations, b.summaryCharts, func() error { return b.protect(sheetSummary) }} {
		if err := fn(); err != nil {
			return err
		}
	}
	return s.close()
}

func (b *book) summaryHeading(s *sheet, r int) {
	switch r {
	case suTitleRow:
		s.formula(1, roleTitle, nfNone, "planName", b.p.Name)
	case suSubtitleRow:
		s.formula(1, roleSubtitle, nfNone, b.subtitleFormula(), b.subtitle())
	case suNoteRow:
		s.label(1, roleNote, "Cells on a yellow fill are inputs you can change; every other figure is a formula over them. "+
			"See the sheet “"+sheetHelp+"”.")
	case suTotalsRow - 2:
		s.label(suLabel, roleSection, "Key figures")
		s.label(suRLabel, roleSection, "Targets")
	case suTotalsRow - 1:
		s.height = headerHeight * 2 / 3
		s.label(suLabel, roleHeader, "Figure")
		s.label(suValue, roleHeader, "Value")
		for i, h := range []string{"Target", "Goal (empty: not set)", "Actual", "Gap (actual − goal)", "Status"} {
			s.label(suRLabel+i, roleHeader, h)
		}
	case suChartRow - 1:
		s.label(suLabel, roleSection, "Charts")
	}
}

func (b *book) subtitleFormula() string {
	n := summaryNames
	return `IF(` + n["planCompany"] + `="","",` + n["planCompany"] + `&" · ")&` + n["horizonMonths"] + `&" months"&IF(` +
		n["startMonth"] + `="",""," from "&` + n["startMonth"] + `)&" · scenario: "&` + n["scenarioName"] + `&" · figures in "&` +
		n["planCurrency"] + `&", excluding VAT"`
}

func (b *book) subtitle() string {
	s := ""
	if b.p.Company != "" {
		s = b.p.Company + " · "
	}
	s += strconv.Itoa(b.p.Months) + " months"
	if b.p.Start != "" {
		s += " from " + b.p.Start
	}
	return s + " · scenario: " + shownName(b.fg.m.Scenario) + " · figures in " + b.p.Currency + ", excluding VAT"
}

func (b *book) summaryTotals(s *sheet, r int) {
	i := r - suTotalsRow
	if i < 0 || i >= len(totals) {
		return
	}
	t := totals[i]
	ro := roleFormula
	switch t.name {
	case "netRevenue", "grossMargin", "marketingSpend", "contribution":
		ro = roleTotal
	}
	s.label(suLabel, roleLabel, t.label)
	s.formula(suValue, ro, t.nf, t.formula(b.lay), t.value(&b.fg.r.Totals))
}

func (b *book) summaryTargets(s *sheet, r int) {
	i := r - suTargetsRow
	if i < 0 || i >= len(targets) {
		return
	}
	tg := targets[i]
	goal, actual := cellName(suRValue, r), cellName(suActual, r)
	s.label(suRLabel, roleLabel, tg.label)
	s.inputOpt(suRValue, tg.nf, *b.p.Targets.Ptr(tg.name))
	var res *planner.TargetResult
	for j := range b.fg.r.Targets {
		if b.fg.r.Targets[j].Name == tg.name {
			res = &b.fg.r.Targets[j]
		}
	}
	tot := b.fg.r.Totals
	var actualValue any
	for _, t := range totals {
		if t.name == tg.actual {
			actualValue = t.value(&tot)
		}
	}
	s.formula(suActual, roleFormula, tg.nf, tg.actual, actualValue)
	var gap, status any = "", "not set"
	if res != nil {
		gap, status = cached(res.Gap), "missed"
		if res.Met {
			status = "met"
		}
	}
	cmp := ">="
	if tg.max {
		cmp = "<="
	}
	s.formula(suGap, roleFormula, tg.nf, `IF(`+goal+`="","",IF(ISNUMBER(`+actual+`),`+actual+`-`+goal+`,"n/a"))`, gap)
	s.formula(suStatus, roleStatus, nfNone,
		`IF(`+goal+`="","not set",IF(ISNUMBER(`+actual+`),IF(`+actual+cmp+goal+`,"met","missed"),"missed"))`, status)
}

// planSetting is one row of the Summary's plan block: its label, its value
// (a text or a number input; the horizon is fixed) and its rule.
type planSetting struct {
	row   int
	label string
	value func(p *planner.Plan) any
	rule  rule
}

var planSettings = []planSetting{
	{suName, "Plan name", func(p *planner.Plan) any { return p.Name }, ruleName},
	{suCompany, "Company", func(p *planner.Plan) any { return p.Company }, rule{title: "Company", prompt: "Shown on exports; may be empty."}},
	{suCurrency, "Currency (ISO code)", func(p *planner.Plan) any { return p.Currency }, rule{kind: "custom", f1: "AND(LEN(@)=3,EXACT(@,UPPER(@)))",
		title: "Currency", prompt: "The ISO 4217 code of the plan's currency, three capital letters: EUR, USD, GBP…"}},
	{suLocale, "Number format (en or fr)", func(p *planner.Plan) any { return p.Locale }, rule{kind: "list", f1: `"en,fr"`,
		title: "Number format", prompt: "en writes €1,234.5 and 45.2%; fr writes 1 234,5 € and 45,2 %."}},
	{suStart, "First month (YYYY-MM, or empty)", func(p *planner.Plan) any { return p.Start }, rule{kind: "custom",
		f1: `OR(@="",AND(LEN(@)=7,MID(@,5,1)="-"))`, title: "First month",
		prompt: "The first month of the plan, written YYYY-MM (2027-01); empty labels the months M1, M2…"}},
	{suMonths, "Horizon in months (fixed)", func(p *planner.Plan) any { return float64(p.Months) }, rule{}},
	{suRetention, "Customers buying again next horizon", func(p *planner.Plan) any { return p.RetentionPct },
		ruleFraction("Retention", "Share of customers who buy again over the next horizon: 0% to 99.9%.")},
	{suDiscountRate, "Discount rate per horizon (for CLV)", func(p *planner.Plan) any { return p.DiscountRate },
		ruleNonNegative("Discount rate", "Discount rate per horizon, used for the customer lifetime value.")},
}

func (b *book) summaryPlan(s *sheet, r int) {
	if r == suPlanRow-1 {
		s.label(suRLabel, roleSection, "Plan")
	}
	for _, ps := range planSettings {
		if ps.row != r {
			continue
		}
		s.label(suRLabel, roleLabel, ps.label)
		switch v := ps.value(b.p).(type) {
		case string:
			s.inputText(suRValue, v)
		case float64:
			if r == suMonths {
				s.value(suRValue, roleFormula, nfMonths, v)
			} else {
				s.inputNum(suRValue, nfPct, v)
			}
		}
	}
}

func (b *book) summaryScenario(s *sheet, r int) {
	ids := colRange(sheetScenarios, scID, scBaseRow, scBaseRow+b.lay.scenarios)
	column := func(col int) string { return colRange(sheetScenarios, col, scBaseRow, scBaseRow+b.lay.scenarios) }
	sc := b.fg.m.Scenario
	switch r {
	case suScenarioRow - 1:
		s.label(suRLabel, roleSection, "Scenario shown")
	case suScenarioRow:
		s.label(suRLabel, roleLabelBold, "Scenario (base or an id)")
		s.inputText(suRValue, sc.ID)
		s.label(suActual, roleNote, "Pick base or a scenario: every figure of the workbook follows.")
	case suScenarioName:
		s.label(suRLabel, roleLabel, "Its name")
		s.formula(suRValue, roleLabel, nfNone, "INDEX("+column(scName)+",scenarioIndex)", shownName(sc))
	case suScenarioF, suScenarioF + 1, suScenarioF + 2, suScenarioF + 3:
		k := r - suScenarioF
		labels := []string{"Factor on base volume", "Factor on unit cost", "Factor on promotion response", "Factor on list price"}
		values := []float64{sc.Volume, sc.UnitCost, sc.Response, sc.Price}
		s.label(suRLabel, roleLabel, labels[k])
		s.formula(suRValue, roleFormula, nfRatio, "INDEX("+column(scVolume+k)+",scenarioIndex)", values[k])
	case suScenarioIndex:
		s.label(suRLabel, roleNote, "Its row in the Scenarios sheet")
		s.formula(suRValue, roleHelper, nfMonths,
			"SUMPRODUCT(EXACT("+ids+",scenarioShown)*(ROW("+ids+")-"+strconv.Itoa(scBaseRow-1)+"))", float64(b.shown+1))
	}
}

func (b *book) summaryBridge(s *sheet, r int) {
	if r == suBridgeTitle {
		s.label(suLabel, roleSection, "Contribution bridge: the data behind the chart")
		return
	}
	if r == suBridgeHead {
		for col, h := range map[int]string{suLabel: "Step", suValue: "Amount", 4: "From", 5: "To", 6: "Base above 0 (not drawn)",
			7: "Base below 0 (not drawn)", 8: "Total", 9: "Decrease above 0", 10: "Decrease below 0"} {
			s.label(col, roleHeader, h)
		}
		return
	}
	steps := planner.Bridge(b.fg.r)
	i := r - suBridgeRow
	if i < 0 || i >= len(steps) {
		return
	}
	st := steps[i]
	labels := map[string]string{"grossSales": "Gross sales", "channelMargins": "− Channel margins", "cogs": "− Cost of goods sold",
		"logistics": "− Logistics", "marketingSpend": "− Marketing spend", "contribution": "= Contribution"}
	s.label(suLabel, roleLabel, labels[st.Key])
	amount := st.Key
	if !st.Total {
		amount = "-" + st.Key
	}
	s.formula(suValue, roleFormula, nfMoney, amount, st.Value)
	from, to := cellName(4, r), cellName(5, r)
	if st.Total {
		s.value(4, roleFormula, nfMoney, 0)
		s.formula(5, roleFormula, nfMoney, cellName(suValue, r), st.End)
		s.value(6, roleHelper, nfMoney, 0)
		s.value(7, roleHelper, nfMoney, 0)
		s.formula(8, roleFormula, nfMoney, cellName(suValue, r), st.Value)
		s.value(9, roleFormula, nfMoney, 0)
		s.value(10, roleFormula, nfMoney, 0)
		return
	}
	lo, hi := min(st.Start, st.End), max(st.Start, st.End)
	minFT, maxFT := "MIN("+from+","+to+")", "MAX("+from+","+to+")"
	s.formula(4, roleFormula, nfMoney, cellName(5, r-1), st.Start)
	s.formula(5, roleFormula, nfMoney, from+"+"+cellName(suValue, r), st.End)
	s.formula(6, roleHelper, nfMoney, "MAX("+minFT+",0)", max(lo, 0))
	s.formula(7, roleHelper, nfMoney, "MIN("+maxFT+",0)", min(hi, 0))
	s.value(8, roleFormula, nfMoney, 0)
	s.formula(9, roleFormula, nfMoney, "MAX("+maxFT+",0)-MAX("+minFT+",0)", max(hi, 0)-max(lo, 0))
	s.formula(10, roleFormula, nfMoney, "MIN("+minFT+",0)-MIN("+maxFT+",0)", min(lo, 0)-min(hi, 0))
}

func (b *book) summaryTargetChart(s *sheet, r int) {
	switch r {
	case suTargetTitle:
		s.label(suLabel, roleSection, "Targets: actual as a share of the goal, the data behind the chart")
		return
	case suTargetHead:
		s.label(suLabel, roleHeader, "Target")
		s.label(suValue, roleHeader, "Goal")
		s.label(4, roleHeader, "Actual")
		return
	}
	i := r - suTargetRow
	if i < 0 || i >= len(targets) {
		return
	}
	tg := targets[i]
	goal, actual := cellName(suRValue, suTargetsRow+i), cellName(suActual, suTargetsRow+i)
	var goalV, actualV any = "", ""
	if g := *b.p.Targets.Ptr(tg.name); g != nil {
		goalV = 1.0
		for _, res := range b.fg.r.Targets {
			if res.Name == tg.name && res.Actual.Valid && *g != 0 {
				actualV = res.Actual.Value / *g
			}
		}
	}
	s.label(suLabel, roleLabel, tg.chart)
	s.formula(suValue, roleFormula, nfPct, `IF(ISNUMBER(`+goal+`),1,"")`, goalV)
	s.formula(4, roleFormula, nfPct, `IF(AND(ISNUMBER(`+goal+`),ISNUMBER(`+actual+`)),IF(`+goal+`=0,"",`+actual+`/`+goal+`),"")`, actualV)
}

// summaryRange is a range of the Summary sheet for charts and names.
func summaryRange(c1, r1, c2, r2 int) string { return rng(sheetSummary, c1, r1, c2, r2) }

func summaryCell(col, row int) string { return ref(sheetSummary, col, row) }

// summaryValidations checks the plan settings, the goals and the scenario
// shown, and colours the targets' status.
func (b *book) summaryValidations() error {
	check := func(row int, r rule) error { return b.validate(sheetSummary, cellName(suRValue, row), r) }
	for i, tg := range targets {
		if err := check(suTargetsRow+i, tg.rule); err != nil {
			return err
		}
	}
	for _, ps := range planSettings {
		if ps.rule.title == "" {
			continue // the horizon is fixed
		}
		if err := check(ps.row, ps.rule); err != nil {
			return err
		}
	}
	if err := check(suScenarioRow, rule{kind: "list", f1: colRange(sheetScenarios, scID, scBaseRow, scBaseRow+b.lay.scenarios),
		title: "Scenario shown", prompt: "base (the plan as written) or the id of a scenario from the Scenarios sheet. Every sheet follows."}); err != nil {
		return err
	}
	return b.flagStatus(sheetSummary, localRange(suStatus, suTargetsRow, suStatus, suTargetsRow+len(targets)-1))
}
