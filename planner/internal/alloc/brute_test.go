package alloc

import (
	"context"
	"math"
	"math/rand"
	"sort"
	"testing"
)

// The brute-force check: small plans solved by a dense grid (fixed
// flighting: over the channels' totals) or by many random feasible points
// (free flighting: over every channel-month), each best point then refined
// by a pattern search of single and paired moves; none may beat the
// solver's Objective by more than 1e-6, and UpperBound must lie above all
// of them and within 1e-6 of Objective. The brute force works on monthly
// spends with the monthly model (mPlan.evaluate), not on the Problem.

// shapes are the curve families.
var (
	concave = []float64{0.5, 0.8, 1}
	sShaped = []float64{1.5, 2.5, 4}
	mixed   = []float64{0.7, 1, 1.8, 3}
)

// spec describes a random small plan.
type spec struct {
	channels, months int
	shapes           []float64
	carryover        bool
	caps             bool
	groups           bool
	shares           bool
	bounds           bool // channel minimums and maximums
	closed           int  // closed months (rest of year)
	budget           string
	kappa            float64
	free             bool
	rho              bool
	flight           bool
	open             bool // the last channel has no Max and no group caps it: only share rows hold it
}

func randomPlan(sp spec, seed int64) *mPlan {
	rng := rand.New(rand.NewSource(seed))
	n := sp.months
	p := &mPlan{N: n, Kappa: sp.kappa, Free: sp.free}
	for c := 0; c < sp.channels; c++ {
		ch := mChannel{
			M: 500 + 4500*rng.Float64(), H: 1000 + 19000*rng.Float64(),
			K: sp.shapes[rng.Intn(len(sp.shapes))], A: 1 + 9*rng.Float64(),
		}
		if sp.kappa == 0 {
			ch.A = 0.5 + rng.Float64()
		}
		if sp.carryover {
			ch.Lambda = []float64{0, 0.3, 0.6}[rng.Intn(3)]
		}
		if sp.rho {
			ch.Rho = make([]float64, n)
			for t := range ch.Rho {
				ch.Rho[t] = 0.5 + rng.Float64()
			}
		}
		if sp.flight {
			ch.Flight = make([]float64, n)
			for t := range ch.Flight {
				if rng.Float64() < 0.75 {
					ch.Flight[t] = 0.5 + rng.Float64()
				}
			}
		}
		if sp.bounds {
			if rng.Float64() < 0.5 {
				ch.Min = 200 + 1000*rng.Float64()
			}
			if rng.Float64() < 0.6 {
				ch.Max = ch.Min + 2000 + 12000*rng.Float64()
			}
		}
		if sp.open && c == sp.channels-1 {
			ch.Max = 0 // none
		}
		if sp.caps && rng.Float64() < 0.7 {
			ch.Cap = 800 + 3000*rng.Float64()
			if ch.Min > 0.5*ch.Cap*float64(n-sp.closed) {
				ch.Min = 0.5 * ch.Cap * float64(n-sp.closed)
			}
		}
		for t := 0; t < sp.closed; t++ {
			ch.Closed = append(ch.Closed, 500*rng.Float64())
		}
		p.Ch = append(p.Ch, ch)
	}
	if sp.groups && sp.channels >= 2 {
		g := mGroup{Members: []int{0, 1}}
		g.Min = 1500 + 1500*rng.Float64()
		if sp.channels > 2 && !sp.open {
			g2 := mGroup{Members: []int{1, sp.channels - 1}, Max: 4000 + 6000*rng.Float64()}
			p.Groups = append(p.Groups, g2)
		}
		if sp.shares {
			g.MaxShare = 0.55 + 0.2*rng.Float64()
			g.MinShare = 0.2 * rng.Float64()
		}
		p.Groups = append(p.Groups, g)
	}
	switch sp.budget {
	case "binding":
		p.Budget = 3000*float64(sp.channels) + 2000*rng.Float64()
	case "slack":
		p.Budget = 1e6
	}
	for c := range p.Ch {
		p.Budget += sumOf(p.Ch[c].Closed)
	}
	if sp.budget == "" {
		p.Budget = 0
		if sp.kappa == 0 {
			p.Budget = 8000
		}
	}
	return p
}

func sumOf(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// bruteVars maps a brute-force point (the open decision values) to monthly spends.
type bruteSpace struct {
	plan *mPlan
	lo   []float64
	hi   []float64
	// fixed: one value per channel (its open total); free: one per open channel-month
	owner     []int
	bestPoint []float64
	eval      func([][]float64) float64 // the objective; plan.evaluate when nil
}

func newBruteSpace(p *mPlan) *bruteSpace {
	b := &bruteSpace{plan: p}
	for c := range p.Ch {
		ch := &p.Ch[c]
		T := ch.closed()
		open := p.N - T
		limit := 30000.0
		if p.Budget > 0 {
			limit = math.Min(limit, p.Budget)
		}
		if ch.Max > 0 {
			limit = math.Min(limit, ch.Max-sumOf(ch.Closed))
		}
		if p.Free {
			for t := 0; t < open; t++ {
				h := limit
				if ch.Cap > 0 {
					h = math.Min(h, ch.Cap)
				}
				b.lo, b.hi, b.owner = append(b.lo, 0), append(b.hi, h), append(b.owner, c)
			}
			continue
		}
		h := limit
		if ch.Cap > 0 {
			f := ch.flight(p.N)
			fmax := 0.0
			for _, v := range f {
				fmax = math.Max(fmax, v)
			}
			h = math.Min(h, ch.Cap/fmax)
		}
		b.lo, b.hi, b.owner = append(b.lo, 0), append(b.hi, h), append(b.owner, c)
	}
	return b
}

func (b *bruteSpace) spends(v []float64) [][]float64 {
	p := b.plan
	x := make([][]float64, len(p.Ch))
	i := 0
	for c := range p.Ch {
		if p.Free {
			open := p.N - p.Ch[c].closed()
			x[c] = v[i : i+open]
			i += open
		} else {
			x[c] = v[i : i+1]
			i++
		}
	}
	return p.monthly(x)
}

// value is the objective at v, −Inf when infeasible.
func (b *bruteSpace) value(v []float64) float64 {
	s := b.spends(v)
	if !b.plan.feasible(s, 1e-12) {
		return math.Inf(-1)
	}
	if b.eval != nil {
		return b.eval(s)
	}
	return b.plan.evaluate(s)
}

// refine is a pattern search from v: single and paired moves with steps
// halving from step down to a relative 1e-10.
func (b *bruteSpace) refine(v []float64, step float64) ([]float64, float64) {
	best := b.value(v)
	n := len(v)
	trial := make([]float64, n)
	for ; step > 1e-10*(1+maxOf(v)); step /= 2 {
		for improved := true; improved; {
			improved = false
			for i := 0; i < n; i++ {
				for j := -1; j < n; j++ {
					if j == i {
						continue
					}
					for _, sgn := range []float64{1, -1} {
						copy(trial, v)
						trial[i] += sgn * step
						if j >= 0 {
							trial[j] -= sgn * step
						}
						if trial[i] < b.lo[i] || trial[i] > b.hi[i] || (j >= 0 && (trial[j] < b.lo[j] || trial[j] > b.hi[j])) {
							continue
						}
						if f := b.value(trial); f > best+1e-12*math.Abs(best) {
							best = f
							copy(v, trial)
							improved = true
						}
					}
				}
			}
		}
	}
	return v, best
}

func maxOf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = math.Max(m, math.Abs(x))
	}
	return m
}

type candidate struct {
	v []float64
	f float64
}

// search returns the best value the brute force finds.
func (b *bruteSpace) search(rng *rand.Rand) float64 {
	n := len(b.lo)
	var cands []candidate
	if !b.plan.Free {
		per := map[int]int{1: 2000, 2: 400, 3: 60, 4: 24}[n]
		idx := make([]int, n)
		v := make([]float64, n)
		for {
			for i := range v {
				v[i] = b.lo[i] + (b.hi[i]-b.lo[i])*float64(idx[i])/float64(per-1)
			}
			if f := b.value(v); !math.IsInf(f, -1) {
				cands = append(cands, candidate{append([]float64(nil), v...), f})
			}
			k := 0
			for k < n {
				idx[k]++
				if idx[k] < per {
					break
				}
				idx[k] = 0
				k++
			}
			if k == n {
				break
			}
		}
	} else {
		v := make([]float64, n)
		for s := 0; s < 60000; s++ {
			// Channel totals then a split over the open months, some
			// months off: the pulses S-curves like.
			for i := range v {
				v[i] = 0
				if rng.Float64() < 0.7 {
					v[i] = b.lo[i] + (b.hi[i]-b.lo[i])*math.Pow(rng.Float64(), 2)*0.5
				}
			}
			if f := b.value(v); !math.IsInf(f, -1) {
				cands = append(cands, candidate{append([]float64(nil), v...), f})
			}
		}
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].f > cands[j].f })
	// Refine the best few, and the best of each pattern of which
	// variables are on (the basins S-curves make).
	var starts []candidate
	seen := map[string]bool{}
	for i, cd := range cands {
		key := make([]byte, len(cd.v))
		for k, v := range cd.v {
			key[k] = '0'
			if v > b.lo[k]+0.02*(b.hi[k]-b.lo[k]) {
				key[k] = '1'
			}
		}
		if i < 6 || !seen[string(key)] {
			starts = append(starts, cd)
		}
		seen[string(key)] = true
	}
	if len(starts) > 40 {
		starts = starts[:40]
	}
	cands = starts
	best := math.Inf(-1)
	for i := 0; i < len(cands); i++ {
		step := 0.0
		for k := range b.lo {
			step = math.Max(step, (b.hi[k]-b.lo[k])/20)
		}
		v, f := b.refine(cands[i].v, step)
		if f > best {
			b.bestPoint = append([]float64(nil), v...)
		}
		best = math.Max(best, f)
	}
	return best
}

// bruteCases are the brute-force check's plan families.
var bruteCases = []struct {
	name string
	sp   spec
}{
	{"fixed concave binding budget", spec{channels: 3, months: 4, shapes: concave, budget: "binding", kappa: 1}},
	{"fixed concave slack budget", spec{channels: 3, months: 3, shapes: concave, budget: "slack", kappa: 1, flight: true}},
	{"fixed s-shaped binding", spec{channels: 3, months: 4, shapes: sShaped, budget: "binding", kappa: 1}},
	{"fixed s-shaped units", spec{channels: 3, months: 3, shapes: sShaped, budget: "binding", kappa: 0}},
	{"fixed mixed carryover flighting", spec{channels: 3, months: 4, shapes: mixed, carryover: true, flight: true, rho: true, budget: "binding", kappa: 1}},
	{"fixed mixed caps bounds", spec{channels: 4, months: 3, shapes: mixed, caps: true, bounds: true, flight: true, budget: "binding", kappa: 0}},
	{"fixed groups", spec{channels: 3, months: 4, shapes: mixed, groups: true, budget: "binding", kappa: 1, carryover: true}},
	{"fixed groups shares", spec{channels: 4, months: 3, shapes: mixed, groups: true, shares: true, budget: "binding", kappa: 0, flight: true}},
	{"fixed no budget", spec{channels: 2, months: 4, shapes: sShaped, kappa: 1, carryover: true, bounds: true}},
	// No budget, and share rows that keep channels without a Max open-ended:
	// the totals are capped from the root's bound (tighten.go), as on the
	// large generated plan.
	{"fixed no budget shares", spec{channels: 3, months: 4, shapes: mixed, kappa: 1, carryover: true, groups: true, shares: true, bounds: true, open: true}},
	{"free no budget shares", spec{channels: 3, months: 3, shapes: mixed, kappa: 1, carryover: true, groups: true, shares: true, bounds: true, free: true, open: true}},
	{"fixed rest of year", spec{channels: 3, months: 4, shapes: mixed, carryover: true, closed: 1, flight: true, budget: "binding", kappa: 1}},
	{"free concave", spec{channels: 2, months: 3, shapes: concave, budget: "binding", kappa: 1, free: true, rho: true}},
	{"free s-shaped", spec{channels: 2, months: 4, shapes: sShaped, budget: "binding", kappa: 1, free: true}},
	{"free s-shaped units", spec{channels: 3, months: 3, shapes: sShaped, budget: "binding", kappa: 0, free: true}},
	{"free carryover caps", spec{channels: 2, months: 4, shapes: mixed, carryover: true, caps: true, budget: "binding", kappa: 1, free: true, rho: true}},
	{"free carryover groups", spec{channels: 3, months: 3, shapes: mixed, carryover: true, groups: true, shares: true, budget: "binding", kappa: 0, free: true}},
	{"free rest of year", spec{channels: 2, months: 4, shapes: mixed, carryover: true, closed: 1, budget: "binding", kappa: 1, free: true, bounds: true}},
	// Rows that do not bind: the channels are solved apart (decompose.go).
	{"free apart slack budget", spec{channels: 3, months: 4, shapes: mixed, carryover: true, caps: true, bounds: true, budget: "slack", kappa: 1, free: true, rho: true}},
	{"free apart no rows", spec{channels: 3, months: 3, shapes: sShaped, carryover: true, bounds: true, kappa: 1, free: true}},
	{"free apart rest of year", spec{channels: 2, months: 4, shapes: mixed, carryover: true, closed: 1, budget: "slack", kappa: 1, free: true, caps: true}},
}

func TestBruteForce(t *testing.T) {
	cases := bruteCases
	seeds := int64(3) // a few plans of each family; the history of this test ran 12
	if testing.Short() {
		seeds = 1
	}
	for ci, tc := range cases {
		for seed := int64(0); seed < seeds; seed++ {
			plan := randomPlan(tc.sp, int64(1000*ci)+seed)
			t.Run(tc.name, func(t *testing.T) {
				checkAgainstBruteForce(t, plan, rand.New(rand.NewSource(seed)))
			})
		}
	}
}

func checkAgainstBruteForce(t *testing.T, plan *mPlan, rng *rand.Rand) {
	t.Helper()
	sol, err := Solve(context.Background(), plan.build())
	if err != nil {
		if _, ok := err.(*InfeasibleError); ok {
			// The brute force must find nothing feasible either.
			if f := newBruteSpace(plan).search(rng); !math.IsInf(f, -1) {
				t.Fatalf("refused as infeasible (%v) but the brute force found %v", err, f)
			}
			return
		}
		t.Fatal(err)
	}
	spend := plan.monthly(sol.X)
	if !plan.feasible(spend, 1e-9) {
		t.Fatalf("the allocation breaks a constraint: %v", spend)
	}
	if got := plan.evaluate(spend); math.Abs(got-sol.Objective) > 1e-9*math.Max(1, math.Abs(got)) {
		t.Fatalf("Objective %v, the monthly model gives %v", sol.Objective, got)
	}
	tol := 1e-6 * math.Max(1, math.Abs(sol.Objective))
	if gap := sol.UpperBound - sol.Objective; gap < 0 || gap > tol {
		t.Errorf("UpperBound − Objective = %v", gap)
	}
	brute := newBruteSpace(plan).search(rng)
	if brute > sol.Objective+tol {
		t.Errorf("the brute force found %.9g, above the optimum %.9g", brute, sol.Objective)
	}
	if brute > sol.UpperBound+1e-9*math.Abs(brute) {
		t.Errorf("the brute force found %.9g, above the upper bound %.9g", brute, sol.UpperBound)
	}
	t.Logf("objective %.9g bound %.9g brute %.9g nodes %d", sol.Objective, sol.UpperBound, brute, sol.Nodes)
}
