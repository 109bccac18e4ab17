package charts

import (
	"math"
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"mixplan/planner"
)

func TestTicks(t *testing.T) {
	for _, tc := range []struct {
		name   string
		lo, hi float64
		n      int
		want   []float64
	}{
		{"zero to a round number", 0, 100, 5, []float64{0, 20, 40, 60, 80, 100}},
		{"extends to cover the range", 0, 5_412_300, 5, []float64{0, 2e6, 4e6, 6e6}},
		{"negative and positive", -250_000, 900_000, 5, []float64{-250_000, 0, 250_000, 500_000, 750_000, 1_000_000}},
		{"decimals without float noise", 0, 0.3, 3, []float64{0, 0.1, 0.2, 0.3}},
		{"empty range around zero", 0, 0, 5, []float64{0, 1}},
		{"empty range around a value", 10, 10, 4, []float64{5, 7.5, 10, 12.5, 15}},
		{"reversed bounds", 100, 0, 5, []float64{0, 20, 40, 60, 80, 100}},
		{"infinite", 0, math.Inf(1), 5, []float64{0, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Ticks(tc.lo, tc.hi, tc.n)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Ticks(%v, %v, %d) = %v, want %v", tc.lo, tc.hi, tc.n, got, tc.want)
			}
			if got[0] > math.Min(tc.lo, tc.hi) && !math.IsInf(tc.hi, 0) || got[len(got)-1] < math.Max(tc.lo, tc.hi) && !math.IsInf(tc.hi, 0) {
				t.Errorf("ticks %v do not cover [%v, %v]", got, tc.lo, tc.hi)
			}
		})
	}
}

func TestPairedTicksShareZero(t *testing.T) {
	for _, tc := range []struct {
		name                   string
		lo1, hi1, lo2, hi2     float64
		wantLeft0, wantRight0  float64
		wantIntervals, zeroIdx int
	}{
		{"monthly bars and a cumulative that dips", -80_000, 300_000, -150_000, 2_400_000, -100_000, -1_000_000, 4, 1},
		{"all positive", 0, 90, 0, 1000, 0, 0, 5, 0},
		{"all zero", 0, 0, 0, 0, 0, 0, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, r := PairedTicks(tc.lo1, tc.hi1, tc.lo2, tc.hi2, 5)
			if len(l) != len(r) || len(l)-1 != tc.wantIntervals {
				t.Fatalf("left %v right %v: want %d intervals on both", l, r, tc.wantIntervals)
			}
			if l[tc.zeroIdx] != 0 || r[tc.zeroIdx] != 0 {
				t.Errorf("zero not at the same tick: left %v right %v", l, r)
			}
			if l[0] != tc.wantLeft0 || r[0] != tc.wantRight0 {
				t.Errorf("bottoms %v, %v; want %v, %v", l[0], r[0], tc.wantLeft0, tc.wantRight0)
			}
			if l[0] > tc.lo1 || l[len(l)-1] < tc.hi1 || r[0] > tc.lo2 || r[len(r)-1] < tc.hi2 {
				t.Errorf("left %v or right %v does not cover its data", l, r)
			}
		})
	}
}

func TestScale(t *testing.T) {
	y := Scale{Lo: 0, Hi: 100, From: 200, To: 0}
	for _, tc := range []struct {
		name string
		v    float64
		px   float32
	}{
		{"bottom", 0, 200}, {"top", 100, 0}, {"middle", 50, 100}, {"above the top", 150, -100},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := y.At(tc.v); got != tc.px {
				t.Errorf("At(%v) = %v, want %v", tc.v, got, tc.px)
			}
			if got := y.Value(tc.px); math.Abs(got-tc.v) > 1e-9 {
				t.Errorf("Value(%v) = %v, want %v", tc.px, got, tc.v)
			}
		})
	}
}

func TestBridgeBars(t *testing.T) {
	r := &planner.Report{Totals: planner.Totals{GrossSales: 1000, ChannelMargins: 200, COGS: 300,
		Logistics: 100, MarketingSpend: 250, Contribution: 150}}
	steps := planner.Bridge(r)
	plot := Box{X: 50, Y: 10, W: 600, H: 300}
	y := Scale{Lo: 0, Hi: 1000, From: 310, To: 10}
	for _, tc := range []struct {
		name string
		i    int
		want Box
	}{
		{"gross sales stands on zero to the top", 0, Box{X: 65, Y: 10, W: 70, H: 300}},
		{"channel margins float from 1000 down to 800", 1, Box{X: 165, Y: 10, W: 70, H: 60}},
		{"marketing floats from 400 down to 150", 4, Box{X: 465, Y: 190, W: 70, H: 75}},
		{"contribution stands on zero", 5, Box{X: 565, Y: 265, W: 70, H: 45}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := steps[tc.i]
			got := BridgeBar(plot, y, tc.i, len(steps), s.Start, s.End)
			if !near(got, tc.want) {
				t.Errorf("bar %d = %+v, want %+v", tc.i, got, tc.want)
			}
		})
	}
}

func TestGroupedBars(t *testing.T) {
	plot := Box{X: 0, Y: 0, W: 200, H: 100}
	y := Scale{Lo: -50, Hi: 50, From: 100, To: 0}
	got := GroupedBars([][]float64{{50, -25}, {0, 10}}, plot, y)
	for _, tc := range []struct {
		name      string
		s, c      int
		want      Box
		wantSlotX float32
	}{
		{"first series, positive: from zero up", 0, 0, Box{X: 15, Y: 0, W: 35, H: 50}, 0},
		{"first series, negative: from zero down", 0, 1, Box{X: 115, Y: 50, W: 35, H: 25}, 100},
		{"second series, zero: a hairline", 1, 0, Box{X: 50, Y: 50, W: 35, H: 1}, 0},
		{"second series beside the first", 1, 1, Box{X: 150, Y: 40, W: 35, H: 10}, 100},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if b := got[tc.s][tc.c]; !near(b, tc.want) {
				t.Errorf("bar = %+v, want %+v", b, tc.want)
			}
		})
	}
}

func TestHitTests(t *testing.T) {
	plot := Box{X: 40, Y: 0, W: 120, H: 100}
	for _, tc := range []struct {
		name string
		x    float32
		want int
	}{
		{"left of the plot", 39, -1}, {"first slot", 40, 0}, {"middle of second", 100, 1},
		{"last pixel", 159.9, 2}, {"right of the plot", 160, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := SlotAt(tc.x, plot, 3); got != tc.want {
				t.Errorf("SlotAt(%v) = %d, want %d", tc.x, got, tc.want)
			}
		})
	}
	if got := Nearest([]float64{0, 10, 20, 30}, 14); got != 1 {
		t.Errorf("Nearest = %d, want 1", got)
	}
	if got := Nearest(nil, 3); got != -1 {
		t.Errorf("Nearest of nothing = %d, want -1", got)
	}
	pts := Points([]float64{0, 100}, Box{X: 0, Y: 0, W: 100, H: 100}, Scale{Lo: 0, Hi: 100, From: 100, To: 0})
	if pts[0] != fyne.NewPos(25, 100) || pts[1] != fyne.NewPos(75, 0) {
		t.Errorf("Points = %v", pts)
	}
}

func near(a, b Box) bool {
	d := func(x, y float32) bool { return math.Abs(float64(x-y)) < 0.01 }
	return d(a.X, b.X) && d(a.Y, b.Y) && d(a.W, b.W) && d(a.H, b.H)
}
