package planner_test

import (
	"context"
	"encoding/json"
	"errors"
	"math/rand"
	"testing"

	"mixplan/planner"
	"mixplan/planner/plangen"
)

// extremes are values at and past the edges of what validation accepts,
// which the property test writes into random plans.
var extremes = []float64{0, 1e-300, 5e-324, 1e-6, 1e-3, 0.999999, 1, 10, 1e3, 1e12, 1.0000001e12, 1e15, 1e300, 1e308}

// extremize sets a few of a plan's inputs to extreme values, at random.
func extremize(p *planner.Plan, rng *rand.Rand) {
	pick := func() float64 { return extremes[rng.Intn(len(extremes))] }
	setters := []func(){
		func() { p.Products[rng.Intn(len(p.Products))].BaseVolume = pick() },
		func() { p.Products[rng.Intn(len(p.Products))].ListPrice = pick() },
		func() { p.Products[rng.Intn(len(p.Products))].ReferencePrice = pick() },
		func() { p.Products[rng.Intn(len(p.Products))].UnitCost = pick() },
		func() { p.Products[rng.Intn(len(p.Products))].DiscountPct = pick() },
		func() { p.Products[rng.Intn(len(p.Products))].Elasticity = -20 * rng.Float64() },
		func() { p.Products[rng.Intn(len(p.Products))].Elasticity = -20 },
		func() { p.Products[rng.Intn(len(p.Products))].UnitsPerCustomer = pick() },
		func() { p.Products[rng.Intn(len(p.Products))].LaunchCost = pick() },
		func() {
			pr := &p.Products[rng.Intn(len(p.Products))]
			if pr.Seasonality != nil {
				pr.Seasonality[rng.Intn(len(pr.Seasonality))] = pick()
			}
		},
		func() { p.Places[rng.Intn(len(p.Places))].FixedCost = pick() },
		func() { p.Places[rng.Intn(len(p.Places))].UnitCost = pick() },
		func() { p.Places[rng.Intn(len(p.Places))].MarginPct = pick() },
		func() { p.Promotions[rng.Intn(len(p.Promotions))].Spend = pick() },
		func() { p.Promotions[rng.Intn(len(p.Promotions))].Response.MaxUnits = pick() },
		func() { p.Promotions[rng.Intn(len(p.Promotions))].Response.HalfSpend = pick() },
		func() {
			p.Promotions[rng.Intn(len(p.Promotions))].Response.Shape = []float64{1e-6, 0.01, 1, 10}[rng.Intn(4)]
		},
		func() { p.Promotions[rng.Intn(len(p.Promotions))].Response.Carryover = 0.9 },
		func() {
			pm := &p.Promotions[rng.Intn(len(p.Promotions))]
			if pm.Flighting != nil {
				pm.Flighting[rng.Intn(len(pm.Flighting))] = pick()
			}
		},
		func() {
			if len(p.Scenarios) > 0 {
				sc := &p.Scenarios[rng.Intn(len(p.Scenarios))]
				*[]*float64{&sc.Volume, &sc.UnitCost, &sc.Response, &sc.Price}[rng.Intn(4)] = pick()
			}
		},
		func() { p.DiscountRate = pick() },
		func() { p.RetentionPct = 0.999999 },
		func() { p.Targets.Budget = planner.Float(pick()) },
		func() { p.Targets.Revenue = planner.Float(pick()) },
		func() { p.Targets.CAC = planner.Float(pick()) },
	}
	for n := 1 + rng.Intn(6); n > 0; n-- {
		setters[rng.Intn(len(setters))]()
	}
}

// TestWhatValidatesEvaluates is the property issue 11 asks for: whatever
// plan validation accepts, report (and its JSON), price advice, optimize,
// track and risk evaluate it with finite figures and no panic. Plans are
// random, with a few inputs pushed to extremes; those validation refuses are
// skipped, and the test checks that enough were accepted to mean something.
func TestWhatValidatesEvaluates(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	accepted, tries := 0, 400
	if testing.Short() {
		tries = 100
	}
	size := plangen.Size{Products: 4, Places: 2, Promotions: 4, Months: 12, Scenarios: 2, Monthly: true}
	for i := 0; i < tries; i++ {
		p := plangen.Generate(size, int64(i))
		p = plangen.WithActuals(p, 1+rng.Intn(11), int64(i))
		p = plangen.WithRanges(p, 3, int64(i))
		extremize(p, rng)
		if p.Validate() != nil {
			continue
		}
		accepted++
		evaluateEverything(t, i, p)
	}
	if accepted < tries/5 {
		t.Fatalf("only %d of %d extreme plans were valid: the test no longer tests much", accepted, tries)
	}
	t.Logf("%d of %d extreme plans valid, all evaluated with finite figures", accepted, tries)
}

func evaluateEverything(t *testing.T, i int, p *planner.Plan) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("plan %d: panic %v", i, r)
		}
	}()
	for _, id := range p.ScenarioIDs() {
		r, err := planner.Evaluate(p, id)
		if err != nil {
			t.Fatalf("plan %d, scenario %s: %v", i, id, err)
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("plan %d, scenario %s: report --json: %v", i, id, err)
		}
		if pb := r.Totals.PaybackMonth; pb.Valid && pb.Value > float64(p.Months) {
			t.Fatalf("plan %d: payback month %v of a %d-month plan", i, pb.Value, p.Months)
		}
	}
	ctx := context.Background()
	if _, err := planner.AdvisePrices(ctx, p, ""); err != nil {
		t.Fatalf("plan %d: prices: %v", i, err)
	}
	if o, err := planner.Optimize(ctx, p, planner.OptimizeRequest{}); err != nil && errors.Is(err, planner.ErrNotFinite) {
		t.Fatalf("plan %d: optimize: %v", i, err)
	} else if err == nil {
		if _, err := json.Marshal(o); err != nil {
			t.Fatalf("plan %d: optimize --json: %v", i, err)
		}
	}
	if _, err := planner.Track(p); err != nil {
		t.Fatalf("plan %d: track: %v", i, err)
	}
	if _, err := planner.Simulate(ctx, p, planner.RiskRequest{Draws: 50, Seed: 1, Workers: 1}); err != nil {
		t.Fatalf("plan %d: risk: %v", i, err)
	}
}
