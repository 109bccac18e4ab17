package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"mixplan/export/xlsx"
	"mixplan/planner"
)

func init() {
	register(command{
		name:    "import",
		usage:   "[--out FILE] BOOK.xlsx",
		summary: "read a Mixplan workbook, maybe edited in Excel, back into a plan (to standard output, or to FILE)",
		run:     runImport,
	})
}

func runImport(env Env, args []string) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	out := fs.String("out", "", "plan file to write; standard output when absent")
	pos, err := parseArgs(fs, args, "workbook (BOOK.xlsx)")
	if err != nil {
		return fail(env, "import", err)
	}
	plan, err := readWorkbook(env, pos[0])
	var we *xlsx.WorkbookError
	if errors.As(err, &we) {
		return refused(env, "import", "workbook", we.Problems)
	}
	var pathErr *os.PathError
	if err != nil && !errors.As(err, &pathErr) && !strings.HasPrefix(err.Error(), pos[0]) {
		err = fmt.Errorf("%s: %w", pos[0], err) // name the file, as the system's errors do
	}
	if err != nil {
		return fail(env, "import", err)
	}
	if *out == "" {
		data, err := planner.Marshal(plan)
		if err != nil {
			return fail(env, "import", err)
		}
		env.Stdout.Write(data)
		return ExitOK
	}
	if err := planner.Save(plan, *out); err != nil {
		return fail(env, "import", err)
	}
	fmt.Fprintf(env.Stdout, "wrote %s\n", *out)
	return ExitOK
}

// maxStdinWorkbook bounds a workbook read from standard input; xlsx.Read
// refuses anything larger than a Mixplan workbook can be anyway.
const maxStdinWorkbook = 512 << 20

// readWorkbook reads a workbook from a file, or from standard input for "-".
func readWorkbook(env Env, path string) (*planner.Plan, error) {
	if path == "-" {
		data, err := io.ReadAll(io.LimitReader(env.Stdin, maxStdinWorkbook))
		if err != nil {
			return nil, err
		}
		return xlsx.Read(bytes.NewReader(data), int64(len(data)))
	}
	return xlsx.ReadFile(path)
}
