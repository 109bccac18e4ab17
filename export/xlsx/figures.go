package xlsx

import (
	"mixplan/planner"
)

// bookFigures are the values the workbook's formulas compute, worked out here so
// the export can store them as the formulas' cached values: a previewer that
// never recalculates then shows the engine's numbers. The report's figures
// come straight from the engine; the intermediate ones (net share kept after
// channel margins, extra units per split weight…) follow the formulas of the
// workbook, which the tests check against LibreOffice's recalculation.
type bookFigures struct {
	m *planner.Model
	r *planner.Report

	// Per product.
	sharePlaced []float64 // Σ_k share_k
	kept        []float64 // Σ_k share_k × (1 − marginPct_k)
	logPerUnit  []float64 // Σ_k share_k × unitCost_k
	splitLift   []float64 // Σ_c lift_c × split_cp / Σ_p split_cp over channels with a split
	seasonScale []float64 // 1 / Σ_t seasonality, 0 when flat

	// Per promotion channel.
	splitTotal    []float64 // Σ_p split_cp, 0 without a split
	lift          []float64 // H_c(spend_c)
	liftPerWeight []float64 // lift_c / splitTotal_c, 0 without a split
	flightScale   []float64 // 1 / Σ_t flighting, 0 when flat
	respScale     []float64 // n / Σ_t responsiveness, 0 when flat

	// logisticsPerLift is Σ_p w_cp × priceIndex_p × lc_p: logistics per unit of lift_c.
	logisticsPerLift []float64
	// The channels' months, [c][t], as the Months sheet's blocks compute them.
	monthSpend, pressure, perSpend, monthLift, marginalLift [][]float64

	// Channels without a split follow base units.
	propLift      float64 // Σ lift_c over them
	propValue     float64 // contribution per extra unit
	propUnits     float64 // units sold per extra unit
	propRevenue   float64 // net revenue per extra unit
	propLogistics float64 // logistics per extra unit
	baseTotal     float64 // Σ_p baseUnits_p

	paidBack []float64 // per month: 1 when cumulative contribution stays ≥ 0 from there on
}

// newFigures works out the figures of the scenario shown from its compiled
// model and its report, as allScenarios made them.
func newFigures(sf scenarioFigures) *bookFigures {
	m, p := sf.m, sf.m.Plan
	fg := &bookFigures{m: m, r: sf.r}
	nP := len(p.Products)
	fg.sharePlaced, fg.kept, fg.logPerUnit = make([]float64, nP), make([]float64, nP), make([]float64, nP)
	fg.splitLift, fg.seasonScale = make([]float64, nP), make([]float64, nP)
	pos := make(map[string]int, nP)
	for i, pr := range p.Products {
		pos[pr.ID] = i
		fg.seasonScale[i] = weightScale(pr.Seasonality)
		fg.baseTotal += m.BaseUnits[i]
	}
	// Sums run in the workbook's order (places down, products across), never
	// in a map's: the cached values are then LibreOffice's to the last bit and
	// the workbook the same byte for byte from one export to the next.
	for _, pl := range p.Places {
		for i, pr := range p.Products {
			x, ok := pl.Share[pr.ID]
			if !ok {
				continue
			}
			fg.sharePlaced[i] += x
			fg.kept[i] += x * (1 - pl.MarginPct)
			fg.logPerUnit[i] += x * pl.UnitCost
		}
	}
	nC := len(p.Promotions)
	fg.splitTotal, fg.lift, fg.liftPerWeight, fg.flightScale = make([]float64, nC), make([]float64, nC), make([]float64, nC), make([]float64, nC)
	fg.respScale, fg.logisticsPerLift = make([]float64, nC), make([]float64, nC)
	fg.monthSpend, fg.pressure, fg.perSpend = make([][]float64, nC), make([][]float64, nC), make([][]float64, nC)
	fg.monthLift, fg.marginalLift = make([][]float64, nC), make([][]float64, nC)
	for c, pm := range p.Promotions {
		fg.flightScale[c] = weightScale(pm.Flighting)
		fg.respScale[c] = float64(p.Months) * weightScale(pm.Responsiveness)
		fg.channelMonths(c, pm)
		fg.lift[c] = sum(fg.monthLift[c])
		for _, pr := range p.Products {
			fg.splitTotal[c] += pm.Split[pr.ID]
		}
		if fg.splitTotal[c] <= 0 {
			fg.propLift += fg.lift[c]
			continue
		}
		fg.liftPerWeight[c] = fg.lift[c] / fg.splitTotal[c]
		for i, pr := range p.Products {
			if w, ok := pm.Split[pr.ID]; ok {
				fg.splitLift[i] += w * fg.liftPerWeight[c]
			}
		}
	}
	fg.propValue, fg.propUnits = proportionalConstants(m, fg.baseTotal, func(i int) float64 { return m.UnitContribution[i] })
	fg.propRevenue, _ = proportionalConstants(m, fg.baseTotal, m.NetRevenuePerUnit)
	fg.propLogistics, _ = proportionalConstants(m, fg.baseTotal, m.LogisticsPerUnit)
	for c, pm := range p.Promotions {
		fg.logisticsPerLift[c] = fg.propLogistics
		if fg.splitTotal[c] > 0 {
			fg.logisticsPerLift[c] = 0
			for i, pr := range p.Products {
				fg.logisticsPerLift[c] += pm.Split[pr.ID] * m.PriceIndex[i] * m.LogisticsPerUnit(i)
			}
			fg.logisticsPerLift[c] /= fg.splitTotal[c]
		}
	}
	fg.paidBack = paidBack(len(fg.r.Monthly), fg.r.Totals.PaybackMonth)
	return fg
}

// proportionalConstants are the money (perUnit of each product: its
// contribution, net revenue or logistics per unit) and the units sold per
// extra unit of a channel whose lift follows base units (equally when they
// are all 0).
func proportionalConstants(m *planner.Model, baseTotal float64, perUnit func(i int) float64) (value, units float64) {
	n := len(m.PriceIndex)
	if n == 0 {
		return 0, 0
	}
	for i, pi := range m.PriceIndex {
		w := m.BaseUnits[i]
		if baseTotal <= 0 {
			w = 1
		}
		value += w * pi * perUnit(i)
		units += w * pi
	}
	if baseTotal > 0 {
		return value / baseTotal, units / baseTotal
	}
	return value / float64(n), units / float64(n)
}

// weightScale is 1 / Σ w, or 0 for flat (absent, or weights that add up to 0,
// which the engine also spreads evenly).
func weightScale(w []float64) float64 {
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	if sum > 0 {
		return 1 / sum
	}
	return 0
}

// paidBack flags the months from which cumulative contribution stays ≥ 0:
// those from the engine's payback month on (none when it is n/a).
func paidBack(months int, payback planner.Maybe) []float64 {
	flags := make([]float64, months)
	for t := range flags {
		if payback.Valid && float64(t+1) >= payback.Value {
			flags[t] = 1
		}
	}
	return flags
}

// scenarioFigures is the engine's view of the base plan and of every
// scenario, for the Scenarios sheet.
type scenarioFigures struct {
	sc planner.Scenario
	m  *planner.Model
	r  *planner.Report
}

func allScenarios(p *planner.Plan) ([]scenarioFigures, error) {
	ids := p.ScenarioIDs()
	out := make([]scenarioFigures, len(ids))
	for j, id := range ids {
		m, err := planner.Compile(p, id)
		if err != nil {
			return nil, err
		}
		out[j] = scenarioFigures{sc: m.Scenario, m: m, r: m.Report()}
	}
	return out, nil
}

// cached is a cached value for an undefined-or-not figure.
func cached(v planner.Maybe) any {
	if !v.Valid {
		return notAvailable
	}
	return v.Value
}

// notAvailable is what the workbook shows for a ratio that is undefined
// (ROMI without promotion spend, CAC without new customers…).
const notAvailable = planner.NA
