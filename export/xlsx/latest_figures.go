package xlsx

import (
	"math"

	"mixplan/planner"
)

// latestFigures are the cached values of the latest estimate on the
// Variance sheet, worked out as its formulas work them out.
type latestFigures struct {
	z             float64
	labels        []string
	channels      []latestChannel
	products      []latestProduct
	blocks        [leChannelBlocks][][]float64 // [block][c][t]
	productBlocks [2][][]float64               // units, net revenue: [i][t]
	months        [leRows][]float64
}

type latestChannel struct{ laToDate, liftAtActual, q, factor, perWeight, prop float64 }

type latestProduct struct{ liftToDate, baseToDate, b, factor, weight float64 }

func newLatestFigures(b *book, vf *varianceFigures) *latestFigures {
	p, fg := b.p, b.fg
	n, T := p.Months, vf.T
	lf := &latestFigures{labels: planner.MonthLabels(p.Start, n)}
	credibility := float64(planner.DefaultCredibility)
	if p.Actuals != nil {
		credibility = p.Actuals.Credibility
	}
	switch {
	case T == 0:
	case credibility == 0:
		lf.z = 1
	default:
		lf.z = float64(T) / (float64(T) + credibility)
	}
	nC, nP := len(p.Promotions), len(p.Products)
	for k := range lf.blocks {
		lf.blocks[k] = make([][]float64, nC)
	}
	lf.channels = make([]latestChannel, nC)
	for c, pm := range p.Promotions {
		sa, x, la := make([]float64, n), make([]float64, n), make([]float64, n)
		lambda, prev := pm.Response.Carryover, 0.0
		maxPerMonth, half := fg.m.Channels[c].MaxUnits/float64(n), pm.Response.HalfSpend/float64(n)
		for t := range n {
			sa[t] = fg.monthSpend[c][t]
			if t < T && vf.channels[c].recorded == 1 {
				sa[t] = p.Actuals.Promotions[pm.ID].Spend[t]
			}
			if t == 0 {
				x[t] = (1 - lambda) * sa[t]
			} else {
				x[t] = lambda*prev + (1-lambda)*sa[t]
			}
			prev = x[t]
			rho := 1.0
			if fg.respScale[c] != 0 {
				rho = pm.Responsiveness[t] * fg.respScale[c]
			}
			la[t] = monthLift(x[t], rho, maxPerMonth, half, pm.Response.Shape)
		}
		lf.blocks[leSpend][c], lf.blocks[lePressure][c], lf.blocks[leLift][c] = sa, x, la
		cf := &lf.channels[c]
		for t := 0; t < T; t++ {
			cf.laToDate += la[t]
		}
		cf.liftAtActual = cf.laToDate * fg.m.Channels[c].UnitsPerLift
		cf.q = 1
		if m, ok := vf.channels[c].measured.(float64); ok && cf.liftAtActual > 0 {
			cf.q = m / cf.liftAtActual
		}
		cf.factor = 1 + lf.z*(cf.q-1)
		if fg.splitTotal[c] > 0 {
			cf.perWeight = cf.factor / fg.splitTotal[c]
		} else {
			cf.prop = cf.factor
		}
	}
	lf.products = make([]latestProduct, nP)
	refitted := 0.0
	for i, pr := range p.Products {
		pf := &lf.products[i]
		if nC > 0 {
			split, prop := 0.0, 0.0
			for c, pm := range p.Promotions {
				split += pm.Split[pr.ID] * lf.channels[c].perWeight * lf.channels[c].laToDate
				prop += lf.channels[c].prop * lf.channels[c].laToDate
			}
			w := 1 / float64(nP)
			if fg.baseTotal > 0 {
				w = fg.m.BaseUnits[i] / fg.baseTotal
			}
			pf.liftToDate = fg.m.PriceIndex[i] * (split + w*prop)
		}
		pf.baseToDate = fg.m.BaseUnits[i] * vf.products[i].season
		pf.b = 1
		if u, ok := vf.products[i].actualUnits.(float64); ok && pf.baseToDate > 0 {
			pf.b = max(0, u-pf.liftToDate) / pf.baseToDate
		}
		pf.factor = 1 + lf.z*(pf.b-1)
		refitted += fg.m.BaseUnits[i] * pf.factor
	}
	for i := range p.Products {
		pf := &lf.products[i]
		pf.weight = 1 / float64(nP)
		if refitted > 0 {
			pf.weight = fg.m.BaseUnits[i] * pf.factor / refitted
		}
	}
	for k := range lf.months {
		lf.months[k] = make([]float64, n)
	}
	for t := range n {
		for c := range p.Promotions {
			lf.months[lePropLift][t] += lf.channels[c].prop * lf.blocks[leLift][c][t]
		}
	}
	lf.productBlocks[0], lf.productBlocks[1] = make([][]float64, nP), make([][]float64, nP)
	for i, pr := range p.Products {
		units, revenue := make([]float64, n), make([]float64, n)
		var rec planner.ProductActuals
		if p.Actuals != nil {
			rec = p.Actuals.Products[pr.ID]
		}
		for t := range n {
			season := 1 / float64(n)
			if fg.seasonScale[i] != 0 {
				season = pr.Seasonality[t] * fg.seasonScale[i]
			}
			model := fg.m.BaseUnits[i] * lf.products[i].factor * season
			if nC > 0 {
				split := 0.0
				for c, pm := range p.Promotions {
					split += pm.Split[pr.ID] * lf.channels[c].perWeight * lf.blocks[leLift][c][t]
				}
				model += fg.m.PriceIndex[i] * (split + lf.products[i].weight*lf.months[lePropLift][t])
			}
			units[t] = model
			if t < T && rec.Units != nil {
				units[t] = rec.Units[t]
			}
			revenue[t] = units[t] * fg.r.Products[i].NetPrice * fg.kept[i]
			if t < T && rec.NetRevenue != nil {
				revenue[t] = rec.NetRevenue[t]
			}
		}
		lf.productBlocks[0][i], lf.productBlocks[1][i] = units, revenue
	}
	mo := &lf.months
	for t := range n {
		cogs, logistics, spend := 0.0, 0.0, 0.0
		for i, pr := range p.Products {
			u := lf.productBlocks[0][i][t]
			mo[leUnits][t] += u
			mo[leNetRevenue][t] += lf.productBlocks[1][i][t]
			cogs += u * pr.UnitCost
			logistics += u * fg.logPerUnit[i]
		}
		for c := range p.Promotions {
			spend += lf.blocks[leSpend][c][t]
		}
		mo[leGrossMargin][t] = mo[leNetRevenue][t] - cogs*fg.m.Scenario.UnitCost
		mo[leLogistics][t] = logistics
		mo[leMarketing][t] = spend + fg.r.Totals.PlaceFixed/float64(n)
		if t == 0 {
			mo[leMarketing][t] += fg.r.Totals.Launch
		}
		mo[leContribution][t] = mo[leGrossMargin][t] - mo[leLogistics][t] - mo[leMarketing][t]
		mo[lePlanContribution][t] = fg.r.Monthly[t].Contribution
		mo[leVariance][t] = approxSub(mo[leContribution][t], mo[lePlanContribution][t])
	}
	return lf
}

// approxSub is a − b as LibreOffice computes it in a cell: 0 when the two
// are equal to within their last few bits (rtl::math::approxSub), which the
// latest estimate and the plan are when no month is closed.
func approxSub(a, b float64) float64 {
	if (a < 0) == (b < 0) && math.Abs(a-b) < math.Abs(a)*0x1p-48 {
		return 0
	}
	return a - b
}
