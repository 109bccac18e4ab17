package xlsx

import (
	"fmt"
	"math"
	"strconv"

	"mixplan/planner"
)

// Reading the version-2 parts of a plan back: the channel groups (Groups
// sheet), the actuals (Actuals sheet) and the uncertainty ranges (Risk
// sheet). Their tables have no fixed length: an empty row is skipped, so
// a manager adds a group or a range in one of the empty rows offered.

// maxRangeRows is the most ranges a plan can have: one per input.
func (l layout) maxRangeRows() int { return 3*l.products + 2*l.places + 4*l.promotions }

// v2Widths are the rows and widths load reads from the version-2 sheets.
func (l layout) v2Widths() map[string]func(row int) int {
	table := func(first, rows, width int) func(row int) int {
		return func(row int) int {
			switch {
			case row >= first+rows:
				return -1
			case row >= first:
				return width
			}
			return 0
		}
	}
	return map[string]func(row int) int{
		sheetGroups:  table(grFirstRow, planner.MaxGroups+grSpare, grMember+l.promotions-1),
		sheetRisk:    table(rkFirstRow, l.maxRangeRows()+rkSpare, rkHigh),
		sheetActuals: table(acThroughRow, l.actualsEnd()-acThroughRow+1, acFirst+l.months-1),
	}
}

// empty reports whether every cell of a row from col1 to col2 is empty.
func (pr *planReader) empty(sheet string, row, col1, col2 int) bool {
	for col := col1; col <= col2; col++ {
		if cellAt(pr.sheets[sheet], row, col) != "" {
			return false
		}
	}
	return true
}

// lastRow is the last row a sheet's rows hold, 0 when none.
func (pr *planReader) lastRow(sheet string) int {
	last := 0
	for row := range pr.sheets[sheet] {
		last = max(last, row)
	}
	return last
}

func (pr *planReader) readGroups(p *planner.Plan) {
	l := pr.lay
	for r := grFirstRow; r <= pr.lastRow(sheetGroups); r++ {
		if pr.empty(sheetGroups, r, grID, grMaxShare) && pr.empty(sheetGroups, r, grMember, grMember+l.promotions-1) {
			continue
		}
		path := fmt.Sprintf("groups[%d]", len(p.Groups))
		at := func(col int, field string) cell { return pr.at(sheetGroups, col, r, path+"."+field) }
		g := planner.Group{
			ID:       pr.text(at(grID, "id")),
			Name:     pr.text(at(grName, "name")),
			Min:      pr.optional(at(grMin, "min"), 0),
			Max:      pr.maybeNumber(at(grMax, "max")),
			MinShare: pr.optional(at(grMinShare, "minShare"), 0),
			MaxShare: pr.optional(at(grMaxShare, "maxShare"), 1),
		}
		pr.cellOf[path+".promotions"] = quoteSheet(sheetGroups) + "!" + localRange(grMember, r, grMember+max(l.promotions, 1)-1, r)
		for c, pm := range p.Promotions {
			c := matrix(sheetGroups, grMember+c, r, path+".promotions")
			v, ok := pr.number(c)
			switch {
			case !ok || v == 0:
			case v == 1:
				g.Promotions = append(g.Promotions, pm.ID)
			default:
				pr.problem(c, "must be 1 (the channel is in the group) or empty, not %s", strconv.FormatFloat(v, 'g', -1, 64))
			}
		}
		p.Groups = append(p.Groups, g)
	}
}

func (pr *planReader) readRanges(p *planner.Plan) {
	for r := rkFirstRow; r <= pr.lastRow(sheetRisk); r++ {
		if pr.empty(sheetRisk, r, rkOf, rkHigh) {
			continue
		}
		path := fmt.Sprintf("ranges[%d]", len(p.Ranges))
		at := func(col int, field string) cell { return pr.at(sheetRisk, col, r, path+"."+field) }
		p.Ranges = append(p.Ranges, planner.Range{
			Of:   pr.text(at(rkOf, "of")),
			Low:  pr.required(at(rkLow, "low")),
			High: pr.required(at(rkHigh, "high")),
		})
	}
}

func (pr *planReader) readActuals(p *planner.Plan) {
	l := pr.lay
	through := pr.at(sheetActuals, acValueCol, acThroughRow, "actuals.through")
	credibility := pr.at(sheetActuals, acValueCol, acCredibilityRow, "actuals.credibility")
	T, recorded := pr.number(through)
	if !recorded {
		if !pr.reported[through.path] && !pr.actualsEmpty() {
			pr.problem(through, "must be the number of closed months: the sheet holds actuals")
		}
		return
	}
	if T != math.Trunc(T) || T < 0 || T > float64(l.months) {
		pr.problem(through, "must be a whole number of months from 0 to %d, not %s", l.months, strconv.FormatFloat(T, 'g', -1, 64))
		return
	}
	a := &planner.Actuals{Through: int(T), Credibility: pr.optional(credibility, planner.DefaultCredibility),
		Promotions: map[string]planner.PromotionActuals{}, Products: map[string]planner.ProductActuals{}}
	for k, blk := range actualsBlocks {
		for j := 0; j < l.actualsRows(blk); j++ {
			row := l.actualsRow(k, j)
			id, list := "", "products"
			if blk.channels {
				id, list = p.Promotions[j].ID, "promotions"
			} else {
				id = p.Products[j].ID
			}
			path := "actuals." + list + "." + id
			if k == 0 {
				if v, ok := pr.number(pr.at(sheetActuals, acExtra, row, path+".committed")); ok {
					pa := a.Promotions[id]
					pa.Committed = v
					a.Promotions[id] = pa
				}
			}
			if values := pr.actualsRow(row, a.Through, path+"."+blk.field); values != nil {
				if blk.channels {
					if _, ok := a.Promotions[id]; !ok {
						a.Promotions[id] = planner.PromotionActuals{}
					}
				} else if _, ok := a.Products[id]; !ok {
					a.Products[id] = planner.ProductActuals{}
				}
				blk.set(a, id, values)
			}
		}
	}
	if len(a.Promotions) == 0 {
		a.Promotions = nil
	}
	if len(a.Products) == 0 {
		a.Products = nil
	}
	p.Actuals = a
}

// actualsRow reads one recorded row of the Actuals sheet: nil when its
// closed months are all empty, else one number per closed month; the
// months after them must be empty.
func (pr *planReader) actualsRow(row, through int, path string) []float64 {
	l := pr.lay
	pr.cellOf[path] = quoteSheet(sheetActuals) + "!" + localRange(acFirst, row, acFirst+l.months-1, row)
	var values []float64
	var blanks []cell
	for t := 0; t < l.months; t++ {
		c := matrix(sheetActuals, acFirst+t, row, path+"["+strconv.Itoa(t)+"]")
		if t >= through {
			if pr.raw(c) != "" {
				pr.problem(c, "month %d is not closed: raise the closed months to %d or more, or empty the cell", t+1, t+1)
			}
			continue
		}
		v, ok := pr.number(c)
		if !ok {
			blanks = append(blanks, c)
		}
		values = append(values, v)
	}
	if len(blanks) == through {
		return nil
	}
	for _, c := range blanks {
		if !pr.reported[c.path] {
			pr.problem(c, "must be a number: a recorded row needs every closed month (empty the whole row if it was not recorded)")
		}
	}
	return values
}

// actualsEmpty reports whether the Actuals sheet holds no actual at all.
func (pr *planReader) actualsEmpty() bool {
	return pr.lastRow(sheetActuals) < acFirstHead || pr.empty(sheetActuals, acCredibilityRow, acValueCol, acValueCol) && pr.noActualCells()
}

func (pr *planReader) noActualCells() bool {
	l := pr.lay
	for k, blk := range actualsBlocks {
		for j := 0; j < l.actualsRows(blk); j++ {
			if !pr.empty(sheetActuals, l.actualsRow(k, j), acExtra, acFirst+l.months-1) {
				return false
			}
		}
	}
	return true
}
