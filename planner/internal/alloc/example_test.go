package alloc_test

import (
	"context"
	"fmt"
	"math"

	"mixplan/planner/internal/alloc"
)

// Two channels share a budget of 100 over one month each: a concave curve
// and an S-shaped one. Mode contribution: each unit of spend costs 1.
func ExampleSolve() {
	concave := alloc.Channel{Dim: 1, Max: math.Inf(1), Terms: []alloc.Term{
		{Weight: 300, Half: 40, Shape: 1, Coef: []float64{1}},
	}}
	sShaped := alloc.Channel{Dim: 1, Max: math.Inf(1), Terms: []alloc.Term{
		{Weight: 500, Half: 60, Shape: 3, Coef: []float64{1}},
	}}
	p := &alloc.Problem{
		Channels: []alloc.Channel{concave, sShaped},
		Rows:     []alloc.Row{{Coef: []float64{1, 1}, Bound: 100}}, // the budget
		Kappa:    1,
	}
	sol, err := alloc.Solve(context.Background(), p)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("spend %.2f and %.2f, objective %.4f\n", sol.Total[0], sol.Total[1], sol.Objective)
	fmt.Println("proven within 1e-6:", sol.UpperBound-sol.Objective <= 1e-6*math.Abs(sol.Objective))
	// Output:
	// spend 17.42 and 82.58, objective 352.4011
	// proven within 1e-6: true
}
