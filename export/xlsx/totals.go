package xlsx

import (
	"strconv"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// total is one key of the report's totals: its defined name in the workbook
// (exactly the JSON key), its label, its number format, the formula that
// computes it and the engine's value.
type total struct {
	name    string
	label   string
	nf      numFormat
	explain string // the formula in words, for the help sheet
	formula func(l layout) string
	value   func(t *planner.Totals) any
}

// sumOf is SUM(range), or 0 for an empty list.
func sumOf(r string) string {
	if r == "" {
		return "0"
	}
	return "SUM(" + r + ")"
}

// sumProduct is SUMPRODUCT(ranges…), or 0 when a list is empty.
func sumProduct(ranges ...string) string {
	for _, r := range ranges {
		if r == "" {
			return "0"
		}
	}
	s := "SUMPRODUCT("
	for i, r := range ranges {
		if i > 0 {
			s += ","
		}
		s += r
	}
	return s + ")"
}

// totals are the report's totals in the order of the JSON.
var totals = []total{
	{"units", "Units sold", nfUnits, "Σ units of every product: base units plus extra units from promotion",
		func(l layout) string { return sumOf(l.prCol(prUnits)) },
		func(t *planner.Totals) any { return t.Units }},
	{"grossSales", "Gross sales (what end customers pay)", nfMoney, "Σ units × net price",
		func(l layout) string { return sumProduct(l.prCol(prUnits), l.prCol(prNetPrice)) },
		func(t *planner.Totals) any { return t.GrossSales }},
	{"channelMargins", "Channel margins", nfMoney, "gross sales − net revenue: what intermediaries keep",
		func(layout) string { return "grossSales-netRevenue" },
		func(t *planner.Totals) any { return t.ChannelMargins }},
	{"netRevenue", "Net revenue (what the company books)", nfMoney, "Σ units × net price × share kept after each place's margin",
		func(l layout) string { return sumOf(l.prCol(prNetRevenue)) },
		func(t *planner.Totals) any { return t.NetRevenue }},
	{"cogs", "Cost of goods sold", nfMoney, "Σ units × unit cost",
		func(l layout) string { return sumOf(l.prCol(prCOGS)) },
		func(t *planner.Totals) any { return t.COGS }},
	{"grossMargin", "Gross margin", nfMoney, "net revenue − cost of goods sold",
		func(layout) string { return "netRevenue-cogs" },
		func(t *planner.Totals) any { return t.GrossMargin }},
	{"grossMarginPct", "Gross margin %", nfPct, "gross margin ÷ net revenue (n/a without net revenue)",
		func(layout) string { return `IF(netRevenue=0,"n/a",grossMargin/netRevenue)` },
		func(t *planner.Totals) any { return t.GrossMarginPct }},
	{"logistics", "Logistics", nfMoney, "Σ units sold in each place × its logistics cost per unit",
		func(l layout) string { return sumOf(l.prCol(prLogistics)) },
		func(t *planner.Totals) any { return t.Logistics }},
	{"placeFixed", "Places' fixed costs", nfMoney, "Σ fixed costs of the places",
		func(l layout) string { return sumOf(l.plCol(plFixed)) },
		func(t *planner.Totals) any { return t.PlaceFixed }},
	{"launch", "Launch costs", nfMoney, "Σ launch costs of the products (booked in month 1)",
		func(l layout) string { return sumOf(l.prCol(prLaunch)) },
		func(t *planner.Totals) any { return t.Launch }},
	{"promotion", "Promotion spend", nfMoney, "Σ spend of the promotion channels",
		func(l layout) string { return sumOf(l.pmCol(pmSpend)) },
		func(t *planner.Totals) any { return t.Promotion }},
	{"marketingSpend", "Marketing spend (held against the budget)", nfMoney, "promotion + places' fixed costs + launch costs",
		func(layout) string { return "promotion+placeFixed+launch" },
		func(t *planner.Totals) any { return t.MarketingSpend }},
	{"contribution", "Contribution", nfMoney, "gross margin − logistics − marketing spend",
		func(layout) string { return "grossMargin-logistics-marketingSpend" },
		func(t *planner.Totals) any { return t.Contribution }},
	{"romi", "ROMI (return on promotion spend)", nfPct, "(Σ incremental contribution of the channels − promotion) ÷ promotion (n/a without promotion spend)",
		func(l layout) string {
			return `IF(promotion=0,"n/a",(` + sumOf(l.pmCol(pmIncremental)) + `-promotion)/promotion)`
		},
		func(t *planner.Totals) any { return t.ROMI }},
	{"newCustomers", "New customers", nfUnits, "Σ extra units of each product ÷ its units per customer",
		func(l layout) string { return sumOf(l.prCol(prNewCustomers)) },
		func(t *planner.Totals) any { return t.NewCustomers }},
	{"cac", "CAC (cost per new customer)", nfPrice, "promotion ÷ new customers (n/a without new customers)",
		func(layout) string { return `IF(newCustomers=0,"n/a",promotion/newCustomers)` },
		func(t *planner.Totals) any { return t.CAC }},
	{"clv", "CLV (customer lifetime value)", nfPrice, "contribution per customer × (1 + discount rate) ÷ (1 + discount rate − retention) (n/a without customers)",
		func(l layout) string {
			customers := sumOf(l.prCol(prCustomers))
			return `IF(` + customers + `=0,"n/a",` + sumProduct(l.prCol(prUnits), l.prCol(prUnitContribution)) + "/" + customers +
				"*(1+discountRate)/(1+discountRate-retentionPct))"
		},
		func(t *planner.Totals) any { return t.CLV }},
	{"ltvToCac", "CLV ÷ CAC", nfRatio, "CLV ÷ CAC (n/a when either is)",
		func(layout) string { return `IF(AND(ISNUMBER(clv),ISNUMBER(cac)),IF(cac=0,"n/a",clv/cac),"n/a")` },
		func(t *planner.Totals) any { return t.LTVToCAC }},
	{"breakEvenUnits", "Break-even units", nfUnits, "marketing spend ÷ average contribution per unit sold (n/a when that is not positive)",
		func(l layout) string {
			avg := "(" + sumProduct(l.prCol(prUnits), l.prCol(prUnitContribution)) + "/units)"
			return `IF(units=0,"n/a",IF(` + avg + `<=0,"n/a",marketingSpend/` + avg + `))`
		},
		func(t *planner.Totals) any { return t.BreakEvenUnits }},
	{"paybackMonth", "Payback month", nfMonths, "first month from which cumulative contribution stays at or above 0 (n/a if it ends below 0)",
		func(l layout) string {
			flags := sumOf(rowRange(sheetMonths, moPaidBack, moFirst, l.lastMonthCol()))
			return `IF(` + flags + `=0,"n/a",` + strconv.Itoa(l.months) + "-" + flags + "+1)"
		},
		func(t *planner.Totals) any { return t.PaybackMonth }},
}

// target is one row of the Summary's targets table: a target of the plan
// (planner.TargetTable) in the workbook's words.
type target struct {
	name   string // as in the report
	label  string
	actual string // the defined name of the figure it is held against
	max    bool   // met when actual ≤ goal
	nf     numFormat
	chart  string // category label on the targets chart
	rule   rule   // the goal's validation
}

// targetWords is what the workbook says of a target.
type targetWords struct {
	label string
	chart string // category label on the targets chart
	rule  rule   // the goal's validation
}

// targetRows makes the targets table's rows, in report order, from the
// plan's targets and the words the workbook has for each.
func targetRows(words map[string]targetWords) []target {
	out := make([]target, 0, len(planner.TargetTable))
	for _, tg := range planner.TargetTable {
		w, ok := words[tg.Name]
		if !ok {
			panic("export: the workbook has no words for the target " + tg.Name)
		}
		nf := nfMoney
		switch tg.Unit {
		case numfmt.Ratio:
			nf = nfPct
		case numfmt.UnitAmount:
			nf = nfPrice
		}
		out = append(out, target{tg.Name, w.label, tg.Actual, tg.Kind == planner.AtMost, nf, w.chart, w.rule})
	}
	return out
}

// ruleNumber accepts any number.
func ruleNumber(title, prompt string) rule {
	return rule{kind: "decimal", operator: "between", f1: "-1E+300", f2: "1E+300", title: title, prompt: prompt}
}

var targets = targetRows(map[string]targetWords{
	planner.TargetRevenue: {"Net revenue ≥", "Net revenue",
		ruleNumber("Net revenue goal", "The least net revenue the plan should reach. Empty: no target.")},
	planner.TargetGrossMarginPct: {"Gross margin % ≥", "Gross margin %",
		rule{kind: "custom", f1: "AND(ISNUMBER(@),@<1)", title: "Gross margin goal",
			prompt: "The least gross margin as a share of net revenue, below 100%. Empty: no target."}},
	planner.TargetContribution: {"Contribution ≥", "Contribution",
		ruleNumber("Contribution goal", "The least contribution the plan should reach. Empty: no target.")},
	planner.TargetBudget: {"Marketing spend ≤ budget", "Marketing spend (max)",
		ruleNonNegative("Budget", "The most the plan may spend on marketing: promotion, places' fixed costs and launches. Empty: no budget.")},
	planner.TargetROMI: {"ROMI ≥", "ROMI",
		ruleNumber("ROMI goal", "The least return on promotion spend (80% = each euro brings 1.80). Empty: no target.")},
	planner.TargetCAC: {"CAC ≤", "CAC (max)",
		ruleNumber("CAC goal", "The most a new customer may cost in promotion. Empty: no target.")},
})
