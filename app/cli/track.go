package cli

import (
	"flag"
	"fmt"
	"io"
	"math"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

func init() {
	register(command{
		name:  "track",
		usage: "[--json] FILE",
		summary: "compare the closed months' actuals with the plan: where we stand, the variance by month, channel and product, " +
			"the funnel, the re-fitted curves and the latest estimate for the year against every target",
		run: runTrack,
	})
}

func runTrack(env Env, args []string) int {
	fs := flag.NewFlagSet("track", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the tracking as JSON (docs/model.md section 4)")
	pos, err := parseArgs(fs, args, "plan file")
	if err != nil {
		return fail(env, "track", err)
	}
	plan, err := loadPlan(env, pos[0])
	if err != nil {
		return fail(env, "track", err)
	}
	tk, err := planner.Track(plan)
	if err != nil {
		return fail(env, "track", err)
	}
	if *asJSON {
		return printJSON(env, "track", tk)
	}
	writeTracking(env.Stdout, plan, tk)
	return ExitOK
}

func writeTracking(w io.Writer, p *planner.Plan, tk *planner.Tracking) {
	f := figuresFor(p)
	title := p.Name
	if p.Company != "" {
		title += " — " + p.Company
	}
	fmt.Fprintln(w, title)
	fmt.Fprintln(w, trackHeadline(f, tk))
	fmt.Fprintln(w)
	writeStanding(w, f, p, tk)
	writeTrackMonths(w, f, tk)
	writeTrackChannels(w, f, p, tk)
	writeTrackProducts(w, f, p, tk)
	writeFunnel(w, f, p, tk)
	writeRefits(w, f, p, tk)
	writeTrackTargets(w, f, tk)
}

// trackHeadline says how many months are closed and how much they weigh.
func trackHeadline(f figures, tk *planner.Tracking) string {
	if tk.Through == 0 {
		return fmt.Sprintf("Where we stand: no month of %d closed yet, so the latest estimate is the plan.", tk.Months)
	}
	span := tk.Monthly[0].Month
	if tk.Through > 1 {
		span += " to " + tk.Monthly[tk.Through-1].Month
	}
	return fmt.Sprintf("Where we stand after %d of %d months (%s): the evidence weighs %s against the plan's assumptions (credibility %s months).",
		tk.Through, tk.Months, span, f.pct(tk.Weight), numfmt.Trimmed(tk.Credibility, f.locale, 2))
}

// writeStanding is the few lines a manager reads first.
func writeStanding(w io.Writer, f figures, p *planner.Plan, tk *planner.Tracking) {
	plan, le := tk.Plan, tk.LatestEstimate
	line := func(label string, planned, estimate float64) {
		d := estimate - planned
		pct := ""
		if planned != 0 {
			pct = ", " + signed(d, f.pct(d/math.Abs(planned)))
		}
		fmt.Fprintf(w, "  %s: planned %s, now estimated %s (%s%s)\n", label, f.money(planned), f.money(estimate), signed(d, f.money(d)), pct)
	}
	line("Contribution for the year", plan.Contribution, le.Contribution)
	line("Net revenue for the year", plan.NetRevenue, le.NetRevenue)
	line("Marketing spend for the year", plan.MarketingSpend, le.MarketingSpend)
	spent, planned, committed := 0.0, 0.0, 0.0
	for _, c := range tk.Promotions {
		spent += c.ActualSpendToDate
		planned += c.PlanSpendToDate
		committed += c.Committed
	}
	fmt.Fprintf(w, "  Promotion spent to date: %s of %s planned; %s already committed for the open months\n",
		f.money(spent), f.money(planned), f.money(committed))
	metPlan, metLE := 0, 0
	for _, t := range tk.Targets {
		if t.MetPlan {
			metPlan++
		}
		if t.MetLatestEstimate {
			metLE++
		}
	}
	if len(tk.Targets) > 0 {
		fmt.Fprintf(w, "  Targets met: %d of %d in the plan, %d of %d in the latest estimate\n", metPlan, len(tk.Targets), metLE, len(tk.Targets))
	}
}

func writeTrackMonths(w io.Writer, f figures, tk *planner.Tracking) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Months: plan → latest estimate (closed months as they happened)")
	var t table
	t.add("Month", "", "Units: plan", "estimate", "Net revenue: plan", "estimate", "Contribution: plan", "estimate", "Variance", "Cumulative")
	for _, m := range tk.Monthly {
		state := "open"
		if m.Closed {
			state = "closed"
		}
		d := m.LatestEstimate.Contribution - m.Plan.Contribution
		t.add(m.Month, state, f.units(m.Plan.Units), f.units(m.LatestEstimate.Units),
			f.money(m.Plan.NetRevenue), f.money(m.LatestEstimate.NetRevenue),
			f.money(m.Plan.Contribution), f.money(m.LatestEstimate.Contribution),
			signed(d, f.money(d)), f.money(m.LatestEstimate.CumulativeContribution))
	}
	t.write(w, "  ")
}

func writeTrackChannels(w io.Writer, f figures, p *planner.Plan, tk *planner.Tracking) {
	if len(tk.Promotions) == 0 {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Channels to date")
	var t table
	t.add("Channel", "Spend planned", "Spent", "Variance", "Committed", "Lift planned", "Lift measured", "Variance", "Spend for the year")
	for i, c := range tk.Promotions {
		ds := c.ActualSpendToDate - c.PlanSpendToDate
		measured, dl := "not measured", ""
		if c.MeasuredLiftToDate.Valid {
			measured = f.units(c.MeasuredLiftToDate.Value)
			d := c.MeasuredLiftToDate.Value - c.PlanLiftToDate
			dl = signed(d, f.units(d))
		}
		t.add(p.Promotions[i].Name, f.money(c.PlanSpendToDate), f.money(c.ActualSpendToDate), signed(ds, f.money(ds)),
			f.money(c.Committed), f.units(c.PlanLiftToDate), measured, dl, f.money(c.LatestEstimateSpend))
	}
	t.write(w, "  ")
}

func writeTrackProducts(w io.Writer, f figures, p *planner.Plan, tk *planner.Tracking) {
	if len(tk.Products) == 0 {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Products to date")
	var t table
	t.add("Product", "Units planned", "Sold", "Variance", "Net revenue planned", "Booked", "Variance", "Units for the year", "Net revenue for the year")
	for i, pr := range tk.Products {
		sold, du := "not recorded", ""
		if pr.ActualUnitsToDate.Valid {
			sold = f.units(pr.ActualUnitsToDate.Value)
			d := pr.ActualUnitsToDate.Value - pr.PlanUnitsToDate
			du = signed(d, f.units(d))
		}
		booked, dn := "not recorded", ""
		if pr.ActualNetRevenueToDate.Valid {
			booked = f.money(pr.ActualNetRevenueToDate.Value)
			d := pr.ActualNetRevenueToDate.Value - pr.PlanNetRevenueToDate
			dn = signed(d, f.money(d))
		}
		t.add(p.Products[i].Name, f.units(pr.PlanUnitsToDate), sold, du, f.money(pr.PlanNetRevenueToDate), booked, dn,
			f.units(pr.LatestEstimateUnits), f.money(pr.LatestEstimateNetRevenue))
	}
	t.write(w, "  ")
}

// writeFunnel shows CPM, CTR, CVR and CPA by closed month and to date, for
// the channels that record any of their funnel.
func writeFunnel(w io.Writer, f figures, p *planner.Plan, tk *planner.Tracking) {
	var t table
	for i, c := range tk.Promotions {
		if !c.CPM.Valid && !c.CTR.Valid && !c.CVR.Valid && !c.CPA.Valid {
			continue
		}
		if len(t.rows) == 0 {
			t.add("Channel", "Month", "CPM", "CTR", "CVR", "CPA")
		}
		for m, fu := range tk.Funnel[i].Months {
			t.add(p.Promotions[i].Name, tk.Monthly[m].Month, maybe(fu.CPM, f.unitMoney), maybe(fu.CTR, f.pctFine),
				maybe(fu.CVR, f.pctFine), maybe(fu.CPA, f.unitMoney))
		}
		t.add(p.Promotions[i].Name, "to date", maybe(c.CPM, f.unitMoney), maybe(c.CTR, f.pctFine), maybe(c.CVR, f.pctFine), maybe(c.CPA, f.unitMoney))
	}
	fmt.Fprintln(w)
	if len(t.rows) == 0 {
		fmt.Fprintln(w, "Funnel: no channel records impressions, clicks or conversions")
		return
	}
	fmt.Fprintln(w, "Funnel (CPM: cost per thousand impressions; CTR: clicks per impression; CVR: conversions per click; CPA: cost per conversion)")
	t.write(w, "  ")
}

// writeRefits says, in words, how each curve was re-fitted to the evidence.
func writeRefits(w io.Writer, f figures, p *planner.Plan, tk *planner.Tracking) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Re-fitted curves")
	refitted := false
	for i, c := range tk.Calibration.Promotions {
		if tk.Promotions[i].MeasuredLiftToDate.Valid && c.Q != 1 {
			refitted = true
			fmt.Fprintf(w, "  - %s brought %s of the extra units the model expected at the spends made: its saturation goes from %s to %s units.\n",
				p.Promotions[i].Name, f.pct(c.Q), f.units(p.Promotions[i].Response.MaxUnits), f.units(c.MaxUnits))
		}
	}
	for i, c := range tk.Calibration.Products {
		if tk.Products[i].ActualUnitsToDate.Valid && c.B != 1 {
			refitted = true
			fmt.Fprintf(w, "  - %s sold %s of its planned base demand (units sold less the promotion's lift): its base volume goes from %s to %s units.\n",
				p.Products[i].Name, f.pct(c.B), f.units(p.Products[i].BaseVolume), f.units(c.BaseVolume))
		}
	}
	if !refitted {
		fmt.Fprintln(w, "  No measured lift or units sold differ from the plan: every curve stays as planned.")
	}
}

func writeTrackTargets(w io.Writer, f figures, tk *planner.Tracking) {
	fmt.Fprintln(w)
	if len(tk.Targets) == 0 {
		fmt.Fprintln(w, "Targets: none set")
		return
	}
	fmt.Fprintln(w, "Targets: plan → latest estimate")
	var t table
	t.add("Target", "Goal", "Plan", "", "Latest estimate", "", "")
	for _, tg := range tk.Targets {
		value := func(x float64) string { return f.targetValue(tg.Name, x) }
		t.add(targetLabel(tg.Name), f.goal(tg.Name, tg.Kind, tg.Target), maybe(tg.Plan, value), status(tg.MetPlan),
			maybe(tg.LatestEstimate, value), status(tg.MetLatestEstimate), statusChange(tg.MetPlan, tg.MetLatestEstimate))
	}
	t.write(w, "  ")
}
