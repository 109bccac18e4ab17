package planner

import (
	"fmt"
	"strings"
	"unicode/utf8"
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
// Text values longer than MaxEcho characters are cut (Clip): a message
// never repeats a huge input whole.
func (r Rule) Problem(path string, values ...any) Problem {
	for i, v := range values {
		if s, ok := v.(string); ok {
			values[i] = Clip(s)
		}
	}
	return Problem{Path: path, Rule: r, Values: values, Message: fmt.Sprintf(r.english, values...)}
}

// MaxEcho is the most characters of an input a message repeats.
const MaxEcho = 80

// Clip cuts s to MaxEcho characters, the last an ellipsis, when it is longer.
func Clip(s string) string {
	if utf8.RuneCountInString(s) <= MaxEcho {
		return s
	}
	r := []rune(s)
	return string(r[:MaxEcho-1]) + "…"
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
	RuleAtMost         = rule("atMost", "must be at most %v, the most a plan may hold, not %v", "Max Value")
	RuleAtLeast        = rule("atLeast", "must be at least %v, the least a plan may hold, not %v", "Min Value")
	RuleBaseUnits      = rule("baseUnits", "at a net price of %v in scenario %q, this elasticity makes the base volume %v units, more than the %v a plan may hold", "Price Scenario Units Max")
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

// The rules of the version-2 values (validate_v2.go, validate_actuals.go,
// validate_ranges.go): groups, actuals and uncertainty ranges.
var (
	RuleNoChannel        = rule("noChannel", "must name at least one promotion channel", "")
	RuleUnknownPromotion = rule("unknownPromotion", "names promotion %q, which is not in the plan", "ID")
	RuleUnknownPlace     = rule("unknownPlace", "names place %q, which is not in the plan", "ID")
	RuleListedTwice      = rule("listedTwice", "%q is already in this group; list each channel once", "ID")
	RuleSpendShare       = rule("spendShare", "must be between 0 and 1 (a share of total promotion spend), not %v", "Value")
	RuleBelowMinShare    = rule("belowMinShare", "must not be below minShare (%v), not %v", "Min Value")
	RuleThrough          = rule("through", "must be between 0 and the plan's months (%d), not %d", "Months Through")
	RuleClosedMonthCount = rule("closedMonthCount", "has %d values, it must have one per closed month (%d)", "Count Months")
	RuleRangeOf          = rule("rangeOf", "must name an input as LIST.ID.FIELD, such as products.green.baseVolume, not %q", "Value")
	RuleRangeInput       = rule("rangeInput", "%q is not an input a range may cover: use products.ID.baseVolume, .unitCost or .elasticity; "+
		"places.ID.marginPct or .unitCost; promotions.ID.maxUnits, .halfSpend, .shape or .carryover", "Value")
	RuleRangeTwice = rule("rangeTwice", "%q already has a range (ranges[%d]); give each input at most one", "Input Entry")
	RuleAboveValue = rule("aboveValue", "must not be above the plan's value (%v), not %v", "Planned Value")
	RuleBelowValue = rule("belowValue", "must not be below the plan's value (%v), not %v", "Planned Value")
	RuleIDMap      = rule("idMap", "must be an object keyed by id, not %s", "Kind")
)

// The rules of the file (Read and Parse).
var (
	RuleFileSize     = rule("fileSize", "the file is larger than %d MiB, the most a plan may be", "Size")
	RuleFileEmpty    = rule("fileEmpty", "the file is empty", "")
	RuleNotUTF8      = rule("notUtf8", "the file is not UTF-8 text: invalid byte at line %d, column %d", "Line Column")
	RuleJSONSyntax   = rule("jsonSyntax", "the file is not valid JSON: %s at line %d, column %d", "Detail Line Column")
	RuleJSON         = rule("json", "the file is not valid JSON: %s", "Detail")
	RuleNotANumber   = rule("notANumber", "numbers must be finite; %s is not a number (line %d, column %d)", "Value Line Column")
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
