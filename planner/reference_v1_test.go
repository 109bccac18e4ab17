package planner_test

import (
	"math"

	"mixplan/planner"
)

// referenceReportV1 is the naive transliteration of version 1 of the
// contract's formulas: one Hill curve per channel at its yearly spend, lift
// spread over the months by the products' seasonality. Version 2 must give
// the same figures on plans with flat flighting and responsiveness and no
// carryover (the months too when seasonality is flat as well): see
// TestVersion1FiguresUnchanged.
func referenceReportV1(p *planner.Plan, scenarioID string) *planner.Report {
	sc, _ := p.ScenarioByID(scenarioID)
	type prod struct {
		net, pi, base, lift, units, uc, unitCost, upc float64
	}
	prods := map[string]*prod{}
	for _, pr := range p.Products {
		net := pr.ListPrice * sc.Price * (1 - pr.DiscountPct)
		pi := math.Pow(net/pr.ReferencePrice, pr.Elasticity)
		prods[pr.ID] = &prod{net: net, pi: pi, base: pr.BaseVolume * sc.Volume * pi,
			unitCost: pr.UnitCost * sc.UnitCost, upc: pr.UnitsPerCustomer}
	}
	shareOf := func(k int, id string) float64 { return p.Places[k].Share[id] }
	for _, pr := range p.Products {
		q := prods[pr.ID]
		for k, pl := range p.Places {
			q.uc += shareOf(k, pr.ID) * (q.net*(1-pl.MarginPct) - q.unitCost - pl.UnitCost)
		}
	}
	hill := func(pm planner.Promotion, s float64) float64 {
		if s == 0 {
			return 0
		}
		k := pm.Response.Shape
		return pm.Response.MaxUnits * sc.Response * math.Pow(s, k) / (math.Pow(s, k) + math.Pow(pm.Response.HalfSpend, k))
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

	r := &planner.Report{Plan: p.Name, Scenario: sc.ID, Currency: p.Currency, Months: p.Months,
		Targets: []planner.TargetResult{}, Products: []planner.ProductResult{}, Places: []planner.PlaceResult{},
		Promotions: []planner.PromotionResult{}, Monthly: []planner.MonthResult{}}
	t := &r.Totals
	incremental := 0.0
	for _, pm := range p.Promotions {
		lift := hill(pm, pm.Spend)
		w := weights(pm)
		v, upl := 0.0, 0.0
		for id, x := range w {
			q := prods[id]
			q.lift += q.pi * lift * x
			v += x * q.pi * q.uc
			upl += x * q.pi
		}
		res := planner.PromotionResult{ID: pm.ID, Spend: pm.Spend, LiftUnits: lift * upl, IncrementalContribution: lift * v}
		if pm.Spend != 0 {
			res.ROI = planner.Some((lift*v - pm.Spend) / pm.Spend)
		}
		// H'(s) by the quotient rule on M s^k / (s^k + h^k).
		k, h, M, s := pm.Response.Shape, pm.Response.HalfSpend, pm.Response.MaxUnits*sc.Response, pm.Spend
		d := M * k * math.Pow(s, k-1) * math.Pow(h, k) / math.Pow(math.Pow(s, k)+math.Pow(h, k), 2)
		if M == 0 {
			d = 0
		}
		if mr := v*d - 1; !math.IsInf(mr, 0) && !math.IsNaN(mr) {
			res.MarginalROI = planner.Some(mr)
		}
		r.Promotions = append(r.Promotions, res)
		t.Promotion += pm.Spend
		incremental += lift * v
	}

	var contribUnits, customers float64
	for _, pr := range p.Products {
		q := prods[pr.ID]
		q.units = q.base + q.lift
		res := planner.ProductResult{ID: pr.ID, NetPrice: q.net, PriceIndex: q.pi, BaseUnits: q.base,
			LiftUnits: q.lift, Units: q.units, UnitContribution: q.uc}
		for k, pl := range p.Places {
			upk := q.units * shareOf(k, pr.ID)
			res.NetRevenue += upk * q.net * (1 - pl.MarginPct)
			res.Logistics += upk * pl.UnitCost
		}
		res.COGS = q.units * q.unitCost
		res.GrossMargin = res.NetRevenue - res.COGS
		if res.NetRevenue != 0 {
			res.GrossMarginPct = planner.Some(res.GrossMargin / res.NetRevenue)
		}
		res.Contribution = q.units*q.uc - pr.LaunchCost
		r.Products = append(r.Products, res)
		t.Units += q.units
		t.GrossSales += q.units * q.net
		t.NetRevenue += res.NetRevenue
		t.COGS += res.COGS
		t.Logistics += res.Logistics
		t.Launch += pr.LaunchCost
		t.NewCustomers += q.lift / q.upc
		customers += q.units / q.upc
		contribUnits += q.units * q.uc
	}
	for k, pl := range p.Places {
		res := planner.PlaceResult{ID: pl.ID, FixedCost: pl.FixedCost}
		for _, pr := range p.Products {
			q := prods[pr.ID]
			upk := q.units * shareOf(k, pr.ID)
			res.Units += upk
			res.GrossSales += upk * q.net
			res.NetRevenue += upk * q.net * (1 - pl.MarginPct)
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

	norm := func(w []float64, n int) []float64 {
		out := make([]float64, n)
		if w == nil {
			for i := range out {
				out[i] = 1 / float64(n)
			}
			return out
		}
		total := 0.0
		for _, x := range w {
			total += x
		}
		for i := range out {
			out[i] = w[i] / total
		}
		return out
	}
	labels := planner.MonthLabels(p.Start, p.Months)
	cum := 0.0
	for mo := 0; mo < p.Months; mo++ {
		m := planner.MonthResult{Month: labels[mo]}
		for i, pr := range p.Products {
			s := norm(pr.Seasonality, p.Months)[mo]
			m.Units += s * r.Products[i].Units
			m.NetRevenue += s * r.Products[i].NetRevenue
			m.GrossMargin += s * r.Products[i].GrossMargin
			m.Logistics += s * r.Products[i].Logistics
		}
		for _, pm := range p.Promotions {
			m.MarketingSpend += norm(pm.Flighting, p.Months)[mo] * pm.Spend
		}
		m.MarketingSpend += t.PlaceFixed / float64(p.Months)
		if mo == 0 {
			m.MarketingSpend += t.Launch
		}
		m.Contribution = m.GrossMargin - m.Logistics - m.MarketingSpend
		cum += m.Contribution
		m.CumulativeContribution = cum
		r.Monthly = append(r.Monthly, m)
	}
	if cum >= 0 {
		first := p.Months
		for first > 0 && r.Monthly[first-1].CumulativeContribution >= 0 {
			first--
		}
		t.PaybackMonth = planner.Some(float64(first + 1))
	}

	r.Targets = referenceTargets(p.Targets, t)
	return r
}
