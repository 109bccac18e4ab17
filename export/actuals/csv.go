package actuals

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// sniffLines is how many lines decide a CSV file's delimiter.
const sniffLines = 40

// readCSV splits text into rows with the delimiter that splits its first
// lines most consistently: comma, semicolon or tab.
func readCSV(text string, lim Limits, ps *problems) []row {
	r := newCSVReader(text, sniffDelimiter(text))
	var rows []row
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				badFile(ps, pe.Line, "the CSV is damaged: "+pe.Err.Error())
			} else {
				badFile(ps, line, err.Error())
			}
			return nil
		}
		if len(rows) >= lim.MaxRows {
			tooManyRows(ps, lim)
			return nil
		}
		if len(rec) > lim.MaxColumns {
			badFile(ps, line, "the row has more cells than an import reads")
			return nil
		}
		rows = append(rows, row{line: line, cells: rec})
	}
	return rows
}

func newCSVReader(text string, delim rune) *csv.Reader {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	return r
}

// sniffDelimiter picks the delimiter that gives the most of the first
// lines the same number of cells (two or more); on a tie, the one that
// gives more cells, then tab, semicolon, comma.
func sniffDelimiter(text string) rune {
	sample := text
	if n := nthIndex(text, '\n', sniffLines); n >= 0 {
		sample = text[:n]
	}
	best, bestScore, bestWidth := ',', -1, 0
	for _, d := range []rune{'\t', ';', ','} {
		counts := map[int]int{}
		r := newCSVReader(sample, d)
		for {
			rec, err := r.Read()
			if err != nil {
				break
			}
			if len(rec) >= 2 {
				counts[len(rec)]++
			}
		}
		score, width := 0, 0
		for w, c := range counts {
			if c > score || c == score && w > width {
				score, width = c, w
			}
		}
		if score > bestScore || score == bestScore && width > bestWidth {
			best, bestScore, bestWidth = d, score, width
		}
	}
	return best
}

// nthIndex is the index of the n-th occurrence of c in s, or -1.
func nthIndex(s string, c byte, n int) int {
	at := 0
	for range n {
		i := strings.IndexByte(s[at:], c)
		if i < 0 {
			return -1
		}
		at += i + 1
	}
	return at - 1
}
