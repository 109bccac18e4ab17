package planner

// FormatName is the value of a plan file's "format" field.
const FormatName = "mixplan"

// FormatVersion is the newest plan file version this package reads and the one it writes.
const FormatVersion = 2

// Size limits of a plan, from the contract.
const (
	MaxProducts   = 10000
	MaxPlaces     = 1000
	MaxPromotions = 1000
	MaxScenarios  = 100
	MaxFileBytes  = 64 << 20
	MaxMonths     = 60
)

// Plan is a marketing-mix plan with every default resolved: a plan read from a
// file holds the values the formulas use (ReferencePrice is the list price when
// the file had none, Months is 12 when absent, and so on). Nil Seasonality,
// Flighting and Split keep their meaning of "flat" and "proportional".
type Plan struct {
	Name         string
	Company      string
	Currency     string // ISO 4217 code, e.g. "EUR"
	Locale       string // "en" or "fr"
	Start        string // first month "YYYY-MM", or "" for months labelled M1…Mn
	Months       int
	RetentionPct float64
	DiscountRate float64
	Targets      Targets
	Products     []Product
	Places       []Place
	Promotions   []Promotion
	Scenarios    []Scenario
	Groups       []Group  // bounds on the summed spend of several channels (version 2)
	Actuals      *Actuals // what happened in the closed months; nil when none (version 2)
	Ranges       []Range  // the uncertainty of some inputs (version 2)
}

// Targets holds the plan's goals; a nil field is not set.
type Targets struct {
	Revenue        *float64 // minimum net revenue
	GrossMarginPct *float64 // minimum gross margin as a share of net revenue
	Contribution   *float64 // minimum contribution
	Budget         *float64 // maximum marketing spend
	ROMI           *float64 // minimum return on promotion spend
	CAC            *float64 // maximum cost of acquiring a customer
}

// Product is one item of the range.
type Product struct {
	ID               string
	Name             string
	UnitCost         float64 // cost of goods per unit
	ListPrice        float64 // end-customer price per unit
	DiscountPct      float64 // average promotional discount off the list price
	BaseVolume       float64 // units over the horizon at ReferencePrice with no promotion
	ReferencePrice   float64 // price at which BaseVolume was estimated
	Elasticity       float64 // constant price elasticity of volume, ≤ 0
	LaunchCost       float64 // one-off costs, booked in month 1
	UnitsPerCustomer float64 // units one customer buys over the horizon
	Seasonality      []float64
}

// Place is a distribution channel.
type Place struct {
	ID        string
	Name      string
	MarginPct float64            // intermediary's margin, as a share of the end price
	UnitCost  float64            // logistics cost per unit sold there
	FixedCost float64            // fixed costs over the horizon
	Share     map[string]float64 // product id → share of that product's units sold here
}

// Promotion is a paid promotion channel with a Hill response curve.
type Promotion struct {
	ID        string
	Name      string
	Kind      string
	Spend     float64
	Min       float64
	Max       *float64 // nil: no upper bound
	Response  Response
	Split     map[string]float64 // nil: proportional to each product's base units
	Flighting []float64          // nil: flat
	// Responsiveness weighs how strongly the channel's audience answers in
	// each month; nil: flat (version 2).
	Responsiveness []float64
	// MaxPerMonth is the most the optimiser may spend in one month; nil: no cap (version 2).
	MaxPerMonth *float64
}

// Response is a channel's Hill curve over the horizon: with the spend spread
// evenly and no carryover, extra units = MaxUnits × s^Shape / (s^Shape +
// HalfSpend^Shape). Month by month each month has 1/months of that curve and
// answers the advertising pressure felt that month (docs/model.md §2.1).
type Response struct {
	MaxUnits  float64
	HalfSpend float64
	Shape     float64
	// Carryover is the share of a month's advertising pressure still felt
	// the next month (geometric adstock), 0 ≤ λ ≤ 0.9 (version 2).
	Carryover float64
}

// Scenario scales the plan's inputs.
type Scenario struct {
	ID       string
	Name     string
	Volume   float64 // factor on every product's base volume
	UnitCost float64 // factor on every product's unit cost
	Response float64 // factor on every promotion's maxUnits
	Price    float64 // factor on every product's list price
}

// BaseScenario is the scenario id of the plan as written.
const BaseScenario = "base"

// Clone returns a deep copy of the plan, safe to edit without touching p.
func (p *Plan) Clone() *Plan {
	c := *p
	c.Targets = Targets{
		Revenue: clonePtr(p.Targets.Revenue), GrossMarginPct: clonePtr(p.Targets.GrossMarginPct),
		Contribution: clonePtr(p.Targets.Contribution), Budget: clonePtr(p.Targets.Budget),
		ROMI: clonePtr(p.Targets.ROMI), CAC: clonePtr(p.Targets.CAC),
	}
	c.Products = make([]Product, len(p.Products))
	for i, pr := range p.Products {
		pr.Seasonality = cloneSlice(pr.Seasonality)
		c.Products[i] = pr
	}
	c.Places = make([]Place, len(p.Places))
	for i, pl := range p.Places {
		pl.Share = cloneMap(pl.Share)
		c.Places[i] = pl
	}
	c.Promotions = make([]Promotion, len(p.Promotions))
	for i, pm := range p.Promotions {
		pm.Max = clonePtr(pm.Max)
		pm.Split = cloneMap(pm.Split)
		pm.Flighting = cloneSlice(pm.Flighting)
		pm.Responsiveness = cloneSlice(pm.Responsiveness)
		pm.MaxPerMonth = clonePtr(pm.MaxPerMonth)
		c.Promotions[i] = pm
	}
	c.Scenarios = append([]Scenario(nil), p.Scenarios...)
	p.cloneV2(&c)
	return &c
}

// ScenarioByID returns the scenario with that id; "base" (or "") is the plan as written.
func (p *Plan) ScenarioByID(id string) (Scenario, bool) {
	if id == "" || id == BaseScenario {
		return Scenario{ID: BaseScenario, Name: "Base", Volume: 1, UnitCost: 1, Response: 1, Price: 1}, true
	}
	for _, s := range p.Scenarios {
		if s.ID == id {
			return s, true
		}
	}
	return Scenario{}, false
}

// Float returns a pointer to v, for optional fields such as targets and Max.
func Float(v float64) *float64 { return &v }

func clonePtr(v *float64) *float64 {
	if v == nil {
		return nil
	}
	x := *v
	return &x
}

func cloneSlice(s []float64) []float64 {
	if s == nil {
		return nil
	}
	return append([]float64(nil), s...)
}

func cloneMap(m map[string]float64) map[string]float64 {
	if m == nil {
		return nil
	}
	c := make(map[string]float64, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}
