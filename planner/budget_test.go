package planner

import (
	"context"
	"fmt"
	"math"
	"math/rand"
	"testing"
)

// The budget solver against an independent exhaustive search. The search
// shares nothing with the solver but the problem's numbers: its own Hill
// curve, a dense grid over all channels but the last, the last channel's
// best spend for the budget left found by a fine 1-D scan, then a local
// refinement that moves budget between pairs of channels with shrinking
// steps. Its answer is feasible, so it is a lower bound on the optimum the
// solver must reach.

// hill is H(s) written out again, independently of budget_curve.go.
func hill(maxUnits, half, shape, s float64) float64 {
	if s <= 0 {
		return 0
	}
	return maxUnits * math.Pow(s, shape) / (math.Pow(s, shape) + math.Pow(half, shape))
}

// testChannel is one channel of a small problem, as the test sees it.
type testChannel struct {
	a, m, h, k, lo, hi float64
}

func (c testChannel) value(s, kappa float64) float64 { return c.a*hill(c.m, c.h, c.k, s) - kappa*s }

func objective(chs []testChannel, s []float64, kappa float64) float64 {
	total := 0.0
	for i, c := range chs {
		total += c.value(s[i], kappa)
	}
	return total
}

// lastTable holds the last channel's best spend below each of a fine grid of
// spends: at a leaf of the search, its best for the budget left is a lookup.
type lastTable struct {
	c          testChannel
	top, step  float64
	bestBelow  []float64 // best spend in [lo, lo + j × step]
	valueBelow []float64
}

func newLastTable(c testChannel, top, kappa float64) lastTable {
	const n = 20000
	t := lastTable{c: c, top: math.Max(top, c.lo), step: (math.Max(top, c.lo) - c.lo) / n}
	bestS, best := c.lo, c.value(c.lo, kappa)
	for j := 0; j <= n; j++ {
		x := c.lo + t.step*float64(j)
		if v := c.value(x, kappa); v > best {
			best, bestS = v, x
		}
		t.bestBelow = append(t.bestBelow, bestS)
		t.valueBelow = append(t.valueBelow, best)
	}
	return t
}

// best returns the last channel's best spend and value with room to spend.
func (t lastTable) best(room, kappa float64) (float64, float64) {
	top := math.Min(t.c.hi, room)
	if top <= t.c.lo || t.step == 0 {
		return t.c.lo, t.c.value(t.c.lo, kappa)
	}
	j := int((top - t.c.lo) / t.step)
	if j >= len(t.bestBelow) {
		j = len(t.bestBelow) - 1
	}
	s, v := t.bestBelow[j], t.valueBelow[j]
	if vt := t.c.value(top, kappa); vt > v {
		s, v = top, vt
	}
	return s, v
}

// exhaustive searches the problem as described above.
func exhaustive(chs []testChannel, budget, kappa float64, grid int) ([]float64, float64) {
	n := len(chs)
	s := make([]float64, n)
	best := make([]float64, n)
	bestValue := math.Inf(-1)
	// Channel i's value at grid point j, computed once.
	grids := make([][]float64, n)
	values := make([][]float64, n)
	for i, c := range chs[:n-1] {
		top := math.Min(c.hi, budget-sumLows(chs)+c.lo)
		for j := 0; j <= grid; j++ {
			x := c.lo + (top-c.lo)*float64(j)/float64(grid)
			grids[i] = append(grids[i], x)
			values[i] = append(values[i], c.value(x, kappa))
		}
	}
	last := newLastTable(chs[n-1], math.Min(chs[n-1].hi, budget-sumLows(chs[:n-1])), kappa)
	var walk func(i int, used, value float64)
	walk = func(i int, used, value float64) {
		if i == n-1 {
			x, lastValue := last.best(budget-used, kappa)
			s[i] = x
			if v := value + lastValue; v > bestValue {
				bestValue = v
				copy(best, s)
			}
			return
		}
		room := budget - used - sumLows(chs[i+1:])
		for j, x := range grids[i] {
			if x > room {
				break
			}
			s[i] = x
			walk(i+1, used+x, value+values[i][j])
		}
	}
	walk(0, 0, 0)
	// Local refinement: move budget between pairs, or spend what is left.
	copy(s, best)
	step := budget / float64(grid)
	for step > 1e-10*budget {
		improved := false
		for i := range chs {
			for j := range chs {
				for _, d := range []float64{step, -step} {
					t := append([]float64(nil), s...)
					t[i] += d
					if i != j {
						t[j] -= d
					}
					if !feasibleSpends(chs, t, budget) {
						continue
					}
					if v := objective(chs, t, kappa); v > bestValue {
						bestValue, s, improved = v, t, true
					}
				}
			}
		}
		if !improved {
			step /= 2
		}
	}
	return s, bestValue
}

func sumLows(chs []testChannel) float64 {
	sum := 0.0
	for _, c := range chs {
		sum += c.lo
	}
	return sum
}

func feasibleSpends(chs []testChannel, s []float64, budget float64) bool {
	sum := 0.0
	for i, c := range chs {
		if s[i] < c.lo || s[i] > c.hi {
			return false
		}
		sum += s[i]
	}
	return sum <= budget*(1+1e-12)
}

func (c testChannel) curve() curve { return newCurve(c.a, c.m, c.h, c.k, c.lo, c.hi) }

func solveTest(t *testing.T, chs []testChannel, budget, kappa float64) ([]float64, float64) {
	t.Helper()
	p := &budgetProblem{kappa: kappa, budget: budget}
	for _, c := range chs {
		p.curves = append(p.curves, c.curve())
	}
	s, err := p.solve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !feasibleSpends(chs, s, budget) {
		t.Fatalf("infeasible answer %v (budget %g)", s, budget)
	}
	return s, objective(chs, s, kappa)
}

// randomChannels draws n channels of the given curve family.
func randomChannels(rng *rand.Rand, n int, family string, tight bool) []testChannel {
	chs := make([]testChannel, n)
	for i := range chs {
		c := testChannel{
			m: 1000 + 30000*rng.Float64(),
			h: 5000 + 80000*rng.Float64(),
		}
		c.a = (2 + 25*rng.Float64()) * c.h / c.m // a curve worth 2–27× its half-saturation spend
		switch family {
		case "concave":
			c.k = 0.3 + 0.7*rng.Float64()
		case "s-shaped":
			c.k = 1.2 + 4*rng.Float64()
		default:
			if rng.Intn(2) == 0 {
				c.k = 0.3 + 0.7*rng.Float64()
			} else {
				c.k = 1.2 + 6*rng.Float64()
			}
		}
		c.hi = math.Inf(1)
		if tight {
			c.lo = c.h * 0.3 * rng.Float64()
			c.hi = c.lo + c.h*(0.3+1.5*rng.Float64())
		} else if rng.Intn(3) == 0 {
			c.hi = c.h * (1 + 4*rng.Float64())
		}
		chs[i] = c
	}
	return chs
}

func TestBudgetAgainstExhaustiveSearch(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	type tcase struct {
		name   string
		n      int
		family string
		tight  bool
		budget float64 // multiple of Σ halfSpend; 0: no budget (mode contribution)
		kappa  float64
	}
	var cases []tcase
	for _, n := range []int{2, 3, 4} {
		for _, family := range []string{"concave", "s-shaped", "mixed"} {
			for _, tight := range []bool{false, true} {
				for _, budget := range []float64{0.3, 1.2, 4} {
					for _, kappa := range []float64{1, 0} {
						bounds := "loose"
						if tight {
							bounds = "tight"
						}
						mode := "contribution"
						if kappa == 0 {
							mode = "units"
						}
						cases = append(cases, tcase{fmt.Sprintf("%d %s channels, %s bounds, budget %.1f×, %s", n, family, bounds, budget, mode), n, family, tight, budget, kappa})
					}
				}
			}
		}
	}
	cases = append(cases, tcase{"3 mixed channels, no budget", 3, "mixed", false, 0, 1}, tcase{"2 s-shaped channels, no budget", 2, "s-shaped", true, 0, 1})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for trial := 0; trial < 3; trial++ {
				chs := randomChannels(rng, tc.n, tc.family, tc.tight)
				halves, lows := 0.0, 0.0
				for _, c := range chs {
					halves += c.h
					lows += c.lo
				}
				budget := math.Inf(1)
				if tc.budget > 0 {
					budget = math.Max(tc.budget*halves, lows*1.05)
				}
				if tc.kappa == 0 && math.IsInf(budget, 1) {
					continue
				}
				search := budget
				if math.IsInf(budget, 1) {
					// Without a budget nothing worth doing spends past the point where
					// the best curve's value is spent: Σ a × maxUnits bounds it.
					search = 0
					for i := range chs {
						search += chs[i].a * chs[i].m
						chs[i].hi = math.Min(chs[i].hi, chs[i].a*chs[i].m+chs[i].lo)
					}
				}
				for i := range chs {
					if math.IsInf(chs[i].hi, 1) {
						chs[i].hi = search
					}
				}
				grid := map[int]int{2: 2000, 3: 200, 4: 40}[tc.n]
				want, wantValue := exhaustive(chs, search, tc.kappa, grid)
				got, gotValue := solveTest(t, chs, budget, tc.kappa)
				if gotValue < wantValue-1e-7*math.Abs(wantValue)-1e-9 {
					t.Errorf("trial %d: solver reached %.10g at %v, the search %.10g at %v (%+v)", trial, gotValue, got, wantValue, want, chs)
				}
			}
		})
	}
}

// TestBudgetFirstOrderConditions checks the optimality conditions on large
// problems: every channel strictly inside its bounds has the same marginal
// return μ (the price of budget), channels at their minimum return no more
// than μ at the margin, channels at their maximum no less, and μ is the cost
// of spend alone when the budget is not all used.
func TestBudgetFirstOrderConditions(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	for _, tc := range []struct {
		name   string
		n      int
		family string
		tight  bool
		budget float64
		kappa  float64
	}{
		{"200 concave channels, contribution", 200, "concave", false, 0.8, 1},
		{"200 concave channels, units", 200, "concave", false, 0.8, 0},
		{"200 mixed channels with bounds, contribution", 200, "mixed", true, 0.5, 1},
		{"1000 mixed channels, units", 1000, "mixed", false, 0.6, 0},
		{"1000 s-shaped channels, contribution", 1000, "s-shaped", false, 0.4, 1},
		{"500 mixed channels, no budget", 500, "mixed", false, 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			chs := randomChannels(rng, tc.n, tc.family, tc.tight)
			budget := math.Inf(1)
			if tc.budget > 0 {
				budget = 0
				for _, c := range chs {
					budget += c.h
				}
				budget = math.Max(budget*tc.budget, sumLows(chs)*1.01)
			}
			if tc.kappa == 0 {
				for i := range chs {
					chs[i].hi = math.Min(chs[i].hi, budget)
				}
			}
			s, _ := solveTest(t, chs, budget, tc.kappa)
			// marginal is the slope of channel i's value at its spend: central
			// inside the bounds, one-sided at them, with a step small against
			// the spend (concave curves are steep near 0).
			marginal := func(i int) float64 {
				c := chs[i]
				x := s[i]
				d := 1e-6 * x
				if d == 0 {
					d = 1e-9 * c.h
				}
				lo, hi := math.Max(x-d, c.lo), math.Min(x+d, c.hi)
				return (c.value(hi, tc.kappa) - c.value(lo, tc.kappa)) / (hi - lo)
			}
			// μ − κ from the interior channels.
			var interior []float64
			spent := 0.0
			for i, c := range chs {
				spent += s[i]
				if s[i] > c.lo && s[i] < c.hi {
					interior = append(interior, marginal(i))
				}
			}
			if len(interior) == 0 {
				t.Fatal("no channel inside its bounds: the case tests nothing")
			}
			lambda := interior[0]
			tol := 1e-4 * math.Max(math.Abs(lambda), 1e-3)
			for _, m := range interior {
				if math.Abs(m-lambda) > tol {
					t.Errorf("channels inside their bounds return %.9g and %.9g at the margin", lambda, m)
					for i, c := range chs {
						if math.Abs(marginal(i)-m) < tol {
							cv := c.curve()
							t.Logf("channel %d %+v s=%g inflection=%g", i, c, s[i], cv.inflection())
						}
					}
					break
				}
			}
			if spent < budget*(1-1e-9) && math.Abs(lambda) > tol {
				t.Errorf("budget not all spent (%.6g of %.6g) yet the marginal return is %.6g, not 0", spent, budget, lambda)
			}
			for i, c := range chs {
				m := marginal(i)
				switch {
				case s[i] == c.lo && m > lambda+tol:
					cv := c.curve()
					t.Errorf("channel %d sits at its minimum but returns %.6g > %.6g at the margin (%+v, spend %g, inflection %g)", i, m, lambda, c, s[i], cv.inflection())
				case s[i] == c.hi && m < lambda-tol:
					t.Errorf("channel %d sits at its maximum but returns %.6g < %.6g at the margin", i, m, lambda)
				}
			}
		})
	}
}

// TestBudgetExtremeCurves throws awkward curves at the solver: it must
// answer, within bounds and budget, and never do worse than the obvious
// answers (everything at the minimums; the whole budget on one channel).
func TestBudgetExtremeCurves(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for trial := 0; trial < 300; trial++ {
		n := 1 + rng.Intn(8)
		chs := make([]testChannel, n)
		for i := range chs {
			c := testChannel{
				m: []float64{0, 1e-3, 1, 1e4, 1e9}[rng.Intn(5)],
				h: math.Pow(10, -2+8*rng.Float64()),
				k: []float64{0.05, 0.5, 1, 1.0001, 2, 10}[rng.Intn(6)],
			}
			c.a = math.Pow(10, -3+6*rng.Float64()) * []float64{1, 0, -1}[rng.Intn(3)]
			c.hi = math.Inf(1)
			if rng.Intn(2) == 0 {
				c.lo = c.h * rng.Float64()
			}
			if rng.Intn(2) == 0 {
				c.hi = c.lo + c.h*3*rng.Float64()
			}
			chs[i] = c
		}
		kappa := float64(rng.Intn(2))
		budget := sumLows(chs) + math.Pow(10, -1+7*rng.Float64())
		if kappa == 0 {
			for i := range chs {
				chs[i].hi = math.Min(chs[i].hi, budget)
			}
		}
		name := fmt.Sprintf("trial %d: %+v budget %g κ %g", trial, chs, budget, kappa)
		s, got := solveTest(t, chs, budget, kappa)
		if math.IsNaN(got) {
			t.Fatalf("%s: NaN objective at %v", name, s)
		}
		lows := make([]float64, n)
		for i, c := range chs {
			lows[i] = c.lo
		}
		baselines := [][]float64{lows}
		for i, c := range chs {
			one := append([]float64(nil), lows...)
			one[i] = math.Min(c.hi, c.lo+budget-sumLows(chs))
			baselines = append(baselines, one)
		}
		for _, b := range baselines {
			if v := objective(chs, b, kappa); got < v-1e-7*math.Abs(v)-1e-9 {
				t.Errorf("%s: solver %.10g at %v, worse than %.10g at %v", name, got, s, v, b)
			}
		}
	}
}

// BenchmarkBudgetSolve is the solver alone on mixed concave and S-shaped
// channels with and without bounds and a budget that binds, without the
// plan's compilation and report around it: the figure to set against other
// solvers (SLSQP takes about 3 ms on 6 channels, 8 ms on 15 and 14 s on 200).
func BenchmarkBudgetSolve(b *testing.B) {
	for _, n := range []int{6, 15, 50, 200, 1000} {
		rng := rand.New(rand.NewSource(int64(n)))
		chs := randomChannels(rng, n, "mixed", n%2 == 0)
		budget := 0.0
		for _, c := range chs {
			budget += c.h
		}
		budget = math.Max(0.7*budget, 1.01*sumLows(chs))
		for _, kappa := range []float64{1, 0} {
			mode := map[float64]string{1: "contribution", 0: "units"}[kappa]
			p := &budgetProblem{kappa: kappa, budget: budget}
			for _, c := range chs {
				c.hi = math.Min(c.hi, budget)
				p.curves = append(p.curves, c.curve())
			}
			b.Run(fmt.Sprintf("%d channels %s", n, mode), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := p.solve(context.Background()); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
