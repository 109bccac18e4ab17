package xlsx

import "fmt"

// Rows typed under a table (a new product added below the last one) are
// not imported: the workbook's formulas and the hidden data sheet know
// nothing of them, and Mixplan cannot tell which of their fields were left
// out on purpose. Until they are imported, they are refused, each named,
// rather than dropped in silence.

// rowsBelowChecked is how many rows under each table are looked at, up to
// the first empty one: what comes after a gap (the Scenarios sheet's
// second table) is not a row added to the table.
const rowsBelowChecked = 50

// belowWidth is how many cells of a row under a table are read: its id and
// its name, which a new entry has.
const belowWidth = 2

// checkRowsBelow notes a problem for every row right under a table, up to
// the first empty one, that holds an id or a name.
func (pr *planReader) checkRowsBelow() {
	l := pr.lay
	for _, t := range []struct {
		sheet, what string
		first, n    int
	}{
		{sheetProducts, "product", firstRow, l.products},
		{sheetPlaces, "place", firstRow, l.places},
		{sheetPromotion, "promotion channel", pmFirstRow, l.promotions},
		{sheetScenarios, "scenario", scBaseRow + 1, l.scenarios},
	} {
		rows := pr.sheets[t.sheet]
		for row := t.first + t.n; row < t.first+t.n+rowsBelowChecked; row++ {
			id, name := cellAt(rows, row, 1), cellAt(rows, row, 2)
			if id == "" && name == "" {
				break // the table, and what was typed onto it, ends here
			}
			label := name
			if label == "" {
				label = id
			}
			pr.problem(cell{sheet: t.sheet, col: 1, row: row}, "%s",
				fmt.Sprintf("row %d, under the table, is not imported (%q): add the %s in Mixplan and export again, or delete the row", row, label, t.what))
		}
	}
}
