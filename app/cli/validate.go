package cli

import (
	"flag"
	"fmt"
)

func init() {
	register(command{
		name:    "validate",
		usage:   "FILE",
		summary: "check a plan file against every rule of the format and list every problem",
		run:     runValidate,
	})
}

func runValidate(env Env, args []string) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	pos, err := parseArgs(fs, args, "plan file")
	if err != nil {
		return fail(env, "validate", err)
	}
	plan, err := loadPlan(env, pos[0])
	if err != nil {
		return fail(env, "validate", err)
	}
	fmt.Fprintf(env.Stdout, "%s: valid plan %q (%d products, %d places, %d promotion channels, %d scenarios)\n",
		pos[0], plan.Name, len(plan.Products), len(plan.Places), len(plan.Promotions), len(plan.Scenarios))
	return ExitOK
}
