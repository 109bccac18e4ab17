package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"
)

// engineMessages returns every message planner/validate.go and
// planner/decode.go can write, with sample values for its verbs: the
// format of each ps.add, d.add and fail call, of fmt.Sprintf calls that
// write a sentence, and what describeJSONError returns.
func engineMessages(t *testing.T) []string {
	t.Helper()
	sample := strings.NewReplacer(`%q`, `"road-shoe"`, `%d`, `7`, `%v`, `1.5`, `%s`, `text`, `%%`, `%`)
	var out []string
	for _, file := range []string{"../planner/validate.go", "../planner/decode.go"} {
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		literal := func(e ast.Expr) (string, bool) {
			lit, ok := e.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return "", false
			}
			s, err := strconv.Unquote(lit.Value)
			return s, err == nil && strings.Contains(s, " ") // a sentence, not "%s" or "%T"
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				var format ast.Expr
				switch fun := n.Fun.(type) {
				case *ast.SelectorExpr:
					if fun.Sel.Name == "add" && len(n.Args) >= 2 {
						format = n.Args[1]
					}
					if fun.Sel.Name == "Sprintf" && len(n.Args) >= 1 {
						format = n.Args[0]
					}
				case *ast.Ident:
					if fun.Name == "fail" && len(n.Args) >= 1 {
						format = n.Args[0]
					}
				}
				if s, ok := literal(format); ok {
					out = append(out, sample.Replace(s))
				}
			case *ast.FuncDecl:
				if n.Name.Name != "describeJSONError" {
					return true
				}
				ast.Inspect(n.Body, func(m ast.Node) bool {
					if r, ok := m.(*ast.ReturnStmt); ok && len(r.Results) == 1 {
						if s, ok := literal(r.Results[0]); ok {
							out = append(out, s)
						}
						if b, ok := r.Results[0].(*ast.BinaryExpr); ok {
							if s, ok := literal(b.X); ok {
								out = append(out, s+"invalid character 'x'")
							}
						}
					}
					return true
				})
				return false
			}
			return true
		})
	}
	if len(out) < 40 {
		t.Fatalf("found %d messages in the engine's source: the test no longer reads it right", len(out))
	}
	return out
}

// TestEveryProblemIsTranslated: every message the engine can write when it
// refuses a plan (read from its source) has a pattern, reads in French in a
// French window, and as the engine wrote it in an English one (but for the
// wordings for fields).
func TestEveryProblemIsTranslated(t *testing.T) {
	t.Cleanup(func() { useLanguage("") })
	for _, msg := range engineMessages(t) {
		useLanguage("en")
		p, _, field := findProblem(msg)
		if p == nil {
			t.Errorf("no pattern for the engine's message %q", msg)
			continue
		}
		if en := translateProblem(msg); !field && en != msg {
			t.Errorf("an English window says %q for the engine's %q", en, msg)
		}
		useLanguage("fr")
		if fr := translateProblem(msg); fr == msg || strings.Contains(fr, "(its reason is in English)") {
			t.Errorf("%q is not said in French: %q", msg, fr)
		}
	}
}

// TestProblemsInFrench: what a French window says for some of the
// engine's messages, and for one it does not know.
func TestProblemsInFrench(t *testing.T) {
	useLanguage("fr")
	t.Cleanup(func() { useLanguage("") })
	for _, tc := range []struct{ name, msg, want string }{
		{"too many entries", "has 101 entries, more than the 100 a plan may have",
			"a 101 éléments, plus que les 100 qu’un plan peut avoir"},
		{"a pattern of the wrong length", "has 1 values, it must have one per month (12)",
			"a 1 valeur, il en faut une par mois (12)"},
		{"a duplicate id", `"road-shoe" is already the id of entry 2; ids must be unique`,
			"«\u00a0road-shoe\u00a0» est déjà l’identifiant de l’élément 2\u00a0; les identifiants doivent être uniques"},
		{"text for a number", "must be a number, not text", "doit être un nombre, et non du texte"},
		{"a message no pattern knows", "the moon is made of cheese",
			"Mixplan refuse ceci (la raison est en anglais)\u00a0: «\u00a0the moon is made of cheese\u00a0»"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := translateProblem(tc.msg); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	useLanguage("en")
	if got := translateProblem("the moon is made of cheese"); got != "the moon is made of cheese" {
		t.Errorf("in English an unknown message is shown as it is, not %q", got)
	}
}
