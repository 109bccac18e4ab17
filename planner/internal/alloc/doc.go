// Package alloc solves Mixplan's promotion allocation problem exactly: the
// global optimum of a sum of Hill response curves under linear constraints,
// with a proof.
//
// # The problem
//
// A Problem has channels, each with Dim decision variables x_j ∈ [Lo[j],
// Hi[j]] whose sum is the channel's total, Min ≤ total ≤ Max. A channel's
// part of the objective is a sum of Terms, each one Hill curve of an affine
// argument of the channel's variables,
//
//	Weight × φ_Shape((Offset + Σ_j Coef[j]·x_j) / Half),   φ_k(u) = u^k / (1 + u^k),
//
// less Kappa × total. Rows are linear constraints on the channels' totals,
// Σ_c Coef[c]·total_c ≤ Bound: a budget, a group's minimum or maximum, a
// group's minimum or maximum share (Σ_{c∈G} total_c − β Σ_c total_c ≤ 0),
// with any constants (closed months' spends) moved to the bound. Solve
// maximizes Constant + Σ_c (Σ terms − Kappa × total_c).
//
// The planner poses its problems this way. With n months, carryover λ,
// responsiveness ρ_t (mean 1), maxUnits M, halfSpend H, shape k and value
// of a unit of lift a (v_c with Kappa = 1, rv_c or upl_c with Kappa = 0),
// month t's pressure is x_t = (1−λ) Σ_{u≤t} λ^(t−u) spend_u and its term is
// a ρ_t (M/n) φ_k(x_t / (H/n)). Fixed flighting: one variable, the total S,
// spend_t = f_t S, so term t has Coef [(1−λ) Σ_{u≤t} λ^(t−u) f_u] and a
// monthly cap is Hi = cap / max_t f_t. Free flighting: one variable per
// month, Coef_u = (1−λ) λ^(t−u) for u ≤ t, Hi = cap. Rest of the year: the
// closed months are constants (Offset carries their pressure in; Min, Max
// and the rows are shifted by their spend; their lift goes to Constant).
// The expected-value objective is the mean of the draws' curves: more terms
// (terms with the same Half, Shape, Offset and Coef are merged).
//
// # The guarantee
//
// Solve returns an allocation and an UpperBound that no feasible allocation
// can beat, with 0 ≤ UpperBound − Objective ≤ Options.Gap × max(1,
// |Objective|) (1e-6 by default; the search aims at half of it), or
// says it could not with a *GapError. The bound is proven up to floating-point
// rounding, for which it carries an allowance of 1e-13 of the magnitude of
// the objective's parts. Infeasible constraints are refused with an
// *InfeasibleError that names the clash (a channel's own bounds, or a
// combination of rows with its figures); an objective without a maximum
// (Kappa = 0 and a channel nothing bounds) with ErrUnbounded; a malformed
// Problem with an *InputError listing every field at fault.
//
// # The method
//
// Channels apart first (decompose.go). With free flighting (some channel
// with several variables) and rows that do not bind — the relaxation
// priced at the cost of spend alone, rows' multipliers at 0, meets them
// all, which one pricing of every channel tells — each channel is solved
// alone, rows left out, by the branch and bound below, on as many
// goroutines as there are processors, the slowest kinds first (carryover,
// S-curves and a minimum). The sum of their upper bounds bounds the whole
// problem (the rows dropped: the Lagrangian bound at μ = 0 with every
// channel's answer exact, not its envelope's), and when their optima
// together meet every row they are the whole problem's optimum; each
// channel is proven to a quarter of the gap (relative to its own part),
// and those that leave too much are solved again, tighter. Solved
// together, a search over the product of 2,400 months' boxes closes one
// channel's gap again in every branch of another's; apart, the searches
// add up. When the optima break a row (or their gaps will not add up), the
// whole search runs, from their allocation if it met the rows, and the sum
// still caps its UpperBound. Channels solved apart each get
// Options.MaxNodes, and Solution.Nodes is the sum of their nodes.
//
// Where a row binds (that one pricing breaks it), there are at least 24
// channels (fewer, the whole search is quicker) and no time limit (stopped
// part way, the decomposition has no bound to give), the channels are
// still solved apart, by a Lagrangian decomposition (lagrange.go): for row
// multipliers μ ≥ 0, L(μ) = Constant + μ·b + Σ_c V_c(Kappa + μ·A_c)
// bounds the problem, where V_c(p), channel c's best value at cost p per
// unit of spend (its own box, Min and Max), is bounded by the branch and
// bound run on channel c alone. V_c is convex in p with slope −total, so
// a channel is bounded between two prices it was solved at by the chord,
// and above the highest by the slope of its least total; an answer within
// the channel's share of the gap of that bound is its answer there, and
// only channels whose answer moves are solved again. The search on μ
// starts at 0.7 × the multipliers that bring the root's relaxation onto
// each broken row (a doubling and bisection) and minimizes L one row's
// multiplier at a time, by bisection on the sign of b − A·total (upwards
// first, where channels at their least total stay put); where the minimum
// sits on a channel's jump between two totals, both sides' answers are
// kept. Candidates: each channel's total chosen between its smallest and
// largest near-optimal answers so that the priced rows are spent (a small
// linear program; channels left strictly between are solved again with
// their total fixed), the answers of a point that meet the rows with what
// they leave given to channels that straddle, and the smallest answers
// moved the least onto the rows. The gap is the sum over channels of what
// the first candidate's answer loses against the channel's bound (plus
// the priced rows' slack): the channel that loses most has its total split
// there, each side a subproblem of its own (a branch and bound on the few
// straddling channels' totals, best bound first), until the greatest open
// bound is within half the gap. A price cannot go below 0 (a share row's
// negative coefficients); when the decomposition cannot run or prove the
// gap (64 open nodes, a dual search stalled where several rows bind), the
// whole search runs from its best allocation, under its bound.
//
// Branch and bound. Before it, each channel's total is capped where more
// spend cannot pay: by its curves' saturation against the cost of spend
// when no row needs its spend, and from the root's Lagrangian bound
// against the first incumbent otherwise (tighten.go); without a budget a
// channel with no Max would otherwise keep a box far wider than anything
// worth spending, whose envelopes no number of splits makes tight. In a node (a box of the variables — for channels whose
// terms mix variables, as carryover does, a box of the terms' arguments,
// the months' pressures) each curve is replaced by its concave envelope over
// the range its argument takes, or, where several curves read one variable
// (a channel's months under fixed flighting, the draws of an expected
// objective), by the joint envelope of their sum when that sum is certified
// concave, or convex then concave, there (bounds on its second derivative
// over pieces of the range). The relaxed problem is concave. Its rows are
// priced by multipliers μ ≥ 0, found by a projected Newton method on the
// Lagrangian dual, each channel answering its price by its own concave
// maximization (a Newton search per variable and a price search for the
// total's bounds; an active-set Newton method on the pressures' ranges for
// coupled channels). The node's bound is valid for any μ and any answer:
// by concavity, max_y Ψ_c(y) − p_c·total(y) ≤ Ψ_c(x̂) − p_c·total(x̂) +
// max_y (∇Ψ_c(x̂) − p_c)·(y − x̂) over the channel's polytope (a small
// linear program solved in closed form, or relaxed by the polytope's
// constraints' multipliers), so accuracy only makes it tight. To keep the
// channels' answers continuous in the price, each channel's relaxation is
// regularized by a small proximal term on its total, re-centred on the
// answers until what it concedes is negligible. The relaxed answer, moved
// onto the rows by a small linear program where rounding left it off them,
// is a feasible allocation: its true objective is a candidate. A node
// splits the variable (or argument) where the envelope lies furthest above
// its curve: at the relaxed answer, and around the certified concave
// interval there, which becomes a child whose relaxation is exact in that
// variable. Variables of a free-flighting channel whose curves are equal up
// to a factor (months with the same responsiveness shape and caps) are kept
// in decreasing order of that factor, which some optimum satisfies, so the
// search does not explore their permutations. Best bound first, with dives
// for early incumbents. A priced row the answers leave slack (ties of
// nearly equal slopes) is spent, as a further candidate, on the channel
// that gains most from it, and totals a hair off a bound are moved onto it
// (leftover.go). A node with no envelope gap left to split, before it is
// left open, tries each channel where its bound's linear part is greatest
// (and takes a coupled channel's bound again there), and lowers its bound
// by a search on each row's multiplier alone (a saturated channel can
// stall the Newton search).
//
// This package has no dependency outside the standard library and knows
// nothing of plans: the planner builds the Problem.
package alloc
