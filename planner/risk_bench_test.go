package planner_test

import (
	"context"
	"testing"

	"mixplan/planner"
	"mixplan/planner/plangen"
)

// BenchmarkTornadoTea is the worked example's tornado (six ranges). Goal: under 5 ms.
func BenchmarkTornadoTea(b *testing.B) {
	p, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := planner.Tornado(p, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSimulateTea is 5,000 draws of the worked example on every core. Goal: under 150 ms.
func BenchmarkSimulateTea(b *testing.B) {
	p, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := planner.Simulate(context.Background(), p, planner.RiskRequest{Draws: 5000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSimulateLarge is 1,000 draws of the large plan with 20 ranges on every core. Goal: under 3 s.
func BenchmarkSimulateLarge(b *testing.B) {
	p := plangen.WithRanges(plangen.Generate(plangen.Large, 1), 20, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := planner.Simulate(context.Background(), p, planner.RiskRequest{Draws: 1000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
