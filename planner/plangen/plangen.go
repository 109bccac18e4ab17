// Package plangen generates valid plans of any size for benchmarks, fuzzing
// seeds and randomised tests. The same seed gives the same plan.
package plangen

import (
	"fmt"
	"math/rand"

	"mixplan/planner"
)

// Size is how large a generated plan is.
type Size struct {
	Products, Places, Promotions, Months, Scenarios int
	// Monthly adds the monthly response of format version 2: some channels
	// get carryover, responsiveness or a monthly cap, and the plan gets
	// channel groups. Without it a plan has only version-1 fields.
	Monthly bool
}

// Large is the size of the engine's benchmark plan: 2,000 products, 20
// places, 200 promotions, 24 months, 10 scenarios, with the monthly response.
var Large = Size{Products: 2000, Places: 20, Promotions: 200, Months: 24, Scenarios: 10, Monthly: true}

// Generate returns a valid plan of the given size. Products get random costs,
// prices, elasticities and seasonality; every product is spread over up to
// five places; promotions mix concave and S-shaped curves, with and without
// split, bounds and flighting; some targets are set.
func Generate(size Size, seed int64) *planner.Plan {
	rng := rand.New(rand.NewSource(seed))
	months := size.Months
	if months < 1 {
		months = 12
	}
	p := &planner.Plan{
		Name:    fmt.Sprintf("Generated plan %d×%d×%d", size.Products, size.Places, size.Promotions),
		Company: "Generated Ltd", Currency: "EUR", Locale: "en", Start: "2027-01", Months: months,
		RetentionPct: 0.4, DiscountRate: 0.1,
		Targets: planner.Targets{GrossMarginPct: planner.Float(0.5), ROMI: planner.Float(0.3)},
	}
	for i := 0; i < size.Products; i++ {
		price := 5 + rng.Float64()*150
		pr := planner.Product{
			ID: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("Product %d", i),
			UnitCost: price * (0.15 + 0.35*rng.Float64()), ListPrice: price,
			DiscountPct: 0.15 * rng.Float64(), BaseVolume: float64(rng.Intn(20000)),
			ReferencePrice: price * (0.9 + 0.2*rng.Float64()), Elasticity: -3 * rng.Float64(),
			LaunchCost: float64(rng.Intn(5)) * 5000, UnitsPerCustomer: 1 + 2*rng.Float64(),
		}
		if rng.Intn(3) > 0 {
			pr.Seasonality = weights(rng, months)
		}
		p.Products = append(p.Products, pr)
	}
	for k := 0; k < size.Places; k++ {
		p.Places = append(p.Places, planner.Place{
			ID: fmt.Sprintf("pl%d", k), Name: fmt.Sprintf("Place %d", k),
			MarginPct: 0.5 * rng.Float64(), UnitCost: 3 * rng.Float64(),
			FixedCost: float64(rng.Intn(50)) * 1000, Share: map[string]float64{},
		})
	}
	if size.Places > 0 {
		for _, pr := range p.Products {
			spreadShares(rng, p.Places, pr.ID)
		}
	}
	for c := 0; c < size.Promotions; c++ {
		half := 5000 + rng.Float64()*100000
		pm := planner.Promotion{
			ID: fmt.Sprintf("c%d", c), Name: fmt.Sprintf("Channel %d", c), Kind: "digital",
			Spend: half * rng.Float64() * 1.5, Min: 0,
			Response: planner.Response{MaxUnits: 500 + rng.Float64()*20000, HalfSpend: half, Shape: 0.5 + 2.5*rng.Float64()},
		}
		if rng.Intn(2) == 0 {
			pm.Max = planner.Float(pm.Spend*1.5 + half)
		}
		if rng.Intn(4) == 0 {
			pm.Min = pm.Spend * 0.2
		}
		if size.Products > 0 && rng.Intn(2) == 0 {
			pm.Split = map[string]float64{}
			for j := 0; j < 1+rng.Intn(5); j++ {
				pm.Split[p.Products[rng.Intn(size.Products)].ID] = rng.Float64() + 0.1
			}
		}
		if rng.Intn(2) == 0 {
			pm.Flighting = weights(rng, months)
		}
		p.Promotions = append(p.Promotions, pm)
	}
	if size.Monthly {
		addMonthly(p, seed)
	}
	for s := 0; s < size.Scenarios; s++ {
		p.Scenarios = append(p.Scenarios, planner.Scenario{
			ID: fmt.Sprintf("s%d", s), Name: fmt.Sprintf("Scenario %d", s),
			Volume: 0.8 + 0.4*rng.Float64(), UnitCost: 0.9 + 0.2*rng.Float64(),
			Response: 0.8 + 0.4*rng.Float64(), Price: 0.95 + 0.1*rng.Float64(),
		})
	}
	return p
}

// spreadShares sells a product through up to five random places, shares adding up to 1.
func spreadShares(rng *rand.Rand, places []planner.Place, id string) {
	n := 1 + rng.Intn(5)
	if n > len(places) {
		n = len(places)
	}
	picks := rng.Perm(len(places))[:n]
	raw := make([]float64, n)
	sum := 0.0
	for i := range raw {
		raw[i] = 0.1 + rng.Float64()
		sum += raw[i]
	}
	left := 1.0
	for i, k := range picks {
		x := raw[i] / sum
		if i == n-1 {
			x = left // exact, so the shares add up to 1 within the tolerance
		}
		places[k].Share[id] = x
		left -= x
	}
}

func weights(rng *rand.Rand, n int) []float64 {
	w := make([]float64, n)
	for i := range w {
		w[i] = float64(1 + rng.Intn(10))
	}
	return w
}
