package xlsx

import "strings"

// Cells whose kind matters to an import, which a raw value alone would
// hide: a boolean reads "1" or "0", and a formula nobody calculated (a
// workbook written by a program that does not compute, or edited with
// calculation off) reads as empty. The scanner marks them in the raw value
// with a prefix no cell can hold (XML cannot carry U+0000); cellAt shows
// them as a spreadsheet does, and number refuses them with their reason.
const (
	markBool    = "\x00bool:"   // followed by the raw "1" or "0"
	markFormula = "\x00formula" // a formula with no cached value
)

// markCell is the raw value the scanner keeps for a cell of type typ whose
// value is v, with a formula or not.
func markCell(typ, v string, formula bool) string {
	switch {
	case typ == "b":
		return markBool + v
	case formula && v == "" && typ != "inlineStr":
		return markFormula
	}
	return v
}

// shown is a raw value as a spreadsheet shows it: TRUE or FALSE, and
// nothing for a formula with no value.
func shown(raw string) string {
	switch {
	case strings.HasPrefix(raw, markBool):
		if strings.TrimPrefix(raw, markBool) == "0" {
			return "FALSE"
		}
		return "TRUE"
	case raw == markFormula:
		return ""
	}
	return raw
}

// notANumber says why a marked cell holds no number, or "" when it is not
// marked.
func notANumber(raw string) string {
	switch {
	case strings.HasPrefix(raw, markBool):
		return "must be a number, not " + shown(raw) + " (true or false)"
	case raw == markFormula:
		return "holds a formula Mixplan cannot evaluate: type the value"
	}
	return ""
}
