package ui

import (
	"math"

	"fyne.io/fyne/v2/lang"

	"mixplan/app/ui/widgets"
	"mixplan/planner"
)

// The inputs a range may cover (docs/model.md §3.4), as the Risk screen
// names, writes and offers them.

// rangeField is one kind of input a range may cover.
type rangeField struct {
	list, field string // "products", "elasticity"
	kind        widgets.Kind
	lo, hi      float64 // the field's own rule, for a new range's default
}

var rangeFields = []rangeField{
	{"products", "baseVolume", widgets.Plain, 0, math.Inf(1)},
	{"products", "unitCost", widgets.Money, 0, math.Inf(1)},
	{"products", "elasticity", widgets.Plain, -20, 0},
	{"places", "marginPct", widgets.Percent, 0, 1},
	{"places", "unitCost", widgets.Money, 0, math.Inf(1)},
	{"promotions", "maxUnits", widgets.Plain, 0, math.Inf(1)},
	{"promotions", "halfSpend", widgets.Money, 1e-9, math.Inf(1)},
	{"promotions", "shape", widgets.Plain, 1e-9, 10},
	{"promotions", "carryover", widgets.Percent, 0, planner.MaxCarryover},
}

// fieldOf returns the rangeField of a resolved input.
func fieldOf(in planner.RangeInput) rangeField {
	for _, f := range rangeFields {
		if f.list == in.List && f.field == in.Field {
			return f
		}
	}
	return rangeField{list: in.List, field: in.Field}
}

// rangeFieldLabel names a field in the user's language.
func rangeFieldLabel(field string) string {
	switch field {
	case "baseVolume":
		return lang.L("Base volume")
	case "unitCost":
		return lang.L("Unit cost")
	case "elasticity":
		return lang.L("Price elasticity")
	case "marginPct":
		return lang.L("Channel margin")
	case "maxUnits":
		return lang.L("Saturation (max units)")
	case "halfSpend":
		return lang.L("Half-saturation spend")
	case "shape":
		return lang.L("Curve shape")
	case "carryover":
		return lang.L("Carryover")
	}
	return field
}

// entryName is the name of entry i of a plan's list.
func entryName(p *planner.Plan, list string, i int) string {
	switch list {
	case "products":
		return p.Products[i].Name
	case "places":
		return p.Places[i].Name
	case "promotions":
		return p.Promotions[i].Name
	}
	return ""
}

// entryIDs lists a plan's ids of a list.
func entryIDs(p *planner.Plan, list string) []string {
	switch list {
	case "products":
		return productIDsOf(p)
	case "places":
		ids := make([]string, len(p.Places))
		for i, pl := range p.Places {
			ids[i] = pl.ID
		}
		return ids
	case "promotions":
		return promotionIDsOf(p)
	}
	return nil
}

// rangeLabel names the input of of in words: "Price elasticity of “Green tea”".
func rangeLabel(p *planner.Plan, of string) string {
	in, err := p.ResolveRange(of)
	if err != nil {
		return of
	}
	return lang.L("{{.Field}} of “{{.Name}}”", map[string]any{"Field": rangeFieldLabel(in.Field), "Name": entryName(p, in.List, in.Index)})
}

// planValue is the plan's own value of the input of names.
func planValue(p *planner.Plan, in planner.RangeInput) float64 {
	switch in.List + "." + in.Field {
	case "products.baseVolume":
		return p.Products[in.Index].BaseVolume
	case "products.unitCost":
		return p.Products[in.Index].UnitCost
	case "products.elasticity":
		return p.Products[in.Index].Elasticity
	case "places.marginPct":
		return p.Places[in.Index].MarginPct
	case "places.unitCost":
		return p.Places[in.Index].UnitCost
	case "promotions.maxUnits":
		return p.Promotions[in.Index].Response.MaxUnits
	case "promotions.halfSpend":
		return p.Promotions[in.Index].Response.HalfSpend
	case "promotions.shape":
		return p.Promotions[in.Index].Response.Shape
	case "promotions.carryover":
		return p.Promotions[in.Index].Response.Carryover
	}
	return math.NaN()
}

// formatValue writes an input's value as its field is typed.
func formatValue(f Fmt, kind widgets.Kind, x float64) string {
	ff := f.Field(kind)
	return ff.Format(x)
}

// rangeCandidate is an input a new range may cover.
type rangeCandidate struct{ of, label string }

// rangeCandidates lists the inputs of p no range covers yet, product
// fields first, in the plan's order.
func rangeCandidates(p *planner.Plan) []rangeCandidate {
	taken := map[string]bool{}
	for _, r := range p.Ranges {
		taken[r.Of] = true
	}
	var out []rangeCandidate
	for _, f := range rangeFields {
		for _, id := range entryIDs(p, f.list) {
			of := f.list + "." + id + "." + f.field
			if !taken[of] {
				out = append(out, rangeCandidate{of, rangeLabel(p, of)})
			}
		}
	}
	return out
}

// defaultRange is a new range around the plan's value: ±20 % of it, kept
// within the field's rule (a manager then narrows or widens it).
func defaultRange(p *planner.Plan, of string) (planner.Range, bool) {
	in, err := p.ResolveRange(of)
	if err != nil {
		return planner.Range{}, false
	}
	f, x := fieldOf(in), planValue(p, in)
	d := 0.2 * math.Abs(x)
	lo, hi := math.Max(f.lo, x-d), math.Min(f.hi, x+d)
	lo, hi = math.Min(lo, x), math.Max(hi, x)
	return planner.Range{Of: of, Low: lo, High: hi}, true
}
