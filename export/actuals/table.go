package actuals

import (
	"math"
	"sort"
	"strings"
)

// Table is a file of actuals summed by name and calendar month.
type Table struct {
	File    string   // the file's name, for problems
	Kind    Kind     // whether the names are channels or products
	Fields  []Field  // the figures the file carries, in column order
	Columns []string // the file's names of those columns, in the same order
	Ignored []string // columns the import does not read
	Rows    int      // data rows read (totals and blank lines aside)
	Entries []Entry  // by name, then month
}

// Entry is one name's figures in one calendar month: the sum of its rows.
type Entry struct {
	Name   string
	Month  Month
	Values [numFields]float64
	Lines  Lines
}

// Value is the entry's figure f.
func (e Entry) Value(f Field) float64 { return e.Values[f] }

// Months returns the first and last month the table has rows for.
func (t *Table) Months() (first, last Month) {
	for i, e := range t.Entries {
		if i == 0 || e.Month.index() < first.index() {
			first = e.Month
		}
		if i == 0 || e.Month.index() > last.index() {
			last = e.Month
		}
	}
	return first, last
}

// Names returns the table's distinct names in order.
func (t *Table) Names() []string {
	var names []string
	for i, e := range t.Entries {
		if i == 0 || e.Name != t.Entries[i-1].Name {
			names = append(names, e.Name)
		}
	}
	return names
}

// layout is what the header row says: where the date, the name and each
// figure are.
type layout struct {
	header   int // index of the header row in rows
	date     int
	name     int
	nameRole role
	figures  []int // column of each figure, -1 when absent
	headings []string
	ignored  []string
	french   bool
	dups     [][3]string // field, first column, second column
}

// findHeader finds the header row: the first of the first rows that names
// a date, a name and at least one figure. Report titles and date ranges
// above it are skipped.
func findHeader(rows []row) (layout, bool) {
	for i := 0; i < len(rows) && i < headerSearchRows; i++ {
		l := layout{header: i, date: -1, name: -1, figures: make([]int, numFields)}
		for f := range l.figures {
			l.figures[f] = -1
		}
		rank := make([]int, numFields)
		nFigures := 0
		for c, cell := range rows[i].cells {
			h, ok := lookupHeading(cell)
			if frenchHeading(cell) {
				l.french = true
			}
			switch {
			case !ok:
				if strings.TrimSpace(cell) != "" {
					l.ignored = append(l.ignored, strings.TrimSpace(cell))
				}
			case (h.role == roleDay || h.role == roleMonth) && l.date < 0:
				l.date = c
			case h.role == roleChannelName || h.role == roleProductName || h.role == roleAnyName:
				if l.name < 0 || h.role != roleAnyName && l.nameRole == roleAnyName {
					l.name, l.nameRole = c, h.role
				}
			case h.role == roleFigure:
				switch prev := l.figures[h.field]; {
				case prev < 0:
					l.figures[h.field], rank[h.field] = c, h.rank
					nFigures++
				case h.rank < rank[h.field]:
					l.ignored = append(l.ignored, strings.TrimSpace(rows[i].cells[prev]))
					l.figures[h.field], rank[h.field] = c, h.rank
				case h.rank > rank[h.field]:
					l.ignored = append(l.ignored, strings.TrimSpace(cell))
				default:
					l.dups = append(l.dups, [3]string{h.field.String(), rows[i].cells[prev], cell})
				}
			default:
				l.ignored = append(l.ignored, strings.TrimSpace(cell))
			}
		}
		if l.date >= 0 && l.name >= 0 && nFigures > 0 {
			l.headings = rows[i].cells
			return l, true
		}
	}
	return layout{}, false
}

// isTotal reports whether a row is a report's total or subtotal line
// ("Total: Account", "Total général"), which the import skips.
func isTotal(r row, l layout) bool {
	for _, c := range []int{l.date, l.name, 0} {
		s := strings.TrimSpace(r.cell(c))
		if s == "" || !strings.ContainsRune("tTsSgG", rune(s[0])) {
			continue // most rows: no need to normalise
		}
		n := normalize(s)
		if strings.HasPrefix(n, "total") || strings.HasPrefix(n, "soustotal") || strings.HasPrefix(n, "grandtotal") {
			return true
		}
	}
	return false
}

// blank reports whether every cell of a row is empty.
func blank(r row) bool {
	for _, c := range r.cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// buildTable reads the rows under the header into a Table: it finds the
// file's number and date conventions, then sums each name's rows by month.
func buildTable(rows []row, raw bool, name string, ps *problems) *Table {
	l, ok := findHeader(rows)
	if !ok {
		ps.add(nil, CodeNoHeader, nil, "no row names the columns: a date (Day, Date, Month, Jour, Mois), a name (Campaign, Channel, Product, Campagne, Produit) and figures (Cost, Impressions, Clicks, Conversions, Units, Revenue, Coût, Clics, Unités, CA)")
		return nil
	}
	t := &Table{File: name}
	var channel, product []string
	for f := Field(0); f < numFields; f++ {
		if c := l.figures[f]; c >= 0 {
			t.Fields = append(t.Fields, f)
			t.Columns = append(t.Columns, strings.TrimSpace(l.headings[c]))
			if f.ForProducts() {
				product = append(product, strings.TrimSpace(l.headings[c]))
			} else {
				channel = append(channel, strings.TrimSpace(l.headings[c]))
			}
		}
	}
	sortFieldsByColumn(t, l)
	t.Ignored = l.ignored
	header := Lines(nil).add(rows[l.header].line)
	for _, d := range l.dups {
		ps.add(header, CodeDuplicateCol, map[string]any{"Field": d[0], "First": d[1], "Second": d[2]},
			"columns %q and %q both give %s: keep one", d[1], d[2], d[0])
	}
	switch {
	case len(channel) > 0 && len(product) > 0:
		ps.add(header, CodeMixedKinds, map[string]any{"Channel": strings.Join(channel, ", "), "Product": strings.Join(product, ", ")},
			"the file has channel figures (%s) and product figures (%s): import them from two files", strings.Join(channel, ", "), strings.Join(product, ", "))
	case len(product) > 0 || l.nameRole == roleProductName:
		t.Kind = Products
	}
	if l.nameRole == roleProductName && len(channel) > 0 && len(product) == 0 {
		t.Kind = Channels // a "Product" column with spend figures: the figures decide
	}
	data := dataRows(rows[l.header+1:], l)
	mark := findMark(data, l, raw, ps)
	order := findOrder(data, l, ps)
	if len(ps.list) > 0 {
		return nil
	}
	index := map[nameMonth]int{}
	for _, r := range data {
		lines := Lines(nil).add(r.line)
		dateCell, nameCell := strings.TrimSpace(r.cell(l.date)), strings.TrimSpace(r.cell(l.name))
		if dateCell == "" {
			ps.add(lines, CodeNoDate, nil, "the row has no date")
			continue
		}
		if nameCell == "" {
			ps.add(lines, CodeNoName, nil, "the row has no %s name", t.Kind)
			continue
		}
		m, ok := parseDate(dateCell, order, raw)
		if !ok {
			ps.add(lines, CodeBadDate, map[string]any{"Value": dateCell},
				"%q is not a date (write 2027-01-31, 31/01/2027 or January 2027)", dateCell)
			continue
		}
		var values [numFields]float64
		good := true
		for _, f := range t.Fields {
			c := l.figures[f]
			v, ok := readNumber(r.cell(c), mark, raw)
			if !ok {
				ps.add(lines, CodeBadNumber, map[string]any{"Column": strings.TrimSpace(l.headings[c]), "Value": r.cell(c)},
					"%s: %q is not a number", strings.TrimSpace(l.headings[c]), r.cell(c))
				good = false
			}
			values[f] = v
		}
		if !good {
			continue
		}
		t.Rows++
		key := nameMonth{nameCell, m}
		i, seen := index[key]
		if !seen {
			i = len(t.Entries)
			index[key] = i
			t.Entries = append(t.Entries, Entry{Name: nameCell, Month: m})
		}
		e := &t.Entries[i]
		for _, f := range t.Fields {
			e.Values[f] += values[f]
		}
		e.Lines = e.Lines.add(r.line)
	}
	sort.Slice(t.Entries, func(i, j int) bool {
		a, b := t.Entries[i], t.Entries[j]
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Month.index() < b.Month.index()
	})
	for i := range t.Entries {
		e := &t.Entries[i]
		for _, f := range t.Fields {
			e.Values[f] = roundNoise(e.Values[f])
			if e.Values[f] < 0 {
				ps.add(e.Lines, CodeNegative, map[string]any{"Name": e.Name, "Field": f.String(), "Month": e.Month.String(), "Value": e.Values[f]},
					"%s: %s of %s adds up to %v, below 0", e.Name, f, e.Month, e.Values[f])
			}
		}
	}
	return t
}

type nameMonth struct {
	name  string
	month Month
}

// sortFieldsByColumn orders the table's figures as the file's columns are.
func sortFieldsByColumn(t *Table, l layout) {
	idx := make([]int, len(t.Fields))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return l.figures[t.Fields[idx[a]]] < l.figures[t.Fields[idx[b]]] })
	fields, cols := make([]Field, len(idx)), make([]string, len(idx))
	for i, k := range idx {
		fields[i], cols[i] = t.Fields[k], t.Columns[k]
	}
	t.Fields, t.Columns = fields, cols
}

// dataRows are the rows under the header that hold figures: blank lines
// and totals aside.
func dataRows(rows []row, l layout) []row {
	out := make([]row, 0, len(rows))
	for _, r := range rows {
		if !blank(r) && !isTotal(r, l) {
			out = append(out, r)
		}
	}
	return out
}

// readNumber reads a figure cell: a workbook's numeric cell exactly, text
// in the file's convention. Blank is 0.
func readNumber(s string, mark decimalMark, raw bool) (float64, bool) {
	if raw {
		if v, ok := parseRawNumber(s); ok {
			return v, true
		}
	}
	v, _, ok := parseNumber(s, mark)
	return v, ok
}

// findMark decides the file's decimal mark from the figures that prove
// one; a file whose figures prove both is refused, one whose figures prove
// neither follows its column names (French: comma).
func findMark(data []row, l layout, raw bool, ps *problems) decimalMark {
	var found decimalMark
	var foundAt row
	var foundCell string
	for _, r := range data {
		for _, c := range l.figures {
			if c < 0 {
				continue
			}
			s := r.cell(c)
			if raw {
				if _, ok := parseRawNumber(s); ok {
					continue
				}
			}
			d, _, _ := cleanNumber(s)
			m := markEvidence(d)
			switch {
			case m == markUnknown:
			case found == markUnknown:
				found, foundAt, foundCell = m, r, s
			case m != found:
				ps.add(Lines(nil).add(foundAt.line).add(r.line), CodeMixedNumbers, map[string]any{"Value": foundCell, "Other": s},
					"numbers are written two ways (%q and %q): export the file with one number format", foundCell, s)
				return found
			}
		}
	}
	if found == markUnknown && l.french {
		return markComma
	}
	return found
}

// findOrder decides whether numeric dates put the day or the month first,
// from the dates that prove it; French column names mean day first.
func findOrder(data []row, l layout, ps *problems) dayOrder {
	order := orderUnknown
	var ambiguous *row
	for i, r := range data {
		s := r.cell(l.date)
		switch e := orderEvidence(s); {
		case e == orderUnknown:
			if ambiguous == nil && ambiguousDate(s) {
				ambiguous = &data[i]
			}
		case order == orderUnknown:
			order = e
		case e != order:
			ps.add(Lines(nil).add(r.line), CodeAmbiguousDay, map[string]any{"Value": s},
				"dates are written day first and month first in the same file (%q): export them as 2027-01-31", s)
			return order
		}
	}
	if order == orderUnknown && l.french {
		order = orderDayFirst
	}
	if order == orderUnknown && ambiguous != nil {
		s := ambiguous.cell(l.date)
		ps.add(Lines(nil).add(ambiguous.line), CodeAmbiguousDay, map[string]any{"Value": s},
			"%q could be day/month or month/day and no date of the file tells which: export dates as 2027-01-31", s)
	}
	return order
}

// roundNoise rounds a sum to a millionth, far below any amount's or
// count's precision, so that the noise of adding decimals in binary
// (6638.750000000002) does not reach the plan file.
func roundNoise(v float64) float64 {
	if math.Abs(v) >= 1e9 {
		return v
	}
	return math.Round(v*1e6) / 1e6
}
