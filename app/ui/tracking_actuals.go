package ui

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// The actuals a Tracking grid edits (docs/model.md §2.3): one measure at a
// time (spend, measured lift, impressions… of the channels; units or net
// revenue of the products), months × entries, read from and written into
// planner.Actuals.
//
// Decisions where the contract is silent:
//   - The file keeps a measure per channel or product as a list of exactly
//     one number per closed month, or none (not recorded). Typing or pasting
//     one month of a measure not recorded yet records the other closed
//     months at the plan's own figure (spend and lift as planned, units and
//     net revenue as the plan spreads them over the months), so the latest
//     estimate does not move until a real figure is typed; the counts of the
//     funnel, which the plan has none of, start at 0.
//   - Closing one more month records it in every measure the same way;
//     opening a month back drops its figures, after the screen asks.

// actualsMeasure is one recorded list of a channel or a product.
type actualsMeasure struct {
	key   string // the file's name: "spend", "liftUnits"…
	money bool   // an amount in the plan's currency, else a count
	// get returns the entry's list (nil when not recorded); set writes it.
	get func(a *planner.Actuals, id string) []float64
	set func(a *planner.Actuals, id string, x []float64)
	// planned is the plan's own figure for entry i in month t, the value
	// of a month not recorded.
	planned func(p *planner.Plan, r *planner.Report, i, t int) float64
}

// label names the measure in the user's language.
func (m *actualsMeasure) label() string {
	switch m.key {
	case "spend":
		return lang.L("Spend")
	case "liftUnits":
		return lang.L("Measured lift (units)")
	case "impressions":
		return lang.L("Impressions")
	case "clicks":
		return lang.L("Clicks")
	case "conversions":
		return lang.L("Conversions")
	case "units":
		return lang.L("Units sold")
	case "netRevenue":
		return lang.L("Net revenue")
	}
	return m.key
}

func promotionActual(field func(pa *planner.PromotionActuals) *[]float64) (
	func(a *planner.Actuals, id string) []float64, func(a *planner.Actuals, id string, x []float64)) {
	get := func(a *planner.Actuals, id string) []float64 {
		pa := a.Promotions[id]
		return *field(&pa)
	}
	set := func(a *planner.Actuals, id string, x []float64) {
		if a.Promotions == nil {
			a.Promotions = map[string]planner.PromotionActuals{}
		}
		pa := a.Promotions[id]
		*field(&pa) = x
		a.Promotions[id] = pa
	}
	return get, set
}

func productActual(field func(pa *planner.ProductActuals) *[]float64) (
	func(a *planner.Actuals, id string) []float64, func(a *planner.Actuals, id string, x []float64)) {
	get := func(a *planner.Actuals, id string) []float64 {
		pa := a.Products[id]
		return *field(&pa)
	}
	set := func(a *planner.Actuals, id string, x []float64) {
		if a.Products == nil {
			a.Products = map[string]planner.ProductActuals{}
		}
		pa := a.Products[id]
		*field(&pa) = x
		a.Products[id] = pa
	}
	return get, set
}

func promotionMeasure(key string, money bool, field func(pa *planner.PromotionActuals) *[]float64,
	planned func(p *planner.Plan, r *planner.Report, i, t int) float64) actualsMeasure {
	get, set := promotionActual(field)
	return actualsMeasure{key: key, money: money, get: get, set: set, planned: planned}
}

func productMeasure(key string, money bool, field func(pa *planner.ProductActuals) *[]float64,
	planned func(p *planner.Plan, r *planner.Report, i, t int) float64) actualsMeasure {
	get, set := productActual(field)
	return actualsMeasure{key: key, money: money, get: get, set: set, planned: planned}
}

// promotionMonthly returns a channel's planned figure of month t from the report.
func promotionMonthly(of func(pr *planner.PromotionResult) []float64) func(*planner.Plan, *planner.Report, int, int) float64 {
	return func(_ *planner.Plan, r *planner.Report, i, t int) float64 {
		if i < len(r.Promotions) {
			if x := of(&r.Promotions[i]); t < len(x) {
				return x[t]
			}
		}
		return 0
	}
}

// productMonthlyUnits spreads a product's planned units over the months by its seasonality.
func productMonthlyUnits(p *planner.Plan, r *planner.Report, i, t int) float64 {
	if i >= len(r.Products) || i >= len(p.Products) {
		return 0
	}
	return r.Products[i].Units * planner.MonthShare(p.Products[i].Seasonality, p.Months, t)
}

func zeroPlanned(*planner.Plan, *planner.Report, int, int) float64 { return 0 }

// channelMeasures are the measures of the channels grid, in the order offered.
func channelMeasures() []actualsMeasure {
	return []actualsMeasure{
		promotionMeasure("spend", true, func(pa *planner.PromotionActuals) *[]float64 { return &pa.Spend },
			promotionMonthly(func(pr *planner.PromotionResult) []float64 { return pr.MonthlySpend })),
		promotionMeasure("liftUnits", false, func(pa *planner.PromotionActuals) *[]float64 { return &pa.LiftUnits },
			promotionMonthly(func(pr *planner.PromotionResult) []float64 { return pr.MonthlyLiftUnits })),
		promotionMeasure("impressions", false, func(pa *planner.PromotionActuals) *[]float64 { return &pa.Impressions }, zeroPlanned),
		promotionMeasure("clicks", false, func(pa *planner.PromotionActuals) *[]float64 { return &pa.Clicks }, zeroPlanned),
		promotionMeasure("conversions", false, func(pa *planner.PromotionActuals) *[]float64 { return &pa.Conversions }, zeroPlanned),
	}
}

// productMeasures are the measures of the products grid.
func productMeasures() []actualsMeasure {
	return []actualsMeasure{
		productMeasure("units", false, func(pa *planner.ProductActuals) *[]float64 { return &pa.Units }, productMonthlyUnits),
		productMeasure("netRevenue", true, func(pa *planner.ProductActuals) *[]float64 { return &pa.NetRevenue },
			func(p *planner.Plan, r *planner.Report, i, t int) float64 {
				if i >= len(r.Products) {
					return 0
				}
				return productMonthlyUnits(p, r, i, t) * r.Products[i].NetPrice
			}),
	}
}

// promotionIDsOf and productIDsOf are the ids of the channels or the products a grid shows.
func promotionIDsOf(p *planner.Plan) []string {
	ids := make([]string, len(p.Promotions))
	for i, pm := range p.Promotions {
		ids[i] = pm.ID
	}
	return ids
}

func productIDsOf(p *planner.Plan) []string {
	ids := make([]string, len(p.Products))
	for i, pr := range p.Products {
		ids[i] = pr.ID
	}
	return ids
}

// through is the number of closed months of p.
func through(p *planner.Plan) int {
	if p.Actuals == nil {
		return 0
	}
	return p.Actuals.Through
}

// actualAt returns entry i's recorded figure in closed month t, and false
// with the plan's figure when the measure is not recorded.
func actualAt(p *planner.Plan, r *planner.Report, m *actualsMeasure, ids []string, i, t int) (float64, bool) {
	if p.Actuals != nil && i < len(ids) {
		if x := m.get(p.Actuals, ids[i]); t < len(x) {
			return x[t], true
		}
	}
	return m.planned(p, r, i, t), false
}

// setActuals writes values into the plan's actuals from closed month t0 and
// entry i0 on: values[k][j] goes to month t0+k of entry i0+j. A measure not
// recorded yet is first recorded at the plan's figures (see above). It runs
// inside Env.Edit: r is the report of the plan before the change.
func setActuals(p *planner.Plan, r *planner.Report, m *actualsMeasure, ids []string, t0, i0 int, values [][]float64) {
	if p.Actuals == nil {
		return
	}
	a := p.Actuals
	for j := range ids[i0:] {
		i := i0 + j
		var touched bool
		for k := range values {
			if j < len(values[k]) && t0+k < a.Through {
				touched = true
			}
		}
		if !touched {
			continue
		}
		x := slices.Clone(m.get(a, ids[i]))
		if len(x) != a.Through {
			x = make([]float64, a.Through)
			for t := range x {
				x[t] = m.planned(p, r, i, t)
			}
		}
		for k := range values {
			if j < len(values[k]) && t0+k < a.Through {
				x[t0+k] = values[k][j]
			}
		}
		m.set(a, ids[i], x)
	}
}

// setThrough closes months 1…t of p: lists of months now open lose their
// figures, months newly closed are recorded at the plan's figures in every
// measure already recorded (r is the report before the change).
func setThrough(p *planner.Plan, r *planner.Report, t int) {
	if p.Actuals == nil {
		p.Actuals = &planner.Actuals{Credibility: planner.DefaultCredibility}
	}
	a := p.Actuals
	resize := func(measures []actualsMeasure, ids []string) {
		for mi := range measures {
			m := &measures[mi]
			for i, id := range ids {
				x := m.get(a, id)
				if x == nil {
					continue
				}
				y := make([]float64, t)
				for k := range y {
					if k < len(x) {
						y[k] = x[k]
					} else {
						y[k] = m.planned(p, r, i, k)
					}
				}
				if t == 0 {
					y = nil
				}
				m.set(a, id, y)
			}
		}
	}
	resize(channelMeasures(), promotionIDsOf(p))
	resize(productMeasures(), productIDsOf(p))
	a.Through = t
}

// recordedBeyond reports whether p records any figure for a month after t,
// which closing only t months would drop.
func recordedBeyond(p *planner.Plan, t int) bool {
	if p.Actuals == nil || t >= p.Actuals.Through {
		return false
	}
	for _, pa := range p.Actuals.Promotions {
		for _, x := range [][]float64{pa.Spend, pa.LiftUnits, pa.Impressions, pa.Clicks, pa.Conversions} {
			if x != nil {
				return true
			}
		}
	}
	for _, pa := range p.Actuals.Products {
		if pa.Units != nil || pa.NetRevenue != nil {
			return true
		}
	}
	return false
}

// pasteError names the cell of a pasted block that is not a number.
type pasteError struct {
	row, col int // 1-based, as a spreadsheet counts
	text     string
}

func (e *pasteError) Error() string {
	return lang.L("Row {{.Row}}, column {{.Col}} of what you pasted is not a number: “{{.Text}}”",
		map[string]any{"Row": e.row, "Col": e.col, "Text": e.text})
}

// parseBlock reads a block copied from a spreadsheet: rows separated by
// line breaks, cells by tabs (or by semicolons when no tab is present, as
// some CSV copies come), numbers in the plan's locale with any currency
// sign. An empty cell is refused rather than read as 0, and every row must
// hold as many cells as the first: what was pasted and what is written
// must be the same figures. Negative numbers are refused by the plan's rule
// when written.
func parseBlock(text string, l numfmt.Locale) ([][]float64, error) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.TrimRight(text, "\n")
	if strings.TrimSpace(text) == "" {
		return nil, errors.New(lang.L("There is nothing to paste: copy cells in a spreadsheet first."))
	}
	sep := "\t"
	if !strings.Contains(text, "\t") && strings.Contains(text, ";") {
		sep = ";"
	}
	lines := strings.Split(text, "\n")
	out := make([][]float64, len(lines))
	for k, line := range lines {
		cells := strings.Split(line, sep)
		if k > 0 && len(cells) != len(out[0]) {
			return nil, errors.New(lang.L("Row {{.Row}} of what you pasted has {{.N}} cells, the first row {{.First}}",
				map[string]any{"Row": k + 1, "N": len(cells), "First": len(out[0])}))
		}
		out[k] = make([]float64, len(cells))
		for j, c := range cells {
			x, err := numfmt.Parse(strings.Trim(c, "\" \u00a0"), l)
			if err != nil {
				return nil, &pasteError{row: k + 1, col: j + 1, text: c}
			}
			out[k][j] = x
		}
	}
	return out, nil
}
