package xlsx

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mixplan/export/internal/exporttest"
	"mixplan/planner"
	"mixplan/planner/plangen"
)

// recalcCase is one workbook LibreOffice recalculates: a plan exported under
// a scenario, maybe edited afterwards in the workbook (and, alike, in a copy
// of the plan the engine then evaluates).
type recalcCase struct {
	name     string
	plan     *planner.Plan
	scenario string
	edits    []edit
	check    func(t *testing.T, f *excelize.File) // more checks on the recalculated workbook
}

// edit changes an input cell of the workbook, and the plan the same way.
type edit struct {
	sheet, cell string
	value       any // float64, string, or nil to clear the cell
	apply       func(p *planner.Plan)
	shown       string // the scenario the Summary then shows, when the edit switches it
}

func generated(size plangen.Size, seed int64, change func(p *planner.Plan)) *planner.Plan {
	p := plangen.Generate(size, seed)
	if change != nil {
		change(p)
	}
	return p
}

func recalcCases(t *testing.T) []recalcCase {
	sample, tea, worked := exporttest.SamplePlan(t), exporttest.TeaPlan(t), workedExample(t)
	wl := layoutOf(worked)
	small := plangen.Size{Products: 12, Places: 4, Promotions: 6, Months: 12, Scenarios: 2}
	noSpend := func(p *planner.Plan) {
		for i := range p.Promotions {
			p.Promotions[i].Spend, p.Promotions[i].Min = 0, 0
		}
	}
	return []recalcCase{
		{name: "sample", plan: sample},
		{name: "tea-base", plan: tea},
		{name: "tea-low", plan: tea, scenario: "low"},
		{name: "tea-high", plan: tea, scenario: "high"},
		{name: "gen-small-1", plan: generated(small, 1, nil)},
		{name: "gen-small-2", plan: generated(small, 2, nil), scenario: "s1"},
		{name: "gen-medium", plan: generated(plangen.Size{Products: 40, Places: 6, Promotions: 15, Months: 24, Scenarios: 3}, 3, nil), scenario: "s0"},
		{name: "gen-no-promotions", plan: generated(plangen.Size{Products: 10, Places: 3, Promotions: 0, Months: 12, Scenarios: 1}, 4, nil)},
		{name: "gen-no-fixed-costs", plan: generated(small, 5, func(p *planner.Plan) {
			for k := range p.Places {
				p.Places[k].FixedCost = 0
			}
		})},
		{name: "gen-one-month", plan: generated(plangen.Size{Products: 5, Places: 2, Promotions: 3, Months: 1, Scenarios: 1}, 6, nil)},
		{name: "gen-sixty-months", plan: generated(plangen.Size{Products: 8, Places: 3, Promotions: 4, Months: 60, Scenarios: 2}, 7, nil)},
		{name: "gen-zero-base-volume", plan: generated(small, 8, func(p *planner.Plan) {
			for i := range p.Products {
				p.Products[i].BaseVolume = 0
			}
		})},
		{name: "gen-proportional-splits", plan: generated(small, 9, func(p *planner.Plan) {
			for c := range p.Promotions {
				p.Promotions[c].Split = nil
			}
		})},
		{name: "gen-nothing-sells", plan: generated(small, 10, func(p *planner.Plan) {
			for i := range p.Products {
				p.Products[i].BaseVolume = 0
			}
			noSpend(p)
		})},
		{name: "gen-no-products", plan: generated(plangen.Size{Products: 0, Places: 2, Promotions: 3, Months: 6}, 11, nil)},
		{name: "empty-plan", plan: &planner.Plan{Name: "Empty", Currency: "USD", Locale: "en", Months: 3, DiscountRate: 0.1}},
		{name: "formula-like-names", plan: formulaNames(t), check: checkFormulaNames},
		{name: "worked-v2", plan: worked},
		{name: "worked-v2-low", plan: worked, scenario: "low"},
		{name: "gen-monthly", plan: generated(plangen.Size{Products: 12, Places: 4, Promotions: 9, Months: 12, Scenarios: 2, Monthly: true}, 14, nil)},
		{name: "gen-monthly-24", plan: generated(plangen.Size{Products: 20, Places: 5, Promotions: 12, Months: 24, Scenarios: 2, Monthly: true}, 15, nil),
			scenario: "s1"},
		{name: "gen-monthly-no-spend", plan: generated(plangen.Size{Products: 6, Places: 2, Promotions: 6, Months: 12, Monthly: true}, 16, noSpend)},
		{name: "worked-v2-edited", plan: worked, edits: []edit{
			{sheetPromotion, cellName(pmSpend, wl.promotionRow(4)), 70000.0, func(p *planner.Plan) { p.Promotions[4].Spend = 70000 }, ""},
			{sheetPromotion, cellName(pmCarryover, wl.promotionRow(1)), 0.45, func(p *planner.Plan) { p.Promotions[1].Response.Carryover = 0.45 }, ""},
			{sheetPromotion, cellName(pmCarryover, wl.promotionRow(3)), 0.3, func(p *planner.Plan) { p.Promotions[3].Response.Carryover = 0.3 }, ""},
			{sheetMonths, cellName(moFirst+11, wl.channelRow(blockResponsiveness, 0)), 4.0,
				func(p *planner.Plan) { p.Promotions[0].Responsiveness[11] = 4 }, ""},
			{sheetMonths, cellName(moFirst, wl.channelRow(blockResponsiveness, 0)), 1.0,
				func(p *planner.Plan) { p.Promotions[0].Responsiveness[0] = 1 }, ""},
		}},
		{name: "sample-edited", plan: sample, edits: []edit{
			{sheetProducts, cellName(prListPrice, firstRow+1), 125.0, func(p *planner.Plan) { p.Products[1].ListPrice = 125 }, ""},
			{sheetPromotion, cellName(pmSpend, pmFirstRow+2), 55000.0, func(p *planner.Plan) { p.Promotions[2].Spend = 55000 }, ""},
			{sheetPlaces, cellName(plShare, firstRow), 0.35, func(p *planner.Plan) { p.Places[0].Share["trail-shoe"] = 0.35 }, ""},
			{sheetPlaces, cellName(plShare, firstRow+1), 0.35, func(p *planner.Plan) { p.Places[1].Share["trail-shoe"] = 0.35 }, ""},
			{sheetSummary, cellName(suRValue, suTargetsRow+1), nil, func(p *planner.Plan) { p.Targets.GrossMarginPct = nil }, ""},
			{sheetSummary, cellName(suRValue, suScenarioRow), "strong", func(*planner.Plan) {}, "strong"},
		}},
		{name: "tea-edited", plan: tea, edits: []edit{
			{sheetProducts, cellName(prUnitCost, firstRow+2), 11.0, func(p *planner.Plan) { p.Products[2].UnitCost = 11 }, ""},
			{sheetPromotion, cellName(pmSplit, pmFirstRow+1), 0.5, func(p *planner.Plan) { p.Promotions[1].Split["green"] = 0.5 }, ""},
			{sheetPromotion, cellName(pmShape, pmFirstRow+4), 1.8, func(p *planner.Plan) { p.Promotions[4].Response.Shape = 1.8 }, ""},
			{sheetMonths, cellName(moFirst+2, layout{products: 3, promotions: 6, months: 12}.seasonRow(0)), 20.0,
				func(p *planner.Plan) { p.Products[0].Seasonality[2] = 20 }, ""},
			{sheetMonths, cellName(moFirst, layout{products: 3, promotions: 6, months: 12}.flightRow(1)), 5.0,
				func(p *planner.Plan) { p.Promotions[1].Flighting[0] = 5 }, ""},
			{sheetScenarios, cellName(scVolume, scBaseRow+1), 0.7, func(p *planner.Plan) { p.Scenarios[0].Volume = 0.7 }, ""},
			{sheetSummary, cellName(suRValue, suScenarioRow), "low", func(*planner.Plan) {}, "low"},
		}},
	}
}

// write makes the edit in the workbook.
func (e edit) write(t *testing.T, f *excelize.File) {
	t.Helper()
	var err error
	if e.value == nil {
		err = f.SetCellValue(e.sheet, e.cell, nil)
	} else {
		err = f.SetCellValue(e.sheet, e.cell, e.value)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestRecalculatedTotals recalculates exported workbooks in LibreOffice and
// checks that every named total, the monthly contribution, the Scenarios
// sheet and the targets equal the engine's report: for the sample, the
// worked example under each scenario, generated plans of many shapes, and
// workbooks whose inputs were edited after the export. The workbooks are
// written without cached values, so every figure read back is LibreOffice's:
// LibreOffice 7.4 trusts the cached values of an xlsx file on opening,
// whoever made it, and computes only the formulas that have none. Each
// workbook LibreOffice saved must then import back as the (edited) plan.
func TestRecalculatedTotals(t *testing.T) {
	cases := recalcCases(t)
	in, out := t.TempDir(), t.TempDir()
	var files []string
	for _, tc := range cases {
		path := filepath.Join(in, tc.name+".xlsx")
		writeBook(t, path, tc.plan, Options{Scenario: tc.scenario, Generated: exporttest.FixedDate}, false)
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
			p, shown := tc.plan.Clone(), tc.scenario
			for _, e := range tc.edits {
				e.apply(p)
				if e.shown != "" {
					shown = e.shown
				}
			}
			if err := p.Validate(); err != nil {
				t.Fatalf("the edited plan is invalid: %v", err)
			}
			want, err := planner.Evaluate(p, shown)
			if err != nil {
				t.Fatal(err)
			}
			saved := filepath.Join(out, tc.name+".xlsx")
			f := openXLSX(t, saved)
			checkTotals(t, f, want)
			checkMonths(t, f, p, want)
			checkTargets(t, f, want)
			checkScenarios(t, f, p)
			if tc.check != nil {
				tc.check(t, f)
			}
			// Saved by LibreOffice (shared strings, its own number
			// writing, its own styles), the workbook still reads back.
			back, err := ReadFile(saved)
			if err != nil {
				t.Fatalf("the workbook LibreOffice saved does not read back: %v", err)
			}
			sameMarshal(t, back, p)
			data, err := os.ReadFile(saved)
			if err != nil {
				t.Fatal(err)
			}
			sameAsExcelize(t, data, false)
		})
	}
}

// checkTotals compares every key of the report's totals with the defined
// name of the same spelling.
func checkTotals(t *testing.T, f *excelize.File, want *planner.Report) {
	t.Helper()
	scale := 1e-6 * (want.Totals.GrossSales + want.Totals.MarketingSpend)
	for key, w := range totalsMap(t, want.Totals) {
		got := named(t, f, key)
		if len(got) != 1 {
			t.Errorf("%s names %d cells", key, len(got))
			continue
		}
		s := 0.0
		switch key {
		case "contribution", "grossMargin", "channelMargins":
			s = scale
		}
		if err := sameFigure(got[0], w, s); err != nil {
			t.Errorf("%s: %v", key, err)
		}
	}
}

func checkMonths(t *testing.T, f *excelize.File, p *planner.Plan, want *planner.Report) {
	t.Helper()
	got := named(t, f, "monthlyContribution")
	if len(got) != len(want.Monthly) {
		t.Fatalf("monthlyContribution has %d months, want %d", len(got), len(want.Monthly))
	}
	scale := 1e-6 * (want.Totals.GrossSales + want.Totals.MarketingSpend) / float64(p.Months)
	labels := planner.MonthLabels(p.Start, p.Months)
	for i, m := range want.Monthly {
		if err := sameFigure(got[i], ptr(m.Contribution), scale); err != nil {
			t.Errorf("month %d contribution: %v", i+1, err)
		}
		if l := raw(t, f, sheetMonths, cellName(moFirst+i, moLabelRow)); l != labels[i] {
			t.Errorf("month %d is labelled %q, want %q", i+1, l, labels[i])
		}
	}
}

// checkTargets compares the Summary's targets table with the report's.
func checkTargets(t *testing.T, f *excelize.File, want *planner.Report) {
	t.Helper()
	for i, tg := range targets {
		status := raw(t, f, sheetSummary, cellName(suStatus, suTargetsRow+i))
		wantStatus := "not set"
		for _, r := range want.Targets {
			if r.Name == tg.name {
				wantStatus = "missed"
				if r.Met {
					wantStatus = "met"
				}
				if err := sameFigure(raw(t, f, sheetSummary, cellName(suGap, suTargetsRow+i)), maybePtr(r.Gap), 1e-6*want.Totals.GrossSales); err != nil {
					t.Errorf("gap of target %s: %v", tg.name, err)
				}
			}
		}
		if status != wantStatus {
			t.Errorf("target %s is %q, want %q", tg.name, status, wantStatus)
		}
	}
}

// checkScenarios compares each row of the Scenarios sheet with the engine's
// report under that scenario.
func checkScenarios(t *testing.T, f *excelize.File, p *planner.Plan) {
	t.Helper()
	ids := []string{planner.BaseScenario}
	for _, sc := range p.Scenarios {
		ids = append(ids, sc.ID)
	}
	for j, id := range ids {
		r, err := planner.Evaluate(p, id)
		if err != nil {
			t.Fatal(err)
		}
		tot := r.Totals
		scale := 1e-6 * (tot.GrossSales + tot.MarketingSpend)
		row := scBaseRow + j
		met, _ := r.MetCount()
		for _, c := range []struct {
			col   int
			want  *float64
			scale float64
		}{
			{scUnits, ptr(tot.Units), 0}, {scNetRevenue, ptr(tot.NetRevenue), 0}, {scGrossMargin, ptr(tot.GrossMargin), scale},
			{scGrossMarginPct, maybePtr(tot.GrossMarginPct), 0}, {scMarketing, ptr(tot.MarketingSpend), 0},
			{scContribution, ptr(tot.Contribution), scale}, {scROMI, maybePtr(tot.ROMI), 0},
			{scNewCustomers, ptr(tot.NewCustomers), 0}, {scCAC, maybePtr(tot.CAC), 0}, {scTargetsMet, ptr(float64(met)), 0},
		} {
			if err := sameFigure(raw(t, f, sheetScenarios, cellName(c.col, row)), c.want, c.scale); err != nil {
				t.Errorf("scenario %s, %s: %v", id, scenarioHeaders[c.col], err)
			}
		}
	}
}

// TestRecalculatedWorkedExample checks the worked example against the
// contract's independently computed reports, not only against the engine.
func TestRecalculatedWorkedExample(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	scenarios := []string{"base", "low", "high"}
	var files []string
	for _, sc := range scenarios {
		path := filepath.Join(in, "tea-"+sc+".xlsx")
		writeBook(t, path, workedExample(t), Options{Scenario: sc}, false)
		files = append(files, path)
	}
	soffice(t, "xlsx", out, files...)
	for _, sc := range scenarios {
		t.Run(sc, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "tea."+sc+".report.json"))
			if err != nil {
				t.Fatal(err)
			}
			var want struct {
				Totals  map[string]*float64 `json:"totals"`
				Monthly []struct {
					Contribution float64 `json:"contribution"`
				} `json:"monthly"`
			}
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			f := openXLSX(t, filepath.Join(out, "tea-"+sc+".xlsx"))
			if len(want.Totals) != 20 {
				t.Fatalf("the expected report has %d totals", len(want.Totals))
			}
			for key, w := range want.Totals {
				if err := sameFigure(named(t, f, key)[0], w, 0); err != nil {
					t.Errorf("%s: %v", key, err)
				}
			}
			for i, m := range named(t, f, "monthlyContribution") {
				if err := sameFigure(m, ptr(want.Monthly[i].Contribution), 0); err != nil {
					t.Errorf("month %d: %v", i+1, err)
				}
			}
		})
	}
}

// TestCachedValuesAreLibreOffices checks that the value cached in every
// formula cell, which previewers show without recalculating, is the one
// LibreOffice computes from the formula.
func TestCachedValuesAreLibreOffices(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	plans := map[string]*planner.Plan{"sample": exporttest.SamplePlan(t), "tea": workedExample(t),
		"generated": plangen.Generate(plangen.Size{Products: 9, Places: 3, Promotions: 5, Months: 18, Scenarios: 2}, 12),
		"monthly":   plangen.Generate(plangen.Size{Products: 9, Places: 3, Promotions: 8, Months: 12, Scenarios: 2, Monthly: true}, 13)}
	var files []string
	for name, p := range plans {
		writeBook(t, filepath.Join(in, name+"-cached.xlsx"), p, Options{}, true)
		path := filepath.Join(in, name+".xlsx")
		writeBook(t, path, p, Options{}, false)
		files = append(files, path)
	}
	soffice(t, "xlsx", out, files...)
	for name := range plans {
		t.Run(name, func(t *testing.T) {
			cached, lo := openXLSX(t, filepath.Join(in, name+"-cached.xlsx")), openXLSX(t, filepath.Join(out, name+".xlsx"))
			formulas := 0
			for _, sheet := range cached.GetSheetList() {
				eachCell(t, cached, sheet, func(ref, v, formula string) {
					if formula == "" {
						return
					}
					formulas++
					got := raw(t, lo, sheet, ref)
					if x, err := strconv.ParseFloat(v, 64); err == nil {
						if err := sameFigure(got, &x, 1e-6); err != nil {
							t.Errorf("%s!%s: LibreOffice computes %s, the export cached %s", sheet, ref, got, v)
						}
					} else if got != v {
						t.Errorf("%s!%s: LibreOffice computes %q, the export cached %q", sheet, ref, got, v)
					}
				})
			}
			if formulas < 300 {
				t.Errorf("only %d formula cells", formulas)
			}
		})
	}
}

// injections are plan texts a spreadsheet would take for formulas.
var injections = []string{`=HYPERLINK("https://example.com","click me")`, `+cmd|' /C calc'!A0`, "-2+3", "@SUM(1,2)", "=1/0"}

// formulaNames is the worked example with formula-like names everywhere.
func formulaNames(t testing.TB) *planner.Plan {
	p := exporttest.TeaPlan(t)
	p.Name, p.Company = injections[0], injections[1]
	for i := range p.Products {
		p.Products[i].Name = injections[i%len(injections)]
	}
	p.Places[0].Name, p.Promotions[0].Name, p.Promotions[0].Kind, p.Scenarios[0].Name = injections[2], injections[3], injections[4], injections[0]
	return p
}

// textCells are the cells formulaNames fills with formula-like text.
var textCells = []struct{ sheet, cell string }{
	{sheetSummary, cellName(suRValue, suName)}, {sheetSummary, cellName(suRValue, suCompany)},
	{sheetProducts, cellName(prName, firstRow)}, {sheetProducts, cellName(prName, firstRow+1)}, {sheetProducts, cellName(prName, firstRow+2)},
	{sheetPlaces, cellName(plName, firstRow)}, {sheetPromotion, cellName(pmName, pmFirstRow)}, {sheetPromotion, cellName(pmKind, pmFirstRow)},
	{sheetScenarios, cellName(scName, scBaseRow+1)},
}

// checkFormulaNames checks that LibreOffice kept every formula-like name as
// text: no formula, the very characters, in the inputs and where a formula
// repeats them (the title, the Months sheet).
func checkFormulaNames(t *testing.T, f *excelize.File) {
	p := formulaNames(t)
	want := []string{p.Name, p.Company, p.Products[0].Name, p.Products[1].Name, p.Products[2].Name,
		p.Places[0].Name, p.Promotions[0].Name, p.Promotions[0].Kind, p.Scenarios[0].Name}
	for i, c := range textCells {
		if formula, _ := f.GetCellFormula(c.sheet, c.cell); formula != "" {
			t.Errorf("%s!%s became the formula %q", c.sheet, c.cell, formula)
		}
		if got := raw(t, f, c.sheet, c.cell); got != want[i] {
			t.Errorf("%s!%s reads %q, want the text %q", c.sheet, c.cell, got, want[i])
		}
	}
	if got := raw(t, f, sheetSummary, cellName(1, suTitleRow)); got != p.Name {
		t.Errorf("the title reads %q, want %q", got, p.Name)
	}
}

// TestWorkbookPrints converts the sample's and the worked example's
// workbooks to PDF with LibreOffice, as a reader printing them would: the
// four charts render (their titles are drawn), the figures fit their
// columns (no ###) and no formula fails (no Err: or #VALUE!).
func TestWorkbookPrints(t *testing.T) {
	exporttest.RequireTool(t, "pdftotext")
	in, out := t.TempDir(), t.TempDir()
	plans := map[string]*planner.Plan{"sample": exporttest.SamplePlan(t), "tea": exporttest.TeaPlan(t), "hostile": exporttest.HostilePlan(t),
		"long": plangen.Generate(plangen.Size{Products: 30, Places: 6, Promotions: 12, Months: 36, Scenarios: 4}, 13)}
	var files []string
	for name, p := range plans {
		path := filepath.Join(in, name+".xlsx")
		writeBook(t, path, p, Options{Generated: exporttest.FixedDate}, true)
		files = append(files, path)
	}
	soffice(t, "pdf", out, files...)
	for name := range plans {
		t.Run(name, func(t *testing.T) {
			text := exporttest.RunTool(t, "pdftotext", "-enc", "UTF-8", filepath.Join(out, name+".pdf"), "-")
			for _, title := range []string{"Contribution bridge: from gross sales to contribution", "Targets: actual as a share of the goal",
				"Spend and incremental contribution by channel", "Monthly contribution and cumulative contribution",
				"Key figures", "How this workbook works"} {
				if !strings.Contains(text, title) {
					t.Errorf("the printed workbook lacks %q", title)
				}
			}
			for _, bad := range []string{"###", "Err:", "#VALUE!", "#NAME?", "#DIV/0!", "#REF!", "#N/A", "#NUM!"} {
				if strings.Contains(text, bad) {
					i := strings.Index(text, bad)
					t.Errorf("the printed workbook shows %q: …%s…", bad, text[max(0, i-80):min(len(text), i+40)])
				}
			}
		})
	}
}
