package xlsx

import (
	"github.com/xuri/excelize/v2"

	"mixplan/planner/numfmt"
)

// The workbook's look: inputs on a pale yellow fill in blue (unlocked, the
// only cells a reader can change under sheet protection), formulas in plain
// dark text (locked), headers on a pale blue band. Number formats follow the
// plan's locale and currency; Excel and LibreOffice then apply the reader's
// own thousands and decimal separators.

// role is what a cell is for.
type role int

const (
	roleInput   role = iota // a plan input: unlocked, yellow fill, blue text
	roleFormula             // a computed figure: locked
	roleTotal               // a computed figure that matters most: bold
	roleHelper              // an intermediate figure: grey italic
	roleLabel               // fixed text
	roleLabelBold
	roleHeader
	roleTitle
	roleSubtitle
	roleNote
	roleSection
	roleWrap      // a paragraph: wrapped, top-aligned
	roleHelperTip // a helper row's label, right-aligned so it reads into the empty cells on its left
	roleTotalTip  // the same, bold
	roleStatus    // a target's met/missed: bold and centred, clear of the gap beside it
)

// numFormat is a kind of number: the styles turn it into a format string
// for the plan's locale and currency.
type numFormat int

const (
	nfNone    numFormat = iota // General
	nfText                     // @: typed text stays text
	nfMoney                    // €1,234 / 1 234 €
	nfPrice                    // €12.50 / 12,50 €
	nfUnits                    // 1,234
	nfDecimal                  // 1,234.56
	nfPct                      // 45.2%
	nfRatio                    // 1.25 (elasticity, shape, factors)
	nfIndex                    // 0.9876 (price index)
	nfWeight                   // a weight: General
	nfScale                    // share per weight point: 1.25%, or "flat" for 0
	nfSplit                    // split weight total, or "follows base units" for 0
	nfYesNo                    // 1 → yes, 0 → no
	nfMonths                   // 12
)

type styleKey struct {
	role role
	nf   numFormat
}

// styles creates each cell style once.
type styles struct {
	f        *excelize.File
	locale   numfmt.Locale
	currency string
	ids      map[styleKey]int
	err      error
	met      int // conditional formats
	missed   int
	warn     int
}

func newStyles(f *excelize.File, locale numfmt.Locale, currency string) *styles {
	s := &styles{f: f, locale: locale, currency: currency, ids: map[styleKey]int{}}
	s.met, s.err = f.NewConditionalStyle(&excelize.Style{
		Font: &excelize.Font{Color: "006100", Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C6EFCE"}}})
	if s.err == nil {
		s.missed, s.err = f.NewConditionalStyle(&excelize.Style{
			Font: &excelize.Font{Color: "9C0006", Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}})
	}
	if s.err == nil {
		s.warn, s.err = f.NewConditionalStyle(&excelize.Style{
			Font: &excelize.Font{Color: "9C0006", Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}})
	}
	return s
}

// id returns the style of a cell with that role and number format; errors
// are kept and reported once by the workbook writer.
func (s *styles) id(r role, nf numFormat) int {
	k := styleKey{r, nf}
	if id, ok := s.ids[k]; ok {
		return id
	}
	st := s.style(r)
	if code := s.format(nf); code != "" {
		st.CustomNumFmt = &code
	}
	id, err := s.f.NewStyle(st)
	if err != nil && s.err == nil {
		s.err = err
	}
	s.ids[k] = id
	return id
}

const (
	inkColor    = "1F1F1F"
	inputInk    = "0B3D91"
	inputFill   = "FFF2C4"
	headerFill  = "DCE6F1"
	sectionInk  = "1F3864"
	helperInk   = "595959"
	borderColor = "BFBFBF"
)

func (s *styles) style(r role) *excelize.Style {
	font := &excelize.Font{Family: "Calibri", Size: 11, Color: inkColor}
	st := &excelize.Style{Font: font, Alignment: &excelize.Alignment{Vertical: "center"}}
	if r == roleFormula || r == roleTotal || r == roleHelper {
		// Figures, and the "n/a" of an undefined one, line up on the right.
		st.Alignment.Horizontal = "right"
	}
	switch r {
	case roleInput:
		font.Color = inputInk
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{inputFill}}
		st.Border = box(borderColor)
		st.Protection = &excelize.Protection{Locked: false}
	case roleTotal:
		font.Bold = true
	case roleHelper:
		font.Color, font.Italic = helperInk, true
	case roleLabelBold:
		font.Bold = true
	case roleHeader:
		font.Bold = true
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}}
		st.Alignment = &excelize.Alignment{Vertical: "center", WrapText: true}
		st.Border = []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 1}}
	case roleTitle:
		font.Bold, font.Size, font.Color = true, 16, sectionInk
		st.Alignment = nil
	case roleSubtitle:
		font.Color = helperInk
		st.Alignment = nil
	case roleNote:
		font.Color, font.Italic, font.Size = helperInk, true, 10
		st.Alignment = nil
	case roleSection:
		font.Bold, font.Size, font.Color = true, 12, sectionInk
	case roleWrap:
		st.Alignment = &excelize.Alignment{Vertical: "top", WrapText: true}
	case roleHelperTip:
		font.Color, font.Italic = helperInk, true
		st.Alignment = &excelize.Alignment{Vertical: "center", Horizontal: "right"}
	case roleStatus:
		font.Bold = true
		st.Alignment.Horizontal = "center"
	case roleTotalTip:
		font.Bold = true
		st.Alignment = &excelize.Alignment{Vertical: "center", Horizontal: "right"}
	}
	return st
}

func box(color string) []excelize.Border {
	return []excelize.Border{
		{Type: "left", Color: color, Style: 1}, {Type: "right", Color: color, Style: 1},
		{Type: "top", Color: color, Style: 1}, {Type: "bottom", Color: color, Style: 1},
	}
}

// nbsp separates a French amount from its unit; U+202F, which French
// typography prefers, is missing from some spreadsheet fonts.
const nbsp = "\u00a0"

// format is the Excel number format code of a kind of number.
func (s *styles) format(nf numFormat) string {
	switch nf {
	case nfText:
		return "@"
	case nfMoney:
		return s.money("#,##0")
	case nfPrice:
		return s.money("#,##0.00")
	case nfUnits:
		return "#,##0"
	case nfDecimal:
		return "#,##0.00"
	case nfPct:
		if s.locale == numfmt.French {
			return `0.0"` + nbsp + `"%`
		}
		return "0.0%"
	case nfRatio:
		return "0.00"
	case nfIndex:
		return "0.0000"
	case nfScale:
		if s.locale == numfmt.French {
			return `0.000"` + nbsp + `"%;-0.000"` + nbsp + `"%;"flat"`
		}
		return `0.000%;-0.000%;"flat"`
	case nfSplit:
		return `#,##0.00;-#,##0.00;"follows base units"`
	case nfYesNo:
		return `"yes";"yes";"no"`
	case nfMonths:
		return "0"
	}
	return ""
}

// money is a currency format around a number pattern: the sign before the
// amount in English ("€1,234", "CHF 1,234"), the sign after it in French
// ("1 234 €").
func (s *styles) money(number string) string {
	sym := numfmt.Symbol(s.currency)
	quoted := `"` + sym + `"`
	if s.locale == numfmt.French {
		unit := `"` + nbsp + sym + `"`
		return number + unit + ";-" + number + unit
	}
	if sym == s.currency { // a code without a sign: "CHF 1,234"
		quoted = `"` + sym + ` "`
	}
	return quoted + number + ";-" + quoted + number
}
