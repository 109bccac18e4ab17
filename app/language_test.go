package app

import (
	"strings"
	"testing"
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
			if got := tileValue(w, kpiRevenue); got != "€5,167,883" {
				t.Errorf("revenue %q", got)
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
		vt, forced := w.app.Settings().Theme().(variantTheme)
		if forced != (tc.choice != "") || (forced && (vt.variant == 1) != (tc.choice == "light")) {
			t.Errorf("choice %q gave theme %T", tc.choice, w.app.Settings().Theme())
		}
	}
}
