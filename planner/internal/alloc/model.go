package alloc

import (
	"math"
	"sort"
)

// term is a Term in its curve's own units: w × φ_k(b + Σ_i a[i] x[idx[i]]),
// with a = Coef / Half over the variables it depends on and b = Offset / Half.
type term struct {
	w, k, xi float64 // weight, shape, inflection point
	b        float64
	idx      []int
	a        []float64
	arg      int     // coupled channels: the argument it reads
	inv      float64 // 1 / Half
	// aNegK is a[0]^(−k) for a term of one variable with no offset, whose
	// u^(−k) is then aNegK × x^(−k): the variable's terms share one power
	// (sharePowers). 0 where that does not hold.
	aNegK float64
}

// arg is a linear argument b + c·x that one or more terms of a coupled
// channel read (in spend units): a month's advertising pressure. Coupled
// channels are branched on their arguments' ranges rather than on their
// variables, so that a term's envelope tightens with its own argument's
// range alone.
type arg struct {
	b      float64
	idx    []int
	c      []float64
	terms  []int
	lo, hi float64 // its range on the channel's box
}

// u is the term's argument at x.
func (t *term) u(x []float64) float64 {
	u := t.b
	for i, j := range t.idx {
		u += t.a[i] * x[j]
	}
	return u
}

// channel is a Channel after checks and simplification.
type channel struct {
	dim    int
	lo, hi []float64 // the variables' bounds, tightened by the total's
	tl, tu float64   // the total's bounds: Min and Max tightened by the variables' and the rows'
	terms  []term
	// separable channels have terms of one variable each; byVar lists them.
	separable bool
	byVar     [][]int
	// sharedK[j] is the shape every term of variable j has when they all
	// have aNegK (one power of x serves them all); 0 otherwise.
	sharedK []float64
	// order is the order in which ties are filled: within a symmetry
	// class, the variable with the larger curve first.
	order []int
	// class and rank place each variable of a separable channel in its
	// symmetry class: variables with the same bounds whose curves are the
	// same up to a positive factor. Some optimum has them in decreasing
	// order of that factor (swapping two out of order never loses and keeps
	// the total), so the search only looks at such allocations. class is −1
	// for a variable alone in its class.
	class   []int
	rank    []int
	classes [][]int
	args    []arg   // coupled channels only
	wsum    float64 // Σ weights: no allocation of the channel brings more
	scale   float64 // a typical spread of the channel's total
	eps0    float64 // strength of the relaxation's regularization (see relax.go)
	eps     float64 // eps0 times the continuation stage's factor (dual.go)
	col     []float64
}

// model is the compiled problem.
type model struct {
	ch       []channel
	rows     []int       // the Problem's rows kept (finite bound)
	a        [][]float64 // rows × channels
	b        []float64
	kappa    float64
	constant float64
	scale    float64 // magnitude of the objective's parts, for tolerances
}

// compile checks p and builds the model.
func compile(p *Problem) (*model, error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	m := &model{kappa: p.Kappa, constant: p.Constant, ch: make([]channel, len(p.Channels))}
	for c := range p.Channels {
		if err := m.compileChannel(c, &p.Channels[c]); err != nil {
			return nil, err
		}
	}
	for r := range p.Rows {
		if math.IsInf(p.Rows[r].Bound, 1) {
			continue
		}
		m.rows = append(m.rows, r)
		m.a = append(m.a, p.Rows[r].Coef)
		m.b = append(m.b, p.Rows[r].Bound)
	}
	for c := range m.ch {
		col := make([]float64, len(m.a))
		for r := range m.a {
			col[r] = m.a[r][c]
		}
		m.ch[c].col = col
	}
	m.propagate()
	m.capByValue()
	for c := range m.ch {
		ch := &m.ch[c]
		ch.tightenVariables()
		ch.argRanges()
		if math.IsInf(ch.tu, 1) && m.kappa == 0 && ch.wsum > 0 {
			return nil, ErrUnbounded
		}
		ch.setScale()
	}
	m.scale = 1 + math.Abs(m.constant)
	for c := range m.ch {
		m.scale += m.ch[c].wsum
	}
	return m, nil
}

func (m *model) compileChannel(c int, in *Channel) error {
	ch := &m.ch[c]
	d := in.Dim
	ch.dim = d
	ch.lo, ch.hi = make([]float64, d), make([]float64, d)
	sumLo, sumHi := 0.0, 0.0
	for j := 0; j < d; j++ {
		ch.hi[j] = math.Inf(1)
		if in.Lo != nil {
			ch.lo[j] = in.Lo[j]
		}
		if in.Hi != nil {
			ch.hi[j] = in.Hi[j]
		}
		sumLo += ch.lo[j]
		sumHi += ch.hi[j]
	}
	clash := &InfeasibleError{Channel: c, Min: in.Min, Max: in.Max, LoSum: sumLo, HiSum: sumHi}
	if in.Min > in.Max || in.Min > sumHi*(1+1e-12) || in.Max < sumLo*(1-1e-12) {
		return clash
	}
	ch.tl = math.Max(in.Min, sumLo)
	ch.tu = math.Min(in.Max, sumHi)
	if ch.tl > ch.tu {
		ch.tl = ch.tu // only rounding can get here
	}

	// Merge terms with the same curve and argument; fold constant ones.
	type key struct {
		half, shape, offset float64
		coef                string
	}
	seen := map[key]int{}
	for t := range in.Terms {
		tm := &in.Terms[t]
		if tm.Weight == 0 {
			continue
		}
		nz := 0
		for _, a := range tm.Coef {
			if a != 0 {
				nz++
			}
		}
		if nz == 0 {
			m.constant += tm.Weight * phi(tm.Offset/tm.Half, tm.Shape)
			continue
		}
		k := key{tm.Half, tm.Shape, tm.Offset, coefKey(tm.Coef)}
		if i, ok := seen[k]; ok {
			ch.terms[i].w += tm.Weight
			continue
		}
		seen[k] = len(ch.terms)
		nt := term{w: tm.Weight, k: tm.Shape, xi: inflection(tm.Shape), b: tm.Offset / tm.Half, inv: 1 / tm.Half}
		for j, a := range tm.Coef {
			if a != 0 {
				nt.idx = append(nt.idx, j)
				nt.a = append(nt.a, a/tm.Half)
			}
		}
		ch.terms = append(ch.terms, nt)
	}
	ch.separable = true
	for t := range ch.terms {
		ch.wsum += ch.terms[t].w
		if len(ch.terms[t].idx) > 1 {
			ch.separable = false
		}
	}
	ch.order = make([]int, d)
	for j := range ch.order {
		ch.order[j] = j
	}
	if ch.separable {
		ch.byVar = make([][]int, d)
		for t := range ch.terms {
			j := ch.terms[t].idx[0]
			ch.byVar[j] = append(ch.byVar[j], t)
		}
		ch.sharePowers()
		ch.findClasses()
		return nil
	}
	// Terms reading the same argument (same offset and coefficients, as
	// the draws of an expected objective do) share it.
	type argKey struct {
		offset float64
		coef   string
	}
	args := map[argKey]int{}
	for t := range in.Terms {
		tm := &in.Terms[t]
		i, ok := seen[key{tm.Half, tm.Shape, tm.Offset, coefKey(tm.Coef)}]
		if !ok || tm.Weight == 0 {
			continue // dropped or folded into the constant
		}
		ak := argKey{tm.Offset, coefKey(tm.Coef)}
		a, ok := args[ak]
		if !ok {
			a = len(ch.args)
			args[ak] = a
			na := arg{b: tm.Offset}
			for j, c := range tm.Coef {
				if c != 0 {
					na.idx = append(na.idx, j)
					na.c = append(na.c, c)
				}
			}
			ch.args = append(ch.args, na)
		}
		if !containsInt(ch.args[a].terms, i) {
			ch.args[a].terms = append(ch.args[a].terms, i)
			ch.terms[i].arg = a
		}
	}
	return nil
}

// sharePowers finds the variables whose terms all read it with no offset
// and one shape k ≠ 1: u_t^(−k) = a_t^(−k) x^(−k), so one power of x
// serves every term (a channel's months under fixed flighting), which is
// most of the solver's time on large plans.
func (ch *channel) sharePowers() {
	ch.sharedK = make([]float64, ch.dim)
	for j, ts := range ch.byVar {
		if len(ts) < 2 {
			continue
		}
		k := ch.terms[ts[0]].k
		ok := k != 1
		for _, t := range ts {
			tm := &ch.terms[t]
			tm.aNegK = math.Pow(tm.a[0], -tm.k)
			if tm.b != 0 || tm.k != k || !(tm.aNegK > 0) || math.IsInf(tm.aNegK, 1) {
				ok = false
			}
		}
		if ok {
			ch.sharedK[j] = k
		}
	}
}

func containsInt(xs []int, v int) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}

// coefKey is a map key for a coefficient vector.
func coefKey(coef []float64) string {
	buf := make([]byte, 8*len(coef))
	for i, a := range coef {
		u := math.Float64bits(a)
		for k := 0; k < 8; k++ {
			buf[8*i+k] = byte(u >> (8 * k))
		}
	}
	return string(buf)
}

// findClasses groups the variables of a separable channel whose curves are
// the same up to a positive factor and whose bounds are the same, and orders
// each group by that factor, largest first (ties by index).
func (ch *channel) findClasses() {
	d := ch.dim
	ch.class = make([]int, d)
	ch.rank = make([]int, d)
	for j := range ch.class {
		ch.class[j] = -1
	}
	if d < 2 {
		return
	}
	// A variable's signature: its terms sorted by (k, b, a).
	sig := make([][]int, d)
	factor := make([]float64, d)
	for j := 0; j < d; j++ {
		ts := append([]int(nil), ch.byVar[j]...)
		sort.Slice(ts, func(p, q int) bool {
			tp, tq := &ch.terms[ts[p]], &ch.terms[ts[q]]
			if tp.k != tq.k {
				return tp.k < tq.k
			}
			if tp.b != tq.b {
				return tp.b < tq.b
			}
			return tp.a[0] < tq.a[0]
		})
		sig[j] = ts
		for _, t := range ts {
			factor[j] += ch.terms[t].w
		}
	}
	same := func(x, y float64) bool { return math.Abs(x-y) <= 1e-12*math.Max(math.Abs(x), math.Abs(y)) }
	alike := func(i, j int) bool {
		if ch.lo[i] != ch.lo[j] || ch.hi[i] != ch.hi[j] || len(sig[i]) != len(sig[j]) || len(sig[i]) == 0 {
			return false
		}
		for n := range sig[i] {
			ti, tj := &ch.terms[sig[i][n]], &ch.terms[sig[j][n]]
			if ti.k != tj.k || !same(ti.b, tj.b) || !same(ti.a[0], tj.a[0]) ||
				!same(ti.w/factor[i], tj.w/factor[j]) {
				return false
			}
		}
		return true
	}
	for j := 0; j < d; j++ {
		if ch.class[j] >= 0 {
			continue
		}
		members := []int{j}
		for i := j + 1; i < d; i++ {
			if ch.class[i] < 0 && alike(j, i) {
				members = append(members, i)
			}
		}
		if len(members) < 2 {
			continue
		}
		sort.SliceStable(members, func(p, q int) bool { return factor[members[p]] > factor[members[q]] })
		id := len(ch.classes)
		for r, v := range members {
			ch.class[v], ch.rank[v] = id, r
		}
		ch.classes = append(ch.classes, members)
	}
	// Fill ties class by class in rank order, other variables as they come.
	ch.order = ch.order[:0]
	done := make([]bool, d)
	for j := 0; j < d; j++ {
		if done[j] {
			continue
		}
		if ch.class[j] < 0 {
			ch.order = append(ch.order, j)
			done[j] = true
			continue
		}
		for _, v := range ch.classes[ch.class[j]] {
			ch.order = append(ch.order, v)
			done[v] = true
		}
	}
}

// propagate tightens the channels' upper totals from the rows: a row with a
// positive coefficient on c caps total_c by what the others leave at their
// most favourable bounds. It matters when a channel has no Max and the
// budget is what limits it.
func (m *model) propagate() {
	for pass := 0; pass < 3; pass++ {
		changed := false
		for r := range m.a {
			row := m.a[r]
			least, infinite := 0.0, 0
			for c := range m.ch {
				v := math.Min(row[c]*m.ch[c].tl, row[c]*m.ch[c].tu)
				if row[c] < 0 && math.IsInf(m.ch[c].tu, 1) {
					infinite++
					continue
				}
				if row[c] != 0 {
					least += v
				}
			}
			if infinite > 0 {
				continue
			}
			for c := range m.ch {
				a := row[c]
				if a <= 0 {
					continue
				}
				ch := &m.ch[c]
				others := least - a*ch.tl
				cap := (m.b[r] - others) / a
				if cap < ch.tu {
					ch.tu = math.Max(cap, ch.tl) // infeasibility is the LP's to tell
					changed = true
				}
			}
		}
		if !changed {
			return
		}
	}
}

// capByValue caps, when spending costs (Kappa > 0), the total of every
// channel that no row needs spending from (no negative coefficient). Its
// terms bring at most wsum, so a total T above (wsum − v0)/Kappa, where v0
// is the channel's value (terms − Kappa × total) at some allocation of
// total T0 ≤ that cap, loses to that allocation, which meets every row the
// larger total did: some optimum lies under the cap. v0 is the best of a
// few totals from tl up. Without the cap a channel with no Max and no
// budget has an unbounded (or, capped by wsum alone, a needlessly wide)
// box, whose S-curves' envelopes stay loose however often the search
// splits it.
func (m *model) capByValue() {
	if !(m.kappa > 0) {
		return
	}
	for c := range m.ch {
		ch := &m.ch[c]
		needed := false
		for r := range m.a {
			if m.a[r][c] < 0 {
				needed = true
			}
		}
		if needed {
			continue
		}
		top := math.Min(ch.tu, ch.tl+ch.wsum/m.kappa)
		v0 := math.Inf(-1)
		x := make([]float64, ch.dim)
		const samples = 64
		for i := 0; i <= samples; i++ {
			t := ch.tl + (top-ch.tl)*math.Pow(float64(i)/samples, 3)
			if !ch.fill(x, t) {
				continue
			}
			v0 = math.Max(v0, ch.value(x)-m.kappa*t)
		}
		if cap := (ch.wsum - v0) / m.kappa; cap < ch.tu {
			ch.tu = math.Max(cap, ch.tl)
		}
	}
}

// fill sets x to an allocation of the channel with total t, within the
// variables' bounds: spread in proportion to their ranges when they are
// finite, in fill order otherwise. It reports false when t is out of reach.
func (ch *channel) fill(x []float64, t float64) bool {
	copy(x, ch.lo)
	d, room := t-sum(ch.lo), 0.0
	for j := range x {
		room += ch.hi[j] - ch.lo[j]
	}
	if d < 0 || d > room {
		return false
	}
	if !math.IsInf(room, 1) && room > 0 {
		for j := range x {
			x[j] += d * (ch.hi[j] - ch.lo[j]) / room
		}
		return true
	}
	for _, j := range ch.order {
		add := math.Min(d, ch.hi[j]-x[j])
		if add > 0 {
			x[j] += add
			d -= add
		}
	}
	return true
}

// tightenVariables narrows each variable's bounds to what the total allows.
func (ch *channel) tightenVariables() {
	for pass := 0; pass < 2; pass++ {
		ch.tightenOnce()
	}
}

func (ch *channel) tightenOnce() {
	sumLo, sumHi, infHi := 0.0, 0.0, 0
	for j := 0; j < ch.dim; j++ {
		sumLo += ch.lo[j]
		if math.IsInf(ch.hi[j], 1) {
			infHi++
		} else {
			sumHi += ch.hi[j]
		}
	}
	for j := 0; j < ch.dim; j++ {
		if h := ch.tu - (sumLo - ch.lo[j]); h < ch.hi[j] {
			ch.hi[j] = math.Max(h, ch.lo[j])
		}
		othersHi := sumHi
		if math.IsInf(ch.hi[j], 1) {
			if infHi > 1 {
				continue
			}
		} else {
			if infHi > 0 {
				continue
			}
			othersHi -= ch.hi[j]
		}
		if l := ch.tl - othersHi; l > ch.lo[j] {
			ch.lo[j] = math.Min(l, ch.hi[j])
		}
	}
}

// argRanges sets each argument's range on the channel's box.
func (ch *channel) argRanges() {
	for a := range ch.args {
		ar := &ch.args[a]
		ar.lo, ar.hi = ar.b, ar.b
		for i, j := range ar.idx {
			ar.lo += ar.c[i] * ch.lo[j]
			ar.hi += ar.c[i] * ch.hi[j]
		}
	}
}

// setScale sets the channel's typical spread of spend and the strength of
// the regularization the relaxation adds (see relax.go).
func (ch *channel) setScale() {
	s := 0.0
	for j := 0; j < ch.dim; j++ {
		// Where the curves of this variable saturate, or its range if
		// narrower: not the range alone, which a budget can make huge.
		amax := 0.0
		for t := range ch.terms {
			for i, v := range ch.terms[t].idx {
				if v == j {
					amax = math.Max(amax, ch.terms[t].a[i])
				}
			}
		}
		w := ch.hi[j] - ch.lo[j]
		if amax > 0 {
			w = math.Min(w, 10/amax)
		}
		if math.IsInf(w, 1) {
			w = 1
		}
		s += w
	}
	if !math.IsInf(ch.tu, 1) {
		s = math.Min(s, ch.tu-ch.tl)
	}
	if !(s > 0) {
		s = 1
	}
	ch.scale = s
	v := ch.wsum
	if v <= 0 {
		v = 1
	}
	ch.eps0 = regularization * v / (s * s)
	ch.eps = ch.eps0
}

// value is the channel's terms at x (without the cost of spend).
func (ch *channel) value(x []float64) float64 {
	v := 0.0
	for t := range ch.terms {
		tm := &ch.terms[t]
		v += tm.w * phi(tm.u(x), tm.k)
	}
	return v
}

// objective is the problem's objective at x, and the magnitude of its
// parts (for the rounding allowance).
func (m *model) objective(x [][]float64) (obj, mag float64) {
	obj, mag = m.constant, math.Abs(m.constant)
	for c := range m.ch {
		v := m.ch[c].value(x[c])
		t := 0.0
		for _, xj := range x[c] {
			t += xj
		}
		obj += v - m.kappa*t
		mag += v + m.kappa*t
	}
	return obj, mag
}

// feasible reports whether x meets every constraint of the problem, to a
// relative 1e-9: the last guard before an allocation is kept.
func (m *model) feasible(x [][]float64) bool {
	totals := make([]float64, len(m.ch))
	for c := range m.ch {
		ch := &m.ch[c]
		t := 0.0
		for j, v := range x[c] {
			if v < ch.lo[j]-1e-9*(1+ch.lo[j]) || v > ch.hi[j]+1e-9*(1+ch.hi[j]) || math.IsNaN(v) {
				return false
			}
			t += v
		}
		if t < ch.tl-1e-9*(1+ch.tl) || t > ch.tu+1e-9*(1+ch.tu) {
			return false
		}
		totals[c] = t
	}
	for r := range m.a {
		lhs, mag := 0.0, math.Abs(m.b[r])
		for c, a := range m.a[r] {
			lhs += a * totals[c]
			mag += math.Abs(a * totals[c])
		}
		if lhs > m.b[r]+1e-9*(1+mag) {
			return false
		}
	}
	return true
}
