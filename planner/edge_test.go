package planner_test

import (
	"fmt"
	"math"
	"mixplan/planner"
	"testing"

	"mixplan/planner/plangen"
)

// minimal is a one-product, one-place plan with every optional field absent.
const minimal = `{"format":"mixplan","version":1,"name":"Minimal",
 "products":[{"id":"a","name":"A","unitCost":2,"listPrice":10,"baseVolume":1000}],
 "places":[{"id":"shop","name":"Shop","share":{"a":1}}]}`

// minimalV2 is a small version-2 plan with every field version 2 adds.
const minimalV2 = `{"format":"mixplan","version":2,"name":"Minimal v2","months":3,
 "products":[{"id":"a","name":"A","unitCost":2,"listPrice":10,"baseVolume":1000}],
 "places":[{"id":"shop","name":"Shop","share":{"a":1}}],
 "promotions":[{"id":"c","name":"C","spend":300,"response":{"maxUnits":500,"halfSpend":100,"shape":1.5,"carryover":0.4},
   "flighting":[1,0,2],"responsiveness":[1,2,1],"maxPerMonth":250}],
 "groups":[{"id":"g","name":"G","promotions":["c"],"min":10,"max":1000,"minShare":0.1,"maxShare":1}],
 "actuals":{"through":1,"credibility":2,"promotions":{"c":{"spend":[120],"committed":50,"liftUnits":[40],
   "impressions":[1000],"clicks":[50],"conversions":[5]}},"products":{"a":{"units":[400],"netRevenue":[3900]}}},
 "ranges":[{"of":"promotions.c.carryover","low":0,"high":0.6},{"of":"products.a.baseVolume","low":800,"high":1300}]}`

// TestHandComputed checks small plans against figures worked out by hand.
func TestHandComputed(t *testing.T) {
	t.Run("every optional field absent", func(t *testing.T) {
		r := mustEvaluate(t, minimal, "")
		// 1000 units × (10 − 2) = 8000 contribution; no promotion, no targets.
		tot := r.Totals
		wantEq(t, "units", tot.Units, 1000)
		wantEq(t, "netRevenue", tot.NetRevenue, 10000)
		wantEq(t, "contribution", tot.Contribution, 8000)
		wantEq(t, "grossMarginPct", tot.GrossMarginPct.Value, 0.8)
		wantNull(t, "romi", tot.ROMI)
		wantNull(t, "cac", tot.CAC)
		wantNull(t, "ltvToCac", tot.LTVToCAC)
		// m = 8000 / 1000 customers = 8; clv = 8 × 1.1 / (1.1 − 0) = 8.
		wantEq(t, "clv", tot.CLV.Value, 8)
		wantEq(t, "breakEvenUnits", tot.BreakEvenUnits.Value, 0)
		wantEq(t, "paybackMonth", tot.PaybackMonth.Value, 1)
		if len(r.Monthly) != 12 || r.Monthly[0].Month != "M1" || r.Monthly[11].Month != "M12" {
			t.Errorf("months: %+v", r.Monthly)
		}
		wantEq(t, "flat month", r.Monthly[3].Units, 1000.0/12)
		if len(r.Targets) != 0 {
			t.Errorf("targets reported though none is set: %+v", r.Targets)
		}
	})
	t.Run("one promotion, one month", func(t *testing.T) {
		// spend 100 at half 100, shape 1: lift = 500 × 100/200 = 250 units.
		// unit contribution 10 × (1 − 0.2) − 2 − 1 = 5; incremental = 1250; roi = 11.5.
		// H'(100) = 500 × 100 / 200² = 1.25; marginalRoi = 5 × 1.25 − 1 = 5.25.
		r := mustEvaluate(t, `{"format":"mixplan","version":1,"name":"One","months":1,"start":"2027-12",
		 "targets":{"cac":1,"budget":0},
		 "products":[{"id":"a","name":"A","unitCost":2,"listPrice":10,"baseVolume":0,"unitsPerCustomer":2}],
		 "places":[{"id":"s","name":"S","marginPct":0.2,"unitCost":1,"share":{"a":1}}],
		 "promotions":[{"id":"c","name":"C","spend":100,"response":{"maxUnits":500,"halfSpend":100}}]}`, "")
		tot := r.Totals
		wantEq(t, "units", tot.Units, 250)
		wantEq(t, "incremental", r.Promotions[0].IncrementalContribution, 1250)
		wantEq(t, "roi", r.Promotions[0].ROI.Value, 11.5)
		wantEq(t, "marginalRoi", r.Promotions[0].MarginalROI.Value, 5.25)
		wantEq(t, "romi", tot.ROMI.Value, 11.5)
		wantEq(t, "newCustomers", tot.NewCustomers, 125)
		wantEq(t, "cac", tot.CAC.Value, 0.8)
		wantEq(t, "contribution", tot.Contribution, 1150)
		if r.Monthly[0].Month != "2027-12" || len(r.Monthly) != 1 {
			t.Errorf("months: %+v", r.Monthly)
		}
		// Targets: cac 0.8 ≤ 1 met; budget 100 > 0 missed.
		if r.Targets[0].Name != "budget" || r.Targets[0].Met || r.Targets[1].Name != "cac" || !r.Targets[1].Met {
			t.Errorf("targets in the wrong order or status: %+v", r.Targets)
		}
	})
	t.Run("a burst that carries over", func(t *testing.T) {
		// spend 300 flighted [1, 0, 2] → 100, 0, 200; carryover 0.5 → pressure
		// 50, 25, 112.5; each month's curve 100 × x / (x + 50) → lift 50,
		// 33.33, 69.23 = 152.56 units, landing in the months felt.
		// unit contribution 10 × 0.8 − 2 − 1 = 5: incremental 762.82, roi 1.5427.
		// dlift = Σ 100 × 50/(x+50)² × a_t with a = 1/6, 1/12, 3/8 = 0.228413:
		// marginal ROI 5 × 0.228413 − 1 = 0.142067.
		r := mustEvaluate(t, `{"format":"mixplan","version":2,"name":"Burst","months":3,
		 "products":[{"id":"a","name":"A","unitCost":2,"listPrice":10,"baseVolume":0}],
		 "places":[{"id":"s","name":"S","marginPct":0.2,"unitCost":1,"share":{"a":1}}],
		 "promotions":[{"id":"c","name":"C","spend":300,"flighting":[1,0,2],
		   "response":{"maxUnits":300,"halfSpend":150,"carryover":0.5}}]}`, "")
		pr := r.Promotions[0]
		for i, want := range []float64{50, 100.0 / 3, 900.0 / 13} {
			wantEq(t, fmt.Sprintf("lift in month %d", i+1), pr.MonthlyLiftUnits[i], want)
			wantEq(t, fmt.Sprintf("units in month %d", i+1), r.Monthly[i].Units, want)
			wantEq(t, fmt.Sprintf("lift units in month %d", i+1), r.Monthly[i].LiftUnits, want)
		}
		for i, want := range []float64{100, 0, 200} {
			wantEq(t, fmt.Sprintf("spend in month %d", i+1), pr.MonthlySpend[i], want)
		}
		wantEq(t, "lift units", pr.LiftUnits, 152.56410256410257)
		wantEq(t, "incremental", pr.IncrementalContribution, 762.8205128205128)
		wantEq(t, "roi", pr.ROI.Value, 1.5427350427350428)
		wantEq(t, "marginal roi", pr.MarginalROI.Value, 0.14206662283585358)
		wantEq(t, "month 2 contribution", r.Monthly[1].Contribution, 5*100.0/3)
	})
	t.Run("zero base volume and zero spend", func(t *testing.T) {
		r := mustEvaluate(t, `{"format":"mixplan","version":1,"name":"Empty","retentionPct":0.5,
		 "targets":{"grossMarginPct":0.3,"romi":0.1,"cac":null},
		 "products":[{"id":"a","name":"A","unitCost":2,"listPrice":10,"baseVolume":0}],
		 "places":[{"id":"s","name":"S","fixedCost":1200,"share":{"a":1}}],
		 "promotions":[{"id":"c","name":"C","spend":0,"response":{"maxUnits":500,"halfSpend":100,"shape":0.5}}]}`, "")
		tot := r.Totals
		wantNull(t, "grossMarginPct", tot.GrossMarginPct)
		wantNull(t, "clv", tot.CLV)
		wantNull(t, "breakEvenUnits", tot.BreakEvenUnits)
		wantNull(t, "paybackMonth", tot.PaybackMonth)
		wantNull(t, "roi", r.Promotions[0].ROI)
		wantNull(t, "marginalRoi at zero spend with shape < 1", r.Promotions[0].MarginalROI)
		wantEq(t, "contribution", tot.Contribution, -1200)
		if len(r.Targets) != 2 || r.Targets[0].Met || r.Targets[0].Gap.Valid || r.Targets[1].Actual.Valid {
			t.Errorf("null actuals must be not met with a null gap: %+v", r.Targets)
		}
	})
}

// TestAgainstReference compares the engine with the naive transliteration of
// the formulas on generated plans and edge cases, every key of the report.
func TestAgainstReference(t *testing.T) {
	cases := map[string]*planner.Plan{}
	for i, size := range []plangen.Size{
		{Products: 3, Places: 2, Promotions: 4, Months: 12, Scenarios: 2, Monthly: true},
		{Products: 1, Places: 1, Promotions: 0, Months: 1, Scenarios: 0},
		{Products: 2, Places: 1, Promotions: 3, Months: 1, Scenarios: 1, Monthly: true},
		{Products: 20, Places: 6, Promotions: 15, Months: 60, Scenarios: 3, Monthly: true},
		{Products: 7, Places: 3, Promotions: 9, Months: 24, Scenarios: 1, Monthly: true},
		{Products: 5, Places: 2, Promotions: 6, Months: 12, Scenarios: 1},
	} {
		for seed := int64(1); seed <= 5; seed++ {
			cases[fmt.Sprintf("generated %d seed %d", i, seed)] = plangen.Generate(size, seed)
		}
	}
	extreme := plangen.Generate(plangen.Size{Products: 4, Places: 2, Promotions: 4, Months: 6, Scenarios: 1}, 9)
	for c, shape := range []float64{0.05, 0.5, 9.5, 10} {
		extreme.Promotions[c].Response.Shape = shape
	}
	cases["shapes far from 1"] = extreme
	bursts := plangen.Generate(plangen.Size{Products: 4, Places: 2, Promotions: 5, Months: 12, Scenarios: 1}, 4)
	for c := range bursts.Promotions {
		pm := &bursts.Promotions[c]
		pm.Flighting = make([]float64, 12)
		pm.Flighting[2*c] = 3 // one burst, the rest of the year dark
		pm.Flighting[2*c+1] = 1
		pm.Response.Shape = []float64{0.4, 1, 1.8, 3, 0.9}[c]
		pm.Response.Carryover = []float64{0, 0.5, 0.9, 0.2, 0}[c]
		pm.Responsiveness = []float64{0, 1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1}
	}
	bursts.Promotions[4].Spend = 0 // no spend at all, with shape < 1
	cases["bursts, dark months, carryover and responsiveness"] = bursts
	noFixed := plangen.Generate(plangen.Size{Products: 4, Places: 3, Promotions: 2, Months: 12}, 3)
	for k := range noFixed.Places {
		noFixed.Places[k].FixedCost = 0
	}
	for i := range noFixed.Products {
		noFixed.Products[i].LaunchCost = 0
		noFixed.Products[i].BaseVolume = 0
	}
	cases["no fixed costs, zero base volume"] = noFixed
	tea, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	cases["worked example"] = tea

	for name, p := range cases {
		if err := p.Validate(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		scenarios := []string{"base"}
		for _, s := range p.Scenarios {
			scenarios = append(scenarios, s.ID)
		}
		for _, sc := range scenarios {
			t.Run(name+"/"+sc, func(t *testing.T) {
				got, err := planner.Evaluate(p, sc)
				if err != nil {
					t.Fatal(err)
				}
				want := referenceReport(p, sc)
				for _, d := range diffTrees("", toTree(t, want), toTree(t, got), 1e-9) {
					t.Error(d)
				}
			})
		}
	}
}

// flatten removes what makes version 2 differ from version 1: flighting,
// responsiveness and carryover.
func flatten(p *planner.Plan) *planner.Plan {
	q := p.Clone()
	for c := range q.Promotions {
		q.Promotions[c].Flighting, q.Promotions[c].Responsiveness = nil, nil
		q.Promotions[c].Response.Carryover = 0
	}
	return q
}

// TestVersion1FiguresUnchanged: with flat flighting and neither carryover
// nor responsiveness, every figure of version 1 is unchanged — against the
// version-1 worked example's independently computed figures and the
// version-1 reference. Months differ only in where lift lands (version 1
// spread it by seasonality), so they are compared where seasonality is flat.
func TestVersion1FiguresUnchanged(t *testing.T) {
	v1, err := planner.Load("testdata/v1/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	tea := flatten(v1)
	for _, sc := range []string{"base", "low", "high"} {
		t.Run("worked example "+sc, func(t *testing.T) {
			got := toTree(t, mustReport(t, tea, sc)).(map[string]any)
			want := readTree(t, "testdata/v1/expected/tea."+sc+".report.json").(map[string]any)
			delete(want, "monthly")
			delete(got, "monthly")
			dropMonthlyChannelKeys(got)
			for _, d := range diffTrees("", want, got, 1e-9) {
				t.Error(d)
			}
		})
	}
	for seed := int64(1); seed <= 6; seed++ {
		p := flatten(plangen.Generate(plangen.Size{Products: 6, Places: 3, Promotions: 7, Months: 1 + int(seed)*7, Scenarios: 1, Monthly: true}, seed))
		for i := range p.Products {
			p.Products[i].Seasonality = nil
		}
		t.Run(fmt.Sprintf("generated seed %d", seed), func(t *testing.T) {
			got := toTree(t, mustReport(t, p, "s0")).(map[string]any)
			want := toTree(t, referenceReportV1(p, "s0")).(map[string]any)
			for _, r := range []map[string]any{got, want} {
				dropMonthlyChannelKeys(r)
				for _, mo := range r["monthly"].([]any) {
					delete(mo.(map[string]any), "liftUnits")
				}
			}
			for _, d := range diffTrees("", want, got, 1e-9) {
				t.Error(d)
			}
		})
	}
}

// dropMonthlyChannelKeys removes the channels' monthly lists version 1 did not have.
func dropMonthlyChannelKeys(report map[string]any) {
	for _, pm := range report["promotions"].([]any) {
		delete(pm.(map[string]any), "monthlySpend")
		delete(pm.(map[string]any), "monthlyLiftUnits")
	}
}

func mustReport(t *testing.T, p *planner.Plan, scenario string) *planner.Report {
	t.Helper()
	r, err := planner.Evaluate(p, scenario)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func mustEvaluate(t *testing.T, src, scenario string) *planner.Report {
	t.Helper()
	p, err := planner.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r, err := planner.Evaluate(p, scenario)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func wantEq(t *testing.T, name string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %v, want %v", name, got, want)
	}
}

func wantNull(t *testing.T, name string, m planner.Maybe) {
	t.Helper()
	if m.Valid {
		t.Errorf("%s = %v, want null", name, m.Value)
	}
}
