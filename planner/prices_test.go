package planner

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"os"
	"testing"
)

// generatedPricePlans are plans of many shapes for the price advisor: with
// and without channels lacking a split (whose lift follows base units, so
// one product's price moves every product's lift), zero base volumes, one
// product.
func generatedPricePlans() map[string]*Plan {
	plans := map[string]*Plan{}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 12; i++ {
		p := &Plan{Name: "prices", Currency: "EUR", Locale: "en", Months: 12, DiscountRate: 0.1}
		nP := 1 + rng.Intn(5)
		for j := 0; j < nP; j++ {
			price := 5 + 50*rng.Float64()
			pr := Product{
				ID: fmt.Sprintf("p%d", j), Name: "P", UnitCost: price * 0.3 * rng.Float64(), ListPrice: price,
				DiscountPct: 0.2 * rng.Float64(), BaseVolume: float64(rng.Intn(3) * 10000),
				ReferencePrice: price * (0.8 + 0.4*rng.Float64()), Elasticity: -4 * rng.Float64(), UnitsPerCustomer: 1,
			}
			if i == 0 {
				pr.BaseVolume = 0 // every product at 0: channels without a split share lift equally
			}
			p.Products = append(p.Products, pr)
		}
		for k := 0; k < 2; k++ {
			pl := Place{ID: fmt.Sprintf("k%d", k), Name: "K", MarginPct: 0.4 * rng.Float64(), UnitCost: rng.Float64(), Share: map[string]float64{}}
			for _, pr := range p.Products {
				pl.Share[pr.ID] = 0.5
			}
			p.Places = append(p.Places, pl)
		}
		for c := 0; c < rng.Intn(4); c++ {
			pm := Promotion{ID: fmt.Sprintf("c%d", c), Name: "C", Spend: 20000 * rng.Float64(),
				Response: Response{MaxUnits: 20000 * rng.Float64(), HalfSpend: 10000, Shape: 0.5 + 2*rng.Float64()}}
			if rng.Intn(2) == 0 {
				pm.Split = map[string]float64{p.Products[rng.Intn(nP)].ID: 1}
			}
			p.Promotions = append(p.Promotions, pm)
		}
		p.Scenarios = []Scenario{{ID: "s", Name: "S", Volume: 1.1, UnitCost: 0.9, Response: 1.2, Price: 1.05}}
		if rng.Intn(2) == 0 {
			p.Targets.GrossMarginPct = Float(0.5)
		}
		plans[fmt.Sprintf("generated %d", i)] = p
	}
	return plans
}

// withListPrice is the plan with product i at a list price as the scenario sees it.
func withListPrice(p *Plan, scenario string, i int, price float64) *Plan {
	sc, _ := p.ScenarioByID(scenario)
	q := p.Clone()
	q.Products[i].ListPrice = price / sc.Price
	return q
}

func contributionAt(t *testing.T, p *Plan, scenario string, i int, price float64) float64 {
	t.Helper()
	r, err := Evaluate(withListPrice(p, scenario, i, price), scenario)
	if err != nil {
		t.Fatal(err)
	}
	return r.Totals.Contribution
}

// TestPriceCurveMatchesTheEngine: the advisor's fast contribution curve is
// the engine's contribution with the price changed, at every price tried.
func TestPriceCurveMatchesTheEngine(t *testing.T) {
	for name, p := range generatedPricePlans() {
		if err := p.Validate(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, scenario := range []string{"base", "s"} {
			m, err := Compile(p, scenario)
			if err != nil {
				t.Fatal(err)
			}
			pt := m.priceTotals()
			for i := range p.Products {
				pc := m.priceCurve(i, &pt)
				list := p.Products[i].ListPrice * m.Scenario.Price
				for _, f := range []float64{0.2, 0.5, 0.93, 1, 1.7, 5} {
					got, want := pc.contribution(f*list), contributionAt(t, p, scenario, i, f*list)
					if math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
						t.Errorf("%s, %s, product %d at %.2f× its price: curve %.12g, engine %.12g", name, scenario, i, f, got, want)
					}
				}
			}
		}
	}
}

// TestBestPriceIsGlobal compares the advisor with a dense scan of the
// engine's contribution over the whole price range.
func TestBestPriceIsGlobal(t *testing.T) {
	plans := generatedPricePlans()
	tea, err := Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	plans["worked example"] = tea
	for name, p := range plans {
		advice, err := AdvisePrices(context.Background(), p, "base")
		if err != nil {
			t.Fatal(err)
		}
		for i, a := range advice {
			list := p.Products[i].ListPrice
			best := math.Inf(-1)
			for j := 0; j <= 2000; j++ {
				price := list * PriceRangeLow * math.Pow(PriceRangeHigh/PriceRangeLow, float64(j)/2000)
				best = math.Max(best, contributionAt(t, p, "base", i, price))
			}
			at := contributionAt(t, p, "base", i, a.BestListPrice)
			if math.Abs(at-a.ContributionAtBest) > 1e-9*math.Abs(at) {
				t.Errorf("%s %s: contributionAtBest %.10g, the engine at that price %.10g", name, a.ID, a.ContributionAtBest, at)
			}
			if at < best-1e-9*math.Abs(best) {
				t.Errorf("%s %s: best price %.6g gives %.10g, the scan found %.10g", name, a.ID, a.BestListPrice, at, best)
			}
			if a.BestListPrice < PriceRangeLow*list*(1-1e-12) || a.BestListPrice > PriceRangeHigh*list*(1+1e-12) {
				t.Errorf("%s %s: best price %g outside the range", name, a.ID, a.BestListPrice)
			}
			onEdge := a.BestListPrice == PriceRangeLow*list || a.BestListPrice == PriceRangeHigh*list
			if a.AtBound != onEdge {
				t.Errorf("%s %s: atBound %v at %g (range %g–%g)", name, a.ID, a.AtBound, a.BestListPrice, PriceRangeLow*list, PriceRangeHigh*list)
			}
		}
	}
}

// TestMinListPriceMeetsTheTarget: at minListPrice the product's gross margin
// is exactly the target.
func TestMinListPriceMeetsTheTarget(t *testing.T) {
	for name, p := range generatedPricePlans() {
		for _, scenario := range []string{"base", "s"} {
			advice, err := AdvisePrices(context.Background(), p, scenario)
			if err != nil {
				t.Fatal(err)
			}
			for i, a := range advice {
				if p.Targets.GrossMarginPct == nil {
					if a.MinListPrice.Valid {
						t.Errorf("%s %s: minListPrice %v without a target", name, a.ID, a.MinListPrice)
					}
					continue
				}
				q := withListPrice(p, scenario, i, a.MinListPrice.Value)
				q.Products[i].BaseVolume += 1 // margin % needs units; it does not depend on how many
				r, err := Evaluate(q, scenario)
				if err != nil {
					t.Fatal(err)
				}
				got := r.Products[i].GrossMarginPct
				if !got.Valid || math.Abs(got.Value-*p.Targets.GrossMarginPct) > 1e-9 {
					t.Errorf("%s %s %s: gross margin %v at minListPrice %g, want %g", name, scenario, a.ID, got, a.MinListPrice.Value, *p.Targets.GrossMarginPct)
				}
			}
		}
	}
}

func TestPricesWorkedExample(t *testing.T) {
	p, err := Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	var want struct{ Products []PriceAdvice }
	b, err := os.ReadFile("testdata/expected/tea.prices.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	got, err := AdvisePrices(context.Background(), p, "")
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range want.Products {
		g := got[i]
		close := func(a, b, rel float64) bool { return math.Abs(a-b) <= rel*math.Abs(b) }
		if g.ID != w.ID || g.AtBound != w.AtBound || g.MinListPrice.Valid != w.MinListPrice.Valid ||
			!close(g.ListPrice, w.ListPrice, 1e-12) || !close(g.MinListPrice.Value, w.MinListPrice.Value, 1e-9) ||
			!close(g.ContributionAtBest, w.ContributionAtBest, 1e-6) || !close(g.BestListPrice, w.BestListPrice, 1e-5) {
			t.Errorf("got %+v\nwant %+v", g, w)
		}
	}
}

func TestAdvisePriceOne(t *testing.T) {
	p, err := Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	all, err := AdvisePrices(context.Background(), p, "low")
	if err != nil {
		t.Fatal(err)
	}
	for i := range p.Products {
		one, err := AdvisePrice(p, "low", i)
		if err != nil || one != all[i] {
			t.Errorf("product %d: AdvisePrice %+v (%v), AdvisePrices %+v", i, one, err, all[i])
		}
	}
	if _, err := AdvisePrice(p, "base", 3); err == nil {
		t.Error("no error for a product that does not exist")
	}
}

// TestPriceCurveExported: the exported curve is the engine's contribution at
// each price, and refuses a product that does not exist.
func TestPriceCurveExported(t *testing.T) {
	p, err := Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	prices := []float64{2, 8.9, 13.15, 40}
	got, err := PriceCurve(p, "high", 0, prices)
	if err != nil {
		t.Fatal(err)
	}
	for j, price := range prices {
		if want := contributionAt(t, p, "high", 0, price); math.Abs(got[j]-want) > 1e-9*math.Abs(want) {
			t.Errorf("at %g: %.10g, the engine says %.10g", price, got[j], want)
		}
	}
	if _, err := PriceCurve(p, "base", 3, prices); err == nil {
		t.Error("no error for a product that does not exist")
	}
}
