package planner

import "errors"

// ErrNoActuals refuses to track a plan that records no closed months.
var ErrNoActuals = errors.New(`the plan has no actuals: record the closed months in its "actuals" section (docs/model.md §2.3) to track it`)

// Track compares a plan being carried out with what happened in its closed
// months (docs/model.md §2.3): it re-fits each channel's saturation to the
// lift measured and each product's base demand to the units sold, and
// estimates the year: the closed months as they happened, the open ones with
// the re-fitted curves and the plan's spends. It works on the plan as written
// (no scenario) and assumes a valid plan; a plan without actuals is refused
// with ErrNoActuals.
func Track(p *Plan) (*Tracking, error) {
	if p.Actuals == nil {
		return nil, ErrNoActuals
	}
	plan, err := Compile(p, BaseScenario)
	if err != nil {
		return nil, err
	}
	tk := &trackData{p: p, a: p.Actuals, T: p.Actuals.Through, n: p.Months, plan: plan}
	if tk.n < 1 || tk.T < 0 || tk.T > tk.n {
		return nil, errors.New("the plan's actuals do not fit its horizon: validate it first")
	}
	tk.weight()
	tk.planFlows = plan.planFlows()
	tk.actualSpends()
	tk.calibrateChannels()
	tk.calibrateProducts()
	tk.estimate()
	return tk.tracking(), nil
}

// trackData holds the steps of §2.3 for one plan.
type trackData struct {
	p    *Plan
	a    *Actuals
	T, n int
	z    float64

	plan      *Model
	planFlows *flows
	spends    [][]float64 // sa_ct for t ≤ T, the plan's spend_ct after: the latest estimate's spends

	q, maxUnits   []float64 // per channel
	b, baseVolume []float64 // per product

	le      *Model // the plan re-fitted
	leFlows *flows
	units   []float64 // [p×n + t] the latest estimate's units_pt, actuals substituted
	net     []float64 // [p×n + t] its netRevenue_pt
}

// weight is z = T / (T + credibility): 0 with no closed month, 1 when the
// evidence is trusted whole (credibility 0).
func (tk *trackData) weight() {
	switch {
	case tk.T == 0:
		tk.z = 0
	case tk.a.Credibility == 0:
		tk.z = 1
	default:
		tk.z = float64(tk.T) / (float64(tk.T) + tk.a.Credibility)
	}
}

// actualSpends sets sa_ct: the recorded spend of a closed month, the plan's
// where none is recorded, and the plan's in the open months.
func (tk *trackData) actualSpends() {
	tk.spends = tk.plan.planSpends()
	for c := range tk.plan.Channels {
		if rec := tk.a.Promotions[tk.plan.Channels[c].ID].Spend; rec != nil {
			copy(tk.spends[c][:tk.T], rec)
		}
	}
}

// toDate sums the first T values of a monthly list.
func (tk *trackData) toDate(x []float64) float64 { return sum(x[:tk.T]) }

// refit is x × (1 + z (r − 1)).
func (tk *trackData) refit(x, r float64) float64 { return x * (1 + tk.z*(r-1)) }

// calibrateChannels is step 1: each channel's model lift at the actual
// spends against its measured lift, and the re-fitted saturation.
func (tk *trackData) calibrateChannels() {
	at := tk.plan.flowsAt(tk.spends)
	nC := len(tk.plan.Channels)
	tk.q, tk.maxUnits = make([]float64, nC), make([]float64, nC)
	for c := range tk.plan.Channels {
		ch := &tk.plan.Channels[c]
		tk.q[c] = 1
		model := tk.toDate(at.lift[c]) * ch.UnitsPerLift
		if measured := tk.a.Promotions[ch.ID].LiftUnits; measured != nil && model > 0 {
			// A model lift so small that the ratio overflows says no more
			// than none: keep the curve.
			if q := sum(measured) / model; finite(q) && finite(tk.refit(tk.p.Promotions[c].Response.MaxUnits, q)) {
				tk.q[c] = q
			}
		}
		tk.maxUnits[c] = tk.refit(tk.p.Promotions[c].Response.MaxUnits, tk.q[c])
	}
}

// calibrateProducts is step 2: with the re-fitted channels and the actual
// spends, each product's base units to date against the units it sold less
// the model's lift, and the re-fitted base volume.
func (tk *trackData) calibrateProducts() {
	q := tk.p.Clone()
	for c := range q.Promotions {
		q.Promotions[c].Response.MaxUnits = tk.maxUnits[c]
	}
	m, _ := Compile(q, BaseScenario)
	at := m.flowsAt(tk.spends)
	nP := len(tk.p.Products)
	tk.b, tk.baseVolume = make([]float64, nP), make([]float64, nP)
	for i, pr := range tk.p.Products {
		tk.b[i] = 1
		base := 0.0
		for t := 0; t < tk.T; t++ {
			base += m.baseShare(i, t)
		}
		if sold := tk.a.Products[pr.ID].Units; sold != nil && base > 0 {
			if b := max(0, sum(sold)-tk.toDate(at.productLift(i))) / base; finite(b) && finite(tk.refit(pr.BaseVolume, b)) {
				tk.b[i] = b
			}
		}
		tk.baseVolume[i] = tk.refit(pr.BaseVolume, tk.b[i])
	}
	for i := range q.Products {
		q.Products[i].BaseVolume = tk.baseVolume[i]
	}
	tk.le, _ = Compile(q, BaseScenario)
}

// estimate is step 3: the re-fitted plan at the latest estimate's spends,
// month by month, with the closed months' recorded units and net revenue
// in place of the model's.
func (tk *trackData) estimate() {
	m, n := tk.le, tk.n
	tk.leFlows = m.flowsAt(tk.spends)
	nP := len(tk.p.Products)
	tk.units, tk.net = make([]float64, nP*n), make([]float64, nP*n)
	for i, pr := range tk.p.Products {
		rec := tk.a.Products[pr.ID]
		lift := tk.leFlows.productLift(i)
		nr := m.NetRevenuePerUnit(i)
		for t := 0; t < n; t++ {
			u := m.baseShare(i, t) + lift[t]
			if t < tk.T && rec.Units != nil {
				u = rec.Units[t]
			}
			net := u * nr
			if t < tk.T && rec.NetRevenue != nil {
				net = rec.NetRevenue[t]
			}
			tk.units[i*n+t], tk.net[i*n+t] = u, net
		}
	}
}
