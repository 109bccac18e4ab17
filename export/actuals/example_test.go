package actuals_test

import (
	"fmt"
	"strings"
	"time"

	"mixplan/export/actuals"
	"mixplan/planner"
)

// A French ad-platform export of daily rows is summed by month and merged
// into the plan's actuals: April's search figures, corrected after a late
// invoice, replace those the plan had.
func Example() {
	plan, err := planner.Load("testdata/tea.mixplan") // closed through April 2027
	if err != nil {
		panic(err)
	}
	export := "Jour;Campagne;Coût;Impressions;Clics\n" +
		"02/04/2027;Search ads;1 200,50 €;60 000;1 150\n" +
		"17/04/2027;Search ads;2 399,50 €;110 000;2 250\n"
	table, err := actuals.Read(strings.NewReader(export), "export.csv", actuals.Limits{})
	if err != nil {
		panic(err)
	}
	res, err := actuals.Merge(plan, []*actuals.Table{table}, actuals.Options{
		Closed: 4, Today: time.Date(2027, 6, 3, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		fmt.Println(err)
		return
	}
	sea := res.Plan.Actuals.Promotions["sea"]
	fmt.Println("closed months:", res.Through)
	fmt.Println("search spend:", sea.Spend)
	fmt.Println("April clicks:", sea.Clicks[3])
	// Output:
	// closed months: 4
	// search spend: [4000 3600 3500 3600]
	// April clicks: 3400
}
