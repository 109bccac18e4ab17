package planner_test

import (
	"bytes"
	"testing"

	"mixplan/assets"
	"mixplan/planner"
	"mixplan/planner/plangen"
)

// BenchmarkEvaluateSample is the engine on the sample plan: the work the
// desktop window does on every keystroke. Goal: under 30 µs.
func BenchmarkEvaluateSample(b *testing.B) {
	p, err := planner.Parse(assets.SamplePlan)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := planner.Evaluate(p, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateTea is the engine on the worked example: bursts,
// carryover and responsiveness month by month. Goal: under 30 µs.
func BenchmarkEvaluateTea(b *testing.B) {
	p, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := planner.Evaluate(p, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateLarge evaluates the large plan (2,000 products, 20 places,
// 200 promotions, 24 months, some channels with carryover, responsiveness
// and caps) once per scenario: ns/op is per scenario. Goal: under 5 ms.
func BenchmarkEvaluateLarge(b *testing.B) {
	p := plangen.Generate(plangen.Large, 1)
	ids := []string{"base"}
	for _, s := range p.Scenarios {
		ids = append(ids, s.ID)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := planner.Evaluate(p, ids[i%len(ids)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkLoadLarge reads and validates the large plan from its file bytes. Goal: under 100 ms.
func BenchmarkLoadLarge(b *testing.B) {
	data, err := planner.Marshal(plangen.Generate(plangen.Large, 1))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := planner.Read(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidateLarge is the check every edit in the window runs.
func BenchmarkValidateLarge(b *testing.B) {
	p := plangen.Generate(plangen.Large, 1)
	b.ReportAllocs()
	for b.Loop() {
		if err := p.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
