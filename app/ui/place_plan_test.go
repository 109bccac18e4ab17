package ui

import (
	"math"
	"testing"

	"mixplan/planner"
)

func TestSpreadRemainder(t *testing.T) {
	for _, tc := range []struct {
		name   string
		row    []float64
		pinned []bool
		want   []float64
	}{
		{"what is left goes to the others in proportion",
			[]float64{0.2, 0.4, 0.2, 0.1}, []bool{true, false, false, false},
			[]float64{0.2, 0.4 + 0.1*4.0/7, 0.2 + 0.1*2.0/7, 0.1 + 0.1*1.0/7}},
		{"an excess is taken from the others in proportion",
			[]float64{0.5, 0.4, 0.2, 0.1}, []bool{true, false, false, false},
			[]float64{0.5, 0.4 - 0.2*4.0/7, 0.2 - 0.2*2.0/7, 0.1 - 0.2*1.0/7}},
		{"places that do not sell it get nothing while others do",
			[]float64{0.3, 0, 0.5}, []bool{true, false, false},
			[]float64{0.3, 0, 0.7}},
		{"equally over the others when none of them sells it",
			[]float64{0.4, 0, 0, 0}, []bool{true, false, false, false},
			[]float64{0.4, 0.2, 0.2, 0.2}},
		{"two typed shares stay, the rest fills up",
			[]float64{0.3, 0.3, 0.1}, []bool{true, true, false},
			[]float64{0.3, 0.3, 0.4}},
		{"every place typed: the row is scaled to 100%",
			[]float64{0.3, 0.3}, []bool{true, true},
			[]float64{0.5, 0.5}},
		{"the others cannot make room: the row is scaled",
			[]float64{0.8, 0.6, 0.2}, []bool{true, true, false},
			[]float64{0.5, 0.375, 0.125}},
		{"a single place takes everything",
			[]float64{0.25}, []bool{true},
			[]float64{1}},
		{"all zero and all typed: equal shares",
			[]float64{0, 0}, []bool{true, true},
			[]float64{0.5, 0.5}},
		{"no place at all", []float64{}, []bool{}, []float64{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := spreadRemainder(tc.row, tc.pinned)
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			sum := 0.0
			for k := range got {
				if math.Abs(got[k]-tc.want[k]) > 1e-12 {
					t.Errorf("place %d: %v, want %v (row %v)", k, got[k], tc.want[k], got)
				}
				sum += got[k]
			}
			if len(got) > 0 && !addsUp(sum) {
				t.Errorf("row adds up to %v", sum)
			}
		})
	}
}

func TestRemovePlace(t *testing.T) {
	p := samplePlan(t)
	removePlace(p, placeIndex(p, "marketplace"))
	if err := p.Validate(); err != nil {
		t.Fatalf("the plan is not valid after removing a place: %v", err)
	}
	// trail-shoe: e-shop 0.30, specialist 0.40, chains 0.20 and the
	// marketplace's 0.10 shared 3:4:2 among them.
	for _, tc := range []struct {
		place string
		want  float64
	}{{"eshop", 0.30 / 0.9}, {"specialist", 0.40 / 0.9}, {"chains", 0.20 / 0.9}} {
		if got := p.Places[placeIndex(p, tc.place)].Share["trail-shoe"]; math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("%s sells %v of the trail shoe, want %v", tc.place, got, tc.want)
		}
	}
}

func TestSoleOutlets(t *testing.T) {
	p := samplePlan(t)
	if got := soleOutlets(p, 0); len(got) != 0 {
		t.Errorf("the sample's e-shop is the only place of %v", got)
	}
	for k := 1; k < len(p.Places); k++ {
		delete(p.Places[k].Share, "gift-box")
		delete(p.Places[k].Share, "vest")
	}
	p.Places[0].Share["gift-box"], p.Places[0].Share["vest"] = 1, 1
	got := soleOutlets(p, 0)
	if len(got) != 2 || got[0].ID != "vest" || got[1].ID != "gift-box" {
		t.Errorf("only the e-shop sells %v, want the vest and the gift box in the plan's order", got)
	}
}

func TestSetShareRowWritesOnlyChanges(t *testing.T) {
	p := &planner.Plan{Places: []planner.Place{
		{ID: "a", Share: map[string]float64{"x": 0.5, "y": 0}},
		{ID: "b", Share: map[string]float64{"x": 0.5}},
		{ID: "c"},
	}}
	setShareRow(p, "x", []float64{0, 0.5, 0.5})
	setShareRow(p, "y", []float64{0, 0, 0})
	if _, ok := p.Places[0].Share["x"]; ok {
		t.Error("a share set to 0 stays in the map")
	}
	if _, ok := p.Places[0].Share["y"]; !ok {
		t.Error("an untouched explicit 0 was removed")
	}
	if p.Places[2].Share["x"] != 0.5 {
		t.Errorf("a place with no map did not get its share: %v", p.Places[2].Share)
	}
}
