package main

import (
	"encoding/binary"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
)

// A Windows program is marked either as a window program, which never gets
// a console (what is printed goes nowhere and terminals do not wait for it),
// or as a console program, which always does (Explorer opens a black console
// window beside it). Mixplan ships as both, the same program twice
// (scripts/windows.sh, docs/windows.md):
//
//   - Mixplan.exe, a window program: Explorer and the Start menu open the
//     window with no console;
//   - Mixplan.com, a console program: typing "mixplan report …" in a terminal
//     runs it (Windows tries .com before .exe), so the command line prints,
//     the terminal waits for it and gets its exit status. Asked for the
//     window, it starts Mixplan.exe and returns at once.

// adaptToSubsystem makes each of the two programs do what its kind is for;
// it returns when this process is to carry on with args.
func adaptToSubsystem(args []string) {
	console := isConsoleProgram()
	if wantsCommandLine(args) {
		if !console {
			useParentConsole()
		}
		return
	}
	if console {
		if exe, err := os.Executable(); err == nil {
			if gui, ok := windowProgramFor(exe); ok && startDetached(gui, args) == nil {
				os.Exit(0)
			}
		}
		// No Mixplan.exe beside: open the window from here.
	}
}

// isConsoleProgram reports whether this executable is marked as a console
// program. It reads the Subsystem field of the file's headers only: every
// start pays for it, and debug/pe would read the whole symbol table.
func isConsoleProgram() bool {
	exe, err := os.Executable()
	if err != nil {
		return false
	}
	f, err := os.Open(exe)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	return subsystemOf(head[:n]) == imageSubsystemWindowsCUI
}

const imageSubsystemWindowsCUI = 3 // IMAGE_SUBSYSTEM_WINDOWS_CUI

// subsystemOf returns the Subsystem field of the PE headers that begin
// head, or 0 if head does not hold them: the DOS header points (at 0x3c) to
// "PE\0\0", then the 20-byte file header, then the optional header, whose
// Subsystem is at 68 in both its 32- and 64-bit forms.
func subsystemOf(head []byte) uint16 {
	if len(head) < 0x40 || string(head[:2]) != "MZ" {
		return 0
	}
	pe := int(binary.LittleEndian.Uint32(head[0x3c:]))
	opt := pe + 4 + 20
	if pe < 0x40 || opt+70 > len(head) || string(head[pe:pe+4]) != "PE\x00\x00" {
		return 0
	}
	return binary.LittleEndian.Uint16(head[opt+68:])
}

// windowProgramFor is the window program beside the console program exe:
// C:\…\mixplan.exe for C:\…\mixplan.com; false if exe is not a .com.
func windowProgramFor(exe string) (string, bool) {
	ext := filepath.Ext(exe)
	if !strings.EqualFold(ext, ".com") {
		return "", false
	}
	return strings.TrimSuffix(exe, ext) + ".exe", true
}

// startDetached starts the program at path with args and does not wait.
func startDetached(path string, args []string) error {
	if _, err := os.Stat(path); err != nil {
		return err
	}
	cmd := exec.Command(path, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Process.Release()
}

var attachConsole = syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uintptr(0)

// useParentConsole lets Mixplan.exe, given a command, print to the console
// of the terminal it was started from, when its output is not redirected.
// The terminal does not wait for a window program, so the output comes
// after the next prompt and the exit status is lost: Mixplan.com is the
// program for terminals, this is the fallback for whoever types Mixplan.exe.
func useParentConsole() {
	outOK := validStdHandle(syscall.STD_OUTPUT_HANDLE)
	errOK := validStdHandle(syscall.STD_ERROR_HANDLE)
	inOK := validStdHandle(syscall.STD_INPUT_HANDLE)
	if outOK && errOK {
		return // redirected to a file or a pipe: that works as it is
	}
	if ok, _, _ := attachConsole.Call(attachParentProcess); ok == 0 {
		return // started from Explorer or a shortcut: there is no console
	}
	if out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		if !outOK {
			os.Stdout = out
		}
		if !errOK {
			os.Stderr = out
		}
	}
	if !inOK {
		if in, err := os.OpenFile("CONIN$", os.O_RDONLY, 0); err == nil {
			os.Stdin = in
		}
	}
}

// validStdHandle reports whether the process was given the standard handle
// which (a file, a pipe or a console).
func validStdHandle(which int) bool {
	h, err := syscall.GetStdHandle(which)
	return err == nil && h != 0 && h != syscall.InvalidHandle
}
