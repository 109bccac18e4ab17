package numfmt

import (
	"errors"
	"fmt"
	"math"
	"testing"
)

func TestFormat(t *testing.T) {
	const n = NNBSP
	for _, tc := range []struct {
		name string
		got  string
		want string
	}{
		{"French money groups with narrow spaces", Money(1234567, "EUR", French, 0), "1" + n + "234" + n + "567" + n + "€"},
		{"English money puts the sign first", Money(1234567, "EUR", English, 0), "€1,234,567"},
		{"English negative money", Money(-4600, "EUR", English, 0), "-€4,600"},
		{"French negative money", Money(-4600, "EUR", French, 0), "-4" + n + "600" + n + "€"},
		{"code without a sign", Money(1500.5, "CHF", English, 2), "CHF 1,500.50"},
		{"dollars", Money(12, "USD", English, 2), "$12.00"},
		{"French percent", Percent(0.452, French, 1), "45,2" + n + "%"},
		{"English percent", Percent(0.452, English, 1), "45.2%"},
		{"small number has no separator", Number(999, English, 0), "999"},
		{"rounding to zero drops the minus", Number(-0.0004, English, 2), "0.00"},
		{"money rounding to zero drops the minus", Money(-0.4, "EUR", English, 0), "€0"},
		{"undefined", Number(math.NaN(), French, 0), "—"},
		{"unknown locale formats as English", Number(1234.5, "de", 1), "1,234.5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name   string
		in     string
		locale Locale
		want   float64
		ok     bool
	}{
		{"plain", "42", English, 42, true},
		{"English grouping and decimals", "1,234,567.89", English, 1234567.89, true},
		{"French grouping with narrow space", "1\u202f234,5", French, 1234.5, true},
		{"French grouping with space", "1 234,5", French, 1234.5, true},
		{"French accepts a decimal point", "8.9", French, 8.9, true},
		{"currency sign ignored", "€1,200", English, 1200, true},
		{"French currency after", "1 200 €", French, 1200, true},
		{"negative", "-3.5", English, -3.5, true},
		{"unicode minus", "−3,5", French, -3.5, true},
		{"English comma not in threes is refused", "1,5", English, 0, false},
		{"two decimal marks", "1.2.3", English, 0, false},
		{"letters", "12abc", English, 0, false},
		{"empty", "  ", English, 0, false},
		{"sign only", "-", English, 0, false},
		{"sign in the middle", "1-2", English, 0, false},
		{"overflow", "1e999", English, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(tc.in, tc.locale)
			if (err == nil) != tc.ok {
				t.Fatalf("Parse(%q) error = %v, want ok=%v", tc.in, err, tc.ok)
			}
			if tc.ok && got != tc.want {
				t.Errorf("Parse(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestParsePercent(t *testing.T) {
	got, err := ParsePercent("45,2 %", French)
	if err != nil || math.Abs(got-0.452) > 1e-12 {
		t.Fatalf("ParsePercent = %v, %v", got, err)
	}
}

// FuzzParse checks that Parse never panics and that whatever it formats it reads back.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"1,234.5", "1 234,5 €", "-0", "45 %", "€", "1,5", "−2"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, french bool) {
		l := English
		if french {
			l = French
		}
		x, err := Parse(s, l)
		if err != nil {
			return
		}
		back, err := Parse(Number(x, l, 6), l)
		if err != nil {
			t.Fatalf("formatted %v as %q, which does not parse: %v", x, Number(x, l, 6), err)
		}
		if math.Abs(back-x) > 1e-6*math.Max(1, math.Abs(x)) {
			t.Fatalf("round trip %v → %v", x, back)
		}
	})
}

func ExampleMoney() {
	fmt.Println(Money(1234567, "EUR", English, 0))
	fmt.Println(Percent(0.452, English, 1))
	// Output:
	// €1,234,567
	// 45.2%
}

func TestTrimmed(t *testing.T) {
	const n = NNBSP
	for _, tc := range []struct {
		name string
		x    float64
		l    Locale
		max  int
		want string
	}{
		{"integer shows no decimals", 40000, English, 2, "40,000"},
		{"one significant decimal", 8.9, English, 2, "8.9"},
		{"French decimal comma and narrow space", 1234.5, French, 2, "1" + n + "234,5"},
		{"rounded to max decimals", 0.12345, English, 3, "0.123"},
		{"rounding up drops the decimals", 2.9999, English, 2, "3"},
		{"negative", -1.25, French, 2, "-1,25"},
		{"max 0", 12.7, English, 0, "13"},
		{"undefined", math.Inf(1), English, 2, "—"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Trimmed(tc.x, tc.l, tc.max); got != tc.want {
				t.Errorf("Trimmed(%v, %s, %d) = %q, want %q", tc.x, tc.l, tc.max, got, tc.want)
			}
		})
	}
}

func TestParseReasons(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		l    Locale
		want error
	}{
		{"blank", " ", English, ErrEmpty},
		{"letters", "abc", English, ErrLetters},
		{"sign inside", "1-2", English, ErrSign},
		{"two decimal marks", "1.2.3", English, ErrDecimalMarks},
		{"French two decimal marks", "1,2,3", French, ErrDecimalMarks},
		{"English grouping", "1,5", English, ErrGrouping},
		{"leading comma", ",5", English, ErrComma},
		{"odd character", "12#", English, ErrCharacter},
		{"only a sign", "+", English, ErrNotNumber},
		{"overflow", "1e999", English, ErrLetters},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.in, tc.l)
			if !errors.Is(err, tc.want) {
				t.Errorf("Parse(%q) error = %v, want %v", tc.in, err, tc.want)
			}
		})
	}
}

func TestParsePercentTyped(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		l    Locale
		want float64
	}{
		{"bare number is percent", "45", English, 0.45},
		{"with sign", "45%", English, 0.45},
		{"French with narrow space", "45,5" + NNBSP + "%", French, 0.455},
		{"French with space", "12 %", French, 0.12},
		{"a ratio typed is read as percent", "0.45", English, 0.0045},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParsePercent(tc.in, tc.l)
			if err != nil || math.Abs(got-tc.want) > 1e-12 {
				t.Errorf("ParsePercent(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
			}
		})
	}
}

func ExampleTrimmed() {
	fmt.Println(Trimmed(8.90, English, 2))
	fmt.Println(Trimmed(40000, English, 2))
	// Output:
	// 8.9
	// 40,000
}

func TestShort(t *testing.T) {
	const n = NNBSP
	for _, tc := range []struct {
		name     string
		x        float64
		currency string
		l        Locale
		want     string
	}{
		{"thousands", 90000, "EUR", English, "€90k"},
		{"millions with three digits", 1771234, "EUR", English, "€1.77M"},
		{"French millions", 1771234, "EUR", French, "1,77" + n + "M€"},
		{"French thousands", 90000, "EUR", French, "90" + n + "k€"},
		{"code without sign", 450000, "CHF", English, "CHF 450k"},
		{"French code without sign", 450000, "CHF", French, "450" + n + "k" + n + "CHF"},
		{"small amounts in full", 8.9, "EUR", English, "€8.90"},
		{"small whole amounts", 9000, "EUR", English, "€9,000"},
		{"negative", -250000, "EUR", English, "-€250k"},
		{"negative French", -2500000, "EUR", French, "-2,5" + n + "M€"},
		{"zero", 0, "EUR", English, "€0"},
		{"billions", 2.5e9, "USD", English, "$2.5bn"},
		{"French billions", 2.5e9, "EUR", French, "2,5" + n + "Md€"},
		{"units", 12000, "", English, "12k"},
		{"French units", 12500, "", French, "12,5" + n + "k"},
		{"tiny negative rounds to zero", -0.001, "", English, "0"},
		{"undefined", math.NaN(), "EUR", English, "—"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Short(tc.x, tc.currency, tc.l); got != tc.want {
				t.Errorf("Short(%v, %q, %s) = %q, want %q", tc.x, tc.currency, tc.l, got, tc.want)
			}
		})
	}
}

func TestShortAs(t *testing.T) {
	const n = NNBSP
	for _, tc := range []struct {
		name     string
		x, ref   float64
		currency string
		l        Locale
		want     string
	}{
		{"a small tick in the axis's thousands", 5000, 20000, "EUR", English, "€5k"},
		{"a half thousand", 2500, 20000, "", English, "2.5k"},
		{"millions axis", 500000, 2e6, "EUR", English, "€0.5M"},
		{"French millions axis", 500000, 2e6, "EUR", French, "0,5" + n + "M€"},
		{"zero has no unit", 0, 2e6, "EUR", English, "€0"},
		{"negative tick", -250000, 1e6, "EUR", English, "-€0.25M"},
		{"same as Short when ref is x", 1771234, 1771234, "EUR", English, "€1.77M"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ShortAs(tc.x, tc.ref, tc.currency, tc.l); got != tc.want {
				t.Errorf("ShortAs(%v, %v) = %q, want %q", tc.x, tc.ref, got, tc.want)
			}
		})
	}
}
