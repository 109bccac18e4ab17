package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"mixplan/app/ui/widgets"
	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// The sample plan's figures, as the command line reports them.
func TestOverviewShowsEveryKPIAgainstItsTarget(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	ov := overviewOf(w)
	for _, tc := range []struct {
		name, key    string
		value        string
		detail       string
		status       widgets.Status
		gaugeVisible bool
	}{
		{"net revenue misses its target", kpiRevenue, "€5,257,355", "Target €5,400,000 · gap -€142,645", widgets.Missed, false},
		{"gross margin meets it, gap in points", kpiMargin, "61.5%", "Target 60.0% · gap +1.5 pts", widgets.Met, false},
		{"contribution misses", kpiContribution, "€2,284,122", "Target €2,300,000 · gap -€15,878", widgets.Missed, false},
		{"spend within budget, as a gauge", kpiSpend, "€608,000", "Budget €620,000 · €12,000 left", widgets.Met, true},
		{"ROMI misses", kpiROMI, "73.8%", "Target 80.0% · gap -6.2 pts", widgets.Missed, false},
		{"CAC below its ceiling", kpiCAC, "€28.89", "Target €32.00 · gap -€3.11", widgets.Met, false},
		{"CLV/CAC has no target", kpiLTV, "2.78", "CLV €80.22 · CAC €28.89", widgets.Neutral, false},
		{"break-even has no target", kpiBreakEven, "17,731", "84,342 units planned", widgets.Neutral, false},
		{"payback month", kpiPayback, "Month 1", "Paid back in Jan 27", widgets.Neutral, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := ov.tiles[tc.key].KPI()
			if k.Value != tc.value || k.Detail != tc.detail || k.Status != tc.status || k.HasGauge != tc.gaugeVisible {
				t.Errorf("tile shows %+v, want value %q detail %q status %v gauge %v", k, tc.value, tc.detail, tc.status, tc.gaugeVisible)
			}
		})
	}
	if got, want := ov.verdict.Text, "3 of 6 targets met — missed: Net revenue, Contribution, ROMI"; got != want {
		t.Errorf("verdict %q, want %q", got, want)
	}
}

// TestTargetColorsAreDrawn looks at the drawn text, not the tile's state.
func TestTargetColorsAreDrawn(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	th, v := w.app.Settings().Theme(), w.app.Settings().ThemeVariant()
	for _, tc := range []struct {
		name, key string
		color     fyne.ThemeColorName
	}{
		{"met in green", kpiMargin, theme.ColorNameSuccess},
		{"missed in red", kpiContribution, theme.ColorNameError},
		{"no target in the text colour", kpiLTV, theme.ColorNameForeground},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tile := overviewOf(w).tiles[tc.key]
			for _, o := range test.WidgetRenderer(tile).Objects() {
				if txt, ok := o.(*canvas.Text); ok && txt.Text == tile.KPI().Value {
					if txt.Color != th.Color(tc.color, v) {
						t.Errorf("%s drawn in %v, want %s", txt.Text, txt.Color, tc.color)
					}
					return
				}
			}
			t.Errorf("value of %s not drawn", tc.key)
		})
	}
}

func TestOverviewInThePlansLocale(t *testing.T) {
	p := samplePlan(t)
	p.Locale = "fr"
	w := openWindow(t, p, "", "")
	n := numfmt.NNBSP
	for _, tc := range []struct{ key, want string }{
		{kpiRevenue, "5" + n + "257" + n + "355" + n + "€"},
		{kpiMargin, "61,5" + n + "%"},
		{kpiCAC, "28,89" + n + "€"},
	} {
		if got := tileValue(w, tc.key); got != tc.want {
			t.Errorf("%s shows %q, want %q", tc.key, got, tc.want)
		}
	}
}

func TestOverviewWithoutTargets(t *testing.T) {
	p := samplePlan(t)
	p.Targets = planner.Targets{}
	w := openWindow(t, p, "", "")
	ov := overviewOf(w)
	for _, k := range kpiOrder {
		if s := ov.tiles[k].KPI().Status; s != widgets.Neutral {
			t.Errorf("%s is %v with no targets, want neutral", k, s)
		}
	}
	if !strings.HasPrefix(ov.verdict.Text, "No targets set") {
		t.Errorf("verdict %q", ov.verdict.Text)
	}
}

func TestSwitchScenario(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	ov := overviewOf(w)
	base := tileValue(w, kpiRevenue)
	for _, tc := range []struct {
		name, pick, id string
	}{
		{"to the downturn", "Consumer downturn", "downturn"},
		{"to a strong season", "Strong season", "strong"},
		{"back to the base plan", "Base plan", "base"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w.scenario.SetSelected(tc.pick)
			if w.doc.Scenario() != tc.id {
				t.Fatalf("document shows scenario %q, want %q", w.doc.Scenario(), tc.id)
			}
			r, _ := planner.Evaluate(w.doc.Plan(), tc.id)
			want := fmtFor(w.doc.Plan()).Money(r.Totals.NetRevenue)
			if got := tileValue(w, kpiRevenue); got != want {
				t.Errorf("net revenue tile %q, want %q", got, want)
			}
			if (tc.id == "base") != (tileValue(w, kpiRevenue) == base) {
				t.Errorf("revenue %q vs base %q", tileValue(w, kpiRevenue), base)
			}
			if tc.id != "base" && !strings.Contains(ov.scenario.Text, tc.pick) {
				t.Errorf("scenario note %q does not name %q", ov.scenario.Text, tc.pick)
			}
		})
	}
	// Screens hidden during the switch show it when opened.
	w.scenario.SetSelected("Consumer downturn")
	ps := promotionOf(t, w)
	r, _ := planner.Evaluate(w.doc.Plan(), "downturn")
	if got, want := ps.lift.Text, fmtFor(w.doc.Plan()).Units(r.Promotions[0].LiftUnits); got != want {
		t.Errorf("promotion screen shows %s extra units, want the downturn's %s", got, want)
	}
}

func TestChannelBarsKeepTheLargestSpends(t *testing.T) {
	p := samplePlan(t)
	for len(p.Promotions) < 20 {
		c := p.Clone().Promotions[0]
		c.ID = fmt.Sprintf("extra%d", len(p.Promotions))
		c.Spend = float64(len(p.Promotions))
		c.Name = "small " + c.ID
		p.Promotions = append(p.Promotions, c)
	}
	r, _ := planner.Evaluate(p, "")
	names, spend, _, note := channelBars(p, r, fmtFor(p))
	// The sample's channels all outspend the extras (spend 8…19 €), so the
	// bars are they and the largest extras, the first of them right after.
	ns := len(samplePlan(t).Promotions)
	firstExtra := fmt.Sprintf("small extra%d", 20-(maxChannelBars-ns))
	if len(names) != maxChannelBars || names[0] != "Search ads" || names[len(names)-1] != "small extra19" || names[ns] != firstExtra {
		t.Fatalf("bars %v: want the 12 largest spends in the plan's order", names)
	}
	shown := 0.0
	for _, s := range spend {
		shown += s
	}
	rest := fmtFor(p).Money(r.Totals.Promotion - shown)
	if !strings.HasPrefix(note, "The 12 largest spends of 20 channels. The other 8: spend "+rest) {
		t.Errorf("note %q does not sum the other 8 channels' %s", note, rest)
	}
	w := openWindow(t, p, "", "")
	if ov := overviewOf(w); ov.channelNote.Text != note || !ov.channelNote.Visible() {
		t.Errorf("note shown %q (visible %v)", ov.channelNote.Text, ov.channelNote.Visible())
	}
	sample := samplePlan(t)
	sr, _ := planner.Evaluate(sample, "")
	if _, _, _, note := channelBars(sample, sr, fmtFor(sample)); note != "" {
		t.Errorf("a plan whose channels all fit has a note %q", note)
	}
}

func TestBridgeHoverShowsTheFigures(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	b := overviewOf(w).bridge
	r := w.doc.Report()
	size := b.Size()
	if size.Width == 0 {
		t.Fatal("bridge not laid out")
	}
	// Hover over the middle of the last bar (contribution).
	hoverAt(b, size.Width-40, size.Height/2)
	want := "€2,284,122"
	if !contains(b.Texts(), want) || !contains(b.Texts(), "Contribution") {
		t.Errorf("hovering the contribution bar shows %v, want %s", b.Texts(), want)
	}
	_ = r
	b.MouseOut()
	if contains(b.Texts(), want) {
		t.Errorf("the hover box stays after the pointer left")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
