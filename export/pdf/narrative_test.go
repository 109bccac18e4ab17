package pdf

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"mixplan/export/internal/exporttest"
	"mixplan/planner"
)

// teaOptimum is the worked example's optimal promotion budget under the
// monthly model, computed by the exact solver with its proof of optimality
// (testdata/tea.optimize-contribution.json).
func teaOptimum(t *testing.T) []float64 {
	t.Helper()
	b, err := os.ReadFile("testdata/tea.optimize-contribution.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct{ Allocation []float64 }
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v.Allocation
}

// withSpends gathers a plan's data and replaces the recommendation with the
// given spends, so the sentences can be checked whatever the optimiser says.
func withSpends(t *testing.T, p *planner.Plan, spends []float64) *reportData {
	t.Helper()
	data, err := gather(p, Options{Generated: exporttest.FixedDate})
	if err != nil {
		t.Fatal(err)
	}
	if spends != nil {
		rec, note := applySpends(p, data.scenario, spends, planner.None)
		if rec == nil {
			t.Fatal(note)
		}
		data.rec = rec
	}
	return data
}

func inScenario(t *testing.T, p *planner.Plan, scenario string) *reportData {
	t.Helper()
	data, err := gather(p, Options{Scenario: scenario, Generated: exporttest.FixedDate})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func currentSpends(p *planner.Plan) []float64 {
	s := make([]float64, len(p.Promotions))
	for i, pm := range p.Promotions {
		s[i] = pm.Spend
	}
	return s
}

func TestKeyMessages(t *testing.T) {
	const n = "\u202f"
	tea := exporttest.TeaPlan(t)
	opt := teaOptimum(t)
	partial := currentSpends(tea)
	for i := range partial {
		partial[i] += (opt[i] - partial[i]) * 0.2
	}
	easy := exporttest.TeaPlan(t)
	easy.Targets = planner.Targets{Revenue: planner.Float(1e6), Contribution: planner.Float(4e5)}
	// Under the monthly model the exact optimum of the worked example's
	// promotion reaches 435 585 € of contribution, short of its 450 000 €
	// target: a target of 430 000 € is one the optimum closes.
	reachable := exporttest.TeaPlan(t)
	reachable.Targets.Contribution = planner.Float(430000)
	noPayback := exporttest.TeaPlan(t)
	noPayback.Places[0].FixedCost = 2e6
	for _, tc := range []struct {
		name  string
		data  func() *reportData
		which func(*reportData) string
		want  []string // substrings, in order
		exact string   // or the whole sentence
	}{
		{
			name: "targets missed are listed with their gaps", data: func() *reportData { return withSpends(t, tea, nil) },
			which: (*reportData).targetsSentence,
			exact: "The plan meets **3 of its 6** targets: contribution is **46" + n + "842" + n + "€ short**, marketing spend is **12" + n + "000" + n + "€ over budget** and ROMI is **36,6 pts short**.",
		},
		{
			name: "more than three missed are counted", data: func() *reportData { return inScenario(t, tea, "low") },
			which: (*reportData).targetsSentence,
			exact: "The plan meets **1 of its 6** targets: net revenue is **157" + n + "417" + n + "€ short**, contribution is **183" + n + "491" + n + "€ short**, marketing spend is **12" + n + "000" + n + "€ over budget**, and 2 more targets are missed.",
		},
		{
			name: "the reported scenario is the weakest", data: func() *reportData { return inScenario(t, tea, "low") },
			which: (*reportData).riskSentence,
			exact: "This is the weakest scenario: under **Base**, the next weakest, contribution reaches **403" + n + "158" + n + "€** (136" + n + "649" + n + "€ more) and **3 of 6** targets are met.",
		},
		{
			name: "all targets met", data: func() *reportData { return withSpends(t, easy, nil) },
			which: (*reportData).targetsSentence,
			exact: "The plan meets all **2** targets, with a contribution of **403" + n + "158" + n + "€** and marketing spend of 312" + n + "000" + n + "€.",
		},
		{
			name: "no target set", data: func() *reportData { return withSpends(t, exporttest.BarePlan(), nil) },
			which: (*reportData).targetsSentence,
			exact: "No targets are set; the plan makes a contribution of **$3,000** on net revenue of **$5,000** (gross margin 60.0%).",
		},
		{
			name: "the optimal budget closes the contribution gap", data: func() *reportData { return withSpends(t, reachable, opt) },
			which: (*reportData).reallocationSentence,
			exact: "Contribution is **26" + n + "842" + n + "€** short of target; moving **109" + n + "€** from Radio locale, PLV en magasin and 3 others to Emailing and cutting **64" + n + "383" + n + "€** closes it, for a contribution of **435" + n + "585" + n + "€**.",
		},
		{
			name: "a partial move narrows the gap", data: func() *reportData { return withSpends(t, tea, partial) },
			which: (*reportData).reallocationSentence,
			want:  []string{"Contribution is **46" + n + "842" + n + "€** short of target; moving **", "narrows the gap to **"},
		},
		{
			name: "no change recommended", data: func() *reportData { return withSpends(t, tea, currentSpends(tea)) },
			which: (*reportData).reallocationSentence,
			exact: "The promotion budget is already optimal: each channel’s last euro earns as much as any other, so no reallocation adds contribution.",
		},
		{
			name: "contribution target met: the gain is given", data: func() *reportData { return withSpends(t, easy, opt) },
			which: (*reportData).reallocationSentence,
			want:  []string{"Moving **", " adds **+", "** of contribution, for **"},
		},
		{
			name: "no promotion: the best product instead", data: func() *reportData { return withSpends(t, exporttest.BarePlan(), nil) },
			which: (*reportData).reallocationSentence,
			exact: "The plan has no paid promotion; Alpha brings the largest contribution, **$3,000** (100.0% of the total).",
		},
		{
			name: "the weakest scenario is the risk", data: func() *reportData { return withSpends(t, tea, nil) },
			which: (*reportData).riskSentence,
			exact: "Under the **Pessimiste** scenario, the weakest alternative, contribution falls to **266" + n + "509" + n + "€** (136" + n + "649" + n + "€ lower) and **1 of 6** targets are met.",
		},
		{
			name: "no payback is the risk", data: func() *reportData { return withSpends(t, noPayback, nil) },
			which: (*reportData).riskSentence,
			want:  []string{"The plan does not pay back within its 12 months: cumulative contribution ends at **-"},
		},
		{
			name: "payback without scenarios", data: func() *reportData { return withSpends(t, exporttest.BarePlan(), nil) },
			which: (*reportData).riskSentence,
			exact: "The plan pays back in **month 1**; it has no marketing spend to recover.",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.which(tc.data())
			if tc.exact != "" && got != tc.exact {
				t.Errorf("got  %q\nwant %q", got, tc.exact)
			}
			rest := got
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("%q lacks %q (in order)", got, w)
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

// TestReallocationClosesGapForReal checks the claim "closes it" against the
// engine: the plan with the optimal spends meets its contribution target.
func TestReallocationClosesGapForReal(t *testing.T) {
	tea := exporttest.TeaPlan(t)
	tea.Targets.Contribution = planner.Float(430000) // within the optimum's reach (TestKeyMessages)
	data := withSpends(t, tea, teaOptimum(t))
	if c := data.rec.after.Totals.Contribution; c < *tea.Targets.Contribution {
		t.Fatalf("contribution after the optimal budget %.0f is below the target", c)
	}
	if !strings.Contains(data.reallocationSentence(), "closes it") {
		t.Fatal(data.reallocationSentence())
	}
}
