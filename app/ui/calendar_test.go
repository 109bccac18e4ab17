package ui

import (
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mixplan/planner"
	"mixplan/planner/plangen"
)

func calendarOf(t testing.TB, w *Window) *calendarScreen {
	t.Helper()
	if !w.ShowScreen("calendar") {
		t.Fatal("no calendar screen")
	}
	return w.Screen("calendar").(*calendarScreen)
}

// shownWeight is what a weight grid shows in cell (row, col), or in a
// header for row or col -1: the table fills a fresh cell as it fills those
// on screen.
func shownWeight(g *weightGrid, row, col int) (top, bottom string, imp widget.Importance) {
	var o fyne.CanvasObject
	id := widget.TableCellID{Row: row, Col: col}
	if row < 0 || col < 0 {
		o = g.table.CreateHeader()
		g.table.UpdateHeader(id, o)
	} else {
		o = g.table.CreateCell()
		g.table.UpdateCell(id, o)
	}
	objs := o.(*fyne.Container).Objects
	a, b := objs[0].(*widget.Label), objs[1].(*widget.Label)
	return a.Text, b.Text, a.Importance
}

// typeWeight selects cell (row, col) of a grid and types text into the form's weight field.
func typeWeight(g *weightGrid, row, col int, text string) {
	g.table.Select(widget.TableCellID{Row: row, Col: col})
	enter(g.field, g.field.Entry().SetText, text)
}

// TestFlightingCells: each cell shows the month's share of the channel's
// spend and that share in money; the headers the months, their spend, and
// each channel's spend and pattern.
func TestFlightingCells(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	g := calendarOf(t, w).flighting
	for _, tc := range []struct {
		name             string
		row, col         int
		top, bottom      string
		low              bool
		headTop, headBot string
	}{
		// Social media: €70,000 flighted 2,2,3,3,2,1,1,1,2,2,2,3 (sum 24).
		{name: "social in January", row: 1, col: 0, top: "8.3%", bottom: "€5,833"},
		{name: "social in April", row: 1, col: 3, top: "12.5%", bottom: "€8,750"},
		// Search ads is flat: €90,000 over 12 months.
		{name: "flat search ads", row: 0, col: 5, top: "8.3%", bottom: "€7,500"},
		// Influencers spend nothing in January.
		{name: "a month off", row: 2, col: 0, top: "0.0%", bottom: "€0", low: true},
		{name: "channel header", row: 1, col: -1, headTop: "Social media", headBot: "€70,000 spend · flighted"},
		{name: "flat channel header", row: 0, col: -1, headTop: "Search ads", headBot: "€90,000 spend · flat"},
		// January: search 7,500 + social 5,833.33 + email 1,500 + podcast 2,083.33
		// (the radio, displays, influencers and races spend nothing then).
		{name: "month header", row: -1, col: 0, headTop: "Jan 27", headBot: "€16,917"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			top, bottom, imp := shownWeight(g, tc.row, tc.col)
			if tc.row < 0 || tc.col < 0 {
				if top != tc.headTop || bottom != tc.headBot {
					t.Errorf("header shows %q / %q, want %q / %q", top, bottom, tc.headTop, tc.headBot)
				}
				return
			}
			if top != tc.top || bottom != tc.bottom {
				t.Errorf("cell shows %q / %q, want %q / %q", top, bottom, tc.top, tc.bottom)
			}
			if (imp == widget.LowImportance) != tc.low {
				t.Errorf("cell importance %v", imp)
			}
		})
	}
}

// TestWeightEdits types weights and uses the presets as a person would,
// then checks the plan, the grid and that one undo takes it back.
func TestWeightEdits(t *testing.T) {
	for _, tc := range []struct {
		name   string
		grid   func(c *calendarScreen) *weightGrid
		act    func(w *Window, g *weightGrid)
		check  func(p *planner.Plan) []float64
		want   []float64
		undo   string
		cellAt [2]int // a cell to read after the edit
		shows  string
	}{
		{name: "a month's weight", grid: flighting,
			act:   func(w *Window, g *weightGrid) { typeWeight(g, 1, 2, "5") },
			check: flightingOf("social"), want: []float64{2, 2, 5, 3, 2, 1, 1, 1, 2, 2, 2, 3},
			undo: "Change the flighting of “Social media” in Mar 27", cellAt: [2]int{1, 2}, shows: "19.2%"},
		{name: "a weight in a flat row starts from 1 each month", grid: flighting,
			act:   func(w *Window, g *weightGrid) { typeWeight(g, 0, 0, "2.5") },
			check: flightingOf("search"), want: []float64{2.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
			undo: "Change the flighting of “Search ads” in Jan 27", cellAt: [2]int{0, 0}, shows: "18.5%"},
		{name: "flat", grid: flighting,
			act:   func(w *Window, g *weightGrid) { g.table.Select(widget.TableCellID{Row: 1, Col: 4}); test.Tap(g.flat) },
			check: flightingOf("social"), want: nil,
			undo: "Flatten the flighting of “Social media”", cellAt: [2]int{1, 0}, shows: "8.3%"},
		{name: "copy from another channel", grid: flighting,
			act: func(w *Window, g *weightGrid) {
				g.table.Select(widget.TableCellID{Row: 0, Col: 0})
				test.Tap(g.copy)
				pickInDialog(t, w, "Race sponsorship")
			},
			check: flightingOf("search"), want: []float64{0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0},
			undo: "Copy the flighting of “Race sponsorship” to “Search ads”", cellAt: [2]int{0, 3}, shows: "16.7%"},
		{name: "untick a month", grid: flighting,
			act: func(w *Window, g *weightGrid) {
				g.table.Select(widget.TableCellID{Row: 1, Col: 0})
				test.Tap(g.checks[5])
			},
			check: flightingOf("social"), want: []float64{2, 2, 3, 3, 2, 0, 1, 1, 2, 2, 2, 3},
			undo: "Pause “Social media” in Jun 27", cellAt: [2]int{1, 5}, shows: "0.0%"},
		{name: "tick a month back: the average of the months on", grid: flighting,
			act: func(w *Window, g *weightGrid) {
				g.table.Select(widget.TableCellID{Row: 4, Col: 0})
				test.Tap(g.checks[0])
			},
			check: flightingOf("pos"), want: []float64{1, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0},
			undo: "Run “In-store displays” in Jan 27", cellAt: [2]int{4, 0}, shows: "16.7%"},
		{name: "a product's month", grid: seasonality,
			act:   func(w *Window, g *weightGrid) { typeWeight(g, 4, 11, "40") },
			check: seasonalityOf("gift-box"), want: []float64{2, 1, 1, 1, 1, 1, 1, 1, 2, 6, 30, 40},
			undo: "Change the seasonality of “Winter trail gift box” in Dec 27", cellAt: [2]int{4, 11}, shows: "46.0%"},
		{name: "copy a product's seasonality", grid: seasonality,
			act: func(w *Window, g *weightGrid) {
				g.table.Select(widget.TableCellID{Row: 3, Col: 0})
				test.Tap(g.copy)
				pickInDialog(t, w, "Hydration vest 8 L")
			},
			check: seasonalityOf("socks"), want: []float64{4, 5, 8, 11, 13, 13, 12, 10, 8, 6, 5, 5},
			undo: "Copy the seasonality of “Hydration vest 8 L” to “Merino running socks (3-pack)”", cellAt: [2]int{3, 0}, shows: "4.0%"},
		{name: "a product sold only in some months", grid: seasonality,
			act: func(w *Window, g *weightGrid) {
				g.table.Select(widget.TableCellID{Row: 3, Col: 0})
				test.Tap(g.checks[6])
			},
			check: seasonalityOf("socks"), want: []float64{1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1},
			undo: "Stop selling “Merino running socks (3-pack)” in Jul 27", cellAt: [2]int{3, 0}, shows: "9.1%"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, samplePlan(t), "", "")
			g := tc.grid(calendarOf(t, w))
			opened := w.doc.Plan()
			tc.act(w, g)
			if got := tc.check(w.doc.Plan()); !slices.Equal(got, tc.want) {
				t.Errorf("weights %v, want %v", got, tc.want)
			}
			if w.doc.UndoLabel() != tc.undo {
				t.Errorf("undo step %q, want %q", w.doc.UndoLabel(), tc.undo)
			}
			if top, _, _ := shownWeight(g, tc.cellAt[0], tc.cellAt[1]); top != tc.shows {
				t.Errorf("cell %v shows %q, want %q", tc.cellAt, top, tc.shows)
			}
			if !w.doc.Undo() || w.doc.Plan() != opened || w.doc.UndoLabel() != "" {
				t.Error("one undo does not take the plan back")
			}
		})
	}
}

func flighting(c *calendarScreen) *weightGrid   { return c.flighting }
func seasonality(c *calendarScreen) *weightGrid { return c.seasonality }

func flightingOf(id string) func(p *planner.Plan) []float64 {
	return func(p *planner.Plan) []float64 { return p.Promotions[promotionIndex(p, id)].Flighting }
}

func seasonalityOf(id string) func(p *planner.Plan) []float64 {
	return func(p *planner.Plan) []float64 { return p.Products[productIndex(p, id)].Seasonality }
}

func TestWeightRefusals(t *testing.T) {
	p := samplePlan(t)
	// A channel that runs in one month only.
	p.Promotions[3].Flighting = []float64{0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0}
	for _, tc := range []struct {
		name, text, reason string
		col                int
	}{
		{"negative", "-1", "must be 0 or more", 0},
		{"letters", "lots", "not a number: letters are not allowed", 0},
		{"empty", "", "enter a number", 0},
		{"the last month with a weight", "0", "at least one month must keep a weight above 0", 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWindow(t, p, "", "")
			g := calendarOf(t, w).flighting
			typeWeight(g, 3, tc.col, tc.text)
			if got := g.field.Reason(); got != tc.reason {
				t.Errorf("field says %q, want %q", got, tc.reason)
			}
			if w.doc.Dirty() {
				t.Error("the refused weight reached the plan")
			}
		})
	}
	t.Run("unticking the last month", func(t *testing.T) {
		w := openWindow(t, p, "", "")
		g := calendarOf(t, w).flighting
		g.table.Select(widget.TableCellID{Row: 3, Col: 0})
		test.Tap(g.checks[5])
		if w.doc.Dirty() {
			t.Error("a channel with no month reached the plan")
		}
		if !g.checks[5].Checked || !g.checkReason.Visible() || g.checkReason.Text != "at least one month must keep a weight above 0" {
			t.Errorf("June ticked %v, reason shown %v: %q", g.checks[5].Checked, g.checkReason.Visible(), g.checkReason.Text)
		}
	})
}

// TestFocusProduct is what the Product screen's "Edit in the calendar" does.
func TestFocusProduct(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	c := w.Screen("calendar").(*calendarScreen)
	w.ShowScreen("overview")
	c.FocusProduct("gift-box")
	if w.screens[w.current].ID() != "calendar" {
		t.Fatalf("the window shows %q", w.screens[w.current].ID())
	}
	if c.tabs.Selected() != c.seasonTab {
		t.Error("the seasonality tab is not shown")
	}
	if c.seasonality.cell.Row != 4 || c.seasonality.cellTitle.Text != "Sales of “Winter trail gift box” in Jan 27" {
		t.Errorf("selected row %d, form %q", c.seasonality.cell.Row, c.seasonality.cellTitle.Text)
	}
	// January weighs 2 of the gift box's 100.
	units := w.env.Fmt().Units(w.doc.Report().Products[4].Units * 0.02)
	if want := "2.0% of the product’s units · " + units + " units"; c.seasonality.field.Text() != "2" || c.seasonality.share.Text != want {
		t.Errorf("form shows %q, %q, want 2, %q", c.seasonality.field.Text(), c.seasonality.share.Text, want)
	}
}

// TestMonthLabels: the columns and toggles follow the plan's start month and
// horizon, "M1"… when the plan has no start.
func TestMonthLabels(t *testing.T) {
	for _, tc := range []struct {
		name          string
		start         string
		months        int
		first, last   string
		columns, togs int
	}{
		{"a start month", "2027-01", 12, "Jan 27", "Dec 27", 12, 12},
		{"across a year", "2026-10", 6, "Oct 26", "Mar 27", 6, 6},
		{"no start", "", 18, "M1", "M18", 18, 18},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := samplePlan(t)
			p.Start, p.Months = tc.start, tc.months
			for i := range p.Products {
				p.Products[i].Seasonality = nil
			}
			for i := range p.Promotions {
				p.Promotions[i].Flighting, p.Promotions[i].Responsiveness = nil, nil
			}
			w := openWindow(t, p, "", "")
			g := calendarOf(t, w).seasonality
			if _, cols := g.table.Length(); cols != tc.columns || len(g.checks) != tc.togs {
				t.Errorf("%d columns and %d toggles, want %d", cols, len(g.checks), tc.columns)
			}
			first, _, _ := shownWeight(g, -1, 0)
			last, _, _ := shownWeight(g, -1, tc.months-1)
			if first != tc.first || last != tc.last || g.checks[0].Text != tc.first {
				t.Errorf("months %q…%q (toggle %q), want %q…%q", first, last, g.checks[0].Text, tc.first, tc.last)
			}
		})
	}
}

// TestHorizonChangeRebuildsColumns: when the plan's horizon changes (in
// Targets & settings), the grids follow.
func TestHorizonChangeRebuildsColumns(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	c := calendarOf(t, w)
	c.flighting.table.Select(widget.TableCellID{Row: 1, Col: 11})
	err := w.env.Edit("horizon", func(p *planner.Plan) {
		p.Months = 6
		for i := range p.Products {
			if s := p.Products[i].Seasonality; s != nil {
				p.Products[i].Seasonality = s[:6]
			}
		}
		for i := range p.Promotions {
			if f := p.Promotions[i].Flighting; f != nil {
				p.Promotions[i].Flighting = f[:6]
			}
			if r := p.Promotions[i].Responsiveness; r != nil {
				p.Promotions[i].Responsiveness = r[:6]
			}
		}
		p.Promotions[2].Flighting = nil // influencers: Jan–Jun would leave 0,0,1,2,2,2
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, cols := c.flighting.table.Length(); cols != 6 || len(c.flighting.checks) != 6 {
		t.Errorf("%d columns, %d toggles after a 6-month horizon", cols, len(c.flighting.checks))
	}
	if c.flighting.cell.Col != 5 || c.flighting.cellTitle.Text != "Spend of “Social media” in Jun 27" {
		t.Errorf("selection %v, form %q", c.flighting.cell, c.flighting.cellTitle.Text)
	}
}

// TestCalendarCharts: the monthly chart, the payback month and the spend per month.
func TestCalendarCharts(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	c := calendarOf(t, w)
	r := w.doc.Report()
	n := int(r.Totals.PaybackMonth.Value)
	if !r.Totals.PaybackMonth.Valid || c.payback.Text != "Paid back in "+shortMonths([]string{r.Monthly[n-1].Month})[0] {
		t.Errorf("payback says %q (report: month %v)", c.payback.Text, r.Totals.PaybackMonth)
	}
	texts := strings.Join(append(c.monthly.Texts(), c.spend.Texts()...), " | ")
	for _, want := range []string{"Contribution", "Cumulative", "Marketing spend", "Jan 27", "Dec 27"} {
		if !strings.Contains(texts, want) {
			t.Errorf("charts do not show %q: %s", want, texts)
		}
	}
	// Moving a channel's spend into December moves the spend bars: hover it.
	before := strings.Join(c.spend.Texts(), " ")
	g := c.flighting
	g.table.Select(widget.TableCellID{Row: 0, Col: 11})
	enter(g.field, g.field.Entry().SetText, "12")
	hoverAt(c.spend, c.spend.Size().Width-20, c.spend.Size().Height/2)
	after := strings.Join(c.spend.Texts(), " ")
	if after == before {
		t.Error("the spend chart did not change when the flighting did")
	}
	// December: search €90,000 × 12/23, social €70,000 × 3/24, email €1,500,
	// podcast €25,000 / 12, the places' fixed costs €145,000 / 12.
	want := 90000.0*12/23 + 70000.0*3/24 + 18000.0/12 + 25000.0/12 + 145000.0/12
	if got := w.doc.Report().Monthly[11].MarketingSpend; math.Abs(got-want) > 1e-6 {
		t.Errorf("December's marketing spend %v, want %v", got, want)
	}
	if !strings.Contains(after, w.env.Fmt().Money(want)) {
		t.Errorf("hovering December does not show %s: %s", w.env.Fmt().Money(want), after)
	}
}

// TestCopyPickerOffersOtherRows: the copy picker lists every other row and
// cancelling it changes nothing.
func TestCopyPickerOffersOtherRows(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	g := calendarOf(t, w).flighting
	g.table.Select(widget.TableCellID{Row: 2, Col: 0})
	test.Tap(g.copy)
	d, ok := w.lastDialog.(*dialog.CustomDialog)
	if !ok {
		t.Fatal("no picker shown")
	}
	texts := dialogTexts(w)
	if !strings.Contains(texts, "Copy the flighting of another channel") {
		t.Errorf("picker title missing: %q", texts)
	}
	d.Hide()
	if w.doc.Dirty() {
		t.Error("a cancelled copy changed the plan")
	}
}

func TestCalendarInFrench(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	t.Cleanup(func() { w.SetLanguage("") })
	w.SetLanguage("fr")
	c := calendarOf(t, w)
	if c.Title() != "Calendrier" || c.flightTab.Text != "Calendrier de la communication" {
		t.Errorf("title %q, tab %q", c.Title(), c.flightTab.Text)
	}
	c.flighting.table.Select(widget.TableCellID{Row: 1, Col: 0})
	if want := "Dépense de «\u00a0Social media\u00a0» en janv. 27"; c.flighting.cellTitle.Text != want {
		t.Errorf("form title %q, want %q", c.flighting.cellTitle.Text, want)
	}
}

// TestCalendarOpensAtTheTop: the grids show their first rows and months
// when the screen is first shown.
func TestCalendarOpensAtTheTop(t *testing.T) {
	w := openWindow(t, plangen.Generate(plangen.Large, 1), "", "")
	c := calendarOf(t, w)
	p := w.doc.Plan()
	shown := strings.Join(labelTexts(c.flighting.table), "|")
	for _, want := range []string{p.Promotions[0].Name, p.Promotions[1].Name, "Jan 27"} {
		if !strings.Contains(shown, want) {
			t.Errorf("flighting grid does not show %q: %s", want, shown)
		}
	}
}

// BenchmarkCalendarWeightEdit is a person typing a month's weight in the
// large plan's flighting grid: validate, recompute, redraw the grids and charts.
func BenchmarkCalendarWeightEdit(b *testing.B) {
	w := openWindow(b, plangen.Generate(plangen.Large, 1), "", "")
	g := calendarOf(b, w).flighting
	g.mark(widget.TableCellID{Row: 0, Col: 3})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := g.commitWeight(float64(1 + i%2)); err != nil {
			b.Fatal(err)
		}
	}
}
