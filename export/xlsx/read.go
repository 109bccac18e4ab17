package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"mixplan/planner"
)

// Limits on the workbooks Read opens. A Mixplan workbook of the largest
// plan the contract allows stays well inside them; a zip bomb does not get
// past the zip's directory, and what is unpacked is bounded: worksheets
// larger than xlsxInMemory go to temporary files and are read as streams.
const (
	maxWorkbookBytes = 256 << 20 // the .xlsx file
	maxUnpackedBytes = 2 << 30   // everything it unpacks to
	maxPartBytes     = 64 << 20  // any part other than a worksheet, held in memory
	maxParts         = 4096
	xlsxInMemory     = 16 << 20
)

// Read reads a workbook written by Write, possibly edited, back into
// a plan. It reads the input cells (the formulas are ignored), applies the
// plan file's defaults to empty optional cells and checks every rule of the
// plan: a workbook that breaks any is refused with a *WorkbookError listing
// every problem with its cell ("Products!D7: must be greater than 0, not
// -3"). A file that is not a workbook, is damaged, or would unpack to more
// than a Mixplan workbook can be is refused with an error wrapping
// ErrNotWorkbook or ErrWorkbookTooLarge; an Excel workbook made by something
// else with ErrNotMixplanWorkbook.
func Read(r io.ReaderAt, size int64) (p *planner.Plan, err error) {
	defer func() {
		// excelize parses untrusted XML; whatever it trips on, the
		// answer is a refusal, not a crash.
		if v := recover(); v != nil {
			p, err = nil, panicError{v}
		}
	}()
	if size > maxWorkbookBytes {
		return nil, fmt.Errorf("%w: the file is %s, more than the %s a Mixplan workbook can be", ErrWorkbookTooLarge, mib(size), mib(maxWorkbookBytes))
	}
	if err := checkPackage(r, size); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{
		UnzipSizeLimit: maxUnpackedBytes, UnzipXMLSizeLimit: xlsxInMemory,
	})
	if err != nil {
		return nil, fmt.Errorf("%w: the workbook is damaged (%v)", ErrNotWorkbook, err)
	}
	defer f.Close()
	rd, err := openBook(f)
	if err != nil {
		return nil, err
	}
	return rd.plan()
}

// panicError is a workbook excelize could not parse without panicking.
type panicError struct{ value any }

func (e panicError) Error() string {
	return fmt.Sprintf("%v: the workbook is damaged (%v)", ErrNotWorkbook, e.value)
}

func (e panicError) Unwrap() error { return ErrNotWorkbook }

// ReadFile reads a workbook file with Read.
func ReadFile(path string) (*planner.Plan, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a workbook", path)
	}
	return Read(f, info.Size())
}

func mib(n int64) string {
	if n < 1<<20 {
		return strconv.FormatInt(n, 10) + " bytes"
	}
	return strconv.FormatInt(n>>20, 10) + " MiB"
}

// checkPackage looks at the zip's directory before anything is unpacked.
func checkPackage(r io.ReaderAt, size int64) error {
	head := make([]byte, 8)
	if n, _ := r.ReadAt(head, 0); n < 4 {
		return fmt.Errorf("%w: the file is empty or too short", ErrNotWorkbook)
	}
	if bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return fmt.Errorf("%w: this is a password-protected workbook or an old .xls file; save it as an .xlsx workbook without a password", ErrNotWorkbook)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return fmt.Errorf("%w: the file is damaged or of another kind (%v)", ErrNotWorkbook, err)
	}
	if len(zr.File) > maxParts {
		return fmt.Errorf("%w: the file holds %d parts, more than a Mixplan workbook", ErrWorkbookTooLarge, len(zr.File))
	}
	var total uint64
	hasWorkbook := false
	for _, zf := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(zf.Name, `\`, "/"))
		total += zf.UncompressedSize64
		if total > maxUnpackedBytes {
			return fmt.Errorf("%w: it would unpack to more than %s (a zip bomb?)", ErrWorkbookTooLarge, mib(maxUnpackedBytes))
		}
		worksheet := strings.HasPrefix(name, "xl/worksheets/sheet")
		if !worksheet && zf.UncompressedSize64 > maxPartBytes {
			return fmt.Errorf("%w: its part %s would unpack to %s, more than the %s a Mixplan workbook needs", ErrWorkbookTooLarge,
				zf.Name, mib(int64(zf.UncompressedSize64)), mib(maxPartBytes))
		}
		hasWorkbook = hasWorkbook || name == "xl/workbook.xml"
	}
	if !hasWorkbook {
		return fmt.Errorf("%w: the file is a zip archive but not a workbook", ErrNotWorkbook)
	}
	return nil
}

// bookReader reads one Mixplan workbook.
type bookReader struct {
	f     *excelize.File
	scan  *scanner // nil when a part is not in memory: excelize reads then
	lay   layout
	exact map[cellKey]exactEntry // inputs a cell cannot hold to the last digit
}

func openBook(f *excelize.File) (*bookReader, error) {
	notOurs := fmt.Errorf("%w: it has no %q sheet; export the plan from Mixplan to get a workbook it can read back", ErrNotMixplanWorkbook, sheetData)
	if idx, err := f.GetSheetIndex(sheetData); err != nil || idx < 0 {
		return nil, notOurs
	}
	rd := &bookReader{f: f, exact: map[cellKey]exactEntry{}}
	scan, err := newScanner(f)
	if err == nil {
		rd.scan = scan
	} else if err != errNotInMemory {
		return nil, err
	}
	rows, err := rd.rows(sheetData, func(row int) int { return 3 })
	if err != nil {
		return nil, err
	}
	if cellAt(rows, 1, 1) != dataMarker {
		return nil, notOurs
	}
	version, err := strconv.Atoi(cellAt(rows, 1, 2))
	if err != nil || version < 1 {
		return nil, fmt.Errorf("%w: its %q sheet is damaged", ErrNotMixplanWorkbook, sheetData)
	}
	if version > dataVersion {
		return nil, fmt.Errorf("%w: it was made by a newer version of Mixplan (workbook version %d); update Mixplan to read it", ErrNotMixplanWorkbook, version)
	}
	limits := []int{planner.MaxProducts, planner.MaxPlaces, planner.MaxPromotions, planner.MaxScenarios, planner.MaxMonths}
	counts := []*int{&rd.lay.products, &rd.lay.places, &rd.lay.promotions, &rd.lay.scenarios, &rd.lay.months}
	for i, name := range dataCounts {
		n, err := strconv.Atoi(cellAt(rows, dataCountsRow+i, 2))
		if cellAt(rows, dataCountsRow+i, 1) != name || err != nil || n < 0 || n > limits[i] || name == "months" && n < 1 {
			return nil, fmt.Errorf("%w: its %q sheet is damaged (%s)", ErrNotMixplanWorkbook, sheetData, name)
		}
		*counts[i] = n
	}
	for row, cells := range rows {
		if row > dataExactHead && len(cells) > 0 {
			unpackExact(cells[0], rd.exact)
		}
	}
	for _, name := range []string{sheetSummary, sheetProducts, sheetPlaces, sheetPromotion, sheetMonths, sheetScenarios} {
		if idx, err := f.GetSheetIndex(name); err != nil || idx < 0 {
			return nil, fmt.Errorf("%w: its %q sheet is missing", ErrNotMixplanWorkbook, name)
		}
	}
	return rd, nil
}

// rows reads a sheet's cells with the lean scanner when it can, else with
// excelize's row iterator.
func (rd *bookReader) rows(sheet string, width func(row int) int) (map[int][]string, error) {
	if rd.scan != nil {
		rows, err := rd.scan.rows(sheet, width)
		if err != errNotInMemory {
			return rows, err
		}
	}
	return readRows(rd.f, sheet, width)
}

// readRows streams a sheet and keeps, of each row, the first width(row)
// cells (none when 0), as raw values: numbers as stored, not as displayed.
// Streaming keeps memory to one row however large the sheet.
func readRows(f *excelize.File, sheet string, width func(row int) int) (map[int][]string, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("%w: the %q sheet is damaged (%v)", ErrNotWorkbook, sheet, err)
	}
	defer it.Close()
	out := map[int][]string{}
	for row := 1; it.Next(); row++ {
		w := width(row)
		if w < 0 {
			break // no row needed beyond this one
		}
		if w == 0 {
			continue
		}
		cells, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("%w: the %q sheet is damaged (%v)", ErrNotWorkbook, sheet, err)
		}
		if len(cells) > w {
			cells = cells[:w]
		}
		out[row] = cells
	}
	if err := it.Error(); err != nil {
		return nil, fmt.Errorf("%w: the %q sheet is damaged (%v)", ErrNotWorkbook, sheet, err)
	}
	return out, nil
}

// cellAt is the raw value at (row, col), "" when empty.
func cellAt(rows map[int][]string, row, col int) string {
	cells := rows[row]
	if col < 1 || col > len(cells) {
		return ""
	}
	return cells[col-1]
}
