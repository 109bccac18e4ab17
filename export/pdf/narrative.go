package pdf

import (
	"fmt"
	"math"
	"strings"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// The three sentences of the executive summary, written from the numbers:
// where the plan stands against its targets, what the optimiser would change
// and what it would bring, and the main risk. Figures a reader should catch
// are wrapped in ** for bold.

func (data *reportData) keyMessages() []string {
	return []string{data.targetsSentence(), data.reallocationSentence(), data.riskSentence()}
}

func bold(s string) string { return "**" + s + "**" }

// targetLabelLower names a target inside a sentence.
func targetLabelLower(name string) string {
	switch name {
	case planner.TargetRevenue:
		return "net revenue"
	case planner.TargetGrossMarginPct:
		return "gross margin"
	case planner.TargetContribution:
		return "contribution"
	case planner.TargetBudget:
		return "marketing spend"
	case planner.TargetROMI:
		return "ROMI"
	case planner.TargetCAC:
		return "CAC"
	}
	return name
}

// gapWords says how far an actual is from its target, in the target's unit:
// "€19,570 short", "€12,000 over budget", "2.1 pts above".
func (f figures) gapWords(t planner.TargetResult) string {
	if !t.Gap.Valid {
		return "not measurable"
	}
	g := t.Gap.Value
	amount := f.targetGap(t.Name, math.Abs(g))
	switch {
	case t.Kind == planner.AtMost && t.Name == planner.TargetBudget && g > 0:
		return amount + " over budget"
	case t.Kind == planner.AtMost && t.Name == planner.TargetBudget:
		return amount + " within budget"
	case t.Kind == planner.AtMost && g > 0:
		return amount + " above the ceiling"
	case t.Kind == planner.AtMost:
		return amount + " below the ceiling"
	case g < 0:
		return amount + " short"
	}
	return amount + " above target"
}

// targetGap formats a distance to a target in its unit: percentage points for ratios.
func (f figures) targetGap(name string, x float64) string {
	tg, _ := planner.TargetByName(name)
	return f.Gap(tg.Unit, x)
}

// targetValue formats a target or an actual in its unit.
func (f figures) targetValue(name string, x float64) string {
	tg, _ := planner.TargetByName(name)
	return f.Value(tg.Unit, x)
}

func (data *reportData) targetsSentence() string {
	f, r := data.fig, data.rep
	met, set := r.MetCount()
	t := r.Totals
	switch {
	case set == 0:
		return fmt.Sprintf("No targets are set; the plan makes a contribution of %s on net revenue of %s (gross margin %s).",
			bold(f.Money(t.Contribution)), bold(f.Money(t.NetRevenue)), t.GrossMarginPct.Format(f.Percent))
	case met == set:
		s := fmt.Sprintf("The plan meets all %s targets", bold(fmt.Sprint(set)))
		if set == 1 {
			s = "The plan meets its one target"
		}
		return s + fmt.Sprintf(", with a contribution of %s and marketing spend of %s.",
			bold(f.Money(t.Contribution)), f.Money(t.MarketingSpend))
	}
	var missed []string
	for _, tr := range r.Targets {
		if !tr.Met {
			missed = append(missed, targetLabelLower(tr.Name)+" is "+bold(f.gapWords(tr)))
		}
	}
	list := joinAnd(missed)
	if n := len(missed) - 3; n > 0 {
		more := "1 more target is"
		if n > 1 {
			more = fmt.Sprintf("%d more targets are", n)
		}
		list = strings.Join(missed[:3], ", ") + ", and " + more + " missed"
	}
	head := fmt.Sprintf("The plan meets %s targets", bold(fmt.Sprintf("%d of its %d", met, set)))
	if met == 0 {
		head = fmt.Sprintf("The plan misses all %d of its targets", set)
		if set == 1 {
			head = "The plan misses its one target"
		}
	}
	return head + ": " + list + "."
}

func (data *reportData) reallocationSentence() string {
	f, r, rec := data.fig, data.rep, data.rec
	if len(data.plan.Promotions) == 0 {
		return data.topProductSentence()
	}
	if rec == nil {
		return data.recNote
	}
	if len(rec.moves) == 0 {
		return "The promotion budget is already optimal: each channel’s last " + f.currencyUnit() +
			" earns as much as any other, so no reallocation adds contribution."
	}
	var from, to []string
	given, taken := 0.0, 0.0
	for _, m := range rec.moves {
		name := data.plan.Promotions[m.channel].Name
		if m.delta > 0 {
			to = append(to, name)
			given += m.delta
		} else {
			from = append(from, name)
			taken -= m.delta
		}
	}
	var action string
	switch {
	case given > 0 && taken > 0:
		action = fmt.Sprintf("moving %s from %s to %s", bold(f.Money(math.Min(given, taken))), nameList(from), nameList(to))
		if taken-given >= 1 {
			action += fmt.Sprintf(" and cutting %s", bold(f.Money(taken-given)))
		} else if given-taken >= 1 {
			action += fmt.Sprintf(" and adding %s", bold(f.Money(given-taken)))
		}
	case taken > 0:
		action = fmt.Sprintf("cutting %s from %s", bold(f.Money(taken)), nameList(from))
	default:
		action = fmt.Sprintf("adding %s to %s", bold(f.Money(given)), nameList(to))
	}
	before, after := r.Totals.Contribution, rec.after.Totals.Contribution
	gain := after - before
	if tr, ok := r.Target(planner.TargetContribution); ok && !tr.Met {
		s := fmt.Sprintf("Contribution is %s short of target; %s ", bold(f.Money(-tr.Gap.Value)), action)
		if after >= tr.Target {
			return s + fmt.Sprintf("closes it, for a contribution of %s.", bold(f.Money(after)))
		}
		return s + fmt.Sprintf("narrows the gap to %s.", bold(f.Money(tr.Target-after)))
	}
	return upperFirst(action) + fmt.Sprintf(" adds %s of contribution, for %s in all.", bold(numfmt.Signed(gain, f.Money(gain))), bold(f.Money(after)))
}

// topProductSentence replaces the reallocation sentence in a plan without promotion.
func (data *reportData) topProductSentence() string {
	f, r := data.fig, data.rep
	if len(r.Products) == 0 {
		return "The plan has no products yet."
	}
	best := 0
	for i, p := range r.Products {
		if p.Contribution > r.Products[best].Contribution {
			best = i
		}
	}
	p := r.Products[best]
	s := fmt.Sprintf("The plan has no paid promotion; %s brings the largest contribution, %s", data.plan.Products[best].Name, bold(f.Money(p.Contribution)))
	if r.Totals.Contribution > 0 {
		s += fmt.Sprintf(" (%s of the total)", f.Percent(p.Contribution/r.Totals.Contribution))
	}
	return s + "."
}

func (data *reportData) riskSentence() string {
	f, t := data.fig, data.rep.Totals
	if !t.PaybackMonth.Valid || len(data.scenarios) < 2 {
		return data.paybackSentence()
	}
	// The weakest of the other scenarios is the risk to name.
	var worst *scenarioResult
	for i := range data.scenarios {
		s := &data.scenarios[i]
		if s.sc.ID == data.scenario.ID {
			continue
		}
		if worst == nil || s.rep.Totals.Contribution < worst.rep.Totals.Contribution {
			worst = s
		}
	}
	c := worst.rep.Totals.Contribution
	diff := c - t.Contribution
	met, set := worst.rep.MetCount()
	targets := ""
	if set > 0 {
		targets = fmt.Sprintf(" and %s targets are met", bold(fmt.Sprintf("%d of %d", met, set)))
	}
	if diff >= 0 {
		// The reported scenario is itself the weakest: name the next one.
		return fmt.Sprintf("This is the weakest scenario: under %s, the next weakest, contribution reaches %s (%s more)%s.",
			bold(scenarioName(worst.sc)), bold(f.Money(c)), f.Money(diff), targets)
	}
	return fmt.Sprintf("Under the %s scenario, the weakest alternative, contribution falls to %s (%s lower)%s.",
		bold(scenarioName(worst.sc)), bold(f.Money(c)), f.Money(-diff), targets)
}

func (data *reportData) paybackSentence() string {
	f, t := data.fig, data.rep.Totals
	if !t.PaybackMonth.Valid {
		last := data.rep.Monthly[len(data.rep.Monthly)-1].CumulativeContribution
		return fmt.Sprintf("The plan does not pay back within its %d months: cumulative contribution ends at %s.",
			data.plan.Months, bold(f.Money(last)))
	}
	m := int(t.PaybackMonth.Value)
	s := fmt.Sprintf("The plan pays back in %s", bold(fmt.Sprintf("month %d", m)))
	if data.plan.Start != "" {
		s += " (" + monthLong(data.rep.Monthly[m-1].Month) + ")"
	}
	if t.MarketingSpend == 0 {
		return s + "; it has no marketing spend to recover."
	}
	if t.BreakEvenUnits.Valid {
		s += fmt.Sprintf(" and breaks even at %s units of the %s it sells", bold(f.Units(t.BreakEvenUnits.Value)), f.Units(t.Units))
	}
	return s + "."
}

// nameList names up to two items and counts the rest: "Radio and PLV",
// "Radio, PLV and 3 others".
func nameList(names []string) string {
	switch {
	case len(names) == 3:
		return names[0] + ", " + names[1] + " and 1 other"
	case len(names) > 3:
		return names[0] + ", " + names[1] + fmt.Sprintf(" and %d others", len(names)-2)
	}
	return joinAnd(names)
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}

// currencyUnit names one unit of the plan's currency in a sentence.
func (f figures) currencyUnit() string {
	switch f.Currency {
	case "EUR":
		return "euro"
	case "USD":
		return "dollar"
	case "GBP":
		return "pound"
	}
	return "unit of " + f.Currency
}
