package ui

import (
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"mixplan/assets"
)

// How words are translated
//
// Every word the window shows goes through fyne.io/fyne/v2/lang with the
// English text as the key: lang.L("Save As…"), or with template data
// lang.L("Delete {{.Name}}?", map[string]any{"Name": n}), or for counts
// lang.N("{{.Count}} channels", n, map[string]any{"Count": n}). The French
// (and English, for plural forms) texts are in assets/translation/fr.json and
// en.json; TestEveryWordIsTranslated fails when a key used in the code is
// missing from either file, so adding a word is: write lang.L("…"), add the
// key to both files.

// Languages the window speaks, with their names in their own language.
var languages = []struct{ Code, Name string }{{"en", "English"}, {"fr", "Français"}}

// prefLanguage is the preference holding the chosen language code; empty
// follows the system.
const prefLanguage = "language"

// loadTranslations adds Mixplan's words to lang and picks the language from
// the environment again.
func loadTranslations() {
	if err := lang.AddTranslationsFS(assets.Translations, "translation"); err != nil {
		fyne.LogError("loading translations", err)
	}
}

// localeVars are the variables go-locale reads, in its order, LANGUAGE last.
var localeVars = []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"}

var (
	systemEnvOnce sync.Once
	systemEnv     map[string]*string // the variables as Mixplan found them
)

// useLanguage makes code ("en", "fr") the language of every lang call from
// now on; "" goes back to the system's language. Fyne picks the language
// from the environment (LANGUAGE first, unless LC_ALL, LC_MESSAGES or LANG is
// plainly "C"), so that is where the choice goes.
func useLanguage(code string) {
	systemEnvOnce.Do(func() {
		systemEnv = map[string]*string{}
		for _, k := range localeVars {
			if v, ok := os.LookupEnv(k); ok {
				systemEnv[k] = &v
			} else {
				systemEnv[k] = nil
			}
		}
	})
	for _, k := range localeVars { // start from the system's settings
		if v := systemEnv[k]; v != nil {
			os.Setenv(k, *v)
		} else {
			os.Unsetenv(k)
		}
	}
	if code != "" {
		for _, k := range localeVars[:3] { // a plain "C" locale would hide LANGUAGE
			if v := os.Getenv(k); v != "" {
				if v == "C" || v == "POSIX" {
					os.Setenv(k, "C.UTF-8")
				}
				break
			}
		}
		os.Setenv("LANGUAGE", code)
	}
	loadTranslations()
}

// uiLanguage is the language the window speaks now: "fr" or "en".
func uiLanguage() string {
	if lang.SystemLocale().LanguageString() == "fr" {
		return "fr"
	}
	return "en"
}
