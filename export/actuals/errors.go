package actuals

import (
	"fmt"
	"strings"
)

// Code names the kind of a Problem, so that a window can word it in its
// own language from Problem.Data rather than from the English Message.
type Code string

// The problems Read and Merge report.
const (
	CodeTooLarge     Code = "tooLarge"     // Data: Limit (bytes)
	CodeTooManyRows  Code = "tooManyRows"  // Data: Limit
	CodeNotText      Code = "notText"      // the file is neither UTF-8/UTF-16 text nor a workbook
	CodeBadFile      Code = "badFile"      // Data: Detail (CSV syntax, damaged workbook)
	CodeNoHeader     Code = "noHeader"     // no row names a date, a name and a figure
	CodeDuplicateCol Code = "duplicateCol" // Data: Field, First, Second
	CodeMixedKinds   Code = "mixedKinds"   // Data: Channel, Product (column names)
	CodeNoDate       Code = "noDate"       // a row without a date
	CodeNoName       Code = "noName"       // a row without a name
	CodeBadDate      Code = "badDate"      // Data: Value
	CodeAmbiguousDay Code = "ambiguousDay" // Data: Value
	CodeBadNumber    Code = "badNumber"    // Data: Column, Value
	CodeMixedNumbers Code = "mixedNumbers" // Data: Value, Other
	CodeNegative     Code = "negative"     // Data: Name, Field, Month, Value
	CodeUnknownName  Code = "unknownName"  // Data: Name, Suggestions
	CodeBeforeStart  Code = "beforeStart"  // Data: Month, Start
	CodeAfterEnd     Code = "afterEnd"     // Data: Month, End
	CodeFuture       Code = "future"       // Data: Month
	CodeNotClosed    Code = "notClosed"    // Data: Month, Closed
	CodeNoClosed     Code = "noClosed"     // no closed month given nor in the plan
	CodeClosedRange  Code = "closedRange"  // Data: Closed, Start, End
	CodeClosedFuture Code = "closedFuture" // Data: Closed
	CodeReopen       Code = "reopen"       // Data: Closed, Through
	CodeMissing      Code = "missing"      // Data: ID, Field, Months
	CodeInvalidPlan  Code = "invalidPlan"  // Data: Detail (the merged plan breaks a rule)
	CodeTooManyProbs Code = "tooManyProblems"
)

// Problem is one reason a file or a merge is refused: where (file and
// lines, either may be empty), its Code with the values its wording needs,
// and the English Message.
type Problem struct {
	File    string
	Lines   Lines
	Code    Code
	Data    map[string]any
	Message string
}

func (p Problem) String() string {
	var where []string
	if p.File != "" {
		where = append(where, p.File)
	}
	if len(p.Lines) > 0 {
		where = append(where, p.Lines.Label())
	}
	if len(where) == 0 {
		return p.Message
	}
	return strings.Join(where, " ") + ": " + p.Message
}

// Error refuses a whole import and lists every problem found.
type Error struct {
	Problems  []Problem
	unmatched []Unmatched
}

// Unmatched lists the names that stand for no id of the plan, each with
// the closest ids, for a window to ask about.
func (e *Error) Unmatched() []Unmatched { return e.unmatched }

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "actuals refused, %d problem(s):", len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// problems collects Problems up to a budget, then one that says how many
// more there were.
type problems struct {
	file  string
	list  []Problem
	max   int
	extra int
}

func (ps *problems) add(lines Lines, code Code, data map[string]any, format string, args ...any) {
	if ps.max > 0 && len(ps.list) >= ps.max {
		ps.extra++
		return
	}
	ps.list = append(ps.list, Problem{File: ps.file, Lines: lines, Code: code, Data: data, Message: fmt.Sprintf(format, args...)})
}

func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	list := ps.list
	if ps.extra > 0 {
		list = append(list, Problem{File: ps.file, Code: CodeTooManyProbs, Data: map[string]any{"Count": ps.extra},
			Message: fmt.Sprintf("and %d more problem(s)", ps.extra)})
	}
	return &Error{Problems: list}
}

// Span is a run of consecutive lines, First to Last.
type Span struct{ First, Last int }

// Lines lists line numbers as ascending runs.
type Lines []Span

// add appends line n, extending the last run when n follows it.
func (l Lines) add(n int) Lines {
	if k := len(l); k > 0 && (l[k-1].Last == n || l[k-1].Last+1 == n) {
		l[k-1].Last = n
		return l
	}
	return append(l, Span{n, n})
}

// Count is the number of lines listed.
func (l Lines) Count() int {
	n := 0
	for _, s := range l {
		n += s.Last - s.First + 1
	}
	return n
}

// String lists the lines compactly: "14", "14–20, 31", at most eight runs
// and then how many more lines.
func (l Lines) String() string {
	var b strings.Builder
	for i, s := range l {
		if i == 8 {
			fmt.Fprintf(&b, " and %d more", Lines(l[i:]).Count())
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		if s.First == s.Last {
			fmt.Fprintf(&b, "%d", s.First)
		} else {
			fmt.Fprintf(&b, "%d–%d", s.First, s.Last)
		}
	}
	return b.String()
}

// Label is "line 14" or "lines 14–20, 31".
func (l Lines) Label() string {
	if l.Count() == 1 {
		return "line " + l.String()
	}
	return "lines " + l.String()
}

// merge returns the union of two line lists, in order.
func (l Lines) merge(o Lines) Lines {
	if len(o) == 0 {
		return l
	}
	all := append(append(Lines(nil), l...), o...)
	for i := 1; i < len(all); i++ { // insertion sort: lists are short and nearly sorted
		for j := i; j > 0 && all[j].First < all[j-1].First; j-- {
			all[j], all[j-1] = all[j-1], all[j]
		}
	}
	out := all[:1]
	for _, s := range all[1:] {
		last := &out[len(out)-1]
		if s.First <= last.Last+1 {
			last.Last = max(last.Last, s.Last)
			continue
		}
		out = append(out, s)
	}
	return out
}
