package ui

import (
	"math"

	"fyne.io/fyne/v2/lang"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// priceSentence says in words what the price advice means for one product,
// as the command line's `mixplan prices` does (app/cli/prices.go), in the
// user's language with the plan's number formats. target is the plan's
// gross-margin target, nil when not set.
func priceSentence(f Fmt, name string, a priceAdvice, target *float64) string {
	gain := f.Money(a.Gain())
	var s string
	switch {
	case a.AtBound && a.BestListPrice > a.ListPrice:
		s = lang.L("Demand for {{.Name}} is inelastic: contribution keeps rising up to the highest price tried ({{.Price}}, {{.Times}}× today’s), where it would add {{.Gain}}. The constant elasticity is unlikely to hold that far: test a smaller rise.",
			map[string]any{"Name": name, "Price": f.UnitMoney(a.BestListPrice), "Times": times(f, planner.PriceRangeHigh), "Gain": gain})
	case a.AtBound:
		s = lang.L("Demand for {{.Name}} is so elastic that contribution keeps rising down to the lowest price tried ({{.Price}}, {{.Times}}× today’s), where it would add {{.Gain}}.",
			map[string]any{"Name": name, "Price": f.UnitMoney(a.BestListPrice), "Times": times(f, planner.PriceRangeLow), "Gain": gain})
	case math.Abs(a.BestListPrice-a.ListPrice) <= 0.005*a.ListPrice:
		s = lang.L("{{.Name}} is priced about right for contribution: the best price, {{.Price}}, is within {{.Tolerance}} of today’s.",
			map[string]any{"Name": name, "Price": f.UnitMoney(a.BestListPrice), "Tolerance": f.Percent(0.005)})
	default:
		data := map[string]any{"Name": name, "Best": f.UnitMoney(a.BestListPrice), "List": f.UnitMoney(a.ListPrice), "Gain": gain}
		if a.BestListPrice > a.ListPrice {
			s = lang.L("Contribution peaks with {{.Name}} at {{.Best}}: raising its list price from {{.List}} adds {{.Gain}}.", data)
		} else {
			s = lang.L("Contribution peaks with {{.Name}} at {{.Best}}: lowering its list price from {{.List}} adds {{.Gain}}.", data)
		}
	}
	if target != nil && a.MinListPrice.Valid {
		min := f.UnitMoney(a.MinListPrice.Value)
		switch {
		case a.ListPrice < a.MinListPrice.Value:
			s += " " + lang.L("At {{.List}} it misses the {{.Target}} gross-margin target: it needs at least {{.Min}}.",
				map[string]any{"List": f.UnitMoney(a.ListPrice), "Target": f.Percent(*target), "Min": min})
		case a.BestListPrice < a.MinListPrice.Value:
			s += " " + lang.L("The best price is below the {{.Min}} the margin target needs.", map[string]any{"Min": min})
		}
	}
	return s
}

// times writes a multiple such as 0.2 or 5 in the plan's locale ("0,2").
func times(f Fmt, x float64) string { return numfmt.Trimmed(x, f.Locale, 2) }
