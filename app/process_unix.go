//go:build !windows

package app

import (
	"os"
	"syscall"
)

// processRunning reports whether process pid is alive.
func processRunning(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	return p.Signal(syscall.Signal(0)) == nil
}
