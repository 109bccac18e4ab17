package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"mixplan/planner"
	"mixplan/planner/numfmt"
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
	f := p.Figures()
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
	tt.add("Units sold", f.Units(t.Units))
	tt.add("Gross sales (what customers pay)", f.Money(t.GrossSales))
	tt.add("Channel margins", f.Money(-t.ChannelMargins))
	tt.add("Net revenue", f.Money(t.NetRevenue))
	tt.add("Cost of goods", f.Money(-t.COGS))
	tt.add("Gross margin", f.Money(t.GrossMargin))
	tt.add("Gross margin %", t.GrossMarginPct.Format(f.Percent))
	tt.add("Logistics", f.Money(-t.Logistics))
	tt.add("Launch costs", f.Money(-t.Launch))
	tt.add("Places' fixed costs", f.Money(-t.PlaceFixed))
	tt.add("Promotion", f.Money(-t.Promotion))
	tt.add("Marketing spend (launch + places + promotion)", f.Money(t.MarketingSpend))
	tt.add("Contribution", f.Money(t.Contribution))
	tt.add("ROMI", t.ROMI.Format(f.Percent))
	tt.add("New customers", f.Units(t.NewCustomers))
	tt.add("CAC", t.CAC.Format(f.UnitMoney))
	tt.add("CLV", t.CLV.Format(f.UnitMoney))
	tt.add("CLV / CAC", t.LTVToCAC.Format(f.Ratio))
	tt.add("Break-even units", t.BreakEvenUnits.Format(f.Units))
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
			pt.add(p.Promotions[i].Name, f.Money(c.Spend), f.Units(c.LiftUnits),
				f.Money(c.IncrementalContribution), c.ROI.Format(f.Percent), c.MarginalROI.Format(f.Percent))
		}
		pt.write(w, "  ")
	}
	writeMonths(w, f, r)
}

// writeMonths shows the months, with the units the promotion brings in each:
// lift lands in the months the pressure is felt, not where the spend is.
func writeMonths(w io.Writer, f numfmt.Figures, r *planner.Report) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Months")
	var t table
	t.add("Month", "Units", "of which promotion", "Net revenue", "Marketing spend", "Contribution", "Cumulative")
	for _, m := range r.Monthly {
		t.add(m.Month, f.Units(m.Units), f.Units(m.LiftUnits), f.Money(m.NetRevenue), f.Money(m.MarketingSpend),
			f.Money(m.Contribution), f.Money(m.CumulativeContribution))
	}
	t.write(w, "  ")
}

func writeTargets(w io.Writer, f numfmt.Figures, r *planner.Report) {
	met, set := r.MetCount()
	if set == 0 {
		fmt.Fprintln(w, "Targets: none set")
		return
	}
	fmt.Fprintf(w, "Targets: %d of %d met\n", met, set)
	var tt table
	tt.add("Target", "Goal", "Actual", "Gap", "")
	for _, tg := range r.Targets {
		text := textOf(f, tg)
		gap := planner.NA
		if tg.Gap.Valid {
			gap = numfmt.Signed(tg.Gap.Value, text.gap(tg.Gap.Value))
		}
		tt.add(text.label, text.goal, tg.Actual.Format(text.value), gap, status(tg.Met))
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
