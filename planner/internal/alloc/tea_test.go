package alloc

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"testing"
)

// The worked example (testdata/tea.mixplan, a copy of the contract's) posed
// as the planner poses it: each channel's value of a unit of lift (v_c, rv_c,
// upl_c) from the contract's formulas (§2.1–2.2), B = budget − places' fixed
// costs − launch costs.

type teaPlan struct {
	Months  int `json:"months"`
	Targets struct {
		Budget float64 `json:"budget"`
	} `json:"targets"`
	Products []struct {
		ID             string   `json:"id"`
		UnitCost       float64  `json:"unitCost"`
		ListPrice      float64  `json:"listPrice"`
		DiscountPct    float64  `json:"discountPct"`
		BaseVolume     float64  `json:"baseVolume"`
		ReferencePrice *float64 `json:"referencePrice"`
		Elasticity     float64  `json:"elasticity"`
		LaunchCost     float64  `json:"launchCost"`
	} `json:"products"`
	Places []struct {
		MarginPct float64            `json:"marginPct"`
		UnitCost  float64            `json:"unitCost"`
		FixedCost float64            `json:"fixedCost"`
		Share     map[string]float64 `json:"share"`
	} `json:"places"`
	Promotions []struct {
		ID       string   `json:"id"`
		Min      float64  `json:"min"`
		Max      *float64 `json:"max"`
		Response struct {
			MaxUnits  float64 `json:"maxUnits"`
			HalfSpend float64 `json:"halfSpend"`
			Shape     float64 `json:"shape"`
			Carryover float64 `json:"carryover"`
		} `json:"response"`
		Split          map[string]float64 `json:"split"`
		Flighting      []float64          `json:"flighting"`
		Responsiveness []float64          `json:"responsiveness"`
		MaxPerMonth    *float64           `json:"maxPerMonth"`
	} `json:"promotions"`
	Groups []struct {
		Promotions []string `json:"promotions"`
		Min        float64  `json:"min"`
		Max        *float64 `json:"max"`
		MinShare   float64  `json:"minShare"`
		MaxShare   *float64 `json:"maxShare"`
	} `json:"groups"`
}

// teaValues returns, per channel, v_c, rv_c and upl_c, and B.
func teaValues(t testing.TB) (tp *teaPlan, v, rv, upl []float64, budget float64) {
	raw, err := os.ReadFile("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	tp = &teaPlan{}
	if err := json.Unmarshal(raw, tp); err != nil {
		t.Fatal(err)
	}
	np := len(tp.Products)
	pos := map[string]int{}
	priceIndex, baseUnits, nr, uc := make([]float64, np), make([]float64, np), make([]float64, np), make([]float64, np)
	budget = tp.Targets.Budget
	for i, pr := range tp.Products {
		pos[pr.ID] = i
		net := pr.ListPrice * (1 - pr.DiscountPct)
		ref := pr.ListPrice
		if pr.ReferencePrice != nil {
			ref = *pr.ReferencePrice
		}
		priceIndex[i] = math.Pow(net/ref, pr.Elasticity)
		baseUnits[i] = pr.BaseVolume * priceIndex[i]
		nf, lc := 0.0, 0.0
		for _, pl := range tp.Places {
			sh := pl.Share[pr.ID]
			nf += sh * (1 - pl.MarginPct)
			lc += sh * pl.UnitCost
		}
		nr[i] = net * nf
		uc[i] = nr[i] - pr.UnitCost - lc
		budget -= pr.LaunchCost
	}
	for _, pl := range tp.Places {
		budget -= pl.FixedCost
	}
	for _, pm := range tp.Promotions {
		w := make([]float64, np)
		s := 0.0
		if pm.Split != nil {
			for id, x := range pm.Split {
				w[pos[id]] = x
			}
			for _, x := range w {
				s += x
			}
		} else {
			copy(w, baseUnits)
			for _, x := range baseUnits {
				s += x
			}
		}
		var a, b, c float64
		for i := range w {
			wi := w[i] / s
			a += wi * priceIndex[i] * uc[i]
			b += wi * priceIndex[i] * nr[i]
			c += wi * priceIndex[i]
		}
		v, rv, upl = append(v, a), append(rv, b), append(upl, c)
	}
	return tp, v, rv, upl, budget
}

// teaPlanFor is the worked example's promotion problem with channel values a.
func teaPlanFor(tp *teaPlan, a []float64, kappa, budget float64, free bool) *mPlan {
	p := &mPlan{N: tp.Months, Budget: budget, Kappa: kappa, Free: free}
	ids := map[string]int{}
	for c, pm := range tp.Promotions {
		ids[pm.ID] = c
		ch := mChannel{M: pm.Response.MaxUnits, H: pm.Response.HalfSpend, K: pm.Response.Shape,
			Lambda: pm.Response.Carryover, A: a[c], Rho: pm.Responsiveness, Flight: pm.Flighting, Min: pm.Min}
		if ch.K == 0 {
			ch.K = 1
		}
		if pm.Max != nil {
			ch.Max = *pm.Max
		}
		if pm.MaxPerMonth != nil {
			ch.Cap = *pm.MaxPerMonth
		}
		p.Ch = append(p.Ch, ch)
	}
	for _, g := range tp.Groups {
		mg := mGroup{Min: g.Min, MinShare: g.MinShare}
		if g.Max != nil {
			mg.Max = *g.Max
		}
		if g.MaxShare != nil {
			mg.MaxShare = *g.MaxShare
		}
		for _, id := range g.Promotions {
			mg.Members = append(mg.Members, ids[id])
		}
		p.Groups = append(p.Groups, mg)
	}
	return p
}

// TestWorkedExample holds the optimum of every mode to the reference's
// objectives (contract examples/expected/tea.optimize-*.json): reached or
// beaten to 1e-6, with an UpperBound above them.
func TestWorkedExample(t *testing.T) {
	tp, v, rv, upl, budget := teaValues(t)
	if budget != 143000 {
		t.Fatalf("B = %v, want 143000", budget)
	}
	cases := []struct {
		name  string
		a     []float64
		kappa float64
		free  bool
		want  float64
	}{
		{"contribution", v, 1, false, 46819.34586262326},
		{"units", upl, 0, false, 37361.17147755425},
		{"revenue", rv, 0, false, 302181.0216681904},
		{"free", v, 1, true, 74162.3763449262},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			plan := teaPlanFor(tp, tc.a, tc.kappa, budget, tc.free)
			sol, err := Solve(context.Background(), plan.build())
			if err != nil {
				t.Fatal(err)
			}
			spend := plan.monthly(sol.X)
			got := plan.evaluate(spend)
			t.Logf("objective %.10f bound %.10f (reference %.10f) nodes %d", sol.Objective, sol.UpperBound, tc.want, sol.Nodes)
			if math.Abs(got-sol.Objective) > 1e-9*math.Abs(got) {
				t.Errorf("Objective %v, but the monthly model gives %v for X", sol.Objective, got)
			}
			if !plan.feasible(spend, 1e-9) {
				t.Errorf("the allocation breaks a constraint: %v", spend)
			}
			if sol.Objective < tc.want-1e-6*math.Abs(tc.want) {
				t.Errorf("objective %v below the reference %v", sol.Objective, tc.want)
			}
			if sol.UpperBound < tc.want {
				t.Errorf("upper bound %v below the reference's objective %v", sol.UpperBound, tc.want)
			}
			if gap := sol.UpperBound - sol.Objective; gap < 0 || gap > 1e-6*math.Max(1, math.Abs(sol.Objective)) {
				t.Errorf("gap %v", gap)
			}
		})
	}
}
