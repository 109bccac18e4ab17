package planner

import (
	"container/heap"
	"context"
	"math"
)

// budgetProblem is the promotion budget problem of docs/model.md section 3:
// choose every spend in [min_c, max_c] to maximise Σ_c f_c(spend_c) with
// Σ_c spend_c ≤ B. It is separable, but S-shaped curves make it non-convex
// (with steep ones it is a knapsack problem), so it is solved by branch and
// bound over the channels' spend intervals, each node bounded by the problem
// with every curve replaced by its concave envelope on the node's intervals
// (sigmoidal programming, Udell & Boyd 2013). That bound is tight except for
// the channels that sit inside the linear part of their envelope, and
// usually only one does, so the search closes in few nodes.
type budgetProblem struct {
	curves []curve
	kappa  float64 // cost of a unit of spend in the objective: 1 or 0
	budget float64 // B; +Inf when contribution is optimised without a budget
}

func newBudgetProblem(m *Model, mode string, budget float64) *budgetProblem {
	p := &budgetProblem{curves: make([]curve, len(m.Channels)), budget: budget}
	if mode == ModeContribution {
		p.kappa = 1
	}
	for c := range m.Channels {
		ch := &m.Channels[c]
		a := ch.Value
		if mode == ModeUnits {
			a = ch.UnitsPerLift
		}
		hi := math.Min(ch.Max, ch.flightingCap())
		if mode == ModeUnits && math.IsInf(hi, 1) {
			hi = math.Max(budget, ch.Min) // nothing can spend more than B
		}
		maxUnits, half, _ := ch.hillEquivalent()
		p.curves[c] = newCurve(a, maxUnits, half, ch.Shape, ch.Min, hi)
	}
	return p
}

// node is a box of the branch and bound: channel intervals differing from
// the root's, and the relaxation's bound.
type node struct {
	changes []intervalChange
	upper   float64
	depth   int
}

type intervalChange struct {
	c    int
	l, u float64
}

type nodeQueue []*node

func (q nodeQueue) Len() int           { return len(q) }
func (q nodeQueue) Less(i, j int) bool { return q[i].upper > q[j].upper }
func (q nodeQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *nodeQueue) Push(x any)        { *q = append(*q, x.(*node)) }
func (q *nodeQueue) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}

// maxNodes bounds the search; real plans close in a handful of nodes.
const maxNodes = 200000

// solve returns the optimal spends, in the channels' order.
func (p *budgetProblem) solve(ctx context.Context) ([]float64, error) {
	n := len(p.curves)
	root := make([]envelope, n)
	for c := range p.curves {
		cv := &p.curves[c]
		root[c] = cv.envelopeOn(cv.lo, cv.hi)
	}
	env := make([]envelope, n)
	r := newRelaxer(p)
	var rel relaxation

	best := make([]float64, n)
	bestValue := math.Inf(-1)
	record := func(rel *relaxation) {
		if rel.feasible && rel.lower > bestValue {
			bestValue = rel.lower
			copy(best, rel.spend)
		}
	}
	tolerance := func(upper float64) float64 {
		return 1e-10*math.Max(math.Abs(upper), math.Abs(bestValue)) + 1e-9
	}
	load := func(nd *node) {
		copy(env, root)
		for _, ch := range nd.changes {
			env[ch.c] = p.curves[ch.c].envelopeOn(ch.l, ch.u)
		}
	}

	q := &nodeQueue{}
	start := &node{upper: math.Inf(1)}
	heap.Push(q, start)
	for count := 0; q.Len() > 0; count++ {
		if count%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		nd := heap.Pop(q).(*node)
		if nd.upper <= bestValue+tolerance(nd.upper) || count >= maxNodes {
			break // best-first: no open node can beat the incumbent
		}
		load(nd)
		r.solve(env, &rel)
		if !rel.feasible {
			continue
		}
		record(&rel)
		if rel.upper <= bestValue+tolerance(rel.upper) || rel.branch < 0 {
			continue
		}
		if nd.depth == 0 || count%32 == 0 {
			p.dive(r, env, &rel, record)
		}
		// Split the channel with the largest gap at its relaxed spend.
		c, s := rel.branch, rel.spend[rel.branch]
		e := env[c]
		for _, iv := range [2][2]float64{{e.l, s}, {s, e.u}} {
			child := &node{upper: rel.upper, depth: nd.depth + 1}
			child.changes = append(append(make([]intervalChange, 0, len(nd.changes)+1), nd.changes...), intervalChange{c, iv[0], iv[1]})
			heap.Push(q, child)
		}
	}
	return best, nil
}

// dive rounds the channel with the largest gap to either end of its linear
// part, keeps the better of the two relaxations and repeats until no channel
// has a gap: a quick feasible answer that lets the search prune early.
func (p *budgetProblem) dive(r *relaxer, env []envelope, rel *relaxation, record func(*relaxation)) {
	work := append([]envelope(nil), env...)
	cur := *rel
	cur.spend = append([]float64(nil), rel.spend...)
	var off, on relaxation
	for steps := 0; cur.branch >= 0 && steps < len(env); steps++ {
		c := cur.branch
		cv := &p.curves[c]
		e := work[c]
		work[c] = cv.envelopeOn(e.l, e.l)
		r.solve(work, &off)
		work[c] = cv.envelopeOn(e.t, e.u)
		r.solve(work, &on)
		next, nextEnv := &off, cv.envelopeOn(e.l, e.l)
		if !off.feasible || (on.feasible && on.upper > off.upper) {
			next, nextEnv = &on, cv.envelopeOn(e.t, e.u)
		}
		if !next.feasible {
			return
		}
		record(next)
		work[c] = nextEnv
		cur.branch = next.branch
		cur.spend = append(cur.spend[:0], next.spend...)
	}
}
