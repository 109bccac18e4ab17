package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

func init() {
	register(command{
		name:  "risk",
		usage: "[--json] [--draws N] [--seed S] [--scenario ID] FILE",
		summary: "how sure the plan is: which uncertain inputs (the plan's ranges) swing contribution most, and what " +
			"contribution, revenue, margin, ROMI, CAC and units may turn out to be over N draws (default 5000, seed 1)",
		run: runRisk,
	})
}

func runRisk(env Env, args []string) int {
	fs := flag.NewFlagSet("risk", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the answer as JSON (docs/model.md section 4)")
	drawsText := fs.String("draws", strconv.Itoa(planner.DefaultDraws), "number of draws of the simulation")
	seedText := fs.String("seed", strconv.Itoa(planner.DefaultSeed), "seed of the draws: the same seed gives the same answer")
	scenario := fs.String("scenario", planner.BaseScenario, "scenario id")
	pos, err := parseArgs(fs, args, "plan file")
	draws, seed := 0, uint64(0)
	if err == nil {
		draws, err = strconv.Atoi(*drawsText)
		if err != nil || draws < 1 || draws > planner.MaxDraws {
			err = errUsage{fmt.Sprintf("--draws must be a whole number from 1 to %d, not %q", planner.MaxDraws, *drawsText)}
		}
	}
	if err == nil {
		seed, err = strconv.ParseUint(*seedText, 10, 64)
		if err != nil {
			err = errUsage{fmt.Sprintf("--seed must be a whole number ≥ 0, not %q", *seedText)}
		}
	}
	if err != nil {
		return fail(env, "risk", err)
	}
	plan, err := loadPlan(env, pos[0])
	if err != nil {
		return fail(env, "risk", err)
	}
	r, err := planner.Simulate(context.Background(), plan, planner.RiskRequest{Scenario: *scenario, Draws: draws, Seed: seed})
	if err != nil {
		return fail(env, "risk", err)
	}
	if *asJSON {
		return printJSON(env, "risk", r)
	}
	writeRisk(env.Stdout, plan, *scenario, r)
	return ExitOK
}

func writeRisk(w io.Writer, p *planner.Plan, scenario string, r *planner.Risk) {
	f := p.Figures()
	sc, _ := p.ScenarioByID(scenario)
	fmt.Fprintf(w, "How sure is %s? Scenario %s, %s draws (seed %d)\n\n", p.Name, sc.Name, f.Units(float64(r.Draws)), r.Seed)
	writeTornado(w, f, p, r.Tornado)
	fmt.Fprintln(w)
	writeSpread(w, f, r)
	writeTargetOdds(w, f, p, r)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Cumulative contribution by month: 8 draws in 10 fall between P10 and P90")
	var t table
	t.add("Month", "P10", "P50", "P90")
	for _, b := range r.MonthlyCumulative {
		t.add(b.Month, f.Money(b.P10), f.Money(b.P50), f.Money(b.P90))
	}
	t.write(w, "  ")
}

// writeTornado names the assumptions that matter most, in words, largest
// swing first, with what to do about the first.
func writeTornado(w io.Writer, f numfmt.Figures, p *planner.Plan, bars []planner.TornadoBar) {
	if len(bars) == 0 {
		fmt.Fprintln(w, "The plan has no uncertainty ranges: add ranges on the inputs you are unsure of (base volumes, costs, elasticities, margins, channel curves) to see which matter most.")
		return
	}
	fmt.Fprintln(w, "Which assumptions matter most")
	for i, b := range bars {
		in, err := p.ResolveRange(b.Of)
		if err != nil {
			continue // Simulate resolved every range already
		}
		value := func(x float64) string { return in.Value(f, x) }
		s := fmt.Sprintf("%s swings contribution by %s (%s at %s, %s at %s)", p.Assumption(in), f.Money(b.Swing),
			f.Money(b.ContributionLow), value(b.Low), f.Money(b.ContributionHigh), value(b.High))
		if i == 0 && b.Swing > 0 {
			s += ": " + in.FirstAction()
		}
		fmt.Fprintf(w, "  %d. %s.\n", i+1, s)
	}
}

// writeSpread shows the mean and the 10th, 50th and 90th percentiles of the key totals.
func writeSpread(w io.Writer, f numfmt.Figures, r *planner.Risk) {
	c := r.Totals.Contribution
	switch {
	case !c.P10.Valid:
	case c.P10.Value == c.P90.Value:
		fmt.Fprintf(w, "Every draw gives the same contribution, %s: no input the draws vary moves it.\n", f.Money(c.P50.Value))
	default:
		fmt.Fprintf(w, "In 8 draws out of 10, contribution lands between %s and %s (mean %s).\n",
			f.Money(c.P10.Value), f.Money(c.P90.Value), f.Money(c.Mean.Value))
	}
	var t table
	t.add("Figure", "Mean", "P10", "P50", "P90")
	for _, row := range []struct {
		name   string
		d      planner.Distribution
		format func(float64) string
	}{
		{"Contribution", r.Totals.Contribution, f.Money}, {"Net revenue", r.Totals.NetRevenue, f.Money},
		{"Gross margin %", r.Totals.GrossMarginPct, f.Percent}, {"ROMI", r.Totals.ROMI, f.Percent},
		{"CAC", r.Totals.CAC, f.UnitMoney}, {"Units", r.Totals.Units, f.Units},
	} {
		t.add(row.name, row.d.Mean.Format(row.format), row.d.P10.Format(row.format), row.d.P50.Format(row.format), row.d.P90.Format(row.format))
	}
	t.write(w, "  ")
}

func writeTargetOdds(w io.Writer, f numfmt.Figures, p *planner.Plan, r *planner.Risk) {
	fmt.Fprintln(w)
	if len(r.Targets) == 0 {
		fmt.Fprintln(w, "Targets: none set")
		return
	}
	fmt.Fprintln(w, "Chance of meeting each target")
	var t table
	for _, tg := range r.Targets {
		text := targetTextOf(f, tg.Name, tg.Kind, **p.Targets.Ptr(tg.Name))
		t.add(text.label, text.goal, f.Percent(tg.Probability))
	}
	t.write(w, "  ")
}
