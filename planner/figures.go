package planner

import "mixplan/planner/numfmt"

// NA is how reports and exports write a figure that is undefined, such as
// ROMI without promotion spend.
const NA = "n/a"

// Format writes the figure with format, or NA when it is undefined.
func (m Maybe) Format(format func(float64) string) string {
	if !m.Valid {
		return NA
	}
	return format(m.Value)
}

// Figures returns the formats of the plan's figures: its locale and currency.
func (p *Plan) Figures() numfmt.Figures {
	return numfmt.Figures{Locale: numfmt.Locale(p.Locale), Currency: p.Currency}
}
