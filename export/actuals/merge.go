package actuals

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"mixplan/planner"
)

// Options say how Merge places a file's months.
type Options struct {
	// Closed is the last closed month, 1…the plan's months; 0 keeps the
	// plan's (actuals.through). Rows of later months are refused.
	Closed int
	// Today decides which months are over: the current month and later
	// ones cannot be newly closed, and their rows are refused (months the
	// plan has already closed stay closed). The zero time is time.Now().
	Today time.Time
	// Mapping answers which id a name stands for.
	Mapping Mapping
}

// Change is one figure the import writes: an id's field in a closed month
// (1-based), with the value it replaces (nil when there was none).
type Change struct {
	Kind  Kind
	ID    string
	Field Field
	Month int
	Old   *float64
	New   float64
}

// Result is a plan with the files' actuals merged and what changed.
type Result struct {
	Plan    *planner.Plan
	Through int // the closed months after the import
	Changes []Change
	// Planned lists the channels whose spend of newly closed months the
	// files do not give: those months keep their planned spend (§2.3).
	Planned []string
}

// bucket gathers one id's field by closed month.
type bucket struct {
	kind  Kind
	id    string
	field Field
	value map[int]float64 // month (1-based) → value
}

// Merge returns a copy of plan with the tables' figures written into its
// actuals, or an *Error listing every problem: names that stand for no id
// (with the closest ids), rows of months outside the plan, not yet over or
// not closed, figures that would leave a closed month without a value.
//
// The figures of an id's field replace the plan's for the months the
// files give; each table covers the months from its first to its last
// row, and an id it names has 0 in the months of that range it has no rows
// for (ad platforms leave out days without activity). Names that stand for
// the same id add up. Closing more months than the plan had keeps the
// planned spend where no file gives one; any other recorded figure must
// be given for every closed month.
func Merge(plan *planner.Plan, tables []*Table, opts Options) (*Result, error) {
	ps := &problems{max: DefaultMaxProblems}
	start, hasStart := ParseMonth(plan.Start)
	if !hasStart {
		start = Month{}
	}
	old := 0
	if plan.Actuals != nil {
		old = plan.Actuals.Through
	}
	closed := opts.Closed
	if closed == 0 {
		closed = old
	}
	today := opts.Today
	if today.IsZero() {
		today = time.Now()
	}
	current := Month{today.Year(), int(today.Month())}
	monthOf := func(t int) Month { // the plan's month t (1-based)
		i := start.index() + t - 1
		return Month{i / 12, i%12 + 1}
	}
	switch {
	case !hasStart:
		ps.add(nil, CodeClosedRange, map[string]any{"Closed": "", "Start": "", "End": ""},
			"the plan has no start month: set it (e.g. 2027-01) so that dated rows can be placed")
	case closed == 0:
		ps.add(nil, CodeNoClosed, nil, "the plan has no closed month yet: say which month is the last closed one (--closed YYYY-MM)")
	case closed < 0 || closed > plan.Months:
		ps.add(nil, CodeClosedRange, map[string]any{"Closed": closed, "Start": plan.Start, "End": monthOf(plan.Months).String()},
			"the last closed month must be within the plan, %s to %s", plan.Start, monthOf(plan.Months))
	case closed > old && monthOf(closed).index() >= current.index():
		ps.add(nil, CodeClosedFuture, map[string]any{"Closed": monthOf(closed).String()},
			"%s is not over yet: it cannot be closed", monthOf(closed))
	case closed < old:
		ps.add(nil, CodeReopen, map[string]any{"Closed": monthOf(closed).String(), "Through": monthOf(old).String()},
			"the plan is closed through %s; closing through %s would drop the actuals of the months between", monthOf(old), monthOf(closed))
	}
	if len(ps.list) > 0 {
		return nil, ps.err()
	}

	var unmatched []Unmatched
	for _, u := range FindUnmatched(plan, tables, opts.Mapping) {
		unmatched = append(unmatched, u)
		ps.file = u.File
		ps.add(u.Lines, CodeUnknownName, map[string]any{"Name": u.Name, "Kind": u.Kind.String(), "Suggestions": strings.Join(first(u.Suggestions, 3), ", ")},
			"%q is no %s of the plan (closest: %s); map it to an id with a mapping file", u.Name, u.Kind, strings.Join(first(u.Suggestions, 3), ", "))
	}

	buckets := map[string]*bucket{}
	var order []string
	for _, t := range tables {
		ps.file = t.File
		cands := candidates(plan, t.Kind)
		// Rows outside the plan, not over or not closed, by month.
		type refusal struct {
			code  Code
			lines Lines
		}
		refusals := map[Month]*refusal{}
		var months []Month
		firstT, lastT := 0, 0
		named := map[string]bool{} // ids the table has rows for
		type answer struct {
			id       string
			skip, ok bool
		}
		answers := map[string]answer{}
		for _, e := range t.Entries {
			a, known := answers[e.Name]
			if !known {
				a.id, a.skip, a.ok = resolve(e.Name, cands, opts.Mapping)
				answers[e.Name] = a
			}
			id, skip, ok := a.id, a.skip, a.ok
			m := e.Month.index() - start.index() + 1
			var code Code
			switch {
			case m < 1:
				code = CodeBeforeStart
			case m > plan.Months:
				code = CodeAfterEnd
			case m > old && e.Month.index() >= current.index():
				code = CodeFuture // months the plan already closed are its own claim
			case m > closed:
				code = CodeNotClosed
			}
			if code != "" {
				r := refusals[e.Month]
				if r == nil {
					r = &refusal{code: code}
					refusals[e.Month] = r
					months = append(months, e.Month)
				}
				r.lines = r.lines.merge(e.Lines)
				continue
			}
			if firstT == 0 || m < firstT {
				firstT = m
			}
			lastT = max(lastT, m)
			if !ok || skip {
				continue
			}
			named[id] = true
			for _, f := range t.Fields {
				key := fmt.Sprint(t.Kind, "\x00", id, "\x00", f)
				b := buckets[key]
				if b == nil {
					b = &bucket{kind: t.Kind, id: id, field: f, value: map[int]float64{}}
					buckets[key] = b
					order = append(order, key)
				}
				b.value[m] += e.Values[f]
			}
		}
		sortMonths(months)
		for _, mo := range months {
			r := refusals[mo]
			data := map[string]any{"Month": mo.String(), "Start": plan.Start, "End": monthOf(plan.Months).String(), "Closed": monthOf(closed).String()}
			switch r.code {
			case CodeBeforeStart:
				ps.add(r.lines, r.code, data, "%s is before the plan's first month (%s)", mo, plan.Start)
			case CodeAfterEnd:
				ps.add(r.lines, r.code, data, "%s is after the plan's last month (%s)", mo, monthOf(plan.Months))
			case CodeFuture:
				ps.add(r.lines, r.code, data, "%s is not over yet", mo)
			default:
				ps.add(r.lines, r.code, data, "%s is not closed (the last closed month is %s): close it first or leave these rows out", mo, monthOf(closed))
			}
		}
		// An id the table names has 0 in the months of its range without rows.
		for _, key := range order {
			b := buckets[key]
			if b.kind != t.Kind || !hasField(t, b.field) || !named[b.id] {
				continue
			}
			for m := firstT; m >= 1 && m <= lastT; m++ {
				if _, ok := b.value[m]; !ok {
					b.value[m] = 0
				}
			}
		}
	}
	ps.file = ""
	if len(ps.list) > 0 {
		e := ps.err().(*Error)
		return nil, &Error{Problems: e.Problems, unmatched: unmatched}
	}
	return apply(plan, buckets, order, closed, monthOf, ps)
}

// apply writes the buckets into a copy of the plan's actuals.
func apply(plan *planner.Plan, buckets map[string]*bucket, order []string, closed int, monthOf func(int) Month, ps *problems) (*Result, error) {
	p := plan.Clone()
	if p.Actuals == nil {
		p.Actuals = &planner.Actuals{Credibility: planner.DefaultCredibility}
	}
	a := p.Actuals
	if a.Promotions == nil {
		a.Promotions = map[string]planner.PromotionActuals{}
	}
	if a.Products == nil {
		a.Products = map[string]planner.ProductActuals{}
	}
	res := &Result{Plan: p, Through: closed}
	given := map[string]map[int]float64{}
	for _, key := range order {
		b := buckets[key]
		given[b.kind.String()+"\x00"+b.id+"\x00"+b.field.String()] = b.value
	}
	for _, pr := range p.Promotions {
		pa := a.Promotions[pr.ID]
		planned := plannedSpend(pr, p.Months)
		for _, f := range []Field{Spend, Impressions, Clicks, Conversions, LiftUnits} {
			list := promotionList(&pa, f)
			values := given[Channels.String()+"\x00"+pr.ID+"\x00"+f.String()]
			fill := func(t int) (float64, bool) {
				if f == Spend {
					if !containsPlanned(res.Planned, pr.ID) {
						res.Planned = append(res.Planned, pr.ID)
					}
					return planned[t-1], true
				}
				return 0, false
			}
			*list = mergeList(ps, Channels, pr.ID, f, *list, values, a.Through, closed, fill, monthOf, &res.Changes)
		}
		if !emptyPromotion(pa) {
			a.Promotions[pr.ID] = pa
		}
	}
	for _, pd := range p.Products {
		pa := a.Products[pd.ID]
		for _, f := range []Field{Units, Revenue} {
			list := &pa.Units
			if f == Revenue {
				list = &pa.NetRevenue
			}
			values := given[Products.String()+"\x00"+pd.ID+"\x00"+f.String()]
			*list = mergeList(ps, Products, pd.ID, f, *list, values, a.Through, closed, func(int) (float64, bool) { return 0, false }, monthOf, &res.Changes)
		}
		if pa.Units != nil || pa.NetRevenue != nil {
			a.Products[pd.ID] = pa
		}
	}
	if len(a.Promotions) == 0 {
		a.Promotions = nil
	}
	if len(a.Products) == 0 {
		a.Products = nil
	}
	a.Through = closed
	if err := ps.err(); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		var v *planner.ValidationError
		if errors.As(err, &v) {
			for _, pr := range v.Problems {
				ps.add(nil, CodeInvalidPlan, map[string]any{"Detail": pr.String()}, "%s", pr.String())
			}
			return nil, ps.err()
		}
		return nil, err
	}
	return res, nil
}

// mergeList returns a field's new list for months 1…closed: the values
// given, else the old list's, else fill's (planned spend); nil when
// nothing is recorded. A month with no value is a problem.
func mergeList(ps *problems, k Kind, id string, f Field, old []float64, given map[int]float64, oldThrough, closed int,
	fill func(int) (float64, bool), monthOf func(int) Month, changes *[]Change) []float64 {
	if old == nil && len(given) == 0 {
		return nil
	}
	out := make([]float64, closed)
	var missing []string
	for t := 1; t <= closed; t++ {
		var prev *float64
		if t <= len(old) && t <= oldThrough {
			v := old[t-1]
			prev = &v
		}
		switch v, ok := given[t]; {
		case ok:
			out[t-1] = v
			if prev == nil || *prev != v {
				*changes = append(*changes, Change{Kind: k, ID: id, Field: f, Month: t, Old: prev, New: v})
			}
		case prev != nil:
			out[t-1] = *prev
		default:
			v, ok := fill(t)
			if !ok {
				missing = append(missing, monthOf(t).String())
				continue
			}
			out[t-1] = v
		}
	}
	if len(missing) > 0 {
		ps.add(nil, CodeMissing, map[string]any{"ID": id, "Field": f.String(), "Months": strings.Join(missing, ", ")},
			"%s %q has %s for some closed months but none for %s: import those months too (several files at once), or close fewer months",
			k, id, f, strings.Join(missing, ", "))
	}
	return out
}

func promotionList(pa *planner.PromotionActuals, f Field) *[]float64 {
	switch f {
	case Impressions:
		return &pa.Impressions
	case Clicks:
		return &pa.Clicks
	case Conversions:
		return &pa.Conversions
	case LiftUnits:
		return &pa.LiftUnits
	}
	return &pa.Spend
}

func emptyPromotion(pa planner.PromotionActuals) bool {
	return pa.Spend == nil && pa.LiftUnits == nil && pa.Impressions == nil && pa.Clicks == nil && pa.Conversions == nil && pa.Committed == 0
}

// plannedSpend is the channel's planned spend_ct: its spend spread by its
// flighting (flat when absent or all 0).
func plannedSpend(pr planner.Promotion, n int) []float64 {
	out := make([]float64, n)
	sum := 0.0
	for t := 0; t < n && t < len(pr.Flighting); t++ {
		sum += pr.Flighting[t]
	}
	for t := range out {
		if sum > 0 && len(pr.Flighting) == n {
			out[t] = pr.Spend * pr.Flighting[t] / sum
		} else {
			out[t] = pr.Spend / float64(n)
		}
	}
	return out
}

func containsPlanned(list []string, id string) bool {
	for _, x := range list {
		if x == id {
			return true
		}
	}
	return false
}

func hasField(t *Table, f Field) bool {
	for _, x := range t.Fields {
		if x == f {
			return true
		}
	}
	return false
}

func sortMonths(ms []Month) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].index() < ms[j-1].index(); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func first(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
