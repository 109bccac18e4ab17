package actuals

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Workbook budgets: what the zip may unpack to, and what excelize keeps in
// memory before it spills a sheet to a temporary file.
const (
	maxUnpackedBytes = 512 << 20
	xlsxInMemory     = 16 << 20
	headerSearchRows = 30
)

// readXLSX reads the rows of the first sheet that has a table of actuals
// (a header row within its first rows), with raw cell values: numbers
// plain, dates as serial numbers.
func readXLSX(data []byte, lim Limits, ps *problems) []row {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: maxUnpackedBytes, UnzipXMLSizeLimit: xlsxInMemory})
	if err != nil {
		badFile(ps, 0, "the workbook cannot be read: "+err.Error())
		return nil
	}
	defer f.Close()
	sheets := f.GetSheetList()
	for i, sheet := range sheets {
		rows, err := sheetRows(f, sheet, lim)
		if err != nil {
			badFile(ps, 0, fmt.Sprintf("sheet %q cannot be read: %v", sheet, err))
			return nil
		}
		if rows == nil {
			tooManyRows(ps, lim)
			return nil
		}
		if _, ok := findHeader(rows); ok || i == len(sheets)-1 {
			return rows
		}
	}
	return nil
}

// sheetRows reads a sheet's rows, numbered as the workbook shows them; nil
// with no error when the sheet has more rows than lim allows.
func sheetRows(f *excelize.File, sheet string, lim Limits) ([]row, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	rows := []row{}
	n := 0
	for it.Next() {
		n++
		cells, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		if len(cells) == 0 {
			continue
		}
		if len(rows) >= lim.MaxRows {
			return nil, nil
		}
		if len(cells) > lim.MaxColumns {
			cells = cells[:lim.MaxColumns]
		}
		rows = append(rows, row{line: n, cells: cells})
	}
	return rows, it.Error()
}
