// Command largeplan writes the engine's benchmark plan (2,000 products, 20
// places, 200 promotion channels, 24 months, 10 scenarios; plangen.Large,
// seed 1) to a plan file, so scripts can open in the window the very plan
// the benchmarks measure:
//
//	go run ./scripts/largeplan OUT.mixplan
package main

import (
	"fmt"
	"os"

	"mixplan/planner"
	"mixplan/planner/plangen"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/largeplan OUT.mixplan")
		os.Exit(2)
	}
	if err := planner.Save(plangen.Generate(plangen.Large, 1), os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "largeplan:", err)
		os.Exit(1)
	}
}
