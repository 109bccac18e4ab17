package planner_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
	"testing"

	"mixplan/planner"
	"mixplan/planner/plangen"
)

// TestTornadoWorkedExample: the tornado equals the independently computed
// one, bar for bar and in its order, to 1e-9.
func TestTornadoWorkedExample(t *testing.T) {
	tea, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	got, err := planner.Tornado(tea, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diffTrees("", readTree(t, "testdata/expected/tea.tornado.json"), toTree(t, got), 1e-9) {
		t.Error(d)
	}
}

// referenceSimulation is the contract's reference's own simulation of the
// worked example: 3,000 draws of its own generator.
type referenceSimulation struct {
	Totals map[string]struct {
		Mean, P10, P50, P90 float64
	}
	Targets []struct {
		Name        string
		Probability float64
	}
}

const referenceDraws = 3000

// TestSimulationWorkedExample: our simulation and the reference's are two
// samples of the same distribution, so they must agree within sampling
// error. Each tolerance is 4 standard errors of the difference between the
// two samples' estimates: for a mean, 4 s √(1/N + 1/3000) with s our
// sample's standard deviation; for a percentile, distribution-free, the
// share of our draws below the reference's p-th percentile must be within
// 4 √(p (1 − p) (1/N + 1/3000)) of p; for a probability, the same with the
// pooled proportion.
func TestSimulationWorkedExample(t *testing.T) {
	tea, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	var ref referenceSimulation
	if err := json.Unmarshal(readFile(t, "testdata/expected/tea.simulate.json"), &ref); err != nil {
		t.Fatal(err)
	}
	const N = planner.DefaultDraws
	risk, values := simulateWithValues(t, tea, N)
	got := map[string]planner.Distribution{
		"contribution": risk.Totals.Contribution, "netRevenue": risk.Totals.NetRevenue,
		"grossMarginPct": risk.Totals.GrossMarginPct, "romi": risk.Totals.ROMI, "cac": risk.Totals.CAC, "units": risk.Totals.Units,
	}
	if len(ref.Totals) != len(got) {
		t.Fatalf("the reference has %d totals, we have %d", len(ref.Totals), len(got))
	}
	scale := math.Sqrt(1.0/N + 1.0/referenceDraws)
	for name, want := range ref.Totals {
		xs := values[name]
		sd := stddev(xs)
		if testing.Verbose() {
			t.Logf("%s: mean %.1f standard errors from the reference's", name, (got[name].Mean.Value-want.Mean)/(sd*scale))
		}
		if d := math.Abs(got[name].Mean.Value - want.Mean); d > 4*sd*scale {
			t.Errorf("%s: mean %.8g, the reference's %.8g: %.3g apart, more than 4 standard errors (%.3g)", name, got[name].Mean.Value, want.Mean, d, 4*sd*scale)
		}
		// Our percentiles are the draws' order statistics interpolated linearly.
		for _, q := range []struct {
			p   float64
			got planner.Maybe
		}{{0.1, got[name].P10}, {0.5, got[name].P50}, {0.9, got[name].P90}} {
			h := q.p * float64(len(xs)-1)
			j := int(h)
			if want := xs[j] + (h-float64(j))*(xs[j+1]-xs[j]); !q.got.Valid || math.Abs(q.got.Value-want) > 1e-12*math.Abs(want) {
				t.Errorf("%s: P%.0f %v, the draws' order statistics give %v", name, 100*q.p, q.got, want)
			}
		}
		for _, q := range []struct {
			p    float64
			want float64
		}{{0.1, want.P10}, {0.5, want.P50}, {0.9, want.P90}} {
			below := float64(sort.SearchFloat64s(xs, q.want)) / float64(len(xs))
			if tol := 4 * math.Sqrt(q.p*(1-q.p)) * scale; math.Abs(below-q.p) > tol {
				t.Errorf("%s: %.0f %% of our draws fall below the reference's P%.0f (%.8g), want %.0f %% ± %.2f", name, 100*below, 100*q.p, q.want, 100*q.p, 100*tol)
			}
		}
	}
	if len(risk.Targets) != len(ref.Targets) {
		t.Fatalf("%d targets, the reference has %d", len(risk.Targets), len(ref.Targets))
	}
	for i, want := range ref.Targets {
		g := risk.Targets[i]
		pooled := (g.Probability*N + want.Probability*referenceDraws) / (N + referenceDraws)
		tol := 4 * math.Sqrt(pooled*(1-pooled)) * scale
		if g.Name != want.Name || math.Abs(g.Probability-want.Probability) > tol {
			t.Errorf("target %s: probability %.4f, the reference's %s %.4f (± %.4f)", g.Name, g.Probability, want.Name, want.Probability, tol)
		}
	}
}

// simulateWithValues simulates and also returns each total's sorted values
// over the draws, recomputed draw by draw with the engine: the figures the
// percentiles summarise.
func simulateWithValues(t *testing.T, p *planner.Plan, draws int) (*planner.Risk, map[string][]float64) {
	t.Helper()
	risk, err := planner.Simulate(context.Background(), p, planner.RiskRequest{Draws: draws, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	values := map[string][]float64{}
	for i := 0; i < draws; i++ {
		r, err := planner.Evaluate(planner.DrawPlan(p, 7, i), "")
		if err != nil {
			t.Fatal(err)
		}
		tot := r.Totals
		values["contribution"] = append(values["contribution"], tot.Contribution)
		values["netRevenue"] = append(values["netRevenue"], tot.NetRevenue)
		values["units"] = append(values["units"], tot.Units)
		for name, m := range map[string]planner.Maybe{"grossMarginPct": tot.GrossMarginPct, "romi": tot.ROMI, "cac": tot.CAC} {
			if m.Valid {
				values[name] = append(values[name], m.Value)
			}
		}
	}
	for _, xs := range values {
		sort.Float64s(xs)
	}
	return risk, values
}

func stddev(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m += x
	}
	m /= float64(len(xs))
	v := 0.0
	for _, x := range xs {
		v += (x - m) * (x - m)
	}
	return math.Sqrt(v / float64(len(xs)-1))
}

// TestSimulationKnownMean: with one range on a base volume and every channel
// split to named products, contribution is linear in that volume, so its
// mean over the draws must be the contribution at the triangular
// distribution's mean (low + mode + high)/3, within 4 standard errors
// (the slope times the distribution's standard deviation over √N), and its
// median the contribution at the distribution's median.
func TestSimulationKnownMean(t *testing.T) {
	tea, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	p := tea.Clone()
	p.Promotions = []planner.Promotion{p.Promotions[0], p.Promotions[1], p.Promotions[3], p.Promotions[5]} // sea, social, plv, fairs: all split
	p.Groups, p.Actuals = nil, nil
	low, mode, high := 40000.0, 60000.0, 90000.0
	p.Ranges = []planner.Range{{Of: "products.green.baseVolume", Low: low, High: high}}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	at := func(volume float64) float64 {
		q := p.Clone()
		q.Products[0].BaseVolume = volume
		return mustReport(t, q, "low").Totals.Contribution
	}
	slope := (at(high) - at(low)) / (high - low)
	if mid := at(mode); math.Abs(mid-(at(low)+slope*(mode-low))) > 1e-9*math.Abs(mid) {
		t.Fatal("contribution is not linear in the base volume: the test's premise is wrong")
	}
	const N = 5000
	risk, err := planner.Simulate(context.Background(), p, planner.RiskRequest{Scenario: "low", Draws: N, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	mean := at((low + mode + high) / 3)
	sd := math.Abs(slope) * math.Sqrt((low*low+mode*mode+high*high-low*mode-low*high-mode*high)/18)
	if got := risk.Totals.Contribution.Mean.Value; math.Abs(got-mean) > 4*sd/math.Sqrt(N) {
		t.Errorf("mean contribution %.2f, exactly %.2f (standard error %.2f)", got, mean, sd/math.Sqrt(N))
	}
	// The median of the triangular distribution, mode ≥ (low+high)/2: low + √((high−low)(mode−low)/2).
	median := at(high - math.Sqrt((high-low)*(high-mode)/2))
	if (high-low)/2 <= mode-low {
		median = at(low + math.Sqrt((high-low)*(mode-low)/2))
	}
	// Its standard error: √(0.25/N) / density at the median, the density in
	// contribution being the triangular density over the slope.
	x := low + (median-at(low))/slope
	density := 2 * (high - x) / ((high - low) * (high - mode))
	if x < mode {
		density = 2 * (x - low) / ((high - low) * (mode - low))
	}
	se := 0.5 / math.Sqrt(N) / (density / math.Abs(slope))
	if got := risk.Totals.Contribution.P50.Value; math.Abs(got-median) > 4*se {
		t.Errorf("median contribution %.2f, exactly %.2f (standard error %.2f)", got, median, se)
	}
}

// TestSimulationDeterministic: the same seed gives the same answer whatever
// the number of workers; another seed another answer.
func TestSimulationDeterministic(t *testing.T) {
	tea, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	var first *planner.Risk
	for _, workers := range []int{1, 2, 7} {
		r, err := planner.Simulate(context.Background(), tea, planner.RiskRequest{Draws: 999, Seed: 42, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = r
		} else if !reflect.DeepEqual(first, r) {
			t.Errorf("%d workers give another answer than 1", workers)
		}
	}
	other, _ := planner.Simulate(context.Background(), tea, planner.RiskRequest{Draws: 999, Seed: 43})
	if reflect.DeepEqual(first.Totals, other.Totals) {
		t.Error("seeds 42 and 43 give the same draws")
	}
	if first.Draws != 999 || first.Seed != 42 || len(first.MonthlyCumulative) != 12 || first.MonthlyCumulative[11].Month != "2027-12" {
		t.Errorf("draws %d seed %d months %+v", first.Draws, first.Seed, first.MonthlyCumulative)
	}
	for _, b := range first.MonthlyCumulative {
		if !(b.P10 <= b.P50 && b.P50 <= b.P90) {
			t.Errorf("%s: percentiles out of order %+v", b.Month, b)
		}
	}
}

// TestSimulationStaysFinite: draws of generated plans with ranges on every
// kind of input, at the edges of their rules, never give NaN or Inf.
func TestSimulationStaysFinite(t *testing.T) {
	for seed := int64(1); seed <= 12; seed++ {
		size := plangen.Size{Products: 1 + int(seed)%6, Places: 1 + int(seed)%3, Promotions: int(seed) % 7, Months: []int{1, 12, 60}[seed%3], Scenarios: 1, Monthly: true}
		p := plangen.WithRanges(plangen.Generate(size, seed), 12, seed)
		if seed%4 == 0 && len(p.Products) > 0 {
			p.Products[0].BaseVolume = 0 // ranges from 0
			kept := []planner.Range{{Of: "products.p0.baseVolume", Low: 0, High: 10}}
			for _, r := range p.Ranges {
				if r.Of != "products.p0.baseVolume" {
					kept = append(kept, r)
				}
			}
			p.Ranges = kept
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		t.Run(fmt.Sprintf("seed %d, %d ranges", seed, len(p.Ranges)), func(t *testing.T) {
			r, err := planner.Simulate(context.Background(), p, planner.RiskRequest{Scenario: "s0", Draws: 300, Seed: uint64(seed)})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := json.Marshal(r); err != nil { // NaN and Inf do not encode
				t.Fatal(err)
			}
		})
	}
}

func TestSimulationRequests(t *testing.T) {
	tea, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		req     planner.RiskRequest
		refused string
	}{
		{"negative draws", planner.RiskRequest{Draws: -1}, "between 1 and 1000000, not -1"},
		{"too many draws", planner.RiskRequest{Draws: 2_000_000}, "between 1 and 1000000"},
		{"unknown scenario", planner.RiskRequest{Scenario: "mars"}, `no scenario "mars"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := planner.Simulate(context.Background(), tea, tc.req)
			if err == nil || !strings.Contains(err.Error(), tc.refused) {
				t.Errorf("got %v, want %q", err, tc.refused)
			}
		})
	}
	t.Run("default draws", func(t *testing.T) {
		r, err := planner.Simulate(context.Background(), tea, planner.RiskRequest{Seed: 1})
		if err != nil || r.Draws != planner.DefaultDraws {
			t.Errorf("%v, %d draws", err, r.Draws)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := planner.Simulate(ctx, tea, planner.RiskRequest{Draws: 1000}); !errors.Is(err, context.Canceled) {
			t.Errorf("got %v", err)
		}
	})
	t.Run("no ranges", func(t *testing.T) {
		q := tea.Clone()
		q.Ranges = nil
		r, err := planner.Simulate(context.Background(), q, planner.RiskRequest{Draws: 10})
		plan := mustReport(t, q, "")
		if err != nil || len(r.Tornado) != 0 || r.Totals.Contribution.P10.Value != plan.Totals.Contribution {
			t.Errorf("%v: %+v", err, r)
		}
	})
}
