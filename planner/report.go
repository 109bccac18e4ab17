package planner

import "strconv"

// Maybe is a figure that can be undefined, such as a ratio over zero. It
// encodes to JSON as a number or null.
type Maybe struct {
	Value float64
	Valid bool
}

// Some returns a defined figure.
func Some(v float64) Maybe { return Maybe{Value: v, Valid: true} }

// None is an undefined figure.
var None = Maybe{}

// ratio returns a / b, or None when b is 0.
func ratio(a, b float64) Maybe {
	if b == 0 {
		return None
	}
	return Some(a / b)
}

// MarshalJSON writes the value or null.
func (m Maybe) MarshalJSON() ([]byte, error) {
	if !m.Valid {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, m.Value, 'g', -1, 64), nil
}

// UnmarshalJSON reads a number or null.
func (m *Maybe) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*m = None
		return nil
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return err
	}
	*m = Some(v)
	return nil
}

// Report is every figure of a plan under one scenario, in the shape of
// `mixplan report --json` (docs/model.md section 4). Lists keep the plan's order.
type Report struct {
	Plan       string            `json:"plan"`
	Scenario   string            `json:"scenario"`
	Currency   string            `json:"currency"`
	Months     int               `json:"months"`
	Totals     Totals            `json:"totals"`
	Targets    []TargetResult    `json:"targets"`
	Products   []ProductResult   `json:"products"`
	Places     []PlaceResult     `json:"places"`
	Promotions []PromotionResult `json:"promotions"`
	Monthly    []MonthResult     `json:"monthly"`
}

// Totals are the plan-wide figures.
type Totals struct {
	Units          float64 `json:"units"`
	GrossSales     float64 `json:"grossSales"`
	ChannelMargins float64 `json:"channelMargins"`
	NetRevenue     float64 `json:"netRevenue"`
	COGS           float64 `json:"cogs"`
	GrossMargin    float64 `json:"grossMargin"`
	GrossMarginPct Maybe   `json:"grossMarginPct"`
	Logistics      float64 `json:"logistics"`
	PlaceFixed     float64 `json:"placeFixed"`
	Launch         float64 `json:"launch"`
	Promotion      float64 `json:"promotion"`
	MarketingSpend float64 `json:"marketingSpend"`
	Contribution   float64 `json:"contribution"`
	ROMI           Maybe   `json:"romi"`
	NewCustomers   float64 `json:"newCustomers"`
	CAC            Maybe   `json:"cac"`
	CLV            Maybe   `json:"clv"`
	LTVToCAC       Maybe   `json:"ltvToCac"`
	BreakEvenUnits Maybe   `json:"breakEvenUnits"`
	PaybackMonth   Maybe   `json:"paybackMonth"`
}

// TargetResult is one set target against its actual.
type TargetResult struct {
	Name   string  `json:"name"` // revenue, grossMarginPct, contribution, budget, romi, cac
	Kind   string  `json:"kind"` // "min" or "max"
	Target float64 `json:"target"`
	Actual Maybe   `json:"actual"`
	Met    bool    `json:"met"`
	Gap    Maybe   `json:"gap"` // actual − target
}

// ProductResult holds one product's figures.
type ProductResult struct {
	ID               string  `json:"id"`
	NetPrice         float64 `json:"netPrice"`
	PriceIndex       float64 `json:"priceIndex"`
	BaseUnits        float64 `json:"baseUnits"`
	LiftUnits        float64 `json:"liftUnits"`
	Units            float64 `json:"units"`
	NetRevenue       float64 `json:"netRevenue"`
	COGS             float64 `json:"cogs"`
	GrossMargin      float64 `json:"grossMargin"`
	GrossMarginPct   Maybe   `json:"grossMarginPct"`
	Logistics        float64 `json:"logistics"`
	UnitContribution float64 `json:"unitContribution"`
	Contribution     float64 `json:"contribution"`
}

// PlaceResult holds one place's figures.
type PlaceResult struct {
	ID         string  `json:"id"`
	Units      float64 `json:"units"`
	GrossSales float64 `json:"grossSales"`
	NetRevenue float64 `json:"netRevenue"`
	Logistics  float64 `json:"logistics"`
	FixedCost  float64 `json:"fixedCost"`
}

// PromotionResult holds one promotion channel's figures.
type PromotionResult struct {
	ID                      string  `json:"id"`
	Spend                   float64 `json:"spend"`
	LiftUnits               float64 `json:"liftUnits"`
	IncrementalContribution float64 `json:"incrementalContribution"`
	ROI                     Maybe   `json:"roi"`
	MarginalROI             Maybe   `json:"marginalRoi"`
	// MonthlySpend is spend_ct, the channel's spend in each month.
	MonthlySpend []float64 `json:"monthlySpend"`
	// MonthlyLiftUnits is liftUnits_ct, the units the channel brings in each
	// month: lift lands in the months the pressure is felt.
	MonthlyLiftUnits []float64 `json:"monthlyLiftUnits"`
}

// MonthResult holds one month's figures.
type MonthResult struct {
	Month                  string  `json:"month"` // "2027-01", or "M1" when the plan has no start
	Units                  float64 `json:"units"`
	LiftUnits              float64 `json:"liftUnits"` // the part of units the promotion brings
	NetRevenue             float64 `json:"netRevenue"`
	GrossMargin            float64 `json:"grossMargin"`
	Logistics              float64 `json:"logistics"`
	MarketingSpend         float64 `json:"marketingSpend"`
	Contribution           float64 `json:"contribution"`
	CumulativeContribution float64 `json:"cumulativeContribution"`
}

// MetCount returns how many targets are met and how many are set.
func (r *Report) MetCount() (met, set int) {
	for _, t := range r.Targets {
		if t.Met {
			met++
		}
	}
	return met, len(r.Targets)
}
