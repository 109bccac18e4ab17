package charts

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"mixplan/assets"
	"mixplan/planner"
)

// TestChartsRender draws the sample plan's contribution bridge and its
// monthly contribution with the cumulative line, as the Overview shows
// them, and compares each with a picture looked at and kept in testdata
// (Fyne's test theme, software painter). A difference writes what was
// drawn to testdata/failed/ to look at; if the change is meant, that file
// becomes the new golden.
func TestChartsRender(t *testing.T) {
	p, err := planner.Parse(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	r, err := planner.Evaluate(p, planner.BaseScenario)
	if err != nil {
		t.Fatal(err)
	}
	money := Format{Currency: p.Currency, Locale: "en"}
	for _, tc := range []struct {
		name, golden string
		chart        func() fyne.CanvasObject
	}{
		{"the contribution bridge", "bridge.png", func() fyne.CanvasObject {
			b := NewBridge()
			b.SetData(planner.Bridge(r), []string{"Gross sales", "Channel margins", "Cost of goods", "Logistics", "Marketing", "Contribution"}, money)
			return b
		}},
		{"monthly contribution and its cumulative line", "monthly.png", func() fyne.CanvasObject {
			months := make([]string, len(r.Monthly))
			bars, line := make([]float64, len(r.Monthly)), make([]float64, len(r.Monthly))
			abbr := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
			for i, m := range r.Monthly { // labelled as the window labels them: "Jan 27"
				months[i], bars[i], line[i] = abbr[(m.Month[5]-'0')*10+m.Month[6]-'0'-1]+" "+m.Month[2:4], m.Contribution, m.CumulativeContribution
			}
			m := NewMonthly()
			m.SetData(months, "Contribution", bars, "Cumulative", line, money)
			return m
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			w := test.NewTempWindow(t, tc.chart())
			w.SetPadded(false)
			w.Resize(fyne.NewSize(560, 300))
			test.AssertRendersToImage(t, tc.golden, w.Canvas())
		})
	}
}
