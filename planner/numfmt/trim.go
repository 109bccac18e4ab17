package numfmt

import (
	"math"
	"strconv"
	"strings"
)

// Decimals returns the fewest decimals, at most max, that show x as exactly
// as max decimals would: 8.9 → 1, 40000 → 0, 0.125 with max 2 → 2. Fields
// use it to show what a person typed without padding zeros ("8.9", not "8.90").
func Decimals(x float64, max int) int {
	if max <= 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', max, 64)
	_, frac, _ := strings.Cut(s, ".")
	return len(strings.TrimRight(frac, "0"))
}

// Trimmed formats x with at most maxDecimals decimals and no trailing zeros:
// Trimmed(1234.50, French, 2) is "1 234,5" (with a narrow no-break space).
func Trimmed(x float64, l Locale, maxDecimals int) string {
	return Number(x, l, Decimals(x, maxDecimals))
}
