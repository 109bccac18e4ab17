package ui

import (
	"testing"

	"mixplan/planner"
	"mixplan/planner/plangen"
)

// BenchmarkOverviewEdit is one edit of the large plan (2,000 products, 200
// channels) as the Overview shows it: validate and apply the change,
// recompute every figure, redraw what changed. The goal is under 50 ms.
func BenchmarkOverviewEdit(b *testing.B) {
	w := openWindow(b, plangen.Generate(plangen.Large, 1), "", "")
	w.ShowScreen("overview")
	spend := w.doc.Plan().Promotions[0].Spend
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x := spend + float64(i%2)*1000
		if err := w.env.Edit("bench", func(p *planner.Plan) { p.Promotions[0].Spend = x + 1 }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPromotionEdit is the same edit made from the Promotion screen,
// which also redraws the list, the form and the response curve.
func BenchmarkPromotionEdit(b *testing.B) {
	w := openWindow(b, plangen.Generate(plangen.Large, 1), "", "")
	s := promotionOf(b, w)
	s.list.Select(0)
	spend := w.doc.Plan().Promotions[0].Spend
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x := spend + float64(i%2)*1000 + 1
		if err := s.edit("bench", func(pm *planner.Promotion) { pm.Spend = x }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScenarioSwitch recomputes and redraws the Overview for another scenario.
func BenchmarkScenarioSwitch(b *testing.B) {
	w := openWindow(b, plangen.Generate(plangen.Large, 1), "", "")
	ids := []string{"base", w.doc.Plan().Scenarios[0].ID}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w.SetScenario(ids[i%2])
	}
}
