package alloc

import (
	"math"
)

// The tests describe problems the way the planner will pose them — channels
// with monthly curves, carryover, responsiveness, flighting, caps, closed
// months and groups — and build the Problem from that description (build),
// while evaluate computes the objective of monthly spends straight from the
// monthly model, independently of the Problem's terms.

type mChannel struct {
	M, H, K    float64   // maxUnits, halfSpend, shape
	Lambda     float64   // carryover
	A          float64   // value of a unit of lift
	Rho        []float64 // responsiveness weights, nil = flat
	Flight     []float64 // flighting weights, nil = flat
	Min, Max   float64   // bounds on the channel's whole-horizon total; Max 0 = none
	Cap        float64   // most per month, 0 = none
	Closed     []float64 // spends of the closed months (rest of year)
	ClosedDraw []float64 // unused
}

type mGroup struct {
	Members            []int
	Min, Max           float64 // Max 0 = none
	MinShare, MaxShare float64 // MaxShare 0 = none
}

type mPlan struct {
	N      int // months
	Ch     []mChannel
	Groups []mGroup
	Budget float64 // 0 = none
	Kappa  float64
	Free   bool
}

func (c *mChannel) closed() int { return len(c.Closed) }

// rho returns responsiveness normalized to mean 1.
func (c *mChannel) rho(n int) []float64 {
	out := make([]float64, n)
	if c.Rho == nil {
		for t := range out {
			out[t] = 1
		}
		return out
	}
	s := 0.0
	for _, r := range c.Rho {
		s += r
	}
	for t := range out {
		out[t] = float64(n) * c.Rho[t] / s
	}
	return out
}

// flight returns the open months' flighting normalized to sum 1 over the
// open months (flat where they are all 0).
func (c *mChannel) flight(n int) []float64 {
	T := c.closed()
	out := make([]float64, n)
	s := 0.0
	for t := T; t < n; t++ {
		if c.Flight == nil {
			out[t] = 1
		} else {
			out[t] = c.Flight[t]
		}
		s += out[t]
	}
	if s == 0 {
		for t := T; t < n; t++ {
			out[t] = 1
		}
		s = float64(n - T)
	}
	for t := T; t < n; t++ {
		out[t] /= s
	}
	return out
}

// evaluate is the objective of monthly spends, from the monthly model.
func (p *mPlan) evaluate(spend [][]float64) float64 {
	n := p.N
	obj := 0.0
	for c := range p.Ch {
		ch := &p.Ch[c]
		rho := ch.rho(n)
		x := 0.0
		for t := 0; t < n; t++ {
			x = ch.Lambda*x + (1-ch.Lambda)*spend[c][t]
			half := ch.H / float64(n)
			lift := 0.0
			if x > 0 {
				lift = rho[t] * ch.M / float64(n) / (1 + math.Pow(half/x, ch.K))
			}
			obj += ch.A*lift - p.Kappa*spend[c][t]
		}
	}
	return obj
}

// monthly turns a Solution's variables into monthly spends.
func (p *mPlan) monthly(x [][]float64) [][]float64 {
	out := make([][]float64, len(p.Ch))
	for c := range p.Ch {
		ch := &p.Ch[c]
		out[c] = make([]float64, p.N)
		T := ch.closed()
		copy(out[c], ch.Closed)
		if p.Free {
			copy(out[c][T:], x[c])
			continue
		}
		f := ch.flight(p.N)
		for t := T; t < p.N; t++ {
			out[c][t] = f[t] * x[c][0]
		}
	}
	return out
}

// feasible reports whether monthly spends meet every constraint, to a
// relative tol.
func (p *mPlan) feasible(spend [][]float64, tol float64) bool {
	totals := make([]float64, len(p.Ch))
	all := 0.0
	for c := range p.Ch {
		ch := &p.Ch[c]
		for t, s := range spend[c] {
			if s < -tol*(1+s) {
				return false
			}
			if ch.Cap > 0 && t >= ch.closed() && s > ch.Cap*(1+tol)+tol {
				return false
			}
			totals[c] += s
		}
		all += totals[c]
		if totals[c] < ch.Min*(1-tol)-tol || (ch.Max > 0 && totals[c] > ch.Max*(1+tol)+tol) {
			return false
		}
	}
	scale := tol * (1 + all)
	if p.Budget > 0 && all > p.Budget+scale {
		return false
	}
	for _, g := range p.Groups {
		gs := 0.0
		for _, c := range g.Members {
			gs += totals[c]
		}
		if gs < g.Min-scale || (g.Max > 0 && gs > g.Max+scale) || gs < g.MinShare*all-scale ||
			(g.MaxShare > 0 && gs > g.MaxShare*all+scale) {
			return false
		}
	}
	return true
}

// build poses the plan as a Problem, the way the planner does.
func (p *mPlan) build() *Problem {
	n := p.N
	nc := len(p.Ch)
	prob := &Problem{Kappa: p.Kappa}
	closedTotal := make([]float64, nc)
	for c := range p.Ch {
		ch := &p.Ch[c]
		T := ch.closed()
		rho := ch.rho(n)
		f := ch.flight(n)
		half := ch.H / float64(n)
		lam := ch.Lambda
		// Pressure and lift of the closed months: constants.
		x := 0.0
		for t := 0; t < T; t++ {
			x = lam*x + (1-lam)*ch.Closed[t]
			closedTotal[c] += ch.Closed[t]
			prob.Constant += ch.A * rho[t] * ch.M / float64(n) * phi(x/half, ch.K)
		}
		prob.Constant -= p.Kappa * closedTotal[c]
		carried := x
		var out Channel
		if p.Free {
			out.Dim = n - T
			if ch.Cap > 0 {
				out.Hi = make([]float64, out.Dim)
				for j := range out.Hi {
					out.Hi[j] = ch.Cap
				}
			}
		} else {
			out.Dim = 1
			if ch.Cap > 0 {
				fmax := 0.0
				for t := T; t < n; t++ {
					fmax = math.Max(fmax, f[t])
				}
				out.Hi = []float64{ch.Cap / fmax}
			}
		}
		out.Min = math.Max(0, ch.Min-closedTotal[c])
		out.Max = math.Inf(1)
		if ch.Max > 0 {
			out.Max = ch.Max - closedTotal[c]
		}
		for t := T; t < n; t++ {
			tm := Term{Weight: ch.A * rho[t] * ch.M / float64(n), Half: half, Shape: ch.K,
				Offset: math.Pow(lam, float64(t-T+1)) * carried, Coef: make([]float64, out.Dim)}
			for u := T; u <= t; u++ {
				k := (1 - lam) * math.Pow(lam, float64(t-u))
				if p.Free {
					tm.Coef[u-T] = k
				} else {
					tm.Coef[0] += k * f[u]
				}
			}
			out.Terms = append(out.Terms, tm)
		}
		prob.Channels = append(prob.Channels, out)
	}
	row := func(coef []float64, bound float64) {
		// Shift by the closed months' spends.
		for c, a := range coef {
			bound -= a * closedTotal[c]
		}
		prob.Rows = append(prob.Rows, Row{Coef: coef, Bound: bound})
	}
	ones := func(members []int, v float64) []float64 {
		out := make([]float64, nc)
		for _, c := range members {
			out[c] += v
		}
		return out
	}
	if p.Budget > 0 {
		all := make([]int, nc)
		for c := range all {
			all[c] = c
		}
		row(ones(all, 1), p.Budget)
	}
	for _, g := range p.Groups {
		if g.Min > 0 {
			row(ones(g.Members, -1), -g.Min)
		}
		if g.Max > 0 {
			row(ones(g.Members, 1), g.Max)
		}
		if g.MinShare > 0 {
			coef := ones(g.Members, -1)
			for c := range coef {
				coef[c] += g.MinShare
			}
			row(coef, 0)
		}
		if g.MaxShare > 0 && g.MaxShare < 1 {
			coef := ones(g.Members, 1)
			for c := range coef {
				coef[c] -= g.MaxShare
			}
			row(coef, 0)
		}
	}
	return prob
}
