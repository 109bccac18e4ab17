package actuals

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readFixture(t *testing.T, name string) *Table {
	t.Helper()
	tab, err := ReadFile("testdata/"+name, Limits{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return tab
}

func TestReadExports(t *testing.T) {
	for _, tc := range []struct {
		file   string
		kind   Kind
		fields []Field
		names  []string
		rows   int
		first  string
		last   string
	}{
		{"google-ads-daily.csv", Channels, []Field{Spend, Impressions, Clicks, Conversions},
			[]string{"Display - Remarketing", "Search | Brand FR", "Search | Generic Thé"}, 183, "2027-05", "2027-06"},
		{"meta-ads-fr.csv", Channels, []Field{Spend, Impressions, Clicks, Conversions},
			[]string{"Réseaux sociaux – printemps"}, 181, "2027-01", "2027-06"},
		{"ledger-fr.xlsx", Products, []Field{Units, Revenue},
			[]string{"Coffret découverte « Œnologie du thé »", "Infusion détox", "Thé vert bio 100 g"}, 36, "2027-01", "2027-06"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			tab := readFixture(t, tc.file)
			if tab.Kind != tc.kind || tab.Rows != tc.rows {
				t.Errorf("kind %v rows %d, want %v %d", tab.Kind, tab.Rows, tc.kind, tc.rows)
			}
			if got := strings.Join(tab.Names(), "|"); got != strings.Join(tc.names, "|") {
				t.Errorf("names %q, want %q", got, strings.Join(tc.names, "|"))
			}
			if len(tab.Fields) != len(tc.fields) {
				t.Fatalf("fields %v, want %v", tab.Fields, tc.fields)
			}
			for i, f := range tc.fields {
				if tab.Fields[i] != f {
					t.Errorf("field %d = %v, want %v", i, tab.Fields[i], f)
				}
			}
			first, last := tab.Months()
			if first.String() != tc.first || last.String() != tc.last {
				t.Errorf("months %s…%s, want %s…%s", first, last, tc.first, tc.last)
			}
		})
	}
}

// TestReadSums checks the monthly sums against the files' own rows, summed
// here independently with a plain scan of the text.
func TestReadSums(t *testing.T) {
	tab := readFixture(t, "meta-ads-fr.csv")
	data, _ := os.ReadFile("testdata/meta-ads-fr.csv")
	want := map[string]float64{}
	for _, line := range strings.Split(string(data), "\r\n")[1:] {
		f := strings.Split(line, ";")
		if len(f) < 3 {
			continue
		}
		num := strings.NewReplacer("\u00a0", "", ",", ".").Replace(f[2])
		var v float64
		for _, part := range []string{num} {
			var err error
			v, err = parseFloatPlain(part)
			if err != nil {
				t.Fatal(err)
			}
		}
		want[f[0][6:]+"-"+f[0][3:5]] += v
	}
	for _, e := range tab.Entries {
		key := e.Month.String()
		if w := want[key]; !near(e.Values[Spend], w) {
			t.Errorf("%s spend %v, want %v", key, e.Values[Spend], w)
		}
		if cents := e.Values[Spend] * 100; cents != math.Round(cents) {
			t.Errorf("%s spend %v carries the noise of binary addition", key, e.Values[Spend])
		}
	}
	if len(tab.Entries) != 6 || tab.Entries[4].Lines.String() != "122–152" {
		t.Errorf("entries %d, lines of May %q", len(tab.Entries), tab.Entries[4].Lines.String())
	}
}

func near(a, b float64) bool {
	d := a - b
	return d < 1e-9*max(1, b) && -d < 1e-9*max(1, b)
}

func TestReadRefusals(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		codes []Code
		where string // a line label the problems must name
	}{
		{"no header", "a,b,c\n1,2,3\n", []Code{CodeNoHeader}, ""},
		{"bad number and date", "Day,Campaign,Cost\n2027-01-03,A,12\n2027-13-45,A,1\n2027-01-04,A,douze\n",
			[]Code{CodeBadDate, CodeBadNumber}, "line 3"},
		{"no name", "Day,Campaign,Cost\n2027-01-03,,12\n", []Code{CodeNoName}, "line 2"},
		{"ambiguous dates", "Day,Campaign,Cost\n03/04/2027,A,1\n", []Code{CodeAmbiguousDay}, "line 2"},
		{"both orders", "Day,Campaign,Cost\n13/04/2027,A,1\n04/13/2027,A,1\n", []Code{CodeAmbiguousDay}, "line 3"},
		{"mixed numbers", "Day,Campaign,Cost\n2027-01-03,A,\"1,5\"\n2027-01-04,A,1.5\n", []Code{CodeMixedNumbers}, "lines 2–3"},
		{"mixed kinds", "Day,Campaign,Cost,Units\n2027-01-03,A,1,2\n", []Code{CodeMixedKinds}, "line 1"},
		{"two spend columns", "Day,Campaign,Cost,Spend\n2027-01-03,A,1,2\n", []Code{CodeDuplicateCol}, "line 1"},
		{"negative month", "Day,Campaign,Cost\n2027-01-03,A,-5\n2027-01-04,A,2\n", []Code{CodeNegative}, "lines 2–3"},
		{"binary", "\x00\x01\x02", []Code{CodeNotText}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.text), "x.csv", Limits{})
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v, want *Error", err)
			}
			got := map[Code]bool{}
			for _, p := range e.Problems {
				got[p.Code] = true
			}
			for _, c := range tc.codes {
				if !got[c] {
					t.Errorf("no %s problem in %v", c, err)
				}
			}
			if tc.where != "" && !strings.Contains(err.Error(), "x.csv "+tc.where+":") {
				t.Errorf("%v does not name %s", err, tc.where)
			}
		})
	}
}

func TestReadBudgets(t *testing.T) {
	text := "Day,Campaign,Cost\n" + strings.Repeat("2027-01-03,A,1\n", 50)
	for _, tc := range []struct {
		name string
		lim  Limits
		code Code
	}{
		{"bytes", Limits{MaxBytes: 100}, CodeTooLarge},
		{"rows", Limits{MaxRows: 10}, CodeTooManyRows},
		{"problems", Limits{MaxProblems: 3}, CodeTooManyProbs},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := text
			if tc.code == CodeTooManyProbs {
				in = "Day,Campaign,Cost\n" + strings.Repeat("2027-01-03,A,x\n", 50)
			}
			_, err := Read(strings.NewReader(in), "x.csv", tc.lim)
			var e *Error
			if !errors.As(err, &e) || e.Problems[len(e.Problems)-1].Code != tc.code {
				t.Fatalf("error %v, want one ending with %s", err, tc.code)
			}
			if tc.code == CodeTooManyProbs && len(e.Problems) != 4 {
				t.Errorf("%d problems listed, want 3 and a count", len(e.Problems))
			}
		})
	}
}

func TestReadUTF16(t *testing.T) {
	text := "Jour\tCampagne\tCoût\r\n31/01/2027\tA\t1 234,5\r\n"
	u := []byte{0xFF, 0xFE}
	for _, r := range text {
		u = append(u, byte(r), byte(r>>8))
	}
	tab, err := Read(strings.NewReader(string(u)), "x.csv", Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Entries) != 1 || tab.Entries[0].Values[Spend] != 1234.5 || tab.Entries[0].Month != (Month{2027, 1}) {
		t.Errorf("entries %+v", tab.Entries)
	}
}

func TestReadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.csv", "Day,Campaign,Cost\n2027-01-03,A,12\n")
	other := write("other.csv", "Day,Campaign,Cost\n2027-02-03,B,7\n")
	badDate := write("dates.csv", "Day,Campaign,Cost\n2027-13-45,A,1\n")
	badNumber := write("numbers.csv", "Day,Campaign,Cost\n2027-01-04,A,douze\n")
	for _, tc := range []struct {
		name   string
		paths  []string
		tables int      // tables read when the files are good
		files  []string // files the problems must name, all at once
		other  bool     // an error that is no import problem
	}{
		{"two good files", []string{good, other}, 2, nil, false},
		{"one bad among good", []string{good, badDate}, 0, []string{"dates.csv"}, false},
		{"every bad file listed", []string{badDate, good, badNumber}, 0, []string{"dates.csv", "numbers.csv"}, false},
		{"a missing file stops", []string{good, filepath.Join(dir, "gone.csv")}, 0, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tables, err := ReadFiles(tc.paths, Limits{})
			var e *Error
			switch {
			case tc.other:
				if err == nil || errors.As(err, &e) {
					t.Fatalf("error %v, want one that is no import problem", err)
				}
			case len(tc.files) > 0:
				if !errors.As(err, &e) {
					t.Fatalf("error %v, want *Error", err)
				}
				for _, f := range tc.files {
					if !strings.Contains(err.Error(), f) {
						t.Errorf("%v does not name %s", err, f)
					}
				}
			default:
				if err != nil || len(tables) != tc.tables {
					t.Fatalf("got %d tables, %v; want %d", len(tables), err, tc.tables)
				}
			}
		})
	}
}
