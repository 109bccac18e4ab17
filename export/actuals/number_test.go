package actuals

import (
	"strconv"
	"testing"
)

func parseFloatPlain(s string) (float64, error) { return strconv.ParseFloat(s, 64) }

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		mark decimalMark
		want float64
		ok   bool
	}{
		{"1 234,56", markComma, 1234.56, true},
		{"1\u00a0234,56 €", markComma, 1234.56, true},
		{"1\u202f234", markComma, 1234, true},
		{"1,234.56", markDot, 1234.56, true},
		{"$1,234.56", markDot, 1234.56, true},
		{"€ 12.5", markDot, 12.5, true},
		{"1.234,56", markComma, 1234.56, true},
		{"EUR 99", markDot, 99, true},
		{"(12.50)", markDot, -12.5, true},
		{"-3", markDot, -3, true},
		{"12,5 %", markComma, 0.125, true},
		{"--", markDot, 0, true},
		{"", markComma, 0, true},
		{"1'234.5", markDot, 1234.5, true},
		{"douze", markDot, 0, false},
		{"1.2.3", markComma, 123, true}, // dots are thousands in a comma file
		{"1,2,3", markComma, 0, false},
		{"NaN", markDot, 0, false},
		{"Inf", markDot, 0, false},
		{"1e400", markDot, 0, false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			v, _, ok := parseNumber(tc.in, tc.mark)
			if ok != tc.ok || ok && v != tc.want {
				t.Errorf("parseNumber(%q, %c) = %v, %v; want %v, %v", tc.in, tc.mark, v, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestMarkEvidence(t *testing.T) {
	for in, want := range map[string]decimalMark{
		"1,234.5": markDot, "1.234,5": markComma, "12,5": markComma, "12.50": markDot,
		"1,234": markUnknown, "1.234": markUnknown, "1,234,567": markDot, "1.234.567": markComma, "1234": markUnknown,
	} {
		if got := markEvidence(in); got != want {
			t.Errorf("markEvidence(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in    string
		order dayOrder
		raw   bool
		want  Month
		ok    bool
	}{
		{"2027-01-31", orderUnknown, false, Month{2027, 1}, true},
		{"2027-01-31 00:00:00", orderUnknown, false, Month{2027, 1}, true},
		{"2027-02", orderUnknown, false, Month{2027, 2}, true},
		{"31/01/2027", orderUnknown, false, Month{2027, 1}, true},
		{"01/31/2027", orderUnknown, false, Month{2027, 1}, true},
		{"03/04/2027", orderDayFirst, false, Month{2027, 4}, true},
		{"03/04/2027", orderMonthFirst, false, Month{2027, 3}, true},
		{"03/04/2027", orderUnknown, false, Month{}, false},
		{"04/04/2027", orderUnknown, false, Month{2027, 4}, true},
		{"31.03.2027", orderUnknown, false, Month{2027, 3}, true},
		{"02/2027", orderUnknown, false, Month{2027, 2}, true},
		{"Jan 3, 2027", orderUnknown, false, Month{2027, 1}, true},
		{"3 janv. 2027", orderUnknown, false, Month{2027, 1}, true},
		{"1er février 2027", orderUnknown, false, Month{2027, 2}, true},
		{"janvier 2027", orderUnknown, false, Month{2027, 1}, true},
		{"August 2027", orderUnknown, false, Month{2027, 8}, true},
		{"août 2027", orderUnknown, false, Month{2027, 8}, true},
		{"31 février 2027", orderUnknown, false, Month{}, false},
		{"46388", orderUnknown, true, Month{2027, 1}, true},
		{"46388", orderUnknown, false, Month{}, false},
		{"hier", orderUnknown, false, Month{}, false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := parseDate(tc.in, tc.order, tc.raw)
			if ok != tc.ok || got != tc.want {
				t.Errorf("parseDate(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}
