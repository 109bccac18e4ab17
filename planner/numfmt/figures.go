package numfmt

// Figures writes a plan's figures in its locale and currency, the one way
// the command line and the PDF report write them (the window wraps it to
// say "pts" and "n/a" in the user's language): amounts in whole units,
// unit amounts with cents, percentages with one decimal.
type Figures struct {
	Locale   Locale
	Currency string
}

// Money writes an amount in whole currency units: "€1,234,567".
func (f Figures) Money(x float64) string { return Money(x, f.Currency, f.Locale, 0) }

// UnitMoney writes a per-unit amount with cents: "€8.90".
func (f Figures) UnitMoney(x float64) string { return Money(x, f.Currency, f.Locale, 2) }

// Units writes a count: "61,234".
func (f Figures) Units(x float64) string { return Number(x, f.Locale, 0) }

// Percent writes a ratio as a percentage with one decimal: "45.2%".
func (f Figures) Percent(x float64) string { return Percent(x, f.Locale, 1) }

// Ratio writes a ratio with two decimals: "3.25".
func (f Figures) Ratio(x float64) string { return Number(x, f.Locale, 2) }

// Points writes a difference of ratios in percentage points: "1.2 pts".
func (f Figures) Points(x float64) string { return Number(x*100, f.Locale, 1) + " pts" }

// Unit is what a figure measures, which says how it is written: a target's
// goal, actual and gap are written in its unit.
type Unit int

// Units of figures.
const (
	// Amount is money in whole currency units: "€5,400,000".
	Amount Unit = iota
	// UnitAmount is money per unit or per customer, with cents: "€42.50".
	UnitAmount
	// Ratio is a fraction written as a percentage ("61.5%"), and the
	// difference of two in percentage points ("1.5 pts").
	Ratio
)

// Value writes x in unit u.
func (f Figures) Value(u Unit, x float64) string {
	switch u {
	case Ratio:
		return f.Percent(x)
	case UnitAmount:
		return f.UnitMoney(x)
	}
	return f.Money(x)
}

// Gap writes a difference of two figures in unit u: percentage points for ratios.
func (f Figures) Gap(u Unit, x float64) string {
	if u == Ratio {
		return f.Points(x)
	}
	return f.Value(u, x)
}

// Signed puts an explicit + before s, the formatted x, when x is positive,
// for gaps and changes: "+€10k", "-€20k", "€0".
func Signed(x float64, s string) string {
	if x > 0 && s != "" && s[0] != '-' {
		return "+" + s
	}
	return s
}
