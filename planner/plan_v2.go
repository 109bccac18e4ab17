package planner

// The parts of a plan that version 2 of the format adds: channel groups,
// actuals and uncertainty ranges (docs/model.md sections 1, 2.3 and 3.4).

// Group bounds the summed spend of several promotion channels, for the
// optimiser: absolute bounds and bounds as a share of total promotion spend.
type Group struct {
	ID         string
	Name       string
	Promotions []string // promotion ids; a channel may be in several groups
	Min        float64
	Max        *float64 // nil: no upper bound
	MinShare   float64  // of total promotion spend; 0 when absent
	MaxShare   float64  // of total promotion spend; 1 when absent
}

// Actuals records what happened in the plan's closed months 1…Through.
// Every list holds exactly Through numbers, one per closed month; a nil list
// was not recorded.
type Actuals struct {
	Through     int     // number of closed months
	Credibility float64 // months of evidence that weigh as much as the plan's assumptions; 3 when absent
	Promotions  map[string]PromotionActuals
	Products    map[string]ProductActuals
}

// PromotionActuals is one channel's record of the closed months.
type PromotionActuals struct {
	Spend       []float64 // nil: spent as planned
	Committed   float64   // spend already committed for the open months
	LiftUnits   []float64 // measured incremental units; nil: not measured
	Impressions []float64
	Clicks      []float64
	Conversions []float64
}

// ProductActuals is one product's record of the closed months.
type ProductActuals struct {
	Units      []float64
	NetRevenue []float64
}

// Range is the uncertainty of one input: Of names it ("products.ID.baseVolume",
// "places.ID.marginPct", "promotions.ID.carryover"…), Low and High bound it
// around the plan's value, which stays the most likely one.
type Range struct {
	Of        string
	Low, High float64
}

// DefaultCredibility is the credibility of actuals that do not give one.
const DefaultCredibility = 3

// MaxGroups is the most channel groups a plan may have.
const MaxGroups = 1000

// cloneV2 deep-copies the version-2 parts of p into c.
func (p *Plan) cloneV2(c *Plan) {
	if p.Groups != nil {
		c.Groups = make([]Group, len(p.Groups))
		for i, g := range p.Groups {
			g.Promotions = append([]string(nil), g.Promotions...)
			g.Max = clonePtr(g.Max)
			c.Groups[i] = g
		}
	}
	if p.Actuals != nil {
		a := *p.Actuals
		if a.Promotions != nil {
			a.Promotions = make(map[string]PromotionActuals, len(p.Actuals.Promotions))
			for id, pa := range p.Actuals.Promotions {
				pa.Spend, pa.LiftUnits = cloneSlice(pa.Spend), cloneSlice(pa.LiftUnits)
				pa.Impressions, pa.Clicks, pa.Conversions = cloneSlice(pa.Impressions), cloneSlice(pa.Clicks), cloneSlice(pa.Conversions)
				a.Promotions[id] = pa
			}
		}
		if a.Products != nil {
			a.Products = make(map[string]ProductActuals, len(p.Actuals.Products))
			for id, pa := range p.Actuals.Products {
				pa.Units, pa.NetRevenue = cloneSlice(pa.Units), cloneSlice(pa.NetRevenue)
				a.Products[id] = pa
			}
		}
		c.Actuals = &a
	}
	if p.Ranges != nil {
		c.Ranges = make([]Range, len(p.Ranges))
		copy(c.Ranges, p.Ranges)
	}
}
