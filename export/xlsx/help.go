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
		"products), Months (monthly figures, then the flighting of each channel and the seasonality of each product) and Scenarios (the base plan " +
		"and every scenario side by side) hold the rest.",
	"Products: units sold = base units + extra units. Base units = base volume × price index, where price index = (net price ÷ reference price) " +
		"^ elasticity and net price = list price × (1 − discount). Each channel brings extra units along a Hill curve: most extra units × spend^shape " +
		"÷ (spend^shape + half-spend^shape), shared over products by its split weights (an empty split follows base units) and scaled by each product's price index.",
	"Places: net revenue = gross sales × (1 − the place's margin); logistics = units sold there × its logistics cost per unit. Each product's shares over " +
		"the places must add up to 100% (a red total says they do not).",
	"Months: products are spread by their seasonality, promotion spend by its flighting (weights are scaled to add up to 100%; an empty row is flat), " +
		"places' fixed costs evenly, launch costs in month 1. The payback month is the first month from which cumulative contribution stays at or above 0.",
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
