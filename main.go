// Command mixplan is the Mixplan marketing-mix planner: with no argument or a
// plan file it opens the desktop window (mixplan, mixplan plan.mixplan); with
// a command it runs the command line (mixplan report, optimize, export, …).
package main

import (
	"os"
	"strings"

	fyneapp "fyne.io/fyne/v2/app"

	"fyne.io/fyne/v2"

	"mixplan/app/about"
	"mixplan/app/cli"
	"mixplan/app/ui"
	"mixplan/assets"
)

func main() {
	args := os.Args[1:]
	adaptToSubsystem(args) // Windows: the console and window programs, main_windows.go
	if wantsCommandLine(args) {
		env := cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
		os.Exit(cli.Run(env, args))
	}
	a := fyneapp.NewWithID(about.AppID)
	a.SetIcon(fyne.NewStaticResource("mixplan.png", assets.Icon))
	ui.Run(a, args)
}

// wantsCommandLine reports whether args are for the command line rather
// than the window: a command, a flag, or more than one file.
func wantsCommandLine(args []string) bool {
	if len(args) == 0 {
		return false
	}
	return cli.IsCommand(args[0]) || strings.HasPrefix(args[0], "-") || len(args) > 1
}
