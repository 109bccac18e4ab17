package pdf

import (
	"fmt"
	"math"
	"sort"

	"github.com/jung-kurt/gofpdf"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// The "Where we stand" page, for a plan with closed months (planner.Track,
// docs/model.md §2.3): each target against the plan and the latest estimate,
// the months planned and as they happened or are now estimated, and the
// channels and products that under- or over-deliver, in words.

// standingTitle is the page's one sentence.
func (data *reportData) standingTitle() string {
	tk, f := data.track, data.fig
	d := tk.LatestEstimate.Contribution - tk.Plan.Contribution
	dir := "above"
	if d < 0 {
		dir = "below"
	}
	s := fmt.Sprintf("After %d of %d months, contribution is estimated at %s for the year, %s (%s) %s plan",
		tk.Through, tk.Months, f.Money(tk.LatestEstimate.Contribution), f.Money(math.Abs(d)), f.Percent(math.Abs(ratio(d, tk.Plan.Contribution))), dir)
	if len(tk.Targets) > 0 {
		met := 0
		for _, t := range tk.Targets {
			if t.MetLatestEstimate {
				met++
			}
		}
		s += fmt.Sprintf("; %d of %d targets in reach", met, len(tk.Targets))
	}
	return s
}

// ratio is a/b, 0 when b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// variance is one statement of what moved, with the money it weighs so the
// largest come first.
type variance struct {
	text   string
	weight float64
}

// varianceSentences says which channels and products under- or over-deliver
// to date and how their curves were re-fitted, the largest first.
func (data *reportData) varianceSentences() []string {
	tk, f, p := data.track, data.fig, data.plan
	pct := func(x float64) string { return numfmt.Percent(math.Abs(x), f.Locale, 0) }
	var out []variance
	for c, ch := range tk.Promotions {
		name := p.Promotions[c].Name
		if ch.MeasuredLiftToDate.Valid && ch.PlanLiftToDate > 0 {
			r := ch.MeasuredLiftToDate.Value/ch.PlanLiftToDate - 1
			if math.Abs(r) >= 0.005 {
				more := "more"
				if r < 0 {
					more = "fewer"
				}
				s := fmt.Sprintf("%s brought %s extra units than planned to date (%s against %s)",
					name, bold(pct(r)+" "+more), f.Units(ch.MeasuredLiftToDate.Value), f.Units(ch.PlanLiftToDate))
				cal := tk.Calibration.Promotions[c]
				if m := p.Promotions[c].Response.MaxUnits; m > 0 && cal.MaxUnits != m {
					way := "raised"
					if cal.MaxUnits < m {
						way = "lowered"
					}
					s += fmt.Sprintf("; its curve was %s by %s", way, bold(pct(cal.MaxUnits/m-1)))
				}
				out = append(out, variance{s + ".", math.Abs(r) * ch.PlanSpendToDate})
			}
		}
		if d := ch.ActualSpendToDate - ch.PlanSpendToDate; math.Abs(d) >= 1 && math.Abs(ratio(d, ch.PlanSpendToDate)) >= 0.01 {
			more := "more"
			if d < 0 {
				more = "less"
			}
			out = append(out, variance{fmt.Sprintf("%s spent %s than planned to date (%s against %s).",
				name, bold(f.Money(math.Abs(d))+" "+more), f.Money(ch.ActualSpendToDate), f.Money(ch.PlanSpendToDate)), math.Abs(d)})
		}
	}
	for i, pr := range tk.Products {
		if !pr.ActualUnitsToDate.Valid || pr.PlanUnitsToDate <= 0 {
			continue
		}
		r := pr.ActualUnitsToDate.Value/pr.PlanUnitsToDate - 1
		if math.Abs(r) < 0.005 {
			continue
		}
		more := "more"
		if r < 0 {
			more = "fewer"
		}
		s := fmt.Sprintf("%s sold %s units than planned to date (%s against %s)",
			p.Products[i].Name, bold(pct(r)+" "+more), f.Units(pr.ActualUnitsToDate.Value), f.Units(pr.PlanUnitsToDate))
		cal := tk.Calibration.Products[i]
		if b := p.Products[i].BaseVolume; b > 0 && cal.BaseVolume != b {
			way := "raised"
			if cal.BaseVolume < b {
				way = "lowered"
			}
			s += fmt.Sprintf("; its base volume was %s by %s", way, bold(pct(cal.BaseVolume/b-1)))
		}
		out = append(out, variance{s + ".", math.Abs(pr.ActualNetRevenueToDate.Value - pr.PlanNetRevenueToDate)})
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].weight > out[b].weight })
	texts := make([]string, 0, len(out))
	for _, v := range out {
		texts = append(texts, v.text)
	}
	if len(texts) == 0 {
		texts = append(texts, "Every recorded channel and product is on plan to date.")
	}
	return texts
}

// replanSentence says what re-planning the open months would do
// (planner.Optimize with RestOfYear, the latest estimate's curves); "" when
// the optimiser cannot answer.
func (data *reportData) replanSentence() string {
	o := data.replan
	if o == nil {
		return ""
	}
	f, tk := data.fig, data.track
	gain := o.After.Contribution - o.Before.Contribution
	if math.Abs(gain) < 0.5 {
		return fmt.Sprintf("Re-planning the %d open months would not change the latest estimate: its spends are already the best the optimiser finds.", tk.Months-tk.Through)
	}
	return fmt.Sprintf("Re-planning the %d open months with the re-fitted curves lifts the latest estimate of contribution from %s to %s (%s), with %s of promotion for the year instead of %s.",
		tk.Months-tk.Through, bold(f.Money(o.Before.Contribution)), bold(f.Money(o.After.Contribution)), numfmt.Signed(gain, f.Money(gain)),
		f.Money(o.After.Promotion), f.Money(o.Before.Promotion))
}

// standingPage draws the page when the plan has closed months.
func (d *doc) standingPage(data *reportData) {
	if data.track == nil {
		return
	}
	tk := data.track
	y := d.section("Where we stand", data.standingTitle())
	w := (d.width() - gutter) / 2

	// Left: the targets, then what moved.
	d.font("", ptSmall)
	d.ink(colMuted)
	y0 := y
	y += d.paragraph(d.left, y, w, fmt.Sprintf(
		"The latest estimate is the year as it now looks: the %d closed months as they happened, the open ones with the curves re-fitted to them (the evidence weighs %s against the plan’s assumptions).",
		tk.Through, data.fig.Percent(tk.Weight)), alignLeft, 3) + 2
	y = d.standingTargets(data, d.left, y, w) + 4
	d.font("B", ptBody+0.5)
	d.ink(colInk)
	y += d.paragraph(d.left, y, w, "What moved, largest first", alignLeft, 1) + 1
	d.font("", ptBody)
	sentences := data.varianceSentences()
	if r := data.replanSentence(); r != "" {
		sentences = append(sentences, r)
	}
	for _, s := range sentences {
		h := d.richHeight(w-4, s)
		if y+h > d.bottom {
			break
		}
		d.fillRect(d.left, y+d.lineH()/2-0.6, 1.2, 1.2, colAccent)
		d.font("", ptBody)
		y += d.rich(d.left+4, y, w-4, s, colInk) + 1.5
	}

	// Right: the months.
	d.standingChart(data, plotBox{d.left + w + gutter, y0, w, d.bottom - y0})
}

// standingTargets draws each target against the plan and the latest estimate.
func (d *doc) standingTargets(data *reportData, x, y, w float64) float64 {
	tk, f := data.track, data.fig
	if len(tk.Targets) == 0 {
		return y
	}
	t := &table{cols: []column{
		{"Target", 0, alignLeft}, {"Goal", 22, alignRight}, {"Plan", 32, alignRight}, {"Latest estimate", 32, alignRight},
	}}
	word := func(met bool) string {
		if met {
			return "met"
		}
		return "missed"
	}
	inkOf := func(met bool) rgb {
		if met {
			return colGood
		}
		return colBad
	}
	for _, tt := range tk.Targets {
		tg, _ := planner.TargetByName(tt.Name)
		val := func(m planner.Maybe, met bool) string {
			return m.Format(func(v float64) string { return f.Value(tg.Unit, v) }) + " " + word(met)
		}
		t.rows = append(t.rows, row{
			cells: []string{tg.Label, f.Value(tg.Unit, tt.Target), val(tt.Plan, tt.MetPlan), val(tt.LatestEstimate, tt.MetLatestEstimate)},
			ink:   []rgb{{}, {}, inkOf(tt.MetPlan), inkOf(tt.MetLatestEstimate)},
		})
	}
	return t.drawAt(d, x, y, w)
}

// standingChart draws each month's contribution, planned (pale) beside the
// latest estimate (closed months dark, open ones light), and both
// cumulative lines.
func (d *doc) standingChart(data *reportData, b plotBox) {
	tk, f := data.track, data.fig
	y := d.chartHeading(b.x, b.y, b.w, "Contribution by month: plan and latest estimate",
		fmt.Sprintf("Bars: each month, planned and as it happened (closed) or is now estimated. Lines: cumulative. Months 1–%d are closed.", tk.Through))
	lo, hi, clo, chi := 0.0, 0.0, 0.0, 0.0
	cumPlan := make([]float64, len(tk.Monthly))
	run := 0.0
	for i, m := range tk.Monthly {
		run += m.Plan.Contribution
		cumPlan[i] = run
		for _, v := range []float64{m.Plan.Contribution, m.LatestEstimate.Contribution} {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
		for _, v := range []float64{run, m.LatestEstimate.CumulativeContribution} {
			clo, chi = math.Min(clo, v), math.Max(chi, v)
		}
	}
	lx := b.x
	lx = d.swatch(lx, y, colRule, "Plan", keyBox)
	lx = d.swatch(lx, y, colNavy, "Actual (closed)", keyBox)
	lx = d.swatch(lx, y, shade(colAccent, 0.45), "Estimate (open)", keyBox)
	lx = d.swatch(lx, y, colNavy, "Cumulative estimate", keyLine)
	d.swatch(lx, y, colFaint, "Cumulative plan", keyDash)
	y += 7

	left, right := alignZeros(niceAxis(lo, hi, 5), niceAxis(clo, chi, 5))
	lsc, rsc := scaleFor(left.maxAbs()), scaleFor(right.maxAbs())
	pb := plotBox{b.x + 17, y + 2, b.w - 17 - 17, b.bottom() - y - 2 - 6}
	d.yGrid(pb, left, func(v float64) string { return f.compactMoney(v, lsc, left.decimals(lsc)) }, false, colMuted)
	d.yGrid(pb, right, func(v float64) string { return f.compactMoney(v, rsc, right.decimals(rsc)) }, true, colNavy)
	n := len(tk.Monthly)
	slot := pb.w / float64(n)
	bw := slot * 0.36
	zero := left.at(0, pb.bottom(), pb.y)
	var est, plan []gofpdf.PointType
	months := make([]planner.MonthResult, n)
	for i, m := range tk.Monthly {
		months[i].Month = m.Month
		x := pb.x + slot*float64(i) + slot/2
		d.fillRect(x-bw, zero, bw, left.at(m.Plan.Contribution, pb.bottom(), pb.y)-zero, colRule)
		c := colNavy
		if !m.Closed {
			c = shade(colAccent, 0.45)
		}
		d.fillRect(x, zero, bw, left.at(m.LatestEstimate.Contribution, pb.bottom(), pb.y)-zero, c)
		est = append(est, gofpdf.PointType{X: x, Y: right.at(m.LatestEstimate.CumulativeContribution, pb.bottom(), pb.y)})
		plan = append(plan, gofpdf.PointType{X: x, Y: right.at(cumPlan[i], pb.bottom(), pb.y)})
	}
	d.pdf.SetDashPattern([]float64{1.2, 0.9}, 0)
	d.polyline(plan, 0.4, colFaint)
	d.pdf.SetDashPattern(nil, 0)
	d.polyline(est, 0.7, colNavy)
	closeX := pb.x + slot*float64(tk.Through)
	d.dashed(closeX, pb.y-2, closeX, pb.bottom(), 0.3, colAccent)
	d.monthTicks(months, pb)
}
