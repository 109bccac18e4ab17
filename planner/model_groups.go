package planner

import "math"

// ChannelGroup is a plan's channel group compiled for the optimiser: the
// channels it bounds, by their index in Model.Channels, and its bounds on
// their summed spend.
type ChannelGroup struct {
	ID       string
	Channels []int   // indices into Model.Channels, in the group's order
	Min, Max float64 // bounds on Σ_{c∈G} spend_c; Max is +Inf when absent
	// MinShare and MaxShare bound Σ_{c∈G} spend_c as a share of total
	// promotion spend: MinShare × promotion ≤ Σ ≤ MaxShare × promotion.
	MinShare, MaxShare float64
}

// compileGroups resolves the plan's groups against the channels; ids that
// name no channel (an invalid plan) are left out.
func (m *Model) compileGroups() {
	if len(m.Plan.Groups) == 0 {
		return
	}
	pos := make(map[string]int, len(m.Channels))
	for c := range m.Channels {
		pos[m.Channels[c].ID] = c
	}
	m.Groups = make([]ChannelGroup, len(m.Plan.Groups))
	for i, g := range m.Plan.Groups {
		cg := ChannelGroup{ID: g.ID, Min: g.Min, Max: math.Inf(1), MinShare: g.MinShare, MaxShare: g.MaxShare}
		if g.Max != nil {
			cg.Max = *g.Max
		}
		for _, id := range g.Promotions {
			if c, ok := pos[id]; ok {
				cg.Channels = append(cg.Channels, c)
			}
		}
		m.Groups[i] = cg
	}
}
