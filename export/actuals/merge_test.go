package actuals

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"mixplan/planner"
)

// august is a day when May and June 2027 are over.
var august = time.Date(2027, 8, 15, 0, 0, 0, 0, time.UTC)

func teaPlan(t testing.TB) *planner.Plan {
	t.Helper()
	p, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func campaignMapping(t testing.TB) Mapping {
	t.Helper()
	f, err := os.Open("testdata/campaigns.map.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := ReadMapping(f)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func tables(t testing.TB, files ...string) []*Table {
	t.Helper()
	var out []*Table
	for _, f := range files {
		tab, err := ReadFile("testdata/"+f, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tab)
	}
	return out
}

var allFiles = []string{"google-ads-daily.csv", "meta-ads-fr.csv", "ledger-fr.xlsx", "lift-study-fr.csv"}

// columnSums adds up a CSV's column by month for the rows whose name
// column starts with one of prefixes: an independent reading of the file.
func columnSums(t *testing.T, file string, nameCol, valueCol int, prefixes ...string) map[string]float64 {
	t.Helper()
	data, err := os.ReadFile("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	sums := map[string]float64{}
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "2027-") {
			continue
		}
		// Cost is quoted with a comma for thousands: split on the quotes first.
		cells := splitQuoted(line)
		for _, p := range prefixes {
			if strings.HasPrefix(cells[nameCol], p) {
				v, err := parseFloatPlain(strings.ReplaceAll(cells[valueCol], ",", ""))
				if err != nil {
					t.Fatal(err)
				}
				sums[line[:7]] += v
			}
		}
	}
	return sums
}

func splitQuoted(line string) []string {
	var cells []string
	var cur strings.Builder
	quoted := false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == ',' && !quoted:
			cells = append(cells, cur.String())
			cur.Reset()
		default:
			cur.WriteRune(r)
		}
	}
	return append(cells, cur.String())
}

func TestMergeEveryFile(t *testing.T) {
	plan := teaPlan(t)
	res, err := Merge(plan, tables(t, allFiles...), Options{Closed: 6, Today: august, Mapping: campaignMapping(t)})
	if err != nil {
		t.Fatal(err)
	}
	a := res.Plan.Actuals
	if res.Through != 6 || a.Through != 6 {
		t.Fatalf("through %d/%d, want 6", res.Through, a.Through)
	}
	cost := columnSums(t, "google-ads-daily.csv", 1, 4, "Search | ")
	sea := a.Promotions["sea"]
	for i, m := range []string{"2027-05", "2027-06"} {
		if !near(sea.Spend[4+i], cost[m]) {
			t.Errorf("sea spend %s = %v, want %v", m, sea.Spend[4+i], cost[m])
		}
	}
	if got := sea.Spend[:4]; got[0] != 4000 || got[3] != 3900 {
		t.Errorf("sea's closed months changed: %v", got)
	}
	if sea.LiftUnits[4] != 655 || sea.LiftUnits[5] != 610 || sea.Committed != 6000 {
		t.Errorf("sea lift %v committed %v", sea.LiftUnits, sea.Committed)
	}
	// plv has no file: its newly closed months keep the planned spend.
	plv := a.Promotions["plv"]
	planned := plannedSpend(plan.Promotions[3], plan.Months)
	if plan.Promotions[3].ID != "plv" || plv.Spend[4] != planned[4] || plv.Spend[2] != 5200 {
		t.Errorf("plv spend %v, planned %v", plv.Spend, planned)
	}
	if strings.Join(res.Planned, ",") != "plv" {
		t.Errorf("planned %v", res.Planned)
	}
	if g := a.Products["gift"]; len(g.Units) != 6 || g.Units[0] != 300/2*2+17*2+5 {
		t.Errorf("gift units %v", g.Units)
	}
	if a.Products["social"].Units != nil || a.Promotions["social"].Impressions == nil {
		t.Errorf("social: %+v", a.Promotions["social"])
	}
	if err := res.Plan.Validate(); err != nil {
		t.Fatal(err)
	}
	if plan.Actuals.Through != 4 || len(plan.Actuals.Promotions["sea"].Spend) != 4 {
		t.Error("Merge changed the plan it was given")
	}
	var changed int
	for _, c := range res.Changes {
		if c.ID == "green" && c.Field == Units && c.Month == 1 {
			changed++
			if c.Old == nil || *c.Old != 6050 || c.New != 5200/2*2+17*2+5 {
				t.Errorf("green January change %+v", c)
			}
		}
	}
	if changed != 1 {
		t.Errorf("%d changes of green's January units, want 1", changed)
	}
}

func TestMergeRefusals(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []string
		opts  Options
		code  Code
		text  string // a piece of the message
	}{
		{"months not closed", []string{"google-ads-daily.csv"}, Options{Today: august}, CodeNotClosed,
			"google-ads-daily.csv lines 4–96: 2027-05 is not closed (the last closed month is 2027-04)"},
		{"month not over", []string{"google-ads-daily.csv"}, Options{Closed: 5, Today: time.Date(2027, 6, 10, 0, 0, 0, 0, time.UTC)}, CodeFuture,
			"lines 97–186: 2027-06 is not over yet"},
		{"closing the current month", nil, Options{Closed: 6, Today: time.Date(2027, 6, 10, 0, 0, 0, 0, time.UTC)}, CodeClosedFuture, "2027-06 is not over yet"},
		{"closed months are the plan's claim, later ones are not over", []string{"meta-ads-fr.csv"},
			Options{Mapping: Mapping{"reseauxsociauxprintemps": "social"}, Today: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)}, CodeFuture,
			"meta-ads-fr.csv lines 122–152: 2027-05 is not over yet"},
		{"reopening", nil, Options{Closed: 3, Today: august}, CodeReopen, "closed through 2027-04"},
		{"unknown names", []string{"meta-ads-fr.csv"}, Options{Closed: 6, Today: august}, CodeUnknownName,
			`"Réseaux sociaux – printemps" is no channel of the plan (closest: social,`},
		{"missing months", []string{"google-ads-daily.csv", "meta-ads-fr.csv"}, Options{Closed: 6, Today: august}, CodeMissing,
			`product "green" has units for some closed months but none for 2027-05, 2027-06`},
		{"beyond the plan", []string{"google-ads-daily.csv"}, Options{Closed: 12, Today: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}, CodeMissing, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			if opts.Mapping == nil && tc.code != CodeUnknownName {
				opts.Mapping = campaignMapping(t)
			}
			_, err := Merge(teaPlan(t), tables(t, tc.files...), opts)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v, want *Error", err)
			}
			found := false
			for _, p := range e.Problems {
				found = found || p.Code == tc.code
			}
			if !found || !strings.Contains(err.Error(), tc.text) {
				t.Errorf("want %s with %q, got\n%v", tc.code, tc.text, err)
			}
		})
	}
}

func TestMergeUnmatchedSuggestions(t *testing.T) {
	_, err := Merge(teaPlan(t), tables(t, "google-ads-daily.csv", "meta-ads-fr.csv"), Options{Closed: 6, Today: august})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatal(err)
	}
	want := map[string]string{"Search | Brand FR": "sea", "Search | Generic Thé": "sea", "Réseaux sociaux – printemps": "social"}
	for _, u := range e.Unmatched() {
		if w, ok := want[u.Name]; ok && u.Suggestions[0] != w {
			t.Errorf("%q: suggestions %v, want %s first", u.Name, u.Suggestions, w)
		}
		delete(want, u.Name)
	}
	if len(want) > 0 || len(e.Unmatched()) != 4 {
		t.Errorf("unmatched %+v", e.Unmatched())
	}
}

func TestMergeBeforeStart(t *testing.T) {
	tab, err := Read(strings.NewReader("Month,Product,Units\n2026-12,green,5\n2027-01,green,6\n"), "old.csv", Limits{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Merge(teaPlan(t), []*Table{tab}, Options{Today: august})
	if err == nil || !strings.Contains(err.Error(), "old.csv line 2: 2026-12 is before the plan's first month (2027-01)") {
		t.Errorf("got %v", err)
	}
}

func TestReadMapping(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"json", `{"Coffret découverte « Œnologie du thé »": "gift", "Old brand": null}`},
		{"csv", "name,id\n\"Coffret découverte « Œnologie du thé »\",gift\nOld brand,\n"},
		{"semicolons", "Coffret découverte « Œnologie du thé »;gift\nOld brand;\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ReadMapping(strings.NewReader(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			if id, ok := m.lookup("COFFRET DECOUVERTE OENOLOGIE DU THE"); !ok || id != "gift" {
				t.Errorf("lookup = %q, %v", id, ok)
			}
			if id, ok := m.lookup("old brand"); !ok || id != "" {
				t.Errorf("old brand = %q, %v", id, ok)
			}
		})
	}
	if _, err := ReadMapping(strings.NewReader("a,b,c\n")); err == nil {
		t.Error("a three-column mapping was accepted")
	}
}

func TestWriteMappingReadsBack(t *testing.T) {
	m := Mapping{}
	m.Set("Search | Brand FR", "sea")
	m.Set("Display - Remarketing", "")
	var b strings.Builder
	if err := WriteMapping(&b, m); err != nil {
		t.Fatal(err)
	}
	back, err := ReadMapping(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if id, ok := back.lookup("search | brand fr"); !ok || id != "sea" {
		t.Errorf("search = %q, %v in %s", id, ok, b.String())
	}
	if id, ok := back.lookup("Display - Remarketing"); !ok || id != "" {
		t.Errorf("display = %q, %v", id, ok)
	}
}

// TestMergeIntoMonthsThePlanClosed corrects months the plan has already
// closed, even when the clock says they are not over (a plan written
// ahead, as the worked example is): they are the plan's own claim.
func TestMergeIntoMonthsThePlanClosed(t *testing.T) {
	tab, err := Read(strings.NewReader("Month,Channel,Spend\n2027-02,social,6100\n"), "fix.csv", Limits{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Merge(teaPlan(t), []*Table{tab}, Options{Today: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Plan.Actuals.Promotions["social"].Spend; len(got) != 4 || got[1] != 6100 || got[0] != 6200 {
		t.Errorf("social spend %v", got)
	}
}
