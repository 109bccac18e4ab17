package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"mixplan/assets"
)

// usedKeys returns every literal key passed to lang.L, lang.N or lang.X in
// the window's code (this package and its subpackages), with where it is.
func usedKeys(t *testing.T) map[string]string {
	t.Helper()
	keys := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "cli" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" {
				return true
			}
			switch sel.Sel.Name {
			case "L", "N", "X", "Localize", "LocalizePlural", "LocalizeKey":
			default:
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: lang.%s with a key that is not a literal; the translation test cannot see it",
					fset.Position(call.Pos()), sel.Sel.Name)
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			keys[s] = fset.Position(call.Pos()).String()
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// translations merges every translation file of a language: lang.json and
// any [screen.]lang.json beside it (each screen may keep its words in a file
// of its own). A key in two files is an error: one of them would be lost.
func translations(t *testing.T, language string) map[string]any {
	t.Helper()
	entries, err := assets.Translations.ReadDir("translation")
	if err != nil {
		t.Fatal(err)
	}
	merged := map[string]any{}
	for _, e := range entries {
		name := e.Name()
		if name != language+".json" && !strings.HasSuffix(name, "."+language+".json") {
			continue
		}
		data, err := assets.Translations.ReadFile("translation/" + name)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for k, v := range m {
			if _, dup := merged[k]; dup {
				t.Errorf("%s: key %q is also in another %s file", name, k, language)
			}
			merged[k] = v
		}
	}
	return merged
}

// TestEveryWordIsTranslated checks that every key the code uses is in both
// translation files, and that the files hold no key the code no longer uses.
func TestEveryWordIsTranslated(t *testing.T) {
	used := usedKeys(t)
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
			tr := translations(t, language)
			var missing []string
			for k, where := range used {
				if _, ok := tr[k]; !ok {
					missing = append(missing, strconv.Quote(k)+" ("+where+")")
				}
			}
			sort.Strings(missing)
			for _, m := range missing {
				t.Errorf("missing key %s", m)
			}
			for k := range tr {
				if _, ok := used[k]; !ok && !extraKeys[k] {
					t.Errorf("key %q is not used by the code", k)
				}
			}
		})
	}
}

// TestFrenchTypography checks the French texts use French punctuation:
// « » quotes with no-break spaces, no-break spaces before : ; ? ! and %.
func TestFrenchTypography(t *testing.T) {
	for k, v := range translations(t, "fr") {
		for _, s := range flatten(v) {
			for _, bad := range []string{" :", " ?", " !", " ;", " %", "« ", " »", "\"", "“", "”", "'"} {
				if strings.Contains(s, bad) {
					t.Errorf("%q → %q: %q needs a no-break space or French quotes", k, s, bad)
				}
			}
		}
	}
}

// flatten returns a translation's texts: the string, or its plural forms.
func flatten(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case map[string]any:
		var out []string
		for _, y := range x {
			out = append(out, flatten(y)...)
		}
		return out
	}
	return nil
}

var extraKeys = map[string]bool{}

// TestTranslationFilesLoad: Fyne's translator (go-i18n) takes every
// translation file, and says the French of each word when the window speaks
// French. go-i18n refuses, or silently reads as one message, a whole file
// with a key it reserves ("ID", "Description", "Other"…): its words would
// then stay English, which TestEveryWordIsTranslated cannot see.
func TestTranslationFilesLoad(t *testing.T) {
	entries, err := assets.Translations.ReadDir("translation")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := assets.Translations.ReadFile("translation/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if err := lang.AddTranslations(fyne.NewStaticResource(e.Name(), data)); err != nil {
			t.Errorf("%s is refused: %v", e.Name(), err)
		}
	}
	useLanguage("fr")
	t.Cleanup(func() { useLanguage("") })
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), "fr.json") {
			continue
		}
		data, _ := assets.Translations.ReadFile("translation/" + e.Name())
		var words map[string]any
		if err := json.Unmarshal(data, &words); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		for key, v := range words {
			fr, ok := v.(string)
			if !ok || strings.Contains(key, "{{") {
				continue // plural forms and templates need data
			}
			if got := lang.L(key); got != fr {
				t.Errorf("%s: %q is said %q, not %q", e.Name(), key, got, fr)
			}
		}
	}
}

// TestReservedKeyIsCaught: the check above sees a file go-i18n would not
// take, such as one with a key "ID".
func TestReservedKeyIsCaught(t *testing.T) {
	bad := []byte(`{"ID": "Identifiant", "Scenario name": "Nom du scénario"}`)
	err := lang.AddTranslations(fyne.NewStaticResource("check.fr.json", bad))
	useLanguage("fr")
	t.Cleanup(func() { useLanguage("") })
	if err == nil && lang.L("Scenario name") == "Nom du scénario" {
		t.Errorf("a file with the key \"ID\" was taken whole; go-i18n's rules have changed and the check above may miss such files")
	}
}
