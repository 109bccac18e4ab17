package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"time"

	"mixplan/export/pdf"
	"mixplan/export/xlsx"
	"mixplan/planner"
)

func init() {
	register(command{
		name:    "export",
		usage:   "[--xlsx OUT.xlsx] [--pdf OUT.pdf] [--scenario ID] [--paper a4|letter] [--date YYYY-MM-DD] FILE",
		summary: "export the plan as an Excel workbook with live formulas and charts, a PDF report, or both",
		run:     runExport,
	})
}

func runExport(env Env, args []string) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	xlsxOut := fs.String("xlsx", "", "write the Excel workbook to this file")
	pdfOut := fs.String("pdf", "", "write the PDF report to this file")
	scenario := fs.String("scenario", planner.BaseScenario, "scenario id")
	paper := fs.String("paper", "a4", "PDF paper size: a4 or letter")
	date := fs.String("date", "", "generation date YYYY-MM-DD printed on the report; fixed, it makes the PDF byte-identical run after run")
	pos, err := parseArgs(fs, args, "plan file")
	if err == nil && *xlsxOut == "" && *pdfOut == "" {
		err = errUsage{"give --xlsx OUT, --pdf OUT or both"}
	}
	if err == nil && *paper != "a4" && *paper != "letter" {
		err = errUsage{fmt.Sprintf("--paper must be a4 or letter, not %q", *paper)}
	}
	var generated time.Time
	if err == nil && *date != "" {
		if generated, err = time.Parse("2006-01-02", *date); err != nil {
			err = errUsage{fmt.Sprintf("--date must be a day written YYYY-MM-DD, not %q", *date)}
		}
	}
	if err == nil {
		err = checkNotInput(*xlsxOut, "--xlsx", pos[0])
	}
	if err == nil {
		err = checkNotInput(*pdfOut, "--pdf", pos[0], *xlsxOut)
	}
	if err == nil && *xlsxOut == stdoutName && *pdfOut == stdoutName {
		err = errUsage{"--xlsx and --pdf cannot both go to standard output"}
	}
	if err != nil {
		return fail(env, "export", err)
	}
	plan, err := loadPlan(env, pos[0])
	if err != nil {
		return fail(env, "export", err)
	}
	if err := plan.CheckScenario(*scenario); err != nil {
		return fail(env, "export", err)
	}
	for _, job := range []struct {
		out   string
		write func(io.Writer) error
	}{
		{*xlsxOut, func(w io.Writer) error {
			return xlsx.Write(w, plan, xlsx.Options{Scenario: *scenario, Generated: generated})
		}},
		{*pdfOut, func(w io.Writer) error {
			// Names the report cannot print are warnings, not failures: the
			// report is written, and the user learns which characters show as �.
			warn := func(msg string) { fmt.Fprintf(env.Stderr, "mixplan export: warning: %s\n", msg) }
			return pdf.Write(w, plan, pdf.Options{Scenario: *scenario, Paper: *paper, Generated: generated, Warn: warn})
		}},
	} {
		if job.out == "" {
			continue
		}
		// Render in memory first so a failed export never leaves a broken file.
		var buf bytes.Buffer
		if err := job.write(&buf); err != nil {
			return fail(env, "export", err)
		}
		if err := writeOutput(env, job.out, buf.Bytes()); err != nil {
			return fail(env, "export", err)
		}
		if job.out != stdoutName {
			fmt.Fprintf(env.Stdout, "wrote %s\n", job.out)
		}
	}
	return ExitOK
}
