package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"mixplan/planner"
	"mixplan/planner/numfmt"
	"mixplan/planner/plangen"
)

// BenchmarkTrackingEdit is one figure typed into the actuals of the large
// plan (2,000 products, 200 channels, 24 months, 11 closed) with the
// Tracking screen shown: validate, recompute, track, redraw. Goal: under
// 100 ms, so typing never lags.
func BenchmarkTrackingEdit(b *testing.B) {
	w := openWindow(b, plangen.WithActuals(plangen.Generate(plangen.Large, 1), 11, 1), "", "")
	s := trackingOf(b, w)
	g := s.channelGrid
	g.table.Select(widget.TableCellID{Row: 3, Col: 5})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := g.write("bench", 3, 5, [][]float64{{1000 + float64(i%2)}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseBlock reads a year of 200 channels pasted from a
// spreadsheet, in French. Goal: well under a frame (16 ms).
func BenchmarkParseBlock(b *testing.B) {
	var sb strings.Builder
	for t := 0; t < 12; t++ {
		for c := 0; c < 200; c++ {
			if c > 0 {
				sb.WriteByte('\t')
			}
			sb.WriteString("12 345,67 €")
		}
		sb.WriteString("\r\n")
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := parseBlock(text, numfmt.Locale("fr")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRiskEdit is an edit of the large plan with 20 ranges while the
// Risk screen is shown: what the edit costs on the UI goroutine, the
// simulation it starts (and the one it cancels) running in the background.
// Goal: as an edit without the screen (BenchmarkOverviewEdit), under 50 ms.
func BenchmarkRiskEdit(b *testing.B) {
	w := openWindow(b, plangen.WithRanges(plangen.Generate(plangen.Large, 1), 20, 1), "", "")
	s := riskOf(b, w)
	spend := w.doc.Plan().Promotions[0].Spend
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x := spend + float64(i%2)*1000 + 1
		if err := w.env.Edit("bench", func(p *planner.Plan) { p.Promotions[0].Spend = x }); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	s.job.stop()
}
