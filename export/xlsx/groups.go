package xlsx

import "mixplan/planner"

// The Groups sheet: one row per channel group (docs/model.md §1): its
// bounds on the summed spend of its channels, for the optimiser (inputs), the
// group's spend and share of promotion spend today and whether they are
// within the bounds; on the right the membership matrix, one column per
// channel, 1 where the channel belongs to the group. Row 3 above the matrix
// repeats each channel's spend. A few empty rows below the groups take new
// ones; an empty row is no group.

const (
	grID = iota + 1
	grName
	grMin
	grMax
	grMinShare
	grMaxShare
	grSpend
	grShare
	grWithin
	grSpacer
	grMember
	grSpendRow = 3
	grFirstRow = 6
	grSpare    = 3 // empty rows offered for new groups
)

var groupHeaders = map[int]string{
	grID: "ID", grName: "Group", grMin: "Minimum spend", grMax: "Maximum spend (empty: none)",
	grMinShare: "Minimum share of promotion", grMaxShare: "Maximum share of promotion",
	grSpend: "Spend today", grShare: "Share of promotion today", grWithin: "Within its bounds",
}

// groupRows is how many rows the Groups sheet offers.
func (l layout) groupRows() int { return l.groups + grSpare }

func (b *book) writeGroups() error {
	l := b.lay
	s, err := b.sheet(sheetGroups, map[int]float64{grID: 14, grName: 24, grMin: 14, grMax: 14, grMinShare: 13, grMaxShare: 13,
		grSpend: 14, grShare: 13, grWithin: 10, grSpacer: 3}, 9, cellName(grMin, grFirstRow))
	if err != nil {
		return err
	}
	s.label(1, roleTitle, "Channel groups")
	s.at(2)
	s.label(1, roleNote, "Bounds on the summed spend of several channels (digital, offline…), which the optimiser respects. "+
		"Put 1 under each channel of a group; a channel may be in several. Empty rows below take new groups.")
	s.at(grSpendRow)
	if l.promotions > 0 {
		s.label(grWithin, roleHelperTip, "Spend →")
	}
	for c := range b.p.Promotions {
		s.formula(grMember+c, roleHelper, nfMoney, ref(sheetPromotion, pmSpend, l.promotionRow(c)), b.p.Promotions[c].Spend)
	}
	s.at(grFirstRow - 1)
	s.height = headerHeight
	for col := grID; col <= grWithin; col++ {
		s.label(col, roleHeader, groupHeaders[col])
	}
	for c := range b.p.Promotions {
		s.formula(grMember+c, roleHeader, nfNone, ref(sheetPromotion, pmID, l.promotionRow(c)), b.p.Promotions[c].ID)
	}
	members := make([]map[string]bool, len(b.p.Groups))
	for g, gr := range b.p.Groups {
		members[g] = map[string]bool{}
		for _, id := range gr.Promotions {
			members[g][id] = true
		}
	}
	spends := absRangeOrEmpty(grMember, grSpendRow, grMember+l.promotions-1, grSpendRow)
	for g := 0; g < l.groupRows(); g++ {
		r := grFirstRow + g
		s.at(r)
		x := func(col int) string { return cellName(col, r) }
		var gr planner.Group
		if g < l.groups {
			gr = b.p.Groups[g]
			s.inputText(grID, gr.ID)
			s.inputText(grName, gr.Name)
			s.inputNum(grMin, nfMoney, gr.Min)
			s.inputOpt(grMax, nfMoney, gr.Max)
			s.inputNum(grMinShare, nfPct, gr.MinShare)
			s.inputNum(grMaxShare, nfPct, gr.MaxShare)
		} else {
			s.inputBlank(grID, nfText)
			s.inputBlank(grName, nfText)
			for col, nf := range map[int]numFormat{grMin: nfMoney, grMax: nfMoney, grMinShare: nfPct, grMaxShare: nfPct} {
				s.inputBlank(col, nf)
			}
		}
		spend, share, within := b.groupFigures(g, members)
		row := localRangeOrEmpty(grMember, r, grMember+l.promotions-1, r)
		s.formula(grSpend, roleFormula, nfMoney, sumProduct(row, spends), spend)
		s.formula(grShare, roleFormula, nfPct, `IF(promotion=0,"n/a",`+x(grSpend)+"/promotion)", share)
		s.formula(grWithin, roleFormula, nfNone, `IF(`+x(grID)+`="","",IF(AND(`+x(grSpend)+">="+x(grMin)+",OR("+x(grMax)+`="",`+
			x(grSpend)+"<="+x(grMax)+"),OR(promotion=0,AND("+x(grShare)+">="+x(grMinShare)+",OR("+x(grMaxShare)+`="",`+
			x(grShare)+"<="+x(grMaxShare)+`)))),"yes","no"))`, within)
		for c, pm := range b.p.Promotions {
			if g < l.groups && members[g][pm.ID] {
				s.inputNum(grMember+c, nfWeight, 1)
			} else {
				s.inputBlank(grMember+c, nfWeight)
			}
		}
	}
	if err := b.groupChecks(); err != nil {
		return err
	}
	if err := b.protect(sheetGroups); err != nil {
		return err
	}
	return s.close()
}

// groupFigures are the cached spend, share and status of group row g, as
// its formulas compute them (an empty row: 0, its share, "").
func (b *book) groupFigures(g int, members []map[string]bool) (spend float64, share any, within string) {
	promotion := b.fg.r.Totals.Promotion
	if g < len(b.p.Groups) {
		for _, pm := range b.p.Promotions {
			if members[g][pm.ID] {
				spend += 1 * pm.Spend
			}
		}
	}
	share = notAvailable
	if promotion != 0 {
		share = spend / promotion
	}
	if g >= len(b.p.Groups) {
		return spend, share, ""
	}
	gr := b.p.Groups[g]
	ok := spend >= gr.Min && (gr.Max == nil || spend <= *gr.Max)
	if promotion != 0 {
		ok = ok && spend/promotion >= gr.MinShare && spend/promotion <= gr.MaxShare
	}
	if ok {
		return spend, share, "yes"
	}
	return spend, share, "no"
}

func (b *book) groupChecks() error {
	last := grFirstRow + b.lay.groupRows() - 1
	if err := b.validateColumns(sheetGroups, grFirstRow, last, []columnRule{
		{grID, ruleID}, {grName, ruleName},
		{grMin, ruleNonNegative("Minimum spend", "The least the group's channels may spend together.")},
		{grMax, ruleNonNegative("Maximum spend", "The most the group's channels may spend together; empty for no limit.")},
		{grMinShare, ruleBetween("Minimum share", "The least share of promotion spend the group takes, from 0% to 100%.", 0, 1)},
		{grMaxShare, ruleBetween("Maximum share", "The most share of promotion spend the group takes, from 0% to 100%.", 0, 1)},
	}); err != nil || b.lay.promotions == 0 {
		return err
	}
	return b.validate(sheetGroups, localRange(grMember, grFirstRow, grMember+b.lay.promotions-1, last),
		rule{kind: "custom", f1: "OR(@=0,@=1)", title: "Member", prompt: "1 when the channel is in the group, empty when not."})
}
