package planner

import (
	"fmt"
	"strings"
)

// Rule is a rule of the plan format a Problem can break: a stable code,
// its wording in English (a fmt format over the problem's values) and the
// names of those values for translations ("Low High Value").
//
// Adding a rule is one line below, and its wording in the window's
// languages (app/ui/problems.go and assets/translation/problems.*.json,
// which a test keeps complete).
type Rule struct{ code, english, names string }

// Code is the rule's stable name ("between"), for translations and tests.
func (r Rule) Code() string { return r.code }

// Names are the names of the values the rule's wording shows, in order.
func (r Rule) Names() []string { return strings.Fields(r.names) }

// Problem is the problem of what is at path breaking the rule, with the
// values its wording names, in order.
func (r Rule) Problem(path string, values ...any) Problem {
	return Problem{Path: path, Rule: r, Values: values, Message: fmt.Sprintf(r.english, values...)}
}

// allRules lists every rule with a wording, in the order declared.
var allRules []Rule

func rule(code, english, names string) Rule {
	r := Rule{code, english, names}
	allRules = append(allRules, r)
	return r
}

// Rules returns every rule with a wording of its own: all but RuleUnlisted.
func Rules() []Rule { return append([]Rule(nil), allRules...) }

// RuleUnlisted is the rule of a problem written in plain English words,
// which has no translation: its Message is all there is.
var RuleUnlisted = Rule{code: "unlisted"}

// The rules of the plan's values (Validate).
var (
	RuleNotEmpty       = rule("notEmpty", "must not be empty", "")
	RuleCurrency       = rule("currency", "must be a three-letter ISO 4217 code in capitals such as EUR or USD, not %q", "Value")
	RuleLocale         = rule("locale", `must be "en" or "fr", not %q`, "Value")
	RuleMonth          = rule("month", "must be a month written YYYY-MM such as 2027-01, not %q", "Value")
	RuleBetween        = rule("between", "must be between %v and %v, not %v", "Low High Value")
	RuleRate           = rule("rate", "must be at least 0 and less than 1, not %v", "Value")
	RuleFraction       = rule("fraction", "must be at least 0 and less than 1 (100 %%), not %v", "Value")
	RuleBelowOne       = rule("belowOne", "must be less than 1 (100 %%), not %v", "Value")
	RuleNonNegative    = rule("nonNegative", "must not be negative, not %v", "Value")
	RulePositive       = rule("positive", "must be greater than 0, not %v", "Value")
	RuleFinite         = rule("finite", "must be a finite number", "")
	RuleBaseID         = rule("baseId", "%q is the plan as written; choose another id", "ID")
	RuleUnknownProduct = rule("unknownProduct", "names product %q, which is not in the plan", "ID")
	RuleUnplaced       = rule("unplaced", "no place sells product %q: its shares over all places must add up to 1", "ID")
	RuleShareSum       = rule("shareSum", "shares of product %q add up to %s, they must add up to 1", "Product Sum")
	RuleBelowMin       = rule("belowMin", "must not be below min (%v), not %v", "Min Value")
	RuleShape          = rule("shape", "must be greater than 0 and at most 10, not %v", "Value")
	RuleSplitSum       = rule("splitSum", "weights must add up to more than 0; leave split out to follow each product's base units", "")
	RuleWeightSum      = rule("weightSum", "weights must add up to more than 0", "")
	RuleMonthCount     = rule("monthCount", "has %d values, it must have one per month (%d)", "Count Months")
	RuleTooMany        = rule("tooMany", "has %d entries, more than the %d a plan may have", "Count Max")
	RuleID             = rule("id", "must be 1 to 64 letters, digits, '_', '.' or '-', not %q", "Value")
	RuleDuplicateID    = rule("duplicateId", "%q is already the id of entry %d; ids must be unique", "ID Entry")
)

// The rules of the file (Read and Parse).
var (
	RuleFileSize     = rule("fileSize", "the file is larger than %d MiB, the most a plan may be", "Size")
	RuleFileEmpty    = rule("fileEmpty", "the file is empty", "")
	RuleNotUTF8      = rule("notUtf8", "the file is not UTF-8 text: invalid byte at line %d, column %d", "Line Column")
	RuleJSONSyntax   = rule("jsonSyntax", "the file is not valid JSON: %s at line %d, column %d", "Detail Line Column")
	RuleJSON         = rule("json", "the file is not valid JSON: %s", "Detail")
	RuleTruncated    = rule("truncated", "the file is truncated: it ends before the plan is complete", "")
	RuleTrailing     = rule("trailing", "the file has more after the plan's closing brace", "")
	RuleObject       = rule("object", "must be an object, not %s", "Kind")
	RuleUnknownField = rule("unknownField", "unknown field", "")
	RuleRequired     = rule("required", "is required", "")
	RuleNumber       = rule("number", "must be a number, not %s", "Kind")
	RuleFiniteNumber = rule("finiteNumber", "must be a finite number, not %s", "Value")
	RuleWholeNumber  = rule("wholeNumber", "must be a whole number, not %v", "Value")
	RuleString       = rule("string", "must be a string, not %s", "Kind")
	RuleList         = rule("list", "must be a list, not %s", "Kind")
	RuleNumberMap    = rule("numberMap", "must be an object of product ids to numbers, not %s", "Kind")
	RuleFormat       = rule("format", "must be %q: this is not a Mixplan plan", "Format")
	RuleNewerVersion = rule("newerVersion", "the plan was made by a newer version of Mixplan (format %d; this one reads up to %d)", "Version Max")
	RuleVersion      = rule("version", "must be %d", "Version")
)
