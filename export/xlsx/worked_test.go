package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"mixplan/export/internal/exporttest"
	"mixplan/planner"
	"mixplan/planner/plangen"
)

// workedExample is the contract's version-2 worked example (testdata/tea.mixplan,
// copied from the contract's examples): carryover, responsiveness, monthly
// caps, groups, four closed months of actuals and uncertainty ranges.
func workedExample(t testing.TB) *planner.Plan {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "tea.mixplan"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := planner.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// everyActual is the worked example with every kind of actual recorded,
// a channel closed with only a commitment, no months closed in a second
// group's eyes, and a range on every kind of input.
func everyActual(t testing.TB) *planner.Plan {
	p := workedExample(t)
	a := p.Actuals
	a.Credibility = 0.5
	pa := a.Promotions["sea"]
	pa.Committed = 1234.5
	pa.Impressions = []float64{1e6, 2e6, 1.5e6, 1e6}
	pa.Clicks = []float64{1e4, 2e4, 1.5e4, 1e4}
	pa.Conversions = []float64{100, 200, 150, 0}
	pa.LiftUnits = []float64{10, 20, 30, 40.5}
	a.Promotions["sea"] = pa
	a.Promotions["fairs"] = planner.PromotionActuals{Committed: 7000}
	gift := a.Products["gift"]
	gift.NetRevenue = []float64{1000, 2000, 3000.25, 0}
	a.Products["gift"] = gift
	p.Groups = append(p.Groups, planner.Group{ID: "all", Name: "Everything", Promotions: []string{"sea", "fairs"}, Min: 1000,
		Max: planner.Float(300000), MinShare: 0.1, MaxShare: 0.95})
	p.Ranges = append(p.Ranges, planner.Range{Of: "places.gms.unitCost", Low: 0, High: p.Places[1].UnitCost * 2})
	return p
}

// layoutOf is the layout Write gives p.
func layoutOf(p *planner.Plan) layout {
	return layout{products: len(p.Products), places: len(p.Places), promotions: len(p.Promotions), scenarios: len(p.Scenarios),
		months: p.Months, groups: len(p.Groups), ranges: len(p.Ranges)}
}

// TestWorkbookIsDeterministic: the same plan exported again gives the same
// bytes. Sums over a plan's maps (shares, splits, actuals) once ran in the
// maps' random order, and a cached 1 came out 0.999999999999999 now and then.
func TestWorkbookIsDeterministic(t *testing.T) {
	for name, p := range map[string]*planner.Plan{
		"worked example": workedExample(t),
		"every actual":   everyActual(t),
		"generated":      plangen.Generate(plangen.Size{Products: 40, Places: 7, Promotions: 12, Months: 12, Scenarios: 2, Monthly: true}, 31),
	} {
		t.Run(name, func(t *testing.T) {
			first := export(t, p, Options{Generated: exporttest.FixedDate})
			for range 8 {
				if again := export(t, p, Options{Generated: exporttest.FixedDate}); !bytes.Equal(first, again) {
					t.Fatal("two exports of the same plan differ")
				}
			}
		})
	}
}
