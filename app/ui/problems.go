package ui

import (
	"fyne.io/fyne/v2/lang"

	"mixplan/planner"
)

// The engine's refusals in the user's language
//
// planner.Validate and planner.Parse explain a refused plan with Problems
// that name the rule broken (planner/rules.go) and its values, besides an
// English message. The window says them again through translateProblem,
// by rule: problemWordings has one wording per rule, and
// TestEveryRuleIsTranslated fails when a rule has none. A problem of no
// rule the window knows is still shown, in a French window in a French
// sentence that says it is in English.

// problemWording says a rule's problem with lang, from its values named as
// the rule names them (planner.Problem.Data). field marks the wordings
// shown in every language, English too, because they read better under
// the field that was typed in ("must not be below the minimum (20000)"
// rather than the file's "must not be below min (20000), not 100").
type problemWording struct {
	say   func(data map[string]any) string
	field bool
}

// problemWordings is how the window says each of the engine's rules.
var problemWordings = map[planner.Rule]problemWording{
	// the fields' own wordings
	planner.RuleNotEmpty:    {func(map[string]any) string { return lang.L("must not be empty") }, true},
	planner.RuleNonNegative: {func(d map[string]any) string { return lang.L("must not be negative, not {{.Value}}", d) }, true},
	planner.RulePositive:    {func(d map[string]any) string { return lang.L("must be greater than 0, not {{.Value}}", d) }, true},
	planner.RuleShape: {func(d map[string]any) string {
		return lang.L("must be greater than 0 and at most 10, not {{.Value}}", d)
	}, true},
	planner.RuleBelowMin: {func(d map[string]any) string { return lang.L("must not be below the minimum ({{.Min}})", d) }, true},
	planner.RuleShareSum: {func(d map[string]any) string {
		return lang.L("the shares of product “{{.Product}}” add up to {{.Sum}}; they must add up to 1 (100 %)", d)
	}, true},
	planner.RuleSplitSum:  {func(map[string]any) string { return lang.L("the weights must add up to more than 0") }, true},
	planner.RuleWeightSum: {func(map[string]any) string { return lang.L("the weights must add up to more than 0") }, true},

	// the plan's values (planner/validate.go)
	planner.RuleCurrency: {say: func(d map[string]any) string {
		return lang.L("must be a three-letter ISO 4217 code in capitals such as EUR or USD, not “{{.Value}}”", d)
	}},
	planner.RuleLocale: {say: func(d map[string]any) string { return lang.L("must be “en” or “fr”, not “{{.Value}}”", d) }},
	planner.RuleMonth: {say: func(d map[string]any) string {
		return lang.L("must be a month written YYYY-MM such as 2027-01, not “{{.Value}}”", d)
	}},
	planner.RuleBetween: {say: func(d map[string]any) string {
		return lang.L("must be between {{.Low}} and {{.High}}, not {{.Value}}", d)
	}},
	planner.RuleRate: {say: func(d map[string]any) string {
		return lang.L("must be at least 0 and less than 1 (100%), not {{.Value}}", d)
	}},
	planner.RuleFraction: {say: func(d map[string]any) string {
		return lang.L("must be at least 0 and less than 1 (100%), not {{.Value}}", d)
	}},
	planner.RuleBelowOne: {say: func(d map[string]any) string { return lang.L("must be less than 1 (100%), not {{.Value}}", d) }},
	planner.RuleFinite:   {say: func(map[string]any) string { return lang.L("must be a finite number") }},
	planner.RuleBaseID: {say: func(d map[string]any) string {
		return lang.L("“{{.ID}}” is the plan as written; choose another id", d)
	}},
	planner.RuleUnknownProduct: {say: func(d map[string]any) string {
		return lang.L("names product “{{.ID}}”, which is not in the plan", d)
	}},
	planner.RuleUnplaced: {say: func(d map[string]any) string {
		return lang.L("no place sells product “{{.ID}}”: its shares over all places must add up to 1", d)
	}},
	planner.RuleMonthCount: {say: func(d map[string]any) string {
		n, _ := d["Count"].(int)
		return lang.N("has {{.Count}} values, it must have one per month ({{.Months}})", n, d)
	}},
	planner.RuleTooMany: {say: func(d map[string]any) string {
		return lang.L("has {{.Count}} entries, more than the {{.Max}} a plan may have", d)
	}},
	planner.RuleID: {say: func(d map[string]any) string {
		return lang.L("must be 1 to 64 letters, digits, “_”, “.” or “-”, not “{{.Value}}”", d)
	}},
	planner.RuleDuplicateID: {say: func(d map[string]any) string {
		return lang.L("“{{.ID}}” is already the id of entry {{.Entry}}; ids must be unique", d)
	}},

	// the file (planner/decode.go)
	planner.RuleFileSize: {say: func(d map[string]any) string {
		return lang.L("the file is larger than {{.Size}} MiB, the most a plan may be", d)
	}},
	planner.RuleFileEmpty: {say: func(map[string]any) string { return lang.L("the file is empty") }},
	planner.RuleNotUTF8: {say: func(d map[string]any) string {
		return lang.L("the file is not UTF-8 text: invalid byte at line {{.Line}}, column {{.Column}}", d)
	}},
	planner.RuleJSONSyntax: {say: func(d map[string]any) string {
		return lang.L("the file is not valid JSON at line {{.Line}}, column {{.Column}} ({{.Detail}})", d)
	}},
	planner.RuleJSON: {say: func(d map[string]any) string { return lang.L("the file is not valid JSON ({{.Detail}})", d) }},
	planner.RuleTruncated: {say: func(map[string]any) string {
		return lang.L("the file is truncated: it ends before the plan is complete")
	}},
	planner.RuleTrailing: {say: func(map[string]any) string {
		return lang.L("the file has more after the plan’s closing brace")
	}},
	planner.RuleUnknownField: {say: func(map[string]any) string { return lang.L("unknown field") }},
	planner.RuleRequired:     {say: func(map[string]any) string { return lang.L("is required") }},
	planner.RuleObject:       {say: func(d map[string]any) string { return lang.L("must be an object, not {{.Kind}}", kindOf(d)) }},
	planner.RuleNumber:       {say: func(d map[string]any) string { return lang.L("must be a number, not {{.Kind}}", kindOf(d)) }},
	planner.RuleFiniteNumber: {say: func(d map[string]any) string { return lang.L("must be a finite number, not {{.Value}}", d) }},
	planner.RuleWholeNumber:  {say: func(d map[string]any) string { return lang.L("must be a whole number, not {{.Value}}", d) }},
	planner.RuleString:       {say: func(d map[string]any) string { return lang.L("must be text, not {{.Kind}}", kindOf(d)) }},
	planner.RuleList:         {say: func(d map[string]any) string { return lang.L("must be a list, not {{.Kind}}", kindOf(d)) }},
	planner.RuleNumberMap: {say: func(d map[string]any) string {
		return lang.L("must be an object of product ids to numbers, not {{.Kind}}", kindOf(d))
	}},
	planner.RuleFormat: {say: func(d map[string]any) string {
		return lang.L("must be “{{.Format}}”: this is not a Mixplan plan", d)
	}},
	planner.RuleNewerVersion: {say: func(d map[string]any) string {
		return lang.L("the plan was made by a newer version of Mixplan (format {{.Version}}; this one reads up to {{.Max}})", d)
	}},
	planner.RuleVersion: {say: func(d map[string]any) string { return lang.L("must be {{.Version}}", d) }},
}

// kindOf says, in the user's language, the kind of JSON value the decoder
// found ("text", "a list"), which data holds as Kind.
func kindOf(data map[string]any) map[string]any {
	names := map[string]func() string{
		"null":          func() string { return lang.L("null") },
		"true or false": func() string { return lang.L("true or false") },
		"a number":      func() string { return lang.L("a number") },
		"text":          func() string { return lang.L("text") },
		"a list":        func() string { return lang.L("a list") },
		"an object":     func() string { return lang.L("an object") },
	}
	kind, _ := data["Kind"].(string)
	if name, ok := names[kind]; ok {
		kind = name()
	}
	return map[string]any{"Kind": kind}
}

// translateProblem says an engine problem in the user's language. An
// English window shows the engine's own words (but for the fields'
// wordings); in a French one, a problem of a rule the window does not know
// comes in a French sentence that says it is in English.
func translateProblem(p planner.Problem) string {
	w, known := problemWordings[p.Rule]
	english := uiLanguage() == "en"
	switch {
	case known && (w.field || !english):
		return w.say(p.Data())
	case known || english:
		return p.Message
	}
	return lang.L("Mixplan refuses this (its reason is in English): “{{.Detail}}”", map[string]any{"Detail": p.Message})
}
