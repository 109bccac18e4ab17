package planner

// Validation of the fields version 2 of the format adds: each promotion's
// carryover, responsiveness and monthly cap, the channel groups, the actuals
// (validate_actuals.go) and the uncertainty ranges (validate_ranges.go).

func (p *Plan) validateV2(ps *problems, products map[string]bool) {
	promotions := make(map[string]bool, len(p.Promotions))
	for i, pm := range p.Promotions {
		promotions[pm.ID] = true
		path := index("promotions", i)
		checkCarryover(ps, field(field(path, "response"), "carryover"), pm.Response.Carryover)
		p.validateWeights(ps, field(path, "responsiveness"), pm.Responsiveness)
		if pm.MaxPerMonth != nil {
			nonNegative(ps, field(path, "maxPerMonth"), *pm.MaxPerMonth)
		}
	}
	p.validateGroups(ps, promotions)
	p.validateActuals(ps, products, promotions)
	p.validateRanges(ps)
}

func (p *Plan) validateGroups(ps *problems, promotions map[string]bool) {
	checkCount(ps, "groups", len(p.Groups), MaxGroups)
	ids := newIDSet(ps)
	for i, g := range p.Groups {
		path := index("groups", i)
		ids.check(path, g.ID)
		nonEmpty(ps, field(path, "name"), g.Name)
		if len(g.Promotions) == 0 {
			ps.add(field(path, "promotions"), "must name at least one promotion channel")
		}
		listed := make(map[string]bool, len(g.Promotions))
		for j, id := range g.Promotions {
			jp := index(field(path, "promotions"), j)
			switch {
			case !promotions[id]:
				ps.add(jp, "names promotion %q, which is not in the plan", id)
			case listed[id]:
				ps.add(jp, "%q is already in this group; list each channel once", id)
			}
			listed[id] = true
		}
		nonNegative(ps, field(path, "min"), g.Min)
		if g.Max != nil {
			switch {
			case !finite(*g.Max):
				ps.add(field(path, "max"), "must be a finite number")
			case finite(g.Min) && *g.Max < g.Min:
				ps.add(field(path, "max"), "must not be below min (%v), not %v", g.Min, *g.Max)
			}
		}
		shareOK := true
		for _, s := range []struct {
			name string
			x    float64
		}{{"minShare", g.MinShare}, {"maxShare", g.MaxShare}} {
			if !finite(s.x) || s.x < 0 || s.x > 1 {
				ps.add(field(path, s.name), "must be between 0 and 1 (a share of total promotion spend), not %v", s.x)
				shareOK = false
			}
		}
		if shareOK && g.MaxShare < g.MinShare {
			ps.add(field(path, "maxShare"), "must not be below minShare (%v), not %v", g.MinShare, g.MaxShare)
		}
	}
}
