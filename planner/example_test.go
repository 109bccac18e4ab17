package planner_test

import (
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
	// Output: contribution 430430, ROMI 0.310, payback in month 2, 3 of 6 targets met
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
