package ui

import (
	"mixplan/planner"
)

// productList is the list the Product and Price screens share: the
// products, each a name and a line of figures, the selected product, and
// edits of it found by id.
type productList = listEditor[planner.Product]

// newProductList makes the products' list; sample is a row's second line
// as wide as a typical one, info writes product i's, show writes the
// selected product into the screen's form.
func newProductList(env *Env, sample string, info func(p *planner.Plan, r *planner.Report, i int) string, show func()) *productList {
	return newListEditor(env, listSpec[planner.Product]{
		rows:   func(p *planner.Plan) *[]planner.Product { return &p.Products },
		key:    func(pr planner.Product) (string, string) { return pr.ID, pr.Name },
		info:   info,
		sample: sample,
	}, show)
}
