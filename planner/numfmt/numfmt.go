// Package numfmt formats and parses numbers, money and percentages the way a
// plan's locale writes them: "1 234 567 €" and "45,2 %" in French (narrow
// no-break spaces, U+202F), "€1,234,567" and "45.2%" in English. The exports,
// the command line and the desktop window all format through it, so a figure
// reads the same everywhere.
package numfmt

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// NNBSP is the narrow no-break space French puts between thousands and before units.
const NNBSP = "\u202f"

// Locale is a plan's locale: "en" or "fr". Anything else formats as English.
type Locale string

// Locales supported by plans.
const (
	English Locale = "en"
	French  Locale = "fr"
)

func (l Locale) seps() (thousands, decimal string) {
	if l == French {
		return NNBSP, ","
	}
	return ",", "."
}

// Number formats x with the given decimals and the locale's separators.
func Number(x float64, l Locale, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	thousands, decimal := l.seps()
	s := strconv.FormatFloat(math.Abs(x), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	neg := x < 0 && strings.Trim(s, "0.") != ""
	if neg {
		b.WriteString("-")
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(thousands)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// Symbol returns the sign of an ISO 4217 currency, or the code itself.
func Symbol(currency string) string {
	switch currency {
	case "EUR":
		return "€"
	case "USD":
		return "$"
	case "GBP":
		return "£"
	case "JPY", "CNY":
		return "¥"
	case "INR":
		return "₹"
	}
	return currency
}

// prefixed reports whether English puts this currency before the amount
// ("€1,234"); codes without a sign are written "CHF 1,234".
func prefixed(currency string) bool { return Symbol(currency) != currency }

// Money formats an amount in a currency: "€1,234,567" / "1 234 567 €".
func Money(x float64, currency string, l Locale, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	num := Number(math.Abs(x), l, decimals)
	sign := ""
	if x < 0 && strings.Trim(num, "0.,"+NNBSP) != "" {
		sign = "-"
	}
	sym := Symbol(currency)
	if l == French {
		return sign + num + NNBSP + sym
	}
	if prefixed(currency) {
		return sign + sym + num
	}
	return sign + sym + " " + num
}

// Percent formats a ratio as a percentage: 0.452 → "45.2%" / "45,2 %".
func Percent(x float64, l Locale, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	num := Number(x*100, l, decimals)
	if l == French {
		return num + NNBSP + "%"
	}
	return num + "%"
}

// Reasons Parse refuses a text. Every error Parse returns is one of these
// (errors.Is), so a caller can show it in its own words or language.
var (
	ErrEmpty        = errors.New("enter a number")
	ErrNotNumber    = errors.New("not a number")
	ErrLetters      = errors.New("letters are not allowed")
	ErrSign         = errors.New("a sign can only come first")
	ErrDecimalMarks = errors.New("more than one decimal mark")
	ErrGrouping     = errors.New("digits after a thousands comma come in threes")
	ErrComma        = errors.New("misplaced comma")
	ErrCharacter    = errors.New("unexpected character")
)

// Parse reads a number typed by a person in the locale: thousands separators
// (spaces, narrow spaces, or the locale's own), the locale's decimal mark, a
// leading sign, and a currency sign or a percent sign around it, which are
// ignored (see ParsePercent for percentages). In English "1,5" is refused as
// ambiguous rather than read as 15; in French "1.5" is accepted as 1.5 since a
// point is never a French thousands separator in plans.
func Parse(s string, l Locale) (float64, error) {
	clean, err := normalize(s, l)
	if err != nil {
		return 0, err
	}
	x, err := strconv.ParseFloat(clean, 64)
	if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
		return 0, ErrNotNumber
	}
	return x, nil
}

// ParsePercent reads a percentage ("45,2 %", "45.2", "45.2%") as a ratio (0.452).
func ParsePercent(s string, l Locale) (float64, error) {
	x, err := Parse(s, l)
	return x / 100, err
}

func normalize(s string, l Locale) (string, error) {
	var b strings.Builder
	_, decimal := l.seps()
	s = strings.TrimSpace(s)
	if s == "" {
		return "", ErrEmpty
	}
	s = strings.ReplaceAll(s, "−", "-") // U+2212 minus
	sawDecimal, sawComma := false, false
	digits := 0 // digits since the last English thousands comma
	groupOK := func() error {
		if sawComma && digits != 3 {
			return ErrGrouping
		}
		return nil
	}
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			digits++
		case r == '-' || r == '+':
			if b.Len() > 0 {
				return "", ErrSign
			}
			b.WriteRune(r)
		case string(r) == decimal || (l == French && r == '.'):
			if sawDecimal {
				return "", ErrDecimalMarks
			}
			if err := groupOK(); err != nil {
				return "", err
			}
			sawDecimal, sawComma = true, false
			b.WriteByte('.')
		case r == ',': // English thousands
			if sawDecimal || digits == 0 {
				return "", ErrComma
			}
			if err := groupOK(); err != nil {
				return "", err
			}
			sawComma, digits = true, 0
		case unicode.IsSpace(r) || r == '\u202f' || r == '\u00a0' || r == '\'':
			// digit grouping
		case r == '%' || strings.ContainsRune("€$£¥₹", r):
			// unit signs are decoration
		default:
			if unicode.IsLetter(r) {
				return "", ErrLetters
			}
			return "", fmt.Errorf("%w %s", ErrCharacter, strconv.QuoteRune(r))
		}
	}
	if err := groupOK(); err != nil {
		return "", err
	}
	out := b.String()
	if out == "" || out == "-" || out == "+" || out == "." {
		return "", ErrNotNumber
	}
	return out, nil
}
