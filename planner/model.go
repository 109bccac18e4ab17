package planner

import (
	"math"
	"slices"
)

// Model is a plan compiled under one scenario: the scenario's factors applied
// and every per-unit figure of docs/model.md section 2 computed into dense
// slices in the plan's order. Evaluate and the solvers start from it. A Model
// is read-only once built.
type Model struct {
	Plan     *Plan
	Scenario Scenario

	// Per product, in the plan's order.
	NetPrice         []float64 // listPrice × price factor × (1 − discountPct)
	PriceIndex       []float64 // (netPrice / referencePrice) ^ elasticity
	BaseUnits        []float64
	UnitCost         []float64 // cost of goods, scenario applied
	UnitContribution []float64
	netFactor        []float64 // Σ_k share_k × (1 − marginPct_k): net revenue per unit of gross sales
	logisticsPerUnit []float64 // Σ_k share_k × unitCost_k

	share [][]float64 // [place][product]

	// Channels holds one entry per promotion, in the plan's order.
	Channels []Channel
	// Groups holds the plan's channel groups, in the plan's order.
	Groups []ChannelGroup

	PlaceFixed float64
	Launch     float64

	proportional *Channel  // the shared weights of channels without a split
	season       []float64 // [p×n + t] season_pt, each product's seasonality normalised
}

// Channel is a promotion channel compiled under a scenario: its monthly
// response (docs/model.md §2.1), its bounds and the constants that turn
// extra units into money. With prices fixed these are constants, which makes
// the budget problem a sum of one function per channel.
//
// Month t of the horizon (n months) answers the advertising pressure x_t it
// feels with ρ_t × (MaxUnits/n) × x^k / (x^k + (Half/n)^k); the pressure is
// x_t = λ x_{t−1} + (1 − λ) spend_t, λ = Carryover. With the plan's
// flighting, spend_t = Flighting[t] × spend, so x_t = Pressure[t] × spend.
type Channel struct {
	ID          string
	Spend       float64 // spend_c over the horizon
	Min, Max    float64 // Max is +Inf when the channel has no upper bound
	MaxPerMonth float64 // the most the optimiser may spend in one month; +Inf when uncapped
	MaxUnits    float64 // saturation over the horizon, the scenario's response factor applied
	Half        float64 // halfSpend over the horizon
	Shape       float64 // Hill exponent k
	Carryover   float64 // λ: share of a month's pressure still felt the next month
	// Flighting is f_t, the share of spend_c spent in month t (sums to 1).
	Flighting []float64
	// Responsiveness is ρ_t, how strongly the audience answers in month t (mean 1).
	Responsiveness []float64
	// Pressure is a_t = (1 − λ) Σ_{u ≤ t} λ^(t−u) f_u: the pressure month t
	// feels per unit of spend_c under the channel's flighting.
	Pressure []float64
	// Value is v_c: contribution per unit of lift.
	Value float64
	// UnitsPerLift is upl_c = Σ_p w_cp × priceIndex_p: units sold per unit of lift.
	UnitsPerLift float64
	// RevenuePerLift is rv_c = Σ_p w_cp × priceIndex_p × nr_p: net revenue per unit of lift.
	RevenuePerLift float64
	// CustomersPerLift is Σ_p w_cp × priceIndex_p / unitsPerCustomer_p.
	CustomersPerLift float64
	// Proportional is true when the channel has no split: its lift follows base units.
	Proportional bool
	weights      []productWeight
}

type productWeight struct {
	product int
	w       float64 // normalised split weight w_cp
}

// Compile applies a scenario ("" or "base" for the plan as written) and
// computes the per-unit figures. It assumes a valid plan (see Validate); it
// does not panic on an invalid one but its figures are then meaningless.
func Compile(p *Plan, scenarioID string) (*Model, error) {
	return compileWith(p, scenarioID, newLayout(p))
}

// layout is what a plan's structure fixes and its figures do not: where each
// product is, which places sell it and at what share, its seasonality, each
// channel's split. The simulation compiles thousands of variants of one
// plan that differ only in figures, and builds the layout once.
type layout struct {
	pos    map[string]int
	share  [][]float64       // [place][product] share_k[p]
	sells  [][]productWeight // per place: the products it sells and their shares, by product
	season []float64         // [p×n + t] season_pt
	split  [][]productWeight // per promotion: its normalised split, nil without one
}

func newLayout(p *Plan) *layout {
	nP := len(p.Products)
	l := &layout{pos: make(map[string]int, nP), share: make([][]float64, len(p.Places)),
		sells: make([][]productWeight, len(p.Places)), split: make([][]productWeight, len(p.Promotions))}
	for i := range p.Products {
		l.pos[p.Products[i].ID] = i
	}
	shareBuf := make([]float64, len(p.Places)*nP)
	for k := range p.Places {
		row := shareBuf[k*nP : (k+1)*nP : (k+1)*nP]
		l.share[k] = row
		for id, x := range p.Places[k].Share {
			if i, ok := l.pos[id]; ok {
				row[i] = x
				l.sells[k] = append(l.sells[k], productWeight{i, x})
			}
		}
		sortWeights(l.sells[k])
	}
	l.season = seasons(p)
	for c := range p.Promotions {
		split := p.Promotions[c].Split
		if split == nil {
			continue
		}
		weights := []productWeight{}
		for id, w := range split {
			if i, ok := l.pos[id]; ok && w > 0 {
				weights = append(weights, productWeight{i, w})
			}
		}
		sortWeights(weights)
		sum := 0.0
		for _, pw := range weights {
			sum += pw.w
		}
		for j := range weights {
			weights[j].w /= sum
		}
		l.split[c] = weights
	}
	return l
}

// sortWeights orders weights by product: map order is random, and sums must
// be the same on every run.
func sortWeights(w []productWeight) {
	slices.SortFunc(w, func(a, b productWeight) int { return a.product - b.product })
}

// compileWith compiles p under a scenario with p's layout.
func compileWith(p *Plan, scenarioID string, l *layout) (*Model, error) {
	sc, ok := p.ScenarioByID(scenarioID)
	if !ok {
		return nil, noScenario(scenarioID)
	}
	nP := len(p.Products)
	m := &Model{Plan: p, Scenario: sc, share: l.share, season: l.season}
	buf := make([]float64, 7*nP)
	slice := func(i int) []float64 { return buf[i*nP : (i+1)*nP : (i+1)*nP] }
	m.NetPrice, m.PriceIndex, m.BaseUnits, m.UnitCost = slice(0), slice(1), slice(2), slice(3)
	m.UnitContribution, m.netFactor, m.logisticsPerUnit = slice(4), slice(5), slice(6)

	for i := range p.Products {
		pr := &p.Products[i]
		m.NetPrice[i] = pr.ListPrice * sc.Price * (1 - pr.DiscountPct)
		m.PriceIndex[i] = 1
		if pr.Elasticity != 0 {
			m.PriceIndex[i] = math.Pow(m.NetPrice[i]/pr.ReferencePrice, pr.Elasticity)
		}
		m.BaseUnits[i] = pr.BaseVolume * sc.Volume * m.PriceIndex[i]
		m.UnitCost[i] = pr.UnitCost * sc.UnitCost
		m.Launch += pr.LaunchCost
	}
	for k := range p.Places {
		pl := &p.Places[k]
		m.PlaceFixed += pl.FixedCost
		for _, s := range l.sells[k] {
			m.netFactor[s.product] += s.w * (1 - pl.MarginPct)
			m.logisticsPerUnit[s.product] += s.w * pl.UnitCost
		}
	}
	// unitContribution_p = nr_p − unitCost_p − lc_p (docs/model.md §2.2).
	for i := range p.Products {
		m.UnitContribution[i] = m.NetPrice[i]*m.netFactor[i] - m.UnitCost[i] - m.logisticsPerUnit[i]
	}

	m.Channels = make([]Channel, len(p.Promotions))
	n := max(p.Months, 0)
	months := make([]float64, 3*n*len(p.Promotions)) // every channel's monthly lists, in one allocation
	for c := range p.Promotions {
		m.Channels[c] = m.compileChannel(&p.Promotions[c], l.split[c], months[3*n*c:3*n*(c+1):3*n*(c+1)])
	}
	m.compileGroups()
	return m, nil
}

// compileChannel compiles one promotion; split is its normalised split,
// nil when its lift follows base units; months holds its monthly lists.
func (m *Model) compileChannel(pm *Promotion, split []productWeight, months []float64) Channel {
	ch := Channel{
		ID: pm.ID, Spend: pm.Spend, Min: pm.Min, Max: math.Inf(1), MaxPerMonth: math.Inf(1),
		MaxUnits: pm.Response.MaxUnits * m.Scenario.Response,
		Half:     pm.Response.HalfSpend, Shape: pm.Response.Shape, Carryover: pm.Response.Carryover,
	}
	if pm.Max != nil {
		ch.Max = *pm.Max
	}
	if pm.MaxPerMonth != nil {
		ch.MaxPerMonth = *pm.MaxPerMonth
	}
	ch.setMonthsIn(months, m.Plan.Months, pm.Flighting, pm.Responsiveness)
	if pm.Split != nil {
		ch.weights = split
		ch.setConstants(m)
		return ch
	}
	// Every channel without a split shares one weight list and its constants:
	// computed once, they cost nothing per channel however many products.
	if m.proportional == nil {
		m.proportional = &Channel{weights: proportionalWeights(m.BaseUnits)}
		m.proportional.setConstants(m)
	}
	ch.Proportional = true
	ch.weights = m.proportional.weights
	ch.Value, ch.UnitsPerLift, ch.CustomersPerLift = m.proportional.Value, m.proportional.UnitsPerLift, m.proportional.CustomersPerLift
	ch.RevenuePerLift = m.proportional.RevenuePerLift
	return ch
}

// proportionalWeights splits lift in proportion to base units, equally when they are all 0.
func proportionalWeights(baseUnits []float64) []productWeight {
	sum := 0.0
	for _, b := range baseUnits {
		sum += b
	}
	n := len(baseUnits)
	weights := make([]productWeight, 0, n)
	for i, b := range baseUnits {
		w := 1 / float64(n)
		if sum > 0 {
			w = b / sum
		}
		if w > 0 {
			weights = append(weights, productWeight{i, w})
		}
	}
	return weights
}

// setConstants computes v_c, rv_c and the units and customers per unit of lift.
func (ch *Channel) setConstants(m *Model) {
	for _, pw := range ch.weights {
		pi := m.PriceIndex[pw.product]
		ch.Value += pw.w * pi * m.UnitContribution[pw.product]
		ch.UnitsPerLift += pw.w * pi
		ch.RevenuePerLift += pw.w * pi * m.NetRevenuePerUnit(pw.product)
		ch.CustomersPerLift += pw.w * pi / m.Plan.Products[pw.product].UnitsPerCustomer
	}
}

// NetRevenuePerUnit is nr_p: what the company books per unit of product i,
// after the places' margins.
func (m *Model) NetRevenuePerUnit(i int) float64 { return m.NetPrice[i] * m.netFactor[i] }

// LogisticsPerUnit is lc_p: the places' logistics cost per unit of product i.
func (m *Model) LogisticsPerUnit(i int) float64 { return m.logisticsPerUnit[i] }

// Months is the plan's horizon n.
func (m *Model) Months() int { return m.Plan.Months }
