package pdf

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"mixplan/planner/numfmt"
)

func TestChartLabels(t *testing.T) {
	en, fr := figures{numfmt.Figures{Locale: "en", Currency: "EUR"}}, figures{numfmt.Figures{Locale: "fr", Currency: "EUR"}}
	chf := figures{numfmt.Figures{Locale: "en", Currency: "CHF"}}
	const n = "\u202f"
	for _, tc := range []struct {
		name string
		got  string
		want string
	}{
		{"millions, English", en.short(1605690), "€1.61M"},
		{"millions, French", fr.short(1605690), "1,61" + n + "M€"},
		{"thousands, no trailing zeros", en.short(90000), "€90k"},
		{"thousands, French", fr.short(-315942), "-316" + n + "k€"},
		{"small amounts in full", en.short(1535), "€1,535"},
		{"a currency without a sign", chf.short(2500000), "CHF 2.5M"},
		{"zero", en.short(0), "€0"},
		{"axis tick, one decimal", en.compactMoney(500000, scale{1e6, "M"}, 1), "€0.5M"},
		{"axis tick, negative", en.compactMoney(-50000, scale{1e3, "k"}, 0), "-€50k"},
		{"axis tick, zero", fr.compactMoney(0, scale{1e3, "k"}, 0), "0" + n + "€"},
		{"units, French", fr.compactUnits(12000, scale{1e3, "k"}, 0), "12" + n + "k"},
		{"units, zero", en.compactUnits(0, scale{1e3, "k"}, 0), "0"},
		{"gap in points", fr.Points(-0.19), "-19,0 pts"},
		{"long date", longDate(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)), "22 November 2026"},
		{"month in words", monthLong("2027-02"), "February 2027"},
		{"month without a start", monthLong("M7"), "month 7"},
		{"month tick", monthShort("2027-09"), "Sep"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}

func TestNiceAxis(t *testing.T) {
	for _, tc := range []struct {
		name   string
		lo, hi float64
		n      int
		ticks  string
	}{
		{"positive", 0, 1734000, 7, "[0 250000 500000 750000 1e+06 1.25e+06 1.5e+06 1.75e+06]"},
		{"includes zero", 120, 480, 5, "[0 100 200 300 400 500]"},
		{"negative part", -36000, 125000, 5, "[-50000 0 50000 100000 150000]"},
		{"flat zero", 0, 0, 4, "[0 0.25 0.5 0.75 1]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := niceAxis(tc.lo, tc.hi, tc.n)
			if got := fmt.Sprint(a.ticks); got != tc.ticks {
				t.Errorf("ticks %s, want %s", got, tc.ticks)
			}
			if a.lo > tc.lo || a.hi < tc.hi {
				t.Errorf("axis %v..%v does not cover %v..%v", a.lo, a.hi, tc.lo, tc.hi)
			}
		})
	}
	t.Run("aligned zeros", func(t *testing.T) {
		bars, line := alignZeros(niceAxis(-36000, 125000, 5), niceAxis(-40000, 430000, 5))
		fb := (0 - bars.lo) / (bars.hi - bars.lo)
		fl := (0 - line.lo) / (line.hi - line.lo)
		if fb != fl || len(bars.ticks) != len(line.ticks) {
			t.Errorf("zero at %v and %v, %d and %d ticks", fb, fl, len(bars.ticks), len(line.ticks))
		}
	})
}

func TestClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Thé vert « bio » — l’été", "Thé vert « bio » — l’été"},
		{"Launch 🚀 now", "Launch \uFFFD now"},
		{"tab\there\nline", "tab here line"},
		{"bad \xff byte", "bad \uFFFD byte"},
	} {
		if got := clean(tc.in); got != tc.want {
			t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWrap(t *testing.T) {
	d := newDoc(paper{"A4", 297, 210})
	d.addFonts()
	d.font("", ptTable)
	long := strings.Repeat("Coffret découverte « Œnologie du thé » ", 6)
	lines := d.wrap(long, 40, 3)
	if len(lines) != 3 || !strings.HasSuffix(lines[2], "…") {
		t.Fatalf("want 3 lines ending in an ellipsis, got %q", lines)
	}
	for _, l := range lines {
		if w := d.measure(l); w > 40 {
			t.Errorf("line %q is %.1f mm wide, more than 40", l, w)
		}
	}
	if got := d.wrap("Short", 40, 3); len(got) != 1 || got[0] != "Short" {
		t.Errorf("short text wrapped to %q", got)
	}
	if got := d.fit("Supercalifragilistic", 10); d.measure(got) > 10 || !strings.HasSuffix(got, "…") {
		t.Errorf("fit gave %q", got)
	}
}
