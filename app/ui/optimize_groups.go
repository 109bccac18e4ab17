package ui

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"mixplan/planner"
)

// groupFigures are one channel group's spend and share of the promotion
// before and after a proposal, and which of its bounds the proposal meets
// exactly (the bounds that hold it back).
type groupFigures struct {
	group                                planner.Group
	before, after                        float64 // summed spend of its channels
	shareBefore, shareAfter              float64 // of total promotion spend; NaN with none
	atMin, atMax, atMinShare, atMaxShare bool
}

// figuresOfGroups sums each of the plan's groups over the channels of the
// report before and the proposal's allocation after.
func figuresOfGroups(p *planner.Plan, before *planner.Report, o *planner.Optimization) []groupFigures {
	spendBefore := map[string]float64{}
	totalBefore := 0.0
	for i, r := range before.Promotions {
		if i < len(p.Promotions) {
			spendBefore[p.Promotions[i].ID] = r.Spend
			totalBefore += r.Spend
		}
	}
	spendAfter := map[string]float64{}
	totalAfter := 0.0
	for _, a := range o.Allocation {
		spendAfter[a.ID] = a.Spend
		totalAfter += a.Spend
	}
	share := func(x, total float64) float64 {
		if total > 0 {
			return x / total
		}
		return math.NaN()
	}
	// at reports whether x sits on bound b, to the optimiser's tolerance.
	at := func(x, b float64) bool { return math.Abs(x-b) <= 1e-6*math.Max(1, math.Abs(b)) }
	out := make([]groupFigures, len(p.Groups))
	for i, g := range p.Groups {
		f := groupFigures{group: g}
		for _, id := range g.Promotions {
			f.before += spendBefore[id]
			f.after += spendAfter[id]
		}
		f.shareBefore, f.shareAfter = share(f.before, totalBefore), share(f.after, totalAfter)
		f.atMin = g.Min > 0 && at(f.after, g.Min)
		f.atMax = g.Max != nil && at(f.after, *g.Max)
		f.atMinShare = g.MinShare > 0 && at(f.shareAfter, g.MinShare)
		f.atMaxShare = g.MaxShare < 1 && at(f.shareAfter, g.MaxShare)
		out[i] = f
	}
	return out
}

// groupHeld reports whether a proposal holds any group at one of its bounds.
func groupHeld(gfs []groupFigures) bool {
	for _, g := range gfs {
		if g.atMin || g.atMax || g.atMinShare || g.atMaxShare {
			return true
		}
	}
	return false
}

// groupBounds writes a group's bounds: "at least €20,000, at most €150,000,
// 10% to 70% of the promotion".
func groupBounds(g planner.Group, f Fmt) string {
	var parts []string
	if g.Min > 0 {
		parts = append(parts, lang.L("at least {{.Amount}}", map[string]any{"Amount": f.Money(g.Min)}))
	}
	if g.Max != nil {
		parts = append(parts, lang.L("at most {{.Amount}}", map[string]any{"Amount": f.Money(*g.Max)}))
	}
	switch {
	case g.MinShare > 0 && g.MaxShare < 1:
		parts = append(parts, lang.L("{{.Min}} to {{.Max}} of the promotion", map[string]any{"Min": f.Percent(g.MinShare), "Max": f.Percent(g.MaxShare)}))
	case g.MinShare > 0:
		parts = append(parts, lang.L("at least {{.Share}} of the promotion", map[string]any{"Share": f.Percent(g.MinShare)}))
	case g.MaxShare < 1:
		parts = append(parts, lang.L("at most {{.Share}} of the promotion", map[string]any{"Share": f.Percent(g.MaxShare)}))
	}
	if len(parts) == 0 {
		return lang.L("no bounds")
	}
	return strings.Join(parts, ", ")
}

// groupLine is a group's line in the proposal: its name and channels, its
// spend and share before and after, its bounds, and the bound that holds
// it back, if any.
func groupLine(p *planner.Plan, gf groupFigures, f Fmt) string {
	g := gf.group
	names := make([]string, len(g.Promotions))
	for i, id := range g.Promotions {
		names[i] = channelName(p, id)
	}
	pct := func(x float64) string {
		if math.IsNaN(x) {
			return "—"
		}
		return f.Percent(x)
	}
	line := lang.L("{{.Group}} ({{.Channels}}): {{.Before}} → {{.After}}, {{.ShareBefore}} → {{.ShareAfter}} of the promotion. Bounds: {{.Bounds}}.", map[string]any{
		"Group": g.Name, "Channels": strings.Join(names, ", "), "Before": f.Money(gf.before), "After": f.Money(gf.after),
		"ShareBefore": pct(gf.shareBefore), "ShareAfter": pct(gf.shareAfter), "Bounds": groupBounds(g, f)})
	switch {
	case gf.atMaxShare:
		line += " " + lang.L("Held at its largest share.")
	case gf.atMax:
		line += " " + lang.L("Held at its maximum.")
	case gf.atMinShare:
		line += " " + lang.L("Held at its smallest share.")
	case gf.atMin:
		line += " " + lang.L("Held at its minimum.")
	}
	return line
}

// showGroups lists the plan's channel groups in the proposal with their
// bounds, or hides the list when the plan has none.
func (s *optimizeScreen) showGroups() {
	s.groups.Objects = nil
	pr := s.prop
	if pr == nil || len(pr.plan.Groups) == 0 {
		s.groups.Hide()
		return
	}
	f := s.env.Fmt()
	s.groups.Add(boldLabel(lang.L("Channel groups")))
	for _, gf := range figuresOfGroups(pr.plan, pr.before, pr.opt) {
		l := widget.NewLabel(groupLine(pr.plan, gf, f))
		l.Wrapping = fyne.TextWrapWord
		s.groups.Add(l)
	}
	s.groups.Show()
	s.groups.Refresh()
}
