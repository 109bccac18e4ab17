package alloc

import (
	"fmt"
	"testing"
)

func TestDebugSweep(t *testing.T) {
	plan := randomPlan(bruteCases[14].sp, int64(1000*14+7))
	m, err := compile(plan.build())
	if err != nil {
		t.Fatal(err)
	}
	ch := &m.ch[0]
	st := newChanState(ch)
	copy(st.zl, []float64{801.4968330474944, 480.89809982849664, 0})
	copy(st.zu, []float64{1427.105804749608, 856.2634828497648, 513.7580897098588})
	st.setBox(ch)
	fmt.Println("tl tu", st.tl, st.tu, "eps", ch.eps)
	for p := 0.0570; p < 0.0600; p += 0.0001 {
		st.respond(ch, p)
		fmt.Printf("p %.5f T %.4f w %.4g x %.4f ub-hreg %.3g fixed %v active %v\n", p, st.T, st.w, st.x, st.ub-st.hreg, st.fixed, st.active)
	}
	for p := 0.0600; p > 0.0570; p -= 0.0001 {
		st.respond(ch, p)
		fmt.Printf("p %.5f T %.4f w %.4g x %.4f ub-hreg %.3g fixed %v active %v\n", p, st.T, st.w, st.x, st.ub-st.hreg, st.fixed, st.active)
	}
}
