package xlsx

// varianceFigures are the cached values of the Variance sheet, worked out
// as its formulas work them out.
type varianceFigures struct {
	b                 *book
	T                 int
	planSpendToDate   float64
	actualSpendToDate float64
	actualMonths      []float64 // the closed months' actual marketing spend
	channels          []varianceChannel
	products          []varianceProduct
}

type varianceChannel struct {
	recorded                          float64
	planSpend, actualSpend, committed float64
	liftToDate, planLift              float64
	measured, liftVariance            any
	cpm, ctr, cvr, cpa                any
	liftPerWeight                     float64
}

type varianceProduct struct {
	season                                   float64 // Σ_{t ≤ T} season_pt
	planUnits, planRevenue                   float64
	actualUnits, unitsVar, unitsVarPct       any
	actualRevenue, revenueVar, revenueVarPct any
}

func newVarianceFigures(b *book) *varianceFigures {
	p, fg := b.p, b.fg
	vf := &varianceFigures{b: b}
	a := p.Actuals
	if a != nil {
		vf.T = a.Through
	}
	T := vf.T
	toDate := func(x []float64) float64 {
		total := 0.0
		for t := 0; t < T && t < len(x); t++ {
			total += x[t]
		}
		return total
	}
	recorded := func(x []float64) bool { return x != nil && T > 0 }
	for t := 0; t < T; t++ {
		vf.planSpendToDate += fg.r.Monthly[t].MarketingSpend
	}
	vf.channels = make([]varianceChannel, len(p.Promotions))
	for c, pm := range p.Promotions {
		cf := &vf.channels[c]
		var rec struct{ spend, lift, impr, clicks, conv []float64 }
		if a != nil {
			pa := a.Promotions[pm.ID]
			rec.spend, rec.lift, rec.impr, rec.clicks, rec.conv = pa.Spend, pa.LiftUnits, pa.Impressions, pa.Clicks, pa.Conversions
			cf.committed = pa.Committed
		}
		cf.planSpend = toDate(fg.monthSpend[c])
		cf.actualSpend = cf.planSpend
		if recorded(rec.spend) {
			cf.recorded, cf.actualSpend = 1, toDate(rec.spend)
		}
		cf.liftToDate = toDate(fg.monthLift[c])
		cf.planLift = cf.liftToDate * fg.m.Channels[c].UnitsPerLift
		cf.measured, cf.liftVariance = notAvailable, notAvailable
		if recorded(rec.lift) {
			m := toDate(rec.lift)
			cf.measured, cf.liftVariance = m, m-cf.planLift
		}
		ratio := func(need [][]float64, num, den float64) any {
			for _, x := range need {
				if !recorded(x) {
					return notAvailable
				}
			}
			if den == 0 {
				return notAvailable
			}
			return num / den
		}
		cf.cpm = ratio([][]float64{rec.impr}, 1000*cf.actualSpend, toDate(rec.impr))
		cf.ctr = ratio([][]float64{rec.impr, rec.clicks}, toDate(rec.clicks), toDate(rec.impr))
		cf.cvr = ratio([][]float64{rec.clicks, rec.conv}, toDate(rec.conv), toDate(rec.clicks))
		cf.cpa = ratio([][]float64{rec.conv}, cf.actualSpend, toDate(rec.conv))
		if fg.splitTotal[c] > 0 {
			cf.liftPerWeight = cf.liftToDate / fg.splitTotal[c]
		}
	}
	vf.actualMonths = make([]float64, T)
	for t := 0; t < T; t++ {
		actual, plan := 0.0, 0.0
		for c, pm := range p.Promotions {
			if vf.channels[c].recorded == 1 {
				actual += a.Promotions[pm.ID].Spend[t]
			} else {
				plan += fg.monthSpend[c][t]
			}
		}
		v := actual + plan + fg.r.Totals.PlaceFixed/float64(p.Months)
		if len(p.Promotions) == 0 {
			v = fg.r.Totals.PlaceFixed / float64(p.Months)
		}
		if t == 0 {
			v += fg.r.Totals.Launch
		}
		vf.actualMonths[t] = v
		vf.actualSpendToDate += v
	}
	propLift := 0.0
	for c := range p.Promotions {
		if fg.splitTotal[c] <= 0 {
			propLift += vf.channels[c].liftToDate
		}
	}
	vf.products = make([]varianceProduct, len(p.Products))
	for i, pr := range p.Products {
		pf := &vf.products[i]
		season := float64(T) / float64(p.Months)
		if scale := fg.seasonScale[i]; scale != 0 {
			season = toDate(pr.Seasonality) * scale
		}
		lift := 0.0
		if len(p.Promotions) > 0 {
			for c, pm := range p.Promotions {
				lift += pm.Split[pr.ID] * vf.channels[c].liftPerWeight
			}
			w := 1 / float64(len(p.Products))
			if fg.baseTotal > 0 {
				w = fg.m.BaseUnits[i] / fg.baseTotal
			}
			lift += propLift * w
		}
		pf.season = season
		pf.planUnits = fg.m.BaseUnits[i]*season + fg.m.PriceIndex[i]*lift
		nr := fg.r.Products[i].NetPrice * fg.kept[i]
		pf.planRevenue = pf.planUnits * nr
		var units, revenue []float64
		if a != nil {
			units, revenue = a.Products[pr.ID].Units, a.Products[pr.ID].NetRevenue
		}
		pf.actualUnits, pf.unitsVar, pf.unitsVarPct = notAvailable, notAvailable, notAvailable
		if recorded(units) {
			u := toDate(units)
			pf.actualUnits, pf.unitsVar = u, u-pf.planUnits
			if pf.planUnits != 0 {
				pf.unitsVarPct = (u - pf.planUnits) / pf.planUnits
			}
		}
		pf.actualRevenue, pf.revenueVar, pf.revenueVarPct = notAvailable, notAvailable, notAvailable
		switch {
		case recorded(revenue):
			pf.actualRevenue = toDate(revenue)
		case recorded(units):
			pf.actualRevenue = toDate(units) * nr
		}
		if r, ok := pf.actualRevenue.(float64); ok {
			pf.revenueVar = r - pf.planRevenue
			if pf.planRevenue != 0 {
				pf.revenueVarPct = (r - pf.planRevenue) / pf.planRevenue
			}
		}
	}
	return vf
}

// actualMonth is the cached actual marketing spend of month t: "" when open.
func (vf *varianceFigures) actualMonth(t int) any {
	if t < vf.T {
		return vf.actualMonths[t]
	}
	return ""
}

// pctOrNA is variance ÷ plan, n/a when the plan is 0.
func pctOrNA(variance, plan float64) any {
	if plan == 0 {
		return notAvailable
	}
	return variance / plan
}
