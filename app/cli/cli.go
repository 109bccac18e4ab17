// Package cli is Mixplan's command line: report, validate, sample, optimize,
// prices, track (actuals against the plan), risk (tornado and simulation),
// export and import. Each command lives in a file of its own and
// registers itself in init, so adding one touches nothing else.
//
// Exit status follows the contract: 0 done, 1 the plan or the request was
// refused (every reason on stderr), 2 the command line was wrong.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"mixplan/app/about"
	"mixplan/planner"
)

// Exit statuses.
const (
	ExitOK      = 0
	ExitRefused = 1
	ExitUsage   = 2
)

// Env is what a command reads and writes; tests pass buffers.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// command is one sub-command.
type command struct {
	name    string
	usage   string // one line: arguments
	summary string // one line: what it does
	run     func(env Env, args []string) int
}

var commands = map[string]command{}

// register adds a command; called from each command file's init.
func register(c command) {
	if _, dup := commands[c.name]; dup {
		panic("cli: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

// IsCommand reports whether name is a sub-command or a top-level flag the
// command line handles (so main knows not to open the window).
func IsCommand(name string) bool {
	switch name {
	case "help", "-h", "-help", "--help", "--version", "-version", "version":
		return true
	}
	_, ok := commands[name]
	return ok
}

// Run executes the command line args (without the program name) and returns
// the exit status.
func Run(env Env, args []string) int {
	if len(args) == 0 {
		usage(env.Stderr)
		return ExitUsage
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				fmt.Fprintf(env.Stdout, "usage: mixplan %s %s\n\n%s\n", c.name, c.usage, c.summary)
				return ExitOK
			}
		}
		usage(env.Stdout)
		return ExitOK
	case "--version", "-version", "version":
		fmt.Fprintf(env.Stdout, "mixplan %s\n", about.Version)
		return ExitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "mixplan: unknown command %q\n\n", args[0])
		usage(env.Stderr)
		return ExitUsage
	}
	return c.run(env, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Mixplan plans a marketing mix — product, price, place and promotion — against a budget and targets.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "usage:")
	fmt.Fprintln(w, "  mixplan [FILE]                 open the desktop planner (on FILE, or the last or sample plan)")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  mixplan %s %s\n      %s\n", c.name, c.usage, c.summary)
	}
	fmt.Fprintln(w, "  mixplan help [COMMAND]         this text, or one command's")
	fmt.Fprintln(w, "  mixplan --version              the version")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Exit status: 0 done, 1 the plan or the request was refused, 2 the command line was wrong.")
}

// errUsage marks a command-line mistake (exit 2) as opposed to a refusal (exit 1).
type errUsage struct{ msg string }

func (e errUsage) Error() string { return e.msg }

// parseArgs parses flags that may come before or after the positional
// arguments ("report plan.mixplan --json" works as well as "report --json
// plan.mixplan") and checks the positionals: exactly one when file names
// what it is ("plan file"), none when file is "".
func parseArgs(fs *flag.FlagSet, args []string, file string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, errUsage{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	switch {
	case file != "" && len(pos) != 1:
		return nil, errUsage{"give one " + file}
	case file == "" && len(pos) != 0:
		return nil, errUsage{fmt.Sprintf("expected 0 file arguments, got %d", len(pos))}
	}
	return pos, nil
}

// fail prints err and returns its exit status: 2 for usage mistakes, 1 otherwise.
func fail(env Env, name string, err error) int {
	var u errUsage
	if errors.As(err, &u) {
		fmt.Fprintf(env.Stderr, "mixplan %s: %s\n", name, u.msg)
		if c, ok := commands[name]; ok {
			fmt.Fprintf(env.Stderr, "usage: mixplan %s %s\n", c.name, c.usage)
		}
		return ExitUsage
	}
	var v *planner.ValidationError
	if errors.As(err, &v) {
		return refused(env, name, "plan", v.Problems)
	}
	fmt.Fprintf(env.Stderr, "mixplan %s: %s\n", name, strings.TrimSpace(err.Error()))
	return ExitRefused
}

// refused lists every problem of a refused input (what: "plan",
// "workbook"), one a line, and returns ExitRefused.
func refused[P fmt.Stringer](env Env, name, what string, problems []P) int {
	fmt.Fprintf(env.Stderr, "mixplan %s: the %s was refused, %d problem(s):\n", name, what, len(problems))
	for _, p := range problems {
		fmt.Fprintf(env.Stderr, "  %s\n", p)
	}
	return ExitRefused
}

// loadPlan reads a plan file, or standard input when path is "-".
func loadPlan(env Env, path string) (*planner.Plan, error) {
	if path == "-" {
		return planner.Read(env.Stdin)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return planner.Read(f)
}
