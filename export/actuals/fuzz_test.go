package actuals

import (
	"bytes"
	"errors"
	"math"
	"os"
	"testing"
	"time"
)

// FuzzRead feeds the reader arbitrary files: it must return a table or an
// *Error, never panic, and every figure it sums must be finite and every
// entry have its lines.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"google-ads-daily.csv", "meta-ads-fr.csv", "lift-study-fr.csv", "ledger-fr.xlsx"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"Day,Campaign,Cost\n2027-01-03,A,\"1,234.5\"\n",
		"Jour;Produit;Unités;CA\n03/01/2027;green;12;1 234,5 €\n",
		"Month\tProduct\tUnits\nJan 2027\tgreen\t(5)\n",
		"Day,Campaign,Cost\n03/04/2027,A,1\n04/13/2027,A,2\n",
		"\xff\xfeD\x00a\x00y\x00",
		"Total: Account,--,--\n",
		"Date,Name,Spend,Units\n2027-01-01,x,1,2\n",
	} {
		f.Add([]byte(s))
	}
	plan := teaPlan(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := Read(bytes.NewReader(data), "fuzz", Limits{MaxRows: 5000, MaxBytes: 1 << 20})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || len(e.Problems) == 0 {
				t.Fatalf("error %v is not an *Error with problems", err)
			}
			return
		}
		for _, e := range tab.Entries {
			if len(e.Lines) == 0 {
				t.Fatalf("entry %+v has no lines", e)
			}
			for _, v := range e.Values {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("entry %+v is not finite", e)
				}
			}
		}
		res, err := Merge(plan, []*Table{tab}, Options{Closed: 6, Today: time.Date(2027, 8, 1, 0, 0, 0, 0, time.UTC)})
		if err == nil {
			if err := res.Plan.Validate(); err != nil {
				t.Fatalf("merged plan invalid: %v", err)
			}
		} else if !errors.As(err, new(*Error)) {
			t.Fatalf("merge error %v is not an *Error", err)
		}
	})
}
