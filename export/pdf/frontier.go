package pdf

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"mixplan/planner"
)

// What more (or less) money would buy: the exact optimum's contribution at
// a series of marketing budgets (planner.Frontier), today's plan as a point
// below the curve, the least budget that meets the revenue and contribution
// targets, and one sentence.

// moreShare is the extra budget the sentence prices, as a share of the
// budget target, rounded to two significant digits.
const moreShare = 0.10

// moreBudget is the optimum with more budget than the target.
type moreBudget struct {
	extra float64 // added to the marketing budget
	gain  float64 // contribution over the recommendation at the budget target
}

// budgetFrontier solves the frontier and, when a budget target is set, the
// optimum with moreShare more; nils when the solver cannot within its time.
func budgetFrontier(p *planner.Plan, sc planner.Scenario, rec *recommendation) (*planner.BudgetFrontier, *moreBudget) {
	if rec == nil || !solvable(p) {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*solveLimit)
	defer cancel()
	fr, err := planner.Frontier(ctx, p, planner.FrontierRequest{Scenario: sc.ID})
	if err != nil {
		return nil, nil
	}
	if p.Targets.Budget == nil {
		return fr, nil
	}
	extra := roundSignificant(*p.Targets.Budget*moreShare, 2)
	budget := *p.Targets.Budget + extra
	o, err := planner.Optimize(ctx, p, planner.OptimizeRequest{Scenario: sc.ID, Mode: planner.ModeContribution, Budget: &budget, TimeLimit: solveLimit})
	var unproven *planner.UnprovenError
	if err != nil && !errors.As(err, &unproven) {
		return fr, nil
	}
	return fr, &moreBudget{extra: extra, gain: o.After.Contribution - rec.after.Totals.Contribution}
}

// roundSignificant rounds x to n significant digits: 62 000 rather than 61 234.
func roundSignificant(x float64, n int) float64 {
	if x == 0 {
		return 0
	}
	p := math.Pow(10, float64(n)-math.Ceil(math.Log10(math.Abs(x))))
	return math.Round(x*p) / p
}

// frontierSentence is the page's title: what more budget would add and what
// the first target needs; rest is what the other targets need, for the
// line under it.
func (data *reportData) frontierSentence() (title, rest string) {
	f := data.fig
	var parts []string
	if m := data.more; m != nil {
		switch {
		case math.Abs(m.gain) < 0.5:
			s := fmt.Sprintf("%s more would add nothing", f.Money(m.extra))
			if b := data.rec.budget; b.Valid && b.Value-data.rec.after.Totals.Promotion >= 0.5 {
				s += fmt.Sprintf(": the optimum already leaves %s of promotion unspent", f.Money(b.Value-data.rec.after.Totals.Promotion))
			}
			parts = append(parts, s)
		case m.gain < 0:
			parts = append(parts, fmt.Sprintf("%s more would cost %s of contribution", f.Money(m.extra), f.Money(-m.gain)))
		default:
			parts = append(parts, fmt.Sprintf("%s more would add %s of contribution", f.Money(m.extra), f.Money(m.gain)))
		}
	}
	for _, r := range data.frontier.Reach {
		name := targetLabelLower(r.Target)
		if r.Budget.Valid {
			parts = append(parts, fmt.Sprintf("the %s target needs at least %s", name, f.Money(r.Budget.Value)))
		} else {
			parts = append(parts, fmt.Sprintf("the %s target is out of reach at any budget up to %s (at most %s)",
				name, f.Money(data.frontier.Points[len(data.frontier.Points)-1].Budget), f.Money(r.Reached)))
		}
	}
	if len(parts) == 0 {
		return "What each marketing budget would bring, at its best", ""
	}
	n := min(2, len(parts))
	title = capitalize(strings.Join(parts[:n], "; "))
	if n < len(parts) {
		rest = capitalize(strings.Join(parts[n:], "; ")) + ". "
	}
	return title, rest
}

// capitalize upper-cases the first letter of s, leaving "€" and digits.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// frontierPage draws the frontier chart under its sentence.
func (d *doc) frontierPage(data *reportData) {
	fr := data.frontier
	if fr == nil || len(fr.Points) < 2 {
		return
	}
	title, rest := data.frontierSentence()
	y := d.section("What more budget would buy", title)
	if rest != "" {
		d.font("B", ptBody)
		d.ink(colInk)
		y += d.paragraph(d.left, y, d.width(), rest, alignLeft, 2) + 1
	}
	d.font("", ptSmall)
	d.ink(colMuted)
	y += d.paragraph(d.left, y, d.width(), fmt.Sprintf(
		"Each point is the optimiser’s best contribution at that marketing budget (the places’ fixed costs and launch costs included, today’s calendar kept), over %d budgets. Contribution stops rising where the next %s of promotion would return less than it costs: the optimiser then leaves it unspent.",
		len(fr.Points), data.fig.currencyUnit()), alignLeft, 3) + 2
	d.frontierChart(data, plotBox{d.left, y, d.width(), d.bottom - y})
}

// spanAxis is an axis over lo..hi in round steps that need not include zero.
func spanAxis(lo, hi float64, n int) axis {
	if hi-lo <= 0 {
		hi = lo + 1
	}
	step := niceStep(hi-lo, n)
	return axisFromSteps(step, -math.Floor(lo/step+1e-9), math.Ceil(hi/step-1e-9))
}

func (d *doc) frontierChart(data *reportData, b plotBox) {
	f, fr := data.fig, data.frontier
	now := data.rep.Totals
	xlo, xhi := fr.Points[0].Budget, fr.Points[len(fr.Points)-1].Budget
	ylo, yhi := now.Contribution, now.Contribution
	for _, pt := range fr.Points {
		if pt.Contribution.Valid {
			ylo, yhi = math.Min(ylo, pt.Contribution.Value), math.Max(yhi, pt.Contribution.Value)
		}
	}
	xlo, xhi = math.Min(xlo, now.MarketingSpend), math.Max(xhi, now.MarketingSpend)
	xa, ya := spanAxis(xlo, xhi, 8), spanAxis(ylo, yhi, 5)
	xsc, ysc := scaleFor(xa.maxAbs()), scaleFor(ya.maxAbs())

	lx := b.x
	lx = d.swatch(lx, b.y, colNavy, "Best contribution at each budget", keyLine)
	lx = d.swatch(lx, b.y, colBad, "Today’s plan", keyDot)
	lx = d.swatch(lx, b.y, colAccent, "A target’s least budget", keyDash)
	if allMetZone(data) {
		d.swatch(lx, b.y, colGoodBg, "Every target met", keyBox)
	}
	pb := plotBox{b.x + 19, b.y + 9, b.w - 19 - 8, b.h - 9 - 12} // room right for the last tick's label
	xAt := func(v float64) float64 { return xa.at(v, pb.x, pb.right()) }
	yAt := func(v float64) float64 { return ya.at(v, pb.bottom(), pb.y) }

	// The zone where every set target is met, behind everything.
	set := len(data.rep.Targets)
	for i, pt := range fr.Points {
		if set > 0 && len(pt.TargetsMet) == set && i+1 < len(fr.Points) {
			d.fillRect(xAt(pt.Budget), pb.y, xAt(fr.Points[i+1].Budget)-xAt(pt.Budget), pb.h, colGoodBg)
		}
	}
	d.yGrid(pb, ya, func(v float64) string { return f.compactMoney(v, ysc, ya.decimals(ysc)) }, false, colMuted)
	d.font("", ptTiny)
	d.ink(colMuted)
	for _, t := range xa.ticks {
		x := xAt(t)
		d.line(x, pb.bottom(), x, pb.bottom()+1, 0.2, colFaint)
		d.text(x-12, pb.bottom()+1.5, 24, f.compactMoney(t, xsc, xa.decimals(xsc)), alignCenter)
	}
	d.text(pb.x, pb.bottom()+5.5, pb.w, "Marketing budget", alignCenter)

	var line []gofpdf.PointType
	for _, pt := range fr.Points {
		if pt.Contribution.Valid {
			line = append(line, gofpdf.PointType{X: xAt(pt.Budget), Y: yAt(pt.Contribution.Value)})
		}
	}
	d.polyline(line, 0.8, colNavy)

	for i, r := range fr.Reach {
		if !r.Budget.Valid {
			continue
		}
		x := xAt(r.Budget.Value)
		d.dashed(x, pb.y, x, pb.bottom(), 0.35, colAccent)
		d.font("B", ptTiny)
		d.ink(colAccent)
		label := capitalize(targetLabelLower(r.Target)) + " target: " + f.Money(r.Budget.Value)
		ly := pb.bottom() - 1 - float64(i+1)*d.lineH() // low, away from the curve's plateau
		if x+1+d.measure(label) > pb.right() {
			d.text(x-1-d.measure(label), ly, 0, label, alignLeft)
		} else {
			d.text(x+1, ly, 0, label, alignLeft)
		}
	}

	x, y := xAt(now.MarketingSpend), yAt(now.Contribution)
	d.dot(x, y, 1.3, colBad)
	d.font("B", ptSmall)
	d.ink(colBad)
	// Under the dot, centred: below the curve, clear of the targets' lines.
	label := "Today: " + f.Money(now.Contribution)
	d.text(x-d.measure(label)/2, y+2, 0, label, alignLeft)
}

// allMetZone reports whether some budget of the frontier meets every set target.
func allMetZone(data *reportData) bool {
	set := len(data.rep.Targets)
	for _, pt := range data.frontier.Points {
		if set > 0 && len(pt.TargetsMet) == set {
			return true
		}
	}
	return false
}
