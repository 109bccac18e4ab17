package export

import (
	"errors"
	"io"

	"mixplan/planner"
)

// WritePDF writes the plan report as a PDF. (Being built: issue 5.)
func WritePDF(w io.Writer, p *planner.Plan, opt Options) error {
	return errors.New("PDF export is not available yet")
}
