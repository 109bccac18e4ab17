package alloc

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"testing"
)

var debugNodes = false

func TestDebugCase(t *testing.T) {
	ci, _ := strconv.Atoi(os.Getenv("CI"))
	seed, _ := strconv.Atoi(os.Getenv("SEED"))
	plan := randomPlan(bruteCases[ci].sp, int64(1000*ci+seed))
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
	bs := newBruteSpace(plan)
	fmt.Println("brute", bs.search(rand.New(rand.NewSource(int64(seed)))), bs.bestPoint)
}
