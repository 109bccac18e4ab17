package xlsx

import (
	"bytes"
	"math/rand"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"mixplan/export/internal/exporttest"
	"mixplan/planner/plangen"
)

// sameAsExcelize checks that the lean scanner reads every sheet of a
// workbook as excelize's row iterator does. A damaged sheet may be refused
// by the scanner where excelize reads what it can (damaged is true then),
// but never read differently.
func sameAsExcelize(t *testing.T, data []byte, damaged bool) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipXMLSizeLimit: xlsxInMemory, UnzipSizeLimit: maxUnpackedBytes})
	if err != nil {
		return // not a workbook: nothing to compare
	}
	defer f.Close()
	scan, err := newScanner(f)
	if err != nil {
		t.Fatalf("newScanner: %v", err)
	}
	all := func(int) int { return 20000 }
	for _, sheet := range f.GetSheetList() {
		want, errWant := readRows(f, sheet, all)
		got, errGot := scan.rows(sheet, all)
		for _, cells := range got { // as shown: the scanner marks the kinds excelize hides (cellkinds.go)
			for i, c := range cells {
				cells[i] = shown(c)
			}
		}
		if errGot != nil && damaged {
			continue
		}
		if (errWant == nil) != (errGot == nil) {
			t.Errorf("%s: excelize says %v, the scanner %v", sheet, errWant, errGot)
			continue
		}
		for row := range want { // excelize keeps empty rows as empty slices
			if len(want[row]) == 0 && len(got[row]) == 0 {
				delete(want, row)
				delete(got, row)
			}
		}
		if errWant == nil && !reflect.DeepEqual(got, want) {
			for row, cells := range want {
				if !reflect.DeepEqual(got[row], cells) {
					t.Errorf("%s row %d:\n scanner  %q\n excelize %q", sheet, row, got[row], cells)
					break
				}
			}
		}
	}
}

// TestScannerMatchesExcelize: on exported workbooks, texts that need
// escapes included, and on their mutations, the scanner reads what
// excelize reads.
func TestScannerMatchesExcelize(t *testing.T) {
	text := seedPlan()
	text.Name, text.Company = "a\x01b _x0041_ _x005F_x0041_ \ufffe", "  lead and trail  "
	books := [][]byte{export(t, exporttest.SamplePlan(t), Options{}), export(t, formulaNames(t), Options{}), export(t, text, Options{}),
		export(t, plangen.Generate(plangen.Size{Products: 30, Places: 4, Promotions: 9, Months: 14, Scenarios: 2}, 5), Options{})}
	for _, b := range books {
		sameAsExcelize(t, b, false)
	}
	rng := rand.New(rand.NewSource(9))
	parts := []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet4.xml", "xl/worksheets/sheet12.xml"}
	for i := 0; i < 40; i++ {
		sameAsExcelize(t, rewritePart(t, books[0], parts[rng.Intn(len(parts))], func(b []byte) []byte { return mutateXML(rng, b) }), true)
	}
}

// TestUnescapeBstr: the escapes of texts XML cannot carry.
func TestUnescapeBstr(t *testing.T) {
	for in, want := range map[string]string{
		"plain": "plain", "_x0041_": "A", "a_x000D_b": "a\rb", "_x005F_x0041_": "_x0041_", "_x005f_": "_",
		"_xD800_": "", "_x12_": "_x12_", "_x0041": "_x0041",
	} {
		if got := unescapeBstr(in); got != want {
			t.Errorf("unescapeBstr(%q) = %q, want %q", in, got, want)
		}
	}
}
