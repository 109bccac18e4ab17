// Package xlsx writes a plan as an Excel workbook with live formulas and
// native charts (Write), and reads such a workbook, maybe edited, back into
// a plan (Read, ReadFile), the way encoding/csv reads and writes its format.
//
// The workbook is a working model of the plan: inputs are plain cells on a
// yellow fill, every figure is a formula over them following docs/model.md,
// with the engine's value cached so previewers show the right numbers. Write
// takes an io.Writer: the command line hands it a file, the window a file
// chosen in a dialog, the tests a buffer. The figures come from the planner
// package, so a workbook always agrees with the engine. Read refuses a
// workbook that breaks the plan's rules with a *WorkbookError listing every
// problem with its cell, and anything that is not a Mixplan workbook (or is
// too large to be one) with ErrNotWorkbook, ErrNotMixplanWorkbook or
// ErrWorkbookTooLarge.
package xlsx

import (
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// Options choose what a workbook shows.
type Options struct {
	// Scenario is the scenario shown first ("" or "base" for the plan as written).
	Scenario string
	// Generated is the date stored in the document properties; the zero
	// time means now. Tests fix it for byte-identical output.
	Generated time.Time
}

// Write writes the plan as an Excel workbook that works as a model of
// the plan: the inputs are plain cells styled as inputs, every figure is a
// formula over them following docs/model.md, with the engine's values stored
// as the formulas' cached results. The workbook has a Summary (every total,
// the targets, the plan's settings, the scenario shown and two charts),
// Products, Places (with the share matrix), Promotion (with the split
// matrix, carryover and monthly caps), Groups (channel groups and their
// bounds), Months (monthly figures, the flighting, seasonality and
// responsiveness weights, and each channel's month-by-month response:
// spend, pressure with carryover, extra units), Actuals (what happened in
// the closed months, typed in), Variance (plan against actuals to date and
// the latest estimate for the year, with formulas), Scenarios (key totals of
// the base plan and of every scenario side by side), Risk (uncertainty
// ranges as inputs, the engine's tornado as values) and a sheet explaining
// how it works. Every key of the report's totals is a defined name
// (netRevenue, contribution…), and monthlyContribution names the monthly
// contribution row. opt.Scenario chooses the scenario shown first; the
// reader can switch it on the Summary; the Variance sheet compares the
// actuals with the plan under the scenario shown. Two exports of one plan
// with the same opt.Generated are the same bytes. Read reads the workbook
// back, every version-2 field included (a group's channels in the plan's
// order of channels).
func Write(w io.Writer, p *planner.Plan, opt Options) error {
	return writeWorkbook(w, p, opt, true)
}

// writeWorkbook writes the workbook; without cache the formulas carry no
// cached values, which the tests use to make LibreOffice compute every one.
func writeWorkbook(w io.Writer, p *planner.Plan, opt Options, cache bool) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if err := p.CheckScenario(opt.Scenario); err != nil {
		return err
	}
	if err := checkCellTexts(p); err != nil {
		return err
	}
	b, err := newBook(p, opt, cache)
	if err != nil {
		return err
	}
	defer b.f.Close()
	for _, write := range []func() error{
		b.writeSummary, b.writeProducts, b.writePlaces, b.writePromotion, b.writeGroups,
		b.writeMonths, b.writeActuals, b.writeVariance, b.writeScenarios, b.writeRisk, b.writeHelp, b.writeData, b.finish,
	} {
		if err := write(); err != nil {
			return err
		}
	}
	if b.st.err != nil {
		return b.st.err
	}
	sortContentTypes(b.f)
	_, err = b.f.WriteTo(w)
	return err
}

// sortContentTypes puts the workbook's default content types in the order of
// their extensions: excelize adds the image types from a map, in a random
// order, and two exports of one plan would differ in those bytes.
func sortContentTypes(f *excelize.File) {
	if f.ContentTypes == nil {
		return
	}
	defaults := f.ContentTypes.Defaults
	sort.SliceStable(defaults, func(i, j int) bool { return defaults[i].Extension < defaults[j].Extension })
}

// flateWriters are reused: each holds a megabyte of tables.
var flateWriters sync.Pool

// fastDeflate compresses a part at flate's best speed.
func fastDeflate(out io.Writer) (io.WriteCloser, error) {
	if fw, ok := flateWriters.Get().(*flate.Writer); ok {
		fw.Reset(out)
		return pooledFlate{fw}, nil
	}
	fw, err := flate.NewWriter(out, flate.BestSpeed)
	return pooledFlate{fw}, err
}

// pooledFlate returns its writer to the pool once closed.
type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flateWriters.Put(p.Writer)
	return err
}

// book is one workbook being written.
type book struct {
	p     *planner.Plan
	opt   Options
	cache bool
	f     *excelize.File
	st    *styles
	lay   layout
	fg    *bookFigures      // the scenario shown
	scen  []scenarioFigures // base, then every scenario
	shown int               // the scenario shown's index in scen
	exact []exactValue      // inputs a cell cannot hold to the last digit
}

func newBook(p *planner.Plan, opt Options, cache bool) (*book, error) {
	scen, err := allScenarios(p)
	if err != nil {
		return nil, err
	}
	// writeWorkbook made sure the scenario shown exists.
	sc, _ := p.ScenarioByID(opt.Scenario)
	shown := slices.IndexFunc(scen, func(sf scenarioFigures) bool { return sf.sc.ID == sc.ID })
	f := excelize.NewFile()
	// Deflate at its fastest: half the export of a large plan went into
	// compressing tens of megabytes of sheet XML; the file grows a little.
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newSortedZip(w) })
	b := &book{
		p: p, opt: opt, cache: cache, f: f, fg: newFigures(scen[shown]), scen: scen, shown: shown,
		st: newStyles(f, numfmt.Locale(p.Locale), p.Currency),
		lay: layout{products: len(p.Products), places: len(p.Places), promotions: len(p.Promotions),
			scenarios: len(p.Scenarios), months: p.Months, groups: len(p.Groups), ranges: len(p.Ranges)},
	}
	if err := f.SetSheetName("Sheet1", sheetSummary); err != nil {
		return nil, err
	}
	for _, name := range []string{sheetProducts, sheetPlaces, sheetPromotion, sheetGroups, sheetMonths, sheetActuals, sheetVariance, sheetScenarios,
		sheetRisk, sheetHelp, sheetData} {
		if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
	}
	// Hidden before any sheet is streamed: hiding reads every sheet.
	if err := f.SetSheetVisible(sheetData, false, true); err != nil {
		return nil, err
	}
	if err := b.pageSetup(); err != nil {
		return nil, err
	}
	return b, nil
}

// pageSetup prints every sheet landscape, one page wide when its columns
// fit (a plan with hundreds of products has too many), and hides the
// gridlines of the Summary and the help, which read as documents. It runs
// before the sheets are streamed, which fixes their properties.
func (b *book) pageSetup() error {
	l := b.lay
	columns := map[string]int{
		sheetSummary: 10, sheetHelp: 3, sheetProducts: prLastCol, sheetPlaces: plShare + l.products,
		sheetPromotion: pmSplit + l.products, sheetMonths: moFirst + l.months, sheetScenarios: max(scTargetsMet, l.detailCol(l.scenarios)),
		sheetGroups: grMember + l.promotions, sheetActuals: acFirst + l.months, sheetVariance: max(vcLast, vaFirst+l.months), sheetRisk: tdSwing,
	}
	landscape, noGrid, one, any := "landscape", false, 1, 0
	for _, name := range []string{sheetSummary, sheetProducts, sheetPlaces, sheetPromotion, sheetGroups, sheetMonths, sheetActuals,
		sheetVariance, sheetScenarios, sheetRisk, sheetHelp} {
		layout := &excelize.PageLayoutOptions{Orientation: &landscape}
		if columns[name] <= 40 {
			fit := true
			if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
				return err
			}
			layout.FitToWidth, layout.FitToHeight = &one, &any
		}
		if name == sheetSummary || name == sheetHelp {
			if err := b.f.SetSheetView(name, 0, &excelize.ViewOptions{ShowGridLines: &noGrid}); err != nil {
				return err
			}
		}
		if err := b.f.SetPageLayout(name, layout); err != nil {
			return err
		}
	}
	return nil
}

// headerHeight is the height of a table's header row, in points: three lines.
const headerHeight = 45

// sheet streams one worksheet, row after row.
type sheet struct {
	b      *book
	name   string
	sw     *excelize.StreamWriter
	row    int     // the row being filled
	cells  []any   // its cells, index col-1
	height float64 // its height in points, 0 for the default
	err    error
}

// sheet starts streaming a worksheet: the widths of its first columns, the
// width of all the others (the matrices' columns: excelize keeps one entry
// per column set and scans them for every cell written, so thousands of
// explicit widths would cost seconds) and the cell the panes freeze at.
func (b *book) sheet(name string, widths map[int]float64, others float64, freeze string) (*sheet, error) {
	if others > 0 {
		if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{DefaultColWidth: &others}); err != nil {
			return nil, err
		}
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	s := &sheet{b: b, name: name, sw: sw, row: 1}
	// Columns must be listed in ascending order, or LibreOffice drops the
	// sheet's formats; excelize puts each new width first, so the runs of
	// equal widths go in from the right.
	cols := slices.Sorted(maps.Keys(widths))
	for end := len(cols); end > 0; {
		start := end - 1
		for start > 0 && cols[start-1] == cols[start]-1 && widths[cols[start-1]] == widths[cols[end-1]] {
			start--
		}
		if err := sw.SetColWidth(cols[start], cols[end-1], widths[cols[end-1]]); err != nil {
			return nil, err
		}
		end = start
	}
	if freeze != "" {
		col, row, err := excelize.CellNameToCoordinates(freeze)
		if err != nil {
			return nil, err
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: col - 1, YSplit: row - 1,
			TopLeftCell: freeze, ActivePane: "bottomRight",
			Selection: []excelize.Selection{{SQRef: freeze, ActiveCell: freeze, Pane: "bottomRight"}}}); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// at moves to a row; rows must come in ascending order.
func (s *sheet) at(row int) {
	if row == s.row {
		return
	}
	s.flushRow()
	s.row = row
}

func (s *sheet) flushRow() {
	if len(s.cells) == 0 || s.err != nil {
		s.cells = s.cells[:0]
		return
	}
	if s.height > 0 {
		s.err = s.sw.SetRow(cellName(1, s.row), s.cells, excelize.RowOpts{Height: s.height})
	} else {
		s.err = s.sw.SetRow(cellName(1, s.row), s.cells)
	}
	s.cells, s.height = s.cells[:0], 0
}

func (s *sheet) put(col int, c excelize.Cell) {
	for len(s.cells) < col {
		s.cells = append(s.cells, nil)
	}
	s.cells[col-1] = c
}

// label writes fixed text.
func (s *sheet) label(col int, r role, text string) {
	s.put(col, excelize.Cell{StyleID: s.b.st.id(r, nfNone), Value: text})
}

// inputText writes a text input of the plan; it stays text whatever it
// looks like (a name "=HYPERLINK(…)" or "+cmd" is never a formula).
func (s *sheet) inputText(col int, text string) {
	if !xmlSafe(text) {
		s.b.exact = append(s.b.exact, exactValue{cell: s.cellRef(col), text: &text})
	}
	s.put(col, excelize.Cell{StyleID: s.b.st.id(roleInput, nfText), Value: text})
}

// inputNum writes a number input of the plan.
func (s *sheet) inputNum(col int, nf numFormat, v float64) {
	if !fitsCell(v) {
		x := v
		s.b.exact = append(s.b.exact, exactValue{cell: s.cellRef(col), num: &x})
	}
	s.put(col, excelize.Cell{StyleID: s.b.st.id(roleInput, nf), Value: v})
}

// inputBlank writes an empty input cell (an unset target, no upper bound…).
func (s *sheet) inputBlank(col int, nf numFormat) {
	s.put(col, excelize.Cell{StyleID: s.b.st.id(roleInput, nf)})
}

// inputOpt writes an optional number input: a value, or an empty cell.
func (s *sheet) inputOpt(col int, nf numFormat, v *float64) {
	if v == nil {
		s.inputBlank(col, nf)
		return
	}
	s.inputNum(col, nf, *v)
}

// value writes a fixed number that is not an input (the base scenario's factors).
func (s *sheet) value(col int, r role, nf numFormat, v float64) {
	s.put(col, excelize.Cell{StyleID: s.b.st.id(r, nf), Value: v})
}

// formula writes a formula with its cached value: a float64, a string, a
// planner.Maybe or nil.
func (s *sheet) formula(col int, r role, nf numFormat, formula string, value any) {
	c := excelize.Cell{StyleID: s.b.st.id(r, nf), Formula: formula}
	if s.b.cache {
		if m, ok := value.(planner.Maybe); ok {
			value = cached(m)
		}
		if x, ok := value.(float64); ok && (math.IsNaN(x) || math.IsInf(x, 0)) {
			value = nil
		}
		c.Value = value
	}
	s.put(col, c)
}

func (s *sheet) cellRef(col int) string { return quoteSheet(s.name) + "!" + cellName(col, s.row) }

// close writes the last row and ends the stream; validations, conditional
// formats, charts and protection must be added before.
func (s *sheet) close() error {
	s.flushRow()
	if s.err != nil {
		return s.err
	}
	return s.sw.Flush()
}

// fitsCell reports whether a number survives a cell: excelize writes at
// most 15 significant digits, as Excel does.
func fitsCell(v float64) bool {
	back, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	return err == nil && back == v
}

// maxCellText is the most UTF-16 units an Excel cell holds.
const maxCellText = 32767

// checkCellTexts refuses plan texts longer than a cell holds, rather than
// letting them be cut.
func checkCellTexts(p *planner.Plan) error {
	check := func(path, s string) error {
		n := 0
		for _, r := range s {
			n++
			if r > 0xFFFF {
				n++
			}
		}
		if n > maxCellText {
			return fmt.Errorf("%s is %d characters long, more than the %d an Excel cell holds", path, n, maxCellText)
		}
		return nil
	}
	errs := []error{check("name", p.Name), check("company", p.Company)}
	for i, x := range p.Products {
		errs = append(errs, check(fmt.Sprintf("products[%d].name", i), x.Name))
	}
	for i, x := range p.Places {
		errs = append(errs, check(fmt.Sprintf("places[%d].name", i), x.Name))
	}
	for i, x := range p.Promotions {
		errs = append(errs, check(fmt.Sprintf("promotions[%d].name", i), x.Name), check(fmt.Sprintf("promotions[%d].kind", i), x.Kind))
	}
	for i, x := range p.Scenarios {
		errs = append(errs, check(fmt.Sprintf("scenarios[%d].name", i), x.Name))
	}
	return errors.Join(errs...)
}
