package textfit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestFit(t *testing.T) {
	test.NewTempApp(t)
	const size = 12
	width := func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width }
	long := "Spend and incremental contribution by channel"
	for _, tc := range []struct {
		name string
		s    string
		w    float32
		want string // "" checks only the rules below
	}{
		{"fits as it is", "Search ads", width("Search ads"), "Search ads"},
		{"nothing fits", long, 1, ""},
		{"shortened", long, width(long) / 2, "-"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Fit(tc.s, tc.w, size, fyne.TextStyle{})
			if tc.want != "-" && got != tc.want {
				t.Fatalf("Fit = %q, want %q", got, tc.want)
			}
			if width(got) > tc.w {
				t.Errorf("%q is %v wide, more than %v", got, width(got), tc.w)
			}
			if tc.want == "-" {
				prefix := strings.TrimSuffix(got, "…")
				if !strings.HasSuffix(got, "…") || !strings.HasPrefix(tc.s, prefix) || width(prefix+string([]rune(tc.s)[len([]rune(prefix))])+"…") <= tc.w {
					t.Errorf("%q is not the longest prefix that fits", got)
				}
			}
		})
	}
}

func TestFitMiddle(t *testing.T) {
	test.NewTempApp(t)
	const size = 12
	width := func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width }
	for _, tc := range []struct {
		name string
		s    string
		w    float32
		want string
	}{
		{"fits as it is", "Channel 101", width("Channel 101"), "Channel 101"},
		{"keeps the end", "Channel 101", width("C…101"), "C…101"},
		{"nothing fits", "Channel 101", 1, ""},
		{"whole words at the end", "Channel 32", width("C…l 32"), "C…32"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := FitMiddle(tc.s, tc.w, size, fyne.TextStyle{})
			if got != tc.want {
				t.Errorf("FitMiddle = %q, want %q", got, tc.want)
			}
			if width(got) > tc.w {
				t.Errorf("%q is %v wide, more than %v", got, width(got), tc.w)
			}
		})
	}
}
