// Command mixplan is the Mixplan marketing-mix planner: with no argument or a
// plan file it opens the desktop window (mixplan, mixplan plan.mixplan); with
// a command it runs the command line (mixplan report, optimize, export, …).
package main

import (
	"fmt"
	"os"
	"strings"

	fyneapp "fyne.io/fyne/v2/app"

	"fyne.io/fyne/v2"

	"mixplan/app/about"
	"mixplan/app/bootlog" // first: holds back Fyne's init-time log lines from the command line
	"mixplan/app/cli"
	"mixplan/app/ui"
	"mixplan/assets"
)

func main() {
	held := bootlog.Release()
	args := os.Args[1:]
	adaptToSubsystem(args) // Windows: the console and window programs, main_windows.go
	if wantsCommandLine(args) {
		env := cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
		os.Exit(cli.Run(env, args))
	}
	if noDisplay() {
		fmt.Fprintln(os.Stderr, noWindowMessage)
		os.Exit(cli.ExitRefused)
	}
	os.Stderr.WriteString(held)
	defer explainWindowPanic()
	a := fyneapp.NewWithID(about.AppID)
	a.SetIcon(fyne.NewStaticResource("mixplan.png", assets.Icon))
	ui.Run(a, args)
}

// noWindowMessage is what opening the window with no display says.
const noWindowMessage = "mixplan: there is no display to open the window on; " +
	"use the command line instead (mixplan help lists its commands, such as mixplan report plan.mixplan)."

// explainWindowPanic turns the panic of a display that cannot be opened
// (DISPLAY names no running server) into noWindowMessage; any other panic
// goes on.
func explainWindowPanic() {
	r := recover()
	if r == nil {
		return
	}
	if s := fmt.Sprint(r); strings.Contains(s, "GLFW") || strings.Contains(s, "display") {
		fmt.Fprintln(os.Stderr, noWindowMessage)
		os.Exit(cli.ExitRefused)
	}
	panic(r)
}

// wantsCommandLine reports whether args are for the command line rather
// than the window: a command, a flag, a word that can only be a mistyped
// command, or more than one file.
func wantsCommandLine(args []string) bool {
	if len(args) == 0 {
		return false
	}
	return cli.IsCommand(args[0]) || strings.HasPrefix(args[0], "-") || len(args) > 1 || cli.LooksLikeCommand(args[0])
}
