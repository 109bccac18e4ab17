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
		{"one of everything", Size{Products: 1, Places: 1, Promotions: 1, Months: 1, Scenarios: 1}},
		{"no promotions", Size{Products: 5, Places: 3, Months: 12}},
		{"sixty months", Size{Products: 10, Places: 4, Promotions: 6, Months: 60, Scenarios: 2}},
		{"monthly response", Size{Products: 10, Places: 4, Promotions: 30, Months: 12, Scenarios: 2, Monthly: true}},
		{"monthly response, one channel, one month", Size{Products: 2, Places: 1, Promotions: 1, Months: 1, Monthly: true}},
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

// TestMonthlyFields: with Monthly, some channels carry over, answer by
// season or are capped, and groups exist; without, none of that.
func TestMonthlyFields(t *testing.T) {
	plain := Generate(Size{Products: 5, Places: 2, Promotions: 40, Months: 12}, 3)
	monthly := Generate(Size{Products: 5, Places: 2, Promotions: 40, Months: 12, Monthly: true}, 3)
	var carry, resp, capped int
	for c, pm := range monthly.Promotions {
		if pm.Spend != plain.Promotions[c].Spend || pm.Response.MaxUnits != plain.Promotions[c].Response.MaxUnits {
			t.Fatalf("channel %d differs beyond the monthly fields", c)
		}
		if pm.Response.Carryover > 0 {
			carry++
		}
		if pm.Responsiveness != nil {
			resp++
		}
		if pm.MaxPerMonth != nil {
			capped++
		}
		if p := plain.Promotions[c]; p.Response.Carryover != 0 || p.Responsiveness != nil || p.MaxPerMonth != nil {
			t.Errorf("channel %d has monthly fields without Monthly", c)
		}
	}
	if carry == 0 || resp == 0 || capped == 0 || len(monthly.Groups) == 0 || len(plain.Groups) != 0 {
		t.Errorf("carryover %d, responsiveness %d, caps %d, groups %d (plain %d)", carry, resp, capped, len(monthly.Groups), len(plain.Groups))
	}
}

// TestActualsAndRanges: the generated actuals and ranges are valid and say something.
func TestActualsAndRanges(t *testing.T) {
	for _, size := range []Size{Large, {Products: 3, Places: 2, Promotions: 4, Months: 12, Monthly: true}, {Products: 1, Places: 1, Promotions: 1, Months: 1}} {
		for _, through := range []int{0, 1, size.Months - 1, size.Months} {
			p := WithRanges(WithActuals(Generate(size, 2), through, 5), 8, 6)
			if err := p.Validate(); err != nil {
				t.Fatalf("%+v through %d: %v", size, through, err)
			}
			if p.Actuals.Through != through || len(p.Ranges) == 0 {
				t.Errorf("%+v: through %d, %d ranges", size, p.Actuals.Through, len(p.Ranges))
			}
		}
	}
}
