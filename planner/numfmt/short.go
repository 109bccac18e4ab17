package numfmt

import "math"

// Short formats an amount compactly for chart labels and tight spaces, with
// about three significant digits and no trailing zeros: "€90k", "€1.77M",
// "CHF 450k" in English; "90 k€", "1,77 M€" in French. currency "" formats a
// plain count the same way ("12k", "12 k"). Amounts under 10,000 are written
// in full.
func Short(x float64, currency string, l Locale) string { return ShortAs(x, x, currency, l) }

// ShortAs is Short with the unit (thousands, millions…) chosen for ref
// rather than x, so the labels of one axis share a unit: with ref 20,000
// the tick 5,000 reads "€5k" beside "€20k", not "€5,000".
func ShortAs(x, ref float64, currency string, l Locale) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	div, suffix := 1.0, ""
	switch a := math.Abs(ref); {
	case a >= 1e9:
		div, suffix = 1e9, "bn"
		if l == French {
			suffix = "Md"
		}
	case a >= 1e6:
		div, suffix = 1e6, "M"
	case a >= 1e4:
		div, suffix = 1e3, "k"
	}
	if x == 0 {
		div, suffix = 1, "" // "€0", not "€0k"
	}
	v := x / div
	dec := 0
	switch a := math.Abs(v); {
	case a == 0 || a >= 100:
	case a >= 10:
		dec = 1
	default:
		dec = 2
	}
	if suffix == "" && currency != "" && dec > 0 && Decimals(v, dec) > 0 {
		dec = 2 // small amounts keep their cents: "€8.90"
	} else {
		dec = Decimals(v, dec)
	}
	n := Number(math.Abs(v), l, dec)
	sign := ""
	if x < 0 && math.Abs(v) >= 0.5*math.Pow10(-dec) {
		sign = "-"
	}
	if currency == "" {
		if l == French && suffix != "" {
			return sign + n + NNBSP + suffix
		}
		return sign + n + suffix
	}
	sym := Symbol(currency)
	if l == French {
		if suffix == "" {
			return sign + n + NNBSP + sym
		}
		if sym == currency {
			return sign + n + NNBSP + suffix + NNBSP + sym
		}
		return sign + n + NNBSP + suffix + sym
	}
	if prefixed(currency) {
		return sign + sym + n + suffix
	}
	return sign + sym + " " + n + suffix
}
