package planner

// Evaluate computes the full report of a plan under a scenario ("" or "base"
// for the plan as written). It assumes a valid plan (see Validate).
func Evaluate(p *Plan, scenarioID string) (*Report, error) {
	m, err := Compile(p, scenarioID)
	if err != nil {
		return nil, err
	}
	return m.Report(), nil
}

// Report computes every figure of the compiled plan at its current spends,
// month by month (docs/model.md §2.1–2.2).
func (m *Model) Report() *Report {
	p := m.Plan
	n := p.Months
	r := &Report{
		Plan: p.Name, Scenario: m.Scenario.ID, Currency: p.Currency, Months: n,
		Products:   make([]ProductResult, len(p.Products)),
		Places:     make([]PlaceResult, len(p.Places)),
		Promotions: make([]PromotionResult, len(m.Channels)),
		Monthly:    []MonthResult{},
	}
	if n < 1 {
		r.Targets = p.Targets.evaluate(&r.Totals)
		return r // an invalid horizon: nothing to spread, nothing to divide by
	}
	f := m.planFlows()
	liftUnits := make([]float64, len(m.Channels)*n)
	for c := range m.Channels {
		ch := &m.Channels[c]
		lift := f.liftTotal[c]
		inc := lift * ch.Value
		pr := PromotionResult{
			ID: ch.ID, Spend: ch.Spend, LiftUnits: lift * ch.UnitsPerLift, IncrementalContribution: inc,
			MonthlySpend: f.spend[c], MonthlyLiftUnits: liftUnits[c*n : (c+1)*n : (c+1)*n],
		}
		for u, l := range f.lift[c] {
			pr.MonthlyLiftUnits[u] = l * ch.UnitsPerLift
		}
		if ch.Spend != 0 {
			pr.ROI = Some((inc - ch.Spend) / ch.Spend)
		}
		if mr := ch.Value*ch.Slope(ch.Spend) - 1; finite(mr) {
			pr.MarginalROI = Some(mr)
		}
		r.Promotions[c] = pr
	}
	r.Totals = m.totals(f, r.Products)
	m.placeResults(r)
	r.Monthly = m.monthly(f, MonthLabels(p.Start, n))
	r.Totals.PaybackMonth = paybackMonth(r.Monthly)
	r.Targets = p.Targets.evaluate(&r.Totals)
	return r
}

// totals sums the figures of §2.2 over the channels and products (all but
// the payback month); products, when not nil, receives each product's figures.
func (m *Model) totals(f *flows, products []ProductResult) Totals {
	p := m.Plan
	var t Totals
	incremental := 0.0 // Σ_c incrementalContribution_c
	for c := range m.Channels {
		t.Promotion += m.Channels[c].Spend
		incremental += f.liftTotal[c] * m.Channels[c].Value
	}
	var contributionUnits, customers float64 // Σ units × unitContribution, Σ customers
	for i := range p.Products {
		pr := &p.Products[i]
		liftUnits := sum(f.productLift(i))
		units := m.BaseUnits[i] + liftUnits
		net := units * m.NetRevenuePerUnit(i)
		cogs := units * m.UnitCost[i]
		logistics := units * m.logisticsPerUnit[i]
		if products != nil {
			products[i] = ProductResult{
				ID: pr.ID, NetPrice: m.NetPrice[i], PriceIndex: m.PriceIndex[i],
				BaseUnits: m.BaseUnits[i], LiftUnits: liftUnits, Units: units,
				NetRevenue: net, COGS: cogs, GrossMargin: net - cogs, GrossMarginPct: ratio(net-cogs, net),
				Logistics: logistics, UnitContribution: m.UnitContribution[i],
				Contribution: units*m.UnitContribution[i] - pr.LaunchCost,
			}
		}
		t.Units += units
		t.GrossSales += units * m.NetPrice[i]
		t.NetRevenue += net
		t.COGS += cogs
		t.Logistics += logistics
		t.NewCustomers += liftUnits / pr.UnitsPerCustomer
		customers += units / pr.UnitsPerCustomer
		contributionUnits += units * m.UnitContribution[i]
	}
	m.finishTotals(&t, incremental, contributionUnits, customers)
	return t
}

// placeResults fills each place's figures from the products' units.
func (m *Model) placeResults(r *Report) {
	for k := range m.Plan.Places {
		pl := &m.Plan.Places[k]
		res := PlaceResult{ID: pl.ID, FixedCost: pl.FixedCost}
		for i, x := range m.share[k] {
			if x == 0 {
				continue
			}
			u := r.Products[i].Units * x
			res.Units += u
			res.GrossSales += u * m.NetPrice[i]
		}
		res.NetRevenue = res.GrossSales * (1 - pl.MarginPct)
		res.Logistics = res.Units * pl.UnitCost
		r.Places[k] = res
	}
}

// finishTotals derives the totals' ratios from the sums: t holds units,
// sales, revenue, costs, promotion and new customers; incremental is
// Σ_c incrementalContribution_c, contributionUnits Σ_p units_p ×
// unitContribution_p and customers Σ_p customers_p.
func (m *Model) finishTotals(t *Totals, incremental, contributionUnits, customers float64) {
	p := m.Plan
	t.ChannelMargins = t.GrossSales - t.NetRevenue
	t.GrossMargin = t.NetRevenue - t.COGS
	t.GrossMarginPct = ratio(t.GrossMargin, t.NetRevenue)
	t.PlaceFixed, t.Launch = m.PlaceFixed, m.Launch
	t.MarketingSpend = t.Promotion + t.PlaceFixed + t.Launch
	t.Contribution = t.GrossMargin - t.Logistics - t.MarketingSpend
	t.ROMI = ratio(incremental-t.Promotion, t.Promotion)
	t.CAC = ratio(t.Promotion, t.NewCustomers)
	t.CLV, t.LTVToCAC, t.BreakEvenUnits = None, None, None
	if customers != 0 {
		perCustomer := contributionUnits / customers
		t.CLV = Some(perCustomer * (1 + p.DiscountRate) / (1 + p.DiscountRate - p.RetentionPct))
	}
	if t.CLV.Valid && t.CAC.Valid && t.CAC.Value != 0 {
		t.LTVToCAC = Some(t.CLV.Value / t.CAC.Value)
	}
	if t.Units != 0 {
		if avg := contributionUnits / t.Units; avg > 0 {
			t.BreakEvenUnits = Some(t.MarketingSpend / avg)
		}
	}
}

// monthly computes the months: base units follow each product's
// seasonality, lift the channels' pressure, spend their flighting. labels
// names them; nil leaves them unnamed.
func (m *Model) monthly(f *flows, labels []string) []MonthResult {
	p := m.Plan
	n := p.Months
	months := make([]MonthResult, n)
	for i := range p.Products {
		nr, uc, lc := m.NetRevenuePerUnit(i), m.UnitCost[i], m.logisticsPerUnit[i]
		lift := f.productLift(i)
		for t := range months {
			mo := &months[t]
			u := m.baseShare(i, t) + lift[t]
			mo.Units += u
			mo.LiftUnits += lift[t]
			mo.NetRevenue += u * nr
			mo.GrossMargin += u * (nr - uc)
			mo.Logistics += u * lc
		}
	}
	for c := range m.Channels {
		for t, s := range f.spend[c] {
			months[t].MarketingSpend += s
		}
	}
	cumulative := 0.0
	for t := range months {
		mo := &months[t]
		if labels != nil {
			mo.Month = labels[t]
		}
		mo.MarketingSpend += m.PlaceFixed / float64(n)
		if t == 0 {
			mo.MarketingSpend += m.Launch
		}
		mo.Contribution = mo.GrossMargin - mo.Logistics - mo.MarketingSpend
		cumulative += mo.Contribution
		mo.CumulativeContribution = cumulative
	}
	return months
}

// baseShare is season_pt × baseUnits_p.
func (m *Model) baseShare(i, t int) float64 { return m.season[i*m.Plan.Months+t] * m.BaseUnits[i] }

// seasons normalises every product's seasonality, flat when absent: season_pt at [p×n + t].
func seasons(p *Plan) []float64 {
	n := p.Months
	if n < 1 {
		return nil
	}
	season := make([]float64, len(p.Products)*n)
	for i := range p.Products {
		w := p.Products[i].Seasonality
		total := weightSum(w, n)
		row := season[i*n : (i+1)*n]
		for t := range row {
			if total > 0 {
				row[t] = w[t] / total
			} else {
				row[t] = 1 / float64(n)
			}
		}
	}
	return season
}

// MonthShare is the share of month t (0-based) in a seasonality or flighting
// list over a horizon of months, as Evaluate spreads by it: its weight over
// the list's sum, or 1/months when the list is absent (flat).
func MonthShare(w []float64, months, t int) float64 {
	if t < 0 || t >= months {
		return 0
	}
	total := weightSum(w, months)
	if total <= 0 {
		return 1 / float64(months)
	}
	return w[t] / total
}

// weightSum returns the sum of a month-weight list, or 0 when it is absent or
// not one weight per month (treated as flat).
func weightSum(w []float64, months int) float64 {
	if len(w) != months {
		return 0
	}
	s := 0.0
	for _, x := range w {
		s += x
	}
	if !finite(s) {
		return 0
	}
	return s
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// paybackMonth is the first month (1-based) from which cumulative contribution
// stays at or above 0 to the end; None when the last month is below 0.
func paybackMonth(months []MonthResult) Maybe {
	n := len(months)
	if n == 0 || months[n-1].CumulativeContribution < 0 {
		return None
	}
	t := n
	for t > 0 && months[t-1].CumulativeContribution >= 0 {
		t--
	}
	return Some(float64(t + 1))
}
