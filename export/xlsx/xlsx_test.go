package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"mixplan/export/internal/exporttest"
	"mixplan/planner"
)

var updateXLSX = flag.Bool("update-xlsx", false, "rewrite the workbook golden files")

func openBytes(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestWorkbookSheets: the sheets of the issue, in order, with the data
// sheet very hidden.
func TestWorkbookSheets(t *testing.T) {
	f := openBytes(t, export(t, exporttest.SamplePlan(t), Options{}))
	want := []string{sheetSummary, sheetProducts, sheetPlaces, sheetPromotion, sheetGroups, sheetMonths, sheetActuals, sheetVariance, sheetScenarios, sheetRisk, sheetHelp, sheetData}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sheets %q, want %q", got, want)
	}
	for _, name := range want {
		visible, err := f.GetSheetVisible(name)
		if err != nil || visible != (name != sheetData) {
			t.Errorf("sheet %s visible: %v (%v)", name, visible, err)
		}
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Error("the workbook does not open on the Summary")
	}
}

// TestCachedTotalsAreTheEngines: without recalculating, every named total
// shows the engine's value (to the 15 digits a cell keeps), under the
// scenario of the export.
func TestCachedTotalsAreTheEngines(t *testing.T) {
	for _, sc := range []string{"base", "low", "high"} {
		t.Run(sc, func(t *testing.T) {
			p := exporttest.TeaPlan(t)
			f := openBytes(t, export(t, p, Options{Scenario: sc}))
			r, _ := planner.Evaluate(p, sc)
			keys := totalsMap(t, r.Totals)
			if len(keys) != 20 {
				t.Fatalf("%d totals", len(keys))
			}
			for key, want := range keys {
				if err := sameFigure(named(t, f, key)[0], want, 0); err != nil {
					t.Errorf("%s: %v", key, err)
				}
			}
			if got := named(t, f, "scenarioShown")[0]; got != sc {
				t.Errorf("the Summary shows scenario %q", got)
			}
			if got := len(named(t, f, "monthlyContribution")); got != p.Months {
				t.Errorf("monthlyContribution has %d cells", got)
			}
		})
	}
}

// TestInputsUnlockedFormulasLocked: under protection, exactly the inputs
// can change: every formula cell is locked, every input cell unlocked and
// filled as an input; every visible sheet is protected, without a password.
func TestInputsUnlockedFormulasLocked(t *testing.T) {
	p := exporttest.SamplePlan(t)
	f := openBytes(t, export(t, p, Options{}))
	l := layoutOf(p)
	lastProduct, lastPlace, lastChannel := l.products-1, l.places-1, l.promotions-1
	inputs := map[string][][2]int{ // sheet → [col, row] of every input
		sheetProducts: block(prID, firstRow, prUnitsPerCustomer, firstRow+lastProduct),
		sheetPlaces:   append(block(plID, firstRow, plFixed, firstRow+lastPlace), block(plShare, firstRow, plShare+lastProduct, firstRow+lastPlace)...),
		sheetPromotion: append(block(pmID, pmFirstRow, pmMaxPerMonth, pmFirstRow+lastChannel),
			block(pmSplit, pmFirstRow, pmSplit+lastProduct, pmFirstRow+lastChannel)...),
		sheetMonths: append(append(block(moFirst, l.flightRow(0), l.lastMonthCol(), l.flightRow(lastChannel)),
			block(moFirst, l.seasonRow(0), l.lastMonthCol(), l.seasonRow(lastProduct))...),
			block(moFirst, l.channelRow(blockResponsiveness, 0), l.lastMonthCol(), l.channelRow(blockResponsiveness, lastChannel))...),
		sheetScenarios: block(scID, scBaseRow+1, scPrice, scBaseRow+l.scenarios),
		sheetSummary: append(append(block(suRValue, suTargetsRow, suRValue, suTargetsRow+5), block(suRValue, suName, suRValue, suStart)...),
			[2]int{suRValue, suRetention}, [2]int{suRValue, suDiscountRate}, [2]int{suRValue, suScenarioRow}),
	}
	for sheet, cells := range inputs {
		isInput := map[[2]int]bool{}
		for _, c := range cells {
			isInput[c] = true
			if locked, fill := cellProtection(t, f, sheet, cellName(c[0], c[1])); locked || fill != inputFill {
				t.Errorf("%s!%s: an input, but locked %v, fill %q", sheet, cellName(c[0], c[1]), locked, fill)
			}
		}
		formulas := 0
		eachCell(t, f, sheet, func(ref, _, formula string) {
			locked, _ := cellProtection(t, f, sheet, ref)
			c, r, _ := excelize.CellNameToCoordinates(ref)
			switch {
			case formula != "" && !locked:
				t.Errorf("%s!%s: a formula, unlocked", sheet, ref)
			case formula == "" && !locked && !isInput[[2]int{c, r}]:
				t.Errorf("%s!%s: unlocked but not an input", sheet, ref)
			}
			if formula != "" {
				formulas++
			}
		})
		if formulas == 0 {
			t.Errorf("%s has no formula", sheet)
		}
		prot, err := f.GetSheetProtection(sheet)
		if err != nil || prot.Password != "" || prot.SelectUnlockedCells != true {
			t.Errorf("%s protection %+v, %v", sheet, prot, err)
		}
	}
	book := export(t, p, Options{})
	for _, part := range []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet6.xml"} {
		xml := zipPart(t, book, part)
		if !bytes.Contains(xml, []byte("<sheetProtection")) || bytes.Contains(xml, []byte("assword")) || bytes.Contains(xml, []byte("hashValue")) {
			t.Errorf("%s: not protected, or with a password", part)
		}
	}
}

// block lists the cells of a rectangle.
func block(c1, r1, c2, r2 int) [][2]int {
	var out [][2]int
	for r := r1; r <= r2; r++ {
		for c := c1; c <= c2; c++ {
			out = append(out, [2]int{c, r})
		}
	}
	return out
}

func cellProtection(t testing.TB, f *excelize.File, sheet, ref string) (locked bool, fill string) {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	locked = st.Protection == nil || st.Protection.Locked
	if len(st.Fill.Color) > 0 {
		fill = strings.TrimPrefix(strings.ToUpper(st.Fill.Color[0]), "#")
	}
	return locked, fill
}

func zipPart(t testing.TB, book []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, _ := zf.Open()
			defer rc.Close()
			data, _ := io.ReadAll(rc)
			return data
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}

// TestDataValidation: every input range has a rule with an input message
// within Excel's limits.
func TestDataValidation(t *testing.T) {
	p := exporttest.SamplePlan(t)
	f := openBytes(t, export(t, p, Options{}))
	l := layoutOf(p)
	lastChannel := l.promotions - 1
	for _, tc := range []struct {
		sheet string
		cells []string // cells that must be covered, with the rule's type
		types []string
	}{
		{sheetProducts, []string{"A6", "B10", "C6", "D8", "E6", "H9", "J10"}, []string{"custom", "textLength", "decimal", "decimal", "custom", "decimal", "decimal"}},
		{sheetPlaces, []string{"C6", "E9", "K6", "O9"}, []string{"custom", "decimal", "decimal", "decimal"}},
		{sheetPromotion, []string{"D8", cellName(6, pmFirstRow+lastChannel), "I8", "J8", cellName(11, pmFirstRow+lastChannel), "X8", cellName(28, pmFirstRow+lastChannel)}, []string{"decimal", "custom", "custom", "custom", "custom", "decimal", "decimal"}},
		{sheetScenarios, []string{"C7", "F9"}, []string{"decimal", "decimal"}},
		{sheetSummary, []string{"E17", "E18", "E21", "E26", "E10"}, []string{"custom", "list", "custom", "list", "decimal"}},
		{sheetMonths, []string{cellName(moFirst, l.flightRow(0)), cellName(l.lastMonthCol(), l.seasonRow(l.products-1)),
			cellName(moFirst, l.channelRow(blockResponsiveness, 0)), cellName(l.lastMonthCol(), l.channelRow(blockResponsiveness, lastChannel))},
			[]string{"decimal", "decimal", "decimal", "decimal"}},
		{sheetGroups, []string{"A6", "C6", "F8", "H6", cellName(grMember+6, 8)}, []string{"custom", "decimal", "decimal", "", "custom"}},
		{sheetActuals, []string{"B3", "B4", cellName(acExtra, l.actualsRow(0, 0)), cellName(acFirst+11, l.actualsRow(6, 4))},
			[]string{"decimal", "decimal", "decimal", "decimal"}},
		{sheetRisk, []string{"A6", "B6", "C10"}, []string{"", "decimal", "decimal"}},
	} {
		dvs, err := f.GetDataValidations(tc.sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, dv := range dvs {
			if !dv.ShowInputMessage || dv.Prompt == nil || len(*dv.Prompt) > 255 || dv.PromptTitle == nil || len([]rune(*dv.PromptTitle)) > 32 {
				t.Errorf("%s %s: no input message, or one too long for Excel", tc.sheet, dv.Sqref)
			}
		}
		for i, cell := range tc.cells {
			found := ""
			for _, dv := range dvs {
				if inSqref(t, dv.Sqref, cell) {
					found = dv.Type
				}
			}
			if found != tc.types[i] {
				t.Errorf("%s!%s: validation %q, want %q", tc.sheet, cell, found, tc.types[i])
			}
		}
	}
}

func inSqref(t testing.TB, sqref, cell string) bool {
	c, r, _ := excelize.CellNameToCoordinates(cell)
	for _, part := range strings.Fields(sqref) {
		a, b, _ := strings.Cut(part, ":")
		if b == "" {
			b = a
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(a)
		c2, r2, err2 := excelize.CellNameToCoordinates(b)
		if err1 != nil || err2 != nil {
			t.Fatalf("sqref %q", sqref)
		}
		if c >= c1 && c <= c2 && r >= r1 && r <= r2 {
			return true
		}
	}
	return false
}

// TestWellFormedXML: every part parses as XML. excelize writes validation
// formulas as raw XML; an unescaped "<" once made LibreOffice drop every
// format of the sheet.
func TestWellFormedXML(t *testing.T) {
	book := export(t, formulaNames(t), Options{})
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasSuffix(zf.Name, ".xml") && !strings.HasSuffix(zf.Name, ".rels") {
			continue
		}
		dec := xml.NewDecoder(bytes.NewReader(zipPart(t, book, zf.Name)))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Errorf("%s: %v", zf.Name, err)
				break
			}
		}
	}
}

// TestWorkbookLooks: frozen headers, widths, number formats in the plan's
// locale and currency, document properties, conditional formats.
func TestWorkbookLooks(t *testing.T) {
	tea, sample := exporttest.TeaPlan(t), exporttest.SamplePlan(t)
	usd := exporttest.SamplePlan(t)
	usd.Currency = "USD"
	chf := exporttest.TeaPlan(t)
	chf.Currency, chf.Locale = "CHF", "en"
	for _, tc := range []struct {
		name       string
		plan       *planner.Plan
		money, pct string // number formats of a money total and a percentage
	}{
		{"French euros", tea, `#,##0"` + nbsp + `€";-#,##0"` + nbsp + `€"`, `0.0"` + nbsp + `"%`},
		{"English euros", sample, `"€"#,##0;-"€"#,##0`, "0.0%"},
		{"English dollars", usd, `"$"#,##0;-"$"#,##0`, "0.0%"},
		{"a currency without a sign", chf, `"CHF "#,##0;-"CHF "#,##0`, "0.0%"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := openBytes(t, export(t, tc.plan, Options{Generated: exporttest.FixedDate}))
			if got := numberFormat(t, f, sheetSummary, "B10"); got != tc.money {
				t.Errorf("net revenue format %q, want %q", got, tc.money)
			}
			if got := numberFormat(t, f, sheetSummary, "B13"); got != tc.pct {
				t.Errorf("gross margin %% format %q, want %q", got, tc.pct)
			}
			for sheet, freeze := range map[string]string{sheetProducts: "C6", sheetPlaces: "C6", sheetPromotion: "C8", sheetMonths: "D5", sheetScenarios: "C6"} {
				panes, err := f.GetPanes(sheet)
				if err != nil || !panes.Freeze || panes.TopLeftCell != freeze {
					t.Errorf("%s: panes %+v, want frozen at %s", sheet, panes, freeze)
				}
			}
			for _, w := range []struct {
				sheet, col string
				least      float64
			}{{sheetProducts, "B", 30}, {sheetSummary, "A", 35}, {sheetPromotion, "B", 20}, {sheetMonths, "D", 12}} {
				if got, _ := f.GetColWidth(w.sheet, w.col); got < w.least {
					t.Errorf("%s column %s is %v wide", w.sheet, w.col, got)
				}
			}
			doc, err := f.GetDocProps()
			if err != nil || doc.Title != tc.plan.Name || doc.Creator != "Mixplan" || doc.Created != exporttest.FixedDate.Format(time.RFC3339) {
				t.Errorf("document properties %+v (%v)", doc, err)
			}
			app, err := f.GetAppProps()
			if err != nil || app.Application != "Mixplan" || app.Company != tc.plan.Company {
				t.Errorf("application properties %+v (%v): LibreOffice trusts cached values from \"Microsoft Excel\"", app, err)
			}
			cf, _ := f.GetConditionalFormats(sheetSummary)
			if len(cf["H7:H12"]) != 2 {
				t.Errorf("targets status formats %v", cf)
			}
		})
	}
}

func numberFormat(t testing.TB, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, _ := f.GetCellStyle(sheet, cell)
	st, err := f.GetStyle(id)
	if err != nil || st.CustomNumFmt == nil {
		t.Fatalf("%s!%s has no custom number format (%v)", sheet, cell, err)
	}
	return *st.CustomNumFmt
}

// TestCharts: four native charts over the workbook's own cells.
func TestCharts(t *testing.T) {
	p := exporttest.SamplePlan(t)
	book := export(t, p, Options{})
	lastChannel := pmFirstRow + len(p.Promotions) - 1
	for i, want := range []struct{ kind, refs string }{
		{"barChart", "Summary!$F$60:$F$65|Summary!$G$60:$G$65|Summary!$H$60:$H$65|Summary!$I$60:$I$65|Summary!$J$60:$J$65"},
		{"barChart", "Summary!$B$70:$B$75|Summary!$D$70:$D$75"},
		{"barChart", fmt.Sprintf("Promotion!$D$8:$D$%d|Promotion!$S$8:$S$%d", lastChannel, lastChannel)},
		{"lineChart", "Months!$D$11:$O$11|Months!$D$12:$O$12"},
	} {
		xml := string(zipPart(t, book, fmt.Sprintf("xl/charts/chart%d.xml", i+1)))
		if !strings.Contains(xml, want.kind) {
			t.Errorf("chart %d is not a %s", i+1, want.kind)
		}
		for _, ref := range strings.Split(want.refs, "|") {
			if !strings.Contains(xml, "<f>"+ref+"</f>") {
				t.Errorf("chart %d does not plot %s", i+1, ref)
			}
		}
	}
}

// TestWriteXLSXRefuses: an invalid plan, an unknown scenario, a text too
// long for a cell, a failing writer.
func TestWriteXLSXRefuses(t *testing.T) {
	long := exporttest.SamplePlan(t)
	long.Products[0].Name = strings.Repeat("é", maxCellText+1)
	invalid := exporttest.SamplePlan(t)
	invalid.Products[0].ListPrice = -1
	for _, tc := range []struct {
		name string
		plan *planner.Plan
		opt  Options
		w    io.Writer
		says string
	}{
		{"invalid plan", invalid, Options{}, io.Discard, "products[0].listPrice: must be greater than 0"},
		{"unknown scenario", exporttest.SamplePlan(t), Options{Scenario: "mars"}, io.Discard, `no scenario "mars"`},
		{"name longer than a cell", long, Options{}, io.Discard, "products[0].name is 32768 characters long"},
		{"disk full", exporttest.SamplePlan(t), Options{}, exporttest.FailingWriter{}, "disk full"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Write(tc.w, tc.plan, tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("error %v, want one saying %q", err, tc.says)
			}
		})
	}
	var v *planner.ValidationError
	if err := Write(io.Discard, invalid, Options{}); !errors.As(err, &v) {
		t.Errorf("an invalid plan gives %T, want *planner.ValidationError", err)
	}
}

// TestWorkbookGolden compares every cell of the sample's workbook (formulas,
// inputs and labels, not the cached values, which other tests check) and
// every defined name with a golden file. Run with -update-xlsx after a
// deliberate change, then look at the workbook in LibreOffice.
func TestWorkbookGolden(t *testing.T) {
	f := openBytes(t, export(t, exporttest.SamplePlan(t), Options{}))
	var b strings.Builder
	for _, dn := range f.GetDefinedName() {
		fmt.Fprintf(&b, "name %s = %s\n", dn.Name, dn.RefersTo)
	}
	for _, sheet := range f.GetSheetList() {
		eachCell(t, f, sheet, func(ref, value, formula string) {
			if formula != "" {
				fmt.Fprintf(&b, "%s!%s =%s\n", sheet, ref, formula)
			} else {
				fmt.Fprintf(&b, "%s!%s %q\n", sheet, ref, value)
			}
		})
	}
	path := filepath.Join("testdata", "sample.cells.golden")
	if *updateXLSX {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update-xlsx to create it)", err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("the workbook differs from %s (go test -update-xlsx rewrites it) at line %d:\n got  %s\n want %s", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("the workbook differs from %s in length: %d lines, want %d", path, len(gl), len(wl))
	}
}

// TestFitsCell: which numbers need the data sheet to come back exactly.
func TestFitsCell(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		fits bool
	}{{8.9, true}, {60000, true}, {0.05, true}, {1e-300, true}, {0.30000000000000004, false}, {1.0 / 3, false}, {123456789012345678, false}, {math.MaxFloat64, false}} {
		if got := fitsCell(tc.v); got != tc.fits {
			t.Errorf("fitsCell(%v) = %v", tc.v, got)
		}
	}
	if absRef(28, 7) != "$AB$7" {
		t.Errorf("absRef(28, 7) = %s", absRef(28, 7))
	}
}

// TestPaidBack: the Months sheet's "paid back" flags are 1 exactly from the
// first month after which cumulative contribution never falls below 0.
func TestPaidBack(t *testing.T) {
	for name, change := range map[string]func(p *planner.Plan){
		"as written":      nil,
		"paid back later": func(p *planner.Plan) { p.Products[0].LaunchCost = 1e6 },
		"never paid back": func(p *planner.Plan) { p.Products[0].LaunchCost = 1e9 },
		"dips below 0 after month 1": func(p *planner.Plan) {
			pm := &p.Promotions[0]
			pm.Spend, pm.Max, pm.Response.MaxUnits, pm.Flighting = 1.8e6, nil, 0, spike(p.Months, 7, 1e6)
		},
	} {
		t.Run(name, func(t *testing.T) {
			p := exporttest.SamplePlan(t)
			if change != nil {
				change(p)
			}
			r, err := planner.Evaluate(p, planner.BaseScenario)
			if err != nil {
				t.Fatal(err)
			}
			flags := paidBack(len(r.Monthly), r.Totals.PaybackMonth)
			stays := true
			for m := len(r.Monthly) - 1; m >= 0; m-- {
				stays = stays && r.Monthly[m].CumulativeContribution >= 0
				want := 0.0
				if stays {
					want = 1
				}
				if flags[m] != want {
					t.Errorf("month %d (cumulative %.0f): flag %v, want %v", m+1, r.Monthly[m].CumulativeContribution, flags[m], want)
				}
			}
		})
	}
}

// spike is a flighting with nearly all the weight on month t (0-based).
func spike(months, t int, weight float64) []float64 {
	w := make([]float64, months)
	for i := range w {
		w[i] = 1
	}
	w[t] = weight
	return w
}
