package actuals

import (
	"math"
	"strconv"
	"strings"
)

// Numbers are written "1 234,56" in French exports and "1,234.56" in
// English ones, with currency signs, non-breaking spaces as thousands
// separators, "(12)" for a credit and "--" for nothing. A file uses one
// convention; numberStyle finds which from the values that prove it.

// decimalMark is the character a file's numbers use before their decimals.
type decimalMark byte

const (
	markUnknown decimalMark = 0
	markDot     decimalMark = '.'
	markComma   decimalMark = ','
)

// emptyNumber reports whether a cell says "nothing": blank or a dash.
func emptyNumber(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "-", "--", "—", "–", " --", "n/a", "N/A", "NA", "nd", "n.d.":
		return true
	}
	return false
}

// cleanNumber strips what surrounds and separates a number's digits:
// spaces of every kind, currency signs and codes, apostrophes (1'234), and
// notes whether it was negative (a minus or brackets) or a percentage.
func cleanNumber(s string) (digits string, negative, percent bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		negative, s = true, s[1:len(s)-1]
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r == '.', r == ',':
			b.WriteRune(r)
		case r == '-' || r == '−':
			negative = !negative
		case r == '%':
			percent = true
		case r == '+', r == ' ', r == '\u00a0', r == '\u202f', r == '\u2009', r == '\'', r == '’', r == '\t',
			r == '€', r == '$', r == '£', r == '¥':
		case r >= 'A' && r <= 'Z': // a currency code such as EUR or USD
		default:
			return "", false, false
		}
	}
	return b.String(), negative, percent
}

// markEvidence says which decimal mark a cleaned number proves, if any:
// both marks ("1.234,5": the last is the decimal), one mark not followed
// by exactly three digits ("12,5"), or one mark repeated ("1,234,567": a
// thousands separator).
func markEvidence(d string) decimalMark {
	dot, comma := strings.LastIndexByte(d, '.'), strings.LastIndexByte(d, ',')
	switch {
	case dot >= 0 && comma >= 0:
		if dot > comma {
			return markDot
		}
		return markComma
	case dot < 0 && comma < 0:
		return markUnknown
	}
	mark, at := byte('.'), dot
	if comma >= 0 {
		mark, at = ',', comma
	}
	if strings.Count(d, string(mark)) > 1 {
		return other(decimalMark(mark))
	}
	if len(d)-at-1 != 3 || at == 0 {
		return decimalMark(mark)
	}
	return markUnknown
}

func other(m decimalMark) decimalMark {
	if m == markDot {
		return markComma
	}
	return markDot
}

// parseNumber reads a cell in the file's convention. ok is false when it
// is not a number; a blank cell or a dash is (0, true, true).
func parseNumber(s string, mark decimalMark) (v float64, empty, ok bool) {
	if emptyNumber(s) {
		return 0, true, true
	}
	d, negative, percent := cleanNumber(s)
	if d == "" {
		return 0, false, false
	}
	if mark == markUnknown {
		mark = markDot
	}
	thousands := byte(other(mark))
	var b strings.Builder
	b.Grow(len(d))
	seenMark := false
	for i := 0; i < len(d); i++ {
		switch c := d[i]; {
		case c == thousands:
		case c == byte(mark):
			if seenMark {
				return 0, false, false
			}
			seenMark = true
			b.WriteByte('.')
		default:
			b.WriteByte(c)
		}
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	if err != nil || math.IsInf(v, 0) || b.Len() == 0 {
		return 0, false, false
	}
	if negative {
		v = -v
	}
	if percent {
		v /= 100
	}
	return v, false, true
}

// parseRawNumber reads a workbook's numeric cell, which is always plain
// ("1234.5", "1.5E-05"); ok is false for text cells, read by parseNumber.
func parseRawNumber(s string) (float64, bool) {
	if s == "" || strings.ContainsAny(s, ", \u00a0") {
		return 0, false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == 'E' || r == 'e' || r == '+') {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}
