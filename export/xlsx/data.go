package xlsx

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"mixplan/export/internal/stamp"
)

// The very hidden "Mixplan data" sheet marks the workbook as Mixplan's,
// records the size of each list, and keeps the exact value of every input a
// cell cannot hold to the last digit: numbers with more than the 15
// significant digits Excel keeps (an optimised spend), texts with characters
// XML cannot carry. Read takes the exact value when the visible cell
// still shows it, so an unchanged workbook gives back the plan bit for bit,
// and the visible cell whenever it was edited.

// exactValue is one input kept exactly.
type exactValue struct {
	cell string   // Products!D7
	num  *float64 // or
	text *string
}

// Rows of the data sheet.
const (
	dataCountsRow = 2 // products, places, promotions, scenarios, months on rows 2–6
	dataExactHead = 8
)

var dataCounts = []string{"products", "places", "promotions", "scenarios", "months"}

func (b *book) writeData() error {
	s, err := b.sheet(sheetData, map[int]float64{1: 24, 2: 30, 3: 10}, 0, "")
	if err != nil {
		return err
	}
	s.label(1, roleLabel, dataMarker)
	s.value(2, roleLabel, nfNone, dataVersion)
	l := b.lay
	for i, n := range []int{l.products, l.places, l.promotions, l.scenarios, l.months} {
		s.at(dataCountsRow + i)
		s.label(1, roleLabel, dataCounts[i])
		s.value(2, roleLabel, nfNone, float64(n))
	}
	s.at(dataExactHead)
	s.label(1, roleHeader, "exact values: one per line, cell, tab, n or t, tab, value")
	for i, chunk := range packExact(b.exact) {
		s.at(dataExactHead + 1 + i)
		s.label(1, roleLabel, chunk)
	}
	return s.close()
}

// exactChunk is the most text packExact puts in one cell (a cell holds 32,767).
const exactChunk = 32000

// packExact writes the exact values as lines "Products!D7\tn\t8.900000000000002"
// (t for a text, quoted), as few cells as hold them: a large plan has tens
// of thousands, and one cell each would make reading the workbook slow.
func packExact(values []exactValue) []string {
	var chunks []string
	var b strings.Builder
	for _, e := range values {
		line := e.cell + "\tn\t"
		if e.num != nil {
			line += strconv.FormatFloat(*e.num, 'g', -1, 64)
		} else {
			line = e.cell + "\tt\t" + strconv.QuoteToASCII(*e.text)
		}
		if b.Len() > 0 && b.Len()+1+len(line) > exactChunk {
			chunks = append(chunks, b.String())
			b.Reset()
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(line)
	}
	if b.Len() > 0 {
		chunks = append(chunks, b.String())
	}
	return chunks
}

// unpackExact reads packExact's lines back: cell → (kind, value).
func unpackExact(chunk string, into map[cellKey]exactEntry) {
	for _, line := range strings.Split(chunk, "\n") {
		ref, rest, ok1 := strings.Cut(line, "\t")
		kind, value, ok2 := strings.Cut(rest, "\t")
		sheet, at, ok3 := strings.Cut(ref, "!")
		col, row, err := excelize.CellNameToCoordinates(at)
		if ok1 && ok2 && ok3 && err == nil {
			into[cellKey{strings.Trim(sheet, "'"), col, row}] = exactEntry{kind == "t", value}
		}
	}
}

// cellKey is where an input sits.
type cellKey struct {
	sheet    string
	col, row int
}

// exactEntry is an exact value kept in the data sheet.
type exactEntry struct {
	text  bool
	value string // a number as Go writes it, or a quoted text
}

// xmlSafe reports whether a text survives an XML cell unchanged.
func xmlSafe(s string) bool {
	for _, r := range s {
		if !(r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= utf8.MaxRune) {
			return false
		}
	}
	return true
}

// finish names the totals and the model's cells, and writes the document
// properties. The generator is Mixplan, never "Microsoft Excel": LibreOffice
// then recalculates on load instead of trusting the cached values.
func (b *book) finish() error {
	l := b.lay
	names := map[string]string{
		"monthlyContribution": rng(sheetMonths, l.monthCol(0), moContribution, l.lastMonthCol(), moContribution),
		// The figures of the channels without a split, where promotionHelpers writes them.
		"propLift":       ref(sheetPromotion, pmSpend, pmPriceIndexRow),
		"propValue":      ref(sheetPromotion, pmSpend, pmUnitValueRow),
		"propUnits":      ref(sheetPromotion, pmShape, pmPriceIndexRow),
		"baseUnitsTotal": ref(sheetPromotion, pmShape, pmUnitValueRow),
		"propRevenue":    ref(sheetPromotion, pmSpend, pmRevenueRow),
		"propLogistics":  ref(sheetPromotion, pmSpend, pmLogisticsRow),
	}
	for i, t := range totals {
		names[t.name] = ref(sheetSummary, suValue, suTotalsRow+i)
	}
	for name, cell := range summaryNames {
		names[name] = quoteSheet(sheetSummary) + "!" + cell
	}
	for _, name := range slices.Sorted(maps.Keys(names)) {
		if err := b.f.SetDefinedName(&excelize.DefinedName{Name: name, RefersTo: names[name]}); err != nil {
			return err
		}
	}
	when := stamp.Date(b.opt.Generated).UTC().Format(time.RFC3339)
	if err := b.f.SetDocProps(&excelize.DocProperties{
		Title: b.p.Name, Subject: "Marketing-mix plan", Creator: "Mixplan", LastModifiedBy: "Mixplan",
		Keywords: "marketing mix; plan; Mixplan", Category: "Marketing plan", Language: b.p.Locale,
		Description: "A working model of the plan: change the inputs on a yellow fill and every figure follows. Made by Mixplan.",
		Created:     when, Modified: when,
	}); err != nil {
		return err
	}
	if err := b.f.SetAppProps(&excelize.AppProperties{Application: "Mixplan", Company: b.p.Company}); err != nil {
		return err
	}
	if err := b.f.SetCustomProps(excelize.CustomProperty{Name: "Mixplan workbook", Value: int32(dataVersion)}); err != nil {
		return err
	}
	// The Summary, first, is the active sheet. (SetActiveSheet would parse
	// every streamed sheet back into memory.)
	return nil
}
