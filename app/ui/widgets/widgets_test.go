package widgets

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"mixplan/planner/numfmt"
)

var (
	euros   = Format{Kind: Money, Locale: numfmt.English, Currency: "EUR", Decimals: 2}
	eurosFr = Format{Kind: Money, Locale: numfmt.French, Currency: "EUR", Decimals: 2}
	pct     = Format{Kind: Percent, Locale: numfmt.English, Decimals: 2}
	pctFr   = Format{Kind: Percent, Locale: numfmt.French, Decimals: 2}
	plain   = Format{Kind: Plain, Locale: numfmt.English, Decimals: 2}
)

const nn = numfmt.NNBSP

// type types text into the field as a person would, replacing what was there, and presses Enter.
func typeAndEnter(f interface {
	Focusable() fyne.Focusable
	Submit()
}, entryText func(string), text string) {
	entryText("")
	test.Type(f.Focusable(), text)
	f.Submit()
}

func TestNumberField(t *testing.T) {
	for _, tc := range []struct {
		name       string
		format     Format
		rules      []Rule
		start      float64
		typed      string
		wantCommit bool
		wantValue  float64
		wantText   string // what the field shows afterwards
		wantReason string
	}{
		{"English money with grouping", euros, []Rule{NonNegative()}, 40000, "1,234.5", true, 1234.5, "€1,234.50", ""},
		{"French money with spaces and comma", eurosFr, []Rule{NonNegative()}, 40000, "1 234,5", true, 1234.5, "1" + nn + "234,50" + nn + "€", ""},
		{"currency sign typed is fine", euros, nil, 0, "€90,000", true, 90000, "€90,000", ""},
		{"percent typed as a bare number", pct, []Rule{NonNegative(), Below(0.95)}, 0.05, "45", true, 0.45, "45%", ""},
		{"percent typed with its sign, French", pctFr, nil, 0.05, "45,5 %", true, 0.455, "45,5" + nn + "%", ""},
		{"letters refused", euros, []Rule{NonNegative()}, 40000, "abc", false, 40000, "abc", "not a number: letters are not allowed"},
		{"negative refused", euros, []Rule{NonNegative()}, 40000, "-5", false, 40000, "-5", "must be €0 or more"},
		{"zero refused where positive", euros, []Rule{Positive()}, 10, "0", false, 10, "0", "must be greater than €0"},
		{"above a maximum", plain, []Rule{Positive(), AtMost(10)}, 1, "11", false, 1, "11", "must be 10 or less"},
		{"percent at the limit refused", pct, []Rule{Below(0.95)}, 0.05, "95", false, 0.05, "95", "must be less than 95%"},
		{"English comma not in threes", plain, nil, 1, "1,5", false, 1, "1,5", "not a number: digits after a thousands comma come in threes"},
		{"empty required field", plain, nil, 1, "", false, 1, "", "enter a number"},
		{"same value typed differently is no change", euros, nil, 1200, "1200", false, 1200, "€1,200", ""},
		{"whole numbers", plain, []Rule{Whole()}, 12, "12.5", false, 12, "12.5", "must be a whole number"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			f := NewNumberField(tc.format, tc.rules...)
			test.NewTempWindow(t, f)
			f.SetValue(tc.start)
			committed := false
			f.OnCommit = func(x float64) error {
				committed = true
				return nil
			}
			typeAndEnter(f, f.Entry().SetText, tc.typed)
			if committed != tc.wantCommit {
				t.Errorf("committed = %v, want %v", committed, tc.wantCommit)
			}
			if v, _ := f.Value(); v != tc.wantValue {
				t.Errorf("value = %v, want %v", v, tc.wantValue)
			}
			if f.Text() != tc.wantText {
				t.Errorf("shows %q, want %q", f.Text(), tc.wantText)
			}
			if f.Reason() != tc.wantReason {
				t.Errorf("reason %q, want %q", f.Reason(), tc.wantReason)
			}
			if tc.wantReason != "" && (!f.reason.Visible() || f.reason.Text != tc.wantReason) {
				t.Errorf("the reason is not shown under the field: visible=%v text=%q", f.reason.Visible(), f.reason.Text)
			}
		})
	}
}

func TestNumberFieldRefusedByOwner(t *testing.T) {
	test.NewTempApp(t)
	f := NewNumberField(plain)
	test.NewTempWindow(t, f)
	f.SetValue(1)
	f.OnCommit = func(x float64) error { return errors.New("the weights must add up to more than 0") }
	typeAndEnter(f, f.Entry().SetText, "0")
	if f.Reason() != "the weights must add up to more than 0" || f.Text() != "0" {
		t.Errorf("reason %q text %q: the owner's refusal must show and keep the typed text", f.Reason(), f.Text())
	}
	if v, _ := f.Value(); v != 1 {
		t.Errorf("value %v, want the old 1", v)
	}
	// Correcting the text clears the reason.
	f.Entry().SetText("2")
	if f.Reason() != "" {
		t.Errorf("reason %q after a valid text", f.Reason())
	}
}

func TestOptionalNumberField(t *testing.T) {
	for _, tc := range []struct {
		name      string
		start     *float64
		typed     string
		wantClear bool
		wantSet   bool
	}{
		{"emptying a set value clears it", ptr(1000), "", true, false},
		{"empty stays empty without a call", nil, "", false, false},
		{"typing a value sets it", nil, "500", false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			f := NewNumberField(euros, NonNegative())
			f.Optional = true
			test.NewTempWindow(t, f)
			if tc.start != nil {
				f.SetValue(*tc.start)
			} else {
				f.SetEmpty()
			}
			cleared := false
			f.OnClear = func() error { cleared = true; return nil }
			f.OnCommit = func(float64) error { return nil }
			typeAndEnter(f, f.Entry().SetText, tc.typed)
			if cleared != tc.wantClear {
				t.Errorf("cleared = %v, want %v", cleared, tc.wantClear)
			}
			if _, set := f.Value(); set != tc.wantSet {
				t.Errorf("set = %v, want %v", set, tc.wantSet)
			}
		})
	}
}

func TestNumberFieldCommitsOnFocusLoss(t *testing.T) {
	test.NewTempApp(t)
	a, b := NewNumberField(plain), NewNumberField(plain)
	w := test.NewTempWindow(t, container.NewVBox(a, b))
	a.SetValue(1)
	var got float64
	a.OnCommit = func(x float64) error { got = x; return nil }
	w.Canvas().Focus(a.Focusable())
	a.Entry().SetText("")
	test.Type(a.Focusable(), "7")
	w.Canvas().Focus(b.Focusable()) // the person tabs or clicks away
	if got != 7 {
		t.Errorf("committed %v on focus loss, want 7", got)
	}
}

func TestBoundedField(t *testing.T) {
	test.NewTempApp(t)
	b := NewBoundedField(euros, 20000, 220000, NonNegative())
	test.NewTempWindow(t, b)
	b.SetValue(90000)
	commits := 0
	var got float64
	b.Field.OnCommit = func(x float64) error { commits++; got = x; return nil }
	if b.Slider().Value != 90000 {
		t.Fatalf("slider at %v, want 90000", b.Slider().Value)
	}
	if commits != 0 {
		t.Fatalf("SetValue committed")
	}
	// Typing moves the slider at once, commits on Enter.
	b.Field.Entry().SetText("")
	test.Type(b.Field.Focusable(), "150000")
	if b.Slider().Value != 150000 || commits != 0 {
		t.Errorf("typing: slider %v, commits %d; want 150000 and none yet", b.Slider().Value, commits)
	}
	b.Field.Submit()
	if commits != 1 || got != 150000 {
		t.Errorf("after Enter: %d commits of %v, want 1 of 150000", commits, got)
	}
	// Dragging writes the value and commits once, when the drag ends.
	b.Drag(61234)
	if commits != 2 || got != 61000 || b.Field.Text() != "€61,000" {
		t.Errorf("after a drag: %d commits of %v showing %q; want 2 of 61000 (snapped to the €1,000 step) showing €61,000",
			commits, got, b.Field.Text())
	}
	// Dragging past the end stops at the range.
	b.Drag(1e9)
	if got != 220000 {
		t.Errorf("drag past the end committed %v, want 220000", got)
	}
}

func TestNiceStep(t *testing.T) {
	for _, tc := range []struct {
		raw, want float64
	}{{1100, 2000}, {1000, 1000}, {0.0047, 0.005}, {3, 5}, {0, 1}, {7, 10}} {
		if got := NiceStep(tc.raw); got != tc.want {
			t.Errorf("NiceStep(%v) = %v, want %v", tc.raw, got, tc.want)
		}
	}
}

func TestTextField(t *testing.T) {
	for _, tc := range []struct {
		name       string
		typed      string
		wantCommit string
		wantReason string
	}{
		{"a name", "  Search ads ", "Search ads", ""},
		{"blank refused", "   ", "", "must not be empty"},
		{"unchanged is no commit", "Old", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			f := NewTextField(NotEmpty)
			test.NewTempWindow(t, f)
			f.SetValue("Old")
			got := ""
			f.OnCommit = func(s string) error { got = s; return nil }
			typeAndEnter(f, f.Entry().SetText, tc.typed)
			if got != tc.wantCommit || f.Reason() != tc.wantReason {
				t.Errorf("committed %q reason %q; want %q, %q", got, f.Reason(), tc.wantCommit, tc.wantReason)
			}
		})
	}
}

func TestKPITileColors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status Status
		want   fyne.ThemeColorName
		mark   bool
	}{
		{"met is green", Met, theme.ColorNameSuccess, true},
		{"missed is red", Missed, theme.ColorNameError, true},
		{"no target is plain", Neutral, theme.ColorNameForeground, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			tile := NewKPITile("Contribution")
			test.NewTempWindow(t, tile).Resize(fyne.NewSize(400, 140))
			tile.Set(KPI{Value: "€2,249,973", Detail: "Target €2,300,000 · gap -€50,027", Status: tc.status})
			want := a.Settings().Theme().Color(tc.want, a.Settings().ThemeVariant())
			var value, detail *canvas.Text
			var mark *canvas.Image
			for _, o := range test.WidgetRenderer(tile).Objects() {
				switch x := o.(type) {
				case *canvas.Text:
					if x.Text == "€2,249,973" {
						value = x
					}
					if x.Text == "Target €2,300,000 · gap -€50,027" {
						detail = x
					}
				case *canvas.Image:
					mark = x
				}
			}
			if value == nil || detail == nil {
				t.Fatal("the tile does not show its value and detail")
			}
			if value.Color != want {
				t.Errorf("value colour %v, want %v (%s)", value.Color, want, tc.want)
			}
			if mark.Visible() != tc.mark {
				t.Errorf("status mark visible = %v, want %v", mark.Visible(), tc.mark)
			}
		})
	}
}

func TestKPITileGauge(t *testing.T) {
	test.NewTempApp(t)
	tile := NewKPITile("Marketing spend")
	w := test.NewTempWindow(t, tile)
	w.Resize(fyne.NewSize(300, 140))
	tile.Set(KPI{Value: "€593,000", Status: Met, HasGauge: true, Gauge: 0.5})
	r := test.WidgetRenderer(tile).(*kpiRenderer)
	if !r.fill.Visible() || r.fill.Size().Width <= 0 || r.fill.Size().Width*2 != r.track.Size().Width {
		t.Errorf("gauge at 50%%: fill %v of track %v", r.fill.Size(), r.track.Size())
	}
	tile.Set(KPI{Value: "€700,000", Status: Missed, HasGauge: true, Gauge: 1.3})
	if r.fill.Size().Width != r.track.Size().Width {
		t.Errorf("over budget: fill %v, want the full track %v", r.fill.Size(), r.track.Size())
	}
}

func ptr(x float64) *float64 { return &x }

func TestKPITileShortensALongDetail(t *testing.T) {
	test.NewTempApp(t)
	tile := NewKPITile("Marketing spend")
	w := test.NewTempWindow(t, tile)
	long := "Budget €300,000 · €12,000 over, which is a great deal more than anyone planned for"
	tile.Set(KPI{Value: "€312,000", Detail: long, Status: Missed})
	w.Resize(fyne.NewSize(220, 140))
	r := test.WidgetRenderer(tile).(*kpiRenderer)
	if tile.MinSize().Width > 220 {
		t.Errorf("a long detail widens the tile to %v", tile.MinSize().Width)
	}
	if r.detail.Text == long || !strings.HasSuffix(r.detail.Text, "…") || !strings.HasPrefix(long, strings.TrimSuffix(r.detail.Text, "…")) {
		t.Errorf("detail drawn as %q", r.detail.Text)
	}
	if tile.KPI().Detail != long {
		t.Errorf("the tile's KPI lost its detail")
	}
}
