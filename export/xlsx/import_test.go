package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"mixplan/export/internal/exporttest"
	"mixplan/planner"
	"mixplan/planner/plangen"
)

// export writes a plan's workbook into memory.
func export(t testing.TB, p *planner.Plan, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, p, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func read(data []byte) (*planner.Plan, error) {
	return Read(bytes.NewReader(data), int64(len(data)))
}

// sameMarshal fails unless two plans are the same plan file, byte for byte.
func sameMarshal(t testing.TB, got, want *planner.Plan) {
	t.Helper()
	a, err := planner.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	b, err := planner.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		t.Fatalf("the plan differs at byte %d:\nwant …%s…\ngot  …%s…", i, a[max(0, i-120):min(len(a), i+120)], b[max(0, i-120):min(len(b), i+120)])
	}
}

// roundTripPlans are plans whose every field must survive a workbook.
func roundTripPlans(t testing.TB) map[string]*planner.Plan {
	edge := exporttest.BarePlan() // no start month, one product, no promotion
	edge.Products = append(edge.Products, planner.Product{ID: "b", Name: "  Beta, spaced  ", UnitCost: 0, ListPrice: 0.1,
		BaseVolume: 0, ReferencePrice: 1e-6, Elasticity: -20, UnitsPerCustomer: 1e-6,
		Seasonality: []float64{1, 1, 1, 1, 1, 1}}) // explicit flat: stays explicit
	edge.Places[0].Share["b"] = 1
	edge.Promotions = []planner.Promotion{
		{ID: "x", Name: "Split with a zero", Spend: 1234.5678901234567, Max: planner.Float(0.1 + 0.2),
			Response: planner.Response{MaxUnits: 10, HalfSpend: 1.0 / 3, Shape: 10}, Split: map[string]float64{"a": 0, "b": 2}},
		{ID: "y", Name: "Proportional", Min: 5, Max: planner.Float(5), Response: planner.Response{MaxUnits: 0, HalfSpend: 1e12, Shape: 0.01}},
	}
	edge.Targets = planner.Targets{Budget: planner.Float(0), GrossMarginPct: planner.Float(-2), CAC: planner.Float(1e-300)}
	edge.RetentionPct, edge.DiscountRate = 0.999999999999, 0
	text := exporttest.TeaPlan(t)
	text.Name = "Tab\there, line\nbreak, _x0041_ escape, emoji 🍵, control \x01\x1f, U+FFFE \ufffe"
	text.Company = ""
	text.Products[0].Name = injections[0]
	text.Promotions[0].Kind = ""
	noProducts := plangen.Generate(plangen.Size{Places: 2, Promotions: 2, Months: 3}, 3)
	return map[string]*planner.Plan{
		"sample": exporttest.SamplePlan(t), "worked example": exporttest.TeaPlan(t), "hostile names": exporttest.HostilePlan(t),
		"formula-like names": formulaNames(t), "edge values": edge, "texts a cell cannot hold": text,
		"generated, 17-digit figures": plangen.Generate(plangen.Size{Products: 60, Places: 7, Promotions: 20, Months: 24, Scenarios: 5}, 21),
		"generated, one month":        plangen.Generate(plangen.Size{Products: 4, Places: 2, Promotions: 3, Months: 1, Scenarios: 1}, 22),
		"no products":                 noProducts,
		"nothing at all":              {Name: "Empty", Currency: "EUR", Locale: "en", Months: 12, DiscountRate: 0.1},
		"worked example, version 2":   workedExample(t),
		"generated, monthly response": plangen.Generate(plangen.Size{Products: 12, Places: 3, Promotions: 10, Months: 12, Scenarios: 2, Monthly: true}, 23),
		"actuals of every kind":       everyActual(t),
	}
}

// TestWorkbookRoundTrip: export then import gives back the same plan file.
func TestWorkbookRoundTrip(t *testing.T) {
	for name, p := range roundTripPlans(t) {
		t.Run(name, func(t *testing.T) {
			if err := p.Validate(); err != nil {
				t.Fatalf("test plan: %v", err)
			}
			got, err := read(export(t, p, Options{}))
			if err != nil {
				t.Fatal(err)
			}
			sameMarshal(t, got, p)
		})
	}
	t.Run("scenario shown is not part of the plan", func(t *testing.T) {
		p := exporttest.TeaPlan(t)
		got, err := read(export(t, p, Options{Scenario: "high"}))
		if err != nil {
			t.Fatal(err)
		}
		sameMarshal(t, got, p)
	})
}

// TestTextStaysText: plan texts are stored as text cells, never formulas.
func TestTextStaysText(t *testing.T) {
	p := formulaNames(t)
	f, err := excelize.OpenReader(bytes.NewReader(export(t, p, Options{})))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{p.Name, p.Company, p.Products[0].Name, p.Products[1].Name, p.Products[2].Name,
		p.Places[0].Name, p.Promotions[0].Name, p.Promotions[0].Kind, p.Scenarios[0].Name}
	for i, c := range textCells {
		if formula, _ := f.GetCellFormula(c.sheet, c.cell); formula != "" {
			t.Errorf("%s!%s is the formula %q", c.sheet, c.cell, formula)
		}
		typ, err := f.GetCellType(c.sheet, c.cell)
		if err != nil || typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
			t.Errorf("%s!%s has type %v, want text", c.sheet, c.cell, typ)
		}
		if got := raw(t, f, c.sheet, c.cell); got != want[i] {
			t.Errorf("%s!%s reads %q, want %q", c.sheet, c.cell, got, want[i])
		}
	}
}

// TestEditedInputsComeBack: cells edited in the workbook come back as the
// same edits of the plan.
func TestEditedInputsComeBack(t *testing.T) {
	for _, tc := range recalcCases(t) {
		if len(tc.edits) == 0 {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "book.xlsx")
			writeBook(t, path, tc.plan, Options{Scenario: tc.scenario}, true)
			f := openXLSX(t, path)
			want := tc.plan.Clone()
			for _, e := range tc.edits {
				e.write(t, f)
				e.apply(want)
			}
			for _, e := range []edit{
				{sheetSummary, cellName(suRValue, suName), "Renamed in Excel", func(p *planner.Plan) { p.Name = "Renamed in Excel" }, ""},
				{sheetSummary, cellName(suRValue, suStart), time.Date(2028, 3, 1, 0, 0, 0, 0, time.UTC), func(p *planner.Plan) { p.Start = "2028-03" }, ""},
				{sheetPromotion, cellName(pmMax, pmFirstRow), nil, func(p *planner.Plan) { p.Promotions[0].Max = nil }, ""},
				{sheetProducts, cellName(prDiscount, firstRow), nil, func(p *planner.Plan) { p.Products[0].DiscountPct = 0 }, ""},
			} {
				e.write(t, f)
				e.apply(want)
			}
			if err := f.Save(); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got, err := read(data)
			if err != nil {
				t.Fatal(err)
			}
			sameMarshal(t, got, want)
		})
	}
}

// TestInvalidEditsRefused: edits that break the plan's rules are refused
// with every problem and its cell.
func TestInvalidEditsRefused(t *testing.T) {
	l := layoutOf(exporttest.SamplePlan(t))
	for _, tc := range []struct {
		name  string
		edits map[string]any // "Sheet!A1" → value (nil clears)
		want  []string       // each problem, "cell: message" or its start
	}{
		{"negative list price", map[string]any{"Products!D7": -3.0}, []string{"Products!D7: must be greater than 0, not -3"}},
		{"shares no longer add up", map[string]any{"Places!K6": 0.5},
			[]string{"Places!K10: the shares of product \"trail-shoe\" over the places add up to 120.0000%, they must add up to 100%"}},
		{"text in a number", map[string]any{"Promotion!D8": "lots"}, []string{`Promotion!D8: must be a number, not "lots"`}},
		{"actuals without closed months", map[string]any{"Actuals!D8": 100.0}, []string{"Actuals!B3: must be the number of closed months"}},
		{"actuals in an open month", map[string]any{"Actuals!B3": 2.0, "Actuals!D8": 100.0, "Actuals!E8": 100.0, "Actuals!F8": 100.0},
			[]string{"Actuals!F8: month 3 is not closed"}},
		{"a closed month missing", map[string]any{"Actuals!B3": 2.0, "Actuals!E8": 100.0},
			[]string{"Actuals!D8: must be a number: a recorded row needs every closed month"}},
		{"closed months not whole", map[string]any{"Actuals!B3": 2.5}, []string{"Actuals!B3: must be a whole number of months from 0 to 12, not 2.5"}},
		{"carryover above 0.9", map[string]any{"Promotion!J8": 0.95}, []string{"Promotion!J8: "}},
		{"a group member other than 1", map[string]any{"Groups!A6": "digital", "Groups!B6": "Digital", "Groups!K6": 2.0},
			[]string{"Groups!K6: must be 1 (the channel is in the group) or empty, not 2"}},
		{"a range of an unknown input", map[string]any{"Risk!A6": "products.nope.baseVolume", "Risk!B6": 1.0, "Risk!C6": 2.0},
			[]string{"Risk!A6: "}},
		{"required number cleared", map[string]any{"Products!C6": nil}, []string{"Products!C6: must not be empty"}},
		{"duplicate id", map[string]any{"Products!A7": "trail-shoe"}, []string{`Products!A7: "trail-shoe" is already the id of entry 0`}},
		{"id with a space", map[string]any{"Places!A8": "big shop"}, []string{"Places!A8: must be 1 to 64 letters"}},
		{"unknown locale", map[string]any{"Summary!E18": "de"}, []string{`Summary!E18: must be "en" or "fr", not "de"`}},
		{"bad first month", map[string]any{"Summary!E19": "Jan 2027"}, []string{`Summary!E19: must be a month written YYYY-MM`}},
		{"horizon changed", map[string]any{"Summary!E20": 13.0}, []string{"Summary!E20: the horizon of a workbook is fixed at 12 months"}},
		{"gross margin goal of 100%", map[string]any{"Summary!E8": 1.0}, []string{"Summary!E8: must be less than 1"}},
		{"maximum below minimum", map[string]any{"Promotion!F8": 1000.0}, []string{"Promotion!F8: must not be below min (20000), not 1000"}},
		{"split of zeros", map[string]any{"Promotion!X8": 0.0, "Promotion!Y8": 0.0, "Promotion!Z8": 0.0, "Promotion!AA8": 0.0},
			[]string{"Promotion!X8:AB8: weights must add up to more than 0"}},
		{"seasonality with a hole", map[string]any{cellRef(sheetMonths, moFirst+3, l.seasonRow(0)): nil},
			[]string{"Months!G" + strconv.Itoa(l.seasonRow(0)) + ": must be a weight (0 or more)"}},
		{"negative flighting", map[string]any{cellRef(sheetMonths, moFirst, l.flightRow(1)): -1.0},
			[]string{"Months!D" + strconv.Itoa(l.flightRow(1)) + ": must not be negative, not -1"}},
		{"share above 100%", map[string]any{"Places!K6": 1.5, "Places!K7": -0.2, "Places!K8": -0.4},
			[]string{"Places!K6: must be between 0 and 1, not 1.5", "Places!K7: must be between 0 and 1, not -0.2", "Places!K8: must be between 0 and 1, not -0.4"}},
		{"negative split weight", map[string]any{"Promotion!Y8": -1.0}, []string{"Promotion!Y8: must not be negative, not -1"}},
		{"scenario factor of 0", map[string]any{"Scenarios!C7": 0.0}, []string{"Scenarios!C7: must be greater than 0, not 0"}},
		{"scenario called base", map[string]any{"Scenarios!A8": "base"}, []string{`Scenarios!A8: "base" is the plan as written`}},
		{"every problem at once", map[string]any{"Products!D7": -3.0, "Products!E8": 1.5, "Places!C6": -0.1, "Promotion!H8": 0.0, "Scenarios!F7": "x"},
			[]string{"Products!D7: must be greater than 0", "Products!E8: must be at least 0 and less than 1", "Places!C6: must be at least 0",
				"Promotion!H8: must be greater than 0", `Scenarios!F7: must be a number, not "x"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "book.xlsx")
			writeBook(t, path, exporttest.SamplePlan(t), Options{}, true)
			f := openXLSX(t, path)
			for ref, v := range tc.edits {
				sheet, cell, _ := strings.Cut(ref, "!")
				if err := f.SetCellValue(sheet, cell, v); err != nil {
					t.Fatal(err)
				}
			}
			if err := f.Save(); err != nil {
				t.Fatal(err)
			}
			data, _ := os.ReadFile(path)
			p, err := read(data)
			var we *WorkbookError
			if !errors.As(err, &we) {
				t.Fatalf("got plan %v, error %v; want a *WorkbookError", p != nil, err)
			}
			if len(we.Problems) != len(tc.want) {
				t.Errorf("%d problems, want %d:\n%v", len(we.Problems), len(tc.want), err)
			}
			for i, w := range tc.want {
				if i < len(we.Problems) && !strings.HasPrefix(we.Problems[i].String(), w) {
					t.Errorf("problem %d is %q, want %q…", i, we.Problems[i], w)
				}
			}
			for _, prob := range we.Problems {
				if prob.Cell == "" {
					t.Errorf("a problem without its cell: %q", prob)
				}
			}
		})
	}
}

func cellRef(sheet string, col, row int) string { return sheet + "!" + cellName(col, row) }

// zipOf builds a zip archive from name → content.
func zipOf(t testing.TB, parts map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, data := range parts {
		fw, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(data)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rewritePart returns a copy of a workbook with one part replaced.
func rewritePart(t testing.TB, book []byte, name string, change func([]byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		parts[zf.Name] = b.Bytes()
		if zf.Name == name {
			parts[zf.Name] = change(b.Bytes())
		}
	}
	return zipOf(t, parts)
}

// bombZip declares parts far larger than any workbook; nothing is inflated.
func bombZip(t testing.TB, declared uint64) []byte {
	t.Helper()
	return declaring(t, "xl/worksheets/sheet1.xml", declared)
}

// declaring is a zip whose parts each declare a size they do not have.
func declaring(t testing.TB, name string, declared uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, part := range []string{"[Content_Types].xml", "xl/workbook.xml", name} {
		size := uint64(1)
		if part == name || name == "xl/worksheets/sheet1.xml" {
			size = declared
		}
		fw, err := w.CreateRaw(&zip.FileHeader{Name: part, Method: zip.Store, UncompressedSize64: size, CompressedSize64: 1})
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte{'<'})
	}
	w.Close()
	return buf.Bytes()
}

// TestNotAMixplanWorkbook: files that are not Mixplan workbooks are refused
// with a clear error of the right kind.
func TestNotAMixplanWorkbook(t *testing.T) {
	book := export(t, exporttest.SamplePlan(t), Options{})
	plain := excelize.NewFile()
	plain.SetCellValue("Sheet1", "A1", "Budget 2027")
	var plainBuf bytes.Buffer
	plain.Write(&plainBuf)
	random := make([]byte, 4096)
	rand.New(rand.NewSource(1)).Read(random)
	for _, tc := range []struct {
		name string
		data []byte
		is   error
		says string
	}{
		{"empty file", nil, ErrNotWorkbook, "empty"},
		{"random bytes", random, ErrNotWorkbook, "damaged or of another kind"},
		{"a plan file", []byte(`{"format":"mixplan"}`), ErrNotWorkbook, "damaged or of another kind"},
		{"cut in half", book[:len(book)/2], ErrNotWorkbook, "damaged"},
		{"an OLE file (password or .xls)", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, random...), ErrNotWorkbook, "password-protected"},
		{"a zip that is no workbook", zipOf(t, map[string][]byte{"hello.txt": []byte("hi")}), ErrNotWorkbook, "not a workbook"},
		{"someone else's workbook", plainBuf.Bytes(), ErrNotMixplanWorkbook, "export the plan from Mixplan"},
		{"from a newer Mixplan", rewriteData(t, book, "<v>2</v>", "<v>3</v>"), ErrNotMixplanWorkbook, "newer version of Mixplan"},
		{"damaged data sheet", rewriteData(t, book, ">products<", ">nonsense<"), ErrNotMixplanWorkbook, "damaged"},
		{"counts beyond the limits", rewriteData(t, book, "<v>5</v>", "<v>999999</v>"), ErrNotMixplanWorkbook, "damaged"},
		{"rearranged table", rewritePart(t, book, "xl/worksheets/sheet2.xml", func(b []byte) []byte {
			return bytes.Replace(b, []byte(">List price<"), []byte(">Price<"), 1)
		}), ErrNotMixplanWorkbook, `D5 reads "Price" instead of "List price"`},
		{"declares 60 GB", bombZip(t, 20<<30), ErrWorkbookTooLarge, "zip bomb"},
		{"a huge part", declaring(t, "xl/sharedStrings.xml", maxPartBytes+1), ErrWorkbookTooLarge, "would unpack to 64 MiB"},
		{"too large a file", nil, ErrWorkbookTooLarge, "more than the 64 MiB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			size := int64(len(tc.data))
			if tc.name == "too large a file" {
				size = maxWorkbookBytes + 1
			}
			p, err := Read(bytes.NewReader(tc.data), size)
			if p != nil || !errors.Is(err, tc.is) {
				t.Fatalf("got %v, %v; want %v", p != nil, err, tc.is)
			}
			if !strings.Contains(err.Error(), tc.says) {
				t.Errorf("error %q does not say %q", err, tc.says)
			}
		})
	}
}

// rewriteData changes the first match in the hidden data sheet.
func rewriteData(t testing.TB, book []byte, old, new string) []byte {
	t.Helper()
	return rewritePart(t, book, "xl/worksheets/sheet12.xml", func(b []byte) []byte {
		if !bytes.Contains(b, []byte(old)) {
			t.Fatalf("the data sheet has no %q", old)
		}
		return bytes.Replace(b, []byte(old), []byte(new), 1)
	})
}

// TestZipBombMemory: a part whose header lies about its size (1 KiB, for
// 256 MiB of spaces deflated into testdata/bomb.xlsx) unpacks no
// further than it says, and reading the bomb takes little memory.
func TestZipBombMemory(t *testing.T) {
	path := filepath.Join("testdata", "bomb.xlsx")
	if *updateXLSX {
		var raw bytes.Buffer
		w := zip.NewWriter(&raw)
		for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml"} {
			fw, _ := w.Create(name)
			fw.Write([]byte("<x/>"))
		}
		fw, err := w.CreateHeader(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		chunk := bytes.Repeat([]byte(" "), 1<<20)
		for i := 0; i < 256; i++ {
			fw.Write(chunk)
		}
		w.Close()
		if err := os.WriteFile(path, lieAboutSize(t, raw.Bytes(), "xl/worksheets/sheet1.xml", 1024), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bomb, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update-xlsx)", err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	p, err := read(bomb)
	runtime.ReadMemStats(&after)
	if p != nil || err == nil {
		t.Fatal("the bomb was read as a plan")
	}
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 256<<20 {
		t.Errorf("reading the bomb allocated %d MiB", grown>>20)
	}
}

// lieAboutSize rewrites a zip's headers so that one part declares size bytes.
func lieAboutSize(t testing.TB, data []byte, name string, size uint32) []byte {
	t.Helper()
	out := append([]byte(nil), data...)
	for _, sig := range [][]byte{{'P', 'K', 3, 4}, {'P', 'K', 1, 2}} {
		for i := 0; ; {
			j := bytes.Index(out[i:], sig)
			if j < 0 {
				break
			}
			i += j
			local := sig[2] == 3
			nameLen, off, sizeAt := 26, 30, 22
			if !local {
				nameLen, off, sizeAt = 28, 46, 24
			}
			n := int(out[i+nameLen]) | int(out[i+nameLen+1])<<8
			if string(out[i+off:i+off+n]) == name {
				out[i+sizeAt], out[i+sizeAt+1], out[i+sizeAt+2], out[i+sizeAt+3] = byte(size), byte(size>>8), byte(size>>16), byte(size>>24)
			}
			i += 4
		}
	}
	return out
}

// TestWorkbookErrorText: the error reads like the planner's.
func TestWorkbookErrorText(t *testing.T) {
	one := &WorkbookError{Problems: []WorkbookProblem{{Cell: "Products!D7", Path: "products[1].listPrice", Message: "must be greater than 0, not -3"}}}
	if got := one.Error(); got != "invalid workbook: Products!D7: must be greater than 0, not -3" {
		t.Errorf("one problem: %q", got)
	}
	two := &WorkbookError{Problems: append(one.Problems, WorkbookProblem{Message: "no cell"})}
	if got := two.Error(); got != "invalid workbook, 2 problems:\n  Products!D7: must be greater than 0, not -3\n  no cell" {
		t.Errorf("two problems: %q", got)
	}
}
