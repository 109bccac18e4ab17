package ui

import (
	"context"
	"math"
	"slices"
	"sort"

	"mixplan/planner"
)

// The Price screen's figures that take time on a large plan: the price
// advisor's answer for one product and the plan's contribution against that
// product's list price (planner.PriceCurve). They are computed off the UI
// goroutine (see priceScreen.startAdvice); nothing here touches a widget.

// curveSamples is how many list prices the contribution curve is sampled
// at, besides today's and the best.
const curveSamples = 60

// priceJob is what one advice is computed for: a plan (never changed in
// place, so the pointer identifies its content), a scenario and a product.
type priceJob struct {
	plan     *planner.Plan
	scenario string
	product  string // id
}

// priceAdvice is the advisor's answer for one product in the plan's own list
// prices: the advisor works in the scenario's prices (the plan's × the
// scenario's price factor), and every price here is divided back by Factor,
// so that it compares with the list price field and can be written back.
type priceAdvice struct {
	planner.PriceAdvice
	// Factor is the scenario's price factor (1 for the base plan).
	Factor float64
	// Today is the plan's contribution at today's prices, under the scenario.
	Today float64
	// Curve is the plan's contribution at list prices around today's, the
	// lowest and the best price, in increasing price; it holds today's
	// price and the best price exactly.
	Curve []pricePoint
}

// pricePoint is the plan's contribution when one product has list price Price.
type pricePoint struct{ Price, Contribution float64 }

// Gain is what the best price adds to today's contribution.
func (a priceAdvice) Gain() float64 { return a.ContributionAtBest - a.Today }

// advise computes the advice of job. It returns ctx's error when cancelled
// (a newer edit made it pointless).
func advise(ctx context.Context, job priceJob) (priceAdvice, error) {
	i := productIndex(job.plan, job.product)
	pa, err := planner.AdvisePrice(job.plan, job.scenario, i)
	if err != nil {
		return priceAdvice{}, err
	}
	sc, _ := job.plan.ScenarioByID(job.scenario)
	a := priceAdvice{PriceAdvice: pa, Factor: sc.Price}
	a.ListPrice = job.plan.Products[i].ListPrice // exactly, not list × f / f
	a.BestListPrice /= sc.Price
	if a.MinListPrice.Valid {
		a.MinListPrice.Value /= sc.Price
	}
	if err := ctx.Err(); err != nil {
		return priceAdvice{}, err
	}
	prices := curvePrices(a)
	scenarioPrices := make([]float64, len(prices)) // the advisor's curve is in the scenario's prices
	for j, x := range prices {
		scenarioPrices[j] = x * sc.Price
	}
	ys, err := planner.PriceCurve(job.plan, job.scenario, i, scenarioPrices)
	if err != nil {
		return priceAdvice{}, err
	}
	a.Curve = make([]pricePoint, len(prices))
	for j, x := range prices {
		a.Curve[j] = pricePoint{x, ys[j]}
		if x == a.ListPrice {
			a.Today = ys[j]
		}
	}
	return a, nil
}

// curvePrices are the list prices the curve is drawn at: evenly spaced over
// the stretch that holds today's, the lowest and the best price with a
// quarter of room on each side, inside the advisor's range; plus today's
// and the best price themselves, so their markers sit on the curve.
func curvePrices(a priceAdvice) []float64 {
	list := a.ListPrice
	lo, hi := math.Min(list, a.BestListPrice), math.Max(list, a.BestListPrice)
	if m := a.MinListPrice; m.Valid && m.Value >= planner.PriceRangeLow*list && m.Value <= planner.PriceRangeHigh*list {
		lo, hi = math.Min(lo, m.Value), math.Max(hi, m.Value)
	}
	lo = math.Max(lo/1.25, planner.PriceRangeLow*list)
	hi = math.Min(hi*1.25, planner.PriceRangeHigh*list)
	prices := make([]float64, 0, curveSamples+2)
	for j := 0; j < curveSamples; j++ {
		prices = append(prices, lo+(hi-lo)*float64(j)/float64(curveSamples-1))
	}
	prices = append(prices, list, a.BestListPrice)
	sort.Float64s(prices)
	return slices.Compact(prices)
}
