package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"mixplan/planner"
)

func init() {
	register(command{
		name:    "report",
		usage:   "[--json] [--scenario ID] FILE",
		summary: "print every figure of the plan: totals, targets met or missed, products, places, channels, months",
		run:     runReport,
	})
}

func runReport(env Env, args []string) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the report as JSON (docs/model.md section 4)")
	scenario := fs.String("scenario", planner.BaseScenario, "scenario id")
	pos, err := parseArgs(fs, args, "plan file")
	if err != nil {
		return fail(env, "report", err)
	}
	plan, err := loadPlan(env, pos[0])
	if err != nil {
		return fail(env, "report", err)
	}
	rep, err := planner.Evaluate(plan, *scenario)
	if err != nil {
		return fail(env, "report", err)
	}
	if *asJSON {
		return printJSON(env, "report", rep)
	}
	writeReport(env.Stdout, plan, rep)
	return ExitOK
}

// printJSON writes v as indented JSON with non-ASCII text left readable.
func printJSON(env Env, name string, v any) int {
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fail(env, name, err)
	}
	return ExitOK
}

func writeReport(w io.Writer, p *planner.Plan, r *planner.Report) {
	f := figuresFor(p)
	sc, _ := p.ScenarioByID(r.Scenario)
	title := p.Name
	if p.Company != "" {
		title += " — " + p.Company
	}
	fmt.Fprintln(w, title)
	horizon := fmt.Sprintf("%d months", p.Months)
	if p.Start != "" {
		horizon += " from " + p.Start
	}
	fmt.Fprintf(w, "Scenario: %s · %s · %s, excluding VAT\n\n", sc.Name, horizon, p.Currency)

	t := r.Totals
	fmt.Fprintln(w, "Totals")
	var tt table
	tt.add("Units sold", f.units(t.Units))
	tt.add("Gross sales (what customers pay)", f.money(t.GrossSales))
	tt.add("Channel margins", f.money(-t.ChannelMargins))
	tt.add("Net revenue", f.money(t.NetRevenue))
	tt.add("Cost of goods", f.money(-t.COGS))
	tt.add("Gross margin", f.money(t.GrossMargin))
	tt.add("Gross margin %", maybe(t.GrossMarginPct, f.pct))
	tt.add("Logistics", f.money(-t.Logistics))
	tt.add("Launch costs", f.money(-t.Launch))
	tt.add("Places' fixed costs", f.money(-t.PlaceFixed))
	tt.add("Promotion", f.money(-t.Promotion))
	tt.add("Marketing spend (launch + places + promotion)", f.money(t.MarketingSpend))
	tt.add("Contribution", f.money(t.Contribution))
	tt.add("ROMI", maybe(t.ROMI, f.pct))
	tt.add("New customers", f.units(t.NewCustomers))
	tt.add("CAC", maybe(t.CAC, f.unitMoney))
	tt.add("CLV", maybe(t.CLV, f.unitMoney))
	tt.add("CLV / CAC", maybe(t.LTVToCAC, f.ratio))
	tt.add("Break-even units", maybe(t.BreakEvenUnits, f.units))
	tt.add("Payback month", paybackText(r))
	tt.write(w, "  ")

	fmt.Fprintln(w)
	writeTargets(w, f, r)

	if len(r.Promotions) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Promotion channels")
		var pt table
		pt.add("Channel", "Spend", "Extra units", "Incr. contribution", "ROI", "Marginal ROI")
		for i, c := range r.Promotions {
			pt.add(p.Promotions[i].Name, f.money(c.Spend), f.units(c.LiftUnits),
				f.money(c.IncrementalContribution), maybe(c.ROI, f.pct), maybe(c.MarginalROI, f.pct))
		}
		pt.write(w, "  ")
	}
	writeMonths(w, f, r)
}

// writeMonths shows the months, with the units the promotion brings in each:
// lift lands in the months the pressure is felt, not where the spend is.
func writeMonths(w io.Writer, f figures, r *planner.Report) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Months")
	var t table
	t.add("Month", "Units", "of which promotion", "Net revenue", "Marketing spend", "Contribution", "Cumulative")
	for _, m := range r.Monthly {
		t.add(m.Month, f.units(m.Units), f.units(m.LiftUnits), f.money(m.NetRevenue), f.money(m.MarketingSpend),
			f.money(m.Contribution), f.money(m.CumulativeContribution))
	}
	t.write(w, "  ")
}

func writeTargets(w io.Writer, f figures, r *planner.Report) {
	met, set := r.MetCount()
	if set == 0 {
		fmt.Fprintln(w, "Targets: none set")
		return
	}
	fmt.Fprintf(w, "Targets: %d of %d met\n", met, set)
	var tt table
	tt.add("Target", "Goal", "Actual", "Gap", "")
	for _, tg := range r.Targets {
		value := func(x float64) string { return f.targetValue(tg.Name, x) }
		gap := "n/a"
		if tg.Gap.Valid {
			gap = signed(tg.Gap.Value, f.gap(tg.Name, tg.Gap.Value))
		}
		tt.add(targetLabel(tg.Name), f.goal(tg.Name, tg.Kind, tg.Target), maybe(tg.Actual, value), gap, status(tg.Met))
	}
	tt.write(w, "  ")
}

func paybackText(r *planner.Report) string {
	if !r.Totals.PaybackMonth.Valid {
		return "not within the horizon"
	}
	i := int(r.Totals.PaybackMonth.Value) - 1
	return fmt.Sprintf("month %d (%s)", i+1, r.Monthly[i].Month)
}
