//go:build linux || freebsd || openbsd || netbsd || dragonfly

package main

import (
	"strings"
	"testing"
)

// TestWindowWithoutDisplay: opening the window with no display says so in
// one sentence and suggests the command line, instead of a 32-line GLFW
// panic.
func TestWindowWithoutDisplay(t *testing.T) {
	_, stderr, status := runProgram(t, []string{"DISPLAY=", "WAYLAND_DISPLAY="}, "plan.mixplan")
	if status != 1 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "no display") || !strings.Contains(stderr, "command line") {
		t.Errorf("status %d, stderr %q", status, stderr)
	}
}
