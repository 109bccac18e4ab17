package planner

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"mixplan/planner/internal/alloc"
)

// InfeasibleError refuses an optimisation that cannot be done, with the
// numbers: Reason says it in English; Kind and the figures let a window say
// it in its own language.
type InfeasibleError struct {
	Reason string
	Kind   InfeasibleKind
	// Budget is the marketing budget asked for (0 for NoBudget); PlaceFixed,
	// Launch and Minimums are the places' fixed costs, the launch costs and
	// the channels' minimum spends it must cover.
	Budget, PlaceFixed, Launch, Minimums float64
	// Channel is the channel at fault (CapBelowMinimum, SpentOverMaximum),
	// "" otherwise.
	Channel string
	// Need and Allow are the clashing figures of CapBelowMinimum,
	// SpentOverMaximum and ConstraintsClash: the least the constraints need
	// and the most they allow.
	Need, Allow float64
}

// InfeasibleKind says why an optimisation cannot be done.
type InfeasibleKind int

// The reasons an optimisation can be refused.
const (
	BadBudget          InfeasibleKind = iota + 1 // the budget is not a number ≥ 0
	NoBudget                                     // mode revenue or units without a budget
	BudgetBelowFixed                             // the budget does not cover places' fixed costs and launch costs
	MinimumsOverBudget                           // the channels' minimums add up to more than the promotion budget
	CapBelowMinimum                              // a channel's monthly cap keeps it below its minimum spend
	SpentOverMaximum                             // rest of the year: a channel's closed and committed spend is over its maximum
	ConstraintsClash                             // the groups' bounds and shares, the budget and the channels' bounds cannot all hold
)

// PromotionBudget is what the budget leaves for promotion: the budget less
// places' fixed costs and launch costs.
func (e *InfeasibleError) PromotionBudget() float64 { return e.Budget - e.PlaceFixed - e.Launch }

func (e *InfeasibleError) Error() string { return e.Reason }

// precheck refuses, with the plan's own words, what the solver would find
// infeasible for one channel or for the budget alone.
func (q *posed) precheck(m *Model, budget float64, req OptimizeRequest) error {
	refuse := &InfeasibleError{PlaceFixed: m.PlaceFixed, Launch: m.Launch, Minimums: m.minimums(), Budget: budget + m.PlaceFixed + m.Launch}
	need := 0.0
	for c := range m.Channels {
		ch, out := &m.Channels[c], &q.prob.Channels[c]
		refuse.Channel = ch.ID
		most := math.Inf(1)
		if out.Hi != nil {
			most = 0
			for _, h := range out.Hi {
				most += h
			}
		}
		if most < out.Min {
			refuse.Kind, refuse.Need, refuse.Allow = CapBelowMinimum, out.Min, most
			refuse.Reason = fmt.Sprintf("%s may spend at most %s a month (maxPerMonth): ", ch.ID, trimMoney(ch.MaxPerMonth))
			if req.Flighting == FlightingFixed {
				refuse.Reason += "with its flighting "
			}
			if q.closedT == 0 {
				refuse.Reason += fmt.Sprintf("that is %s over the horizon, below its minimum of %s", trimMoney(most), trimMoney(out.Min))
			} else {
				refuse.Reason += fmt.Sprintf("that is %s over the open months, below the %s they must spend (its minimum %s less the %s already spent, or its committed spend)",
					trimMoney(most), trimMoney(out.Min), trimMoney(ch.Min), trimMoney(q.closedTotal[c]))
			}
			return refuse
		}
		if out.Max < out.Min {
			refuse.Kind, refuse.Need, refuse.Allow = SpentOverMaximum, out.Min+q.closedTotal[c], ch.Max
			refuse.Reason = fmt.Sprintf("%s has spent %s in the closed months and has %s committed: %s, over its maximum of %s",
				ch.ID, trimMoney(q.closedTotal[c]), trimMoney(out.Min), trimMoney(refuse.Need), trimMoney(ch.Max))
			return refuse
		}
		need += out.Min
	}
	refuse.Channel = ""
	if need > q.budget {
		refuse.Kind, refuse.Need, refuse.Allow = MinimumsOverBudget, need, q.budget
		if q.closedT == 0 {
			refuse.Reason = fmt.Sprintf(
				"the channels' minimum spends add up to %s, %s more than the promotion budget of %s (budget %s − places' fixed costs %s − launch costs %s)",
				trimMoney(need), trimMoney(need-q.budget), trimMoney(q.budget), trimMoney(refuse.Budget), trimMoney(m.PlaceFixed), trimMoney(m.Launch))
		} else {
			refuse.Reason = fmt.Sprintf(
				"the open months must spend at least %s (the channels' minimums and committed spends), %s more than the %s the budget leaves them (budget %s − places' fixed costs %s − launch costs %s − the closed months' %s)",
				trimMoney(need), trimMoney(need-q.budget), trimMoney(q.budget), trimMoney(refuse.Budget), trimMoney(m.PlaceFixed), trimMoney(m.Launch), trimMoney(q.closedAll))
		}
		return refuse
	}
	return nil
}

// refusal turns the solver's error into the planner's: a clash of rows
// into an InfeasibleError that names them with their figures.
func (q *posed) refusal(m *Model, err error, budget float64, req OptimizeRequest) error {
	var clash *alloc.InfeasibleError
	if !errors.As(err, &clash) {
		if errors.Is(err, alloc.ErrUnbounded) {
			return fmt.Errorf("mode %s has no maximum without a budget: give one", req.Mode)
		}
		return err
	}
	refuse := &InfeasibleError{Kind: ConstraintsClash, PlaceFixed: m.PlaceFixed, Launch: m.Launch, Minimums: m.minimums(),
		Budget: budget + m.PlaceFixed + m.Launch}
	if clash.Channel >= 0 {
		refuse.Channel = m.Channels[clash.Channel].ID
		refuse.Reason = fmt.Sprintf("%s cannot meet its own bounds: %s", refuse.Channel, strings.TrimPrefix(clash.Error(), "alloc: "))
		return refuse
	}
	// The rows combined with the certificate's weights: scaled so that the
	// first row counts once, its figures are in money.
	w0 := 1.0
	if len(clash.Weights) > 0 {
		w0 = clash.Weights[0]
	}
	refuse.Need, refuse.Allow = clash.Least/w0, clash.Limit/w0
	var names []string
	for _, r := range clash.Rows {
		names = append(names, q.describeRow(m, r))
	}
	refuse.Reason = fmt.Sprintf("these constraints cannot all hold with the channels' minimums and maximums: %s", strings.Join(names, "; "))
	return refuse
}

// describeRow says row r of the posed problem in words, with its figure.
func (q *posed) describeRow(m *Model, r int) string {
	l := q.labels[r]
	if l.group < 0 {
		if q.closedT > 0 {
			return fmt.Sprintf("the promotion budget of %s (%s left after the closed months)", trimMoney(q.budget+q.closedAll), trimMoney(q.budget))
		}
		return fmt.Sprintf("the promotion budget of %s", trimMoney(q.budget))
	}
	g := &m.Groups[l.group]
	switch l.kind {
	case "min":
		return fmt.Sprintf("group %s spends at least %s", g.ID, trimMoney(g.Min))
	case "max":
		return fmt.Sprintf("group %s spends at most %s", g.ID, trimMoney(g.Max))
	case "minShare":
		return fmt.Sprintf("group %s takes at least %s of promotion", g.ID, trimFloat(100*g.MinShare)+"%")
	}
	return fmt.Sprintf("group %s takes at most %s of promotion", g.ID, trimFloat(100*g.MaxShare)+"%")
}
