// Command mixplan is the Mixplan marketing-mix planner: the command line
// (mixplan report, optimize, export, …) and, with no command, the desktop window.
package main

import (
	"os"

	"mixplan/app/cli"
)

func main() {
	env := cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	os.Exit(cli.Run(env, os.Args[1:]))
}
