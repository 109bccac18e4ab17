package pdf

import (
	"io"
	"testing"

	"mixplan/export/internal/exporttest"
	"mixplan/planner/plangen"
)

// The speed goals of the report (issue 5): the sample plan under 300 ms, a
// 2,000-product plan under 5 s and 300 MB peak. Measured, never asserted.

func BenchmarkWritePDFSample(b *testing.B) {
	p := exporttest.SamplePlan(b)
	opt := Options{Generated: exporttest.FixedDate}
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, p, opt); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWritePDFLarge(b *testing.B) {
	p := plangen.Generate(plangen.Large, 1) // 2,000 products, 20 places, 200 channels, 24 months, 10 scenarios
	opt := Options{Generated: exporttest.FixedDate}
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, p, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWritePDFWorkedExample is the version-2 worked example: its
// tracking and its simulation (5,000 draws) are part of the report.
func BenchmarkWritePDFWorkedExample(b *testing.B) {
	p := teaV2(b)
	opt := Options{Generated: exporttest.FixedDate}
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, p, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWritePDFWorldNames adds the CJK fallback font: parsed and subset
// on every report that needs it.
func BenchmarkWritePDFWorldNames(b *testing.B) {
	p := worldPlan(b)
	opt := Options{Generated: exporttest.FixedDate}
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, p, opt); err != nil {
			b.Fatal(err)
		}
	}
}
