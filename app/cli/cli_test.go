package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"mixplan/app/about"
	"mixplan/assets"
	"mixplan/planner"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// run executes a command line and returns its exit status and output.
func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut}, args)
	return code, out.String(), errOut.String()
}

func TestExitStatuses(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.mixplan")
	os.WriteFile(bad, []byte(`{"format":"mixplan","version":1,"name":"","products":[{"id":"a"}]}`), 0o644)
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string // substring expected on stdout
		stderr string // substring expected on stderr
	}{
		{"no arguments prints the usage", nil, ExitUsage, "", "usage:"},
		{"help", []string{"help"}, ExitOK, "mixplan report", ""},
		{"help on a command", []string{"help", "report"}, ExitOK, "usage: mixplan report", ""},
		{"version", []string{"--version"}, ExitOK, "mixplan " + about.Version, ""},
		{"unknown command", []string{"frobnicate"}, ExitUsage, "", `unknown command "frobnicate"`},
		{"report without a file", []string{"report"}, ExitUsage, "", "give one plan file"},
		{"report with two files", []string{"report", "a", "b"}, ExitUsage, "", "give one plan file"},
		{"unknown flag", []string{"report", "--jsn", "testdata/tea.mixplan"}, ExitUsage, "", "flag provided but not defined"},
		{"missing file", []string{"report", "nope.mixplan"}, ExitRefused, "", "no such file"},
		{"unknown scenario", []string{"report", "--scenario", "mars", "testdata/tea.mixplan"}, ExitRefused, "", `no scenario "mars"`},
		{"invalid plan lists every problem", []string{"validate", bad}, ExitRefused, "", "products[0].name: is required"},
		{"valid plan", []string{"validate", "testdata/tea.mixplan"}, ExitOK, "valid plan", ""},
		{"flags after the file", []string{"report", "testdata/tea.mixplan", "--scenario", "low"}, ExitOK, "Pessimiste", ""},
		{"export needs a format", []string{"export", "testdata/tea.mixplan"}, ExitUsage, "", "give --xlsx OUT"},
		{"export paper size", []string{"export", "--pdf", "x.pdf", "--paper", "a3", "testdata/tea.mixplan"}, ExitUsage, "", "a4 or letter"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := run(t, "", tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout, stderr)
			}
			if !strings.Contains(stdout, tc.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tc.stdout, stdout)
			}
			if !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, stderr)
			}
		})
	}
	t.Run("invalid plan gets both problems", func(t *testing.T) {
		_, _, stderr := run(t, "", "validate", bad)
		if !strings.Contains(stderr, "name: must not be empty") || !strings.Contains(stderr, "products[0].listPrice: is required") {
			t.Errorf("stderr:\n%s", stderr)
		}
	})
}

// TestReportJSON checks that --json prints exactly the engine's report.
func TestReportJSON(t *testing.T) {
	plan, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range []string{"base", "low", "high"} {
		t.Run(sc, func(t *testing.T) {
			code, stdout, stderr := run(t, "", "report", "--json", "--scenario", sc, "testdata/tea.mixplan")
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var got planner.Report
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatal(err)
			}
			want, _ := planner.Evaluate(plan, sc)
			if !reflect.DeepEqual(&got, want) {
				t.Errorf("the JSON report differs from the engine's")
			}
			if strings.Contains(stdout, `\u00e9`) {
				t.Error("accents are escaped; they should print as text")
			}
		})
	}
	t.Run("from standard input", func(t *testing.T) {
		tea, _ := os.ReadFile("testdata/tea.mixplan")
		code, stdout, _ := run(t, string(tea), "report", "--json", "-")
		if code != ExitOK || !strings.Contains(stdout, `"scenario": "base"`) {
			t.Errorf("exit %d:\n%.200s", code, stdout)
		}
	})
}

// TestReportText compares the readable report with golden files.
func TestReportText(t *testing.T) {
	sample := filepath.Join(t.TempDir(), "sample.mixplan")
	if err := os.WriteFile(sample, assets.SamplePlan, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, golden string
		args         []string
	}{
		{"worked example in French", "report-tea.txt", []string{"report", "testdata/tea.mixplan"}},
		{"worked example, pessimistic", "report-tea-low.txt", []string{"report", "--scenario", "low", "testdata/tea.mixplan"}},
		{"sample plan in English", "report-sample.txt", []string{"report", sample}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := run(t, "", tc.args...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			golden(t, tc.golden, stdout)
		})
	}
}

func TestSample(t *testing.T) {
	out := filepath.Join(t.TempDir(), "sample.mixplan")
	code, stdout, stderr := run(t, "", "sample", "--out", out)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, out) {
		t.Errorf("stdout: %s", stdout)
	}
	p, err := planner.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := planner.Evaluate(p, "")
	met, set := r.MetCount()
	// The sample shows the product off: several of everything, some targets met, some missed.
	if len(p.Products) < 3 || len(p.Places) < 3 || len(p.Promotions) < 5 || len(p.Scenarios) < 2 || met == 0 || met == set {
		t.Errorf("the sample plan is too thin: %d products, %d places, %d channels, %d scenarios, %d of %d targets met",
			len(p.Products), len(p.Places), len(p.Promotions), len(p.Scenarios), met, set)
	}
	concave, sShaped := false, false
	for _, pm := range p.Promotions {
		concave = concave || pm.Response.Shape <= 1
		sShaped = sShaped || pm.Response.Shape > 1
	}
	if !concave || !sShaped {
		t.Error("the sample plan should have both concave and S-shaped channels")
	}
	code, stdout, _ = run(t, "", "sample")
	if code != ExitOK || stdout != string(assets.SamplePlan) {
		t.Error("sample without --out must print the plan")
	}
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n%s", path, got)
	}
}
