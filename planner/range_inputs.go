package planner

import (
	"errors"
	"fmt"
	"strings"
)

// The inputs an uncertainty range may cover (docs/model.md §3.4), each with
// the rule its values must keep and the way to read and write it in a plan.
// Validation, the tornado and the simulation share this one table.

// rangeField is one kind of input a range may name.
type rangeField struct {
	list  string // "products", "places" or "promotions"
	name  string // "baseVolume", "maxUnits"…
	check func(ps *problems, path string, x float64)
	get   func(p *Plan, i int) float64
	set   func(p *Plan, i int, x float64)
}

var rangeFields = []rangeField{
	{"products", "baseVolume", nonNegative,
		func(p *Plan, i int) float64 { return p.Products[i].BaseVolume },
		func(p *Plan, i int, x float64) { p.Products[i].BaseVolume = x }},
	{"products", "unitCost", nonNegative,
		func(p *Plan, i int) float64 { return p.Products[i].UnitCost },
		func(p *Plan, i int, x float64) { p.Products[i].UnitCost = x }},
	{"products", "elasticity", checkElasticity,
		func(p *Plan, i int) float64 { return p.Products[i].Elasticity },
		func(p *Plan, i int, x float64) { p.Products[i].Elasticity = x }},
	{"places", "marginPct", fraction,
		func(p *Plan, i int) float64 { return p.Places[i].MarginPct },
		func(p *Plan, i int, x float64) { p.Places[i].MarginPct = x }},
	{"places", "unitCost", nonNegative,
		func(p *Plan, i int) float64 { return p.Places[i].UnitCost },
		func(p *Plan, i int, x float64) { p.Places[i].UnitCost = x }},
	{"promotions", "maxUnits", nonNegative,
		func(p *Plan, i int) float64 { return p.Promotions[i].Response.MaxUnits },
		func(p *Plan, i int, x float64) { p.Promotions[i].Response.MaxUnits = x }},
	{"promotions", "halfSpend", positive,
		func(p *Plan, i int) float64 { return p.Promotions[i].Response.HalfSpend },
		func(p *Plan, i int, x float64) { p.Promotions[i].Response.HalfSpend = x }},
	{"promotions", "shape", checkShape,
		func(p *Plan, i int) float64 { return p.Promotions[i].Response.Shape },
		func(p *Plan, i int, x float64) { p.Promotions[i].Response.Shape = x }},
	{"promotions", "carryover", checkCarryover,
		func(p *Plan, i int) float64 { return p.Promotions[i].Response.Carryover },
		func(p *Plan, i int, x float64) { p.Promotions[i].Response.Carryover = x }},
}

// rangeInput is a range's `of` resolved against a plan.
type rangeInput struct {
	field *rangeField
	index int // the entry's position in its list
}

func (in rangeInput) get(p *Plan) float64                        { return in.field.get(p, in.index) }
func (in rangeInput) set(p *Plan, x float64)                     { in.field.set(p, in.index, x) }
func (in rangeInput) check(ps *problems, path string, x float64) { in.field.check(ps, path, x) }

// resolveRange finds the input `of` names in p, or says why it names none.
// An id may itself hold dots: the list is what comes before the first dot,
// the field what comes after the last.
func resolveRange(p *Plan, of string) (rangeInput, string) {
	first, last := strings.IndexByte(of, '.'), strings.LastIndexByte(of, '.')
	if first < 0 || last <= first+1 || last == len(of)-1 {
		return rangeInput{}, fmt.Sprintf("must name an input as LIST.ID.FIELD, such as products.green.baseVolume, not %q", of)
	}
	list, id, name := of[:first], of[first+1:last], of[last+1:]
	var f *rangeField
	for i := range rangeFields {
		if rangeFields[i].list == list && rangeFields[i].name == name {
			f = &rangeFields[i]
		}
	}
	if f == nil {
		return rangeInput{}, fmt.Sprintf("%q is not an input a range may cover: use products.ID.baseVolume, .unitCost or .elasticity; "+
			"places.ID.marginPct or .unitCost; promotions.ID.maxUnits, .halfSpend, .shape or .carryover", of)
	}
	at := -1
	switch list {
	case "products":
		for i := range p.Products {
			if p.Products[i].ID == id {
				at = i
			}
		}
	case "places":
		for i := range p.Places {
			if p.Places[i].ID == id {
				at = i
			}
		}
	case "promotions":
		for i := range p.Promotions {
			if p.Promotions[i].ID == id {
				at = i
			}
		}
	}
	if at < 0 {
		return rangeInput{}, fmt.Sprintf("names %s %q, which is not in the plan", strings.TrimSuffix(list, "s"), id)
	}
	return rangeInput{field: f, index: at}, ""
}

func checkElasticity(ps *problems, path string, x float64) {
	if !finite(x) || x < -20 || x > 0 {
		ps.add(path, "must be between -20 and 0, not %v", x)
	}
}

func checkShape(ps *problems, path string, x float64) {
	if !finite(x) || x <= 0 || x > 10 {
		ps.add(path, "must be greater than 0 and at most 10, not %v", x)
	}
}

// MaxCarryover is the largest share of a month's pressure that may carry
// over to the next month.
const MaxCarryover = 0.9

func checkCarryover(ps *problems, path string, x float64) {
	if !finite(x) || x < 0 || x > MaxCarryover {
		ps.add(path, "must be between 0 and %v, not %v", MaxCarryover, x)
	}
}

// RangeInput is the input a range names, found in a plan.
type RangeInput struct {
	List  string // "products", "places" or "promotions"
	Index int    // the entry's position in that list
	Field string // "baseVolume", "unitCost", "elasticity", "marginPct", "maxUnits", "halfSpend", "shape" or "carryover"
}

// ResolveRange finds the input a range's `of` names in p, or says why it names none.
func (p *Plan) ResolveRange(of string) (RangeInput, error) {
	in, why := resolveRange(p, of)
	if why != "" {
		return RangeInput{}, errors.New(why)
	}
	return RangeInput{List: in.field.list, Index: in.index, Field: in.field.name}, nil
}
