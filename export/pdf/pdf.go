// Package pdf writes a plan as a PDF report for leadership (Write): the
// story first, the detail after, every figure from the planner package in
// the plan's locale and currency, charts drawn as vectors from the same
// chart data as the window's, fonts embedded.
//
// Write takes an io.Writer: the command line hands it a file, the window a
// file chosen in a dialog, the tests a buffer.
package pdf

import (
	"errors"
	"io"
	"time"

	"mixplan/planner"
)

// Options choose what a report shows.
type Options struct {
	// Scenario is the scenario to report ("" or "base" for the plan as written).
	Scenario string
	// Paper is the page size: "a4" (default) or "letter".
	Paper string
	// Generated is the date printed on the report and stored in its
	// properties; the zero time means now. Tests fix it for byte-identical output.
	Generated time.Time
	// Warn, when set, receives one message per name with characters the
	// report cannot print (Warnings), before the report is written, so the
	// command line and the window can tell the user which ones.
	Warn func(message string)
}

// Write writes the plan report for leadership as a PDF: an executive
// summary (headline figures against their targets, the budget across the
// 4Ps, three sentences on what matters), then the contribution bridge, the
// monthly contribution and payback, a response curve per promotion channel,
// the optimiser's recommended budget next to the current one, the tables of
// products, places and promotions, and the scenarios side by side.
//
// Figures come from planner.Evaluate and are formatted in the plan's locale
// and currency. With opt.Generated set, the same plan gives the same bytes.
// The plan must be valid; an unknown scenario or paper size is an error.
func Write(w io.Writer, p *planner.Plan, opt Options) error {
	d, err := render(p, opt)
	if err != nil {
		return err
	}
	return d.pdf.Output(w)
}

// render draws the whole report into a document that is ready for Output.
// The tests use it to inspect what was drawn.
func render(p *planner.Plan, opt Options) (*doc, error) {
	if p == nil {
		return nil, errors.New("no plan to report")
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	pp, err := paperFor(opt.Paper)
	if err != nil {
		return nil, err
	}
	data, err := gather(p, opt)
	if err != nil {
		return nil, err
	}
	if opt.Warn != nil {
		for _, w := range Warnings(p) {
			opt.Warn(w)
		}
	}
	d := newDoc(pp)
	d.addFonts()
	d.properties(data)

	d.summaryPage(data)
	d.standingPage(data)
	d.riskPage(data)
	d.profitPage(data)
	d.calendarPages(data)
	d.curvesPages(data)
	d.reallocationPages(data)
	d.whenPage(data)
	d.frontierPage(data)
	d.productsPages(data)
	d.placesPages(data)
	d.promotionsPages(data)
	d.scenariosPages(data)
	d.frame(data)

	if err := d.pdf.Error(); err != nil {
		return nil, err
	}
	return d, nil
}

// properties fills the document's title, author, subject and dates. The
// dates are the generation date, so a fixed date gives identical bytes.
func (d *doc) properties(data *reportData) {
	pdf := d.pdf
	pdf.SetTitle(clean(data.plan.Name+" — plan report"), true)
	pdf.SetAuthor(clean(data.plan.Company), true)
	pdf.SetSubject(clean("Marketing-mix plan report, scenario "+scenarioName(data.scenario)), true)
	pdf.SetKeywords("marketing mix, 4P, budget, contribution, ROMI, Mixplan", true)
	pdf.SetCreator("Mixplan", true)
	pdf.SetProducer("Mixplan (gofpdf)", true)
	pdf.SetCreationDate(data.generated)
	pdf.SetModificationDate(data.generated)
	pdf.SetCatalogSort(true)
	pdf.SetDisplayMode("fullpage", "single")
}
