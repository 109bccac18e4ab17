package alloc

import "math"

// lp is a small linear program over a few rows and many bounded columns:
//
//	minimise c·v  subject to  A v ≤ b,  lo ≤ v ≤ hi
//
// with lo finite and hi possibly +Inf. The solver is a two-phase revised
// primal simplex with bounded variables and a dense basis inverse: the
// problems here have as many rows as the allocation problem's rows (a
// handful) and one or two columns per channel, so a pivot costs
// O(rows × columns).
type lp struct {
	a      [][]float64 // rows × columns
	b      []float64
	c      []float64 // nil: feasibility only
	lo, hi []float64
}

type lpStatus int

const (
	lpOptimal lpStatus = iota
	lpInfeasible
	lpUnbounded
	lpStalled // iteration limit: the point is feasible but may not be optimal
)

// lpResult is the answer of lp.solve.
type lpResult struct {
	status lpStatus
	v      []float64
	// farkas holds, when infeasible, weights π ≥ 0 of the rows such that
	// min over the box of (πA)·v exceeds π·b: the rows that clash.
	farkas []float64
}

// solve runs the simplex. Columns n.. are the rows' slacks, then one
// artificial per row (used only by rows the starting point violates).
func (p *lp) solve() lpResult {
	m, n := len(p.b), len(p.lo)
	total := n + 2*m
	s := &simplex{p: p, m: m, n: n}
	s.lo = make([]float64, total)
	s.hi = make([]float64, total)
	s.x = make([]float64, total)
	s.cost = make([]float64, total)
	copy(s.lo, p.lo)
	copy(s.hi, p.hi)
	for j := n; j < total; j++ {
		s.hi[j] = math.Inf(1)
	}
	copy(s.x, p.lo)
	s.basis = make([]int, m)
	s.pos = make([]int, total)
	for j := range s.pos {
		s.pos[j] = -1
	}
	s.binv = newSquare(m)
	s.scale = make([]float64, m)
	needPhase1 := false
	for r := 0; r < m; r++ {
		res := p.b[r]
		sc := math.Abs(p.b[r])
		for j := 0; j < n; j++ {
			res -= p.a[r][j] * p.lo[j]
			sc += math.Abs(p.a[r][j] * p.lo[j])
		}
		s.scale[r] = 1 + sc
		if res >= 0 {
			s.setBasic(r, n+r, 1)
			s.x[n+r] = res
			s.hi[n+m+r] = 0 // its artificial is never used
		} else {
			s.setBasic(r, n+m+r, -1)
			s.x[n+m+r] = -res
			s.cost[n+m+r] = 1
			needPhase1 = true
		}
	}
	if needPhase1 {
		s.run()
		infeas := 0.0
		for r := 0; r < m; r++ {
			infeas += s.x[n+m+r] / s.scale[r]
		}
		if infeas > 1e-9 {
			y := s.duals()
			pi := make([]float64, m)
			for r := range pi {
				pi[r] = math.Max(0, -y[r])
			}
			return lpResult{status: lpInfeasible, v: s.x[:n], farkas: pi}
		}
	}
	// Phase 2: artificials fixed at 0, the real costs.
	for r := 0; r < m; r++ {
		j := n + m + r
		s.hi[j] = 0
		s.cost[j] = 0
		if s.pos[j] < 0 {
			s.x[j] = 0
		}
	}
	if p.c == nil {
		return lpResult{status: lpOptimal, v: s.x[:n]}
	}
	copy(s.cost, p.c)
	st := s.run()
	return lpResult{status: st, v: s.x[:n]}
}

// simplex is the state of lp.solve.
type simplex struct {
	p        *lp
	m, n     int
	lo, hi   []float64
	x        []float64
	cost     []float64
	basis    []int // the column basic in each row position
	pos      []int // the row position of each basic column, −1 when nonbasic
	binv     [][]float64
	scale    []float64 // row magnitudes, for tolerances
	sinceInv int
}

func newSquare(m int) [][]float64 {
	buf := make([]float64, m*m)
	out := make([][]float64, m)
	for i := range out {
		out[i] = buf[i*m : (i+1)*m : (i+1)*m]
	}
	return out
}

// setBasic makes column j basic in row position r at the start, when the
// basis is diagonal (±1).
func (s *simplex) setBasic(r, j int, sign float64) {
	s.basis[r], s.pos[j] = j, r
	s.binv[r][r] = sign
}

// column returns entry r of column j.
func (s *simplex) column(j, r int) float64 {
	switch {
	case j < s.n:
		return s.p.a[r][j]
	case j < s.n+s.m:
		if j-s.n == r {
			return 1
		}
		return 0
	default:
		if j-s.n-s.m == r {
			return -1
		}
		return 0
	}
}

// duals returns y = c_B B⁻¹.
func (s *simplex) duals() []float64 {
	y := make([]float64, s.m)
	for i, j := range s.basis {
		if c := s.cost[j]; c != 0 {
			for r := 0; r < s.m; r++ {
				y[r] += c * s.binv[i][r]
			}
		}
	}
	return y
}

// run pivots until no column improves the objective.
func (s *simplex) run() lpStatus {
	m := s.m
	alpha := make([]float64, m)
	degenerate := 0
	maxIter := 50 * (s.n + 2*m + 10)
	for iter := 0; iter < maxIter; iter++ {
		if s.sinceInv >= 40 {
			s.reinvert()
		}
		y := s.duals()
		// Pricing: Dantzig's rule, Bland's after a run of degenerate pivots.
		enter, dir, best := -1, 0.0, 0.0
		for j := 0; j < len(s.x); j++ {
			if s.pos[j] >= 0 || s.hi[j] <= s.lo[j] {
				continue
			}
			d := s.cost[j]
			if j < s.n {
				for r := 0; r < m; r++ {
					d -= y[r] * s.p.a[r][j]
				}
			} else if j < s.n+m {
				d -= y[j-s.n]
			} else {
				d += y[j-s.n-m]
			}
			atLo := s.x[j] <= s.lo[j]
			var gain float64
			switch {
			case atLo && d < -1e-11:
				gain = -d
			case !atLo && d > 1e-11:
				gain = d
			default:
				continue
			}
			if degenerate > 20 {
				enter, dir = j, 1
				if !atLo {
					dir = -1
				}
				break
			}
			if gain > best {
				enter, best, dir = j, gain, 1
				if !atLo {
					dir = -1
				}
			}
		}
		if enter < 0 {
			return lpOptimal
		}
		for i := 0; i < m; i++ {
			v := 0.0
			for r := 0; r < m; r++ {
				if c := s.column(enter, r); c != 0 {
					v += s.binv[i][r] * c
				}
			}
			alpha[i] = v
		}
		// Ratio test: the entering column moves by θ ≥ 0 in direction dir;
		// basic i changes by −dir·θ·alpha[i].
		theta := s.hi[enter] - s.lo[enter]
		leave := -1
		for i := 0; i < m; i++ {
			rate := dir * alpha[i]
			if math.Abs(alpha[i]) <= 1e-12 {
				continue
			}
			j := s.basis[i]
			var lim float64
			if rate > 0 {
				lim = (s.x[j] - s.lo[j]) / rate
			} else {
				if math.IsInf(s.hi[j], 1) {
					continue
				}
				lim = (s.hi[j] - s.x[j]) / -rate
			}
			if lim < 0 {
				lim = 0
			}
			if lim < theta || (lim == theta && leave >= 0 && math.Abs(alpha[i]) > math.Abs(alpha[leave])) {
				theta, leave = lim, i
			}
		}
		if math.IsInf(theta, 1) {
			return lpUnbounded
		}
		if theta == 0 {
			degenerate++
		} else {
			degenerate = 0
		}
		for i := 0; i < m; i++ {
			s.x[s.basis[i]] -= dir * theta * alpha[i]
		}
		s.x[enter] += dir * theta
		if leave < 0 {
			s.x[enter] = s.hi[enter] // a bound flip
			if dir < 0 {
				s.x[enter] = s.lo[enter]
			}
			continue
		}
		out := s.basis[leave]
		if dir*alpha[leave] > 0 {
			s.x[out] = s.lo[out]
		} else {
			s.x[out] = s.hi[out]
		}
		s.pos[out] = -1
		s.basis[leave], s.pos[enter] = enter, leave
		// Pivot B⁻¹ on alpha[leave].
		piv := alpha[leave]
		row := s.binv[leave]
		for r := 0; r < m; r++ {
			row[r] /= piv
		}
		for i := 0; i < m; i++ {
			if i == leave || alpha[i] == 0 {
				continue
			}
			f := alpha[i]
			ri := s.binv[i]
			for r := 0; r < m; r++ {
				ri[r] -= f * row[r]
			}
		}
		s.sinceInv++
	}
	return lpStalled
}

// reinvert recomputes B⁻¹ from the basis columns and the basic values from
// the nonbasic ones, to shed rounding.
func (s *simplex) reinvert() {
	m := s.m
	s.sinceInv = 0
	bm := newSquare(m)
	for i, j := range s.basis {
		for r := 0; r < m; r++ {
			bm[r][i] = s.column(j, r)
		}
	}
	inv, ok := invert(bm)
	if !ok {
		return
	}
	s.binv = inv
	rhs := make([]float64, m)
	copy(rhs, s.p.b)
	for j := range s.x {
		if s.pos[j] >= 0 || s.x[j] == 0 {
			continue
		}
		for r := 0; r < m; r++ {
			if c := s.column(j, r); c != 0 {
				rhs[r] -= c * s.x[j]
			}
		}
	}
	for i, j := range s.basis {
		v := 0.0
		for r := 0; r < m; r++ {
			v += inv[i][r] * rhs[r]
		}
		s.x[j] = v
	}
}

// invert returns the inverse of a small square matrix by Gauss–Jordan
// elimination with partial pivoting; ok is false when it is singular.
func invert(a [][]float64) (inv [][]float64, ok bool) {
	m := len(a)
	w := newSquare(m)
	inv = newSquare(m)
	for i := range a {
		copy(w[i], a[i])
		inv[i][i] = 1
	}
	for col := 0; col < m; col++ {
		p := col
		for r := col + 1; r < m; r++ {
			if math.Abs(w[r][col]) > math.Abs(w[p][col]) {
				p = r
			}
		}
		if math.Abs(w[p][col]) < 1e-300 {
			return nil, false
		}
		w[p], w[col] = w[col], w[p]
		inv[p], inv[col] = inv[col], inv[p]
		piv := w[col][col]
		for c := 0; c < m; c++ {
			w[col][c] /= piv
			inv[col][c] /= piv
		}
		for r := 0; r < m; r++ {
			if r == col || w[r][col] == 0 {
				continue
			}
			f := w[r][col]
			for c := 0; c < m; c++ {
				w[r][c] -= f * w[col][c]
				inv[r][c] -= f * inv[col][c]
			}
		}
	}
	return inv, true
}
