package ui

import (
	"context"
	"math"

	"fyne.io/fyne/v2/lang"

	"mixplan/planner"
)

// compareMetric is one row of the scenario comparison: a key total, which
// way is better, and how it is written.
type compareMetric struct {
	name   string
	higher bool // a higher value is better
	value  func(r *planner.Report) planner.Maybe
	format func(f Fmt, m planner.Maybe) string
}

// compareMetrics are the rows of the comparison, in order. A lower spend,
// CAC and payback month are better; a payback that never comes and a ratio
// over zero have no value and are never best.
func compareMetrics() []compareMetric {
	money := func(f Fmt, m planner.Maybe) string { return f.Maybe(m, f.Money) }
	pct := func(f Fmt, m planner.Maybe) string { return f.Maybe(m, f.Percent) }
	return []compareMetric{
		{lang.L("Net revenue"), true, func(r *planner.Report) planner.Maybe { return planner.Some(r.Totals.NetRevenue) }, money},
		{lang.L("Gross margin %"), true, func(r *planner.Report) planner.Maybe { return r.Totals.GrossMarginPct }, pct},
		{lang.L("Contribution"), true, func(r *planner.Report) planner.Maybe { return planner.Some(r.Totals.Contribution) }, money},
		{lang.L("Marketing spend"), false, func(r *planner.Report) planner.Maybe { return planner.Some(r.Totals.MarketingSpend) }, money},
		{lang.L("ROMI"), true, func(r *planner.Report) planner.Maybe { return r.Totals.ROMI }, pct},
		{lang.L("CAC"), false, func(r *planner.Report) planner.Maybe { return r.Totals.CAC },
			func(f Fmt, m planner.Maybe) string { return f.Maybe(m, f.UnitMoney) }},
		{lang.L("Payback"), false, func(r *planner.Report) planner.Maybe { return r.Totals.PaybackMonth },
			func(f Fmt, m planner.Maybe) string {
				if !m.Valid {
					return lang.L("Not paid back")
				}
				return lang.L("Month {{.N}}", map[string]any{"N": int(m.Value)})
			}},
		{lang.L("Targets met"), true, func(r *planner.Report) planner.Maybe {
			met, set := r.MetCount()
			if set == 0 {
				return planner.None
			}
			return planner.Some(float64(met))
		}, nil}, // written with the number of targets set: see comparison.text
	}
}

// comparison is the key totals of the base plan and of every scenario, for
// one plan: column 0 is the base plan, column i the plan's scenario i-1.
type comparison struct {
	plan    *planner.Plan
	ids     []string
	names   []string
	metrics []compareMetric
	values  [][]planner.Maybe // [metric][column]
	best    [][]bool          // [metric][column]: the best value of the row
	set     int               // targets set (the same in every column)
}

// compareScenarios evaluates p under the base plan (named base) and every
// scenario, for the metrics given. It stops with ctx's error when cancelled:
// on the large plan each column takes a few milliseconds, so the screen runs
// it in the background, with the words it needs looked up beforehand (lang
// is not safe to use off the UI goroutine while the language changes).
func compareScenarios(ctx context.Context, p *planner.Plan, metrics []compareMetric, base string) (*comparison, error) {
	c := &comparison{plan: p, metrics: metrics}
	c.ids = append(c.ids, planner.BaseScenario)
	c.names = append(c.names, base)
	for _, sc := range p.Scenarios {
		c.ids, c.names = append(c.ids, sc.ID), append(c.names, sc.Name)
	}
	c.values = make([][]planner.Maybe, len(c.metrics))
	for i := range c.values {
		c.values[i] = make([]planner.Maybe, len(c.ids))
	}
	for col, id := range c.ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r, err := planner.Evaluate(p, id)
		if err != nil {
			return nil, err
		}
		_, c.set = r.MetCount()
		for i, m := range c.metrics {
			c.values[i][col] = m.value(r)
		}
	}
	c.best = make([][]bool, len(c.metrics))
	for i, m := range c.metrics {
		c.best[i] = bestOf(c.values[i], m.higher)
	}
	return c, nil
}

// bestOf marks the best of values (every one tied for best). Nothing is
// marked when fewer than two values are defined or all of them are equal:
// a row where every column is the same has no best.
func bestOf(values []planner.Maybe, higher bool) []bool {
	marks := make([]bool, len(values))
	lo, hi, n := math.Inf(1), math.Inf(-1), 0
	for _, v := range values {
		if v.Valid {
			lo, hi, n = math.Min(lo, v.Value), math.Max(hi, v.Value), n+1
		}
	}
	tol := 1e-9 * math.Max(math.Abs(lo), math.Abs(hi))
	if n < 2 || hi-lo <= tol {
		return marks
	}
	best := lo
	if higher {
		best = hi
	}
	for i, v := range values {
		marks[i] = v.Valid && math.Abs(v.Value-best) <= tol
	}
	return marks
}

// text writes the value of metric i in column col.
func (c *comparison) text(f Fmt, i, col int) string {
	v := c.values[i][col]
	if c.metrics[i].format != nil {
		return c.metrics[i].format(f, v)
	}
	if !v.Valid {
		return lang.L("No targets set")
	}
	return lang.L("{{.Met}} of {{.Set}}", map[string]any{"Met": int(v.Value), "Set": c.set})
}
