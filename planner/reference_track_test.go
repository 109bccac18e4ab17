package planner_test

import (
	"fmt"
	"math"
	"testing"

	"mixplan/planner"
	"mixplan/planner/plangen"
)

// referenceTrack is a naive transliteration of docs/model.md §2.3 built on
// referenceDetail: each step writes a plan as the page describes it (the
// actual spends as the channel's spend and flighting, the re-fitted
// maxUnits and baseVolume as the plan's values) and evaluates it with the
// reference formulas, then substitutes the recorded months by hand.
func referenceTrack(p *planner.Plan) *planner.Tracking {
	a := p.Actuals
	T, n := a.Through, p.Months
	z := 0.0
	if T > 0 {
		z = 1
		if a.Credibility > 0 {
			z = float64(T) / (float64(T) + a.Credibility)
		}
	}
	planR, planM := referenceDetail(p, "base")
	// sa_ct: recorded spends in the closed months, the plan's elsewhere.
	spends := map[string][]float64{}
	for c, pm := range p.Promotions {
		s := append([]float64(nil), planR.Promotions[c].MonthlySpend...)
		if rec := a.Promotions[pm.ID].Spend; rec != nil {
			copy(s, rec)
		}
		spends[pm.ID] = s
	}
	withSpends := func(q *planner.Plan) {
		for c := range q.Promotions {
			s := spends[q.Promotions[c].ID]
			total := 0.0
			for _, x := range s {
				total += x
			}
			q.Promotions[c].Spend = total
			q.Promotions[c].Flighting = append([]float64(nil), s...)
			if total == 0 {
				q.Promotions[c].Flighting = nil
			}
		}
	}
	toDate := func(x []float64) float64 {
		s := 0.0
		for t := 0; t < T; t++ {
			s += x[t]
		}
		return s
	}
	total := func(x []float64) float64 {
		s := 0.0
		for _, v := range x {
			s += v
		}
		return s
	}
	out := &planner.Tracking{Through: T, Months: n, Credibility: a.Credibility, Weight: z, Plan: planR.Totals,
		Calibration: planner.Calibration{Promotions: []planner.ChannelCalibration{}, Products: []planner.ProductCalibration{}},
		Promotions:  []planner.TrackChannel{}, Products: []planner.TrackProduct{}, Monthly: []planner.TrackMonth{}}

	// 1. Channels.
	step1 := p.Clone()
	withSpends(step1)
	r1, _ := referenceDetail(step1, "base")
	step2 := step1.Clone()
	for c, pm := range p.Promotions {
		q := 1.0
		if rec := a.Promotions[pm.ID].LiftUnits; rec != nil {
			if L := toDate(r1.Promotions[c].MonthlyLiftUnits); L > 0 {
				q = total(rec) / L
			}
		}
		mu := pm.Response.MaxUnits * (1 + z*(q-1))
		step2.Promotions[c].Response.MaxUnits = mu
		out.Calibration.Promotions = append(out.Calibration.Promotions, planner.ChannelCalibration{ID: pm.ID, Q: q, MaxUnits: mu})
	}
	// 2. Products.
	_, m2 := referenceDetail(step2, "base")
	le := step2.Clone()
	for i, pr := range p.Products {
		b := 1.0
		if rec := a.Products[pr.ID].Units; rec != nil {
			base := toDate(m2.units[pr.ID]) - toDate(m2.lift[pr.ID])
			if base > 0 {
				b = max(0, total(rec)-toDate(m2.lift[pr.ID])) / base
			}
		}
		bv := pr.BaseVolume * (1 + z*(b-1))
		le.Products[i].BaseVolume = bv
		out.Calibration.Products = append(out.Calibration.Products, planner.ProductCalibration{ID: pr.ID, B: b, BaseVolume: bv})
	}
	// 3. The latest estimate.
	leR, leM := referenceDetail(le, "base")
	lt := &out.LatestEstimate
	months := make([]planner.MonthEstimate, n)
	var contribUnits, customers float64
	for _, pr := range p.Products {
		rec := a.Products[pr.ID]
		units := 0.0
		for t := 0; t < n; t++ {
			u := leM.units[pr.ID][t]
			if t < T && rec.Units != nil {
				u = rec.Units[t]
			}
			net := u * leM.nr[pr.ID]
			if t < T && rec.NetRevenue != nil {
				net = rec.NetRevenue[t]
			}
			months[t].Units += u
			months[t].NetRevenue += net
			months[t].Contribution += net - u*leM.uc[pr.ID] - u*leM.lc[pr.ID]
			lt.GrossSales += u * leM.netPrice[pr.ID]
			lt.NetRevenue += net
			lt.COGS += u * leM.uc[pr.ID]
			lt.Logistics += u * leM.lc[pr.ID]
			units += u
		}
		lt.Units += units
		customers += units / pr.UnitsPerCustomer
		contribUnits += units * (leM.nr[pr.ID] - leM.uc[pr.ID] - leM.lc[pr.ID])
	}
	incremental := 0.0
	for _, pr := range leR.Promotions {
		incremental += pr.IncrementalContribution
		lt.Promotion += pr.Spend
	}
	lt.NewCustomers = leR.Totals.NewCustomers
	lt.PlaceFixed, lt.Launch = leR.Totals.PlaceFixed, leR.Totals.Launch
	lt.MarketingSpend = lt.Promotion + lt.PlaceFixed + lt.Launch
	lt.ChannelMargins = lt.GrossSales - lt.NetRevenue
	lt.GrossMargin = lt.NetRevenue - lt.COGS
	if lt.NetRevenue != 0 {
		lt.GrossMarginPct = planner.Some(lt.GrossMargin / lt.NetRevenue)
	}
	lt.Contribution = lt.GrossMargin - lt.Logistics - lt.MarketingSpend
	if lt.Promotion != 0 {
		lt.ROMI = planner.Some((incremental - lt.Promotion) / lt.Promotion)
	}
	if lt.NewCustomers != 0 {
		lt.CAC = planner.Some(lt.Promotion / lt.NewCustomers)
	}
	if customers != 0 {
		lt.CLV = planner.Some(contribUnits / customers * (1 + p.DiscountRate) / (1 + p.DiscountRate - p.RetentionPct))
		if lt.CAC.Valid && lt.CAC.Value != 0 {
			lt.LTVToCAC = planner.Some(lt.CLV.Value / lt.CAC.Value)
		}
	}
	if lt.Units != 0 && contribUnits/lt.Units > 0 {
		lt.BreakEvenUnits = planner.Some(lt.MarketingSpend / (contribUnits / lt.Units))
	}
	cum := 0.0
	for t := range months {
		months[t].MarketingSpend = leR.Monthly[t].MarketingSpend
		months[t].Contribution -= months[t].MarketingSpend
		cum += months[t].Contribution
		months[t].CumulativeContribution = cum
		out.Monthly = append(out.Monthly, planner.TrackMonth{Month: planR.Monthly[t].Month, Closed: t < T,
			Plan: planner.MonthFigures{Units: planR.Monthly[t].Units, NetRevenue: planR.Monthly[t].NetRevenue,
				MarketingSpend: planR.Monthly[t].MarketingSpend, Contribution: planR.Monthly[t].Contribution},
			LatestEstimate: months[t]})
	}
	if cum >= 0 {
		first := n
		for first > 0 && months[first-1].CumulativeContribution >= 0 {
			first--
		}
		lt.PaybackMonth = planner.Some(float64(first + 1))
	}

	v := func(x, y float64) planner.Maybe { return planner.Some(y - x) }
	vm := func(x, y planner.Maybe) planner.Maybe {
		if x.Valid && y.Valid {
			return planner.Some(y.Value - x.Value)
		}
		return planner.None
	}
	pt := &out.Plan
	out.Variance = planner.TotalsVariance{Units: v(pt.Units, lt.Units), GrossSales: v(pt.GrossSales, lt.GrossSales),
		ChannelMargins: v(pt.ChannelMargins, lt.ChannelMargins), NetRevenue: v(pt.NetRevenue, lt.NetRevenue),
		COGS: v(pt.COGS, lt.COGS), GrossMargin: v(pt.GrossMargin, lt.GrossMargin), GrossMarginPct: vm(pt.GrossMarginPct, lt.GrossMarginPct),
		Logistics: v(pt.Logistics, lt.Logistics), PlaceFixed: v(pt.PlaceFixed, lt.PlaceFixed), Launch: v(pt.Launch, lt.Launch),
		Promotion: v(pt.Promotion, lt.Promotion), MarketingSpend: v(pt.MarketingSpend, lt.MarketingSpend),
		Contribution: v(pt.Contribution, lt.Contribution), ROMI: vm(pt.ROMI, lt.ROMI), NewCustomers: v(pt.NewCustomers, lt.NewCustomers),
		CAC: vm(pt.CAC, lt.CAC), CLV: vm(pt.CLV, lt.CLV), LTVToCAC: vm(pt.LTVToCAC, lt.LTVToCAC),
		BreakEvenUnits: vm(pt.BreakEvenUnits, lt.BreakEvenUnits), PaybackMonth: vm(pt.PaybackMonth, lt.PaybackMonth)}
	planT, leT := referenceTargets(p.Targets, pt), referenceTargets(p.Targets, lt)
	out.Targets = []planner.TrackTarget{}
	for i := range planT {
		out.Targets = append(out.Targets, planner.TrackTarget{Name: planT[i].Name, Kind: planT[i].Kind, Target: planT[i].Target,
			Plan: planT[i].Actual, LatestEstimate: leT[i].Actual, MetPlan: planT[i].Met, MetLatestEstimate: leT[i].Met})
	}

	ratio := func(x, y float64, ok bool) planner.Maybe {
		if !ok || y == 0 {
			return planner.None
		}
		return planner.Some(x / y)
	}
	for c, pm := range p.Promotions {
		rec := a.Promotions[pm.ID]
		spent := toDate(spends[pm.ID])
		imp, clk, conv := total(rec.Impressions), total(rec.Clicks), total(rec.Conversions)
		tc := planner.TrackChannel{ID: pm.ID, PlanSpendToDate: toDate(planR.Promotions[c].MonthlySpend), ActualSpendToDate: spent,
			Committed: rec.Committed, PlanLiftToDate: toDate(planR.Promotions[c].MonthlyLiftUnits), LatestEstimateSpend: total(spends[pm.ID])}
		if rec.LiftUnits != nil {
			tc.MeasuredLiftToDate = planner.Some(total(rec.LiftUnits))
		}
		tc.CPM = ratio(1000*spent, imp, rec.Impressions != nil)
		tc.CTR = ratio(clk, imp, rec.Impressions != nil && rec.Clicks != nil)
		tc.CVR = ratio(conv, clk, rec.Clicks != nil && rec.Conversions != nil)
		tc.CPA = ratio(spent, conv, rec.Conversions != nil)
		out.Promotions = append(out.Promotions, tc)
	}
	for _, pr := range p.Products {
		rec := a.Products[pr.ID]
		tp := planner.TrackProduct{ID: pr.ID, PlanUnitsToDate: toDate(planM.units[pr.ID]),
			PlanNetRevenueToDate: toDate(planM.units[pr.ID]) * planM.nr[pr.ID]}
		if rec.Units != nil {
			tp.ActualUnitsToDate = planner.Some(total(rec.Units))
			tp.ActualNetRevenueToDate = planner.Some(total(rec.Units) * planM.nr[pr.ID])
		}
		if rec.NetRevenue != nil {
			tp.ActualNetRevenueToDate = planner.Some(total(rec.NetRevenue))
		}
		for t := 0; t < n; t++ {
			u, net := leM.units[pr.ID][t], leM.units[pr.ID][t]*leM.nr[pr.ID]
			if t < T && rec.Units != nil {
				u, net = rec.Units[t], rec.Units[t]*leM.nr[pr.ID]
			}
			if t < T && rec.NetRevenue != nil {
				net = rec.NetRevenue[t]
			}
			tp.LatestEstimateUnits += u
			tp.LatestEstimateNetRevenue += net
		}
		out.Products = append(out.Products, tp)
	}
	return out
}

// TestTrackAgainstReference compares Track with the naive reference on
// generated plans: every number of closed months from none to all, trusted
// whole (credibility 0) or not, with carryover from the closed months into
// the open ones and channels without a split, whose weights follow the
// re-fitted base volumes.
func TestTrackAgainstReference(t *testing.T) {
	cases := map[string]*planner.Plan{}
	for i, size := range []plangen.Size{
		{Products: 4, Places: 2, Promotions: 5, Months: 12, Monthly: true},
		{Products: 1, Places: 1, Promotions: 1, Months: 1, Monthly: true},
		{Products: 9, Places: 3, Promotions: 8, Months: 24, Monthly: true},
		{Products: 3, Places: 2, Promotions: 0, Months: 6},
	} {
		for seed := int64(1); seed <= 4; seed++ {
			for _, through := range []int{0, 1, size.Months / 2, size.Months} {
				p := plangen.WithActuals(plangen.Generate(size, seed), through, seed+int64(through))
				if seed == 2 {
					p.Actuals.Credibility = 0
				}
				cases[fmt.Sprintf("generated %d seed %d through %d", i, seed, through)] = p
			}
		}
	}
	tea, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	cases["worked example"] = tea
	onlyRevenue := tea.Clone()
	onlyRevenue.Actuals.Products["gift"] = planner.ProductActuals{NetRevenue: []float64{9000, 12000, 6000, 7000}}
	onlyRevenue.Actuals.Promotions["radio"] = planner.PromotionActuals{Spend: []float64{0, 0, 0, 0}, LiftUnits: []float64{5, 0, 0, 0},
		Clicks: []float64{10, 0, 3, 0}, Conversions: []float64{0, 0, 0, 0}}
	cases["net revenue without units, lift measured at no spend"] = onlyRevenue
	for name, p := range cases {
		t.Run(name, func(t *testing.T) {
			if err := p.Validate(); err != nil {
				t.Fatal(err)
			}
			got, err := planner.Track(p)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range diffTracking(t, referenceTrack(p), got) {
				t.Error(d)
			}
		})
	}
}

// diffTracking compares two trackings key by key to a relative 1e-9; a
// variance, a difference of two figures, to 1e-9 of the larger of them.
func diffTracking(t *testing.T, want, got *planner.Tracking) []string {
	w, g := toTree(t, want).(map[string]any), toTree(t, got).(map[string]any)
	wv, gv := w["variance"].(map[string]any), g["variance"].(map[string]any)
	plan, le := g["plan"].(map[string]any), g["latestEstimate"].(map[string]any)
	delete(w, "variance")
	delete(g, "variance")
	out := diffTrees("", w, g, 1e-9)
	for k, x := range wv {
		y, ok := gv[k]
		if !ok {
			out = append(out, ".variance."+k+": missing")
			continue
		}
		if x == nil || y == nil {
			if x != y {
				out = append(out, fmt.Sprintf(".variance.%s: want %v, got %v", k, x, y))
			}
			continue
		}
		scale := max(math.Abs(number(plan[k])), math.Abs(number(le[k])))
		if math.Abs(x.(float64)-y.(float64)) > 1e-9*scale+1e-12 {
			out = append(out, fmt.Sprintf(".variance.%s: want %v, got %v", k, x, y))
		}
	}
	if len(gv) != len(wv) {
		out = append(out, fmt.Sprintf(".variance: %d keys, want %d", len(gv), len(wv)))
	}
	return out
}

// number is a JSON number, 0 for null.
func number(v any) float64 {
	x, _ := v.(float64)
	return x
}
