package xlsx

import (
	"errors"

	"mixplan/planner"
)

// Errors of Read for files that are not Mixplan workbooks; use
// errors.Is to tell them apart. The error's text says what was found.
var (
	// ErrNotWorkbook: the file is not an Excel workbook (.xlsx), or it is damaged.
	ErrNotWorkbook = errors.New("not an Excel workbook (.xlsx)")
	// ErrNotMixplanWorkbook: an Excel workbook, but not one made by Mixplan's export.
	ErrNotMixplanWorkbook = errors.New("not a workbook made by Mixplan")
	// ErrWorkbookTooLarge: the file, or what it would unpack to, is larger
	// than any Mixplan workbook (a zip bomb, for one).
	ErrWorkbookTooLarge = errors.New("the workbook is too large")
)

// WorkbookError refuses an edited workbook whose inputs break the plan's
// rules, listing every problem with its cell, as planner.ValidationError
// does with JSON paths.
type WorkbookError struct {
	Problems []WorkbookProblem
}

// WorkbookProblem is one broken rule: the cell (Products!D7, or a range for
// a whole row of weights), the plan field it holds (products[1].listPrice,
// "" when none) and what is wrong.
type WorkbookProblem struct {
	Cell    string
	Path    string
	Message string
}

func (p WorkbookProblem) String() string {
	if p.Cell == "" {
		return p.Message
	}
	return p.Cell + ": " + p.Message
}

func (e *WorkbookError) Error() string { return planner.ListProblems("workbook", e.Problems) }
