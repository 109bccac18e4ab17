package charts

import (
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// frontierSample is a frontier shaped like the sample plan's: a concave
// contribution rising then falling past saturation, its ROMI falling, the
// first budget too small for the channels' minimums, today's plan below
// the line, a reach and the zone where every target is met.
func frontierSample() FrontierData {
	d := FrontierData{
		FigureName: "Contribution", ROMIName: "ROMI", BudgetName: "Marketing budget",
		TodayName: "Today’s plan", TodayBudget: 520_000, TodayFigure: 1_600_000,
		ZoneName:     "Every target met",
		FigureFormat: Format{Currency: "EUR", Locale: "en"}, Money: Format{Currency: "EUR", Locale: "en"}, Locale: "en",
	}
	for i := 0; i <= 20; i++ {
		b := 200_000 + float64(i)*50_000
		d.Budgets = append(d.Budgets, b)
		if i == 0 {
			d.Figure, d.ROMI = append(d.Figure, math.NaN()), append(d.ROMI, math.NaN())
			continue
		}
		promo := b - 150_000
		gain := 3_000_000 * (1 - math.Exp(-promo/400_000))
		d.Figure = append(d.Figure, 400_000+gain-promo)
		d.ROMI = append(d.ROMI, (gain-promo)/promo)
	}
	d.Reaches = []FrontierReach{{Budget: 482_000, Name: "Net revenue target"}, {Budget: 461_300, Name: "Contribution target"}}
	d.Zones = []Span{{From: 482_000, To: 800_000}}
	return d
}

// TestFrontierRender draws the frontier and compares it with a picture
// looked at and kept in testdata (frontier.png).
func TestFrontierRender(t *testing.T) {
	test.NewTempApp(t)
	f := NewFrontier()
	f.SetData(frontierSample())
	f.SetSelected(8)
	w := test.NewTempWindow(t, f)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(640, 340))
	test.AssertRendersToImage(t, "frontier.png", w.Canvas())
}

// TestFrontierPointer: hovering a budget tells OnHover and shows its
// figures; clicking one selects it and tells OnTapped; a budget the
// constraints cannot fit is not selectable; new budgets forget the
// selection.
func TestFrontierPointer(t *testing.T) {
	test.NewTempApp(t)
	f := NewFrontier()
	d := frontierSample()
	f.SetData(d)
	w := test.NewTempWindow(t, f)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(640, 340))
	var hovered, tapped []int
	f.OnHover = func(i int) { hovered = append(hovered, i) }
	f.OnTapped = func(i int) { tapped = append(tapped, i) }
	c := newCtx(&f.chart, f.Size())
	plot, sx, _, _, _, _, _ := f.layout(c, c.legendHeight(f.legendItems(c), 0))
	at := func(budget float64) fyne.Position { return fyne.NewPos(sx.At(budget), plot.Y+plot.H/2) }

	for _, tc := range []struct {
		name          string
		at            fyne.Position
		tap           bool
		wantHover     int
		wantSelected  int
		wantTapped    []int
		tooltipPrefix []string
	}{
		{"hover the budget of €600,000", at(600_000), false, 8, -1, nil, []string{"Marketing budget: €600,000", "Contribution: €", "ROMI: "}},
		{"near a budget finds it", at(612_000), false, 8, -1, nil, []string{"Marketing budget: €600,000"}},
		{"click it", at(600_000), true, 8, 8, []int{8}, nil},
		{"the first budget fits no allocation", at(200_000), true, 0, 8, []int{8}, []string{"Contribution: —"}},
		{"above the plot is nothing", fyne.NewPos(sx.At(600_000), 2), false, -1, 8, []int{8}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: tc.at}})
			if tc.tap {
				test.TapAt(f, tc.at)
			}
			if f.Hovered() != tc.wantHover {
				t.Errorf("hovered %d, want %d", f.Hovered(), tc.wantHover)
			}
			if len(hovered) > 0 && hovered[len(hovered)-1] != tc.wantHover {
				t.Errorf("OnHover last told %d, want %d", hovered[len(hovered)-1], tc.wantHover)
			}
			if f.Selected() != tc.wantSelected {
				t.Errorf("selected %d, want %d", f.Selected(), tc.wantSelected)
			}
			if !slices.Equal(tapped, tc.wantTapped) {
				t.Errorf("OnTapped told %v, want %v", tapped, tc.wantTapped)
			}
			texts := f.Texts()
			for _, p := range tc.tooltipPrefix {
				if !slices.ContainsFunc(texts, func(s string) bool { return strings.HasPrefix(s, p) }) {
					t.Errorf("texts %q lack one starting %q", texts, p)
				}
			}
		})
	}
	if len(hovered) == 0 {
		t.Error("OnHover was never told")
	}
	f.MouseOut()
	if hovered[len(hovered)-1] != -1 {
		t.Errorf("OnHover last told %d after the pointer left, want -1", hovered[len(hovered)-1])
	}
	texts := f.Texts()
	for _, want := range []string{"Contribution target", "Net revenue target", "Marketing budget", "Every target met", "Today’s plan"} {
		if !slices.Contains(texts, want) {
			t.Errorf("texts %q lack %q", texts, want)
		}
	}
	d.Budgets = append(d.Budgets[:20:20], 1_250_000)
	f.SetData(d)
	if f.Selected() != -1 {
		t.Errorf("selected %d after the budgets changed, want none", f.Selected())
	}
}

// TestRuns: a line is broken where a value is missing.
func TestRuns(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name   string
		xs, ys []float64
		want   []Run
	}{
		{"all there", []float64{1, 2, 3}, []float64{4, 5, 6}, []Run{{0, 3}}},
		{"missing first", []float64{1, 2, 3}, []float64{nan, 5, 6}, []Run{{1, 3}}},
		{"a hole", []float64{1, 2, 3, 4, 5}, []float64{1, 2, nan, 4, 5}, []Run{{0, 2}, {3, 5}}},
		{"an infinity", []float64{1, 2, 3}, []float64{1, math.Inf(1), 3}, []Run{{0, 1}, {2, 3}}},
		{"nothing", []float64{1, 2}, []float64{nan, nan}, nil},
		{"shorter ys", []float64{1, 2, 3}, []float64{1, 2}, []Run{{0, 2}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Runs(tc.xs, tc.ys); !slices.Equal(got, tc.want) {
				t.Errorf("Runs = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestAlignedTicks: n intervals of a round step that cover the values.
func TestAlignedTicks(t *testing.T) {
	for _, tc := range []struct {
		name   string
		lo, hi float64
		n      int
		want   []float64
	}{
		{"from zero", 0, 5.6, 4, []float64{0, 2, 4, 6, 8}},
		{"the floor needs a larger step", 0.35, 1.95, 4, []float64{0, 0.5, 1, 1.5, 2}},
		{"negative values", -0.4, 1.2, 4, []float64{-0.5, 0, 0.5, 1, 1.5}},
		{"one value", 0, 0, 2, []float64{0, 0.5, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := AlignedTicks(tc.lo, tc.hi, tc.n)
			if !slices.Equal(got, tc.want) {
				t.Errorf("AlignedTicks(%v, %v, %d) = %v, want %v", tc.lo, tc.hi, tc.n, got, tc.want)
			}
			if len(got) != tc.n+1 || got[0] > tc.lo || got[len(got)-1] < tc.hi {
				t.Errorf("%v does not cover %v to %v in %d intervals", got, tc.lo, tc.hi, tc.n)
			}
		})
	}
}
