package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"

	"mixplan/planner"
)

func init() {
	register(command{
		name:    "optimize",
		usage:   "[--json] [--mode contribution|units] [--budget X] [--scenario ID] [--write OUT] FILE",
		summary: "find the promotion spends that maximise contribution (or units) within the channels' bounds and the budget",
		run:     runOptimize,
	})
}

func runOptimize(env Env, args []string) int {
	fs := flag.NewFlagSet("optimize", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the answer as JSON (docs/model.md section 4)")
	mode := fs.String("mode", planner.ModeContribution, "what to maximise: contribution or units")
	budgetText := fs.String("budget", "", "total marketing budget; the plan's budget target when absent")
	scenario := fs.String("scenario", planner.BaseScenario, "scenario id")
	write := fs.String("write", "", "save the plan with the optimal spends to this file")
	pos, err := parseArgs(fs, args, "plan file")
	if err == nil && *mode != planner.ModeContribution && *mode != planner.ModeUnits {
		err = errUsage{fmt.Sprintf("--mode must be contribution or units, not %q", *mode)}
	}
	var budget *float64
	if err == nil && *budgetText != "" {
		x, perr := strconv.ParseFloat(*budgetText, 64)
		if perr != nil || math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
			err = errUsage{fmt.Sprintf("--budget must be an amount ≥ 0 such as 250000, not %q", *budgetText)}
		}
		budget = &x
	}
	if err != nil {
		return fail(env, "optimize", err)
	}
	plan, err := loadPlan(env, pos[0])
	if err != nil {
		return fail(env, "optimize", err)
	}
	o, err := planner.Optimize(context.Background(), plan, planner.OptimizeRequest{Scenario: *scenario, Mode: *mode, Budget: budget})
	if err != nil {
		return fail(env, "optimize", err)
	}
	if *write != "" {
		if err := planner.Save(o.Apply(plan), *write); err != nil {
			return fail(env, "optimize", err)
		}
	}
	if *asJSON {
		return printJSON(env, "optimize", o)
	}
	before, _ := planner.Evaluate(plan, *scenario)
	after, _ := planner.Evaluate(o.Apply(plan), *scenario)
	writeOptimization(env.Stdout, plan, o, before, after, budget)
	if *write != "" {
		fmt.Fprintf(env.Stdout, "\nSaved the plan with these spends to %s.\n", *write)
	}
	return ExitOK
}

func writeOptimization(w io.Writer, p *planner.Plan, o *planner.Optimization, before, after *planner.Report, budget *float64) {
	f := figuresFor(p)
	sc, _ := p.ScenarioByID(before.Scenario)
	goal := "contribution"
	if o.Mode == planner.ModeUnits {
		goal = "units sold"
	}
	fmt.Fprintf(w, "Promotion budget optimised for %s — %s, scenario %s\n", goal, p.Name, sc.Name)
	if o.PromotionBudget.Valid {
		total := p.Targets.Budget
		source := "the plan's marketing budget target"
		if budget != nil {
			total, source = budget, "the marketing budget given"
		}
		fmt.Fprintf(w, "Promotion budget %s: %s %s, less places' fixed costs %s and launch costs %s\n",
			f.money(o.PromotionBudget.Value), source, f.money(*total), f.money(before.Totals.PlaceFixed), f.money(before.Totals.Launch))
	} else {
		fmt.Fprintln(w, "No budget set: every channel spends up to where one more unit of money returns less than it costs.")
	}
	fmt.Fprintln(w)

	var t table
	t.add("Channel", "Spend now", "Optimal", "Change", "Extra units", "ROI", "Marginal ROI")
	for i, a := range o.Allocation {
		was := before.Promotions[i]
		now := after.Promotions[i]
		t.add(p.Promotions[i].Name, f.money(was.Spend), f.money(a.Spend), signed(a.Spend-was.Spend, f.money(a.Spend-was.Spend)),
			f.units(was.LiftUnits)+" → "+f.units(now.LiftUnits),
			maybe(was.ROI, f.pct)+" → "+maybe(now.ROI, f.pct),
			maybe(was.MarginalROI, f.pct)+" → "+maybe(now.MarginalROI, f.pct))
	}
	d := o.After.Promotion - o.Before.Promotion
	t.add("Total", f.money(o.Before.Promotion), f.money(o.After.Promotion), signed(d, f.money(d)),
		f.units(o.Before.LiftUnits)+" → "+f.units(o.After.LiftUnits), "", "")
	t.write(w, "  ")
	fmt.Fprintln(w)

	dc := o.After.Contribution - o.Before.Contribution
	fmt.Fprintf(w, "Contribution: %s → %s (%s)\n", f.money(o.Before.Contribution), f.money(o.After.Contribution), signed(dc, f.money(dc)))
	du := o.After.LiftUnits - o.Before.LiftUnits
	fmt.Fprintf(w, "Units the promotion brings: %s → %s (%s)\n", f.units(o.Before.LiftUnits), f.units(o.After.LiftUnits), signed(du, f.units(du)))
	if o.Unspent > 0.5 {
		fmt.Fprintf(w, "%s of the promotion budget is left unspent: every channel not held by its bounds already returns less than one more unit of money would cost.\n", f.money(o.Unspent))
	}
	fmt.Fprintln(w)
	writeTargetChanges(w, f, before, after)
}

// writeTargetChanges shows every set target before and after a change.
func writeTargetChanges(w io.Writer, f figures, before, after *planner.Report) {
	metBefore, set := before.MetCount()
	metAfter, _ := after.MetCount()
	if set == 0 {
		fmt.Fprintln(w, "Targets: none set")
		return
	}
	fmt.Fprintf(w, "Targets: %d of %d met now, %d of %d after\n", metBefore, set, metAfter, set)
	var t table
	t.add("Target", "Goal", "Now", "", "After", "", "")
	for i, b := range before.Targets {
		a := after.Targets[i]
		value := func(x float64) string { return f.targetValue(b.Name, x) }
		t.add(targetLabel(b.Name), f.goal(b.Name, b.Kind, b.Target), maybe(b.Actual, value), status(b.Met),
			maybe(a.Actual, value), status(a.Met), statusChange(b.Met, a.Met))
	}
	t.write(w, "  ")
}

func status(met bool) string {
	if met {
		return "met"
	}
	return "MISSED"
}
