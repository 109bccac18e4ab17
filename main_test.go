package main

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"mixplan/app/about"
)

func TestWantsCommandLine(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want bool
	}{
		{"no argument opens the window", nil, false},
		{"a plan file opens the window", []string{"plan.mixplan"}, false},
		{"a workbook opens the window", []string{"plan.xlsx"}, false},
		{"a command", []string{"report", "plan.mixplan"}, true},
		{"the version", []string{"--version"}, true},
		{"an unknown flag is the command line's to refuse", []string{"--frobnicate"}, true},
		{"two files are the command line's to refuse", []string{"a.mixplan", "b.mixplan"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := wantsCommandLine(tc.args); got != tc.want {
				t.Errorf("wantsCommandLine(%q) = %v, want %v", tc.args, got, tc.want)
			}
		})
	}
}

// TestFyneAppTOML checks the packaging metadata agrees with the program
// (app/about).
func TestFyneAppTOML(t *testing.T) {
	f, err := os.Open("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	values := map[string]string{}
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[]") + "."
			continue
		}
		if k, v, ok := strings.Cut(line, "="); ok {
			values[section+strings.TrimSpace(k)] = strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	for _, tc := range []struct{ key, want string }{
		{"Details.Name", about.Name},
		{"Details.ID", about.AppID},
		{"Details.Version", about.Version},
		{"Details.Icon", "assets/icon.png"},
		{"Migrations.fyneDo", "true"},
	} {
		if values[tc.key] != tc.want {
			t.Errorf("FyneApp.toml %s = %q, want %q", tc.key, values[tc.key], tc.want)
		}
	}
	if _, err := os.Stat(values["Details.Icon"]); err != nil {
		t.Errorf("icon: %v", err)
	}
}
