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
func (m *Model) planSpends() [][]float64 {
	n := m.Plan.Months
	buf := make([]float64, len(m.Channels)*n)
	spends := make([][]float64, len(m.Channels))
	for c := range m.Channels {
		spends[c] = m.Channels[c].MonthlySpend(m.Channels[c].Spend, buf[c*n:(c+1)*n:(c+1)*n])
	}
	return spends
}

// planFlows are the flows at the plan's spends.
func (m *Model) planFlows() *flows { return m.flowsAt(m.planSpends()) }

// flowsAt computes the flows at the given monthly spends (one list of n per
// channel), which it keeps.
func (m *Model) flowsAt(spends [][]float64) *flows {
	n, nC := m.Plan.Months, len(m.Channels)
	f := &flows{
		n: n, spend: spends, lift: make([][]float64, nC), liftTotal: make([]float64, nC),
		prodLift: make([]float64, len(m.BaseUnits)*n),
	}
	liftBuf := make([]float64, nC*n)
	var proportional []float64 // Σ lift_ct of the channels without a split
	for c := range m.Channels {
		ch := &m.Channels[c]
		lift := liftBuf[c*n : (c+1)*n : (c+1)*n]
		f.lift[c] = lift
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
