package charts

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// TestPriceCurve: the change of the total goes below zero on the left
// axis with signed labels, the legend wraps in a narrow chart rather than
// run over its edge, and hovering a price shows its figures.
func TestPriceCurve(t *testing.T) {
	test.NewTempApp(t)
	var prices, totals []float64
	for x := 80.0; x <= 120; x += 5 {
		prices = append(prices, x)
		totals = append(totals, 1_000_000-25*(x-110)*(x-110)) // best at 110, today (100) 2,500 below
	}
	data := PriceCurveData{
		Prices: prices, Totals: totals, Today: 997_500, Current: 100, Best: 110, Floor: 90,
		ChangeName: "Change in contribution", CurrentName: "Today’s price", BestName: "Best price",
		FloorName: "Below the margin target", TotalName: "Contribution", Money: Format{Currency: "EUR", Locale: "en"},
	}
	for _, tc := range []struct {
		name  string
		width float32
		want  []string
		rows  int // legend rows
	}{
		{"wide", 720, []string{"+€10k", "-€20k", "€0", "€80", "€120", "Change in contribution", "Below the margin target"}, 1},
		{"narrow", 300, []string{"Change in contribution", "Today’s price", "Best price", "Below the margin target"}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewPriceCurve()
			c.SetData(data)
			test.NewTempWindow(t, c)
			c.Resize(fyne.NewSize(tc.width, 260))
			texts := strings.Join(c.Texts(), " | ")
			for _, w := range tc.want {
				if !strings.Contains(texts, w) {
					t.Errorf("texts %q lack %q", texts, w)
				}
			}
			cx := newCtx(&c.chart, c.Size())
			if rows := int(math.Round(float64(cx.legendHeight(c.legendItems(cx), 0) / cx.lineHeight()))); rows != tc.rows {
				t.Errorf("legend in %d rows, want %d", rows, tc.rows)
			}
			at := c.PointAt(100)
			c.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
			hover := strings.Join(c.Texts(), " | ")
			for _, w := range []string{"€100.00", "Contribution €997,500", "Change in contribution €0"} {
				if !strings.Contains(hover, w) {
					t.Errorf("hovering today's price shows %q, not %q", hover, w)
				}
			}
			c.MouseOut()
			if strings.Contains(strings.Join(c.Texts(), " | "), "€100.00") {
				t.Errorf("the hover box stays after the pointer left")
			}
		})
	}
}
