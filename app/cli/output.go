package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"mixplan/planner"
)

// stdoutName is the output file name that means standard output.
const stdoutName = "-"

// writeOutput writes data to the file a command was told to write (--out,
// --xlsx, --pdf), or to standard output when that is "-", and reports
// where it went. Saving goes through planner.WriteFileAtomic, which
// refuses read-only files, folders and devices and writes through links.
func writeOutput(env Env, path string, data []byte) error {
	if path == stdoutName {
		_, err := env.Stdout.Write(data)
		return err
	}
	return planner.WriteFileAtomic(path, data)
}

// checkNotInput refuses an output that is one of the command's inputs (the
// plan exported, the workbook imported), which writing would destroy: the
// same name, or another name for the same file (a link, "./plan.mixplan").
func checkNotInput(output, flagName string, inputs ...string) error {
	if output == "" || output == stdoutName {
		return nil
	}
	out, outErr := os.Stat(output)
	for _, in := range inputs {
		if in == stdoutName {
			continue
		}
		same := filepath.Clean(in) == filepath.Clean(output)
		if info, err := os.Stat(in); err == nil && outErr == nil && os.SameFile(info, out) {
			same = true
		}
		if same {
			return errUsage{fmt.Sprintf("%s %s would overwrite the input %s; choose another file", flagName, output, in)}
		}
	}
	return nil
}
