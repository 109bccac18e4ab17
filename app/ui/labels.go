package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"mixplan/planner"
)

// Names of the engine's keys in the user's language.

// targetName names a target of the report (planner.TargetGrossMarginPct → "Gross margin %").
func targetName(key string) string {
	switch key {
	case planner.TargetRevenue:
		return lang.L("Net revenue")
	case planner.TargetGrossMarginPct:
		return lang.L("Gross margin %")
	case planner.TargetContribution:
		return lang.L("Contribution")
	case planner.TargetBudget:
		return lang.L("Marketing budget")
	case planner.TargetROMI:
		return lang.L("ROMI")
	case planner.TargetCAC:
		return lang.L("CAC")
	}
	return key
}

// bridgeLabel names a step of the contribution bridge.
func bridgeLabel(key string) string {
	switch key {
	case "grossSales":
		return lang.L("Gross sales")
	case "channelMargins":
		return lang.L("Channel margins")
	case "cogs":
		return lang.L("Cost of goods")
	case "logistics":
		return lang.L("Logistics")
	case "marketingSpend":
		return lang.L("Marketing")
	case "contribution":
		return lang.L("Contribution")
	}
	return key
}

// monthAbbreviations are the short month names, January first.
func monthAbbreviations() []string {
	return []string{lang.L("Jan"), lang.L("Feb"), lang.L("Mar"), lang.L("Apr"), lang.L("May"), lang.L("Jun"),
		lang.L("Jul"), lang.L("Aug"), lang.L("Sep"), lang.L("Oct"), lang.L("Nov"), lang.L("Dec")}
}

// shortMonths turns report month labels ("2027-01") into chart labels
// ("Jan 27"); "M1"-style labels stay as they are.
func shortMonths(labels []string) []string {
	abbr := monthAbbreviations()
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = l
		if y, m, ok := strings.Cut(l, "-"); ok && len(y) == 4 && len(m) == 2 {
			n := int(m[0]-'0')*10 + int(m[1]-'0')
			if n >= 1 && n <= 12 {
				out[i] = abbr[n-1] + " " + y[2:]
			}
		}
	}
	return out
}
