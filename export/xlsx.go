package export

import (
	"errors"
	"io"

	"mixplan/planner"
)

// WriteXLSX writes the plan as an Excel workbook. (Being built: issue 4.)
func WriteXLSX(w io.Writer, p *planner.Plan, opt Options) error {
	return errors.New("excel export is not available yet")
}

// ReadXLSX reads a workbook written by WriteXLSX back into a plan. (Being built: issue 4.)
func ReadXLSX(r io.ReaderAt, size int64) (*planner.Plan, error) {
	return nil, errors.New("excel import is not available yet")
}
