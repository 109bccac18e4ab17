package xlsx

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// planReader turns the input cells of a Mixplan workbook into a plan,
// noting which cell holds which field so every problem names its cell.
type planReader struct {
	*bookReader
	sheets   map[string]map[int][]string // sheet → row → raw cells
	cellOf   map[string]string           // JSON path → cell or range
	problems []WorkbookProblem
	reported map[string]bool // paths already given a problem while reading
}

func (rd *bookReader) plan() (*planner.Plan, error) {
	pr := &planReader{bookReader: rd, sheets: map[string]map[int][]string{}, cellOf: map[string]string{}, reported: map[string]bool{}}
	if err := pr.load(); err != nil {
		return nil, err
	}
	if err := pr.checkHeaders(); err != nil {
		return nil, err
	}
	p := &planner.Plan{Months: rd.lay.months}
	pr.checkRowsBelow()
	pr.readSummary(p)
	pr.readProducts(p)
	pr.readPlaces(p)
	pr.readPromotions(p)
	pr.readWeights(p)
	pr.readScenarios(p)
	pr.readGroups(p)
	pr.readActuals(p)
	pr.readRanges(p)
	pr.checkShares(p)
	if err := p.Validate(); err != nil {
		pr.addValidation(err.(*planner.ValidationError), p)
	}
	if len(pr.problems) > 0 {
		pr.sortProblems()
		return nil, &WorkbookError{Problems: pr.problems}
	}
	return p, nil
}

// load streams the rows of each sheet that hold inputs, and no others.
func (pr *planReader) load() error {
	l := pr.lay
	// within keeps a table's header row and its n rows from first, and
	// the id and name of the rows just below (rowsBelow.go).
	within := func(row, header, first, n, width int) int {
		switch {
		case row > header && row >= first+n+rowsBelowChecked:
			return -1
		case row == header || row >= first && row < first+n:
			return width
		case row >= first+n:
			return belowWidth
		}
		return 0
	}
	wanted := map[string]func(row int) int{
		sheetSummary: func(row int) int {
			if row > suScenarioRow {
				return -1
			}
			return suRValue
		},
		sheetProducts:  func(row int) int { return within(row, firstRow-1, firstRow, l.products, prUnitsPerCustomer) },
		sheetPlaces:    func(row int) int { return within(row, firstRow-1, firstRow, l.places, plShare+l.products-1) },
		sheetPromotion: func(row int) int { return within(row, pmFirstRow-1, pmFirstRow, l.promotions, pmSplit+l.products-1) },
		sheetMonths: func(row int) int {
			if row > l.seasonRow(l.products-1) && row > l.flightRow(l.promotions-1) && row > l.channelRow(blockResponsiveness, l.promotions-1) {
				return -1
			}
			if row >= moFlightHead {
				return l.lastMonthCol()
			}
			return 0
		},
		sheetScenarios: func(row int) int { return within(row, scBaseRow-1, scBaseRow+1, l.scenarios, scPrice) },
	}
	for sheet, width := range l.v2Widths() {
		wanted[sheet] = width
	}
	for sheet, width := range wanted {
		rows, err := pr.rows(sheet, width)
		if err != nil {
			return err
		}
		pr.sheets[sheet] = rows
	}
	return nil
}

// checkHeaders refuses a workbook whose tables were rearranged: its cells
// would be read as the wrong fields.
func (pr *planReader) checkHeaders() error {
	for _, h := range []struct {
		sheet   string
		row     int
		headers map[int]string
		upTo    int
	}{
		{sheetProducts, firstRow - 1, productHeaders, prUnitsPerCustomer},
		{sheetPlaces, firstRow - 1, placeHeaders, plFixed},
		{sheetPromotion, pmFirstRow - 1, promotionHeaders, pmMaxPerMonth},
		{sheetScenarios, scBaseRow - 1, scenarioHeaders, scPrice},
	} {
		for col := 1; col <= h.upTo; col++ {
			if got := cellAt(pr.sheets[h.sheet], h.row, col); got != h.headers[col] {
				return fmt.Errorf("%w: its %s sheet was rearranged (%s%d reads %q instead of %q); export the plan from Mixplan again",
					ErrNotMixplanWorkbook, h.sheet, colName(col), h.row, got, h.headers[col])
			}
		}
	}
	return nil
}

// cell is one input cell being read.
type cell struct {
	sheet    string
	col, row int
	path     string
}

// at is the cell of a field, noted so the plan's problems find it.
func (pr *planReader) at(sheet string, col, row int, path string) cell {
	c := cell{sheet, col, row, path}
	pr.cellOf[path] = c.ref()
	return c
}

// matrix is a cell of a share, split or weight matrix: too many to note one
// by one (a large plan has hundreds of thousands); cellFor works them out
// from the path.
func matrix(sheet string, col, row int, path string) cell { return cell{sheet, col, row, path} }

func (c cell) ref() string { return quoteSheet(c.sheet) + "!" + cellName(c.col, c.row) }

func (pr *planReader) raw(c cell) string { return cellAt(pr.sheets[c.sheet], c.row, c.col) }

func (pr *planReader) problem(c cell, format string, args ...any) {
	pr.problems = append(pr.problems, WorkbookProblem{Cell: c.ref(), Path: c.path, Message: fmt.Sprintf(format, args...)})
	pr.reported[c.path] = true
}

// text reads a text input; a number typed into it reads as its digits.
func (pr *planReader) text(c cell) string {
	v := pr.raw(c)
	if exact, ok := pr.exact[cellKey{c.sheet, c.col, c.row}]; ok && exact.text {
		if s, err := strconv.Unquote(exact.value); err == nil && sanitizeXML(s) == v {
			return s
		}
	}
	return v
}

// number reads a number input: ok is false when the cell is empty, and a
// problem is noted when it holds anything but a number.
func (pr *planReader) number(c cell) (v float64, ok bool) {
	if why := notANumber(rawCellAt(pr.sheets[c.sheet], c.row, c.col)); why != "" {
		pr.problem(c, "%s", why)
		return 0, false
	}
	s := strings.TrimSpace(pr.raw(c))
	if s == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		pr.problem(c, "must be a number, not %q", s)
		return 0, false
	}
	if exact, ok := pr.exact[cellKey{c.sheet, c.col, c.row}]; ok && !exact.text {
		if x, err := strconv.ParseFloat(exact.value, 64); err == nil && sameIn15Digits(x, v) {
			return x, true
		}
	}
	return v, true
}

// sameIn15Digits reports whether a cell's value is an exact value as a cell
// holds it: Excel keeps 15 significant digits.
func sameIn15Digits(exact, shown float64) bool {
	return exact == shown || math.Abs(exact-shown) <= 1e-14*math.Abs(exact)
}

// required reads a number that has no default.
func (pr *planReader) required(c cell) float64 {
	v, ok := pr.number(c)
	if !ok && !pr.reported[c.path] {
		pr.problem(c, "must not be empty")
	}
	return v
}

// optional reads a number, or its default when the cell is empty.
func (pr *planReader) optional(c cell, def float64) float64 {
	if v, ok := pr.number(c); ok {
		return v
	}
	return def
}

// maybeNumber reads a number that may be unset (a target, a maximum spend).
func (pr *planReader) maybeNumber(c cell) *float64 {
	if v, ok := pr.number(c); ok {
		return &v
	}
	return nil
}

func (pr *planReader) readSummary(p *planner.Plan) {
	at := func(row int, path string) cell { return pr.at(sheetSummary, suRValue, row, path) }
	p.Name = pr.text(at(suName, "name"))
	p.Company = pr.text(at(suCompany, "company"))
	p.Currency = orDefault(pr.text(at(suCurrency, "currency")), "EUR")
	p.Locale = orDefault(pr.text(at(suLocale, "locale")), string(numfmt.English))
	p.Start = pr.month(at(suStart, "start"))
	if months := at(suMonths, "months"); pr.raw(months) != strconv.Itoa(pr.lay.months) {
		pr.problem(months, "the horizon of a workbook is fixed at %d months; change it in Mixplan and export again", pr.lay.months)
	}
	p.RetentionPct = pr.optional(at(suRetention, "retentionPct"), 0)
	p.DiscountRate = pr.optional(at(suDiscountRate, "discountRate"), 0.10)
	for i, tg := range targets {
		*p.Targets.Ptr(tg.name) = pr.maybeNumber(pr.at(sheetSummary, suRValue, suTargetsRow+i, "targets."+tg.name))
	}
}

// month reads the first month: YYYY-MM text, or a date Excel made of it.
func (pr *planReader) month(c cell) string {
	s := strings.TrimSpace(pr.text(c))
	if serial, err := strconv.ParseFloat(s, 64); err == nil && serial > 0 && serial < 2958466 {
		if t, err := excelize.ExcelDateToTime(serial, false); err == nil {
			return t.Format("2006-01")
		}
	}
	if _, err := time.Parse("2006-01", s); s != "" && err != nil {
		pr.problem(c, "must be a month written YYYY-MM such as 2027-01, or empty, not %q", s)
	}
	return s
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

func (pr *planReader) readProducts(p *planner.Plan) {
	p.Products = make([]planner.Product, pr.lay.products)
	for i := range p.Products {
		row, path := pr.lay.productRow(i), fmt.Sprintf("products[%d]", i)
		at := func(col int, field string) cell { return pr.at(sheetProducts, col, row, path+"."+field) }
		x := &p.Products[i]
		x.ID = pr.text(at(prID, "id"))
		x.Name = pr.text(at(prName, "name"))
		x.UnitCost = pr.required(at(prUnitCost, "unitCost"))
		x.ListPrice = pr.required(at(prListPrice, "listPrice"))
		x.DiscountPct = pr.optional(at(prDiscount, "discountPct"), 0)
		x.BaseVolume = pr.required(at(prBaseVolume, "baseVolume"))
		x.ReferencePrice = pr.optional(at(prRefPrice, "referencePrice"), x.ListPrice)
		x.Elasticity = pr.optional(at(prElasticity, "elasticity"), 0)
		x.LaunchCost = pr.optional(at(prLaunch, "launchCost"), 0)
		x.UnitsPerCustomer = pr.optional(at(prUnitsPerCustomer, "unitsPerCustomer"), 1)
	}
}

func (pr *planReader) readPlaces(p *planner.Plan) {
	p.Places = make([]planner.Place, pr.lay.places)
	for k := range p.Places {
		row, path := pr.lay.placeRow(k), fmt.Sprintf("places[%d]", k)
		at := func(col int, field string) cell { return pr.at(sheetPlaces, col, row, path+"."+field) }
		x := &p.Places[k]
		x.ID = pr.text(at(plID, "id"))
		x.Name = pr.text(at(plName, "name"))
		x.MarginPct = pr.optional(at(plMargin, "marginPct"), 0)
		x.UnitCost = pr.optional(at(plUnitCost, "unitCost"), 0)
		x.FixedCost = pr.optional(at(plFixed, "fixedCost"), 0)
		x.Share = pr.readByProduct(p, sheetPlaces, plShare, row, path+".share")
	}
}

func (pr *planReader) readPromotions(p *planner.Plan) {
	p.Promotions = make([]planner.Promotion, pr.lay.promotions)
	for c := range p.Promotions {
		row, path := pr.lay.promotionRow(c), fmt.Sprintf("promotions[%d]", c)
		at := func(col int, field string) cell { return pr.at(sheetPromotion, col, row, path+"."+field) }
		x := &p.Promotions[c]
		x.ID = pr.text(at(pmID, "id"))
		x.Name = pr.text(at(pmName, "name"))
		x.Kind = pr.text(at(pmKind, "kind"))
		x.Spend = pr.optional(at(pmSpend, "spend"), 0)
		x.Min = pr.optional(at(pmMin, "min"), 0)
		x.Max = pr.maybeNumber(at(pmMax, "max"))
		x.Response.MaxUnits = pr.required(at(pmMaxUnits, "response.maxUnits"))
		x.Response.HalfSpend = pr.required(at(pmHalfSpend, "response.halfSpend"))
		x.Response.Shape = pr.optional(at(pmShape, "response.shape"), 1)
		x.Response.Carryover = pr.optional(at(pmCarryover, "response.carryover"), 0)
		x.MaxPerMonth = pr.maybeNumber(at(pmMaxPerMonth, "maxPerMonth"))
		if split := pr.readByProduct(p, sheetPromotion, pmSplit, row, path+".split"); len(split) > 0 {
			x.Split = split // an empty row is no split: the channel follows base volumes
		}
	}
}

// readByProduct reads a row of one number per product, from column col on
// (a place's shares, a channel's split), keyed by product id; blank cells
// are left out of the map.
func (pr *planReader) readByProduct(p *planner.Plan, sheet string, col, row int, path string) map[string]float64 {
	pr.cellOf[path] = quoteSheet(sheet) + "!" + localRange(col, row, col+pr.lay.products-1, row)
	byProduct := map[string]float64{}
	for i, product := range p.Products {
		if v, ok := pr.number(matrix(sheet, col+i, row, path+"."+product.ID)); ok {
			byProduct[product.ID] = v
		}
	}
	return byProduct
}

// readWeights reads the flighting, seasonality and responsiveness rows: an empty row is
// flat (nil); a row with weights needs one per month.
func (pr *planReader) readWeights(p *planner.Plan) {
	l := pr.lay
	read := func(row int, path string) []float64 {
		pr.cellOf[path] = quoteSheet(sheetMonths) + "!" + localRange(l.monthCol(0), row, l.lastMonthCol(), row)
		var w []float64
		var blanks []cell
		for t := 0; t < l.months; t++ {
			c := matrix(sheetMonths, l.monthCol(t), row, path+"["+strconv.Itoa(t)+"]")
			v, ok := pr.number(c)
			if !ok {
				blanks = append(blanks, c)
			}
			w = append(w, v)
		}
		if len(blanks) == l.months {
			return nil
		}
		for _, c := range blanks {
			if !pr.reported[c.path] {
				pr.problem(c, "must be a weight (0 or more); leave the whole row empty to spread evenly")
			}
		}
		return w
	}
	for c := range p.Promotions {
		p.Promotions[c].Flighting = read(l.flightRow(c), fmt.Sprintf("promotions[%d].flighting", c))
		p.Promotions[c].Responsiveness = read(l.channelRow(blockResponsiveness, c), fmt.Sprintf("promotions[%d].responsiveness", c))
	}
	for i := range p.Products {
		p.Products[i].Seasonality = read(l.seasonRow(i), fmt.Sprintf("products[%d].seasonality", i))
	}
}

func (pr *planReader) readScenarios(p *planner.Plan) {
	p.Scenarios = make([]planner.Scenario, pr.lay.scenarios)
	for j := range p.Scenarios {
		row, path := pr.lay.scenarioRow(j), fmt.Sprintf("scenarios[%d]", j)
		at := func(col int, field string) cell { return pr.at(sheetScenarios, col, row, path+"."+field) }
		x := &p.Scenarios[j]
		x.ID = pr.text(at(scID, "id"))
		x.Name = pr.text(at(scName, "name"))
		x.Volume = pr.optional(at(scVolume, "volume"), 1)
		x.UnitCost = pr.optional(at(scUnitCost, "unitCost"), 1)
		x.Response = pr.optional(at(scResponse, "response"), 1)
		x.Price = pr.optional(at(scPrice, "price"), 1)
	}
}

// checkShares checks that every product's shares add up to 100 %, naming
// the product's total cell under the share matrix.
func (pr *planReader) checkShares(p *planner.Plan) {
	for i, product := range p.Products {
		sum := 0.0
		for _, pl := range p.Places {
			sum += pl.Share[product.ID]
		}
		if math.Abs(sum-1) > 1e-6 {
			c := cell{sheetPlaces, plShare + i, pr.lay.placeTotalRow(), ""}
			pr.problem(c, "the shares of product %q over the places add up to %s, they must add up to 100%%",
				product.ID, numfmt.Percent(sum, numfmt.English, 4))
		}
	}
}

// addValidation gives each of the plan's problems its cell, skipping those
// already reported while reading and the share sums checkShares reports.
func (pr *planReader) addValidation(v *planner.ValidationError, plan *planner.Plan) {
	for _, prob := range v.Problems {
		if pr.reported[prob.Path] || prob.Path == "places" || strings.HasPrefix(prob.Path, "places[") && strings.HasSuffix(prob.Path, "].share") {
			continue
		}
		ref := pr.cellFor(prob.Path, plan)
		pr.problems = append(pr.problems, WorkbookProblem{Cell: ref, Path: prob.Path, Message: prob.Message})
	}
}

// matrixPath matches the paths of matrix cells: a share or split by product
// id, a month's weight by index.
var matrixPath = regexp.MustCompile(`^(places|promotions|products)\[(\d+)\]\.(share|split|seasonality|flighting|responsiveness)(?:\.(.+)|\[(\d+)\])$`)

// cellFor finds the cell of a JSON path, or of its nearest parent.
func (pr *planReader) cellFor(path string, p *planner.Plan) string {
	if m := matrixPath.FindStringSubmatch(path); m != nil {
		n, _ := strconv.Atoi(m[2])
		col, row, sheet := 0, 0, ""
		switch m[3] {
		case "share", "split":
			i := slices.IndexFunc(p.Products, func(x planner.Product) bool { return x.ID == m[4] })
			switch {
			case i < 0: // the row then
			case m[3] == "share":
				sheet, col, row = sheetPlaces, plShare+i, pr.lay.placeRow(n)
			default:
				sheet, col, row = sheetPromotion, pmSplit+i, pr.lay.promotionRow(n)
			}
		default:
			t, _ := strconv.Atoi(m[5])
			sheet, col, row = sheetMonths, pr.lay.monthCol(t), pr.lay.seasonRow(n)
			switch m[3] {
			case "flighting":
				row = pr.lay.flightRow(n)
			case "responsiveness":
				row = pr.lay.channelRow(blockResponsiveness, n)
			}
		}
		if sheet != "" {
			return cell{sheet, col, row, path}.ref()
		}
	}
	for p := path; p != ""; {
		if ref, ok := pr.cellOf[p]; ok {
			return ref
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return ""
}

// sortProblems orders the problems as a reader goes through the workbook:
// sheet by sheet, row by row.
func (pr *planReader) sortProblems() {
	order := map[string]int{}
	for i, s := range []string{sheetSummary, sheetProducts, sheetPlaces, sheetPromotion, sheetMonths, sheetScenarios} {
		order[quoteSheet(s)] = i + 1
	}
	key := func(p WorkbookProblem) (int, int, int) {
		sheet, at, _ := strings.Cut(p.Cell, "!")
		at, _, _ = strings.Cut(at, ":")
		col, row, _ := excelize.CellNameToCoordinates(at)
		return order[sheet], row, col
	}
	slices.SortStableFunc(pr.problems, func(a, b WorkbookProblem) int {
		sa, ra, ca := key(a)
		sb, rb, cb := key(b)
		if sa != sb {
			return sa - sb
		}
		if ra != rb {
			return ra - rb
		}
		return ca - cb
	})
}

// sanitizeXML is what a text becomes in a cell: the characters XML cannot
// carry turn into U+FFFD, as excelize writes them.
func sanitizeXML(s string) string {
	if xmlSafe(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if xmlSafe(string(r)) {
			b.WriteRune(r)
		} else {
			b.WriteRune('\uFFFD')
		}
	}
	return b.String()
}
