//go:build !(linux || freebsd || openbsd || netbsd || dragonfly)

package main

// noDisplay: Windows and macOS always have a desktop to open the window on.
func noDisplay() bool { return false }
