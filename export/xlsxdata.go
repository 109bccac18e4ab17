package export

import (
	"maps"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The very hidden "Mixplan data" sheet marks the workbook as Mixplan's,
// records the size of each list, and keeps the exact value of every input a
// cell cannot hold to the last digit: numbers with more than the 15
// significant digits Excel keeps (an optimised spend), texts with characters
// XML cannot carry. ReadXLSX takes the exact value when the visible cell
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
	s, err := b.sheet(sheetData, map[int]float64{1: 24, 2: 30, 3: 10}, "")
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
	s.label(1, roleHeader, "cell")
	s.label(2, roleHeader, "exact value")
	s.label(3, roleHeader, "kind")
	for i, e := range b.exact {
		s.at(dataExactHead + 1 + i)
		s.label(1, roleLabel, e.cell)
		if e.num != nil {
			s.label(2, roleLabel, strconv.FormatFloat(*e.num, 'g', -1, 64))
			s.label(3, roleLabel, "number")
		} else {
			s.label(2, roleLabel, strconv.QuoteToASCII(*e.text))
			s.label(3, roleLabel, "text")
		}
	}
	return s.close()
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
		"propLift":            quoteSheet(sheetPromotion) + "!" + absCellName(pmPropLiftCell),
		"propValue":           quoteSheet(sheetPromotion) + "!" + absCellName(pmPropValueCell),
		"propUnits":           quoteSheet(sheetPromotion) + "!" + absCellName(pmPropUnitsCell),
		"baseUnitsTotal":      quoteSheet(sheetPromotion) + "!" + absCellName(pmBaseUnitsCell),
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
	when := b.opt.generated().UTC().Format(time.RFC3339)
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
	b.f.SetActiveSheet(0)
	return nil
}

// absCellName turns "D3" into "$D$3".
func absCellName(cell string) string {
	col, row, _ := excelize.CellNameToCoordinates(cell)
	return absRef(col, row)
}
