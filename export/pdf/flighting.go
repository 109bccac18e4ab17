package pdf

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// When to spend: the optimiser with free flighting chooses every channel's
// spend month by month. When that beats the recommended budget with the
// plan's own calendar by more than freeGainShare of contribution, the report
// says so, with the figure, and shows the months it proposes.

// freeGainShare is the gain, as a share of the fixed-flighting optimum's
// contribution, above which choosing the months is worth a page.
const freeGainShare = 0.01

// solveLimit bounds each optimiser run the report makes, a safety net
// behind maxSolvedCells.
const solveLimit = 3 * time.Second

// maxSolvedCells is the most channel-months for which the report solves
// free flighting and the frontier: past it (a 30-channel, 24-month plan)
// those pages are left out, by the plan's size rather than by the clock,
// so the same plan always gives the same report, and quickly.
const maxSolvedCells = 400

// solvable reports whether the report solves the extra optimisations for p.
func solvable(p *planner.Plan) bool { return len(p.Promotions)*p.Months <= maxSolvedCells }

// freeFlighting is the optimiser's calendar.
type freeFlighting struct {
	opt  *planner.Optimization
	gain float64 // contribution over the fixed-flighting recommendation's
}

// proposeMonths runs the optimiser with free flighting and keeps its answer
// when it gains more than freeGainShare over the recommendation.
func proposeMonths(p *planner.Plan, sc planner.Scenario, rec *recommendation) *freeFlighting {
	if rec == nil || !solvable(p) {
		return nil
	}
	o, err := planner.Optimize(context.Background(), p, planner.OptimizeRequest{
		Scenario: sc.ID, Mode: planner.ModeContribution, Flighting: planner.FlightingFree, TimeLimit: solveLimit,
	})
	var unproven *planner.UnprovenError
	if err != nil && !errors.As(err, &unproven) {
		return nil
	}
	base := rec.after.Totals.Contribution
	gain := o.After.Contribution - base
	if gain <= freeGainShare*math.Abs(base) {
		return nil
	}
	return &freeFlighting{opt: o, gain: gain}
}

// replanRest asks the optimiser for the open months' spends (§3.1, "Rest of
// the year"), within the same size limit as the other extra solves.
func replanRest(p *planner.Plan, sc planner.Scenario) *planner.Optimization {
	if !solvable(p) {
		return nil
	}
	o, err := planner.Optimize(context.Background(), p, planner.OptimizeRequest{
		Scenario: sc.ID, Mode: planner.ModeContribution, RestOfYear: true, TimeLimit: solveLimit,
	})
	var unproven *planner.UnprovenError
	if err != nil && !errors.As(err, &unproven) {
		return nil
	}
	return o
}

// whenSentence says how much choosing the months adds; "" when it adds
// less than freeGainShare.
func (data *reportData) whenSentence() string {
	if data.free == nil {
		return ""
	}
	f, fr := data.fig, data.free
	base := data.rec.after.Totals.Contribution
	return fmt.Sprintf("Choosing the months as well adds %s of contribution (%s) for the same %s of promotion",
		f.Money(fr.gain), numfmt.Signed(fr.gain, f.Percent(fr.gain/math.Abs(base))), f.Money(fr.opt.After.Promotion))
}

// calendarWords says in a few words when a channel spends: "every month,
// evenly", "Jan, Feb only", or the months that hold half its spend.
func calendarWords(spend []float64, months []planner.MonthResult) string {
	total, lo, hi := 0.0, math.Inf(1), 0.0
	var active []int
	idx := make([]int, len(spend))
	for i, s := range spend {
		total += s
		idx[i] = i
		if s > 0 {
			active = append(active, i)
			lo, hi = math.Min(lo, s), math.Max(hi, s)
		}
	}
	names := func(ix []int) string {
		var out []string
		for _, i := range ix {
			out = append(out, monthShort(months[i].Month))
		}
		return strings.Join(out, ", ")
	}
	switch {
	case total <= 0:
		return "nothing"
	case len(active) == len(spend) && hi <= lo*1.05:
		return "every month, evenly"
	case hi <= lo*1.05 && len(active) <= 4:
		return names(active) + " only"
	}
	if words, ok := steadyWords(spend, active, names); ok {
		return words
	}
	sort.SliceStable(idx, func(a, b int) bool { return spend[idx[a]] > spend[idx[b]] })
	run, n := 0.0, 0
	for run < total/2 {
		run += spend[idx[n]]
		n++
	}
	top := idx[:n]
	sort.Ints(top)
	return "half in " + names(top)
}

// steadyWords describes a channel that spends one level in most of its
// months, over one stretch of them: "Jan–Nov, steady; more in Jan, less in
// Nov". Naming the months that hold half its spend would pick an arbitrary
// few among equal ones. ok is false unless one level holds two thirds of
// the active months (at least three, one stretch of them) and half the
// spend: a season's peak is better said by "half in".
func steadyWords(spend []float64, active []int, names func([]int) string) (string, bool) {
	if len(active) < 3 || active[len(active)-1]-active[0] != len(active)-1 {
		return "", false
	}
	levels := make([]float64, len(active))
	for i, m := range active {
		levels[i] = spend[m]
	}
	sort.Float64s(levels)
	level := levels[len(levels)/2]
	var more, less []int
	steady, total := 0.0, 0.0
	for _, m := range active {
		total += spend[m]
		switch {
		case spend[m] > level*1.05:
			more = append(more, m)
		case spend[m] < level/1.05:
			less = append(less, m)
		default:
			steady += spend[m]
		}
	}
	if 3*(len(active)-len(more)-len(less)) < 2*len(active) || steady < total/2 {
		return "", false
	}
	words := names(active[:1]) + "–" + names(active[len(active)-1:]) + ", steady"
	if len(active) == len(spend) {
		words = "every month, steady"
	}
	var odd []string
	if len(more) > 0 {
		odd = append(odd, "more in "+names(more))
	}
	if len(less) > 0 {
		odd = append(odd, "less in "+names(less))
	}
	if len(odd) > 0 {
		words += "; " + strings.Join(odd, ", ")
	}
	return words, true
}

// whenPage draws the months × channels grid of the optimiser's calendar.
func (d *doc) whenPage(data *reportData) {
	if data.free == nil {
		return
	}
	f, o := data.fig, data.free.opt
	months := data.rep.Monthly
	const name = "When to spend"
	y := d.section(name, data.whenSentence())
	d.font("", ptSmall)
	d.ink(colMuted)
	y += d.paragraph(d.left, y, d.width(), fmt.Sprintf(
		"The optimiser with free flighting chooses every channel’s spend in every month (within its bounds, monthly caps and groups); the recommended budget keeps today’s calendar and brings %s. Each cell is the proposed spend, darker where more is spent; the last column says when the channel spends.",
		f.Money(data.rec.after.Totals.Contribution)), alignLeft, 3) + 2

	maxSpend := 0.0
	for _, a := range o.Allocation {
		for _, s := range a.MonthlySpend {
			maxSpend = math.Max(maxSpend, s)
		}
	}
	n := len(months)
	t := &table{
		cols: []column{{"Channel", 44, alignLeft}},
		pt:   ptTiny,
		more: func() float64 { return d.continued(name) },
	}
	monthW := (d.width() - 44 - 24 - 36) / float64(n)
	for _, m := range months {
		t.cols = append(t.cols, column{monthShort(m.Month), monthW, alignRight})
	}
	t.cols = append(t.cols, column{"Year", 24, alignRight}, column{"When", 0, alignLeft})
	cell := func(s float64) string {
		if s < 0.5 {
			return "–"
		}
		return f.Money(s)
	}
	for c, a := range o.Allocation {
		cells := []string{data.plan.Promotions[c].Name}
		for _, s := range a.MonthlySpend {
			cells = append(cells, cell(s))
		}
		cells = append(cells, f.Money(a.Spend), calendarWords(a.MonthlySpend, months))
		spend := a.MonthlySpend
		t.rows = append(t.rows, row{
			cells: cells,
			draw: func(d *doc, col int, x, y, w, h float64) bool {
				if col < 1 || col > n {
					return false
				}
				s := spend[col-1]
				if s > 0 && maxSpend > 0 {
					bg := shade(colAccent, 0.92-0.8*s/maxSpend)
					d.fillRect(x+0.2, y+0.2, w-0.4, h-0.4, bg)
					d.ink(inkOn(bg))
				} else {
					d.ink(colFaint)
				}
				d.font("", ptTiny)
				d.text(x+cellPadX, y+cellPadY, w-2*cellPadX, cell(s), alignRight)
				return true
			},
		})
	}
	t.draw(d, y)
}
