package xlsx

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"mixplan/planner"
)

// TestRecalculatedVariance recalculates the Variance sheet in LibreOffice
// and checks it against planner.Track, figure by figure: the closed months'
// marketing spend, each channel to date (spend, extra units planned and
// measured, committed, funnel) and each product to date (units and net
// revenue), for the worked example, a plan with every kind of actual, and
// workbooks whose actuals were typed in after the export.
func TestRecalculatedVariance(t *testing.T) {
	worked := workedExample(t)
	wl := layoutOf(worked)
	noActuals := workedExample(t)
	noActuals.Actuals = nil
	cases := []recalcCase{
		{name: "worked", plan: worked},
		{name: "every-actual", plan: everyActual(t)},
		{name: "typed-in", plan: worked, edits: []edit{
			{sheetActuals, cellName(acFirst+1, wl.actualsRow(0, 1)), 9000.0, func(p *planner.Plan) { p.Actuals.Promotions["social"].Spend[1] = 9000 }, ""},
			{sheetActuals, cellName(acFirst+3, wl.actualsRow(5, 0)), 7000.0, func(p *planner.Plan) { p.Actuals.Products["green"].Units[3] = 7000 }, ""},
			{sheetActuals, cellName(acExtra, wl.actualsRow(0, 4)), 2500.0, func(p *planner.Plan) {
				pa := p.Actuals.Promotions["radio"]
				pa.Committed = 2500
				p.Actuals.Promotions["radio"] = pa
			}, ""},
		}},
		{name: "closed-later", plan: noActuals, edits: []edit{
			{sheetActuals, cellName(acValueCol, acThroughRow), 2.0, func(p *planner.Plan) {
				p.Actuals = &planner.Actuals{Through: 2, Credibility: planner.DefaultCredibility}
			}, ""},
		}},
	}
	in, out := t.TempDir(), t.TempDir()
	var files []string
	for _, tc := range cases {
		path := filepath.Join(in, tc.name+".xlsx")
		writeBook(t, path, tc.plan, Options{}, false)
		if len(tc.edits) > 0 {
			f := openXLSX(t, path)
			for _, e := range tc.edits {
				e.write(t, f)
			}
			if err := f.Save(); err != nil {
				t.Fatal(err)
			}
		}
		files = append(files, path)
	}
	soffice(t, "xlsx", out, files...)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.plan.Clone()
			for _, e := range tc.edits {
				e.apply(p)
			}
			want, err := planner.Track(p)
			if err != nil {
				t.Fatal(err)
			}
			if tc.name == "worked" {
				// The contract's own figures, not only the engine's.
				data, err := os.ReadFile(filepath.Join("testdata", "tea.track.json"))
				if err != nil {
					t.Fatal(err)
				}
				want = &planner.Tracking{}
				if err := json.Unmarshal(data, want); err != nil {
					t.Fatal(err)
				}
				if want.LatestEstimate.Contribution == 0 || len(want.Monthly) != 12 {
					t.Fatal("testdata/tea.track.json has no latest estimate")
				}
			}
			f := openXLSX(t, filepath.Join(out, tc.name+".xlsx"))
			checkVariance(t, f, p, want)
			back, err := ReadFile(filepath.Join(out, tc.name+".xlsx"))
			if err != nil {
				t.Fatalf("the workbook LibreOffice saved does not read back: %v", err)
			}
			sameMarshal(t, back, p)
		})
	}
}

func checkVariance(t *testing.T, f *excelize.File, p *planner.Plan, want *planner.Tracking) {
	t.Helper()
	l := layoutOf(p)
	check := func(what, cell string, w *float64) {
		t.Helper()
		if err := sameFigure(raw(t, f, sheetVariance, cell), w, 0); err != nil {
			t.Errorf("%s (Variance!%s): %v", what, cell, err)
		}
	}
	if got := raw(t, f, sheetVariance, cellName(vcName, vaTRow)); got != strconv.Itoa(want.Through) {
		t.Errorf("closed months %s, want %d", got, want.Through)
	}
	for i, m := range want.Monthly {
		check("plan marketing spend of "+m.Month, cellName(vaFirst+i, vaPlanSpend), ptr(m.Plan.MarketingSpend))
		if m.Closed {
			check("actual marketing spend of "+m.Month, cellName(vaFirst+i, vaActualSpend), ptr(m.LatestEstimate.MarketingSpend))
		} else if got := raw(t, f, sheetVariance, cellName(vaFirst+i, vaActualSpend)); got != "" {
			t.Errorf("open month %s shows an actual spend %q", m.Month, got)
		}
	}
	check("z", cellName(vcName, vaZRow), ptr(want.Weight))
	scale := 1e-6 * (want.LatestEstimate.GrossSales + want.LatestEstimate.MarketingSpend) / float64(p.Months)
	for i, m := range want.Monthly {
		le := m.LatestEstimate
		for k, w := range map[int]float64{leUnits: le.Units, leNetRevenue: le.NetRevenue, leMarketing: le.MarketingSpend, leContribution: le.Contribution} {
			cell := cellName(vaFirst+i, l.leRow(k))
			if err := sameFigure(raw(t, f, sheetVariance, cell), &w, scale); err != nil {
				t.Errorf("latest estimate of %s, %s (Variance!%s): %v", m.Month, leLabels[k], cell, err)
			}
		}
	}
	tot := want.LatestEstimate
	for k, w := range map[int]float64{leUnits: tot.Units, leNetRevenue: tot.NetRevenue, leGrossMargin: tot.GrossMargin, leLogistics: tot.Logistics,
		leMarketing: tot.MarketingSpend, leContribution: tot.Contribution} {
		if err := sameFigure(raw(t, f, sheetVariance, cellName(vaToDateCol, l.leRow(k))), &w, scale); err != nil {
			t.Errorf("latest estimate for the year, %s: %v", leLabels[k], err)
		}
	}
	for c, ch := range want.Promotions {
		r := l.varianceChannelRow(c)
		check(ch.ID+" plan spend to date", cellName(vcPlanSpend, r), ptr(ch.PlanSpendToDate))
		check(ch.ID+" actual spend to date", cellName(vcActualSpend, r), ptr(ch.ActualSpendToDate))
		check(ch.ID+" committed", cellName(vcCommitted, r), ptr(ch.Committed))
		check(ch.ID+" plan lift to date", cellName(vcPlanLift, r), ptr(ch.PlanLiftToDate))
		check(ch.ID+" measured lift to date", cellName(vcMeasuredLift, r), maybePtr(ch.MeasuredLiftToDate))
		check(ch.ID+" CPM", cellName(vcCPM, r), maybePtr(ch.CPM))
		check(ch.ID+" CTR", cellName(vcCTR, r), maybePtr(ch.CTR))
		check(ch.ID+" CVR", cellName(vcCVR, r), maybePtr(ch.CVR))
		check(ch.ID+" CPA", cellName(vcCPA, r), maybePtr(ch.CPA))
	}
	for i, pr := range want.Products {
		r := l.varianceProductRow(i)
		check(pr.ID+" plan units to date", cellName(vpPlanUnits, r), ptr(pr.PlanUnitsToDate))
		check(pr.ID+" actual units to date", cellName(vpActualUnits, r), maybePtr(pr.ActualUnitsToDate))
		check(pr.ID+" plan net revenue to date", cellName(vpPlanRevenue, r), ptr(pr.PlanNetRevenueToDate))
		check(pr.ID+" actual net revenue to date", cellName(vpActualRevenue, r), maybePtr(pr.ActualNetRevenueToDate))
	}
}
