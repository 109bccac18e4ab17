package planner_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"testing"
	"time"

	"mixplan/planner"
	"mixplan/planner/plangen"
)

// BenchmarkOptimizeTea is the worked example's budget problem in every
// mode. Goals (the solver's): fixed flighting under 2 ms, free flighting
// under 50 ms; the planner adds the reports before and after.
func BenchmarkOptimizeTea(b *testing.B) {
	p, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		b.Fatal(err)
	}
	for name, req := range map[string]planner.OptimizeRequest{
		"contribution": {}, "units": {Mode: planner.ModeUnits}, "revenue": {Mode: planner.ModeRevenue},
		"free": {Flighting: planner.FlightingFree}, "rest of year": {RestOfYear: true},
	} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := planner.Optimize(context.Background(), p, req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFrontier is the default frontier (41 budgets) with the reach of
// the plan's targets. Goals: the worked example under 50 ms, the
// 200-channel plan (plangen.Large: 24 months, carryover, caps, groups)
// under 3 s.
func BenchmarkFrontier(b *testing.B) {
	tea, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		b.Fatal(err)
	}
	for name, p := range map[string]*planner.Plan{"worked example": tea, "200 channels": plangen.Generate(plangen.Large, 1)} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := planner.Frontier(context.Background(), p, planner.FrontierRequest{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkOptimizeChannels shows how the optimiser's time grows with the
// number of channels, mixed concave and S-shaped curves with and without
// bounds, and a budget that binds. Goals: 200 channels under 50 ms, 1,000
// under 500 ms.
func BenchmarkOptimizeChannels(b *testing.B) {
	for _, n := range []int{6, 15, 50, 200, 1000} {
		p := plangen.Generate(plangen.Size{Products: 50, Places: 5, Promotions: n, Months: 12}, int64(n))
		spend := 0.0
		for _, pm := range p.Promotions {
			spend += pm.Spend
		}
		budget := 0.8*spend + fixedMarketing(p)
		for _, mode := range []string{planner.ModeContribution, planner.ModeUnits} {
			b.Run(fmt.Sprintf("%d channels %s", n, mode), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := planner.Optimize(context.Background(), p, planner.OptimizeRequest{Mode: mode, Budget: &budget}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// fixedMarketing is the marketing spend the optimiser cannot move: places'
// fixed costs and launch costs.
func fixedMarketing(p *planner.Plan) float64 {
	sum := 0.0
	for _, pl := range p.Places {
		sum += pl.FixedCost
	}
	for _, pr := range p.Products {
		sum += pr.LaunchCost
	}
	return sum
}

// BenchmarkAdvisePrices is the price advisor on every product: on the sample
// plan (what the window runs after an edit) and on the large plan.
func BenchmarkAdvisePrices(b *testing.B) {
	tea, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		b.Fatal(err)
	}
	for name, p := range map[string]*planner.Plan{"worked example": tea, "2000 products": plangen.Generate(plangen.Large, 1)} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := planner.AdvisePrices(context.Background(), p, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkOptimizeLarge is the optimiser's recommendation on the
// 200-channel plan (plangen.Large: 2,000 products, 24 months, carryover,
// responsiveness, caps, groups) with the plan's own budget, which has no
// budget target: no budget row, so the problem splits by channel. Goals:
// contribution under 1 s; free flighting with a 3 s TimeLimit answers
// within 10 % of it.
func BenchmarkOptimizeLarge(b *testing.B) {
	p := plangen.Generate(plangen.Large, 1)
	for name, req := range map[string]planner.OptimizeRequest{
		"contribution": {},
		"free 3s":      {Flighting: planner.FlightingFree, TimeLimit: 3 * time.Second},
	} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			gap := 0.0
			for b.Loop() {
				ans, err := planner.Optimize(context.Background(), p, req)
				if err != nil {
					var unproven *planner.UnprovenError
					if !errors.As(err, &unproven) || req.TimeLimit == 0 {
						b.Fatal(err)
					}
					gap = (unproven.UpperBound - unproven.Objective) / math.Max(1, math.Abs(unproven.Objective))
					continue
				}
				gap = (ans.UpperBound - ans.Objective) / math.Max(1, math.Abs(ans.Objective))
			}
			// The relative gap proven: at most 1e-6 when the answer is
			// proven, whatever the time limit left otherwise.
			b.ReportMetric(gap, "gap")
		})
	}
}
