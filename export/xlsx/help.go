package xlsx

import "strings"

// The sheet that tells leadership how the workbook works: what is an input,
// where each part of the plan lives, how the figures are computed, what
// "n/a" means and how to bring an edited workbook back into Mixplan.

var helpParagraphs = []string{
	"This workbook is a working model of the plan, made by Mixplan. Cells on a pale yellow fill are the plan's inputs: change a price, a spend, " +
		"a share or a weight and every figure, target and chart follows. Every other figure is a formula over the inputs, following Mixplan's model, " +
		"so the workbook shows exactly what Mixplan computes.",
	"Summary: every total of the plan, the targets (goal, actual, gap and whether it is met; empty the goal to unset a target), the plan's settings " +
		"and the scenario shown. Type base or a scenario's id there: every sheet then shows the figures under that scenario. " +
		"Products, Places (with the share of each product sold through each place), Promotion (with the split of each channel's extra units over " +
		"products), Groups (bounds on the spend of several channels), Months (monthly figures, the weights, each channel's month-by-month response), " +
		"Actuals and Variance (the closed months), Scenarios (the base plan and every scenario side by side) and Risk (uncertain inputs) hold the rest.",
	"Products: units sold = base units + extra units. Base units = base volume × price index, where price index = (net price ÷ reference price) " +
		"^ elasticity and net price = list price × (1 − discount). Each channel's extra units are worked out month by month (Months sheet) and shared " +
		"over products by its split weights (an empty split follows base units), scaled by each product's price index.",
	"Promotion month by month: each month holds 1/n of the channel's curve. The month's spend = spend × its flighting share; the pressure it feels = " +
		"carryover × last month's pressure + (1 − carryover) × this month's spend (pressure still due after the last month is lost); its extra units = " +
		"responsiveness × (most extra units ÷ n) × pressure^shape ÷ (pressure^shape + (half-spend ÷ n)^shape), responsiveness being the month's weight " +
		"scaled to average 1. With flat weights and no carryover this is the yearly Hill curve.",
	"Places: net revenue = gross sales × (1 − the place's margin); logistics = units sold there × its logistics cost per unit. Each product's shares over " +
		"the places must add up to 100% (a red total says they do not).",
	"Months: base units are spread by each product's seasonality, extra units fall in the months the channels' pressure is felt, promotion spend follows " +
		"its flighting (weights are scaled to add up to 100%; an empty row is flat), places' fixed costs evenly, launch costs in month 1. The payback " +
		"month is the first month from which cumulative contribution stays at or above 0.",
	"Actuals: type what happened in the closed months (set their number at the top): spend, measured extra units and the funnel per channel, units and " +
		"net revenue per product; an empty row was not recorded. Variance compares them with the plan to date and works out the latest estimate for the year (curves and base demand re-fitted to the actuals), with formulas. Risk: each uncertain " +
		"input with its low and high values; the tornado beside it is Mixplan's, as of the export.",
	"n/a marks a ratio that is undefined: gross margin % without net revenue, ROMI without promotion spend, CAC without new customers, CLV without " +
		"customers, break-even when units do not contribute, payback when cumulative contribution ends below 0. A target whose actual is n/a is missed.",
	"The sheets are protected without a password so that formulas are not overwritten by accident; inputs stay editable. Review › Unprotect sheet " +
		"lifts the protection. Rows cannot be inserted: add products, places or channels in Mixplan and export again.",
	"Bring an edited workbook back by opening it in Mixplan (or with mixplan import BOOK.xlsx): it reads the yellow cells, checks every rule of the plan " +
		"and lists each problem with its cell, such as Products!D7: must be greater than 0. A hidden sheet keeps the plan's exact figures so that an " +
		"unchanged workbook comes back to the last digit; the visible cells always win.",
	"Every total has a name you can use in your own formulas: ",
}

func (b *book) writeHelp() error {
	s, err := b.sheet(sheetHelp, map[int]float64{1: 40, 2: 18, 3: 90}, 0, "")
	if err != nil {
		return err
	}
	s.label(1, roleTitle, "How this workbook works")
	row := 3
	names := make([]string, len(totals))
	for i, t := range totals {
		names[i] = t.name
	}
	for i, p := range helpParagraphs {
		if i == len(helpParagraphs)-1 {
			p += strings.Join(names, ", ") + " and monthlyContribution (the monthly contribution row)."
		}
		s.at(row)
		s.label(1, roleWrap, p)
		s.height = 15 * float64(1+len([]rune(p))/125)
		if err := s.sw.MergeCell(cellName(1, row), cellName(3, row)); err != nil {
			return err
		}
		row++
	}
	row++
	s.at(row)
	s.label(1, roleHeader, "Figure")
	s.label(2, roleHeader, "Name")
	s.label(3, roleHeader, "How it is computed")
	for _, t := range totals {
		row++
		s.at(row)
		s.label(1, roleLabel, strings.TrimSpace(t.label))
		s.label(2, roleLabelBold, t.name)
		s.label(3, roleLabel, t.explain)
	}
	return s.close()
}
