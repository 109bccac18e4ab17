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
	f := p.Figures()
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
func trackHeadline(f numfmt.Figures, tk *planner.Tracking) string {
	if tk.Through == 0 {
		return fmt.Sprintf("Where we stand: no month of %d closed yet, so the latest estimate is the plan.", tk.Months)
	}
	span := tk.Monthly[0].Month
	if tk.Through > 1 {
		span += " to " + tk.Monthly[tk.Through-1].Month
	}
	return fmt.Sprintf("Where we stand after %d of %d months (%s): the evidence weighs %s against the plan's assumptions (credibility %s months).",
		tk.Through, tk.Months, span, f.Percent(tk.Weight), numfmt.Trimmed(tk.Credibility, f.Locale, 2))
}

// writeStanding is the few lines a manager reads first.
func writeStanding(w io.Writer, f numfmt.Figures, p *planner.Plan, tk *planner.Tracking) {
	plan, le := tk.Plan, tk.LatestEstimate
	line := func(label string, planned, estimate float64) {
		d := estimate - planned
		pct := ""
		if planned != 0 {
			pct = ", " + numfmt.Signed(d, f.Percent(d/math.Abs(planned)))
		}
		fmt.Fprintf(w, "  %s: planned %s, now estimated %s (%s%s)\n", label, f.Money(planned), f.Money(estimate), numfmt.Signed(d, f.Money(d)), pct)
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
		f.Money(spent), f.Money(planned), f.Money(committed))
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

func writeTrackMonths(w io.Writer, f numfmt.Figures, tk *planner.Tracking) {
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
		t.add(m.Month, state, f.Units(m.Plan.Units), f.Units(m.LatestEstimate.Units),
			f.Money(m.Plan.NetRevenue), f.Money(m.LatestEstimate.NetRevenue),
			f.Money(m.Plan.Contribution), f.Money(m.LatestEstimate.Contribution),
			numfmt.Signed(d, f.Money(d)), f.Money(m.LatestEstimate.CumulativeContribution))
	}
	t.write(w, "  ")
}

func writeTrackChannels(w io.Writer, f numfmt.Figures, p *planner.Plan, tk *planner.Tracking) {
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
			measured = f.Units(c.MeasuredLiftToDate.Value)
			d := c.MeasuredLiftToDate.Value - c.PlanLiftToDate
			dl = numfmt.Signed(d, f.Units(d))
		}
		t.add(p.Promotions[i].Name, f.Money(c.PlanSpendToDate), f.Money(c.ActualSpendToDate), numfmt.Signed(ds, f.Money(ds)),
			f.Money(c.Committed), f.Units(c.PlanLiftToDate), measured, dl, f.Money(c.LatestEstimateSpend))
	}
	t.write(w, "  ")
}

func writeTrackProducts(w io.Writer, f numfmt.Figures, p *planner.Plan, tk *planner.Tracking) {
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
			sold = f.Units(pr.ActualUnitsToDate.Value)
			d := pr.ActualUnitsToDate.Value - pr.PlanUnitsToDate
			du = numfmt.Signed(d, f.Units(d))
		}
		booked, dn := "not recorded", ""
		if pr.ActualNetRevenueToDate.Valid {
			booked = f.Money(pr.ActualNetRevenueToDate.Value)
			d := pr.ActualNetRevenueToDate.Value - pr.PlanNetRevenueToDate
			dn = numfmt.Signed(d, f.Money(d))
		}
		t.add(p.Products[i].Name, f.Units(pr.PlanUnitsToDate), sold, du, f.Money(pr.PlanNetRevenueToDate), booked, dn,
			f.Units(pr.LatestEstimateUnits), f.Money(pr.LatestEstimateNetRevenue))
	}
	t.write(w, "  ")
}

// writeFunnel shows CPM, CTR, CVR and CPA by closed month and to date, for
// the channels that record any of their funnel.
func writeFunnel(w io.Writer, f numfmt.Figures, p *planner.Plan, tk *planner.Tracking) {
	var t table
	for i, c := range tk.Promotions {
		if !c.CPM.Valid && !c.CTR.Valid && !c.CVR.Valid && !c.CPA.Valid {
			continue
		}
		if len(t.rows) == 0 {
			t.add("Channel", "Month", "CPM", "CTR", "CVR", "CPA")
		}
		for m, fu := range tk.Funnel[i].Months {
			t.add(p.Promotions[i].Name, tk.Monthly[m].Month, fu.CPM.Format(f.UnitMoney), fu.CTR.Format(fineRate(f)),
				fu.CVR.Format(fineRate(f)), fu.CPA.Format(f.UnitMoney))
		}
		t.add(p.Promotions[i].Name, "to date", c.CPM.Format(f.UnitMoney), c.CTR.Format(fineRate(f)), c.CVR.Format(fineRate(f)), c.CPA.Format(f.UnitMoney))
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
func writeRefits(w io.Writer, f numfmt.Figures, p *planner.Plan, tk *planner.Tracking) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Re-fitted curves")
	refitted := false
	for i, c := range tk.Calibration.Promotions {
		if tk.Promotions[i].MeasuredLiftToDate.Valid && c.Q != 1 {
			refitted = true
			fmt.Fprintf(w, "  - %s brought %s of the extra units the model expected at the spends made: its saturation goes from %s to %s units.\n",
				p.Promotions[i].Name, f.Percent(c.Q), f.Units(p.Promotions[i].Response.MaxUnits), f.Units(c.MaxUnits))
		}
	}
	for i, c := range tk.Calibration.Products {
		if tk.Products[i].ActualUnitsToDate.Valid && c.B != 1 {
			refitted = true
			fmt.Fprintf(w, "  - %s sold %s of its planned base demand (units sold less the promotion's lift): its base volume goes from %s to %s units.\n",
				p.Products[i].Name, f.Percent(c.B), f.Units(p.Products[i].BaseVolume), f.Units(c.BaseVolume))
		}
	}
	if !refitted {
		fmt.Fprintln(w, "  No measured lift or units sold differ from the plan: every curve stays as planned.")
	}
}

func writeTrackTargets(w io.Writer, f numfmt.Figures, tk *planner.Tracking) {
	fmt.Fprintln(w)
	if len(tk.Targets) == 0 {
		fmt.Fprintln(w, "Targets: none set")
		return
	}
	fmt.Fprintln(w, "Targets: plan → latest estimate")
	var t table
	t.add("Target", "Goal", "Plan", "", "Latest estimate", "", "")
	for _, tg := range tk.Targets {
		text := targetTextOf(f, tg.Name, tg.Kind, tg.Target)
		t.add(text.label, text.goal, tg.Plan.Format(text.value), status(tg.MetPlan),
			tg.LatestEstimate.Format(text.value), status(tg.MetLatestEstimate), statusChange(tg.MetPlan, tg.MetLatestEstimate))
	}
	t.write(w, "  ")
}
