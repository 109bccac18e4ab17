package planner

// namedTarget pairs a target's report name with its value.
type namedTarget struct {
	name  string
	kind  string // "min": met when actual ≥ target; "max": met when actual ≤ target
	value *float64
}

// list returns the targets in the order reports use, set or not.
func (t *Targets) list() []namedTarget {
	return []namedTarget{
		{"revenue", "min", t.Revenue},
		{"grossMarginPct", "min", t.GrossMarginPct},
		{"contribution", "min", t.Contribution},
		{"budget", "max", t.Budget},
		{"romi", "min", t.ROMI},
		{"cac", "max", t.CAC},
	}
}

// TargetNames are the report names of the targets, in report order.
var TargetNames = []string{"revenue", "grossMarginPct", "contribution", "budget", "romi", "cac"}

// Ptr returns the target field with that report name, or nil for an unknown name.
func (t *Targets) Ptr(name string) **float64 {
	switch name {
	case "revenue":
		return &t.Revenue
	case "grossMarginPct":
		return &t.GrossMarginPct
	case "contribution":
		return &t.Contribution
	case "budget":
		return &t.Budget
	case "romi":
		return &t.ROMI
	case "cac":
		return &t.CAC
	}
	return nil
}

// Actual returns the figure the target with that report name is held
// against (net revenue for "revenue", marketing spend for "budget"…), set
// or not; None for an unknown name.
func (tot *Totals) Actual(name string) Maybe {
	switch name {
	case "revenue":
		return Some(tot.NetRevenue)
	case "grossMarginPct":
		return tot.GrossMarginPct
	case "contribution":
		return Some(tot.Contribution)
	case "budget":
		return Some(tot.MarketingSpend)
	case "romi":
		return tot.ROMI
	case "cac":
		return tot.CAC
	}
	return None
}

// evaluate reports every set target against the totals, in report order.
func (t *Targets) evaluate(tot *Totals) []TargetResult {
	out := make([]TargetResult, 0, 6)
	for _, tg := range t.list() {
		if tg.value == nil {
			continue
		}
		res := TargetResult{Name: tg.name, Kind: tg.kind, Target: *tg.value, Actual: tot.Actual(tg.name)}
		if res.Actual.Valid {
			res.Gap = Some(res.Actual.Value - res.Target)
			if tg.kind == "min" {
				res.Met = res.Actual.Value >= res.Target
			} else {
				res.Met = res.Actual.Value <= res.Target
			}
		}
		out = append(out, res)
	}
	return out
}
