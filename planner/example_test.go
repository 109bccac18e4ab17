package planner_test

import (
	"context"
	"fmt"
	"log"

	"mixplan/planner"
)

func ExampleEvaluate() {
	plan, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		log.Fatal(err)
	}
	report, err := planner.Evaluate(plan, "base")
	if err != nil {
		log.Fatal(err)
	}
	met, set := report.MetCount()
	fmt.Printf("contribution %.0f, ROMI %.3f, payback in month %.0f, %d of %d targets met\n",
		report.Totals.Contribution, report.Totals.ROMI.Value, report.Totals.PaybackMonth.Value, met, set)
	// Output: contribution 398336, ROMI 0.103, payback in month 2, 3 of 6 targets met
}

func ExampleParse() {
	_, err := planner.Parse([]byte(`{"format":"mixplan","version":1,"name":"Launch",
	  "products":[{"id":"a","name":"A","unitCost":2,"listPrice":0,"baseVolume":100}],
	  "places":[{"id":"web","name":"Web","share":{"a":0.9}}]}`))
	fmt.Println(err)
	// Output:
	// invalid plan, 2 problems:
	//   products[0].listPrice: must be greater than 0, not 0
	//   places[0].share: shares of product "a" add up to 0.9, they must add up to 1
}

func ExampleOptimize() {
	plan, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		log.Fatal(err)
	}
	// The plan's budget target less places' fixed costs and launch costs is
	// what promotion may spend; find the split that maximises contribution
	// within the channels' bounds, monthly caps and the groups' bounds.
	o, err := planner.Optimize(context.Background(), plan, planner.OptimizeRequest{Mode: planner.ModeContribution})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("promotion budget %.0f: contribution %.0f → %.0f, %.0f left unspent\n",
		o.PromotionBudget.Value, o.Before.Contribution, o.After.Contribution, o.Unspent)
	// The optimum is proven: no allocation beats UpperBound.
	fmt.Printf("objective %.2f, proven within %.0e\n", o.Objective, 1e-6)
	fmt.Println(o.UpperBound-o.Objective <= 1e-6*o.Objective)
	for _, a := range o.Allocation {
		fmt.Printf("%-6s %6.0f\n", a.ID, a.Spend)
	}
	// Output:
	// promotion budget 143000: contribution 398336 → 429189, 84695 left unspent
	// objective 46819.35, proven within 1e-06
	// true
	// sea     33808
	// social      0
	// email    7005
	// plv     13057
	// radio       0
	// fairs    4435
}

func ExampleAdvisePrices() {
	plan, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		log.Fatal(err)
	}
	advice, err := planner.AdvisePrices(context.Background(), plan, "base")
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range advice {
		fmt.Printf("%-5s list %6.2f  lowest for the margin target %6.2f  best for contribution %6.2f (at the edge of the range: %v)\n",
			a.ID, a.ListPrice, a.MinListPrice.Value, a.BestListPrice, a.AtBound)
	}
	// Output:
	// green list   8.90  lowest for the margin target   7.92  best for contribution  13.16 (at the edge of the range: false)
	// detox list   6.50  lowest for the margin target   6.37  best for contribution   6.94 (at the edge of the range: false)
	// gift  list  34.00  lowest for the margin target  33.22  best for contribution 170.00 (at the edge of the range: true)
}

func ExampleTrack() {
	plan, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		log.Fatal(err)
	}
	tk, err := planner.Track(plan)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d of %d months closed: contribution planned %.0f, now estimated %.0f (%+.0f)\n",
		tk.Through, tk.Months, tk.Plan.Contribution, tk.LatestEstimate.Contribution, tk.Variance.Contribution.Value)
	for _, c := range tk.Calibration.Promotions[:1] {
		fmt.Printf("%s brought %.0f%% of the lift the model expected: its saturation is re-fitted to %.0f units\n", c.ID, 100*c.Q, c.MaxUnits)
	}
	// Output:
	// 4 of 12 months closed: contribution planned 398336, now estimated 371769 (-26567)
	// sea brought 78% of the lift the model expected: its saturation is re-fitted to 22795 units
}

func ExampleSimulate() {
	plan, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		log.Fatal(err)
	}
	risk, err := planner.Simulate(context.Background(), plan, planner.RiskRequest{Draws: 2000, Seed: 1})
	if err != nil {
		log.Fatal(err)
	}
	top := risk.Tornado[0]
	fmt.Printf("%s swings contribution by %.0f\n", top.Of, top.Swing)
	c := risk.Totals.Contribution
	fmt.Printf("contribution: 80 %% between %.0fk and %.0fk\n", c.P10.Value/1000, c.P90.Value/1000)
	// Output:
	// products.green.baseVolume swings contribution by 75212
	// contribution: 80 % between 363k and 415k
}

func ExampleFrontier() {
	plan, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		log.Fatal(err)
	}
	// Five marketing budgets from 210,000 to 250,000: the best contribution
	// at each, and the least budget that meets each target. The digital
	// group's minimum (40,000, at most 70 % of promotion) does not fit the
	// first.
	from, to := 210000.0, 250000.0
	f, err := planner.Frontier(context.Background(), plan, planner.FrontierRequest{From: &from, To: &to, Steps: 5})
	if err != nil {
		log.Fatal(err)
	}
	for _, pt := range f.Points {
		if !pt.Objective.Valid {
			fmt.Printf("budget %.0f: no allocation meets the constraints\n", pt.Budget)
			continue
		}
		fmt.Printf("budget %.0f: promotion %.0f, contribution %.0f\n", pt.Budget, pt.Promotion.Value, pt.Contribution.Value)
	}
	for _, r := range f.Reach {
		if r.Budget.Valid {
			fmt.Printf("%s %.0f is met from a budget of %.0f\n", r.Target, r.Goal, r.Budget.Value)
		} else {
			fmt.Printf("%s %.0f is out of reach: %.0f at most\n", r.Target, r.Goal, r.Reached)
		}
	}
	// Output:
	// budget 210000: no allocation meets the constraints
	// budget 220000: promotion 58305, contribution 429189
	// budget 230000: promotion 58305, contribution 429189
	// budget 240000: promotion 58305, contribution 429189
	// budget 250000: promotion 58305, contribution 429189
	// revenue 1200000 is out of reach: 1176747 at most
	// contribution 450000 is out of reach: 429189 at most
}
