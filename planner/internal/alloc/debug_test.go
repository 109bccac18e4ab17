package alloc

import (
	"context"
	"fmt"
	"testing"
)

var debugNodes = false

func TestDebugTea(t *testing.T) {
	tp, v, _, _, budget := teaValues(t)
	plan := teaPlanFor(tp, v, 1, budget, true)
	debugNodes = true
	defer func() { debugNodes = false }()
	sol, err := SolveWith(context.Background(), plan.build(), Options{MaxNodes: 3000})
	fmt.Println(sol.Objective, sol.UpperBound, err)
}
