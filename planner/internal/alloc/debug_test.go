package alloc

import (
	"context"
	"fmt"
	"testing"
	"time"
)

var debugNodes = false

func TestDebugTea(t *testing.T) {
	tp, v, _, _, budget := teaValues(t)
	plan := teaPlanFor(tp, v, 1, budget, true)
	m, _ := compile(plan.build())
	start := time.Now()
	s := newSolver(m, Options{Gap: DefaultGap, MaxNodes: 100000})
	x, _ := m.feasiblePoint()
	for c := range m.ch {
		copy(s.best[c], x[c])
	}
	s.bestValue, _ = m.objective(s.best)
	ub, err := s.run(context.Background())
	fmt.Println(s.bestValue, ub, err, "nodes", s.nodes, "evals", s.evals, time.Since(start), statIter, statCalls, statSepEval, statSep)
}
