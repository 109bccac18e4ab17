package ui

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"unsafe"
)

const (
	processQueryLimitedInformation = 0x1000 // PROCESS_QUERY_LIMITED_INFORMATION
	stillActive                    = 259    // STILL_ACTIVE, the exit code of a running process
)

var queryFullProcessImageName = syscall.NewLazyDLL("kernel32.dll").NewProc("QueryFullProcessImageNameW")

// processRunning reports whether process pid is a Mixplan still running:
// it has not exited, and its program has this one's name (mixplan.exe and
// mixplan.com count as one), so a pid Windows gave to another program since
// does not count.
func processRunning(pid int) bool {
	if pid <= 0 || int64(pid) > math.MaxUint32 {
		return false
	}
	h, err := syscall.OpenProcess(processQueryLimitedInformation, false, uint32(pid))
	if err != nil {
		return false // gone, or another user's: not a window of ours
	}
	defer syscall.CloseHandle(h)
	var code uint32
	if err := syscall.GetExitCodeProcess(h, &code); err != nil || code != stillActive {
		return false
	}
	other, ok := processImage(h)
	own, err := os.Executable()
	return ok && err == nil && strings.EqualFold(programName(other), programName(own))
}

// processImage is the path of the program process h runs.
func processImage(h syscall.Handle) (string, bool) {
	buf := make([]uint16, syscall.MAX_LONG_PATH)
	n := uint32(len(buf))
	if r, _, _ := queryFullProcessImageName.Call(uintptr(h), 0, uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&n))); r == 0 {
		return "", false
	}
	return syscall.UTF16ToString(buf[:n]), true
}

// programName is a program's file name without its extension.
func programName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
