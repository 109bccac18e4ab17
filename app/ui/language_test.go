package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func TestSwitchLanguage(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	t.Cleanup(func() { w.SetLanguage("") })
	for _, tc := range []struct {
		lang, overview, promotion, verdict, file string
	}{
		{"fr", "Vue d’ensemble", "Communication", "Objectifs atteints\u00a0: 3 sur 6", "Fichier"},
		{"en", "Overview", "Promotion", "3 of 6 targets met", "File"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			w.SetLanguage(tc.lang)
			if got := w.Screen("overview").Title(); got != tc.overview {
				t.Errorf("overview is called %q", got)
			}
			if got := w.Screen("promotion").Title(); got != tc.promotion {
				t.Errorf("promotion is called %q", got)
			}
			if got := overviewOf(w).verdict.Text; !strings.HasPrefix(got, tc.verdict) {
				t.Errorf("verdict %q", got)
			}
			if got := w.menu.Items[0].Label; got != tc.file {
				t.Errorf("first menu %q", got)
			}
			if w.app.Preferences().String(prefLanguage) != tc.lang {
				t.Errorf("choice not remembered")
			}
			// Numbers follow the plan's locale, not the language.
			if got := tileValue(w, kpiRevenue); got != "€5,257,355" {
				t.Errorf("revenue %q", got)
			}
		})
	}
}

// TestNavigationFitsItsTitles: in every language the navigation is wide
// enough for each screen's title ("Objectifs et réglages" is longer than
// "Targets & settings", which it used to be sized for).
func TestNavigationFitsItsTitles(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	t.Cleanup(func() { w.SetLanguage("") })
	for _, code := range []string{"en", "fr"} {
		t.Run(code, func(t *testing.T) {
			w.SetLanguage(code)
			for _, s := range w.screens {
				need := container.NewHBox(widget.NewIcon(s.Icon()), widget.NewLabel(s.Title())).MinSize().Width
				if got := w.nav.Size().Width; got < need {
					t.Errorf("%q needs %v, the navigation is %v wide", s.Title(), need, got)
				}
			}
		})
	}
}

func TestThemeChoice(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	for _, tc := range []struct{ choice, want string }{{"dark", "dark"}, {"light", "light"}, {"", ""}} {
		w.setTheme(tc.choice)
		if got := w.app.Preferences().String(prefTheme); got != tc.want {
			t.Errorf("theme preference %q, want %q", got, tc.want)
		}
		th := w.app.Settings().Theme().(mixplanTheme)
		bg := th.Color(theme.ColorNameBackground, theme.VariantDark)
		want := theme.DefaultTheme().Color(theme.ColorNameBackground, map[string]fyne.ThemeVariant{
			"dark": theme.VariantDark, "light": theme.VariantLight, "": theme.VariantDark}[tc.choice])
		if bg != want {
			t.Errorf("choice %q: background %v, want %v", tc.choice, bg, want)
		}
	}
}

// TestTargetColorsReadOnLight checks the green and orange of met targets
// and warnings are dark enough to read on the light theme's background.
func TestTargetColorsReadOnLight(t *testing.T) {
	th := mixplanTheme{Theme: theme.DefaultTheme()}
	bg := th.Color(theme.ColorNameBackground, theme.VariantLight)
	for _, name := range []fyne.ThemeColorName{theme.ColorNameSuccess, theme.ColorNameWarning, theme.ColorNameError, theme.ColorNameForeground} {
		if c := contrast(th.Color(name, theme.VariantLight), bg); c < 3.5 {
			t.Errorf("%s on the light background has contrast %.2f, want at least 3.5", name, c)
		}
	}
}

// TestHelpTextReads: the small explanatory text under fields (help) is drawn
// with at least WCAG AA's contrast of 4.5:1 on the background, in the light
// and the dark theme (it used the colour of disabled widgets: 1.6:1 on dark).
func TestHelpTextReads(t *testing.T) {
	a := test.NewTempApp(t)
	for _, variant := range []string{"light", "dark"} {
		t.Run(variant, func(t *testing.T) {
			applyTheme(a, variant)
			item := help("Leave a target empty to unset it.")
			test.NewTempWindow(t, item.Widget)
			bg := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight) // the theme holds its variant
			texts := drawnTexts(item.Widget)
			for _, txt := range texts {
				if c := contrast(txt.Color, bg); c < 4.5 {
					t.Errorf("%q drawn in %v, contrast %.2f on %v", txt.Text, txt.Color, c, bg)
				}
			}
			if len(texts) == 0 {
				t.Fatal("no text drawn")
			}
		})
	}
}

// drawnTexts returns the texts o draws in its window, through the renderers
// the window uses (test.LaidOutObjects makes new ones, which miss a theme
// override).
func drawnTexts(o fyne.CanvasObject) []*canvas.Text {
	var out []*canvas.Text
	switch x := o.(type) {
	case *canvas.Text:
		if x.Text != "" {
			out = append(out, x)
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, drawnTexts(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, drawnTexts(c)...)
		}
	}
	return out
}

// TestLanguageSwitchKeepsWork: switching the language builds every screen
// again; shares typed in the Place grid but not applied yet, and the rows
// selected in the lists, are still there in the other language.
func TestLanguageSwitchKeepsWork(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	t.Cleanup(func() { w.SetLanguage("") })
	promotionOf(t, w).list.Select(2)
	s := placeOf(t, w)
	s.list.Select(1)
	typeShare(s.shares, 1, 0, "10") // the row adds up to 85 %: a draft
	if s.shares.draft == nil {
		t.Fatal("no draft to keep")
	}
	w.SetLanguage("fr")

	s = w.Screen("place").(*placeScreen)
	if d := s.shares.draft; d == nil || d.product != "road-shoe" || d.typed["eshop"] != 0.1 {
		t.Errorf("the draft became %+v", d)
	}
	if !s.shares.banner.Visible() || !strings.Contains(s.shares.bannerText.Text, "Tempo road shoe") || !strings.Contains(s.shares.bannerText.Text, "85%") {
		t.Errorf("the draft's banner says %q (shown %v)", s.shares.bannerText.Text, s.shares.banner.Visible())
	}
	if s.sel != 1 {
		t.Errorf("place %d selected, want 1", s.sel)
	}
	if p := promotionOf(t, w); p.sel != 2 || p.name.Text() != w.doc.Plan().Promotions[2].Name {
		t.Errorf("channel %d selected showing %q, want 2", p.sel, p.name.Text())
	}
}

// TestUnsetTargetReads: the status beside a target left unset ("Not set —
// now €…") reads on the background (it was in the colour of disabled
// widgets, 1.3:1 on the light theme).
func TestUnsetTargetReads(t *testing.T) {
	p := samplePlan(t)
	p.Targets.Revenue = nil
	w := openWindow(t, p, "", "")
	w.setTheme("light")
	t.Cleanup(func() { w.setTheme("") })
	w.ShowScreen("targets")
	status := w.Screen("targets").(*targetsScreen).row("revenue").status
	bg := w.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight)
	texts := drawnTexts(status)
	if len(texts) == 0 || !strings.HasPrefix(status.Text, "Not set") {
		t.Fatalf("status %q, %d texts drawn", status.Text, len(texts))
	}
	for _, txt := range texts {
		if c := contrast(txt.Color, bg); c < 4.5 {
			t.Errorf("%q drawn in %v, contrast %.2f", txt.Text, txt.Color, c)
		}
	}
}
