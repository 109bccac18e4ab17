package planner

import (
	"fmt"
	"time"
)

// MonthLabels names the n months of a plan: "2027-01", "2027-02", … from a
// start month, or "M1"…"Mn" when start is empty or not a valid month.
func MonthLabels(start string, n int) []string {
	labels := make([]string, n)
	first, err := time.Parse("2006-01", start)
	for t := range labels {
		if start == "" || err != nil {
			labels[t] = fmt.Sprintf("M%d", t+1)
			continue
		}
		labels[t] = first.AddDate(0, t, 0).Format("2006-01")
	}
	return labels
}
