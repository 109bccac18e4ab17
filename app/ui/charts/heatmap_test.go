package charts

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"mixplan/assets"
	"mixplan/planner"
)

// sampleCalendar is the sample plan's channels × months spends as they are,
// and a proposal that moves each channel's year into its three strongest
// months of today: the kind of calendar free flighting proposes.
func sampleCalendar(t *testing.T) (rows, cols []string, today, proposed [][]float64) {
	t.Helper()
	p, err := planner.Parse(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	r, err := planner.Evaluate(p, planner.BaseScenario)
	if err != nil {
		t.Fatal(err)
	}
	abbr := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	for i := range r.Monthly {
		cols = append(cols, abbr[i%12])
	}
	for i, pr := range r.Promotions {
		rows = append(rows, p.Promotions[i].Name)
		today = append(today, slices.Clone(pr.MonthlySpend))
		order := make([]int, len(pr.MonthlySpend))
		for m := range order {
			order[m] = m
		}
		slices.SortStableFunc(order, func(a, b int) int {
			switch x, y := pr.MonthlySpend[a], pr.MonthlySpend[b]; {
			case x > y:
				return -1
			case x < y:
				return 1
			}
			return 0
		})
		next := make([]float64, len(pr.MonthlySpend))
		for _, m := range order[:3] {
			next[m] = pr.Spend / 3
		}
		proposed = append(proposed, next)
	}
	return rows, cols, today, proposed
}

// TestHeatMapRender draws the sample plan's calendar today beside a
// proposed one and compares it with a picture looked at and kept in
// testdata (heatmap.png): channels named on the left, months under each
// grid, one colour scale for both.
func TestHeatMapRender(t *testing.T) {
	test.NewTempApp(t)
	rows, cols, today, proposed := sampleCalendar(t)
	h := NewHeatMap()
	h.SetData(rows, cols, []HeatPanel{{"Today", today}, {"Proposed", proposed}}, "Spend per month", Format{Currency: "EUR", Locale: "en"})
	w := test.NewTempWindow(t, h)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(640, 260))
	test.AssertRendersToImage(t, "heatmap.png", w.Canvas())
}

// TestHeatMapHover: the cell under the pointer is found in either grid,
// and the hover box gives the channel, the month and both grids' values.
func TestHeatMapHover(t *testing.T) {
	test.NewTempApp(t)
	rows := []string{"Search", "Radio"}
	cols := []string{"Jan", "Feb", "Mar"}
	today := [][]float64{{100, 200, 300}, {0, 0, 900}}
	proposed := [][]float64{{0, 600, 0}, {450, 450, 0}}
	h := NewHeatMap()
	h.SetData(rows, cols, []HeatPanel{{"Today", today}, {"Proposed", proposed}}, "Spend", Format{Currency: "EUR", Locale: "en"})
	w := test.NewTempWindow(t, h)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(500, 240))
	l := h.layout(newCtx(&h.chart, h.Size()))
	center := func(b Box) fyne.Position { return fyne.NewPos(b.X+b.W/2, b.Y+b.H/2) }
	for _, tc := range []struct {
		name     string
		at       fyne.Position
		want     int
		tooltip  []string
		notShown string
	}{
		{"Radio in February, today's grid", center(h.cell(l.grids[0], 1, 1)), 1*3 + 1, []string{"Radio · Feb", "Today: €0", "Proposed: €450"}, ""},
		{"the same cell in the proposed grid", center(h.cell(l.grids[1], 1, 1)), 1*3 + 1, []string{"Radio · Feb", "Today: €0", "Proposed: €450"}, ""},
		{"Search in March", center(h.cell(l.grids[1], 0, 2)), 2, []string{"Search · Mar", "Today: €300", "Proposed: €0"}, ""},
		{"the row labels are no cell", fyne.NewPos(2, center(h.cell(l.grids[0], 0, 0)).Y), -1, nil, "Search · Jan"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: tc.at}})
			if got := h.Hovered(); got != tc.want {
				t.Fatalf("hovered %d, want %d", got, tc.want)
			}
			texts := h.Texts()
			for _, s := range tc.tooltip {
				if !slices.Contains(texts, s) {
					t.Errorf("texts %q lack %q", texts, s)
				}
			}
			if tc.notShown != "" && slices.Contains(texts, tc.notShown) {
				t.Errorf("texts %q show %q", texts, tc.notShown)
			}
		})
	}
	if got, want := h.Max(), 900.0; got != want {
		t.Errorf("scale up to %v, want %v (the largest value of both grids)", got, want)
	}
	h.MouseOut()
	if h.Hovered() != -1 {
		t.Errorf("still hovering %d after the pointer left", h.Hovered())
	}
}

// TestShade: nothing is uncoloured, the least spend still shows, the
// largest is full, and the shade grows with the value.
func TestShade(t *testing.T) {
	for _, tc := range []struct {
		name   string
		v, hi  float64
		want   float64
		within float64
	}{
		{"nothing", 0, 100, 0, 0},
		{"no scale", 5, 0, 0, 0},
		{"NaN", 0, 0, 0, 0},
		{"the largest", 100, 100, 1, 1e-12},
		{"half", 50, 100, 0.6, 1e-12},
		{"a tiny spend still shows", 1e-6, 100, 0.2, 1e-6},
		{"above the scale is capped", 300, 100, 1, 1e-12},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Shade(tc.v, tc.hi); got < tc.want-tc.within || got > tc.want+tc.within {
				t.Errorf("Shade(%v, %v) = %v, want %v", tc.v, tc.hi, got, tc.want)
			}
		})
	}
}

// TestHeatMapGrowsWithRows: a plan with many channels asks for room for a
// row each, so the screen's scroll shows them rather than squeezing them.
func TestHeatMapGrowsWithRows(t *testing.T) {
	test.NewTempApp(t)
	h := NewHeatMap()
	rows := make([]string, 200)
	values := make([][]float64, 200)
	for i := range rows {
		rows[i], values[i] = "Channel", []float64{1, 2}
	}
	h.SetData(rows, []string{"Jan", "Feb"}, []HeatPanel{{"Today", values}}, "Spend", Format{Locale: "en"})
	if got := h.MinSize().Height; got < 200*heatRowHeight {
		t.Errorf("min height %v for 200 rows, want at least %v", got, 200*heatRowHeight)
	}
}

// BenchmarkHeatMapDraw draws the large plan's calendar today and proposed:
// 200 channels × 24 months in two grids, 9,600 cells.
func BenchmarkHeatMapDraw(b *testing.B) {
	test.NewTempApp(b)
	rows, cols := make([]string, 200), make([]string, 24)
	today, proposed := make([][]float64, 200), make([][]float64, 200)
	for r := range rows {
		rows[r] = "Channel"
		today[r], proposed[r] = make([]float64, 24), make([]float64, 24)
		for c := range cols {
			cols[c] = "M"
			today[r][c], proposed[r][c] = float64(r+c), float64(r*c%97)
		}
	}
	h := NewHeatMap()
	w := test.NewTempWindow(b, h)
	w.Resize(fyne.NewSize(700, 3000))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		proposed[0][0] = float64(i) // new data each time: a full redraw
		h.SetData(rows, cols, []HeatPanel{{"Today", today}, {"Proposed", proposed}}, "Spend", Format{Currency: "EUR", Locale: "en"})
	}
}
