package actuals

import (
	"strconv"
	"strings"
	"time"
)

// Month is a calendar month.
type Month struct{ Year, Month int }

// String is "2027-03".
func (m Month) String() string {
	return time.Date(m.Year, time.Month(m.Month), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
}

// index is the number of months since year 0, to compare and subtract.
func (m Month) index() int { return m.Year*12 + m.Month - 1 }

// ParseMonth reads "YYYY-MM".
func ParseMonth(s string) (Month, bool) {
	t, err := time.Parse("2006-01", strings.TrimSpace(s))
	if err != nil {
		return Month{}, false
	}
	return Month{t.Year(), int(t.Month())}, true
}

// dayOrder is how a file writes numeric dates with the day and the month
// both in front of the year: 03/04/2027.
type dayOrder int

const (
	orderUnknown    dayOrder = iota
	orderDayFirst            // 03/04/2027 is 3 April (French, British)
	orderMonthFirst          // 03/04/2027 is March 4 (American)
)

// monthNames maps English and French month names and abbreviations,
// normalised, to month numbers.
var monthNames = map[string]int{}

func init() {
	for i, names := range [12][]string{
		{"january", "jan", "janvier", "janv"}, {"february", "feb", "fevrier", "fevr", "fev"},
		{"march", "mar", "mars"}, {"april", "apr", "avril", "avr"}, {"may", "mai"},
		{"june", "jun", "juin"}, {"july", "jul", "juillet", "juil"}, {"august", "aug", "aout"},
		{"september", "sep", "sept", "septembre"}, {"october", "oct", "octobre"},
		{"november", "nov", "novembre"}, {"december", "dec", "decembre"},
	} {
		for _, n := range names {
			monthNames[n] = i + 1
		}
	}
}

// numericParts splits "03/04/2027", "3.4.2027" or "03-04-2027" into its
// three numbers when the last is a four-digit year; ok is false otherwise.
func numericParts(s string) (a, b, year int, ok bool) {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	if len(f) != 3 || len(f[2]) != 4 || len(f[0]) > 2 || len(f[1]) > 2 {
		return 0, 0, 0, false
	}
	var err1, err2, err3 error
	a, err1 = strconv.Atoi(f[0])
	b, err2 = strconv.Atoi(f[1])
	year, err3 = strconv.Atoi(f[2])
	return a, b, year, err1 == nil && err2 == nil && err3 == nil
}

// orderEvidence says which order a date proves: a first number above 12
// is a day, a second above 12 too.
func orderEvidence(s string) dayOrder {
	a, b, _, ok := numericParts(stripTime(s))
	switch {
	case !ok:
		return orderUnknown
	case a > 12 && b <= 12:
		return orderDayFirst
	case b > 12 && a <= 12:
		return orderMonthFirst
	}
	return orderUnknown
}

// ambiguousDate reports whether a date needs the order to be read.
func ambiguousDate(s string) bool {
	a, b, _, ok := numericParts(stripTime(s))
	return ok && a != b && a <= 12 && b <= 12
}

// stripTime drops a time of day after a date ("2027-01-03 00:00:00",
// "2027-01-03T00:00:00Z").
func stripTime(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "T "); i >= 8 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' && strings.Contains(s[i:], ":") {
		return s[:i]
	}
	return s
}

// validDay checks a day exists in its month.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999 {
		return false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() == d
}

// parseDate reads the month a date cell falls in: ISO dates and months,
// numeric dates in the file's order, dates and months with English or
// French month names ("Jan 3, 2027", "3 janv. 2027", "janvier 2027"), and
// a workbook's date serial numbers when raw is set.
func parseDate(s string, order dayOrder, raw bool) (Month, bool) {
	s = stripTime(s)
	if raw {
		if v, ok := parseRawNumber(s); ok {
			return excelSerialMonth(v)
		}
	}
	for _, layout := range []string{"2006-01-02", "2006/01/02", "2006-1-2", "2006-01", "2006/01", "2006-1", "20060102"} {
		if t, err := time.Parse(layout, s); err == nil {
			return Month{t.Year(), int(t.Month())}, true
		}
	}
	if a, b, y, ok := numericParts(s); ok {
		d, m := a, b
		switch order {
		case orderMonthFirst:
			d, m = b, a
		case orderUnknown:
			if a != b && a <= 12 && b <= 12 {
				return Month{}, false
			}
			if a <= 12 && b > 12 {
				d, m = b, a
			}
		}
		if !validDay(y, m, d) {
			return Month{}, false
		}
		return Month{y, m}, true
	}
	// "01/2027", "1-2027"
	if f := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' }); len(f) == 2 && len(f[1]) == 4 && len(f[0]) <= 2 {
		m, err1 := strconv.Atoi(f[0])
		y, err2 := strconv.Atoi(f[1])
		if err1 == nil && err2 == nil && validDay(y, m, 1) {
			return Month{y, m}, true
		}
	}
	return namedDate(s)
}

// namedDate reads a date or month with a month name: one name, one
// four-digit year, at most one day of the month.
func namedDate(s string) (Month, bool) {
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '.' || r == '-' || r == '/' || r == '\u00a0' })
	month, year, day := 0, 0, 0
	for _, w := range words {
		n := normalize(w)
		if m, ok := monthNames[n]; ok && month == 0 {
			month = m
			continue
		}
		n = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(n, "er"), "st"), "th")
		v, err := strconv.Atoi(n)
		switch {
		case err != nil:
			return Month{}, false
		case len(n) == 4 && year == 0:
			year = v
		case len(n) <= 2 && day == 0:
			day = v
		default:
			return Month{}, false
		}
	}
	if month == 0 || year == 0 {
		return Month{}, false
	}
	if day != 0 && !validDay(year, month, day) {
		return Month{}, false
	}
	return Month{year, month}, validDay(year, month, 1)
}

// excelSerialMonth reads a workbook date serial (days since 1899-12-30 in
// the 1900 date system every current workbook uses).
func excelSerialMonth(v float64) (Month, bool) {
	if v < 1 || v > 2958465 {
		return Month{}, false
	}
	t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(v))
	return Month{t.Year(), int(t.Month())}, true
}
