package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

func init() {
	register(command{
		name: "optimize",
		usage: "[--json] [--mode contribution|revenue|units] [--flighting fixed|free] [--rest-of-year] " +
			"[--objective plan|expected] [--budget X] [--scenario ID] [--write OUT] FILE",
		summary: "find the promotion spends that maximise contribution (or revenue, or units) within the channels' bounds and caps, the groups and the budget, with a proof",
		run:     runOptimize,
	})
}

func runOptimize(env Env, args []string) int {
	fs := flag.NewFlagSet("optimize", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the answer as JSON (docs/model.md section 4)")
	mode := fs.String("mode", planner.ModeContribution, "what to maximise: contribution, revenue or units")
	flighting := fs.String("flighting", planner.FlightingFixed, "fixed keeps each channel's flighting; free chooses every month's spend")
	rest := fs.Bool("rest-of-year", false, "optimise the open months only of a plan with actuals")
	objective := fs.String("objective", planner.ObjectivePlan, "plan, or expected: the mean contribution over the uncertainty draws")
	budgetText := fs.String("budget", "", "total marketing budget; the plan's budget target when absent")
	scenario := fs.String("scenario", planner.BaseScenario, "scenario id")
	write := fs.String("write", "", "save the plan with the optimal spends to this file")
	pos, err := parseArgs(fs, args, "plan file")
	if err == nil {
		err = oneOf("--mode", *mode, planner.ModeContribution, planner.ModeRevenue, planner.ModeUnits)
	}
	if err == nil {
		err = oneOf("--flighting", *flighting, planner.FlightingFixed, planner.FlightingFree)
	}
	if err == nil {
		err = oneOf("--objective", *objective, planner.ObjectivePlan, planner.ObjectiveExpected)
	}
	var budget *float64
	if err == nil && *budgetText != "" {
		budget, err = parseAmount("--budget", *budgetText)
	}
	if err != nil {
		return fail(env, "optimize", err)
	}
	plan, err := loadPlan(env, pos[0])
	if err != nil {
		return fail(env, "optimize", err)
	}
	o, err := planner.Optimize(context.Background(), plan, planner.OptimizeRequest{Scenario: *scenario, Mode: *mode,
		Flighting: *flighting, RestOfYear: *rest, Objective: *objective, Budget: budget})
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
	f := p.Figures()
	sc, _ := p.ScenarioByID(before.Scenario)
	goal := map[string]string{planner.ModeContribution: "contribution", planner.ModeRevenue: "net revenue", planner.ModeUnits: "units sold"}[o.Mode]
	fmt.Fprintf(w, "Promotion budget optimised for %s — %s, scenario %s\n", goal, p.Name, sc.Name)
	if o.Flighting == planner.FlightingFree {
		fmt.Fprintln(w, "Free flighting: the optimiser chose every month's spend.")
	}
	if o.RestOfYear {
		fmt.Fprintf(w, "Rest of the year: the %d closed months keep their actual spends; the open months are optimised with the re-fitted curves.\n", p.Actuals.Through)
	}
	if o.PromotionBudget.Valid {
		total := p.Targets.Budget
		source := "the plan's marketing budget target"
		if budget != nil {
			total, source = budget, "the marketing budget given"
		}
		fmt.Fprintf(w, "Promotion budget %s: %s %s, less places' fixed costs %s and launch costs %s\n",
			f.Money(o.PromotionBudget.Value), source, f.Money(*total), f.Money(before.Totals.PlaceFixed), f.Money(before.Totals.Launch))
	} else {
		fmt.Fprintln(w, "No budget set: every channel spends up to where one more unit of money returns less than it costs.")
	}
	fmt.Fprintln(w)

	var t table
	t.add("Channel", "Spend now", "Optimal", "Change", "Extra units", "ROI", "Marginal ROI")
	for i, a := range o.Allocation {
		was := before.Promotions[i]
		now := after.Promotions[i]
		t.add(p.Promotions[i].Name, f.Money(was.Spend), f.Money(a.Spend), numfmt.Signed(a.Spend-was.Spend, f.Money(a.Spend-was.Spend)),
			f.Units(was.LiftUnits)+" → "+f.Units(now.LiftUnits),
			was.ROI.Format(f.Percent)+" → "+now.ROI.Format(f.Percent),
			was.MarginalROI.Format(f.Percent)+" → "+now.MarginalROI.Format(f.Percent))
	}
	d := o.After.Promotion - o.Before.Promotion
	t.add("Total", f.Money(o.Before.Promotion), f.Money(o.After.Promotion), numfmt.Signed(d, f.Money(d)),
		f.Units(o.Before.LiftUnits)+" → "+f.Units(o.After.LiftUnits), "", "")
	t.write(w, "  ")
	fmt.Fprintln(w)

	dc := o.After.Contribution - o.Before.Contribution
	fmt.Fprintf(w, "Contribution: %s → %s (%s)\n", f.Money(o.Before.Contribution), f.Money(o.After.Contribution), numfmt.Signed(dc, f.Money(dc)))
	du := o.After.LiftUnits - o.Before.LiftUnits
	fmt.Fprintf(w, "Units the promotion brings: %s → %s (%s)\n", f.Units(o.Before.LiftUnits), f.Units(o.After.LiftUnits), numfmt.Signed(du, f.Units(du)))
	if o.Unspent > 0.5 {
		fmt.Fprintf(w, "%s of the promotion budget is left unspent: every channel not held by its bounds already returns less than one more unit of money would cost.\n", f.Money(o.Unspent))
	}
	fmt.Fprintf(w, "Proven optimal: no allocation brings more than %s (the answer brings %s).\n", objectiveText(f, o.Mode, o.UpperBound), objectiveText(f, o.Mode, o.Objective))
	fmt.Fprintln(w)
	writeTargetChanges(w, f, before, after)
}

// objectiveText writes a value of the mode's objective: money, or units.
func objectiveText(f numfmt.Figures, mode string, x float64) string {
	if mode == planner.ModeUnits {
		return f.Units(x) + " units"
	}
	return f.Money(x)
}

// oneOf refuses a flag's value outside its choices, as a command-line mistake.
func oneOf(flagName, value string, choices ...string) error {
	for _, c := range choices {
		if value == c {
			return nil
		}
	}
	return errUsage{fmt.Sprintf("%s must be %s, not %q", flagName, strings.Join(choices, " or "), value)}
}

// parseAmount reads an amount ≥ 0 given on the command line.
func parseAmount(flagName, text string) (*float64, error) {
	x, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
		return nil, errUsage{fmt.Sprintf("%s must be an amount ≥ 0 such as 250000, not %q", flagName, text)}
	}
	return &x, nil
}

// writeTargetChanges shows every set target before and after a change.
func writeTargetChanges(w io.Writer, f numfmt.Figures, before, after *planner.Report) {
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
		text := textOf(f, b)
		t.add(text.label, text.goal, b.Actual.Format(text.value), status(b.Met), a.Actual.Format(text.value), status(a.Met),
			statusChange(b.Met, a.Met))
	}
	t.write(w, "  ")
}

func status(met bool) string {
	if met {
		return "met"
	}
	return "MISSED"
}
