package planner

// Validation of the uncertainty ranges (docs/model.md §3.4): each names an
// existing input at most once, and low ≤ the plan's value ≤ high, both
// within the input's own rule.

func (p *Plan) validateRanges(ps *problems) {
	seen := make(map[string]int, len(p.Ranges))
	for i, r := range p.Ranges {
		path := index("ranges", i)
		in, why := resolveRange(p, r.Of)
		if why != "" {
			ps.add(field(path, "of"), "%s", why)
			continue
		}
		if first, dup := seen[r.Of]; dup {
			ps.add(field(path, "of"), "%q already has a range (ranges[%d]); give each input at most one", r.Of, first)
			continue
		}
		seen[r.Of] = i
		before := len(ps.list)
		in.check(ps, field(path, "low"), r.Low)
		in.check(ps, field(path, "high"), r.High)
		if len(ps.list) > before {
			continue
		}
		value := in.get(p)
		if !finite(value) {
			continue // the input itself is refused at its own path
		}
		if r.Low > value {
			ps.add(field(path, "low"), "must not be above the plan's value (%v), not %v", value, r.Low)
		}
		if r.High < value {
			ps.add(field(path, "high"), "must not be below the plan's value (%v), not %v", value, r.High)
		}
	}
}
