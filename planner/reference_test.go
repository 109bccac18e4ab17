package planner_test

import (
	"math"

	"mixplan/planner"
)

// referenceReport is a second, deliberately naive transliteration of
// docs/model.md §2.1–2.2 (version 2): maps keyed by id, every month of
// every channel and product written out, the pressure as the double sum
// the page writes (no recursion), Hill curves with powers, places summed
// place by place. It shares no code with Compile or Report; the engine must
// agree with it on every plan.
func referenceReport(p *planner.Plan, scenarioID string) *planner.Report {
	r, _ := referenceDetail(p, scenarioID)
	return r
}

// referenceMonths are the per product and month figures behind a reference report.
type referenceMonths struct {
	units, lift map[string][]float64 // product id → units_pt, liftUnits_pt
	nr, lc, uc  map[string]float64   // product id → nr_p, lc_p, unitCost_p
	netPrice    map[string]float64
}

// referenceDetail is referenceReport with the products' months.
func referenceDetail(p *planner.Plan, scenarioID string) (*planner.Report, referenceMonths) {
	sc, _ := p.ScenarioByID(scenarioID)
	n := p.Months
	type prod struct {
		net, pi, base, unitCost, upc float64
		nr, lc, uc                   float64
		season, lift                 []float64 // per month
	}
	prods := map[string]*prod{}
	normalise := func(w []float64) []float64 {
		out := make([]float64, n)
		total := 0.0
		for _, x := range w {
			total += x
		}
		for t := range out {
			if w == nil {
				out[t] = 1 / float64(n)
			} else {
				out[t] = w[t] / total
			}
		}
		return out
	}
	for _, pr := range p.Products {
		net := pr.ListPrice * sc.Price * (1 - pr.DiscountPct)
		pi := math.Pow(net/pr.ReferencePrice, pr.Elasticity)
		q := &prod{net: net, pi: pi, base: pr.BaseVolume * sc.Volume * pi,
			unitCost: pr.UnitCost * sc.UnitCost, upc: pr.UnitsPerCustomer,
			season: normalise(pr.Seasonality), lift: make([]float64, n)}
		for _, pl := range p.Places {
			x := pl.Share[pr.ID]
			q.nr += net * x * (1 - pl.MarginPct)
			q.lc += x * pl.UnitCost
		}
		q.uc = q.nr - q.unitCost - q.lc
		prods[pr.ID] = q
	}
	weights := func(pm planner.Promotion) map[string]float64 {
		w := map[string]float64{}
		if pm.Split != nil {
			total := 0.0
			for _, x := range pm.Split {
				total += x
			}
			for id, x := range pm.Split {
				w[id] = x / total
			}
			return w
		}
		total := 0.0
		for _, q := range prods {
			total += q.base
		}
		for id, q := range prods {
			if total > 0 {
				w[id] = q.base / total
			} else {
				w[id] = 1 / float64(len(prods))
			}
		}
		return w
	}

	r := &planner.Report{Plan: p.Name, Scenario: sc.ID, Currency: p.Currency, Months: n,
		Targets: []planner.TargetResult{}, Products: []planner.ProductResult{}, Places: []planner.PlaceResult{},
		Promotions: []planner.PromotionResult{}, Monthly: []planner.MonthResult{}}
	t := &r.Totals
	incremental := 0.0
	spendByMonth := make([]float64, n)
	for _, pm := range p.Promotions {
		k, lambda := pm.Response.Shape, pm.Response.Carryover
		M := pm.Response.MaxUnits * sc.Response
		c := pm.Response.HalfSpend / float64(n)
		f := normalise(pm.Flighting)
		r0 := normalise(pm.Responsiveness) // shares; ρ_t = n × share
		spend := make([]float64, n)
		for u := range spend {
			spend[u] = f[u] * pm.Spend
			spendByMonth[u] += spend[u]
		}
		w := weights(pm)
		v, upl := 0.0, 0.0
		for id, x := range w {
			v += x * prods[id].pi * prods[id].uc
			upl += x * prods[id].pi
		}
		res := planner.PromotionResult{ID: pm.ID, Spend: pm.Spend, MonthlySpend: spend, MonthlyLiftUnits: make([]float64, n)}
		lift, dlift := 0.0, 0.0
		for tt := 0; tt < n; tt++ {
			x, a := 0.0, 0.0 // pressure, and its derivative in the channel's spend
			for u := 0; u <= tt; u++ {
				x += (1 - lambda) * math.Pow(lambda, float64(tt-u)) * spend[u]
				a += (1 - lambda) * math.Pow(lambda, float64(tt-u)) * f[u]
			}
			rho := float64(n) * r0[tt]
			l := 0.0
			if x > 0 {
				l = rho * (M / float64(n)) * math.Pow(x, k) / (math.Pow(x, k) + math.Pow(c, k))
			}
			// d/dx of x^k / (x^k + c^k) = k x^(k−1) c^k / (x^k + c^k)²; a month
			// that feels no pressure whatever the spend (a = 0) adds nothing.
			if a > 0 && M > 0 {
				dlift += rho * (M / float64(n)) * k * math.Pow(x, k-1) * math.Pow(c, k) / math.Pow(math.Pow(x, k)+math.Pow(c, k), 2) * a
			}
			lift += l
			res.MonthlyLiftUnits[tt] = l * upl
			for id, x := range w {
				prods[id].lift[tt] += prods[id].pi * x * l
			}
		}
		res.LiftUnits = lift * upl
		res.IncrementalContribution = lift * v
		if pm.Spend != 0 {
			res.ROI = planner.Some((lift*v - pm.Spend) / pm.Spend)
		}
		if mr := v*dlift - 1; !math.IsInf(mr, 0) && !math.IsNaN(mr) {
			res.MarginalROI = planner.Some(mr)
		}
		r.Promotions = append(r.Promotions, res)
		t.Promotion += pm.Spend
		incremental += lift * v
	}

	var contribUnits, customers float64
	units := map[string]float64{}
	for _, pr := range p.Products {
		q := prods[pr.ID]
		liftUnits := 0.0
		for _, l := range q.lift {
			liftUnits += l
		}
		u := q.base + liftUnits
		units[pr.ID] = u
		res := planner.ProductResult{ID: pr.ID, NetPrice: q.net, PriceIndex: q.pi, BaseUnits: q.base,
			LiftUnits: liftUnits, Units: u, UnitContribution: q.uc}
		for _, pl := range p.Places {
			upk := u * pl.Share[pr.ID]
			res.NetRevenue += upk * q.net * (1 - pl.MarginPct)
			res.Logistics += upk * pl.UnitCost
		}
		res.COGS = u * q.unitCost
		res.GrossMargin = res.NetRevenue - res.COGS
		if res.NetRevenue != 0 {
			res.GrossMarginPct = planner.Some(res.GrossMargin / res.NetRevenue)
		}
		res.Contribution = u*q.uc - pr.LaunchCost
		r.Products = append(r.Products, res)
		t.Units += u
		t.GrossSales += u * q.net
		t.NetRevenue += res.NetRevenue
		t.COGS += res.COGS
		t.Logistics += res.Logistics
		t.Launch += pr.LaunchCost
		t.NewCustomers += liftUnits / q.upc
		customers += u / q.upc
		contribUnits += u * q.uc
	}
	for _, pl := range p.Places {
		res := planner.PlaceResult{ID: pl.ID, FixedCost: pl.FixedCost}
		for _, pr := range p.Products {
			upk := units[pr.ID] * pl.Share[pr.ID]
			res.Units += upk
			res.GrossSales += upk * prods[pr.ID].net
			res.NetRevenue += upk * prods[pr.ID].net * (1 - pl.MarginPct)
			res.Logistics += upk * pl.UnitCost
		}
		r.Places = append(r.Places, res)
		t.PlaceFixed += pl.FixedCost
	}
	t.ChannelMargins = t.GrossSales - t.NetRevenue
	t.GrossMargin = t.NetRevenue - t.COGS
	if t.NetRevenue != 0 {
		t.GrossMarginPct = planner.Some(t.GrossMargin / t.NetRevenue)
	}
	t.MarketingSpend = t.Promotion + t.PlaceFixed + t.Launch
	t.Contribution = t.GrossMargin - t.Logistics - t.MarketingSpend
	if t.Promotion != 0 {
		t.ROMI = planner.Some((incremental - t.Promotion) / t.Promotion)
	}
	if t.NewCustomers != 0 {
		t.CAC = planner.Some(t.Promotion / t.NewCustomers)
	}
	if customers != 0 {
		m := contribUnits / customers
		t.CLV = planner.Some(m * (1 + p.DiscountRate) / (1 + p.DiscountRate - p.RetentionPct))
		if t.CAC.Valid && t.CAC.Value != 0 {
			t.LTVToCAC = planner.Some(t.CLV.Value / t.CAC.Value)
		}
	}
	if t.Units != 0 && contribUnits/t.Units > 0 {
		t.BreakEvenUnits = planner.Some(t.MarketingSpend / (contribUnits / t.Units))
	}

	labels := planner.MonthLabels(p.Start, n)
	cum := 0.0
	for tt := 0; tt < n; tt++ {
		m := planner.MonthResult{Month: labels[tt]}
		for _, pr := range p.Products {
			q := prods[pr.ID]
			u := q.season[tt]*q.base + q.lift[tt]
			m.Units += u
			m.LiftUnits += q.lift[tt]
			m.NetRevenue += u * q.nr
			m.GrossMargin += u * (q.nr - q.unitCost)
			m.Logistics += u * q.lc
		}
		m.MarketingSpend = spendByMonth[tt] + t.PlaceFixed/float64(n)
		if tt == 0 {
			m.MarketingSpend += t.Launch
		}
		m.Contribution = m.GrossMargin - m.Logistics - m.MarketingSpend
		cum += m.Contribution
		m.CumulativeContribution = cum
		r.Monthly = append(r.Monthly, m)
	}
	if cum >= 0 {
		first := n
		for first > 0 && r.Monthly[first-1].CumulativeContribution >= 0 {
			first--
		}
		t.PaybackMonth = planner.Some(float64(first + 1))
	}
	r.Targets = referenceTargets(p.Targets, t)
	detail := referenceMonths{units: map[string][]float64{}, lift: map[string][]float64{}, nr: map[string]float64{},
		lc: map[string]float64{}, uc: map[string]float64{}, netPrice: map[string]float64{}}
	for id, q := range prods {
		detail.lift[id] = q.lift
		detail.units[id] = make([]float64, n)
		for tt := range detail.units[id] {
			detail.units[id][tt] = q.season[tt]*q.base + q.lift[tt]
		}
		detail.nr[id], detail.lc[id], detail.uc[id], detail.netPrice[id] = q.nr, q.lc, q.unitCost, q.net
	}
	return r, detail
}

// referenceTargets lists the set targets against the totals, in report order.
func referenceTargets(tg planner.Targets, t *planner.Totals) []planner.TargetResult {
	type target struct {
		name, kind string
		v          *float64
		actual     planner.Maybe
	}
	out := []planner.TargetResult{}
	for _, x := range []target{
		{"revenue", "min", tg.Revenue, planner.Some(t.NetRevenue)},
		{"grossMarginPct", "min", tg.GrossMarginPct, t.GrossMarginPct},
		{"contribution", "min", tg.Contribution, planner.Some(t.Contribution)},
		{"budget", "max", tg.Budget, planner.Some(t.MarketingSpend)},
		{"romi", "min", tg.ROMI, t.ROMI},
		{"cac", "max", tg.CAC, t.CAC},
	} {
		if x.v == nil {
			continue
		}
		res := planner.TargetResult{Name: x.name, Kind: x.kind, Target: *x.v, Actual: x.actual}
		if x.actual.Valid {
			res.Gap = planner.Some(x.actual.Value - *x.v)
			res.Met = x.kind == "min" && x.actual.Value >= *x.v || x.kind == "max" && x.actual.Value <= *x.v
		}
		out = append(out, res)
	}
	return out
}
