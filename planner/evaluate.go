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

// Report computes every figure of the compiled plan at its current spends.
func (m *Model) Report() *Report {
	p := m.Plan
	nP, nC := len(p.Products), len(m.Channels)
	r := &Report{
		Plan: p.Name, Scenario: m.Scenario.ID, Currency: p.Currency, Months: p.Months,
		Products:   make([]ProductResult, nP),
		Places:     make([]PlaceResult, len(p.Places)),
		Promotions: make([]PromotionResult, nC),
	}
	t := &r.Totals

	liftUnits := make([]float64, nP)
	incremental := 0.0      // Σ_c incrementalContribution_c
	proportionalLift := 0.0 // lift of channels without a split, spread once below
	for c := range m.Channels {
		ch := &m.Channels[c]
		lift := ch.Lift(ch.Spend)
		if ch.Proportional {
			proportionalLift += lift
		} else {
			for _, pw := range ch.weights {
				liftUnits[pw.product] += m.PriceIndex[pw.product] * lift * pw.w
			}
		}
		inc := lift * ch.Value
		pr := PromotionResult{ID: ch.ID, Spend: ch.Spend, LiftUnits: lift * ch.UnitsPerLift, IncrementalContribution: inc}
		if ch.Spend != 0 {
			pr.ROI = Some((inc - ch.Spend) / ch.Spend)
		}
		if mr := ch.Value*ch.Slope(ch.Spend) - 1; finite(mr) {
			pr.MarginalROI = Some(mr)
		}
		r.Promotions[c] = pr
		t.Promotion += ch.Spend
		incremental += inc
	}

	if m.proportional != nil {
		for _, pw := range m.proportional.weights {
			liftUnits[pw.product] += m.PriceIndex[pw.product] * proportionalLift * pw.w
		}
	}

	var contributionUnits, customers float64 // Σ units × unitContribution, Σ customers
	for i := range p.Products {
		pr := &p.Products[i]
		units := m.BaseUnits[i] + liftUnits[i]
		gross := units * m.NetPrice[i]
		net := gross * m.netFactor[i]
		cogs := units * m.UnitCost[i]
		logistics := units * m.logisticsPerUnit[i]
		res := ProductResult{
			ID: pr.ID, NetPrice: m.NetPrice[i], PriceIndex: m.PriceIndex[i],
			BaseUnits: m.BaseUnits[i], LiftUnits: liftUnits[i], Units: units,
			NetRevenue: net, COGS: cogs, GrossMargin: net - cogs, GrossMarginPct: ratio(net-cogs, net),
			Logistics: logistics, UnitContribution: m.UnitContribution[i],
			Contribution: units*m.UnitContribution[i] - pr.LaunchCost,
		}
		r.Products[i] = res
		t.Units += units
		t.GrossSales += gross
		t.NetRevenue += net
		t.COGS += cogs
		t.Logistics += logistics
		t.NewCustomers += liftUnits[i] / pr.UnitsPerCustomer
		customers += units / pr.UnitsPerCustomer
		contributionUnits += units * m.UnitContribution[i]
	}

	for k := range p.Places {
		pl := &p.Places[k]
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

	t.ChannelMargins = t.GrossSales - t.NetRevenue
	t.GrossMargin = t.NetRevenue - t.COGS
	t.GrossMarginPct = ratio(t.GrossMargin, t.NetRevenue)
	t.PlaceFixed, t.Launch = m.PlaceFixed, m.Launch
	t.MarketingSpend = t.Promotion + t.PlaceFixed + t.Launch
	t.Contribution = t.GrossMargin - t.Logistics - t.MarketingSpend
	t.ROMI = ratio(incremental-t.Promotion, t.Promotion)
	t.CAC = ratio(t.Promotion, t.NewCustomers)
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

	r.Monthly = m.monthly(r)
	t.PaybackMonth = paybackMonth(r.Monthly)
	r.Targets = p.Targets.evaluate(t)
	return r
}

// monthly spreads products by seasonality and promotion spend by flighting.
func (m *Model) monthly(r *Report) []MonthResult {
	p := m.Plan
	n := p.Months
	if n < 1 {
		return []MonthResult{}
	}
	months := make([]MonthResult, n)
	labels := MonthLabels(p.Start, n)
	// Products with flat seasonality are summed once and spread evenly.
	var flat MonthResult
	for i := range p.Products {
		pr := &r.Products[i]
		w := p.Products[i].Seasonality
		total := weightSum(w, n)
		if total <= 0 {
			flat.Units += pr.Units
			flat.NetRevenue += pr.NetRevenue
			flat.GrossMargin += pr.GrossMargin
			flat.Logistics += pr.Logistics
			continue
		}
		for t := 0; t < n; t++ {
			s := w[t] / total
			mo := &months[t]
			mo.Units += s * pr.Units
			mo.NetRevenue += s * pr.NetRevenue
			mo.GrossMargin += s * pr.GrossMargin
			mo.Logistics += s * pr.Logistics
		}
	}
	flatSpend := m.PlaceFixed
	for c := range m.Channels {
		ch := &m.Channels[c]
		w := p.Promotions[c].Flighting
		total := weightSum(w, n)
		if total <= 0 {
			flatSpend += ch.Spend
			continue
		}
		for t := 0; t < n; t++ {
			months[t].MarketingSpend += w[t] / total * ch.Spend
		}
	}
	cumulative := 0.0
	share := 1 / float64(n)
	for t := range months {
		mo := &months[t]
		mo.Month = labels[t]
		mo.Units += share * flat.Units
		mo.NetRevenue += share * flat.NetRevenue
		mo.GrossMargin += share * flat.GrossMargin
		mo.Logistics += share * flat.Logistics
		mo.MarketingSpend += share * flatSpend
		if t == 0 {
			mo.MarketingSpend += m.Launch
		}
		mo.Contribution = mo.GrossMargin - mo.Logistics - mo.MarketingSpend
		cumulative += mo.Contribution
		mo.CumulativeContribution = cumulative
	}
	return months
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
