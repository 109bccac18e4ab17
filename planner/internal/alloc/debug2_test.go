package alloc

import (
	"fmt"
	"testing"
)

func TestDebugRadio(t *testing.T) {
	tp, _, _, upl, budget := teaValues(t)
	plan := teaPlanFor(tp, upl, 0, budget, false)
	m, err := compile(plan.build())
	if err != nil {
		t.Fatal(err)
	}
	ch := &m.ch[4]
	st := newChanState(ch)
	st.l[0], st.u[0] = 17873.657369361492, 21493.068184868916
	st.setBox(ch)
	for i, e := range st.env {
		fmt.Printf("term %d w %g k %g a %g b %g env l %g t %g slope %g shift %g\n", i, ch.terms[i].w, ch.terms[i].k, ch.terms[i].a[0], ch.terms[i].b, e.l, e.t, e.slope, e.shift)
	}
	prev := 1e300
	for x := st.l[0]; x <= st.u[0]; x += (st.u[0] - st.l[0]) / 40 {
		_, d, dd := st.varAll(ch, 0, x)
		fmt.Printf("x %.3f d %.10g dd %.4g %v\n", x, d, dd, d <= prev)
		prev = d
	}
	p := 0.15715691781455778 - 0.7*0.07623064870418071
	for _, dp := range []float64{0, 1e-12, -1e-12, 1e-9} {
		st.respond(ch, p+dp)
		fmt.Println("p", p+dp, "x", st.x[0], "hreg", st.hreg)
	}
}

func TestDebugRoot(t *testing.T) {
	debugNodes = true
	defer func() { debugNodes = false }()
	tp, _, _, upl, budget := teaValues(t)
	plan := teaPlanFor(tp, upl, 0, budget, false)
	m, _ := compile(plan.build())
	ch := &m.ch[4]
	st := newChanState(ch)
	st.l[0], st.u[0] = 17873.657369361492, 21493.068184868916
	st.setBox(ch)
	p := 0.15715691781455778 - 0.7*0.07623064870418071
	x := st.rootVar(ch, 0, p, ch.eps, ch.tl, st.l[0], st.u[0], st.u[0])
	fmt.Println(x, ch.eps, ch.tl)
}

func TestDebugScalar(t *testing.T) {
	tp, _, _, upl, budget := teaValues(t)
	plan := teaPlanFor(tp, upl, 0, budget, false)
	m, _ := compile(plan.build())
	ch := &m.ch[4]
	st := newChanState(ch)
	st.l[0], st.u[0] = 17873.657369361492, 21493.068184868916
	st.setBox(ch)
	p := 0.15715691781455778 - 0.7*0.07623064870418071
	_, d, _ := st.varAll(ch, 0, st.tu)
	fmt.Println(st.tl, st.tu, d-p)
	_, d, _ = st.varAll(ch, 0, st.tl)
	fmt.Println(d - p)
	debugNodes = true
	st.respond(ch, p)
	debugNodes = false
	fmt.Println(st.x[0])
}
