package xlsx

import (
	"bytes"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"mixplan/export/internal/exporttest"
	"mixplan/planner"
)

// The fuzz seeds in testdata/xlsx: a workbook of a small plan, someone
// else's workbook and a damaged one. TestFuzzSeeds keeps them current.
var fuzzSeeds = map[string]func(t testing.TB) []byte{
	"seed-bare.xlsx": func(t testing.TB) []byte { return export(t, seedPlan(), Options{Generated: exporttest.FixedDate}) },
	"seed-foreign.xlsx": func(t testing.TB) []byte {
		f := excelize.NewFile()
		defer f.Close()
		f.SetCellValue("Sheet1", "A1", "Budget")
		f.SetCellFormula("Sheet1", "B1", "SUM(B2:B9)")
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	},
	"seed-truncated.xlsx": func(t testing.TB) []byte {
		b := export(t, seedPlan(), Options{Generated: exporttest.FixedDate})
		return b[:len(b)*2/3]
	},
}

// seedPlan is small, so the fuzzer's mutations land on what matters.
func seedPlan() *planner.Plan {
	p := exporttest.BarePlan()
	p.Months = 2
	p.Promotions = []planner.Promotion{{ID: "ads", Name: "Ads", Spend: 100, Response: planner.Response{MaxUnits: 50, HalfSpend: 80, Shape: 1},
		Flighting: []float64{1, 2}}}
	p.Scenarios = []planner.Scenario{{ID: "low", Name: "Low", Volume: 0.9, UnitCost: 1, Response: 1, Price: 1}}
	return p
}

// TestFuzzSeeds checks the seed workbook still reads back (rewrite the
// seeds with -update-xlsx when the layout changes).
func TestFuzzSeeds(t *testing.T) {
	for name, make := range fuzzSeeds {
		path := filepath.Join("testdata", name)
		if *updateXLSX {
			if err := os.WriteFile(path, make(t), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("%v (run go test -update-xlsx)", err)
		}
	}
	data, _ := os.ReadFile(filepath.Join("testdata", "seed-bare.xlsx"))
	p, err := read(data)
	if err != nil {
		t.Fatalf("the seed no longer reads back (run go test -update-xlsx): %v", err)
	}
	sameMarshal(t, p, seedPlan())
}

// FuzzReadXLSX: whatever the bytes, Read answers with a valid plan or
// an error saying why, and never panics.
func FuzzReadXLSX(f *testing.F) {
	for name := range fuzzSeeds {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04"))
	f.Add(bombZip(f, 1<<40))
	f.Fuzz(checkRead)
}

// checkRead is the property of every read: a valid plan, or an error that
// says why, and no panic.
func checkRead(t *testing.T, data []byte) {
	t.Helper()
	p, err := read(data)
	if err != nil {
		if p != nil {
			t.Fatal("a plan and an error")
		}
		var we *WorkbookError
		if errors.As(err, &we) && len(we.Problems) == 0 {
			t.Fatal("a WorkbookError without problems")
		}
		if errors.As(err, new(panicError)) {
			t.Logf("excelize panicked; Read refused the file: %v", err)
		}
		return
	}
	if err := p.Validate(); err != nil {
		t.Fatalf("Read returned an invalid plan: %v", err)
	}
}

// TestReadXLSXMutations edits the XML inside a workbook at random (a digit,
// a deleted or repeated stretch, a stray character), 100 times, and reads each:
// byte-level fuzzing mostly breaks the zip's checksums, this reaches the
// sheets. Deterministic, so CI runs the same cases every time.
func TestReadXLSXMutations(t *testing.T) {
	seed := export(t, seedPlan(), Options{Generated: exporttest.FixedDate})
	rng := rand.New(rand.NewSource(4))
	parts := []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml",
		"xl/worksheets/sheet5.xml", "xl/worksheets/sheet6.xml", "xl/worksheets/sheet12.xml", "xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml"}
	for i := 0; i < 100; i++ {
		part := parts[rng.Intn(len(parts))]
		data := rewritePart(t, seed, part, func(b []byte) []byte { return mutateXML(rng, b) })
		checkRead(t, data)
	}
}

func mutateXML(rng *rand.Rand, b []byte) []byte {
	b = append([]byte(nil), b...)
	for n := 1 + rng.Intn(4); n > 0 && len(b) > 2; n-- {
		k := rng.Intn(len(b))
		switch rng.Intn(5) {
		case 0: // another digit
			for j := k; j < len(b); j++ {
				if b[j] >= '0' && b[j] <= '9' {
					b[j] = byte('0' + rng.Intn(10))
					break
				}
			}
		case 1: // a stretch deleted
			b = append(b[:k], b[min(len(b), k+1+rng.Intn(60)):]...)
		case 2: // a stretch repeated
			end := min(len(b), k+1+rng.Intn(200))
			b = append(b[:end], append(append([]byte(nil), b[k:end]...), b[end:]...)...)
		case 3: // a stray character
			b = append(b[:k], append([]byte{"<>&\"'-9"[rng.Intn(7)]}, b[k:]...)...)
		case 4: // a huge number
			for j := k; j < len(b); j++ {
				if b[j] >= '0' && b[j] <= '9' {
					b = append(b[:j], append([]byte("99999999999"), b[j:]...)...)
					break
				}
			}
		}
	}
	return b
}

// FuzzWorkbookText: any text a plan may hold comes back from a workbook as
// it was, whatever XML or spreadsheets make of it.
func FuzzWorkbookText(f *testing.F) {
	for _, s := range append(injections, "", " lead", "trail ", "a\tb\nc\rd", "_x0041_", "_x005F_x0041_", "\x00\x01\x7f", "\ufffe\uffff",
		"🍵 Œ « »", "'quoted", `"double"`, "&lt;", "<b>bold</b>", "0123", "1e10", "TRUE", "#N/A") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := seedPlan()
		p.Company, p.Products[0].Name, p.Places[0].Name, p.Promotions[0].Kind = s, "P "+s, "S "+s, s
		if checkCellTexts(p) != nil {
			return // too long for a cell: Write refuses it
		}
		got, err := read(export(t, p, Options{}))
		if err != nil {
			t.Fatal(err)
		}
		sameMarshal(t, got, p)
	})
}
