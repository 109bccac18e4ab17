package planner

import (
	"fmt"
	"math"
	"sort"
	"time"
)

// shareTolerance is how far a product's shares over all places may be from 1.
const shareTolerance = 1e-6

// Validate checks every rule of the plan format and returns a *ValidationError
// listing every problem, or nil. Plans built in code (by the UI, the importer)
// go through the same rules as plan files.
func (p *Plan) Validate() error {
	var ps problems
	p.validate(&ps)
	return ps.err()
}

func (p *Plan) validate(ps *problems) {
	if p.Name == "" {
		ps.refuse("name", RuleNotEmpty)
	}
	if !isCurrency(p.Currency) {
		ps.refuse("currency", RuleCurrency, p.Currency)
	}
	if p.Locale != "en" && p.Locale != "fr" {
		ps.refuse("locale", RuleLocale, p.Locale)
	}
	if p.Start != "" {
		if _, err := time.Parse("2006-01", p.Start); err != nil {
			ps.refuse("start", RuleMonth, p.Start)
		}
	}
	if p.Months < 1 || p.Months > MaxMonths {
		ps.refuse("months", RuleBetween, 1, MaxMonths, p.Months)
	}
	if p.RetentionPct < 0 || p.RetentionPct >= 1 {
		ps.refuse("retentionPct", RuleRate, p.RetentionPct)
	}
	if p.DiscountRate < 0 {
		ps.refuse("discountRate", RuleNonNegative, p.DiscountRate)
	}
	p.validateTargets(ps)
	checkCount(ps, "products", len(p.Products), MaxProducts)
	checkCount(ps, "places", len(p.Places), MaxPlaces)
	checkCount(ps, "promotions", len(p.Promotions), MaxPromotions)
	checkCount(ps, "scenarios", len(p.Scenarios), MaxScenarios)

	products := make(map[string]bool, len(p.Products))
	ids := newIDSet(ps)
	for i, pr := range p.Products {
		path := index("products", i)
		ids.check(path, pr.ID)
		products[pr.ID] = true
		p.validateProduct(ps, path, pr)
	}
	ids = newIDSet(ps)
	for i, pl := range p.Places {
		path := index("places", i)
		ids.check(path, pl.ID)
		validatePlace(ps, path, pl, products)
	}
	p.validateShareSums(ps)
	ids = newIDSet(ps)
	for i, pm := range p.Promotions {
		path := index("promotions", i)
		ids.check(path, pm.ID)
		p.validatePromotion(ps, path, pm, products)
	}
	ids = newIDSet(ps)
	for i, sc := range p.Scenarios {
		path := index("scenarios", i)
		ids.check(path, sc.ID)
		if sc.ID == BaseScenario {
			ps.refuse(field(path, "id"), RuleBaseID, BaseScenario)
		}
		nonEmpty(ps, field(path, "name"), sc.Name)
		positive(ps, field(path, "volume"), sc.Volume)
		positive(ps, field(path, "unitCost"), sc.UnitCost)
		positive(ps, field(path, "response"), sc.Response)
		positive(ps, field(path, "price"), sc.Price)
	}
	p.validateV2(ps, products)
}

func (p *Plan) validateTargets(ps *problems) {
	t := p.Targets
	if t.Budget != nil && *t.Budget < 0 {
		ps.refuse("targets."+TargetBudget, RuleNonNegative, *t.Budget)
	}
	if t.GrossMarginPct != nil && *t.GrossMarginPct >= 1 {
		ps.refuse("targets."+TargetGrossMarginPct, RuleBelowOne, *t.GrossMarginPct)
	}
	for _, tg := range TargetTable {
		if goal := *tg.goal(&t); goal != nil && !finite(*goal) {
			ps.refuse("targets."+tg.Name, RuleFinite)
		}
	}
}

func (p *Plan) validateProduct(ps *problems, path string, pr Product) {
	nonEmpty(ps, field(path, "name"), pr.Name)
	nonNegative(ps, field(path, "unitCost"), pr.UnitCost)
	positive(ps, field(path, "listPrice"), pr.ListPrice)
	fraction(ps, field(path, "discountPct"), pr.DiscountPct)
	nonNegative(ps, field(path, "baseVolume"), pr.BaseVolume)
	positive(ps, field(path, "referencePrice"), pr.ReferencePrice)
	if !finite(pr.Elasticity) || pr.Elasticity < -20 || pr.Elasticity > 0 {
		ps.refuse(field(path, "elasticity"), RuleBetween, -20, 0, pr.Elasticity)
	}
	nonNegative(ps, field(path, "launchCost"), pr.LaunchCost)
	positive(ps, field(path, "unitsPerCustomer"), pr.UnitsPerCustomer)
	p.validateWeights(ps, field(path, "seasonality"), pr.Seasonality)
}

func validatePlace(ps *problems, path string, pl Place, products map[string]bool) {
	nonEmpty(ps, field(path, "name"), pl.Name)
	fraction(ps, field(path, "marginPct"), pl.MarginPct)
	nonNegative(ps, field(path, "unitCost"), pl.UnitCost)
	nonNegative(ps, field(path, "fixedCost"), pl.FixedCost)
	for _, id := range sortedKeys(pl.Share) {
		x := pl.Share[id]
		kp := field(field(path, "share"), id)
		if !products[id] {
			ps.refuse(kp, RuleUnknownProduct, id)
		}
		if !finite(x) || x < 0 || x > 1 {
			ps.refuse(kp, RuleBetween, 0, 1, x)
		}
	}
}

// validateShareSums checks that every product's units are fully placed.
func (p *Plan) validateShareSums(ps *problems) {
	for _, pr := range p.Products {
		sum, last := 0.0, -1
		for k, pl := range p.Places {
			if x, ok := pl.Share[pr.ID]; ok {
				sum += x
				last = k
			}
		}
		if math.Abs(sum-1) <= shareTolerance {
			continue
		}
		if last < 0 {
			ps.refuse("places", RuleUnplaced, pr.ID)
			continue
		}
		ps.refuse(field(index("places", last), "share"), RuleShareSum, pr.ID, trimFloat(sum))
	}
}

func (p *Plan) validatePromotion(ps *problems, path string, pm Promotion, products map[string]bool) {
	nonEmpty(ps, field(path, "name"), pm.Name)
	nonNegative(ps, field(path, "spend"), pm.Spend)
	nonNegative(ps, field(path, "min"), pm.Min)
	if pm.Max != nil && finite(*pm.Max) && finite(pm.Min) && *pm.Max < pm.Min {
		ps.refuse(field(path, "max"), RuleBelowMin, pm.Min, *pm.Max)
	}
	if pm.Max != nil && !finite(*pm.Max) {
		ps.refuse(field(path, "max"), RuleFinite)
	}
	rp := field(path, "response")
	nonNegative(ps, field(rp, "maxUnits"), pm.Response.MaxUnits)
	positive(ps, field(rp, "halfSpend"), pm.Response.HalfSpend)
	if !finite(pm.Response.Shape) || pm.Response.Shape <= 0 || pm.Response.Shape > 10 {
		ps.refuse(field(rp, "shape"), RuleShape, pm.Response.Shape)
	}
	if pm.Split != nil {
		sum := 0.0
		for _, id := range sortedKeys(pm.Split) {
			x := pm.Split[id]
			kp := field(field(path, "split"), id)
			if !products[id] {
				ps.refuse(kp, RuleUnknownProduct, id)
			}
			if !finite(x) || x < 0 {
				ps.refuse(kp, RuleNonNegative, x)
			} else {
				sum += x
			}
		}
		if sum <= 0 {
			ps.refuse(field(path, "split"), RuleSplitSum)
		}
	}
	p.validateWeights(ps, field(path, "flighting"), pm.Flighting)
}

// validateWeights checks a seasonality or flighting list: one weight per month.
func (p *Plan) validateWeights(ps *problems, path string, w []float64) {
	if w == nil {
		return
	}
	if len(w) != p.Months {
		ps.refuse(path, RuleMonthCount, len(w), p.Months)
	}
	sum := 0.0
	for i, x := range w {
		if !finite(x) || x < 0 {
			ps.refuse(index(path, i), RuleNonNegative, x)
			continue
		}
		sum += x
	}
	if sum <= 0 {
		ps.refuse(path, RuleWeightSum)
	}
}

func checkCount(ps *problems, path string, n, max int) {
	if n > max {
		ps.refuse(path, RuleTooMany, n, max)
	}
}

// idSet checks ids for form and uniqueness within one list.
type idSet struct {
	ps   *problems
	seen map[string]int
}

func newIDSet(ps *problems) idSet { return idSet{ps: ps, seen: map[string]int{}} }

func (s idSet) check(path, id string) {
	p := field(path, "id")
	if !ValidID(id) {
		s.ps.refuse(p, RuleID, id)
		return
	}
	if first, dup := s.seen[id]; dup {
		s.ps.refuse(p, RuleDuplicateID, id, first)
		return
	}
	s.seen[id] = indexOf(path)
}

// ValidID reports whether id matches ^[A-Za-z0-9_.-]{1,64}$.
func ValidID(id string) bool {
	if len(id) < 1 || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}

func indexOf(path string) int {
	var n int
	for i := len(path) - 2; i >= 0; i-- {
		if path[i] == '[' {
			fmt.Sscanf(path[i+1:], "%d", &n)
			break
		}
	}
	return n
}

func isCurrency(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func nonEmpty(ps *problems, path, s string) {
	if s == "" {
		ps.refuse(path, RuleNotEmpty)
	}
}

func positive(ps *problems, path string, x float64) {
	if !finite(x) || x <= 0 {
		ps.refuse(path, RulePositive, x)
	}
}

func nonNegative(ps *problems, path string, x float64) {
	if !finite(x) || x < 0 {
		ps.refuse(path, RuleNonNegative, x)
	}
}

// fraction checks 0 ≤ x < 1.
func fraction(ps *problems, path string, x float64) {
	if !finite(x) || x < 0 || x >= 1 {
		ps.refuse(path, RuleFraction, x)
	}
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func trimFloat(x float64) string { return fmt.Sprintf("%.6g", x) }

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
