package widgets

import (
	"mixplan/planner/numfmt"
)

// Kind is what a number stands for, which decides how it is written and read.
type Kind int

// Kinds of numbers.
const (
	// Plain numbers: units, factors, shapes ("1,234.5").
	Plain Kind = iota
	// Money amounts, written with the currency ("€40,000", "40 000 €").
	Money
	// Percent values are ratios shown and typed as percentages: the plan's
	// 0.45 shows as "45%" ("45 %" in French), and typing "45" or "45 %"
	// means 0.45. Typing "0.45" means 0.45 %, i.e. 0.0045.
	Percent
)

// Format says how a field writes and reads its number.
type Format struct {
	Kind     Kind
	Locale   numfmt.Locale
	Currency string // ISO code for Money, e.g. "EUR"
	// Decimals is the most decimals shown. Trailing zeros are dropped (8.9
	// shows as "8.9" with Decimals 2), except that money shows either no
	// decimals or all of them ("€40,000", "€8.90"). For Percent it counts
	// decimals of the percentage (45.5 % has 1).
	Decimals int
}

// Format writes x for the field.
func (f Format) Format(x float64) string {
	switch f.Kind {
	case Money: // whole amounts without decimals, others with all of them: €40,000, €8.90
		d := numfmt.Decimals(x, f.Decimals)
		if d > 0 {
			d = f.Decimals
		}
		return numfmt.Money(x, f.Currency, f.Locale, d)
	case Percent:
		return numfmt.Percent(x, f.Locale, numfmt.Decimals(x*100, f.Decimals))
	}
	return numfmt.Trimmed(x, f.Locale, f.Decimals)
}

// Parse reads text typed in the field. Errors wrap numfmt's reasons.
func (f Format) Parse(s string) (float64, error) {
	if f.Kind == Percent {
		return numfmt.ParsePercent(s, f.Locale)
	}
	return numfmt.Parse(s, f.Locale)
}
