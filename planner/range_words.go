package planner

import "mixplan/planner/numfmt"

// Words for the ranged inputs, shared by every output that explains the
// tornado (the command line's risk, the PDF's "How sure are we" page), so
// an assumption reads the same wherever a manager meets it.

// Assumption names a ranged input of p in words: "The base volume of Thé vert".
func (p *Plan) Assumption(in RangeInput) string {
	switch in.List {
	case "products":
		name := p.Products[in.Index].Name
		switch in.Field {
		case "baseVolume":
			return "The base volume of " + name
		case "unitCost":
			return "The unit cost of " + name
		case "elasticity":
			return "The price elasticity of " + name
		}
	case "places":
		name := p.Places[in.Index].Name
		if in.Field == "marginPct" {
			return "The margin " + name + " takes"
		}
		return "The logistics cost per unit at " + name
	case "promotions":
		name := p.Promotions[in.Index].Name
		switch in.Field {
		case "maxUnits":
			return "The saturation of " + name
		case "halfSpend":
			return "The half-saturation spend of " + name
		case "shape":
			return "The shape of " + name + "'s response curve"
		case "carryover":
			return "The carryover of " + name
		}
	}
	return in.List + "." + in.Field
}

// FirstAction says what to do about the assumption that matters most:
// "test that price first".
func (in RangeInput) FirstAction() string {
	switch in.Field {
	case "baseVolume":
		return "check that demand forecast first"
	case "elasticity":
		return "test that price first"
	case "marginPct":
		return "settle that margin first"
	case "unitCost":
		if in.List == "places" {
			return "get a firm logistics quote first"
		}
		return "firm up that cost with suppliers first"
	case "carryover":
		return "measure how long that channel's effect lasts first"
	}
	return "measure that channel with a lift test first"
}

// Value writes a value of the input in its own unit: "50 000 units", "29,0 %".
func (in RangeInput) Value(f numfmt.Figures, x float64) string {
	switch in.Field {
	case "baseVolume", "maxUnits":
		return f.Units(x) + " units"
	case "unitCost":
		return f.UnitMoney(x)
	case "halfSpend":
		return f.Money(x)
	case "marginPct", "carryover":
		return f.Percent(x)
	}
	return f.Ratio(x)
}
