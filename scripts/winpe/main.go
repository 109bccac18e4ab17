// Command winpe reads and adapts Windows executables for the Windows build
// (scripts/windows.sh) and its checks (scripts/wine-test.sh), without Windows:
//
//	go run ./scripts/winpe info EXE
//	    prints as JSON what Explorer shows of EXE: the version resource
//	    (Properties › Details), the icon's sizes, the manifest, and whether
//	    it is a window (gui) or a console program;
//	go run ./scripts/winpe console EXE OUT
//	    writes OUT, the same program marked as a console program: Windows
//	    then gives it the terminal it is started from (mixplan.com beside
//	    mixplan.exe, see docs/windows.md).
package main

import (
	"debug/pe"
	"encoding/json"
	"fmt"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	switch {
	case len(args) == 2 && args[0] == "info":
		info, err := readInfo(args[1])
		if err != nil {
			return fail(err)
		}
		out, err := json.MarshalIndent(info, "", "  ")
		if err != nil {
			return fail(err)
		}
		fmt.Printf("%s\n", out)
		return 0
	case len(args) == 3 && args[0] == "console":
		exe, err := readBounded(args[1])
		if err != nil {
			return fail(err)
		}
		out, err := withSubsystem(exe, pe.IMAGE_SUBSYSTEM_WINDOWS_CUI)
		if err != nil {
			return fail(fmt.Errorf("%s: %w", args[1], err))
		}
		if err := os.WriteFile(args[2], out, 0o755); err != nil {
			return fail(err)
		}
		return 0
	}
	fmt.Fprintln(os.Stderr, "usage: winpe info EXE | winpe console EXE OUT")
	return 2
}

func fail(err error) int {
	fmt.Fprintln(os.Stderr, "winpe:", err)
	return 1
}
