package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// Preferences of the window's look, kept between runs.
const (
	prefTheme = "theme" // "light", "dark", or "" for the system's
)

// mixplanTheme is Fyne's theme, held to one variant when the person chose
// light or dark, with a deeper green and orange on light backgrounds: Fyne's
// own are too pale to read as text on white (a met target's value).
type mixplanTheme struct {
	fyne.Theme
	variant *fyne.ThemeVariant // nil follows the system
}

// Colours on light backgrounds with a contrast of at least 4.5:1 on white.
var (
	successOnLight = color.NRGBA{R: 0x1a, G: 0x7f, B: 0x37, A: 0xff}
	warningOnLight = color.NRGBA{R: 0xb3, G: 0x5c, B: 0x00, A: 0xff}
)

// colorNameMuted is the colour of notes and help (newNote): the text colour
// blended towards the background as far as it still reads.
const colorNameMuted fyne.ThemeColorName = "mixplanMuted"

func (t mixplanTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.variant != nil {
		v = *t.variant
	}
	if n == colorNameMuted {
		return mutedColor(t.Color(theme.ColorNameForeground, v), t.Color(theme.ColorNameBackground, v))
	}
	if v == theme.VariantLight {
		switch n {
		case theme.ColorNameSuccess:
			return successOnLight
		case theme.ColorNameWarning:
			return warningOnLight
		}
	}
	return t.Theme.Color(n, v)
}

// applyTheme sets the theme preference: "light", "dark" or "" (follow the system).
func applyTheme(a fyne.App, choice string) {
	t := mixplanTheme{Theme: theme.DefaultTheme()}
	switch choice {
	case "light":
		v := theme.VariantLight
		t.variant = &v
	case "dark":
		v := theme.VariantDark
		t.variant = &v
	}
	a.Settings().SetTheme(t)
}

// choiceMenu is a submenu of exclusive choices, the current one checked.
// choices are label, value pairs.
func choiceMenu(label, current string, set func(value string), choices ...[2]string) *fyne.MenuItem {
	items := make([]*fyne.MenuItem, len(choices))
	for i, c := range choices {
		value := c[1]
		items[i] = fyne.NewMenuItem(c[0], func() { set(value) })
		items[i].Checked = current == value
	}
	m := fyne.NewMenuItem(label, nil)
	m.ChildMenu = fyne.NewMenu("", items...)
	return m
}

// themeMenu offers System, Light and Dark; the choice applies at once.
func (w *Window) themeMenu() *fyne.MenuItem {
	return choiceMenu(lang.L("Theme"), w.app.Preferences().String(prefTheme), w.setTheme,
		[2]string{lang.L("Same as the system"), ""}, [2]string{lang.L("Light"), "light"}, [2]string{lang.L("Dark"), "dark"})
}

// setTheme applies and remembers a theme choice, and rebuilds the window as
// a language change does: Fyne repaints only what is on screen in the new
// theme, so the screens not shown would keep the old theme's colour in every
// text that has not changed since (their list rows' names, dark grey on dark).
func (w *Window) setTheme(value string) {
	w.app.Preferences().SetString(prefTheme, value)
	applyTheme(w.app, value)
	w.build()
}

// languageMenu offers the system's language, English and French. The whole
// window is rebuilt in the chosen language at once; Fyne's own dialogs
// follow from the next one opened.
func (w *Window) languageMenu() *fyne.MenuItem {
	choices := [][2]string{{lang.L("Same as the system"), ""}}
	for _, l := range languages {
		choices = append(choices, [2]string{l.Name, l.Code})
	}
	return choiceMenu(lang.L("Language"), w.app.Preferences().String(prefLanguage), w.SetLanguage, choices...)
}

// SetLanguage switches the window to language code ("en", "fr", or "" for
// the system's), remembers the choice and rebuilds every screen in it.
func (w *Window) SetLanguage(code string) {
	w.app.Preferences().SetString(prefLanguage, code)
	useLanguage(code)
	w.build()
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// mutedContrast is the contrast muted text keeps with the background: a
// little over WCAG AA's 4.5:1 for small text.
const mutedContrast = 5

// mutedColor is the text colour fg blended towards the background bg as far
// as it can go while keeping mutedContrast.
func mutedColor(fg, bg color.Color) color.Color {
	a, b := color.NRGBAModel.Convert(fg).(color.NRGBA), color.NRGBAModel.Convert(bg).(color.NRGBA)
	mix := func(t float64) color.Color {
		m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-t) + float64(y)*t)) }
		return color.NRGBA{R: m(a.R, b.R), G: m(a.G, b.G), B: m(a.B, b.B), A: 0xff}
	}
	best := mix(0)
	for t := 0.05; t < 0.8; t += 0.05 {
		c := mix(t)
		if contrast(c, bg) < mutedContrast {
			break
		}
		best = c
	}
	return best
}
