package planner

import (
	"fmt"
	"strings"
)

// Problem is one broken rule: where it is (a JSON path such as
// "products[2].listPrice", or "" for the file as a whole), which rule it
// breaks with the values that say how, and what is wrong in English.
//
// Message is Rule's English wording filled with Values; a window in
// another language says the same from Rule and Data instead of reading
// Message.
type Problem struct {
	Path    string
	Rule    Rule
	Values  []any
	Message string
}

func (p Problem) String() string {
	if p.Path == "" {
		return p.Message
	}
	return p.Path + ": " + p.Message
}

// Data names the problem's values by what its rule calls them ({"Low": -20,
// "High": 0, "Value": 3}), for a translation's template. Values quoted in
// the English message are given without their quotes.
func (p Problem) Data() map[string]any {
	names := p.Rule.Names()
	data := make(map[string]any, len(names))
	for i, name := range names {
		if i < len(p.Values) {
			data[name] = p.Values[i]
		}
	}
	return data
}

// ValidationError refuses a plan whole and lists every problem found.
type ValidationError struct {
	Problems []Problem
}

func (e *ValidationError) Error() string { return ListProblems("plan", e.Problems) }

// ListProblems is the text of an error that refuses a whole input (what:
// "plan", "workbook") for problems: "invalid plan" when there are none,
// "invalid plan: <problem>" for one, else a count and one problem a line.
func ListProblems[P fmt.Stringer](what string, problems []P) string {
	switch len(problems) {
	case 0:
		return "invalid " + what
	case 1:
		return "invalid " + what + ": " + problems[0].String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "invalid %s, %d problems:", what, len(problems))
	for _, p := range problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// problems collects Problems; its zero value is ready to use.
type problems struct {
	list []Problem
}

// refuse notes that what is at path breaks rule, with the values its
// wording names, in order.
func (ps *problems) refuse(path string, rule Rule, values ...any) {
	ps.list = append(ps.list, rule.Problem(path, values...))
}

// add notes a problem in plain English words (format and args as for
// fmt.Sprintf), under RuleUnlisted: a window in another language shows it
// in English. Give a rule of its own (rules.go) to what users meet often.
func (ps *problems) add(path, format string, args ...any) {
	ps.list = append(ps.list, Problem{Path: path, Rule: RuleUnlisted, Values: args, Message: fmt.Sprintf(format, args...)})
}

// err returns nil when nothing was found, else a *ValidationError.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	return &ValidationError{Problems: ps.list}
}

func index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

func field(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
