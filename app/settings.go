package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// Preferences of the window's look, kept between runs.
const (
	prefTheme = "theme" // "light", "dark", or "" for the system's
)

// variantTheme is Fyne's theme held to one variant, light or dark.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// applyTheme sets the theme preference: "light", "dark" or "" (follow the system).
func applyTheme(a fyne.App, choice string) {
	switch choice {
	case "light":
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case "dark":
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		a.Settings().SetTheme(theme.DefaultTheme())
	}
}

// themeMenu offers System, Light and Dark; the choice applies at once.
func (w *Window) themeMenu() *fyne.MenuItem {
	current := w.app.Preferences().String(prefTheme)
	choice := func(label, value string) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() { w.setTheme(value) })
		it.Checked = current == value
		return it
	}
	m := fyne.NewMenuItem(lang.L("Theme"), nil)
	m.ChildMenu = fyne.NewMenu("",
		choice(lang.L("Same as the system"), ""), choice(lang.L("Light"), "light"), choice(lang.L("Dark"), "dark"))
	return m
}

// setTheme applies and remembers a theme choice.
func (w *Window) setTheme(value string) {
	w.app.Preferences().SetString(prefTheme, value)
	applyTheme(w.app, value)
	w.buildMenu()
	w.updateUndo()
}

// languageMenu offers the system's language, English and French. The whole
// window is rebuilt in the chosen language at once; Fyne's own dialogs
// follow from the next one opened.
func (w *Window) languageMenu() *fyne.MenuItem {
	current := w.app.Preferences().String(prefLanguage)
	choice := func(label, value string) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() { w.SetLanguage(value) })
		it.Checked = current == value
		return it
	}
	items := []*fyne.MenuItem{choice(lang.L("Same as the system"), "")}
	for _, l := range languages {
		items = append(items, choice(l.Name, l.Code))
	}
	m := fyne.NewMenuItem(lang.L("Language"), nil)
	m.ChildMenu = fyne.NewMenu("", items...)
	return m
}

// SetLanguage switches the window to language code ("en", "fr", or "" for
// the system's), remembers the choice and rebuilds every screen in it.
func (w *Window) SetLanguage(code string) {
	w.app.Preferences().SetString(prefLanguage, code)
	useLanguage(code)
	w.build()
}
