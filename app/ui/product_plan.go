package ui

import (
	"errors"
	"math"

	"fyne.io/fyne/v2/lang"

	"mixplan/planner"
)

// The Product screen's structural edits, as changes of a plan that keep it
// valid: a product's id is a key in every place's share and every
// promotion's split, so adding, renaming and deleting a product carry their
// consequences into those maps. They run inside Env.Edit, one undo step each.

// newProduct is what Add puts in the plan: a product to fill in, sold through
// the places in the plan's overall mix (mixShares), with no seasonality (flat).
func newProduct(id, name string) planner.Product {
	return planner.Product{ID: id, Name: name, UnitCost: 10, ListPrice: 25, ReferencePrice: 25,
		BaseVolume: 1000, Elasticity: -1.5, UnitsPerCustomer: 1}
}

// mixShares returns, per place, the share of a new product's units it sells:
// the plan's overall mix, that is each place's share of all the units the
// plan sells as written (the base scenario, whatever scenario the window
// shows), or equal shares when the plan sells nothing yet. Shares are
// rounded to 0.01 % and the rounding is left on the largest, so they add up
// to 1 and read well in the share grid.
func mixShares(p *planner.Plan) []float64 {
	n := len(p.Places)
	mix := make([]float64, n)
	if n == 0 {
		return mix
	}
	total := 0.0
	if r, err := planner.Evaluate(p, planner.BaseScenario); err == nil {
		for k, pl := range r.Places {
			mix[k] = pl.Units
			total += pl.Units
		}
	}
	if !(total > 0) || math.IsInf(total, 0) {
		for k := range mix {
			mix[k] = 1
		}
		total = float64(n)
	}
	largest, rest := 0, 0.0
	for k := range mix {
		mix[k] = math.Round(mix[k]/total*1e4) / 1e4
		if mix[k] > mix[largest] {
			largest = k
		}
	}
	for k := range mix {
		if k != largest {
			rest += mix[k]
		}
	}
	mix[largest] = 1 - rest
	return mix
}

// addProduct appends pr and gives it the shares (one per place; zero shares
// are left out of the maps).
func addProduct(p *planner.Plan, pr planner.Product, shares []float64) {
	p.Products = append(p.Products, pr)
	for k := range p.Places {
		if k < len(shares) && shares[k] > 0 {
			p.Places[k].Share[pr.ID] = shares[k]
		}
	}
}

// duplicateProduct inserts a copy of product i after it with a new id and
// name. The copy is sold through the same places in the same shares; it is
// a new product, so explicit promotion splits do not name it (channels that
// follow base volume include it on their own).
func duplicateProduct(p *planner.Plan, i int, id, name string) {
	c := p.Products[i]
	c.ID, c.Name = id, name
	if c.Seasonality != nil {
		c.Seasonality = append([]float64(nil), c.Seasonality...)
	}
	src := p.Products[i].ID
	p.Products = append(p.Products[:i+1], append([]planner.Product{c}, p.Products[i+1:]...)...)
	for k := range p.Places {
		if x, ok := p.Places[k].Share[src]; ok {
			p.Places[k].Share[id] = x
		}
	}
}

// removeProduct deletes the product with that id, its share in every place
// and its weight in every promotion's split. The other products' shares and
// weights stay as they are. A split left with no product (or only zero
// weights) becomes nil: the channel then follows each product's base volume.
func removeProduct(p *planner.Plan, id string) {
	i := productIndex(p, id)
	if i < 0 {
		return
	}
	p.Products = append(p.Products[:i], p.Products[i+1:]...)
	for k := range p.Places {
		delete(p.Places[k].Share, id)
	}
	for c := range p.Promotions {
		pm := &p.Promotions[c]
		if pm.Split == nil {
			continue
		}
		delete(pm.Split, id)
		if splitEmpty(pm.Split) {
			pm.Split = nil
		}
	}
}

// splitsLeftEmpty names, in the plan's order, the channels whose split
// would be left with no product if the product id were deleted.
func splitsLeftEmpty(p *planner.Plan, id string) []string {
	var names []string
	for _, pm := range p.Promotions {
		if _, in := pm.Split[id]; !in {
			continue
		}
		rest := make(map[string]float64, len(pm.Split))
		for k, w := range pm.Split {
			if k != id {
				rest[k] = w
			}
		}
		if splitEmpty(rest) {
			names = append(names, pm.Name)
		}
	}
	return names
}

// splitEmpty reports whether a split gives no product any weight.
func splitEmpty(split map[string]float64) bool {
	for _, w := range split {
		if w > 0 {
			return false
		}
	}
	return true
}

// renameProduct changes a product's id and the keys that name it in every
// place's share and every promotion's split.
func renameProduct(p *planner.Plan, from, to string) {
	i := productIndex(p, from)
	if i < 0 || from == to {
		return
	}
	p.Products[i].ID = to
	rekey := func(m map[string]float64) {
		if x, ok := m[from]; ok {
			delete(m, from)
			m[to] = x
		}
	}
	for k := range p.Places {
		rekey(p.Places[k].Share)
	}
	for c := range p.Promotions {
		rekey(p.Promotions[c].Split)
	}
}

// checkProductID is the rule of the id field: the plan format's id pattern,
// and no other product (than the one at index self) with that id.
func checkProductID(p *planner.Plan, self int, id string) error {
	if !planner.ValidID(id) {
		return errors.New(lang.L("use 1 to 64 letters, digits, “_”, “.” or “-”, without spaces"))
	}
	if j := productIndex(p, id); j >= 0 && j != self {
		return errors.New(lang.L("“{{.Name}}” already has this ID", map[string]any{"Name": p.Products[j].Name}))
	}
	return nil
}

// productIndex returns the index of the product with that id, or -1.
func productIndex(p *planner.Plan, id string) int {
	for i := range p.Products {
		if p.Products[i].ID == id {
			return i
		}
	}
	return -1
}

// seasonShares returns product pr's share of its units in each month, as
// Evaluate spreads them (planner.MonthShare): its seasonality normalised, or
// 1/months each when it has none (flat).
func seasonShares(pr planner.Product, months int) []float64 {
	out := make([]float64, months)
	for t := range out {
		out[t] = planner.MonthShare(pr.Seasonality, months, t)
	}
	return out
}
