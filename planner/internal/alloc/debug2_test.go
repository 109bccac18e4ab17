package alloc

import (
	"fmt"
	"testing"
)

func TestDebugNode(t *testing.T) {
	plan := randomPlan(bruteCases[15].sp, int64(1000*15+3))
	m, err := compile(plan.build())
	if err != nil {
		t.Fatal(err)
	}
	ch := &m.ch[0]
	st := newChanState(ch)
	st.zl[2], st.zu[2] = 378.1447322840855, 4837.419733343153
	st.setBox(ch)
	fmt.Println("tl tu", st.tl, st.tu, "rows", st.rows, st.h, "empty", st.empty)
	xs := []float64{2272.1766094499744, 376.5530861967332, 0}
	g := make([]float64, 3)
	psi := st.psiAll(ch, xs, g, nil)
	fmt.Println("Psi at brute", psi, "true", ch.value(xs), "Psi - T", psi-sum(xs), "g", g)
	debugNodes = true
	st.respond(ch, 1)
	debugNodes = false
	fmt.Println("x", st.x, "T", st.T, "val", st.val, "hreg", st.hreg, "ub", st.ub, "fixed", st.fixed, "active", st.active, "lam", st.lam, "g", st.g)
	for a := range ch.args {
		fmt.Println("arg", a, ch.args[a], "env terms", st.env[ch.args[a].terms[0]])
	}
}

func TestDebugNode5(t *testing.T) {
	plan := randomPlan(bruteCases[15].sp, int64(1000*15+3))
	m, err := compile(plan.build())
	if err != nil {
		t.Fatal(err)
	}
	s := newSolver(m, Options{Gap: DefaultGap, MaxNodes: 100})
	s.load([]change{{0, 2, 378.1447322840855, 4837.419733343153}})
	mu := []float64{0}
	for _, v := range []float64{0, 0.001, 0.01} {
		mu[0] = v
		dreg, dub := s.evaluate(mu)
		fmt.Println("mu", v, "dreg", dreg, "dub", dub)
		for c, st := range s.st {
			fmt.Println("   ch", c, "ub", st.ub, "hreg", st.hreg, "x", st.x, "T", st.T, "tl", st.tl, "tu", st.tu)
		}
	}
	b := s.relax([]float64{0}, 179.918785+1.8e-5)
	fmt.Println("relax", b)
}
