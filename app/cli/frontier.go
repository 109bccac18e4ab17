package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"mixplan/planner"
)

func init() {
	register(command{
		name:    "frontier",
		usage:   "[--json] [--mode contribution|revenue|units] [--flighting fixed|free] [--from X] [--to Y] [--steps N] [--scenario ID] FILE",
		summary: "the best the promotion can do at each marketing budget, and the least budget that meets the revenue and contribution targets",
		run:     runFrontier,
	})
}

func runFrontier(env Env, args []string) int {
	fs := flag.NewFlagSet("frontier", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the frontier as JSON (docs/model.md section 4)")
	mode := fs.String("mode", planner.ModeContribution, "what to maximise: contribution, revenue or units")
	flighting := fs.String("flighting", planner.FlightingFixed, "fixed keeps each channel's flighting; free chooses every month's spend")
	fromText := fs.String("from", "", "first marketing budget; placeFixed + launch + the channels' minimums when absent")
	toText := fs.String("to", "", "last marketing budget; twice the budget target (or the marketing spend) when absent")
	steps := fs.String("steps", strconv.Itoa(planner.DefaultFrontierSteps), "how many budgets, evenly spaced")
	scenario := fs.String("scenario", planner.BaseScenario, "scenario id")
	pos, err := parseArgs(fs, args, "plan file")
	if err == nil {
		err = oneOf("--mode", *mode, planner.ModeContribution, planner.ModeRevenue, planner.ModeUnits)
	}
	if err == nil {
		err = oneOf("--flighting", *flighting, planner.FlightingFixed, planner.FlightingFree)
	}
	req := planner.FrontierRequest{Scenario: *scenario, Mode: *mode, Flighting: *flighting}
	if err == nil && *fromText != "" {
		req.From, err = parseAmount("--from", *fromText)
	}
	if err == nil && *toText != "" {
		req.To, err = parseAmount("--to", *toText)
	}
	if err == nil {
		n, perr := strconv.Atoi(*steps)
		if perr != nil || n < 1 || n > 10000 {
			err = errUsage{fmt.Sprintf("--steps must be a whole number from 1 to 10000, not %q", *steps)}
		}
		req.Steps = n
	}
	if err != nil {
		return fail(env, "frontier", err)
	}
	plan, err := loadPlan(env, pos[0])
	if err != nil {
		return fail(env, "frontier", err)
	}
	f, err := planner.Frontier(context.Background(), plan, req)
	if err != nil {
		return fail(env, "frontier", err)
	}
	if *asJSON {
		return printJSON(env, "frontier", f)
	}
	writeFrontier(env.Stdout, plan, f)
	return ExitOK
}

// writeFrontier prints the frontier as a table and the reach of each target in words.
func writeFrontier(w io.Writer, p *planner.Plan, fr *planner.BudgetFrontier) {
	f := p.Figures()
	goal := map[string]string{planner.ModeContribution: "contribution", planner.ModeRevenue: "net revenue", planner.ModeUnits: "units sold"}[fr.Mode]
	fmt.Fprintf(w, "Budget frontier — %s: the promotion optimised for %s at each marketing budget (%s flighting)\n\n", p.Name, goal, fr.Flighting)
	var t table
	t.add("Marketing budget", "Promotion", "Net revenue", "Contribution", "ROMI", "Extra units", "Targets met")
	for _, pt := range fr.Points {
		if !pt.Objective.Valid {
			t.add(f.Money(pt.Budget), "cannot meet the constraints", "", "", "", "", "")
			continue
		}
		met := strings.Join(pt.TargetsMet, ", ")
		if met == "" {
			met = "none"
		}
		t.add(f.Money(pt.Budget), f.Money(pt.Promotion.Value), f.Money(pt.NetRevenue.Value), f.Money(pt.Contribution.Value),
			pt.ROMI.Format(f.Percent), f.Units(pt.LiftUnits.Value), met)
	}
	t.write(w, "  ")
	if len(fr.Reach) == 0 {
		fmt.Fprintln(w, "\nNo revenue or contribution target is set: set one to see the least budget that meets it.")
		return
	}
	fmt.Fprintln(w)
	for _, rc := range fr.Reach {
		name := map[string]string{planner.TargetRevenue: "net revenue", planner.TargetContribution: "contribution"}[rc.Target]
		if rc.Budget.Valid {
			fmt.Fprintf(w, "The %s target of %s is met from a marketing budget of %s (%s there).\n", name, f.Money(rc.Goal), f.Money(rc.Budget.Value), f.Money(rc.Reached))
		} else {
			fmt.Fprintf(w, "The %s target of %s is out of reach: even the last budget brings %s.\n", name, f.Money(rc.Goal), f.Money(rc.Reached))
		}
	}
}
