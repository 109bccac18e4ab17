package app

import (
	"regexp"
	"strconv"

	"fyne.io/fyne/v2/lang"
)

// The engine's messages in the user's language
//
// planner.Validate and planner.Parse explain a refused plan in English
// (planner/validate.go, planner/decode.go); the window shows their messages
// through translateProblem. fieldWordings and problemPatterns have one
// pattern per message the engine can write: TestEveryProblemIsTranslated
// reads the engine's source and fails when one is missing. A message no
// pattern knows is still shown, in a French window in a French sentence
// that says it is in English.

// problemPattern matches one of the engine's messages and says it again
// with lang. Values the engine quoted ("x") are given back without their
// quotes, for the translation to quote in its own way.
type problemPattern struct {
	re  *regexp.Regexp
	msg func(m []string) string
}

// fieldWordings say some of the engine's messages in the words a field
// shows under what was typed, in every language: "must not be below the
// minimum (20000)" rather than "must not be below min (20000), not 100".
var fieldWordings = []problemPattern{
	{regexp.MustCompile(`^must not be empty$`), func([]string) string { return lang.L("must not be empty") }},
	{regexp.MustCompile(`^must not be negative, not (.*)$`), func(m []string) string {
		return lang.L("must not be negative, not {{.Value}}", value(m[1]))
	}},
	{regexp.MustCompile(`^must be greater than 0, not (.*)$`), func(m []string) string {
		return lang.L("must be greater than 0, not {{.Value}}", value(m[1]))
	}},
	{regexp.MustCompile(`^must be greater than 0 and at most 10, not (.*)$`), func(m []string) string {
		return lang.L("must be greater than 0 and at most 10, not {{.Value}}", value(m[1]))
	}},
	{regexp.MustCompile(`^must not be below min \((.*)\), not (.*)$`), func(m []string) string {
		return lang.L("must not be below the minimum ({{.Min}})", map[string]any{"Min": m[1]})
	}},
	{regexp.MustCompile(`^shares of product "(.*)" add up to (.*), they must add up to 1$`), func(m []string) string {
		return lang.L("the shares of product “{{.Product}}” add up to {{.Sum}}; they must add up to 1 (100 %)", map[string]any{"Product": m[1], "Sum": m[2]})
	}},
	{regexp.MustCompile(`^weights must add up to more than 0`), func([]string) string {
		return lang.L("the weights must add up to more than 0")
	}},
}

// problemPatterns match the rest of the engine's messages, most specific
// first, to say them in a window that does not speak English.
var problemPatterns = []problemPattern{
	// planner/validate.go
	{regexp.MustCompile(`^must be a three-letter ISO 4217 code in capitals such as EUR or USD, not "(.*)"$`), func(m []string) string {
		return lang.L("must be a three-letter ISO 4217 code in capitals such as EUR or USD, not “{{.Value}}”", value(m[1]))
	}},
	{regexp.MustCompile(`^must be "en" or "fr", not "(.*)"$`), func(m []string) string {
		return lang.L("must be “en” or “fr”, not “{{.Value}}”", value(m[1]))
	}},
	{regexp.MustCompile(`^must be a month written YYYY-MM such as 2027-01, not "(.*)"$`), func(m []string) string {
		return lang.L("must be a month written YYYY-MM such as 2027-01, not “{{.Value}}”", value(m[1]))
	}},
	{regexp.MustCompile(`^must be between (\S+) and (\S+), not (.*)$`), func(m []string) string {
		return lang.L("must be between {{.Low}} and {{.High}}, not {{.Value}}", map[string]any{"Low": m[1], "High": m[2], "Value": m[3]})
	}},
	{regexp.MustCompile(`^must be at least 0 and less than 1( \(100 %\))?, not (.*)$`), func(m []string) string {
		return lang.L("must be at least 0 and less than 1 (100%), not {{.Value}}", value(m[2]))
	}},
	{regexp.MustCompile(`^must be less than 1 \(100 %\), not (.*)$`), func(m []string) string {
		return lang.L("must be less than 1 (100%), not {{.Value}}", value(m[1]))
	}},
	{regexp.MustCompile(`^must be a finite number$`), func([]string) string { return lang.L("must be a finite number") }},
	{regexp.MustCompile(`^"(.*)" is the plan as written; choose another id$`), func(m []string) string {
		return lang.L("“{{.ID}}” is the plan as written; choose another id", map[string]any{"ID": m[1]})
	}},
	{regexp.MustCompile(`^names product "(.*)", which is not in the plan$`), func(m []string) string {
		return lang.L("names product “{{.ID}}”, which is not in the plan", map[string]any{"ID": m[1]})
	}},
	{regexp.MustCompile(`^no place sells product "(.*)": its shares over all places must add up to 1$`), func(m []string) string {
		return lang.L("no place sells product “{{.ID}}”: its shares over all places must add up to 1", map[string]any{"ID": m[1]})
	}},
	{regexp.MustCompile(`^has (\d+) values, it must have one per month \((\d+)\)$`), func(m []string) string {
		n, _ := strconv.Atoi(m[1])
		return lang.N("has {{.Count}} values, it must have one per month ({{.Months}})", n, map[string]any{"Count": n, "Months": m[2]})
	}},
	{regexp.MustCompile(`^has (\d+) entries, more than the (\d+) a plan may have$`), func(m []string) string {
		return lang.L("has {{.Count}} entries, more than the {{.Max}} a plan may have", map[string]any{"Count": m[1], "Max": m[2]})
	}},
	{regexp.MustCompile(`^must be 1 to 64 letters, digits, '_', '\.' or '-', not "(.*)"$`), func(m []string) string {
		return lang.L("must be 1 to 64 letters, digits, “_”, “.” or “-”, not “{{.Value}}”", value(m[1]))
	}},
	{regexp.MustCompile(`^"(.*)" is already the id of entry (\d+); ids must be unique$`), func(m []string) string {
		return lang.L("“{{.ID}}” is already the id of entry {{.Entry}}; ids must be unique", map[string]any{"ID": m[1], "Entry": m[2]})
	}},

	// planner/decode.go
	{regexp.MustCompile(`^the file is larger than (\d+) MiB, the most a plan may be$`), func(m []string) string {
		return lang.L("the file is larger than {{.Size}} MiB, the most a plan may be", map[string]any{"Size": m[1]})
	}},
	{regexp.MustCompile(`^the file is empty$`), func([]string) string { return lang.L("the file is empty") }},
	{regexp.MustCompile(`^the file is not UTF-8 text: invalid byte at line (\d+), column (\d+)$`), func(m []string) string {
		return lang.L("the file is not UTF-8 text: invalid byte at line {{.Line}}, column {{.Column}}", map[string]any{"Line": m[1], "Column": m[2]})
	}},
	{regexp.MustCompile(`^the file is not valid JSON: (.*) at line (\d+), column (\d+)$`), func(m []string) string {
		return lang.L("the file is not valid JSON at line {{.Line}}, column {{.Column}} ({{.Detail}})", map[string]any{"Detail": m[1], "Line": m[2], "Column": m[3]})
	}},
	{regexp.MustCompile(`^the file is not valid JSON: (.*)$`), func(m []string) string {
		return lang.L("the file is not valid JSON ({{.Detail}})", map[string]any{"Detail": m[1]})
	}},
	{regexp.MustCompile(`^the file is truncated: it ends before the plan is complete$`), func([]string) string {
		return lang.L("the file is truncated: it ends before the plan is complete")
	}},
	{regexp.MustCompile(`^the file has more after the plan's closing brace$`), func([]string) string {
		return lang.L("the file has more after the plan’s closing brace")
	}},
	{regexp.MustCompile(`^unknown field$`), func([]string) string { return lang.L("unknown field") }},
	{regexp.MustCompile(`^is required$`), func([]string) string { return lang.L("is required") }},
	{regexp.MustCompile(`^must be an object, not (.*)$`), func(m []string) string {
		return lang.L("must be an object, not {{.Kind}}", kindOf(m[1]))
	}},
	{regexp.MustCompile(`^must be a number, not (.*)$`), func(m []string) string {
		return lang.L("must be a number, not {{.Kind}}", kindOf(m[1]))
	}},
	{regexp.MustCompile(`^must be a finite number, not (.*)$`), func(m []string) string {
		return lang.L("must be a finite number, not {{.Value}}", value(m[1]))
	}},
	{regexp.MustCompile(`^must be a whole number, not (.*)$`), func(m []string) string {
		return lang.L("must be a whole number, not {{.Value}}", value(m[1]))
	}},
	{regexp.MustCompile(`^must be a string, not (.*)$`), func(m []string) string {
		return lang.L("must be text, not {{.Kind}}", kindOf(m[1]))
	}},
	{regexp.MustCompile(`^must be a list, not (.*)$`), func(m []string) string {
		return lang.L("must be a list, not {{.Kind}}", kindOf(m[1]))
	}},
	{regexp.MustCompile(`^must be an object of product ids to numbers, not (.*)$`), func(m []string) string {
		return lang.L("must be an object of product ids to numbers, not {{.Kind}}", kindOf(m[1]))
	}},
	{regexp.MustCompile(`^must be "(.*)": this is not a Mixplan plan$`), func(m []string) string {
		return lang.L("must be “{{.Format}}”: this is not a Mixplan plan", map[string]any{"Format": m[1]})
	}},
	{regexp.MustCompile(`^the plan was made by a newer version of Mixplan \(format (\d+); this one reads up to (\d+)\)$`), func(m []string) string {
		return lang.L("the plan was made by a newer version of Mixplan (format {{.Version}}; this one reads up to {{.Max}})", map[string]any{"Version": m[1], "Max": m[2]})
	}},
	{regexp.MustCompile(`^must be (\d+)$`), func(m []string) string {
		return lang.L("must be {{.Version}}", map[string]any{"Version": m[1]})
	}},
}

// value is the template data of a message about one value.
func value(v string) map[string]any { return map[string]any{"Value": v} }

// kindOf names, in the user's language, the kind of JSON value the decoder
// found ("text", "a list").
func kindOf(kind string) map[string]any {
	names := map[string]func() string{
		"null":          func() string { return lang.L("null") },
		"true or false": func() string { return lang.L("true or false") },
		"a number":      func() string { return lang.L("a number") },
		"text":          func() string { return lang.L("text") },
		"a list":        func() string { return lang.L("a list") },
		"an object":     func() string { return lang.L("an object") },
	}
	if name, ok := names[kind]; ok {
		kind = name()
	}
	return map[string]any{"Kind": kind}
}

// findProblem returns the pattern that knows an engine message, what it
// matched, and whether it is one of the fieldWordings; nil for none.
func findProblem(msg string) (p *problemPattern, m []string, field bool) {
	for k, ps := range [][]problemPattern{fieldWordings, problemPatterns} {
		for i := range ps {
			if m := ps[i].re.FindStringSubmatch(msg); m != nil {
				return &ps[i], m, k == 0
			}
		}
	}
	return nil, nil, false
}

// translateProblem says an engine message in the user's language. An
// English window shows the engine's own words (but for fieldWordings); in
// a French one, a message no pattern knows comes in a French sentence that
// says it is in English.
func translateProblem(msg string) string {
	p, m, field := findProblem(msg)
	english := uiLanguage() == "en"
	switch {
	case p != nil && (field || !english):
		return p.msg(m)
	case p != nil || english:
		return msg
	}
	return lang.L("Mixplan refuses this (its reason is in English): “{{.Detail}}”", map[string]any{"Detail": msg})
}
