package ui

import (
	"io"
	"os"
	"os/exec"
	"testing"
)

// TestHelperProcessWaits is not a test: run by TestProcessRunningWindows as a
// second process of this program, it waits until its standard input closes.
func TestHelperProcessWaits(t *testing.T) {
	if os.Getenv("MIXPLAN_HELPER_PROCESS") != "1" {
		return
	}
	io.Copy(io.Discard, os.Stdin)
	os.Exit(0)
}

// TestProcessRunningWindows: the recovery copy of a window still open is
// not offered, that of one gone is; a pid now run by another program does
// not count as a Mixplan.
func TestProcessRunningWindows(t *testing.T) {
	// start runs name with args, waiting on its standard input; stop ends it.
	start := func(t *testing.T, name string, args ...string) (pid int, stop func()) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Env = append(os.Environ(), "MIXPLAN_HELPER_PROCESS=1")
		in, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd.Process.Pid, func() { in.Close(); cmd.Wait() }
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	helper := []string{"-test.run=^TestHelperProcessWaits$"}

	t.Run("another running copy of this program", func(t *testing.T) {
		pid, stop := start(t, self, helper...)
		defer stop()
		if !processRunning(pid) {
			t.Errorf("processRunning(%d) = false for a running copy of this program", pid)
		}
	})
	t.Run("a copy that has exited", func(t *testing.T) {
		pid, stop := start(t, self, helper...)
		stop()
		if processRunning(pid) {
			t.Errorf("processRunning(%d) = true after it exited", pid)
		}
	})
	t.Run("another program", func(t *testing.T) {
		comspec := os.Getenv("ComSpec")
		if comspec == "" {
			comspec = `C:\Windows\System32\cmd.exe`
		}
		pid, stop := start(t, comspec, "/c", "more")
		defer stop()
		if processRunning(pid) {
			t.Errorf("processRunning(%d) = true for %s", pid, comspec)
		}
	})
}
