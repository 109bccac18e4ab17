package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"mixplan/planner"
)

// sampleValues are values for every name a rule's wording uses, of the
// types the engine gives them.
var sampleValues = map[string]any{
	"Value": 1.5, "Low": -20, "High": 0, "Min": 20000.0, "ID": "road-shoe", "Product": "road-shoe",
	"Sum": "0.95", "Count": 7, "Months": 12, "Max": 100, "Entry": 2, "Size": 64, "Line": 3,
	"Column": 7, "Through": 13, "Planned": 100.0, "Input": "products.green.baseVolume", "Price": 0.5, "Scenario": "low", "Units": 2e12, "Detail": "invalid character 'x'", "Kind": "text", "Format": "mixplan", "Version": 2,
}

// sampleProblem is a problem of rule r with sample values.
func sampleProblem(t *testing.T, r planner.Rule) planner.Problem {
	t.Helper()
	var values []any
	for _, name := range r.Names() {
		v, ok := sampleValues[name]
		if !ok {
			t.Fatalf("rule %s names a value %q the test has no sample for", r.Code(), name)
		}
		values = append(values, v)
	}
	return r.Problem("products[1].name", values...)
}

// TestEveryRuleIsTranslated: every rule the engine refuses a plan by has
// a wording, which reads in French in a French window, and as the engine
// wrote it in an English one (but for the wordings for fields).
func TestEveryRuleIsTranslated(t *testing.T) {
	t.Cleanup(func() { useLanguage("") })
	rules := planner.Rules()
	if len(rules) < 40 {
		t.Fatalf("the engine has %d rules: the test no longer reads them right", len(rules))
	}
	for _, r := range rules {
		p := sampleProblem(t, r)
		useLanguage("en")
		w, ok := problemWordings[r]
		if !ok {
			t.Errorf("no wording for the engine's rule %s (%q)", r.Code(), p.Message)
			continue
		}
		if en := translateProblem(p); !w.field && en != p.Message {
			t.Errorf("an English window says %q for the engine's %q", en, p.Message)
		}
		useLanguage("fr")
		fr := translateProblem(p)
		if fr == p.Message || strings.Contains(fr, "(its reason is in English)") || strings.Contains(fr, "<no value>") {
			t.Errorf("%q is not said in French: %q", p.Message, fr)
		}
	}
}

// TestEngineProblemsHaveRules: every problem the validation and decoding
// files of planner/ can write names its rule (ps.refuse), so the window
// can say it in French; a plain ps.add would reach a French window in
// English.
func TestEngineProblemsHaveRules(t *testing.T) {
	// each file, with the fewest refusals it has: fewer means the test no longer reads it right
	for file, least := range map[string]int{"../../planner/validate.go": 10, "../../planner/decode.go": 10, "../../planner/validate_v2.go": 5,
		"../../planner/validate_actuals.go": 3, "../../planner/validate_ranges.go": 3, "../../planner/range_inputs.go": 3,
		"../../planner/decode_v2.go": 3, "../../planner/limits.go": 2} {
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		refusals := 0
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
					switch sel.Sel.Name {
					case "add":
						t.Errorf("%s writes a problem with no rule: %s", file, callText(call))
					case "refuse", "Problem":
						refusals++
					}
				}
			}
			return true
		})
		if refusals < least {
			t.Errorf("found %d refusals in %s: the test no longer reads it right", refusals, file)
		}
	}
}

// callText is the call's literal arguments as written, to name it in a failure.
func callText(call *ast.CallExpr) string {
	var b strings.Builder
	for i, a := range call.Args {
		if lit, ok := a.(*ast.BasicLit); ok && i < 2 {
			b.WriteString(lit.Value + " ")
		}
	}
	return b.String()
}

// TestProblemsInFrench: what a French window says for some of the
// engine's problems, and for one whose rule it does not know.
func TestProblemsInFrench(t *testing.T) {
	useLanguage("fr")
	t.Cleanup(func() { useLanguage("") })
	unknown := planner.Problem{Rule: planner.RuleUnlisted, Message: "the moon is made of cheese"}
	for _, tc := range []struct {
		name    string
		problem planner.Problem
		msg     string // the engine's words
		want    string
	}{
		{"too many entries", planner.RuleTooMany.Problem("products", 101, 100),
			"has 101 entries, more than the 100 a plan may have",
			"a 101 éléments, plus que les 100 qu’un plan peut avoir"},
		{"a pattern of the wrong length", planner.RuleMonthCount.Problem("products[0].seasonality", 1, 12),
			"has 1 values, it must have one per month (12)",
			"a 1 valeur, il en faut une par mois (12)"},
		{"a duplicate id", planner.RuleDuplicateID.Problem("products[3].id", "road-shoe", 2),
			`"road-shoe" is already the id of entry 2; ids must be unique`,
			"«\u00a0road-shoe\u00a0» est déjà l’identifiant de l’élément 2\u00a0; les identifiants doivent être uniques"},
		{"text for a number", planner.RuleNumber.Problem("months", "text"), "must be a number, not text",
			"doit être un nombre, et non du texte"},
		{"a problem of no rule the window knows", unknown, "the moon is made of cheese",
			"Mixplan refuse ceci (la raison est en anglais)\u00a0: «\u00a0the moon is made of cheese\u00a0»"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.problem.Message != tc.msg {
				t.Errorf("the engine says %q, want %q", tc.problem.Message, tc.msg)
			}
			if got := translateProblem(tc.problem); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	useLanguage("en")
	if got := translateProblem(unknown); got != "the moon is made of cheese" {
		t.Errorf("in English an unknown problem is shown as it is, not %q", got)
	}
}
