package planner

// flows are a plan's monthly quantities at given monthly spends: each
// channel's spend and lift per month and each product's lift per month,
// which the report, the latest estimate and the simulation sum up.
type flows struct {
	n         int
	spend     [][]float64 // [c][t] spend_ct
	lift      [][]float64 // [c][t] lift_ct, extra units at reference price
	liftTotal []float64   // [c] lift_c
	prodLift  []float64   // [p×n + t] liftUnits_pt
}

// productLift is liftUnits_pt of product i, month by month.
func (f *flows) productLift(i int) []float64 { return f.prodLift[i*f.n : (i+1)*f.n : (i+1)*f.n] }

// planSpends is every channel's spend_ct = f_ct × spend_c.
func (m *Model) planSpends() [][]float64 { return m.planSpendsInto(nil) }

// planSpendsInto writes the plan's spends into spends when it has the
// right shape (a buffer kept from another model of the same plan), else
// into new lists.
func (m *Model) planSpendsInto(spends [][]float64) [][]float64 {
	n := m.Plan.Months
	spends = grid(spends, len(m.Channels), n)
	for c := range m.Channels {
		m.Channels[c].MonthlySpend(m.Channels[c].Spend, spends[c])
	}
	return spends
}

// grid returns g when it is rows × cols, else a new rows × cols grid.
func grid(g [][]float64, rows, cols int) [][]float64 {
	if len(g) == rows && (rows == 0 || len(g[0]) == cols) {
		return g
	}
	buf := make([]float64, rows*cols)
	g = make([][]float64, rows)
	for r := range g {
		g[r] = buf[r*cols : (r+1)*cols : (r+1)*cols]
	}
	return g
}

// planFlows are the flows at the plan's spends.
func (m *Model) planFlows() *flows { return m.flowsAt(m.planSpends()) }

// planFlowsReusing computes the plan's flows into f's buffers (nil for new
// ones): the simulation evaluates thousands of models of one plan.
func (m *Model) planFlowsReusing(f *flows) *flows {
	if f == nil {
		return m.planFlows()
	}
	return m.flowsInto(f, m.planSpendsInto(f.spend))
}

// flowsAt computes the flows at the given monthly spends (one list of n per
// channel), which it keeps.
func (m *Model) flowsAt(spends [][]float64) *flows { return m.flowsInto(&flows{}, spends) }

// flowsInto computes the flows at the given spends into f, reusing its
// buffers where they have the right size.
func (m *Model) flowsInto(f *flows, spends [][]float64) *flows {
	n, nC := m.Plan.Months, len(m.Channels)
	f.n, f.spend = n, spends
	f.lift = grid(f.lift, nC, n)
	if len(f.liftTotal) != nC {
		f.liftTotal = make([]float64, nC)
	}
	if len(f.prodLift) != len(m.BaseUnits)*n {
		f.prodLift = make([]float64, len(m.BaseUnits)*n)
	} else {
		clear(f.prodLift)
	}
	var proportional []float64 // Σ lift_ct of the channels without a split
	for c := range m.Channels {
		ch := &m.Channels[c]
		lift := f.lift[c]
		f.liftTotal[c] = ch.MonthlyLift(spends[c], lift)
		if ch.Proportional {
			if proportional == nil {
				proportional = make([]float64, n)
			}
			for t, l := range lift {
				proportional[t] += l
			}
			continue
		}
		f.spread(m, ch.weights, lift)
	}
	if proportional != nil {
		f.spread(m, m.proportional.weights, proportional)
	}
	return f
}

// spread adds lift to the products by their weights: liftUnits_pt +=
// priceIndex_p × w_cp × lift_t.
func (f *flows) spread(m *Model, weights []productWeight, lift []float64) {
	for _, pw := range weights {
		coef := m.PriceIndex[pw.product] * pw.w
		row := f.productLift(pw.product)
		for t, l := range lift {
			row[t] += coef * l
		}
	}
}
