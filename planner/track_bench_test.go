package planner_test

import (
	"testing"

	"mixplan/planner"
	"mixplan/planner/plangen"
)

// BenchmarkTrackTea tracks the worked example (four closed months). Goal: under 1 ms.
func BenchmarkTrackTea(b *testing.B) {
	p, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := planner.Track(p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTrackLarge tracks the large plan with 11 closed months. Goal: under 20 ms.
func BenchmarkTrackLarge(b *testing.B) {
	p := plangen.WithActuals(plangen.Generate(plangen.Large, 1), 11, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := planner.Track(p); err != nil {
			b.Fatal(err)
		}
	}
}
