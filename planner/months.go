package planner

import (
	"strconv"
	"time"
)

// MonthLabels names the n months of a plan: "2027-01", "2027-02", … from a
// start month, or "M1"…"Mn" when start is empty or not a valid month.
func MonthLabels(start string, n int) []string {
	labels := make([]string, n)
	first, err := time.Parse("2006-01", start)
	year, month := first.Year(), int(first.Month())-1 // month counted from 0
	for t := range labels {
		if start == "" || err != nil {
			labels[t] = "M" + strconv.Itoa(t+1)
			continue
		}
		y, m := year+(month+t)/12, (month+t)%12+1
		b := make([]byte, 0, 8)
		for p := 1000; p > 1 && y < p; p /= 10 {
			b = append(b, '0') // four-digit years, as time formats them
		}
		b = strconv.AppendInt(b, int64(y), 10)
		b = append(b, '-', byte('0'+m/10), byte('0'+m%10))
		labels[t] = string(b)
	}
	return labels
}
