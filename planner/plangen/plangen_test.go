package plangen

import (
	"testing"

	"mixplan/planner"
)

func TestGeneratedPlansAreValid(t *testing.T) {
	for _, tc := range []struct {
		name string
		size Size
	}{
		{"large benchmark plan", Large},
		{"one of everything", Size{1, 1, 1, 1, 1}},
		{"no promotions", Size{5, 3, 0, 12, 0}},
		{"sixty months", Size{10, 4, 6, 60, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := Generate(tc.size, 1)
			if err := p.Validate(); err != nil {
				t.Fatal(err)
			}
			if len(p.Products) != tc.size.Products || len(p.Promotions) != tc.size.Promotions {
				t.Fatalf("got %d products, %d promotions", len(p.Products), len(p.Promotions))
			}
			data, err := planner.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := planner.Parse(data); err != nil {
				t.Fatal(err)
			}
		})
	}
}
