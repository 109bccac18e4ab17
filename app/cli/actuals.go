package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"mixplan/export/actuals"
	"mixplan/planner"
	"mixplan/planner/numfmt"
)

func init() {
	register(command{
		name:  "actuals",
		usage: "import [--out FILE] [--map FILE] [--closed YYYY-MM] PLAN DATA...",
		summary: "read ad-platform and finance exports (CSV or xlsx, daily or monthly rows, English or French) into the plan's actuals: " +
			"shows what would change, and writes the plan with the actuals merged to --out (which may name PLAN itself)",
		run: runActuals,
	})
}

// today is the clock that says which months are over; tests set it.
var today = time.Now

func runActuals(env Env, args []string) int {
	if len(args) == 0 || args[0] != "import" {
		return fail(env, "actuals", errUsage{"the only subcommand is import"})
	}
	fs := flag.NewFlagSet("actuals", flag.ContinueOnError)
	out := fs.String("out", "", "plan file to write (may be PLAN itself); without it nothing is written")
	mapFile := fs.String("map", "", "mapping of the files' names to plan ids: JSON {\"name\": \"id\"} or CSV name,id")
	closedFlag := fs.String("closed", "", "the last closed month, YYYY-MM; default the plan's")
	pos, err := positionals(fs, args[1:])
	if err != nil {
		return fail(env, "actuals", err)
	}
	if len(pos) < 2 {
		return fail(env, "actuals", errUsage{"give the plan file and at least one data file"})
	}
	planPath, dataPaths := pos[0], pos[1:]
	plan, err := loadPlan(env, planPath)
	if err != nil {
		return fail(env, "actuals", err)
	}
	opts := actuals.Options{Today: today()}
	if *closedFlag != "" {
		m, ok := actuals.ParseMonth(*closedFlag)
		start, hasStart := actuals.ParseMonth(plan.Start)
		if !ok || !hasStart {
			return fail(env, "actuals", errUsage{fmt.Sprintf("--closed must be a month of the plan written YYYY-MM, not %q", *closedFlag)})
		}
		opts.Closed = (m.Year*12 + m.Month) - (start.Year*12 + start.Month) + 1
		if opts.Closed < 1 || opts.Closed > plan.Months {
			return fail(env, "actuals", errUsage{fmt.Sprintf("--closed %s is outside the plan (%s, %d months)", *closedFlag, plan.Start, plan.Months)})
		}
	}
	if *mapFile != "" {
		f, err := os.Open(*mapFile)
		if err != nil {
			return fail(env, "actuals", err)
		}
		opts.Mapping, err = actuals.ReadMapping(f)
		f.Close()
		if err != nil {
			return fail(env, "actuals", fmt.Errorf("%s: %w", *mapFile, err))
		}
	}
	if err := checkOut(*out, dataPaths); err != nil {
		return fail(env, "actuals", err)
	}
	tables, err := actuals.ReadFiles(dataPaths, actuals.Limits{})
	var readErr *actuals.Error
	if errors.As(err, &readErr) {
		return refused(env, "actuals", "import", readErr.Problems)
	}
	if err != nil {
		return fail(env, "actuals", err)
	}
	res, err := actuals.Merge(plan, tables, opts)
	var ae *actuals.Error
	if errors.As(err, &ae) {
		code := refused(env, "actuals", "import", ae.Problems)
		if len(ae.Unmatched()) > 0 {
			fmt.Fprintln(env.Stderr, "Answer which id each name stands for in a mapping file and give it with --map, e.g. names.json:")
			fmt.Fprintln(env.Stderr, "  {")
			for i, u := range ae.Unmatched() {
				sep := ","
				if i == len(ae.Unmatched())-1 {
					sep = ""
				}
				fmt.Fprintf(env.Stderr, "    %q: %q%s\n", u.Name, u.Suggestions[0], sep)
			}
			fmt.Fprintln(env.Stderr, "  }")
			fmt.Fprintln(env.Stderr, "(null instead of an id leaves a name out.)")
		}
		return code
	}
	if err != nil {
		return fail(env, "actuals", err)
	}
	report := env.Stdout
	if *out == "-" {
		report = env.Stderr
	}
	printImport(report, plan, tables, res)
	switch *out {
	case "":
		fmt.Fprintf(report, "Nothing written: give --out FILE to write the plan with these actuals (--out %s updates the plan itself).\n", planPath)
	case "-":
		data, err := planner.Marshal(res.Plan)
		if err != nil {
			return fail(env, "actuals", err)
		}
		env.Stdout.Write(data)
	default:
		if err := planner.Save(res.Plan, *out); err != nil {
			return fail(env, "actuals", err)
		}
		fmt.Fprintf(report, "wrote %s\n", *out)
	}
	return ExitOK
}

// positionals parses the flags and returns the other arguments, which
// may come before, between or after the flags (parseArgs for a command
// that takes several files).
func positionals(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, errUsage{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// checkOut refuses an --out that names one of the data files: the export
// a manager downloaded is never overwritten by a plan.
func checkOut(out string, data []string) error {
	if out == "" || out == "-" {
		return nil
	}
	oi, err := os.Stat(out)
	for _, d := range data {
		if filepath.Clean(d) == filepath.Clean(out) {
			return errUsage{fmt.Sprintf("--out %s is a data file: name another file", out)}
		}
		if err == nil {
			if di, err := os.Stat(d); err == nil && os.SameFile(oi, di) {
				return errUsage{fmt.Sprintf("--out %s is a data file: name another file", out)}
			}
		}
	}
	return nil
}

// printImport says what each file held and every figure that changes.
func printImport(w io.Writer, before *planner.Plan, tables []*actuals.Table, res *actuals.Result) {
	loc := numfmt.Locale(before.Locale)
	labels := planner.MonthLabels(before.Start, before.Months)
	for _, t := range tables {
		first, last := t.Months()
		names := "names"
		if len(t.Names()) == 1 {
			names = "name"
		}
		fmt.Fprintf(w, "%s: %d rows, %d %s %s, %s to %s (%s)", t.File, t.Rows, len(t.Names()), t.Kind, names, first, last, strings.Join(t.Columns, ", "))
		if len(t.Ignored) > 0 {
			fmt.Fprintf(w, "; not read: %s", strings.Join(t.Ignored, ", "))
		}
		fmt.Fprintln(w)
	}
	old := 0
	if before.Actuals != nil {
		old = before.Actuals.Through
	}
	switch {
	case res.Through == 0:
	case old == res.Through:
		fmt.Fprintf(w, "Closed months: %s to %s\n", labels[0], labels[res.Through-1])
	case old == 0:
		fmt.Fprintf(w, "Closed months: %s to %s (none before)\n", labels[0], labels[res.Through-1])
	default:
		fmt.Fprintf(w, "Closed months: %s to %s (was to %s)\n", labels[0], labels[res.Through-1], labels[old-1])
	}
	if len(res.Planned) > 0 {
		fmt.Fprintf(w, "Spend as planned in the newly closed months (no file gives it): %s\n", strings.Join(res.Planned, ", "))
	}
	if len(res.Changes) == 0 {
		fmt.Fprintln(w, "No figure changes.")
		return
	}
	fmt.Fprintf(w, "%d figures change:\n", len(res.Changes))
	var tw table
	tw.add("id", "figure", "month", "before", "after")
	for _, c := range res.Changes {
		was := "—"
		if c.Old != nil {
			was = figure(*c.Old, loc)
		}
		tw.add(c.ID, c.Field.String(), labels[c.Month-1], was, figure(c.New, loc))
	}
	tw.write(w, "  ")
}

// figure formats an imported figure: whole numbers without decimals.
func figure(x float64, loc numfmt.Locale) string {
	if x == math.Trunc(x) {
		return numfmt.Number(x, loc, 0)
	}
	return numfmt.Number(x, loc, 2)
}
