//go:build !windows

package ui

import (
	"bytes"
	"os"
	"strconv"
	"syscall"
)

// processRunning reports whether process pid is a Mixplan still running. On
// Linux a dead process waiting to be reaped (a zombie) or a pid reused by
// another program does not count.
func processRunning(pid int) bool {
	if pid <= 0 {
		return false
	}
	if stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat"); err == nil {
		// "pid (comm) state …": the state follows the last ')'.
		i := bytes.LastIndexByte(stat, ')')
		if i < 0 || i+2 >= len(stat) || stat[i+2] == 'Z' || stat[i+2] == 'X' {
			return false
		}
		own, err1 := os.ReadFile("/proc/self/comm")
		other, err2 := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/comm")
		return err1 == nil && err2 == nil && bytes.Equal(own, other)
	} else if _, err := os.Stat("/proc/self/stat"); err == nil {
		return false // a /proc without that pid: it is gone
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	return p.Signal(syscall.Signal(0)) == nil
}
