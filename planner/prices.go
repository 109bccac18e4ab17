package planner

import (
	"context"
	"fmt"
	"math"
)

// PriceAdvice is the price advisor's answer for one product, in the shape of
// `mixplan prices --json` (docs/model.md sections 3 and 4).
//
// Prices are list prices as the scenario sees them: the plan's list price
// times the scenario's price factor (the base scenario's factor is 1). To
// write an advised price back into the plan, divide by that factor.
type PriceAdvice struct {
	ID        string  `json:"id"`
	ListPrice float64 `json:"listPrice"`
	// MinListPrice is the lowest list price at which the product's gross
	// margin % meets targets.grossMarginPct; null when no target is set or no
	// price can meet it.
	MinListPrice Maybe `json:"minListPrice"`
	// BestListPrice maximises the plan's contribution over [0.2, 5] × ListPrice.
	BestListPrice float64 `json:"bestListPrice"`
	// AtBound is true when BestListPrice sits on either end of that range.
	AtBound bool `json:"atBound"`
	// ContributionAtBest is the plan's contribution at BestListPrice.
	ContributionAtBest float64 `json:"contributionAtBest"`
}

// Price search range, as multiples of the current list price.
const (
	PriceRangeLow  = 0.2
	PriceRangeHigh = 5
)

// AdvisePrices returns the price advice for every product, in the plan's
// order, under a scenario ("" or "base" for the plan as written). It assumes
// a valid plan and returns ctx's error if ctx is cancelled first.
func AdvisePrices(ctx context.Context, p *Plan, scenario string) ([]PriceAdvice, error) {
	m, err := Compile(p, scenario)
	if err != nil {
		return nil, err
	}
	pt := m.priceTotals()
	out := make([]PriceAdvice, len(p.Products))
	for i := range p.Products {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		out[i] = m.advisePrice(i, &pt)
	}
	return out, nil
}

// AdvisePrice returns the price advice for the product at index i.
func AdvisePrice(p *Plan, scenario string, i int) (PriceAdvice, error) {
	m, pt, err := compileForProduct(p, scenario, i)
	if err != nil {
		return PriceAdvice{}, err
	}
	return m.advisePrice(i, &pt), nil
}

// compileForProduct compiles p under scenario for questions about the price
// of product i, which must exist, with the sums its price curve starts from.
func compileForProduct(p *Plan, scenario string, i int) (*Model, priceTotals, error) {
	m, err := Compile(p, scenario)
	if err != nil {
		return nil, priceTotals{}, err
	}
	if i < 0 || i >= len(p.Products) {
		return nil, priceTotals{}, fmt.Errorf("the plan has no product number %d", i+1)
	}
	return m, m.priceTotals(), nil
}

// priceCurve is the plan's contribution as a function of one product's list
// price, everything else held fixed. Only that product's own figures move,
// and through base units the shares of channels without a split; the rest
// is a constant, so one evaluation costs a few operations.
type priceCurve struct {
	rest       float64 // contribution of everything the price does not move
	discount   float64 // (1 − discountPct)
	ref        float64 // referencePrice
	elasticity float64
	volume     float64 // baseVolume × the scenario's volume factor
	netFactor  float64 // Σ_k share_k × (1 − marginPct_k)
	unitCosts  float64 // cost of goods and logistics per unit
	splitLift  float64 // Σ over channels with a split of lift_c × w_cp
	propLift   float64 // Σ over channels without a split of lift_c
	otherBase  float64 // Σ of the other products' base units
	otherValue float64 // Σ of the other products' priceIndex × baseUnits × unitContribution
	equal      float64 // 1/n when every product's base units are 0 (equal split), else 0
}

// productTerm is what product i's price moves: its own contribution from
// base and lift units, and the other products' share of proportional lift.
func (pc *priceCurve) productTerm(listPrice float64) float64 {
	net := listPrice * pc.discount
	index := 1.0
	if pc.elasticity != 0 {
		index = math.Pow(net/pc.ref, pc.elasticity)
	}
	base := pc.volume * index
	unit := net*pc.netFactor - pc.unitCosts
	term := (base + index*pc.splitLift) * unit
	switch {
	case pc.propLift == 0:
	case pc.equal > 0:
		term += pc.propLift * pc.equal * index * unit
	case pc.otherBase+base > 0:
		term += pc.propLift * (pc.otherValue + index*base*unit) / (pc.otherBase + base)
	}
	return term
}

// contribution is the plan's contribution at that list price.
func (pc *priceCurve) contribution(listPrice float64) float64 {
	return pc.rest + pc.productTerm(listPrice)
}

// priceTotals are the plan-wide sums every product's price curve starts from.
type priceTotals struct {
	contribution float64   // the plan's contribution now
	base         float64   // Σ base units
	value        float64   // Σ priceIndex × baseUnits × unitContribution
	propLift     float64   // lift of the channels without a split
	splitLift    []float64 // per product: Σ over channels with a split of lift_c × w_cp
}

func (m *Model) priceTotals() priceTotals {
	pt := priceTotals{contribution: m.Report().Totals.Contribution, splitLift: make([]float64, len(m.BaseUnits))}
	for j := range m.BaseUnits {
		pt.base += m.BaseUnits[j]
		pt.value += m.PriceIndex[j] * m.BaseUnits[j] * m.UnitContribution[j]
	}
	for c := range m.Channels {
		ch := &m.Channels[c]
		lift := ch.Lift(ch.Spend)
		if ch.Proportional {
			pt.propLift += lift
			continue
		}
		for _, pw := range ch.weights {
			pt.splitLift[pw.product] += lift * pw.w
		}
	}
	return pt
}

// priceCurve builds product i's curve at the model's current spends.
func (m *Model) priceCurve(i int, pt *priceTotals) priceCurve {
	pr := &m.Plan.Products[i]
	pc := priceCurve{
		discount: 1 - pr.DiscountPct, ref: pr.ReferencePrice, elasticity: pr.Elasticity,
		volume: pr.BaseVolume * m.Scenario.Volume, netFactor: m.netFactor[i],
		unitCosts: m.UnitCost[i] + m.logisticsPerUnit[i],
		splitLift: pt.splitLift[i], propLift: pt.propLift,
		otherBase:  pt.base - m.BaseUnits[i],
		otherValue: pt.value - m.PriceIndex[i]*m.BaseUnits[i]*m.UnitContribution[i],
	}
	if pt.base == 0 {
		pc.otherBase, pc.otherValue = 0, 0
		pc.equal = 1 / float64(len(m.BaseUnits))
	}
	current := pr.ListPrice * m.Scenario.Price
	pc.rest = pt.contribution - pc.productTerm(current)
	return pc
}

// advisePrice answers for product i.
func (m *Model) advisePrice(i int, pt *priceTotals) PriceAdvice {
	pr := &m.Plan.Products[i]
	list := pr.ListPrice * m.Scenario.Price
	a := PriceAdvice{ID: pr.ID, ListPrice: list}
	if t := m.Plan.Targets.GrossMarginPct; t != nil && *t < 1 && m.netFactor[i] > 0 {
		// grossMarginPct_p = 1 − unitCost / (netPrice × netFactor) ≥ target
		a.MinListPrice = Some(m.UnitCost[i] / ((1 - pr.DiscountPct) * m.netFactor[i] * (1 - *t)))
	}
	pc := m.priceCurve(i, pt)
	lo, hi := PriceRangeLow*list, PriceRangeHigh*list
	a.BestListPrice = maximize1D(pc.contribution, lo, hi)
	a.ContributionAtBest = pc.contribution(a.BestListPrice)
	a.AtBound = a.BestListPrice <= lo*(1+1e-9) || a.BestListPrice >= hi*(1-1e-9)
	return a
}

// maximize1D returns the global maximum of a smooth function on [lo, hi]
// with few turning points: a dense grid in log x finds every local maximum,
// and a golden-section search refines each to the last digits.
func maximize1D(f func(float64) float64, lo, hi float64) float64 {
	const points = 256
	la, lb := math.Log(lo), math.Log(hi)
	at := func(j int) float64 {
		switch j {
		case 0:
			return lo
		case points:
			return hi
		}
		return math.Exp(la + (lb-la)*float64(j)/points)
	}
	vals := make([]float64, points+1)
	for j := range vals {
		vals[j] = f(at(j))
	}
	best, bestX := math.Inf(-1), lo
	for j := range vals {
		isPeak := (j == 0 || vals[j] >= vals[j-1]) && (j == points || vals[j] >= vals[j+1])
		if !isPeak {
			continue
		}
		x, v := at(j), vals[j]
		if j > 0 && j < points {
			x = goldenMax(f, at(j-1), at(j+1))
			v = f(x)
		}
		if v > best {
			best, bestX = v, x
		}
	}
	return bestX
}

// goldenMax narrows [a, b], which holds one maximum of f, to machine precision.
func goldenMax(f func(float64) float64, a, b float64) float64 {
	const inv = 0.6180339887498949 // 1/φ
	c, d := b-inv*(b-a), a+inv*(b-a)
	fc, fd := f(c), f(d)
	for i := 0; i < 200 && b-a > 1e-14*math.Abs(b); i++ {
		if fc >= fd {
			b, d, fd = d, c, fc
			c = b - inv*(b-a)
			fc = f(c)
		} else {
			a, c, fc = c, d, fd
			d = a + inv*(b-a)
			fd = f(d)
		}
	}
	return 0.5 * (a + b)
}

// PriceCurve returns the plan's contribution with product i at each of the
// given list prices (scenario prices, like PriceAdvice's), everything else
// held as it is: the curve the price advisor searches, for charts. It costs
// a few operations per price after one pass over the plan.
func PriceCurve(p *Plan, scenario string, i int, prices []float64) ([]float64, error) {
	m, pt, err := compileForProduct(p, scenario, i)
	if err != nil {
		return nil, err
	}
	pc := m.priceCurve(i, &pt)
	out := make([]float64, len(prices))
	for j, price := range prices {
		out[j] = pc.contribution(price)
	}
	return out, nil
}
