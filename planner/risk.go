package planner

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
)

// Uncertainty (docs/model.md §3.4): the plan's ranges name the inputs a
// manager is unsure of. The tornado moves one input at a time to its low and
// high value; the simulation draws every ranged input at once, each from the
// triangular distribution (low, plan value, high), independently, and
// summarises what the plan's key figures may turn out to be.
//
// Determinism: draw i uses its own PCG stream seeded with (seed, i), and
// takes one uniform number per range in the plan's order, so the draws and
// every figure computed from them are the same for a given seed whatever the
// number of cores that compute them.
//
// Percentiles interpolate linearly between order statistics: with the N
// values sorted x_0 ≤ … ≤ x_{N−1}, the p-th percentile is x_j + f (x_{j+1} −
// x_j), where j + f = p (N − 1) (numpy's default). A ratio that is undefined
// in a draw (cac without new customers) is left out of that ratio's mean and
// percentiles; with no draw defining it they are null.

// DefaultDraws and DefaultSeed are the simulation's defaults.
const (
	DefaultDraws = 5000
	DefaultSeed  = 1
	// MaxDraws bounds a simulation's memory and time.
	MaxDraws = 1_000_000
)

// RiskRequest says what to simulate.
type RiskRequest struct {
	Scenario string // "" or "base" for the plan as written
	Draws    int    // 0 for DefaultDraws
	Seed     uint64
	// Workers is how many goroutines compute the draws; 0 for one per core.
	// The answer does not depend on it.
	Workers int
}

// Risk is the answer of `mixplan risk --json` (docs/model.md §4).
type Risk struct {
	Draws             int                 `json:"draws"`
	Seed              uint64              `json:"seed"`
	Tornado           []TornadoBar        `json:"tornado"`
	Totals            RiskTotals          `json:"totals"`
	Targets           []TargetProbability `json:"targets"`
	MonthlyCumulative []PercentileBand    `json:"monthlyCumulative"`
}

// TornadoBar is one range's effect on contribution, every other input as planned.
type TornadoBar struct {
	Of               string  `json:"of"`
	Low              float64 `json:"low"`
	High             float64 `json:"high"`
	ContributionLow  float64 `json:"contributionLow"`
	ContributionHigh float64 `json:"contributionHigh"`
	Swing            float64 `json:"swing"` // |contributionHigh − contributionLow|
}

// RiskTotals are the distributions of the key totals over the draws.
type RiskTotals struct {
	Contribution   Distribution `json:"contribution"`
	NetRevenue     Distribution `json:"netRevenue"`
	GrossMarginPct Distribution `json:"grossMarginPct"`
	ROMI           Distribution `json:"romi"`
	CAC            Distribution `json:"cac"`
	Units          Distribution `json:"units"`
}

// Distribution summarises one figure over the draws that define it.
type Distribution struct {
	Mean Maybe `json:"mean"`
	P10  Maybe `json:"p10"`
	P50  Maybe `json:"p50"`
	P90  Maybe `json:"p90"`
}

// TargetProbability is the share of draws that meet a set target.
type TargetProbability struct {
	Name        string  `json:"name"`
	Kind        string  `json:"-"` // "min" or "max", as in the report's targets
	Probability float64 `json:"probability"`
}

// PercentileBand is one month's cumulative contribution at the 10th, 50th
// and 90th percentiles.
type PercentileBand struct {
	Month string  `json:"month"`
	P10   float64 `json:"p10"`
	P50   float64 `json:"p50"`
	P90   float64 `json:"p90"`
}

// Simulate computes the tornado and the simulation of the plan's ranges
// under a scenario. It assumes a valid plan and returns ctx's error if ctx
// is cancelled first.
func Simulate(ctx context.Context, p *Plan, req RiskRequest) (*Risk, error) {
	if req.Draws == 0 {
		req.Draws = DefaultDraws
	}
	if req.Draws < 1 || req.Draws > MaxDraws {
		return nil, fmt.Errorf("the number of draws must be between 1 and %d, not %d", MaxDraws, req.Draws)
	}
	if _, ok := p.ScenarioByID(req.Scenario); !ok {
		return nil, fmt.Errorf("the plan has no scenario %q", req.Scenario)
	}
	inputs, err := resolveRanges(p)
	if err != nil {
		return nil, err
	}
	bars, err := tornado(ctx, p, req.Scenario, req.Workers)
	if err != nil {
		return nil, err
	}
	results, err := simulate(ctx, p, req, inputs)
	if err != nil {
		return nil, err
	}
	r := &Risk{Draws: req.Draws, Seed: req.Seed, Tornado: bars}
	results.summarise(p, r)
	return r, nil
}

// resolveRanges finds every range's input.
func resolveRanges(p *Plan) ([]rangeInput, error) {
	inputs := make([]rangeInput, len(p.Ranges))
	for i, r := range p.Ranges {
		in, why := resolveRange(p, r.Of)
		if why != "" {
			return nil, fmt.Errorf("ranges[%d].of: %s", i, why)
		}
		inputs[i] = in
	}
	return inputs, nil
}

// Tornado moves each ranged input to its low and its high value, every other
// input as planned, and returns the contributions, largest swing first (the
// plan's order between equal swings). The 2 × ranges evaluations run on
// every core.
func Tornado(p *Plan, scenario string) ([]TornadoBar, error) {
	return tornado(context.Background(), p, scenario, 0)
}

func tornado(ctx context.Context, p *Plan, scenario string, workers int) ([]TornadoBar, error) {
	inputs, err := resolveRanges(p)
	if err != nil {
		return nil, err
	}
	contribution := make([]float64, 2*len(p.Ranges)) // low, high of each range
	err = parallel(ctx, len(contribution), workers, func() *evaluator { return newEvaluator(p) },
		func(e *evaluator, j int) error {
			r, in := p.Ranges[j/2], inputs[j/2]
			x := r.Low
			if j%2 == 1 {
				x = r.High
			}
			in.set(e.work, x)
			defer in.set(e.work, in.get(p))
			fig, err := e.figures(scenario, false)
			contribution[j] = fig.contribution
			return err
		})
	if err != nil {
		return nil, err
	}
	bars := make([]TornadoBar, len(p.Ranges))
	for i, r := range p.Ranges {
		low, high := contribution[2*i], contribution[2*i+1]
		bars[i] = TornadoBar{Of: r.Of, Low: r.Low, High: r.High, ContributionLow: low, ContributionHigh: high, Swing: math.Abs(high - low)}
	}
	sort.SliceStable(bars, func(a, b int) bool { return bars[a].Swing > bars[b].Swing })
	return bars, nil
}

// triangular is the value of the triangular distribution (low, mode, high)
// at cumulative probability u ∈ [0, 1), kept within [low, high].
func triangular(low, mode, high, u float64) float64 {
	width := high - low
	if width <= 0 {
		return low
	}
	var x float64
	if u < (mode-low)/width {
		x = low + math.Sqrt(u*width*(mode-low))
	} else {
		x = high - math.Sqrt((1-u)*width*(high-mode))
	}
	return math.Min(math.Max(x, low), high)
}

// drawFigures are one draw's figures.
type drawFigures struct {
	contribution, netRevenue, units float64
	grossMarginPct, romi, cac       Maybe
	met                             []bool    // per set target, in report order
	cumulative                      []float64 // per month
}

// draws are every draw's figures, by draw index.
type draws []drawFigures

// simulate computes the draws in parallel; each worker edits its own copy
// of the plan, and each draw's figures land at its index.
func simulate(ctx context.Context, p *Plan, req RiskRequest, inputs []rangeInput) (draws, error) {
	out := make(draws, req.Draws)
	err := parallel(ctx, req.Draws, req.Workers, func() *evaluator { return newEvaluator(p) },
		func(e *evaluator, i int) error {
			applyDraw(e.work, p, inputs, req.Seed, i)
			var err error
			out[i], err = e.figures(req.Scenario, true)
			return err
		})
	return out, err
}

// parallel runs do(w, i) for i = 0…count−1 on workers goroutines (0 for one
// per core), each with its own w from newWorker. It stops at the first
// error or when ctx is cancelled.
func parallel[W any](ctx context.Context, count, workers int, newWorker func() W, do func(w W, i int) error) error {
	if count <= 0 {
		return nil
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, count)
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := newWorker()
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= count {
					return
				}
				if i%64 == 0 && ctx.Err() != nil {
					errs[k] = ctx.Err()
				} else {
					errs[k] = do(w, i)
				}
				if errs[k] != nil {
					failed.Store(true)
					return
				}
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// evaluator evaluates variants of one plan on one goroutine: its own copy
// of the plan to edit, and buffers kept from one evaluation to the next.
type evaluator struct {
	work   *Plan
	layout *layout // the plan's structure, which draws do not change
	flows  *flows
}

func newEvaluator(p *Plan) *evaluator { return &evaluator{work: p.Clone(), layout: newLayout(p)} }

// figures evaluates the working copy under a scenario: the totals the
// simulation summarises and, when months is true, the targets met and the
// cumulative contribution by month.
func (e *evaluator) figures(scenario string, months bool) (drawFigures, error) {
	m, err := compileWith(e.work, scenario, e.layout)
	if err != nil {
		return drawFigures{}, err
	}
	e.flows = m.planFlowsReusing(e.flows)
	t := m.totals(e.flows, nil)
	f := drawFigures{contribution: t.Contribution, netRevenue: t.NetRevenue, units: t.Units,
		grossMarginPct: t.GrossMarginPct, romi: t.ROMI, cac: t.CAC}
	if !months {
		return f, nil
	}
	targets := m.Plan.Targets.evaluate(&t)
	f.met = make([]bool, len(targets))
	for i, tg := range targets {
		f.met[i] = tg.Met
	}
	monthly := m.monthly(e.flows, nil)
	f.cumulative = make([]float64, len(monthly))
	for i, mo := range monthly {
		f.cumulative[i] = mo.CumulativeContribution
	}
	return f, nil
}

// applyDraw sets every ranged input of work to its value in draw i: one
// uniform number per range from the draw's own stream, through the
// triangular distribution around p's value.
func applyDraw(work, p *Plan, inputs []rangeInput, seed uint64, i int) {
	rng := rand.New(rand.NewPCG(seed, uint64(i)))
	for k, r := range p.Ranges {
		in := inputs[k]
		in.set(work, triangular(r.Low, in.get(p), r.High, rng.Float64()))
	}
}

// DrawPlan returns a copy of p with its ranged inputs at their values in
// draw i of the simulation with that seed: the plan that draw evaluates.
// It assumes a valid plan.
func DrawPlan(p *Plan, seed uint64, i int) *Plan {
	work := p.Clone()
	if inputs, err := resolveRanges(p); err == nil {
		applyDraw(work, p, inputs, seed, i)
	}
	return work
}

// summarise fills the simulation's figures of r from the draws.
func (d draws) summarise(p *Plan, r *Risk) {
	pick := func(get func(*drawFigures) Maybe) Distribution {
		xs := make([]float64, 0, len(d))
		for i := range d {
			if v := get(&d[i]); v.Valid {
				xs = append(xs, v.Value)
			}
		}
		return distribution(xs)
	}
	r.Totals = RiskTotals{
		Contribution:   pick(func(f *drawFigures) Maybe { return Some(f.contribution) }),
		NetRevenue:     pick(func(f *drawFigures) Maybe { return Some(f.netRevenue) }),
		GrossMarginPct: pick(func(f *drawFigures) Maybe { return f.grossMarginPct }),
		ROMI:           pick(func(f *drawFigures) Maybe { return f.romi }),
		CAC:            pick(func(f *drawFigures) Maybe { return f.cac }),
		Units:          pick(func(f *drawFigures) Maybe { return Some(f.units) }),
	}
	r.Targets = []TargetProbability{}
	for _, tg := range TargetTable {
		if *tg.goal(&p.Targets) == nil {
			continue
		}
		j := len(r.Targets)
		met := 0
		for i := range d {
			if d[i].met[j] {
				met++
			}
		}
		r.Targets = append(r.Targets, TargetProbability{Name: tg.Name, Kind: tg.Kind, Probability: float64(met) / float64(len(d))})
	}
	labels := MonthLabels(p.Start, p.Months)
	r.MonthlyCumulative = make([]PercentileBand, p.Months)
	xs := make([]float64, len(d))
	for t := range r.MonthlyCumulative {
		for i := range d {
			xs[i] = d[i].cumulative[t]
		}
		sort.Float64s(xs)
		r.MonthlyCumulative[t] = PercentileBand{Month: labels[t],
			P10: percentile(xs, 0.1), P50: percentile(xs, 0.5), P90: percentile(xs, 0.9)}
	}
}

// distribution is the mean and percentiles of xs, which it sorts; null with no value.
func distribution(xs []float64) Distribution {
	if len(xs) == 0 {
		return Distribution{}
	}
	sort.Float64s(xs)
	return Distribution{Mean: Some(mean(xs)), P10: Some(percentile(xs, 0.1)), P50: Some(percentile(xs, 0.5)), P90: Some(percentile(xs, 0.9))}
}

// mean is the average of xs, summed pairwise so that many draws lose no digits.
func mean(xs []float64) float64 {
	var pairwise func([]float64) float64
	pairwise = func(x []float64) float64 {
		if len(x) <= 16 {
			return sum(x)
		}
		h := len(x) / 2
		return pairwise(x[:h]) + pairwise(x[h:])
	}
	return pairwise(xs) / float64(len(xs))
}

// percentile is the p-quantile of sorted xs, interpolating linearly between
// order statistics: position p (N − 1).
func percentile(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 1 {
		return sorted[0]
	}
	h := p * float64(n-1)
	j := int(math.Floor(h))
	if j >= n-1 {
		return sorted[n-1]
	}
	f := h - float64(j)
	return sorted[j] + f*(sorted[j+1]-sorted[j])
}
