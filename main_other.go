//go:build !windows

package main

// adaptToSubsystem does nothing outside Windows, where one program serves
// both the window and the terminal (see main_windows.go).
func adaptToSubsystem([]string) {}
