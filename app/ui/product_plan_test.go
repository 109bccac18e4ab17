package ui

import (
	"math"
	"slices"
	"testing"

	"mixplan/planner"
)

// TestMixShares checks the shares a new product gets: each place's share of
// the plan's units, rounded, adding up to 1.
func TestMixShares(t *testing.T) {
	sample := func(t *testing.T) *planner.Plan { return samplePlan(t) }
	for _, tc := range []struct {
		name  string
		plan  func(t *testing.T) *planner.Plan
		check func(t *testing.T, p *planner.Plan, mix []float64)
	}{
		{"the sample plan's overall mix", sample, func(t *testing.T, p *planner.Plan, mix []float64) {
			r, err := planner.Evaluate(p, planner.BaseScenario)
			if err != nil {
				t.Fatal(err)
			}
			for k, pl := range r.Places {
				if want := pl.Units / r.Totals.Units; math.Abs(mix[k]-want) > 1e-4 {
					t.Errorf("place %s gets %v, its share of the units is %v", pl.ID, mix[k], want)
				}
				if math.Abs(mix[k]*1e4-math.Round(mix[k]*1e4)) > 1e-6 {
					t.Errorf("place %s gets %v, not rounded to 0.01 %%", pl.ID, mix[k])
				}
			}
		}},
		{"a plan that sells nothing shares equally", func(t *testing.T) *planner.Plan {
			p := samplePlan(t)
			for i := range p.Products {
				p.Products[i].BaseVolume = 0
			}
			p.Promotions, p.Groups = nil, nil // a group names its channels
			return p
		}, func(t *testing.T, p *planner.Plan, mix []float64) {
			if !slices.Equal(mix, []float64{0.25, 0.25, 0.25, 0.25}) {
				t.Errorf("mix %v, want a quarter each", mix)
			}
		}},
		{"three places share equally with the rounding on one", func(t *testing.T) *planner.Plan {
			p := samplePlan(t)
			p.Products, p.Promotions, p.Groups = nil, nil, nil
			p.Places = p.Places[:3]
			for k := range p.Places {
				p.Places[k].Share = map[string]float64{}
			}
			return p
		}, func(t *testing.T, p *planner.Plan, mix []float64) {
			if len(mix) != 3 || mix[1] != 0.3333 || mix[2] != 0.3333 || math.Abs(mix[0]-0.3334) > 1e-12 {
				t.Errorf("mix %v, want 0.3334, 0.3333, 0.3333", mix)
			}
		}},
		{"no places, no shares", func(t *testing.T) *planner.Plan {
			p := samplePlan(t)
			p.Products, p.Places, p.Promotions = nil, nil, nil
			return p
		}, func(t *testing.T, p *planner.Plan, mix []float64) {
			if len(mix) != 0 {
				t.Errorf("mix %v for a plan without places", mix)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.plan(t)
			mix := mixShares(p)
			sum := 0.0
			for _, x := range mix {
				if x < 0 || x > 1 {
					t.Errorf("share %v out of [0, 1]", x)
				}
				sum += x
			}
			if len(mix) > 0 && math.Abs(sum-1) > 1e-9 {
				t.Errorf("shares %v add up to %v", mix, sum)
			}
			tc.check(t, p, mix)
			if len(p.Places) > 0 { // the plan takes a product with these shares
				addProduct(p, newProduct("new", "New"), mix)
				if err := p.Validate(); err != nil {
					t.Errorf("plan with the new product refused: %v", err)
				}
			}
		})
	}
}

// TestStructuralEdits checks that adding, duplicating, renaming and deleting
// a product carry the consequences into shares and splits, and leave a
// valid plan.
func TestStructuralEdits(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(p *planner.Plan)
		edit  func(p *planner.Plan)
		check func(t *testing.T, before, p *planner.Plan)
	}{
		{"duplicate copies fields and shares, not split weights", nil,
			func(p *planner.Plan) { duplicateProduct(p, 0, "trail-shoe-copy", "Copy") },
			func(t *testing.T, before, p *planner.Plan) {
				c := p.Products[1]
				if c.ID != "trail-shoe-copy" || c.Name != "Copy" || c.ListPrice != 139 || !slices.Equal(c.Seasonality, before.Products[0].Seasonality) {
					t.Errorf("copy %+v", c)
				}
				c.Seasonality[0] = 99
				if p.Products[0].Seasonality[0] == 99 {
					t.Errorf("the copy shares its seasonality with the original")
				}
				for k, pl := range p.Places {
					if pl.Share["trail-shoe-copy"] != before.Places[k].Share["trail-shoe"] {
						t.Errorf("place %s: copy's share %v", pl.ID, pl.Share["trail-shoe-copy"])
					}
				}
				for _, pm := range p.Promotions {
					if _, in := pm.Split["trail-shoe-copy"]; in {
						t.Errorf("channel %s splits to the copy", pm.ID)
					}
				}
			}},
		{"rename moves the keys", nil,
			func(p *planner.Plan) { renameProduct(p, "vest", "vest-8l") },
			func(t *testing.T, before, p *planner.Plan) {
				if p.Products[2].ID != "vest-8l" {
					t.Errorf("product id %q", p.Products[2].ID)
				}
				for k, pl := range p.Places {
					if _, old := pl.Share["vest"]; old || pl.Share["vest-8l"] != before.Places[k].Share["vest"] {
						t.Errorf("place %s shares %v", pl.ID, pl.Share)
					}
				}
				if w := p.Promotions[2].Split["vest-8l"]; w != 0.3 {
					t.Errorf("influencers split %v", p.Promotions[2].Split)
				}
			}},
		{"delete removes shares and weights, others unchanged", nil,
			func(p *planner.Plan) { removeProduct(p, "vest") },
			func(t *testing.T, before, p *planner.Plan) {
				if len(p.Products) != 4 || productIndex(p, "vest") >= 0 {
					t.Errorf("products %d", len(p.Products))
				}
				for k, pl := range p.Places {
					if _, in := pl.Share["vest"]; in || pl.Share["socks"] != before.Places[k].Share["socks"] {
						t.Errorf("place %s shares %v", pl.ID, pl.Share)
					}
				}
				if s := p.Promotions[2].Split; len(s) != 1 || s["trail-shoe"] != 0.7 {
					t.Errorf("influencers split %v, want trail-shoe 0.7 alone", s)
				}
			}},
		{"a split left empty follows base volume",
			func(p *planner.Plan) { p.Promotions[3].Split = map[string]float64{"gift-box": 1} },
			func(p *planner.Plan) { removeProduct(p, "gift-box") },
			func(t *testing.T, before, p *planner.Plan) {
				if p.Promotions[3].Split != nil {
					t.Errorf("email split %v, want nil", p.Promotions[3].Split)
				}
			}},
		{"a split left with zero weights follows base volume",
			func(p *planner.Plan) { p.Promotions[3].Split = map[string]float64{"gift-box": 1, "socks": 0} },
			func(p *planner.Plan) { removeProduct(p, "gift-box") },
			func(t *testing.T, before, p *planner.Plan) {
				if p.Promotions[3].Split != nil {
					t.Errorf("email split %v, want nil", p.Promotions[3].Split)
				}
			}},
		{"deleting every product leaves a valid, empty range", nil,
			func(p *planner.Plan) {
				for _, id := range []string{"trail-shoe", "road-shoe", "vest", "socks", "gift-box"} {
					removeProduct(p, id)
				}
			},
			func(t *testing.T, before, p *planner.Plan) {
				for _, pm := range p.Promotions {
					if pm.Split != nil {
						t.Errorf("channel %s keeps split %v", pm.ID, pm.Split)
					}
				}
				r, err := planner.Evaluate(p, planner.BaseScenario)
				if err != nil || r.Totals.Units != 0 || math.IsNaN(r.Totals.Contribution) {
					t.Errorf("report of the empty range: %v, %+v", err, r.Totals)
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := samplePlan(t)
			if tc.setup != nil {
				tc.setup(p)
			}
			before := p.Clone()
			tc.edit(p)
			if err := p.Validate(); err != nil {
				t.Fatalf("plan refused after the edit: %v", err)
			}
			tc.check(t, before, p)
		})
	}
}

func TestSplitsLeftEmpty(t *testing.T) {
	p := samplePlan(t)
	p.Promotions[3].Split = map[string]float64{"gift-box": 1}
	p.Promotions[1].Split = map[string]float64{"gift-box": 2, "socks": 0}
	for _, tc := range []struct {
		id   string
		want []string
	}{
		{"gift-box", []string{"Social media", "Email & loyalty"}},
		{"trail-shoe", nil},
		{"vest", nil},
	} {
		if got := splitsLeftEmpty(p, tc.id); !slices.Equal(got, tc.want) {
			t.Errorf("deleting %s empties %v, want %v", tc.id, got, tc.want)
		}
	}
}

func TestCheckProductID(t *testing.T) {
	p := samplePlan(t)
	for _, tc := range []struct {
		name, id string
		self     int
		want     string
	}{
		{"its own id", "trail-shoe", 0, ""},
		{"a new id", "trail-shoe-2027", 0, ""},
		{"another product's id", "road-shoe", 0, "“Tempo road shoe” already has this ID"},
		{"a space", "trail shoe", 0, "use 1 to 64 letters, digits, “_”, “.” or “-”, without spaces"},
		{"an accent", "chaussure-été", 0, "use 1 to 64 letters, digits, “_”, “.” or “-”, without spaces"},
		{"empty", "", 0, "use 1 to 64 letters, digits, “_”, “.” or “-”, without spaces"},
		{"65 characters", string(make([]byte, 65)), 0, "use 1 to 64 letters, digits, “_”, “.” or “-”, without spaces"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			if err := checkProductID(p, tc.self, tc.id); err != nil {
				got = err.Error()
			}
			if got != tc.want {
				t.Errorf("%q: %q, want %q", tc.id, got, tc.want)
			}
		})
	}
}

func TestSeasonShares(t *testing.T) {
	for _, tc := range []struct {
		name   string
		season []float64
		months int
		want   []float64
	}{
		{"flat", nil, 4, []float64{0.25, 0.25, 0.25, 0.25}},
		{"weights", []float64{1, 3, 0, 4}, 4, []float64{0.125, 0.375, 0, 0.5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := seasonShares(planner.Product{Seasonality: tc.season}, tc.months)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%v, want %v", got, tc.want)
			}
		})
	}
}
