package planner

import (
	"math"
	"sort"
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

	PlaceFixed float64
	Launch     float64

	proportional *Channel // the shared weights of channels without a split
}

// Channel is a promotion channel compiled under a scenario: its response curve,
// its bounds and the constants that turn extra units into money. With prices
// fixed these are constants, which makes the budget problem separable.
type Channel struct {
	ID       string
	Spend    float64
	Min, Max float64 // Max is +Inf when the channel has no upper bound
	MaxUnits float64 // scenario's response factor applied
	Half     float64
	Shape    float64
	// Value is v_c: contribution per unit of lift.
	Value float64
	// UnitsPerLift is Σ_p w_cp × priceIndex_p: units sold per unit of lift.
	UnitsPerLift float64
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

// Lift is H_c(s): the extra units at reference price that spend s brings.
func (c *Channel) Lift(s float64) float64 {
	if s <= 0 || c.MaxUnits == 0 {
		return 0
	}
	if c.Shape == 1 {
		return c.MaxUnits * s / (s + c.Half)
	}
	// s^k / (s^k + h^k) = 1 / (1 + (h/s)^k), stable for large k.
	return c.MaxUnits / (1 + math.Pow(c.Half/s, c.Shape))
}

// Slope is H_c'(s), +Inf at s = 0 when the shape is below 1.
func (c *Channel) Slope(s float64) float64 {
	if c.MaxUnits == 0 {
		return 0
	}
	k, h := c.Shape, c.Half
	if s <= 0 {
		switch {
		case k < 1:
			return math.Inf(1)
		case k == 1:
			return c.MaxUnits / h
		default:
			return 0
		}
	}
	// d/ds [M / (1 + (h/s)^k)] = M k (h/s)^k / (s (1 + (h/s)^k)^2)
	r := math.Pow(h/s, k)
	return c.MaxUnits * k * r / (s * (1 + r) * (1 + r))
}

// Contribution is v_c × H_c(s) − s: what spend s adds to the plan's contribution.
func (c *Channel) Contribution(s float64) float64 { return c.Value*c.Lift(s) - s }

// Compile applies a scenario ("" or "base" for the plan as written) and
// computes the per-unit figures. It assumes a valid plan (see Validate); it
// does not panic on an invalid one but its figures are then meaningless.
func Compile(p *Plan, scenarioID string) (*Model, error) {
	sc, ok := p.ScenarioByID(scenarioID)
	if !ok {
		return nil, noScenario(scenarioID)
	}
	nP := len(p.Products)
	m := &Model{Plan: p, Scenario: sc}
	buf := make([]float64, 7*nP)
	slice := func(i int) []float64 { return buf[i*nP : (i+1)*nP : (i+1)*nP] }
	m.NetPrice, m.PriceIndex, m.BaseUnits, m.UnitCost = slice(0), slice(1), slice(2), slice(3)
	m.UnitContribution, m.netFactor, m.logisticsPerUnit = slice(4), slice(5), slice(6)

	pos := make(map[string]int, nP)
	for i := range p.Products {
		pr := &p.Products[i]
		pos[pr.ID] = i
		m.NetPrice[i] = pr.ListPrice * sc.Price * (1 - pr.DiscountPct)
		m.PriceIndex[i] = 1
		if pr.Elasticity != 0 {
			m.PriceIndex[i] = math.Pow(m.NetPrice[i]/pr.ReferencePrice, pr.Elasticity)
		}
		m.BaseUnits[i] = pr.BaseVolume * sc.Volume * m.PriceIndex[i]
		m.UnitCost[i] = pr.UnitCost * sc.UnitCost
		m.Launch += pr.LaunchCost
	}

	m.share = make([][]float64, len(p.Places))
	shareBuf := make([]float64, len(p.Places)*nP)
	for k := range p.Places {
		pl := &p.Places[k]
		m.PlaceFixed += pl.FixedCost
		row := shareBuf[k*nP : (k+1)*nP : (k+1)*nP]
		m.share[k] = row
		for id, x := range pl.Share {
			i, ok := pos[id]
			if !ok {
				continue
			}
			row[i] = x
			m.netFactor[i] += x * (1 - pl.MarginPct)
			m.logisticsPerUnit[i] += x * pl.UnitCost
			m.UnitContribution[i] += x * (m.NetPrice[i]*(1-pl.MarginPct) - m.UnitCost[i] - pl.UnitCost)
		}
	}

	m.Channels = make([]Channel, len(p.Promotions))
	for c := range p.Promotions {
		m.Channels[c] = m.compileChannel(&p.Promotions[c], pos)
	}
	return m, nil
}

func (m *Model) compileChannel(pm *Promotion, pos map[string]int) Channel {
	ch := Channel{
		ID: pm.ID, Spend: pm.Spend, Min: pm.Min, Max: math.Inf(1),
		MaxUnits: pm.Response.MaxUnits * m.Scenario.Response,
		Half:     pm.Response.HalfSpend, Shape: pm.Response.Shape,
	}
	if pm.Max != nil {
		ch.Max = *pm.Max
	}
	if pm.Split != nil {
		for id, w := range pm.Split {
			if i, ok := pos[id]; ok && w > 0 {
				ch.weights = append(ch.weights, productWeight{i, w})
			}
		}
		// Map order is random: sort so that sums are the same on every run.
		sort.Slice(ch.weights, func(a, b int) bool { return ch.weights[a].product < ch.weights[b].product })
		sum := 0.0
		for _, pw := range ch.weights {
			sum += pw.w
		}
		for j := range ch.weights {
			ch.weights[j].w /= sum
		}
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

// setConstants computes v_c and the units and customers per unit of lift.
func (ch *Channel) setConstants(m *Model) {
	for _, pw := range ch.weights {
		pi := m.PriceIndex[pw.product]
		ch.Value += pw.w * pi * m.UnitContribution[pw.product]
		ch.UnitsPerLift += pw.w * pi
		ch.CustomersPerLift += pw.w * pi / m.Plan.Products[pw.product].UnitsPerCustomer
	}
}
