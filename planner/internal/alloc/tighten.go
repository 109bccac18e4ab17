package alloc

import "math"

// Bound tightening at the root. With multipliers μ ≥ 0 and p_c = κ +
// Σ_r μ_r A_rc, every feasible allocation x has
//
//	f(x) ≤ B − ub_c + terms_c(x) − p_c·total_c(x),
//
// where B is the root's bound at μ and ub_c channel c's part of it (the
// Lagrangian splits by channel, and each other channel's part is at most
// its ub). An allocation worth having beats the incumbent V, and terms_c
// is at most wsum_c, so where p_c > 0
//
//	total_c ≤ (wsum_c + B − ub_c − V) / p_c.
//
// Every allocation at least as good as the incumbent keeps to it, so some
// optimum does. Without a budget row, channels with no Max have no other
// cap: their S-curves' envelopes over a box far wider than anything worth
// spending stay loose, and the search split them again in every branch of
// every other channel (21,000 nodes on the 200-channel plan).

// tightenRoot narrows the channels' totals as above, from the root's
// relaxation, a few rounds while it pays, and keeps the incumbents those
// relaxations find; it reports whether any changed. The solver must be
// rebuilt on the model afterwards.
func (s *solver) tightenRoot() bool {
	m := s.m
	any := false
	for round := 0; round < 3 && !s.late(); round++ {
		mu := make([]float64, len(m.b))
		s.load(nil)
		s.relax(mu, math.Inf(-1))
		s.record()
		if s.relaxBestMu != nil {
			copy(mu, s.relaxBestMu)
		}
		_, bound := s.evaluate(mu)
		if math.IsInf(bound, 0) || math.IsNaN(bound) {
			return any
		}
		// Rounding: the bound is a sum of many terms.
		slack := bound - s.bestValue + 1e-9*m.scale
		changed := false
		for c := range m.ch {
			ch, st := &m.ch[c], s.st[c]
			p := m.kappa
			for r, a := range ch.col {
				p += mu[r] * a
			}
			if !(p > 0) {
				continue
			}
			cap := (ch.wsum + slack - st.ub) / p
			cap = math.Max(cap*(1+1e-9), math.Max(ch.tl, sum(s.best[c])))
			if cap < ch.tu-1e-3*(ch.tu-ch.tl) || (math.IsInf(ch.tu, 1) && !math.IsInf(cap, 1)) {
				ch.tu = cap
				ch.tightenVariables()
				ch.argRanges()
				ch.setScale()
				s.st[c] = newChanState(ch)
				s.st[c].setBox(ch)
				changed = true
			}
		}
		if !changed {
			return any
		}
		any = true
	}
	return any
}

// openEnded reports whether some channel's total has no upper end, the
// case tightenRoot is for: where every total is capped (a budget row
// does), its extra relaxations at the root cost more than they save (a
// frontier solves 41 such problems).
func (m *model) openEnded() bool {
	for c := range m.ch {
		if math.IsInf(m.ch[c].tu, 1) {
			return true
		}
	}
	return false
}
