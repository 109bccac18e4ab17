package planner

// tracking assembles the answer of Track from its steps.
func (tk *trackData) tracking() *Tracking {
	planReport := tk.plan.Report()
	months, le := tk.latestEstimate()
	out := &Tracking{
		Through: tk.T, Months: tk.n, Credibility: tk.a.Credibility, Weight: tk.z,
		Plan: planReport.Totals, LatestEstimate: le,
		Variance: variance(&planReport.Totals, &le),
		Targets:  trackTargets(tk.p.Targets, &planReport.Totals, &le),
		Calibration: Calibration{Promotions: make([]ChannelCalibration, 0, len(tk.plan.Channels)),
			Products: make([]ProductCalibration, 0, len(tk.p.Products))},
	}
	for c, ch := range tk.plan.Channels {
		out.Calibration.Promotions = append(out.Calibration.Promotions, ChannelCalibration{ID: ch.ID, Q: tk.q[c], MaxUnits: tk.maxUnits[c]})
	}
	for i, pr := range tk.p.Products {
		out.Calibration.Products = append(out.Calibration.Products, ProductCalibration{ID: pr.ID, B: tk.b[i], BaseVolume: tk.baseVolume[i]})
	}
	out.Monthly = make([]TrackMonth, tk.n)
	for t, mo := range planReport.Monthly {
		out.Monthly[t] = TrackMonth{Month: mo.Month, Closed: t < tk.T,
			Plan:           MonthFigures{mo.Units, mo.NetRevenue, mo.MarketingSpend, mo.Contribution},
			LatestEstimate: months[t]}
	}
	out.Promotions, out.Funnel = tk.channels()
	out.ClosedSpends = make([][]float64, len(tk.spends))
	for c, s := range tk.spends {
		out.ClosedSpends[c] = append([]float64{}, s[:tk.T]...)
	}
	out.Products = tk.products()
	return out
}

// latestEstimate sums the latest estimate's months into its totals; its
// ratios use those totals, with the lift and new customers of the
// re-fitted model.
func (tk *trackData) latestEstimate() ([]MonthEstimate, Totals) {
	m, n := tk.le, tk.n
	months := make([]MonthEstimate, n)
	var t Totals
	var contributionUnits, customers float64
	for i := range tk.p.Products {
		upc := tk.p.Products[i].UnitsPerCustomer
		units := 0.0
		for u := 0; u < n; u++ {
			x, net := tk.units[i*n+u], tk.net[i*n+u]
			cogs, logistics := x*m.UnitCost[i], x*m.logisticsPerUnit[i]
			mo := &months[u]
			mo.Units += x
			mo.NetRevenue += net
			mo.Contribution += net - cogs - logistics
			t.GrossSales += x * m.NetPrice[i]
			t.NetRevenue += net
			t.COGS += cogs
			t.Logistics += logistics
			units += x
		}
		t.Units += units
		t.NewCustomers += sum(tk.leFlows.productLift(i)) / upc
		customers += units / upc
		contributionUnits += units * m.UnitContribution[i]
	}
	incremental := 0.0
	for c := range m.Channels {
		t.Promotion += sum(tk.spends[c])
		incremental += tk.leFlows.liftTotal[c] * m.Channels[c].Value
		for u, s := range tk.spends[c] {
			months[u].MarketingSpend += s
		}
	}
	cumulative := 0.0
	monthly := make([]MonthResult, n) // for the payback month
	for u := range months {
		mo := &months[u]
		mo.MarketingSpend += m.PlaceFixed / float64(n)
		if u == 0 {
			mo.MarketingSpend += m.Launch
		}
		mo.Contribution -= mo.MarketingSpend
		cumulative += mo.Contribution
		mo.CumulativeContribution = cumulative
		monthly[u].CumulativeContribution = cumulative
	}
	m.finishTotals(&t, incremental, contributionUnits, customers)
	t.PaybackMonth = paybackMonth(monthly)
	return months, t
}

// channels is each channel to date: spends, lifts and funnel.
func (tk *trackData) channels() ([]TrackChannel, []ChannelFunnel) {
	out := make([]TrackChannel, len(tk.plan.Channels))
	funnels := make([]ChannelFunnel, len(tk.plan.Channels))
	for c := range tk.plan.Channels {
		ch := &tk.plan.Channels[c]
		rec := tk.a.Promotions[ch.ID]
		spent := tk.toDate(tk.spends[c])
		tc := TrackChannel{
			ID: ch.ID, PlanSpendToDate: tk.toDate(tk.planFlows.spend[c]), ActualSpendToDate: spent,
			Committed: rec.Committed, PlanLiftToDate: tk.toDate(tk.planFlows.lift[c]) * ch.UnitsPerLift,
			LatestEstimateSpend: sum(tk.spends[c]),
		}
		if rec.LiftUnits != nil {
			tc.MeasuredLiftToDate = Some(sum(rec.LiftUnits))
		}
		tc.Funnel = funnel(spent, rec.Impressions != nil, rec.Clicks != nil, rec.Conversions != nil,
			sum(rec.Impressions), sum(rec.Clicks), sum(rec.Conversions))
		out[c] = tc
		funnels[c] = ChannelFunnel{ID: ch.ID, Months: make([]Funnel, tk.T)}
		for t := 0; t < tk.T; t++ {
			funnels[c].Months[t] = funnel(tk.spends[c][t], rec.Impressions != nil, rec.Clicks != nil, rec.Conversions != nil,
				at(rec.Impressions, t), at(rec.Clicks, t), at(rec.Conversions, t))
		}
	}
	return out, funnels
}

// at is x[t], or 0 for a list not recorded.
func at(x []float64, t int) float64 {
	if x == nil {
		return 0
	}
	return x[t]
}

// funnel computes CPM, CTR, CVR and CPA, each null where a figure it needs
// is not recorded or its divisor is 0.
func funnel(spend float64, hasImpressions, hasClicks, hasConversions bool, impressions, clicks, conversions float64) Funnel {
	var f Funnel
	if hasImpressions {
		f.CPM = ratio(1000*spend, impressions)
		if hasClicks {
			f.CTR = ratio(clicks, impressions)
		}
	}
	if hasClicks && hasConversions {
		f.CVR = ratio(conversions, clicks)
	}
	if hasConversions {
		f.CPA = ratio(spend, conversions)
	}
	return f
}

// products is each product to date and in the latest estimate.
func (tk *trackData) products() []TrackProduct {
	m, n := tk.plan, tk.n
	out := make([]TrackProduct, len(tk.p.Products))
	for i, pr := range tk.p.Products {
		rec := tk.a.Products[pr.ID]
		nr := m.NetRevenuePerUnit(i)
		planUnits := 0.0
		lift := tk.planFlows.productLift(i)
		for t := 0; t < tk.T; t++ {
			planUnits += m.baseShare(i, t) + lift[t]
		}
		tp := TrackProduct{
			ID: pr.ID, PlanUnitsToDate: planUnits, PlanNetRevenueToDate: planUnits * nr,
			LatestEstimateUnits: sum(tk.units[i*n : (i+1)*n]), LatestEstimateNetRevenue: sum(tk.net[i*n : (i+1)*n]),
		}
		if rec.Units != nil {
			tp.ActualUnitsToDate = Some(sum(rec.Units))
			tp.ActualNetRevenueToDate = Some(sum(rec.Units) * nr)
		}
		if rec.NetRevenue != nil {
			tp.ActualNetRevenueToDate = Some(sum(rec.NetRevenue))
		}
		out[i] = tp
	}
	return out
}

// trackTargets holds every set target against the plan and the latest estimate.
func trackTargets(tg Targets, plan, le *Totals) []TrackTarget {
	planned, estimated := tg.evaluate(plan), tg.evaluate(le)
	out := make([]TrackTarget, len(planned))
	for i, p := range planned {
		e := estimated[i]
		out[i] = TrackTarget{Name: p.Name, Kind: p.Kind, Target: p.Target, Plan: p.Actual,
			LatestEstimate: e.Actual, MetPlan: p.Met, MetLatestEstimate: e.Met}
	}
	return out
}

// variance is le − plan for every key of the totals.
func variance(plan, le *Totals) TotalsVariance {
	d := func(a, b float64) Maybe { return Some(b - a) }
	dm := func(a, b Maybe) Maybe {
		if !a.Valid || !b.Valid {
			return None
		}
		return Some(b.Value - a.Value)
	}
	return TotalsVariance{
		Units: d(plan.Units, le.Units), GrossSales: d(plan.GrossSales, le.GrossSales),
		ChannelMargins: d(plan.ChannelMargins, le.ChannelMargins), NetRevenue: d(plan.NetRevenue, le.NetRevenue),
		COGS: d(plan.COGS, le.COGS), GrossMargin: d(plan.GrossMargin, le.GrossMargin),
		GrossMarginPct: dm(plan.GrossMarginPct, le.GrossMarginPct), Logistics: d(plan.Logistics, le.Logistics),
		PlaceFixed: d(plan.PlaceFixed, le.PlaceFixed), Launch: d(plan.Launch, le.Launch),
		Promotion: d(plan.Promotion, le.Promotion), MarketingSpend: d(plan.MarketingSpend, le.MarketingSpend),
		Contribution: d(plan.Contribution, le.Contribution), ROMI: dm(plan.ROMI, le.ROMI),
		NewCustomers: d(plan.NewCustomers, le.NewCustomers), CAC: dm(plan.CAC, le.CAC), CLV: dm(plan.CLV, le.CLV),
		LTVToCAC: dm(plan.LTVToCAC, le.LTVToCAC), BreakEvenUnits: dm(plan.BreakEvenUnits, le.BreakEvenUnits),
		PaybackMonth: dm(plan.PaybackMonth, le.PaybackMonth),
	}
}
