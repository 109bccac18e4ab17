// Package export writes a plan as an Excel workbook with live formulas and
// native charts (WriteXLSX), reads such a workbook back into a plan
// (ReadXLSX), and writes the PDF plan report for leadership (WritePDF).
//
// Every writer takes an io.Writer: the command line hands it a file, the
// desktop window a file chosen in a dialog, the tests a buffer. The figures
// come from the planner package, so an export always agrees with the engine.
package export

import "time"

// Options choose what an export shows.
type Options struct {
	// Scenario is the scenario to report ("" or "base" for the plan as written).
	Scenario string
	// Paper is the PDF page size: "a4" (default) or "letter".
	Paper string
	// Generated is the date printed on the report and stored in document
	// properties; the zero time means now. Tests fix it for byte-identical output.
	Generated time.Time
}

func (o Options) generated() time.Time {
	if o.Generated.IsZero() {
		return time.Now()
	}
	return o.Generated
}
