package pdf

import (
	"fmt"
	"strings"

	"mixplan/planner"
)

// Pages: every page opens with a section label and an action title, the one
// sentence a reader should take from it; the header and footer go on last,
// when the page count is known.

// section starts a page of a new section, bookmarks it, and returns the y
// where its content starts.
func (d *doc) section(name, title string) float64 {
	d.pdf.AddPage()
	d.font("B", ptKicker)
	d.pdf.Bookmark(name, 0, d.top)
	y := d.kicker(name)
	if title == "" {
		return y + 1
	}
	d.font("B", ptAction)
	d.ink(colNavy)
	y += d.paragraph(d.left, y, d.width(), title, alignLeft, 2)
	return y + 3.5
}

// continued starts a page that carries on a section's table.
func (d *doc) continued(name string) float64 {
	d.pdf.AddPage()
	return d.kicker(name+" (continued)") + 1
}

// continuedWith starts a continuation page with a caption that says which
// table carries on.
func (d *doc) continuedWith(name, caption string) float64 {
	y := d.continued(name)
	d.font("B", ptBody+0.5)
	d.ink(colInk)
	return y + d.paragraph(d.left, y, d.width(), caption, alignLeft, 1) + 1.5
}

// kicker draws the small section label at the top of the content box.
func (d *doc) kicker(name string) float64 {
	d.font("B", ptKicker)
	d.ink(colAccent)
	d.text(d.left, d.top, 0, strings.ToUpper(name), alignLeft)
	return d.top + d.lineH() + 0.8
}

// frame draws the header and footer of every page: the plan and company on
// the left, the scenario on the right; the generation date and "Page X of Y"
// below. It runs after the last page so Y is known and the page number can
// be right-aligned exactly.
func (d *doc) frame(data *reportData) {
	n := d.pdf.PageCount()
	left := data.plan.Name
	if data.plan.Company != "" {
		left += " · " + data.plan.Company
	}
	right := "Scenario: " + scenarioName(data.scenario) + " · " + data.plan.Currency + ", excluding VAT"
	footLeft := "Generated " + longDate(data.generated) + " with Mixplan"
	headTop := frameInset - 3
	footTop := d.paper.h - frameInset - 1.2
	for i := 1; i <= n; i++ {
		d.pdf.SetPage(i)
		// The page's content stream may have ended in any font: select one
		// explicitly, since gofpdf skips a SetFont equal to its last call.
		d.font("I", ptFrame+0.5)
		d.font("", ptFrame)
		rw := d.measure(right)
		d.font("B", ptFrame)
		d.ink(colNavy)
		d.textLine(d.left, headTop, 0, d.fit(left, d.width()-rw-10), alignLeft, true)
		d.font("", ptFrame)
		d.ink(colMuted)
		d.textLine(d.left, headTop, d.width(), right, alignRight, true)
		d.line(d.left, headTop+d.lineH()+0.8, d.right, headTop+d.lineH()+0.8, 0.25, colRule)

		d.line(d.left, footTop-1.2, d.right, footTop-1.2, 0.25, colRule)
		d.textLine(d.left, footTop, 0, footLeft, alignLeft, true)
		d.font("B", ptFrame)
		d.ink(colNavy)
		d.textLine(d.left, footTop, d.width(), fmt.Sprintf("Page %d of %d", i, n), alignRight, true)
	}
	d.pdf.SetPage(n)
}

// scenarioName is how the report names a scenario.
func scenarioName(sc planner.Scenario) string {
	if sc.Name != "" {
		return sc.Name
	}
	return sc.ID
}
