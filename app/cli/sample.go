package cli

import (
	"flag"
	"fmt"

	"mixplan/assets"
)

func init() {
	register(command{
		name:    "sample",
		usage:   "[--out FILE]",
		summary: "write the sample plan (to standard output, or to FILE) to start from",
		run:     runSample,
	})
}

func runSample(env Env, args []string) int {
	fs := flag.NewFlagSet("sample", flag.ContinueOnError)
	out := fs.String("out", "", "file to write; standard output when absent")
	if _, err := parseArgs(fs, args, ""); err != nil {
		return fail(env, "sample", err)
	}
	if *out == "" || *out == stdoutName {
		env.Stdout.Write(assets.SamplePlan)
		return ExitOK
	}
	if err := writeOutput(env, *out, assets.SamplePlan); err != nil {
		return fail(env, "sample", err)
	}
	fmt.Fprintf(env.Stdout, "wrote the sample plan to %s\n", *out)
	return ExitOK
}
