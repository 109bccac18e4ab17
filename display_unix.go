//go:build linux || freebsd || openbsd || netbsd || dragonfly

package main

import "os"

// noDisplay reports whether there is no X11 or Wayland display to open the
// window on (a server over ssh, a container, CI), where GLFW would panic.
func noDisplay() bool { return os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" }
