package actuals

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"unicode/utf16"
	"unicode/utf8"
)

// Limits bound what one file may cost to read. A zero field takes its default.
type Limits struct {
	MaxBytes    int64 // the file's size; default 64 MiB
	MaxRows     int   // rows of the table; default 1,000,000
	MaxColumns  int   // cells a row may have; default 256
	MaxProblems int   // problems listed before "and N more"; default 100
}

// Default limits: a year of daily rows for 1,000 channels fits (365,000
// rows), and a hostile file is stopped long before it costs a lot.
const (
	DefaultMaxBytes    = 64 << 20
	DefaultMaxRows     = 1_000_000
	DefaultMaxColumns  = 256
	DefaultMaxProblems = 100
)

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxRows <= 0 {
		l.MaxRows = DefaultMaxRows
	}
	if l.MaxColumns <= 0 {
		l.MaxColumns = DefaultMaxColumns
	}
	if l.MaxProblems <= 0 {
		l.MaxProblems = DefaultMaxProblems
	}
	return l
}

// ReadFile reads a CSV or xlsx file of actuals; problems name the file by
// its base name.
func ReadFile(path string, lim Limits) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, filepath.Base(path), lim)
}

// ReadFiles reads several files for one import (an ad-platform export for
// the funnel, a ledger for units and revenue), collecting the problems of
// them all into one *Error so that a person fixes every file at once. An
// error that is no import problem (a file that cannot be opened) stops at
// once and is returned as it is.
func ReadFiles(paths []string, lim Limits) ([]*Table, error) {
	var tables []*Table
	var all []Problem
	for _, p := range paths {
		t, err := ReadFile(p, lim)
		var ae *Error
		switch {
		case errors.As(err, &ae):
			all = append(all, ae.Problems...)
		case err != nil:
			return nil, err
		default:
			tables = append(tables, t)
		}
	}
	if len(all) > 0 {
		return nil, &Error{Problems: all}
	}
	return tables, nil
}

// Read reads a CSV or xlsx export (told apart by their first bytes, not by
// their names) into a Table. name is the file's name in problems. The
// file is refused whole, with every problem, or read whole.
func Read(r io.Reader, name string, lim Limits) (*Table, error) {
	lim = lim.withDefaults()
	ps := &problems{file: name, max: lim.MaxProblems}
	data, err := io.ReadAll(io.LimitReader(r, lim.MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > lim.MaxBytes {
		ps.add(nil, CodeTooLarge, map[string]any{"Limit": lim.MaxBytes},
			"the file is larger than %d MiB, the most an import may read", lim.MaxBytes>>20)
		return nil, ps.err()
	}
	var rows []row
	raw := false
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		rows, raw = readXLSX(data, lim, ps), true
	} else {
		text, ok := decodeText(data)
		if !ok {
			ps.add(nil, CodeNotText, nil, "the file is neither text (CSV) nor an Excel workbook (xlsx)")
			return nil, ps.err()
		}
		rows = readCSV(text, lim, ps)
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	t := buildTable(rows, raw, name, ps)
	if err := ps.err(); err != nil {
		return nil, err
	}
	return t, nil
}

// decodeText returns a file's text as UTF-8 without a byte-order mark:
// UTF-8 as is, UTF-16 (what Google Ads' "Excel CSV" is) converted.
func decodeText(data []byte) (string, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF):
		if len(data)%2 != 0 {
			return "", false
		}
		big := data[0] == 0xFE
		u := make([]uint16, 0, len(data)/2-1)
		for i := 2; i+1 < len(data); i += 2 {
			if big {
				u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
			} else {
				u = append(u, uint16(data[i+1])<<8|uint16(data[i]))
			}
		}
		return string(utf16.Decode(u)), true
	}
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return "", false
	}
	return string(data), true
}

// row is one row of a file's table with its line number (CSV) or row
// number (workbook).
type row struct {
	line  int
	cells []string
}

func (r row) cell(i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

func tooManyRows(ps *problems, lim Limits) {
	ps.add(nil, CodeTooManyRows, map[string]any{"Limit": lim.MaxRows},
		"the file has more than %d rows, the most an import may read", lim.MaxRows)
}

func badFile(ps *problems, line int, detail string) {
	var lines Lines
	if line > 0 {
		lines = lines.add(line)
	}
	ps.add(lines, CodeBadFile, map[string]any{"Detail": detail}, "%s", detail)
}
