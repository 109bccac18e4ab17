package pdf

import (
	"fmt"
	"math"
	"time"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// figures formats a plan's numbers in its locale and currency, the way the
// command line and the window do (numfmt.Figures), and compactly for charts.
type figures struct{ numfmt.Figures }

func figuresFor(p *planner.Plan) figures { return figures{p.Figures()} }

// scale is a unit shared by the labels of one chart axis: thousands or
// millions, so that ticks read "€200k, €400k" rather than six-digit numbers.
type scale struct {
	div    float64
	suffix string // "k" or "M" (or "" for units)
}

func scaleFor(maxAbs float64) scale {
	switch {
	case maxAbs >= 1e6:
		return scale{1e6, "M"}
	case maxAbs >= 1e4:
		return scale{1e3, "k"}
	}
	return scale{1, ""}
}

// compactMoney formats an amount in a scale: "€1.2M" / "1,2 M€", "€450k" / "450 k€".
func (f figures) compactMoney(x float64, sc scale, decimals int) string {
	if sc.suffix == "" {
		return numfmt.Money(x, f.Currency, f.Locale, decimals)
	}
	if x == 0 {
		return numfmt.Money(0, f.Currency, f.Locale, 0)
	}
	n := numfmt.Number(x/sc.div, f.Locale, decimals)
	sym := numfmt.Symbol(f.Currency)
	if f.Locale == numfmt.French {
		if sym == f.Currency {
			return n + numfmt.NNBSP + sc.suffix + numfmt.NNBSP + sym
		}
		return n + numfmt.NNBSP + sc.suffix + sym
	}
	neg := ""
	if len(n) > 0 && n[0] == '-' {
		neg, n = "-", n[1:]
	}
	if sym == f.Currency {
		return neg + sym + " " + n + sc.suffix
	}
	return neg + sym + n + sc.suffix
}

// compactUnits formats a count in a scale: "12k" / "12 k".
func (f figures) compactUnits(x float64, sc scale, decimals int) string {
	n := numfmt.Number(x/sc.div, f.Locale, decimals)
	if x == 0 {
		return "0"
	}
	if sc.suffix == "" {
		return n
	}
	if f.Locale == numfmt.French {
		return n + numfmt.NNBSP + sc.suffix
	}
	return n + sc.suffix
}

// short formats an amount for a chart label: compact, with up to three
// significant digits and no trailing zeros ("€90k", "€1.77M").
func (f figures) short(x float64) string {
	sc := scaleFor(math.Abs(x))
	v := x / sc.div
	dec := sigDecimals(v)
	// Drop the decimals that round to zero: 90.0 reads better as 90.
	for r := math.Round(math.Abs(v) * math.Pow10(dec)); dec > 0 && math.Mod(r, 10) == 0; r /= 10 {
		dec--
	}
	return f.compactMoney(x, sc, dec)
}

// sigDecimals is how many decimals keep about three significant digits.
func sigDecimals(v float64) int {
	switch a := math.Abs(v); {
	case a >= 100 || a == 0:
		return 0
	case a >= 10:
		return 1
	}
	return 2
}

// Dates and months, in English like the rest of the report's words.

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// longDate is "22 November 2026".
func longDate(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), monthNames[t.Month()-1], t.Year())
}

// monthLong turns a report month label ("2027-02" or "M2") into words
// ("February 2027" or "month 2").
func monthLong(label string) string {
	if t, err := time.Parse("2006-01", label); err == nil {
		return fmt.Sprintf("%s %d", monthNames[t.Month()-1], t.Year())
	}
	return "month " + label[1:]
}

// monthShort is a chart tick: "Feb" (or "M2" for plans without a start).
func monthShort(label string) string {
	if t, err := time.Parse("2006-01", label); err == nil {
		return monthNames[t.Month()-1][:3]
	}
	return label
}
