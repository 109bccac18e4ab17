package alloc

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
)

var debugNodes = false

func TestDebugCase(t *testing.T) {
	ci, _ := strconv.Atoi(os.Getenv("CI"))
	seed, _ := strconv.Atoi(os.Getenv("SEED"))
	sps := map[int]spec{
		8:  {channels: 2, months: 4, shapes: sShaped, kappa: 1, carryover: true, bounds: true},
		9:  {channels: 3, months: 4, shapes: mixed, carryover: true, closed: 1, flight: true, budget: "binding", kappa: 1},
		14: {channels: 3, months: 3, shapes: mixed, carryover: true, groups: true, shares: true, budget: "binding", kappa: 0, free: true},
		15: {channels: 2, months: 4, shapes: mixed, carryover: true, closed: 1, budget: "binding", kappa: 1, free: true, bounds: true},
	}
	plan := randomPlan(sps[ci], int64(1000*ci+seed))
	for c, ch := range plan.Ch {
		fmt.Printf("ch %d %+v\n", c, ch)
	}
	fmt.Printf("groups %+v budget %v\n", plan.Groups, plan.Budget)
	prob := plan.build()
	for c, ch := range prob.Channels {
		fmt.Printf("prob ch %d dim %d lo %v hi %v min %v max %v\n", c, ch.Dim, ch.Lo, ch.Hi, ch.Min, ch.Max)
		for _, tm := range ch.Terms {
			fmt.Printf("   %+v\n", tm)
		}
	}
	fmt.Printf("rows %+v const %v\n", prob.Rows, prob.Constant)
	debugNodes = true
	sol, err := Solve(context.Background(), prob)
	debugNodes = false
	fmt.Println(sol.X, sol.Objective, sol.UpperBound, err)
}
