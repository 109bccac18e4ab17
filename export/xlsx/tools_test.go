package xlsx

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"mixplan/planner"
)

// Helpers that recalculate workbooks with headless LibreOffice and read them
// back, the way a reader's spreadsheet would. A missing soffice fails the
// test: recalculating the workbook is the point of these tests.

// soffice converts files with headless LibreOffice into outDir, all in one
// run (starting LibreOffice is the slow part), with a private profile so
// parallel runs do not clash. Converting to xlsx recalculates every formula:
// the workbooks do not claim to come from Microsoft Excel.
func soffice(t testing.TB, format, outDir string, files ...string) {
	t.Helper()
	path, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice is missing: LibreOffice recalculates the exported workbooks in these tests; " +
			"install it with scripts/install-deps.sh (package libreoffice-calc-nogui)")
	}
	profile := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--nolockcheck",
		"--convert-to", format, "--outdir", outDir}, files...)
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "HOME="+profile)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	ext := strings.SplitN(format, ":", 2)[0]
	for _, f := range files {
		converted := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+"."+ext)
		if _, err := os.Stat(converted); err != nil {
			t.Fatalf("soffice did not convert %s: %v\n%s", f, err, out)
		}
	}
}

// writeBook exports a plan to a file, with or without cached values.
func writeBook(t testing.TB, path string, p *planner.Plan, opt Options, cache bool) {
	t.Helper()
	var buf bytes.Buffer
	if err := writeWorkbook(&buf, p, opt, cache); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func openXLSX(t testing.TB, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// named returns the raw values of a defined name's cells.
func named(t testing.TB, f *excelize.File, name string) []string {
	t.Helper()
	for _, dn := range f.GetDefinedName() {
		if dn.Name != name {
			continue
		}
		sheet, area, _ := strings.Cut(strings.TrimPrefix(dn.RefersTo, "="), "!")
		sheet = strings.Trim(sheet, "'")
		first, last, _ := strings.Cut(strings.ReplaceAll(area, "$", ""), ":")
		if last == "" {
			last = first
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(first)
		c2, r2, err2 := excelize.CellNameToCoordinates(last)
		if err1 != nil || err2 != nil {
			t.Fatalf("name %s refers to %q", name, dn.RefersTo)
		}
		var out []string
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				out = append(out, raw(t, f, sheet, cellName(c, r)))
			}
		}
		return out
	}
	t.Fatalf("the workbook has no name %q", name)
	return nil
}

func raw(t testing.TB, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// eachCell calls fn for every cell of a sheet that holds a value or a
// formula, with its raw value.
func eachCell(t testing.TB, f *excelize.File, sheet string, fn func(ref, value, formula string)) {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for r, cells := range rows {
		for c, v := range cells {
			ref := cellName(c+1, r+1)
			formula, _ := f.GetCellFormula(sheet, ref)
			if v != "" || formula != "" {
				fn(ref, v, formula)
			}
		}
	}
}

// totalsMap is the report's totals as the JSON has them: key → value, nil for null.
func totalsMap(t testing.TB, tot planner.Totals) map[string]*float64 {
	t.Helper()
	data, err := json.Marshal(tot)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]*float64
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// sameFigure compares a cell's raw value with the engine's figure: "n/a"
// for an undefined one, else equal to a relative 1e-9. scale is the size of
// the amounts the figure is a difference of: a contribution of almost 0 is
// still right when it is off by a billionth of the sales it comes from.
func sameFigure(got string, want *float64, scale float64) error {
	if want == nil {
		if got != notAvailable {
			return fmt.Errorf("got %q, want %q", got, notAvailable)
		}
		return nil
	}
	g, err := strconv.ParseFloat(got, 64)
	if err != nil {
		return fmt.Errorf("got %q, want %v", got, *want)
	}
	if d := math.Abs(g - *want); d > 1e-9*math.Max(math.Abs(*want), scale) {
		return fmt.Errorf("got %v, want %v (relative error %.2g)", g, *want, d/math.Max(math.Abs(*want), 1e-300))
	}
	return nil
}

func ptr(v float64) *float64 { return &v }

func maybePtr(m planner.Maybe) *float64 {
	if !m.Valid {
		return nil
	}
	return &m.Value
}
