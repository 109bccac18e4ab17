package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

func TestWindowProgramFor(t *testing.T) {
	for _, tc := range []struct {
		name, exe, want string
		ok              bool
	}{
		{"the console program", `C:\Mixplan\mixplan.com`, `C:\Mixplan\mixplan.exe`, true},
		{"upper case, spaces and accents", `C:\Users\Zoé\Mes programmes\MIXPLAN.COM`, `C:\Users\Zoé\Mes programmes\MIXPLAN.exe`, true},
		{"the window program itself", `C:\Mixplan\mixplan.exe`, "", false},
		{"no extension", `C:\Mixplan\mixplan`, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := windowProgramFor(tc.exe)
			if got != tc.want || ok != tc.ok {
				t.Errorf("windowProgramFor(%q) = %q, %v; want %q, %v", tc.exe, got, ok, tc.want, tc.ok)
			}
		})
	}
}

// TestIsConsoleProgram: a test binary is a console program; the window
// program is checked on the packaged mixplan.exe by scripts/wine-test.sh.
func TestIsConsoleProgram(t *testing.T) {
	if !isConsoleProgram() {
		t.Error("the test binary, a console program, is not seen as one")
	}
}

// TestSubsystemOf reads the subsystem of headers as MinGW's linker writes
// them, and refuses what is not a PE file without panicking.
func TestSubsystemOf(t *testing.T) {
	// headers: a DOS header pointing to "PE\0\0" at 0x80, a file header, an
	// optional header with the given subsystem.
	headers := func(subsystem uint16) []byte {
		b := make([]byte, 0x80+4+20+240)
		copy(b, "MZ")
		binary.LittleEndian.PutUint32(b[0x3c:], 0x80)
		copy(b[0x80:], "PE\x00\x00")
		binary.LittleEndian.PutUint16(b[0x80+4+20:], 0x20b)
		binary.LittleEndian.PutUint16(b[0x80+4+20+68:], subsystem)
		return b
	}
	badPointer := headers(3)
	binary.LittleEndian.PutUint32(badPointer[0x3c:], 1<<31)
	for _, tc := range []struct {
		name string
		head []byte
		want uint16
	}{
		{"window program", headers(2), 2},
		{"console program", headers(3), 3},
		{"cut short", headers(3)[:0x80+4+20+60], 0},
		{"pointer past the end", badPointer, 0},
		{"not a program", []byte("#!/bin/sh\necho mixplan\n"), 0},
		{"empty", nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := subsystemOf(tc.head); got != tc.want {
				t.Errorf("subsystemOf = %d, want %d", got, tc.want)
			}
		})
	}
}

// TestStartDetachedWithoutProgram: with no Mixplan.exe beside it,
// Mixplan.com opens the window itself. (No t.TempDir: Wine 8 cannot delete
// directories the way Go 1.26's os.RemoveAll does.)
func TestStartDetachedWithoutProgram(t *testing.T) {
	if err := startDetached(filepath.Join(os.TempDir(), "mixplan-no-such-folder", "Mixplan.exe"), nil); err == nil {
		t.Error("started a program that does not exist")
	}
}
