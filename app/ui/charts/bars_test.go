package charts

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestBarsCategoryLabels: names too long for their slots are shortened, and
// names that differ only at the end ("Channel 100", "Channel 101") keep
// their ends, so the labels under the bars still tell them apart.
func TestBarsCategoryLabels(t *testing.T) {
	test.NewTempApp(t)
	numbered := make([]string, 12)
	for i := range numbered {
		numbered[i] = fmt.Sprintf("Channel %d", 100+i)
	}
	for _, tc := range []struct {
		name  string
		names []string
		width float32
		want  []string // each must be among the labels drawn
	}{
		{"room for every name", []string{"Search", "Social", "Radio"}, 600, []string{"Search", "Social", "Radio"}},
		{"names differing at the start keep it", []string{"Search engine ads", "Social media ads", "Radio spots nationwide"}, 180, []string{"Sea…", "Soc…", "Rad…"}},
		{"numbered names keep their numbers", numbered, 560, []string{"…100", "…105", "…111"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := NewBars()
			series := Series{Name: "Spend", Values: make([]float64, len(tc.names))}
			for i := range series.Values {
				series.Values[i] = float64(1000 * (i + 1))
			}
			b.SetData(tc.names, []Series{series}, Format{Currency: "EUR", Locale: "en"})
			test.NewTempWindow(t, b)
			b.Resize(fyne.NewSize(tc.width, 240))
			texts := b.Texts()
			var labels []string
			for _, s := range texts {
				for _, w := range tc.want {
					if strings.HasPrefix(w, "…") && strings.HasSuffix(s, w) || strings.HasSuffix(w, "…") && strings.HasPrefix(s, strings.TrimSuffix(w, "…")) || s == w {
						labels = append(labels, w)
					}
				}
			}
			for _, w := range tc.want {
				if !slices.Contains(labels, w) {
					t.Errorf("labels %q lack one like %q", texts, w)
				}
			}
			seen := map[string]bool{}
			for _, s := range texts {
				if strings.Contains(s, "…") && seen[s] {
					t.Errorf("two bars are labelled %q", s)
				}
				seen[s] = true
			}
		})
	}
}

// TestMonthLabels: months too many for their slots are labelled every 2nd,
// 3rd, 4th, 6th or 12th month, whole, never shortened.
func TestMonthLabels(t *testing.T) {
	test.NewTempApp(t)
	months := make([]string, 24)
	for i := range months {
		months[i] = fmt.Sprintf("%s %d", []string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}[i%12], 27+i/12)
	}
	for _, tc := range []struct {
		name  string
		width float32
		step  int
	}{
		{"wide", 2400, 1},
		{"medium", 600, 3},
		{"narrow", 300, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := NewBars()
			b.Periods = true
			values := make([]float64, len(months))
			for i := range values {
				values[i] = float64(i + 1)
			}
			b.SetData(months, []Series{{Name: "Spend", Values: values}}, Format{Currency: "EUR", Locale: "fr"})
			test.NewTempWindow(t, b)
			b.Resize(fyne.NewSize(tc.width, 220))
			texts := b.Texts()
			var shown []string
			for _, s := range texts {
				if strings.Contains(s, "…") {
					t.Errorf("a month is shortened: %q", s)
				}
				if slices.Contains(months, s) {
					shown = append(shown, s)
				}
			}
			var want []string
			for i := 0; i < len(months); i += tc.step {
				want = append(want, months[i])
			}
			if !slices.Equal(shown, want) {
				t.Errorf("months shown %q, want %q", shown, want)
			}
		})
	}
}

func TestPeriodStep(t *testing.T) {
	for k, want := range map[int]int{2: 2, 3: 3, 4: 4, 5: 6, 6: 6, 7: 12, 12: 12, 13: 24, 30: 36} {
		if got := periodStep(k); got != want {
			t.Errorf("periodStep(%d) = %d, want %d", k, got, want)
		}
	}
}
