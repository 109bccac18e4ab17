package alloc

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"
)

func TestDebugLarge(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("N"))
	free := os.Getenv("FREE") == "1"
	maxNodes, _ := strconv.Atoi(os.Getenv("MAXN"))
	prob := largePlan(n, 12, free, int64(n)).build()
	statPick = map[int]int{}
	defer func() { statPick = nil }()
	start := time.Now()
	sol, err := SolveWith(context.Background(), prob, Options{MaxNodes: maxNodes})
	pl := largePlan(n, 12, free, int64(n))
	for c, k := range statPick {
		if k > 20 {
			ch := pl.Ch[c]
			fmt.Printf("ch %d picks %d K %.2g lambda %.2g flight %v cap %.4g min %.4g max %.4g x %.6g H %.6g\n", c, k, ch.K, ch.Lambda, ch.Flight != nil, ch.Cap, ch.Min, ch.Max, sol.X[c], ch.H)
		}
	}
	fmt.Println("obj", sol.Objective, "ub", sol.UpperBound, "gap", sol.UpperBound-sol.Objective, "nodes", sol.Nodes, err, time.Since(start))
}

func TestDebugVenv(t *testing.T) {
	prob := largePlan(1000, 12, false, 1000).build()
	m, err := compile(prob)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []int{862, 51, 744} {
		ch := &m.ch[c]
		st := newChanState(ch)
		st.setBox(ch)
		fmt.Printf("ch %d box [%g %g] tl %g tu %g venv %+v scale %g\n", c, st.l[0], st.u[0], st.tl, st.tu, st.venv[0], ch.scale)
		for _, tt := range ch.byVar[0] {
			tm := ch.terms[tt]
			fmt.Printf("   term w %.4g k %.3g a %.4g b %.4g env %+v\n", tm.w, tm.k, tm.a[0], tm.b, st.env[tt])
		}
		fmt.Println("   gap at 0", st.varGap(ch, 0, 0), "at 1e5", st.varGap(ch, 0, 1e5))
	}
}

func TestDebugVenv2(t *testing.T) {
	prob := largePlan(1000, 12, false, 1000).build()
	m, _ := compile(prob)
	for _, c := range []int{682, 286, 270} {
		ch := &m.ch[c]
		st := newChanState(ch)
		st.setBox(ch)
		ts := ch.byVar[0]
		fmt.Printf("ch %d box [%g %g] venv %+v nterms %d\n", c, st.l[0], st.u[0], st.venv[0], len(ts))
		for _, tt := range ts {
			tm := ch.terms[tt]
			fmt.Printf("   term w %.4g k %.3g a %.4g b %.4g\n", tm.w, tm.k, tm.a[0], tm.b)
		}
		for i := 0; i <= 40; i++ {
			s := 200000 * float64(i) / 40
			fmt.Printf("   s %.0f curv %.4g\n", s, sumCurvature(ch.terms, ts, varCoef, s))
		}
		e, exact, ok := buildSumEnv(ch.terms, ts, varCoef, st.l[0], st.u[0], ch.scale)
		fmt.Println("   build", e, exact, ok)
	}
}
