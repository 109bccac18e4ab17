package planner

import (
	"math"

	"mixplan/planner/internal/alloc"
)

// The promotion budget problem of docs/model.md §3.1 posed for the exact
// solver (planner/internal/alloc, whose package comment gives the
// mathematics). Month t of channel c answers its pressure x_t with the
// curve a_c ρ_t (M/n) φ_k(x_t / (H/n)), a_c the value of a unit of lift in
// the mode (v_c, rv_c or upl_c); the pressure is a linear function of the
// spends the solver chooses:
//
//   - fixed flighting: one variable per channel, its (open) spend R_c, with
//     spend_t = f_t R_c, so x_t = (1−λ) Σ_{u≤t} λ^(t−u) f_u R_c;
//   - free flighting: one variable per open month, x_t = (1−λ) Σ_{u≤t} λ^(t−u) s_u.
//
// Closed months (the rest of the year) are constants: their lift and spend
// go to the objective's constant, their pressure is carried into the open
// months, and the channels' bounds, the groups and the budget are shifted
// by their spends, so that those constraints hold on the year's totals.

// poseInput is what a posed problem is built from.
type poseInput struct {
	models []*Model // one, or one per draw of the expected objective
	mode   string
	free   bool
	budget float64 // B; +Inf when none
	closed [][]float64
	// committed is each channel's spend already committed for the open
	// months: its open spend may not go below it. nil when none.
	committed []float64
}

// posed is a problem ready for the solver, and what it takes to read the
// answer back as monthly spends.
type posed struct {
	prob        *alloc.Problem
	n, closedT  int
	free        bool
	closed      [][]float64 // per channel, the closed months' spends (nil outside the rest of the year)
	openFlight  [][]float64 // fixed flighting: each channel's f_t over the open months (sums to 1)
	closedTotal []float64
	closedAll   float64
	budget      float64 // what the rows let the open months spend: B − Σ closed; +Inf when none
	labels      []rowLabel
	losses      []loss
}

// valuePerLift is a_c: what a unit of channel c's lift is worth in the mode.
func valuePerLift(ch *Channel, mode string) float64 {
	switch mode {
	case ModeRevenue:
		return ch.RevenuePerLift
	case ModeUnits:
		return ch.UnitsPerLift
	}
	return ch.Value
}

// openFlighting is the channel's flighting over the open months t ≥ T,
// normalised to sum 1 there, flat where it is all 0 (§3.1).
func openFlighting(ch *Channel, T int) []float64 {
	n := len(ch.Flighting)
	f := make([]float64, n)
	total := 0.0
	for t := T; t < n; t++ {
		total += ch.Flighting[t]
	}
	for t := T; t < n; t++ {
		if total > 0 {
			f[t] = ch.Flighting[t] / total
		} else {
			f[t] = 1 / float64(n-T)
		}
	}
	return f
}

// pose builds the solver's problem.
func pose(in poseInput) *posed {
	m0 := in.models[0]
	n, nC := m0.Plan.Months, len(m0.Channels)
	T := 0
	if in.closed != nil {
		T = len(in.closed[0])
	}
	q := &posed{n: n, closedT: T, free: in.free, closed: in.closed, openFlight: make([][]float64, nC),
		closedTotal: make([]float64, nC), prob: &alloc.Problem{Channels: make([]alloc.Channel, nC)}}
	if in.mode == ModeContribution {
		q.prob.Kappa = 1
	}
	weight := 1 / float64(len(in.models))
	for c := range m0.Channels {
		ch := &m0.Channels[c]
		if in.closed != nil {
			q.closedTotal[c] = sum(in.closed[c])
		}
		q.closedAll += q.closedTotal[c]
		q.prob.Constant -= q.prob.Kappa * q.closedTotal[c]
		out := &q.prob.Channels[c]
		out.Min = math.Max(0, ch.Min-q.closedTotal[c])
		if in.committed != nil {
			out.Min = math.Max(out.Min, in.committed[c])
		}
		out.Max = ch.Max - q.closedTotal[c]
		if in.free {
			out.Dim = n - T
			if !math.IsInf(ch.MaxPerMonth, 1) {
				out.Hi = make([]float64, out.Dim)
				for j := range out.Hi {
					out.Hi[j] = ch.MaxPerMonth
				}
			}
		} else {
			out.Dim = 1
			q.openFlight[c] = openFlighting(ch, T)
			if !math.IsInf(ch.MaxPerMonth, 1) {
				top := 0.0
				for _, f := range q.openFlight[c] {
					top = math.Max(top, f)
				}
				out.Hi = []float64{ch.MaxPerMonth / top}
			}
		}
		for _, m := range in.models {
			k := q.addTerms(out, &m.Channels[c], valuePerLift(&m.Channels[c], in.mode)*weight, c)
			q.prob.Constant += k
		}
	}
	q.budget = in.budget - q.closedAll
	q.addRows(m0, in.budget)
	return q
}

// addTerms adds one month's curve per open month of channel ch (one
// model's: the plan's, or one draw's) to out, each weighted by a (the value
// of its lift in the mode, over the draws' count), and returns the value of
// the closed months' lift, a constant.
func (q *posed) addTerms(out *alloc.Channel, ch *Channel, a float64, c int) float64 {
	n, T := q.n, q.closedT
	lam, half, monthMax := ch.Carryover, ch.MonthHalfSpend(), ch.MonthMaxUnits()
	constant, carried := 0.0, 0.0
	for t := 0; t < T; t++ {
		carried = lam*carried + (1-lam)*q.closed[c][t]
		constant += a * ch.Responsiveness[t] * monthMax * saturation(carried, half, ch.Shape)
	}
	if a == 0 || monthMax == 0 {
		return constant
	}
	for t := T; t < n; t++ {
		w := a * ch.Responsiveness[t] * monthMax
		if w == 0 {
			continue
		}
		tm := alloc.Term{Weight: w, Half: half, Shape: ch.Shape, Offset: math.Pow(lam, float64(t-T+1)) * carried,
			Coef: make([]float64, out.Dim)}
		for u := T; u <= t; u++ {
			k := (1 - lam) * math.Pow(lam, float64(t-u))
			if q.free {
				tm.Coef[u-T] = k
			} else {
				tm.Coef[0] += k * q.openFlight[c][u]
			}
		}
		if w < 0 {
			// A lift that loses money (v_c < 0: the channel's products sell
			// below cost) is not a curve the solver takes. Each month's
			// loss only grows with the pressure, so the loss at the least
			// pressure the channel can feel bounds it: that constant goes
			// in the objective, which stays an upper bound, and the
			// answer's true objective is recomputed with the loss itself.
			least := tm.Offset
			if !q.free {
				least += tm.Coef[0] * out.Min
			}
			constant += w * saturation(least, half, ch.Shape)
			q.losses = append(q.losses, loss{c: c, term: tm, atLeast: w * saturation(least, half, ch.Shape)})
			continue
		}
		out.Terms = append(out.Terms, tm)
	}
	return constant
}

// loss is a month whose lift loses money, left out of the solver's
// problem: atLeast is what the problem counts for it.
type loss struct {
	c       int
	term    alloc.Term
	atLeast float64
}

// lossCorrection is what the losses left out of the problem really cost at
// the solver's answer x, beyond what the problem counted for them (≤ 0).
func (q *posed) lossCorrection(x [][]float64) float64 {
	total := 0.0
	for _, l := range q.losses {
		u := l.term.Offset
		for j, a := range l.term.Coef {
			u += a * x[l.c][j]
		}
		total += l.term.Weight*saturation(u, l.term.Half, l.term.Shape) - l.atLeast
	}
	return total
}

// rowLabel says what a row of the problem is: the budget (group < 0) or
// one of a group's bounds ("min", "max", "minShare", "maxShare").
type rowLabel struct {
	group int
	kind  string
}

// addRows adds the budget and the groups' bounds on the year's totals, as
// rows on the open spends: each shifted by the closed months' spends. Rows
// that always hold (a bound of 0, a share of 0 or 1, no budget) are left out.
func (q *posed) addRows(m *Model, budget float64) {
	nC := len(m.Channels)
	row := func(label rowLabel, coef []float64, bound float64) {
		for c, a := range coef {
			bound -= a * q.closedTotal[c]
		}
		q.prob.Rows = append(q.prob.Rows, alloc.Row{Coef: coef, Bound: bound})
		q.labels = append(q.labels, label)
	}
	members := func(g *ChannelGroup, v, rest float64) []float64 {
		coef := make([]float64, nC)
		for c := range coef {
			coef[c] = rest
		}
		for _, c := range g.Channels {
			coef[c] = v + rest
		}
		return coef
	}
	if !math.IsInf(budget, 1) {
		ones := make([]float64, nC)
		for c := range ones {
			ones[c] = 1
		}
		row(rowLabel{-1, "budget"}, ones, budget)
	}
	for i := range m.Groups {
		g := &m.Groups[i]
		if g.Min > 0 {
			row(rowLabel{i, "min"}, members(g, -1, 0), -g.Min)
		}
		if !math.IsInf(g.Max, 1) {
			row(rowLabel{i, "max"}, members(g, 1, 0), g.Max)
		}
		if g.MinShare > 0 {
			row(rowLabel{i, "minShare"}, members(g, -1, g.MinShare), 0)
		}
		if g.MaxShare < 1 {
			row(rowLabel{i, "maxShare"}, members(g, 1, -g.MaxShare), 0)
		}
	}
}

// monthly turns the solver's variables into each channel's monthly spends
// over the whole horizon, closed months included.
func (q *posed) monthly(x [][]float64) [][]float64 {
	out := grid(nil, len(x), q.n)
	for c := range x {
		if q.closed != nil {
			copy(out[c], q.closed[c])
		}
		if q.free {
			for j, v := range x[c] {
				out[c][q.closedT+j] = math.Max(0, v)
			}
			continue
		}
		for t := q.closedT; t < q.n; t++ {
			out[c][t] = q.openFlight[c][t] * math.Max(0, x[c][0])
		}
	}
	return out
}
