package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"mixplan/export/internal/exporttest"
)

// setCell replaces the cell ref of a sheet part with xml (a whole <c>…</c>).
func setCell(t *testing.T, book []byte, part, ref, xml string) []byte {
	t.Helper()
	return rewritePart(t, book, part, func(b []byte) []byte {
		re := regexp.MustCompile(`<c r="` + ref + `"[^>]*?(/>|>.*?</c>)`)
		if !re.Match(b) {
			t.Fatalf("%s has no cell %s", part, ref)
		}
		return re.ReplaceAll(b, []byte(xml))
	})
}

// TestCarelessEdits: what a person typing in the workbook does that the
// import silently changed or dropped (issue 11) is refused, naming the
// cell, and so is a figure beyond the plan's limits, as in a plan file.
func TestCarelessEdits(t *testing.T) {
	book := export(t, exporttest.SamplePlan(t), Options{})
	products := "xl/worksheets/sheet2.xml"
	listPrice := cellName(prListPrice, firstRow)
	lastRow := firstRow + len(exporttest.SamplePlan(t).Products)
	baseVolume := cellName(prBaseVolume, firstRow)
	for _, tc := range []struct {
		name, cell, says string
		data             []byte
	}{
		{"TRUE in a list price", "Products!" + listPrice, "must be a number, not TRUE (true or false)",
			setCell(t, book, products, listPrice, `<c r="`+listPrice+`" t="b"><v>1</v></c>`)},
		{"a base volume that would overflow the figures", "Products!" + baseVolume, "must be at most 1000000000000, the most a plan may hold, not 1e+307",
			setCell(t, book, products, baseVolume, `<c r="`+baseVolume+`"><v>1e307</v></c>`)},
		{"a formula with no value", "Products!" + listPrice, "holds a formula Mixplan cannot evaluate: type the value",
			setCell(t, book, products, listPrice, `<c r="`+listPrice+`"><f>B6*2</f></c>`)},
		{"a product typed under the table", "Products!A" + itoa(lastRow), `row ` + itoa(lastRow) + `, under the table, is not imported ("Trail cap")`,
			rewritePart(t, book, products, func(b []byte) []byte {
				row := `<row r="` + itoa(lastRow) + `"><c r="A` + itoa(lastRow) + `" t="inlineStr"><is><t>cap</t></is></c><c r="B` + itoa(lastRow) +
					`" t="inlineStr"><is><t>Trail cap</t></is></c></row>`
				return bytes.Replace(b, []byte("</sheetData>"), []byte(row+"</sheetData>"), 1)
			})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := read(tc.data)
			var we *WorkbookError
			if p != nil || !errors.As(err, &we) {
				t.Fatalf("got %v, %v", p != nil, err)
			}
			for _, pb := range we.Problems {
				if pb.Cell == tc.cell && strings.Contains(pb.Message, tc.says) {
					return
				}
			}
			t.Errorf("no problem at %s saying %q: %v", tc.cell, tc.says, err)
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestFuzzCorpus keeps testdata/fuzz/FuzzReadXLSX, the hostile and careless
// workbooks of issue 11 that every go test runs through FuzzReadXLSX with
// the reader's size limits in force (rewrite them with -update-xlsx).
func TestFuzzCorpus(t *testing.T) {
	bare := export(t, seedPlan(), Options{Generated: exporttest.FixedDate})
	products := "xl/worksheets/sheet2.xml"
	price := cellName(prListPrice, firstRow)
	corpus := map[string][]byte{
		"bool-price":     setCell(t, bare, products, price, `<c r="`+price+`" t="b"><v>1</v></c>`),
		"uncached-price": setCell(t, bare, products, price, `<c r="`+price+`"><f>B6*2</f></c>`),
		"declared-bomb":  bombZip(t, 1<<40),
		"huge-part":      declaring(t, "xl/worksheets/sheet2.xml", maxPartBytes+1),
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzReadXLSX")
	for name, data := range corpus {
		path := filepath.Join(dir, name)
		if *updateXLSX {
			os.MkdirAll(dir, 0o755)
			if err := os.WriteFile(path, []byte(fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", data)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%v (run go test -update-xlsx)", err)
		}
	}
}
