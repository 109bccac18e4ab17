// Package planner is the Mixplan engine: the plan model, its file format, the
// formulas that turn a plan into a report, and the solvers.
//
// A Plan describes a marketing mix over a horizon of months: products (costs,
// list price, discount, base volume and price elasticity), places (distribution
// channels with the intermediary's margin, logistics and fixed costs, and the
// share of each product sold there), promotion channels (spend flighted over
// the months, split over products, answering month by month: each month holds
// its share of the channel's Hill curve, weighted by the audience's
// responsiveness, and answers the advertising pressure it feels, which
// carries over from month to month), channel groups, the actuals of the
// closed months, uncertainty ranges, and scenarios (factors on volume, unit
// cost, response and price).
//
// The targets a plan can set, their sides, units and the totals they are
// held against are one table, TargetTable; code names a target by its
// constant (TargetGrossMarginPct), never by the string.
//
// Evaluate applies a scenario and computes every figure of the contract in
// docs/model.md: units, gross sales, channel margins, net revenue, cost of goods,
// gross margin, logistics, marketing spend, contribution, ROMI, CAC, CLV,
// break-even units, the monthly series (lift lands in the months the
// pressure is felt) and the payback month, and each target's status. The
// computation is a few passes over dense slices and is cheap enough to run on
// every keystroke. Compile exposes the per-channel constants and monthly
// curves the solvers work on (Model, Channel, ChannelGroup).
//
// Optimize answers the promotion budget problem of section 3.1: the spends
// (or, with free flighting, every month's spend) within every channel's
// bounds and monthly cap, the groups' bounds and shares and the budget that
// maximise contribution, net revenue or the units promotion brings, for the
// plan, the rest of its year, or the mean over its uncertainty draws. It
// poses the problem for planner/internal/alloc, an exact branch and bound
// over the concave envelopes of the monthly curves, and reports the proof:
// an upper bound within a relative 1e-6 of the answer. Frontier solves it
// at a series of budgets and finds the least budget that meets each revenue
// and contribution target (section 3.2). AdvisePrices gives each product's
// lowest list price for the gross-margin target and the list price that
// maximises contribution; PriceCurve is the curve it searches, for charts.
// They are pure functions of the plan and take a context so a caller can
// cancel a run the user has outdated.
//
// Plans are read with Parse or Load, which refuse a damaged or invalid plan
// whole with a *ValidationError listing every problem with its JSON path and
// the Rule it breaks (rules.go: a stable code and its values, so that a
// window can say it in another language), and
// written with Marshal or Save, which writes a temporary file and renames it so
// an interrupted save never leaves a half-written plan.
package planner
