package actuals

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"mixplan/planner/plangen"
)

// yearOfDailyRows is a Google Ads-shaped export: every day of 2027 for
// each channel of plan, named by the channel's name.
func yearOfDailyRows(names []string) []byte {
	var b bytes.Buffer
	b.WriteString("Campaign report\nDay,Campaign,Cost,Impr.,Clicks,Conversions\n")
	day := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	for ; day.Year() == 2027; day = day.AddDate(0, 0, 1) {
		for i, n := range names {
			fmt.Fprintf(&b, "%s,%s,\"1,%03d.%02d\",\"12,%03d\",%d,%d.5\n", day.Format("2006-01-02"), n, i%1000, i%100, i%1000, 100+i, i%50)
		}
	}
	return b.Bytes()
}

// BenchmarkImportYear200Channels reads and merges a year of daily rows for
// 200 channels (73,000 rows): the goal is under a second.
func BenchmarkImportYear200Channels(b *testing.B) {
	plan := plangen.Generate(plangen.Size{Products: 20, Places: 3, Promotions: 200, Months: 12, Scenarios: 1}, 1)
	names := make([]string, len(plan.Promotions))
	for i, p := range plan.Promotions {
		names[i] = p.Name
	}
	data := yearOfDailyRows(names)
	opts := Options{Closed: 12, Today: time.Date(2028, 2, 1, 0, 0, 0, 0, time.UTC)}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		tab, err := Read(bytes.NewReader(data), "year.csv", Limits{})
		if err != nil {
			b.Fatal(err)
		}
		if tab.Rows != 365*200 {
			b.Fatalf("%d rows", tab.Rows)
		}
		if _, err := Merge(plan, []*Table{tab}, opts); err != nil {
			b.Fatal(err)
		}
	}
}
