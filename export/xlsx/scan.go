package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// A lean reader of worksheet cells. excelize's row iterator decodes every
// cell through reflection, which costs over a second for the hundreds of
// thousands of (mostly empty) matrix cells of a large plan; this one walks
// the XML's raw tokens and keeps only the values, with the same results as
// readRows (a test compares them). It reads the parts excelize holds in
// memory; a part larger than xlsxInMemory sits in a temporary file, and the
// caller then falls back to readRows.

// errNotInMemory sends the caller to readRows.
var errNotInMemory = errors.New("part not in memory")

// scanner reads the sheets of one workbook.
type scanner struct {
	f      *excelize.File
	parts  map[string]string // sheet name → part path
	shared []string          // the shared strings
}

func newScanner(f *excelize.File) (*scanner, error) {
	wb, ok := partBytes(f, "xl/workbook.xml")
	rels, ok2 := partBytes(f, "xl/_rels/workbook.xml.rels")
	if !ok || !ok2 {
		return nil, errNotInMemory
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var links struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(wb, &book) != nil || xml.Unmarshal(rels, &links) != nil {
		return nil, errNotInMemory
	}
	s := &scanner{f: f, parts: map[string]string{}}
	for _, sh := range book.Sheets {
		for _, r := range links.Rels {
			if r.ID == sh.RID {
				target := r.Target
				if strings.HasPrefix(target, "/") {
					target = strings.TrimPrefix(target, "/")
				} else {
					target = path.Join("xl", target)
				}
				s.parts[sh.Name] = target
			}
		}
	}
	if data, ok := partBytes(f, "xl/sharedStrings.xml"); ok {
		shared, err := sharedStrings(data)
		if err != nil {
			return nil, err
		}
		s.shared = shared
	} else if ct, ok := partBytes(f, "[Content_Types].xml"); !ok || bytes.Contains(bytes.ToLower(ct), []byte("/xl/sharedstrings.xml")) {
		return nil, errNotInMemory // in a temporary file, or unknown
	}
	return s, nil
}

// partBytes is a part excelize holds in memory.
func partBytes(f *excelize.File, name string) ([]byte, bool) {
	v, ok := f.Pkg.Load(name)
	if !ok {
		return nil, false
	}
	data, ok := v.([]byte)
	return data, ok
}

// sharedStrings reads the shared strings table: each item's text, runs
// joined, phonetic hints left out, escapes undone.
func sharedStrings(data []byte) ([]string, error) {
	ts := &tokens{d: xml.NewDecoder(bytes.NewReader(data))}
	var out []string
	var b strings.Builder
	inPhonetic, inText := false, false
	for {
		tok, err := ts.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: its shared strings are damaged (%v)", ErrNotWorkbook, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				b.Reset()
			case "rPh":
				inPhonetic = true
			case "t":
				inText = !inPhonetic
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				out = append(out, unescapeBstr(b.String()))
			case "rPh":
				inPhonetic = false
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
	}
}

// tokens reads raw tokens and checks that elements nest, which RawToken
// leaves to its caller: a damaged sheet is refused, never read askew.
type tokens struct {
	d     *xml.Decoder
	stack []string
}

func (ts *tokens) next() (xml.Token, error) {
	tok, err := ts.d.RawToken()
	if err != nil {
		if err == io.EOF && len(ts.stack) > 0 {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if len(ts.stack) >= 64 {
			return nil, errors.New("elements nested too deep")
		}
		ts.stack = append(ts.stack, t.Name.Local)
	case xml.EndElement:
		n := len(ts.stack)
		if n == 0 || ts.stack[n-1] != t.Name.Local {
			return nil, fmt.Errorf("element </%s> closes nothing open", t.Name.Local)
		}
		ts.stack = ts.stack[:n-1]
	}
	return tok, nil
}

// rows reads a sheet like readRows does.
func (s *scanner) rows(sheet string, width func(row int) int) (map[int][]string, error) {
	part, ok := s.parts[sheet]
	if !ok {
		return nil, errNotInMemory
	}
	data, ok := partBytes(s.f, part)
	if !ok {
		return nil, errNotInMemory
	}
	damaged := func(err error) error {
		return fmt.Errorf("%w: the %q sheet is damaged (%v)", ErrNotWorkbook, sheet, err)
	}
	ts := &tokens{d: xml.NewDecoder(bytes.NewReader(data))}
	out := map[int][]string{}
	row := 0
	for {
		tok, err := ts.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, damaged(err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok || start.Name.Local != "row" {
			continue
		}
		row++
		if r := attr(start, "r"); r != "" {
			n, err := strconv.Atoi(r)
			if err != nil || n < 1 || n > excelize.TotalRows {
				return nil, damaged(fmt.Errorf("row number %q", r))
			}
			row = n
		}
		w := width(row)
		if w < 0 {
			return out, nil
		}
		cells, err := s.row(ts, w)
		if err != nil {
			return nil, damaged(err)
		}
		if w > 0 {
			out[row] = cells
		}
	}
}

// row reads the cells of one row, up to column width, as raw values.
func (s *scanner) row(ts *tokens, width int) ([]string, error) {
	var cells []string
	col, typ, inValue, inInline, inText, formula := 0, "", false, false, false, false
	var value, inline strings.Builder // <v> and <is> texts
	for open := len(ts.stack); len(ts.stack) >= open; {
		tok, err := ts.next()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "c":
				col++
				if r := attr(t, "r"); r != "" {
					c, _, err := excelize.CellNameToCoordinates(r)
					if err != nil {
						return nil, err
					}
					col = c
				}
				typ, formula = attr(t, "t"), false
				value.Reset()
				inline.Reset()
			case "v":
				inValue = true
			case "f":
				formula = true
			case "is":
				inInline = true
			case "t":
				inText = inInline
			case "rPh":
				inInline = false
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inValue = false
			case "t":
				inText = false
			case "is":
				inInline = false
			case "c":
				if col > width || width == 0 {
					continue
				}
				text := value.String()
				if typ == "inlineStr" {
					text = inline.String()
				}
				v, err := s.cellValue(typ, text)
				if err != nil {
					return nil, err
				}
				if v != "" || formula { // placed as excelize places it
					for blank := col - len(cells); blank > 1; blank-- {
						cells = append(cells, "")
					}
					cells = append(cells, v)
				}
			}
		case xml.CharData:
			if inValue {
				value.Write(t)
			} else if inText {
				inline.Write(t)
			}
		}
	}
	return cells, nil
}

// cellValue is a cell's raw value as excelize's RawCellValue gives it.
func (s *scanner) cellValue(typ, v string) (string, error) {
	switch typ {
	case "s":
		if v == "" {
			return "", nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(s.shared) {
			return "", fmt.Errorf("no shared string %q", v)
		}
		return s.shared[i], nil
	case "inlineStr":
		return unescapeBstr(v), nil
	}
	return v, nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

var bstrEscape = regexp.MustCompile(`_x[0-9a-fA-F]{4}_`)

// unescapeBstr undoes the _xHHHH_ escapes OOXML writes for characters XML
// cannot carry (_x005F_ is an underscore, so _x005F_x0041_ reads _x0041_).
func unescapeBstr(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range bstrEscape.FindAllStringIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		code, _ := strconv.ParseUint(s[m[0]+2:m[1]-1], 16, 32)
		if r := rune(code); utf8.ValidRune(r) { // excelize drops a lone surrogate
			b.WriteRune(r)
		}
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}
