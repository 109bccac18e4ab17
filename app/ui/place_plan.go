package ui

import (
	"math"

	"mixplan/planner"
)

// The Place screen's changes of a plan that keep it valid: every product's
// shares over all places add up to 1, so deleting a place or committing a
// row of the share grid carries its consequences into the other places.
// They run inside Env.Edit, one undo step each.

// shareTolerance is how far a product's shares may be from 1 and still add
// up: the plan format's tolerance (docs/model.md, "share").
const shareTolerance = 1e-6

// addsUp reports whether shares summing to sum place all of a product's units.
func addsUp(sum float64) bool { return math.Abs(sum-1) <= shareTolerance }

// shareRow returns product id's share in each place, in the plan's order of
// places (0 where the place does not sell it).
func shareRow(p *planner.Plan, id string) []float64 {
	row := make([]float64, len(p.Places))
	for k := range p.Places {
		row[k] = p.Places[k].Share[id]
	}
	return row
}

// setShareRow writes product id's shares, one per place. Only the shares
// that change are written; a share set to 0 is removed from the place's map
// (the place no longer sells the product), which the format reads the same.
func setShareRow(p *planner.Plan, id string, row []float64) {
	for k := range p.Places {
		if k >= len(row) {
			break
		}
		pl := &p.Places[k]
		old, had := pl.Share[id]
		switch {
		case had && old == row[k]:
		case row[k] > 0:
			if pl.Share == nil {
				pl.Share = map[string]float64{}
			}
			pl.Share[id] = row[k]
		case had:
			delete(pl.Share, id)
		}
	}
}

// spreadRemainder returns row with the part of the units left to place
// (1 − the sum, negative when the row adds up to more than 1) spread so that
// it adds up to 1, leaving the shares the person typed (pinned) as typed
// when it can:
//   - over the places not pinned that already sell the product, in
//     proportion to their shares;
//   - if none of them sells it, equally over the places not pinned;
//   - if every place is pinned, or the others cannot give up enough of their
//     shares to make room for the typed ones, the whole row is scaled to 1 in
//     proportion to its shares (equally over every place if all are 0).
//
// A row with no place at all stays empty.
func spreadRemainder(row []float64, pinned []bool) []float64 {
	out := append([]float64(nil), row...)
	if len(out) == 0 {
		return out
	}
	sum := 0.0
	for _, x := range row {
		sum += x
	}
	rest := 1 - sum
	var free []int
	freeSum := 0.0
	for k, x := range row {
		if !pinned[k] && x > 0 {
			free = append(free, k)
			freeSum += x
		}
	}
	switch {
	case len(free) > 0 && freeSum+rest >= 0:
		for _, k := range free {
			out[k] = row[k] + rest*row[k]/freeSum
		}
		return out
	case rest > 0:
		var open []int
		for k := range row {
			if !pinned[k] {
				open = append(open, k)
			}
		}
		if len(open) > 0 {
			for _, k := range open {
				out[k] = row[k] + rest/float64(len(open))
			}
			return out
		}
	}
	if sum > 0 {
		for k, x := range row {
			out[k] = x / sum
		}
		return out
	}
	for k := range out {
		out[k] = 1 / float64(len(out))
	}
	return out
}

// soleOutlets returns, in the plan's order, the products that only place k
// sells: no other place gives them a share above 0. Deleting place k would
// leave them sold nowhere.
func soleOutlets(p *planner.Plan, k int) []planner.Product {
	var out []planner.Product
	for _, pr := range p.Products {
		if p.Places[k].Share[pr.ID] <= 0 {
			continue
		}
		others := 0.0
		for j := range p.Places {
			if j != k {
				others += p.Places[j].Share[pr.ID]
			}
		}
		if others <= 0 {
			out = append(out, pr)
		}
	}
	return out
}

// removePlace deletes place k and gives each product's share there to the
// product's other places, in proportion to their shares, so every product
// still adds up to 1. Products only place k sells (soleOutlets) must have
// been dealt with first: their share is lost and the plan refused.
func removePlace(p *planner.Plan, k int) {
	gone := p.Places[k].Share
	p.Places = append(p.Places[:k], p.Places[k+1:]...)
	for id, x := range gone {
		if x <= 0 {
			continue
		}
		others := 0.0
		for j := range p.Places {
			others += p.Places[j].Share[id]
		}
		if others <= 0 {
			continue
		}
		for j := range p.Places {
			if s, ok := p.Places[j].Share[id]; ok && s > 0 {
				p.Places[j].Share[id] = s + x*s/others
			}
		}
	}
}

// placeIndex returns the index of the place with that id, or -1.
func placeIndex(p *planner.Plan, id string) int {
	for i := range p.Places {
		if p.Places[i].ID == id {
			return i
		}
	}
	return -1
}
