package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

func init() {
	register(command{
		name:    "prices",
		usage:   "[--json] [--scenario ID] FILE",
		summary: "per product, the lowest list price that meets the gross-margin target and the list price that maximises contribution",
		run:     runPrices,
	})
}

func runPrices(env Env, args []string) int {
	fs := flag.NewFlagSet("prices", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the answer as JSON (docs/model.md section 4)")
	scenario := fs.String("scenario", planner.BaseScenario, "scenario id")
	pos, err := parseArgs(fs, args, "plan file")
	if err != nil {
		return fail(env, "prices", err)
	}
	plan, err := loadPlan(env, pos[0])
	if err != nil {
		return fail(env, "prices", err)
	}
	advice, err := planner.AdvisePrices(context.Background(), plan, *scenario)
	if err != nil {
		return fail(env, "prices", err)
	}
	if *asJSON {
		return printJSON(env, "prices", struct {
			Products []planner.PriceAdvice `json:"products"`
		}{advice})
	}
	rep, _ := planner.Evaluate(plan, *scenario)
	writePrices(env.Stdout, plan, rep, advice)
	return ExitOK
}

func writePrices(w io.Writer, p *planner.Plan, rep *planner.Report, advice []planner.PriceAdvice) {
	f := p.Figures()
	sc, _ := p.ScenarioByID(rep.Scenario)
	fmt.Fprintf(w, "Price advice — %s, scenario %s\n", p.Name, sc.Name)
	target := p.Targets.GrossMarginPct
	if target != nil {
		fmt.Fprintf(w, "Lowest price: the lowest list price at which the product's gross margin meets the %s target.\n", f.Percent(*target))
	}
	fmt.Fprintf(w, "Best price: the list price, between %s× and %s× today's, that maximises the plan's contribution, other prices unchanged.\n\n",
		f.Ratio(planner.PriceRangeLow), f.Ratio(planner.PriceRangeHigh))
	var t table
	t.add("Product", "List price", "Lowest price", "Best price", "Contribution at best", "Change")
	for i, a := range advice {
		d := a.ContributionAtBest - rep.Totals.Contribution
		best := f.UnitMoney(a.BestListPrice)
		if a.AtBound {
			best += " (edge)"
		}
		t.add(p.Products[i].Name, f.UnitMoney(a.ListPrice), a.MinListPrice.Format(f.UnitMoney), best,
			f.Money(a.ContributionAtBest), numfmt.Signed(d, f.Money(d)))
	}
	t.write(w, "  ")
	fmt.Fprintln(w)
	for i, a := range advice {
		fmt.Fprintf(w, "- %s\n", priceSentence(f, p.Products[i], a, rep.Totals.Contribution, target))
	}
}

// priceSentence says in words what the advice means for one product.
func priceSentence(f numfmt.Figures, pr planner.Product, a planner.PriceAdvice, contribution float64, target *float64) string {
	gain := a.ContributionAtBest - contribution
	var s string
	switch {
	case a.AtBound && a.BestListPrice > a.ListPrice:
		s = fmt.Sprintf("Demand for %s is inelastic: contribution keeps rising up to the highest price tried (%s, %s× today's), where it would add %s. The constant elasticity is unlikely to hold that far: test a smaller rise.",
			pr.Name, f.UnitMoney(a.BestListPrice), f.Ratio(planner.PriceRangeHigh), f.Money(gain))
	case a.AtBound:
		s = fmt.Sprintf("Demand for %s is so elastic that contribution keeps rising down to the lowest price tried (%s, %s× today's), where it would add %s.",
			pr.Name, f.UnitMoney(a.BestListPrice), f.Ratio(planner.PriceRangeLow), f.Money(gain))
	case math.Abs(a.BestListPrice-a.ListPrice) <= 0.005*a.ListPrice:
		s = fmt.Sprintf("%s is priced about right for contribution: the best price, %s, is within 0.5%% of today's.", pr.Name, f.UnitMoney(a.BestListPrice))
	default:
		move := "raising"
		if a.BestListPrice < a.ListPrice {
			move = "lowering"
		}
		s = fmt.Sprintf("Contribution peaks with %s at %s: %s its list price from %s adds %s.",
			pr.Name, f.UnitMoney(a.BestListPrice), move, f.UnitMoney(a.ListPrice), f.Money(gain))
	}
	if target != nil && a.MinListPrice.Valid {
		min := a.MinListPrice.Value
		switch {
		case a.ListPrice < min:
			s += fmt.Sprintf(" At %s it misses the %s gross-margin target: it needs at least %s.", f.UnitMoney(a.ListPrice), f.Percent(*target), f.UnitMoney(min))
		case a.BestListPrice < min:
			s += fmt.Sprintf(" The best price is below the %s the margin target needs.", f.UnitMoney(min))
		}
	}
	return s
}
