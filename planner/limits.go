package planner

import "math"

// The limits that keep every figure of a valid plan finite (issue 11). A
// float64 holds numbers up to 1.8e308, but a plan's figures multiply its
// inputs together (units × price × 10,000 products, a price raised to an
// elasticity of −20, a spend raised to a shape of 10): inputs that are
// finite can still overflow. Bounding each input to what a real plan could
// hold keeps every product of them far inside float64.
const (
	// MaxAmount is the largest amount of money, volume or weight a plan
	// may hold: a trillion, a thousand times the sales of the largest
	// company in any currency that matters.
	MaxAmount = 1e12
	// MinAmount is the smallest price, half-saturation spend or units per
	// customer a plan may hold: a millionth of a currency unit, below any
	// real price, above the numbers that divide into infinity.
	MinAmount = 1e-6
	// MinFactor and MaxFactor bound a scenario's factors: a thousandth to a
	// thousand times the plan's values.
	MinFactor = 1e-3
	MaxFactor = 1e3
	// MaxDiscountRate is the largest yearly discount rate: 1000 %.
	MaxDiscountRate = 10
)

// minAmountText is MinAmount as a person writes it ("1e-06" is how %v says it).
const minAmountText = "0.000001"

// factor checks a scenario's factor on the plan's values.
func factor(ps *problems, path string, x float64) {
	if !finite(x) || x <= 0 {
		ps.refuse(path, RulePositive, x)
		return
	}
	if x < MinFactor || x > MaxFactor {
		ps.refuse(path, RuleBetween, MinFactor, MaxFactor, x)
	}
}

// validateBaseUnits checks what no single field can: that each product's
// base volume at its net price, raised to its elasticity, stays within
// MaxAmount units in every scenario (a list price of 0.000001 and an
// elasticity of −20 would multiply it by 10^120). Products whose own fields
// are refused are left to those refusals.
func (p *Plan) validateBaseUnits(ps *problems) {
	scenarios := append([]Scenario{{ID: BaseScenario, Volume: 1, UnitCost: 1, Response: 1, Price: 1}}, p.Scenarios...)
	for i, pr := range p.Products {
		if pr.Elasticity == 0 || !inputsFinite(pr.ListPrice, pr.ReferencePrice, pr.DiscountPct, pr.BaseVolume, pr.Elasticity) ||
			pr.ReferencePrice < MinAmount || pr.ListPrice < MinAmount || pr.DiscountPct < 0 || pr.DiscountPct >= 1 {
			continue
		}
		for _, sc := range scenarios {
			if !finite(sc.Price) || !finite(sc.Volume) || sc.Price <= 0 || sc.Volume <= 0 {
				continue
			}
			net := pr.ListPrice * sc.Price * (1 - pr.DiscountPct)
			units := pr.BaseVolume * sc.Volume * math.Pow(net/pr.ReferencePrice, pr.Elasticity)
			if !finite(units) || units > MaxAmount {
				ps.refuse(field(index("products", i), "elasticity"), RuleBaseUnits, net, sc.ID, units, int64(MaxAmount))
				break
			}
		}
	}
}

func inputsFinite(xs ...float64) bool {
	for _, x := range xs {
		if !finite(x) {
			return false
		}
	}
	return true
}
