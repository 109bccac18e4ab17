package planner

import (
	"fmt"
	"testing"
	"time"
)

// TestMonthLabels: labels count months from the start across years, as the
// calendar does, or number them without a start.
func TestMonthLabels(t *testing.T) {
	for _, start := range []string{"2027-01", "2027-11", "1999-12", "0001-01", "9998-07"} {
		first, _ := time.Parse("2006-01", start)
		got := MonthLabels(start, 60)
		for i, label := range got {
			if want := first.AddDate(0, i, 0).Format("2006-01"); label != want {
				t.Fatalf("from %s, month %d: %q, want %q", start, i+1, label, want)
			}
		}
	}
	for _, start := range []string{"", "2027-13", "27-01"} {
		if got := MonthLabels(start, 3); fmt.Sprint(got) != "[M1 M2 M3]" {
			t.Errorf("start %q: %v", start, got)
		}
	}
}
