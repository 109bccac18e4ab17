package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets a test run this test binary as the program itself (its
// package inits, bootlog's first, then main) when asPrograms is set.
func TestMain(m *testing.M) {
	if os.Getenv(asProgram) == "1" {
		os.Args = append(os.Args[:1], strings.Split(os.Getenv(asProgramArgs), "\x1f")...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// scratchDir is a temporary folder removed after the test as far as the
// system allows: under Wine 8 (scripts/wine-test.sh) deleting a folder a
// finished child process used fails with "Invalid function", which
// t.TempDir turns into a test failure although the program did its work.
func scratchDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "mixplan-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	return dir
}

const asProgram, asProgramArgs = "MIXPLAN_TEST_AS_PROGRAM", "MIXPLAN_TEST_ARGS"

// runProgram runs mixplan with args in env (LANG=C.UTF-8, no LANGUAGE, no
// display, unless env says otherwise) and returns its output and status.
func runProgram(t *testing.T, env []string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append([]string{asProgram + "=1", asProgramArgs + "=" + strings.Join(args, "\x1f"),
		"LANG=C.UTF-8", "HOME=" + scratchDir(t), "PATH=" + os.Getenv("PATH")}, env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		status = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), status
}

// TestCommandLineWithoutFyneLines: with LANG=C.UTF-8, Docker's and CI's
// default, the command line printed three "Fyne error: Error parsing user
// locale C" lines before its own output (issue 11).
func TestCommandLineWithoutFyneLines(t *testing.T) {
	plan := filepath.Join(scratchDir(t), "plan.mixplan")
	if _, stderr, status := runProgram(t, nil, "sample", "--out", plan); status != 0 || stderr != "" {
		t.Fatalf("sample: status %d, stderr %q", status, stderr)
	}
	stdout, stderr, status := runProgram(t, nil, "validate", plan)
	if status != 0 || stderr != "" || !strings.Contains(stdout, "valid plan") {
		t.Errorf("validate: status %d, stdout %q, stderr %q", status, stdout, stderr)
	}
}

// TestUsageMistakes: an unknown command and help on one are usage errors
// (exit 2) that name the commands, not a window or a GLFW panic.
func TestUsageMistakes(t *testing.T) {
	for _, args := range [][]string{{"frobnicate"}, {"help", "frob"}} {
		_, stderr, status := runProgram(t, nil, args...)
		if status != 2 || !strings.Contains(stderr, "the commands are ") || !strings.Contains(stderr, " export, ") || !strings.Contains(stderr, " report, ") || strings.Contains(stderr, "panic") {
			t.Errorf("mixplan %s: status %d, stderr %q", strings.Join(args, " "), status, stderr)
		}
	}
}
