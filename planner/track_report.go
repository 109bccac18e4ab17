package planner

// Tracking is where a plan being carried out stands (docs/model.md §2.3), in
// the shape of `mixplan track --json` (§4): the re-fitted curves, the plan
// as written against the latest estimate, month by month, channel by
// channel and product by product. Lists keep the plan's order.
type Tracking struct {
	Through     int         `json:"through"`     // closed months T
	Months      int         `json:"months"`      // the horizon n
	Credibility float64     `json:"credibility"` // months of evidence worth the plan's assumptions
	Weight      float64     `json:"weight"`      // z = T / (T + credibility): the weight of the evidence
	Calibration Calibration `json:"calibration"`
	// Plan is the plan as written (§2.1–2.2), never re-fitted.
	Plan Totals `json:"plan"`
	// LatestEstimate is the year as it now looks: the closed months as they
	// happened, the open ones with the re-fitted curves and the plan's spends.
	LatestEstimate Totals          `json:"latestEstimate"`
	Variance       TotalsVariance  `json:"variance"` // latest estimate − plan
	Targets        []TrackTarget   `json:"targets"`
	Monthly        []TrackMonth    `json:"monthly"`
	Promotions     []TrackChannel  `json:"promotions"`
	Products       []TrackProduct  `json:"products"`
	Funnel         []ChannelFunnel `json:"-"` // per channel, its funnel month by month (the readable form shows it)
	// ClosedSpends is sa_ct, each channel's spend in the closed months
	// (recorded, or as planned where not recorded): what the rest-of-year
	// optimiser keeps.
	ClosedSpends [][]float64 `json:"-"`
}

// Refitted returns a copy of p with the re-fitted saturations and base
// volumes: compiled, it is the latest estimate's model.
func (tk *Tracking) Refitted(p *Plan) *Plan {
	q := p.Clone()
	for c := range q.Promotions {
		q.Promotions[c].Response.MaxUnits = tk.Calibration.Promotions[c].MaxUnits
	}
	for i := range q.Products {
		q.Products[i].BaseVolume = tk.Calibration.Products[i].BaseVolume
	}
	return q
}

// Calibration holds the re-fitted curves.
type Calibration struct {
	Promotions []ChannelCalibration `json:"promotions"`
	Products   []ProductCalibration `json:"products"`
}

// ChannelCalibration is one channel's re-fit: q is measured lift over the
// model's lift at the actual spends (1 when not measured), MaxUnits the
// re-fitted saturation maxUnits × (1 + z (q − 1)).
type ChannelCalibration struct {
	ID       string  `json:"id"`
	Q        float64 `json:"q"`
	MaxUnits float64 `json:"maxUnits"`
}

// ProductCalibration is one product's re-fit: b is actual base units over
// the planned ones to date (1 when units are not recorded), BaseVolume the
// re-fitted base volume baseVolume × (1 + z (b − 1)).
type ProductCalibration struct {
	ID         string  `json:"id"`
	B          float64 `json:"b"`
	BaseVolume float64 `json:"baseVolume"`
}

// TotalsVariance is latest estimate − plan for every key of Totals, null
// where either is null.
type TotalsVariance struct {
	Units          Maybe `json:"units"`
	GrossSales     Maybe `json:"grossSales"`
	ChannelMargins Maybe `json:"channelMargins"`
	NetRevenue     Maybe `json:"netRevenue"`
	COGS           Maybe `json:"cogs"`
	GrossMargin    Maybe `json:"grossMargin"`
	GrossMarginPct Maybe `json:"grossMarginPct"`
	Logistics      Maybe `json:"logistics"`
	PlaceFixed     Maybe `json:"placeFixed"`
	Launch         Maybe `json:"launch"`
	Promotion      Maybe `json:"promotion"`
	MarketingSpend Maybe `json:"marketingSpend"`
	Contribution   Maybe `json:"contribution"`
	ROMI           Maybe `json:"romi"`
	NewCustomers   Maybe `json:"newCustomers"`
	CAC            Maybe `json:"cac"`
	CLV            Maybe `json:"clv"`
	LTVToCAC       Maybe `json:"ltvToCac"`
	BreakEvenUnits Maybe `json:"breakEvenUnits"`
	PaybackMonth   Maybe `json:"paybackMonth"`
}

// TrackTarget is one set target held against the plan and the latest estimate.
type TrackTarget struct {
	Name              string  `json:"name"`
	Kind              string  `json:"kind"`
	Target            float64 `json:"target"`
	Plan              Maybe   `json:"plan"`
	LatestEstimate    Maybe   `json:"latestEstimate"`
	MetPlan           bool    `json:"metPlan"`
	MetLatestEstimate bool    `json:"metLatestEstimate"`
}

// TrackMonth is one month, planned and as now estimated.
type TrackMonth struct {
	Month          string        `json:"month"`
	Closed         bool          `json:"closed"`
	Plan           MonthFigures  `json:"plan"`
	LatestEstimate MonthEstimate `json:"latestEstimate"`
}

// MonthFigures are a month's main figures.
type MonthFigures struct {
	Units          float64 `json:"units"`
	NetRevenue     float64 `json:"netRevenue"`
	MarketingSpend float64 `json:"marketingSpend"`
	Contribution   float64 `json:"contribution"`
}

// MonthEstimate are a month's main figures in the latest estimate, with the
// cumulative contribution.
type MonthEstimate struct {
	Units                  float64 `json:"units"`
	NetRevenue             float64 `json:"netRevenue"`
	MarketingSpend         float64 `json:"marketingSpend"`
	Contribution           float64 `json:"contribution"`
	CumulativeContribution float64 `json:"cumulativeContribution"`
}

// TrackChannel is one channel to date (months ≤ T) and for the year.
type TrackChannel struct {
	ID                 string  `json:"id"`
	PlanSpendToDate    float64 `json:"planSpendToDate"`
	ActualSpendToDate  float64 `json:"actualSpendToDate"`
	Committed          float64 `json:"committed"`
	PlanLiftToDate     float64 `json:"planLiftToDate"`     // liftUnits the plan expected to date
	MeasuredLiftToDate Maybe   `json:"measuredLiftToDate"` // null when not measured
	Funnel
	LatestEstimateSpend float64 `json:"latestEstimateSpend"`
}

// Funnel is a channel's cost and conversion figures, each null where its
// divisor is 0 or not recorded.
type Funnel struct {
	CPM Maybe `json:"cpm"` // 1000 × spend / impressions
	CTR Maybe `json:"ctr"` // clicks / impressions
	CVR Maybe `json:"cvr"` // conversions / clicks
	CPA Maybe `json:"cpa"` // spend / conversions
}

// ChannelFunnel is one channel's funnel in each closed month.
type ChannelFunnel struct {
	ID     string
	Months []Funnel
}

// TrackProduct is one product to date and for the year.
type TrackProduct struct {
	ID                       string  `json:"id"`
	PlanUnitsToDate          float64 `json:"planUnitsToDate"`
	ActualUnitsToDate        Maybe   `json:"actualUnitsToDate"` // null when units are not recorded
	PlanNetRevenueToDate     float64 `json:"planNetRevenueToDate"`
	ActualNetRevenueToDate   Maybe   `json:"actualNetRevenueToDate"` // units × nr where only units are recorded
	LatestEstimateUnits      float64 `json:"latestEstimateUnits"`
	LatestEstimateNetRevenue float64 `json:"latestEstimateNetRevenue"`
}
