package pdf

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mixplan/export/internal/exporttest"
	"mixplan/planner"
	"mixplan/planner/numfmt"
	"mixplan/planner/plangen"
)

var updatePDF = flag.Bool("update-pdf", false, "rewrite the PDF golden files")

// bigPlan is the 300-product plan of the issue, with enough places to split
// the share matrix and enough channels for several pages of curves.
func bigPlan() *planner.Plan {
	return plangen.Generate(plangen.Size{Products: 300, Places: 12, Promotions: 30, Months: 24, Scenarios: 10}, 7)
}

func renderBytes(t testing.TB, p *planner.Plan, opt Options) []byte {
	t.Helper()
	if opt.Generated.IsZero() {
		opt.Generated = exporttest.FixedDate
	}
	var b bytes.Buffer
	if err := Write(&b, p, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// expect formats figures the way the contract says a plan's locale writes
// them, straight from numfmt, independently of the report's own helpers.
type expect struct {
	l   numfmt.Locale
	cur string
}

func expectFor(p *planner.Plan) expect { return expect{numfmt.Locale(p.Locale), p.Currency} }

func (e expect) money(x float64) string { return normSpace(numfmt.Money(x, e.cur, e.l, 0)) }
func (e expect) cents(x float64) string { return normSpace(numfmt.Money(x, e.cur, e.l, 2)) }
func (e expect) units(x float64) string { return normSpace(numfmt.Number(x, e.l, 0)) }
func (e expect) pct(x float64) string   { return normSpace(numfmt.Percent(x, e.l, 1)) }
func (e expect) ratio(x float64) string { return normSpace(numfmt.Number(x, e.l, 2)) }
func (e expect) maybe(m planner.Maybe, f func(float64) string) string {
	if !m.Valid {
		return "n/a"
	}
	return f(m.Value)
}

// findRow looks for a table row: a line whose first run starts the label
// (which may wrap) and whose other runs are the cells. It returns "" when
// found, or what the closest candidates held.
func findRow(pages [][][]string, cells []string) string {
	var near []string
	for _, page := range pages {
		for _, line := range page {
			if len(line) == 0 || !strings.HasPrefix(cells[0], line[0]) {
				continue
			}
			if len(line) == len(cells) && strings.Join(line[1:], "|") == strings.Join(cells[1:], "|") {
				return ""
			}
			near = append(near, strings.Join(line, " | "))
		}
	}
	if len(near) > 4 {
		near = near[:4]
	}
	return fmt.Sprintf("row %q not found; lines starting alike: %q", strings.Join(cells, " | "), near)
}

func pageRuns(page [][]string) map[string]bool {
	set := map[string]bool{}
	for _, l := range page {
		for _, r := range l {
			set[r] = true
		}
	}
	return set
}

func pagesOf(pages [][][]string, kicker string) [][][]string {
	var out [][][]string
	for _, p := range pages {
		for _, l := range p {
			if len(l) > 0 && strings.HasPrefix(l[0], strings.ToUpper(kicker)) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// TestPDFFiguresAreTheEngines reads the report back with pdftotext and
// checks every figure of the tiles and tables against planner.Evaluate,
// formatted in the plan's locale.
func TestPDFFiguresAreTheEngines(t *testing.T) {
	for _, tc := range []struct {
		name     string
		plan     *planner.Plan
		scenario string
	}{
		{"sample, English", exporttest.SamplePlan(t), "base"},
		{"worked example, French", exporttest.TeaPlan(t), "base"},
		{"worked example, pessimistic scenario", exporttest.TeaPlan(t), "low"},
		{"300 products", bigPlan(), "base"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.plan
			rep, err := planner.Evaluate(p, tc.scenario)
			if err != nil {
				t.Fatal(err)
			}
			pages := pdfLines(t, renderBytes(t, p, Options{Scenario: tc.scenario}))
			e := expectFor(p)
			tot := rep.Totals

			// Page 1: the tiles.
			first := pageRuns(pages[0])
			tiles := []string{e.money(tot.NetRevenue), e.maybe(tot.GrossMarginPct, e.pct), e.money(tot.Contribution),
				e.money(tot.MarketingSpend), e.maybe(tot.ROMI, e.pct), e.maybe(tot.CAC, e.cents), e.maybe(tot.LTVToCAC, e.ratio)}
			if tot.PaybackMonth.Valid {
				tiles = append(tiles, fmt.Sprintf("Month %d", int(tot.PaybackMonth.Value)))
			}
			for _, tr := range rep.Targets {
				want := e.money(tr.Target)
				switch tr.Name {
				case "grossMarginPct", "romi":
					want = e.pct(tr.Target)
				case "cac":
					want = e.cents(tr.Target)
				}
				bound := map[string]string{"min": "at least", "max": "at most"}[tr.Kind]
				what := "Target"
				if tr.Name == "budget" {
					what = "Budget"
				}
				tiles = append(tiles, what+": "+bound+" "+want)
			}
			for _, s := range tiles {
				if !first[s] {
					t.Errorf("page 1 lacks %q", s)
				}
			}

			// Products, with the totals row.
			prods := pagesOf(pages, "Products")
			for i, pr := range rep.Products {
				row := []string{normSpace(p.Products[i].Name), e.cents(pr.NetPrice), e.units(pr.Units), e.units(pr.LiftUnits),
					e.money(pr.NetRevenue), e.money(pr.GrossMargin), e.maybe(pr.GrossMarginPct, e.pct), e.money(pr.Logistics),
					e.cents(pr.UnitContribution), e.money(p.Products[i].LaunchCost), e.money(pr.Contribution)}
				if msg := findRow(prods, row); msg != "" {
					t.Error(msg)
				}
			}
			// Places and the share matrix's first group of columns.
			places := pagesOf(pages, "Places")
			for k, pl := range rep.Places {
				row := []string{normSpace(p.Places[k].Name), e.pct(p.Places[k].MarginPct), e.cents(p.Places[k].UnitCost),
					e.units(pl.Units), e.pct(pl.Units / tot.Units), e.money(pl.GrossSales), e.money(pl.NetRevenue),
					e.money(pl.Logistics), e.money(pl.FixedCost)}
				if msg := findRow(places, row); msg != "" {
					t.Error(msg)
				}
			}
			// The share matrix: on the places pages, the lines that start with a
			// product's name are its rows, one per group of places.
			for _, pr := range p.Products {
				var want, got []string
				for _, pl := range p.Places {
					if s := pl.Share[pr.ID]; s > 0 {
						want = append(want, e.pct(s))
					} else {
						want = append(want, "·")
					}
				}
				for _, page := range places {
					for _, l := range page {
						if len(l) > 1 && l[0] == normSpace(pr.Name) {
							got = append(got, l[1:]...)
						}
					}
				}
				if strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("shares of %s: %q, want %q", pr.Name, got, want)
				}
			}
			// Promotions, with ROI and marginal ROI.
			promos := pagesOf(pages, "Promotions")
			for c, pm := range rep.Promotions {
				in := p.Promotions[c]
				maxS := "none"
				if in.Max != nil {
					maxS = e.money(*in.Max)
				}
				row := []string{normSpace(in.Name), in.Kind, e.money(pm.Spend), e.money(in.Min), maxS, e.units(pm.LiftUnits),
					e.money(pm.IncrementalContribution), e.maybe(pm.ROI, e.pct), e.maybe(pm.MarginalROI, e.pct)}
				if msg := findRowPrefix(promos, row); msg != "" {
					t.Error(msg)
				}
			}
			// Scenarios side by side: the contribution rows of every group of
			// columns, read left to right, top to bottom.
			var want, got []string
			for _, id := range p.ScenarioIDs() {
				r, err := planner.Evaluate(p, id)
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, e.money(r.Totals.Contribution))
			}
			for _, page := range pagesOf(pages, "Scenarios") {
				for _, l := range page {
					if len(l) > 1 && l[0] == "Contribution" {
						got = append(got, l[1:]...)
					}
				}
			}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("scenario contributions %q, want %q", got, want)
			}
		})
	}
}

// findRowPrefix is findRow for a row whose last cells are not checked here.
func findRowPrefix(pages [][][]string, cells []string) string {
	for _, page := range pages {
		for _, line := range page {
			if len(line) >= len(cells) && strings.HasPrefix(cells[0], line[0]) &&
				strings.Join(line[1:len(cells)], "|") == strings.Join(cells[1:], "|") {
				return ""
			}
		}
	}
	return fmt.Sprintf("row starting %q not found", strings.Join(cells, " | "))
}

// TestPDFCharts checks the figures printed on the charts: the bridge's
// values and shares, and the payback month.
func TestPDFCharts(t *testing.T) {
	for _, p := range []*planner.Plan{exporttest.SamplePlan(t), exporttest.TeaPlan(t)} {
		t.Run(p.Name, func(t *testing.T) {
			data, err := gather(p, Options{Generated: exporttest.FixedDate})
			if err != nil {
				t.Fatal(err)
			}
			pages := pdfLines(t, renderBytes(t, p, Options{}))
			runs := pageRuns(pagesOf(pages, "Contribution bridge")[0])
			steps := planner.Bridge(data.rep)
			for _, s := range steps[1:] {
				share := normSpace(data.fig.Percent(-s.Value / steps[0].Value))
				if s.Total {
					share = normSpace(data.fig.Percent(s.Value / steps[0].Value))
				}
				for _, want := range []string{normSpace(data.fig.short(s.Value)), share} {
					if !runs[want] {
						t.Errorf("bridge lacks %q for %s", want, s.Key)
					}
				}
			}
			pm := data.rep.Totals.PaybackMonth
			want := "Payback: " + monthLong(data.rep.Monthly[int(pm.Value)-1].Month)
			if !runs[want] {
				t.Errorf("monthly chart lacks %q", want)
			}
		})
	}
}

// TestPDFFontsEmbedded checks with pdffonts that every font is embedded as
// a Unicode TrueType font: no core font, no substitution on the reader's side.
func TestPDFFontsEmbedded(t *testing.T) {
	fonts := pdfFonts(t, renderBytes(t, exporttest.TeaPlan(t), Options{}))
	if len(fonts) < 2 {
		t.Fatalf("pdffonts lists %d fonts, want regular and bold at least: %+v", len(fonts), fonts)
	}
	for _, f := range fonts {
		if !f.embedded || !f.unicode || f.kind != "CID TrueType" || f.encoding != "Identity-H" {
			t.Errorf("font %+v: want an embedded CID TrueType font with a Unicode map", f)
		}
	}
}

// TestPDFCharacters checks that French and typographic characters print and
// read back, that French figures carry narrow no-break spaces, and that an
// emoji, which the PDF library cannot draw, is replaced rather than fatal.
func TestPDFCharacters(t *testing.T) {
	p := exporttest.HostilePlan(t)
	p.Promotions[2].Name = "Emailing — « offre d’été » œuvre ç è é €"
	d, err := render(p, Options{Generated: exporttest.FixedDate})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := d.pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pdfLayoutText(t, b.Bytes()), "\n")
	for _, r := range []string{"é", "è", "ç", "œ", "«", "»", "€", "’", "—", "\uFFFD"} {
		if !strings.Contains(text, r) {
			t.Errorf("pdftotext does not show %q", r)
		}
	}
	if !strings.Contains(text, "Emailing — « offre d’été » œuvre ç è é €") {
		t.Error("the channel name does not read back whole")
	}
	if strings.Contains(text, "🚀") || strings.Contains(text, "🍵") {
		t.Error("an emoji reached the PDF")
	}
	narrow := 0
	for _, bx := range d.boxes {
		if strings.Contains(bx.text, "\u202f") {
			narrow++
		}
	}
	if narrow < 50 {
		t.Errorf("only %d French figures drawn with narrow no-break spaces", narrow)
	}
	if !strings.Contains(text, "1 244 423 €") && !strings.Contains(normSpace(text), "1 244 423 €") {
		t.Error("French net revenue not found")
	}
}

// TestPDFPagesAndBookmarks checks the page count, the outline and the
// document properties.
func TestPDFPagesAndBookmarks(t *testing.T) {
	pdf := renderBytes(t, exporttest.SamplePlan(t), Options{})
	info := pdfInfo(t, pdf)
	if info["Pages"] != "11" {
		t.Errorf("pages = %s, want 11", info["Pages"])
	}
	for k, want := range map[string]string{
		"Title": "Trail running range 2027 — plan report", "Author": "Northpeak Outdoor Ltd",
		"Creator": "Mixplan", "Subject": "Marketing-mix plan report, scenario Base",
	} {
		if info[k] != want {
			t.Errorf("%s = %q, want %q", k, info[k], want)
		}
	}
	if !strings.HasPrefix(info["CreationDate"], "Sun Nov 22 09:30:00 2026") {
		t.Errorf("CreationDate = %q", info["CreationDate"])
	}
	want := []bookmark{
		{"Executive summary", 0, 1}, {"Contribution bridge and payback", 0, 2},
		{"Monthly contribution and payback", 1, 2}, {"Promotion month by month", 0, 3},
		{"Response curves", 0, 4}, {"Recommended budget", 0, 5}, {"When to spend", 0, 6},
		{"What more budget would buy", 0, 7}, {"Products", 0, 8}, {"Places", 0, 9},
		{"Promotions", 0, 10}, {"Scenarios", 0, 11},
	}
	got := pdfBookmarks(t, pdf)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("bookmarks\n got %v\nwant %v", got, want)
	}

	// A large plan: sections in order, each bookmarked once, on the page
	// where its kicker is, and every page framed with "Page X of N".
	big := renderBytes(t, bigPlan(), Options{})
	marks := pdfBookmarks(t, big)
	pages := pdfLines(t, big)
	n := len(pages)
	var names []string
	for _, m := range marks {
		if m.level == 0 {
			names = append(names, m.title)
			if !pageRuns(pages[m.page-1])[strings.ToUpper(m.title)] {
				t.Errorf("bookmark %q points at page %d, which does not open that section", m.title, m.page)
			}
		}
	}
	if got, want := strings.Join(names, ", "), "Executive summary, Contribution bridge and payback, Promotion month by month, Response curves, Recommended budget, Products, Places, Promotions, Scenarios"; got != want {
		t.Errorf("sections %s, want %s", got, want)
	}
	for i, page := range pages {
		runs := pageRuns(page)
		for _, s := range []string{fmt.Sprintf("Page %d of %d", i+1, n), "Generated 22 November 2026 with Mixplan", "Generated plan 300×12×30 · Generated Ltd"} {
			if !runs[s] {
				t.Errorf("page %d lacks %q in its header or footer", i+1, s)
			}
		}
	}
}

// TestPDFTablesBreakAcrossPages checks that a long table carries on over
// pages with its header repeated and every row printed once.
func TestPDFTablesBreakAcrossPages(t *testing.T) {
	p := bigPlan()
	pages := pagesOf(pdfLines(t, renderBytes(t, p, Options{})), "Products")
	if len(pages) < 5 {
		t.Fatalf("300 products on %d pages", len(pages))
	}
	seen := map[string]int{}
	for i, page := range pages {
		header := false
		for _, l := range page {
			if strings.Join(l, "|") == "Product|Net price|Units|promotion|Net revenue|Gross margin|margin %|Logistics|per unit|Launch cost|Contribution" {
				header = true
			}
			if len(l) == 11 && strings.HasPrefix(l[0], "Product ") {
				seen[l[0]]++
			}
		}
		if !header {
			t.Errorf("products page %d has no header row", i+1)
		}
	}
	for _, pr := range p.Products {
		if seen[pr.Name] != 1 {
			t.Errorf("%s printed %d times in the products table", pr.Name, seen[pr.Name])
		}
	}
}

// TestPDFLayout runs the layout check on every kind of plan: no text may
// leave the margins or sit on other text.
func TestPDFLayout(t *testing.T) {
	long := plangen.Generate(plangen.Size{Products: 40, Places: 25, Promotions: 9, Months: 60, Scenarios: 14}, 3)
	for _, tc := range []struct {
		name string
		plan *planner.Plan
		opt  Options
	}{
		{"sample", exporttest.SamplePlan(t), Options{}},
		{"sample on letter paper", exporttest.SamplePlan(t), Options{Paper: "letter"}},
		{"worked example", exporttest.TeaPlan(t), Options{}},
		{"worked example, pessimistic", exporttest.TeaPlan(t), Options{Scenario: "low"}},
		{"worked example, optimistic, letter", exporttest.TeaPlan(t), Options{Scenario: "high", Paper: "letter"}},
		{"300 products", bigPlan(), Options{}},
		{"long names, emoji", exporttest.HostilePlan(t), Options{}},
		{"bare plan", exporttest.BarePlan(), Options{}},
		{"version-2 worked example: actuals, ranges, carryover", teaV2(t), Options{}},
		{"CJK, right-to-left, emoji and 500-character names", worldPlan(t), Options{}},
		{"60 months, 25 places, 14 scenarios", long, Options{Scenario: "s3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := tc.opt
			opt.Generated = exporttest.FixedDate
			d, err := render(tc.plan, opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.boxes) == 0 {
				t.Fatal("no text recorded")
			}
			for i, pr := range d.layoutProblems() {
				if i == 20 {
					t.Error("…")
					break
				}
				t.Error(pr)
			}
		})
	}
}

// TestLayoutCheckCatches makes sure the layout check would see a problem.
func TestLayoutCheckCatches(t *testing.T) {
	d := newDoc(paper{"A4", 297, 210})
	d.addFonts()
	d.pdf.AddPage()
	d.font("", ptBody)
	d.text(d.left, 50, 0, "inside", alignLeft)
	d.text(d.left+2, 50.5, 0, "on top", alignLeft)
	d.text(d.right-5, 80, 0, "past the right margin", alignLeft)
	d.text(d.left, d.bottom-1, 0, "into the footer", alignLeft)
	got := strings.Join(d.layoutProblems(), "\n")
	for _, want := range []string{`"inside" and "on top" overlap`, `"past the right margin" at`, `"into the footer" at`} {
		if !strings.Contains(got, want) {
			t.Errorf("layout check missed %s:\n%s", want, got)
		}
	}
}

// TestPDFDeterministic: the same plan and date give the same bytes.
func TestPDFDeterministic(t *testing.T) {
	p := exporttest.TeaPlan(t)
	a, b := renderBytes(t, p, Options{}), renderBytes(t, p, Options{})
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same plan differ")
	}
	c := renderBytes(t, p, Options{Generated: exporttest.FixedDate.AddDate(0, 0, 1)})
	if bytes.Equal(a, c) {
		t.Fatal("the generation date does not reach the PDF")
	}
}

// TestPDFGolden pins the sample report: its bytes (by hash) and its text.
// Run with -update-pdf after a deliberate change, then look at the pages.
func TestPDFGolden(t *testing.T) {
	pdf := renderBytes(t, exporttest.SamplePlan(t), Options{})
	text := strings.Join(pdfLayoutText(t, pdf), "\f")
	sum := fmt.Sprintf("%x\n", sha256.Sum256(pdf))
	textPath, sumPath := filepath.Join("testdata", "sample.golden.txt"), filepath.Join("testdata", "sample.golden.sha256")
	if *updatePDF {
		if err := os.WriteFile(textPath, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(sumPath, []byte(sum), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantText, err := os.ReadFile(textPath)
	if err != nil {
		t.Fatalf("%v (run go test ./export -run TestPDFGolden -update-pdf)", err)
	}
	if text != string(wantText) {
		got := filepath.Join(t.TempDir(), "sample.txt")
		os.WriteFile(got, []byte(text), 0o644)
		t.Errorf("the sample report's text changed: diff %s %s", textPath, got)
	}
	wantSum, err := os.ReadFile(sumPath)
	if err != nil {
		t.Fatal(err)
	}
	if sum != string(wantSum) {
		t.Errorf("the sample report's bytes changed: sha256 %s, golden %s", strings.TrimSpace(sum), strings.TrimSpace(string(wantSum)))
	}
}

// TestPDFPaper checks both page sizes, in landscape.
func TestPDFPaper(t *testing.T) {
	for _, tc := range []struct {
		paper string
		w, h  float64 // points
	}{{"", 841.89, 595.28}, {"a4", 841.89, 595.28}, {"letter", 792, 612}} {
		t.Run("paper "+tc.paper, func(t *testing.T) {
			for i, s := range pdfPageSizes(t, renderBytes(t, exporttest.SamplePlan(t), Options{Paper: tc.paper})) {
				if abs(s[0]-tc.w) > 0.1 || abs(s[1]-tc.h) > 0.1 {
					t.Errorf("page %d is %.2f×%.2f pt, want %.2f×%.2f", i+1, s[0], s[1], tc.w, tc.h)
				}
			}
		})
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestWritePDFRefuses(t *testing.T) {
	invalid := exporttest.SamplePlan(t)
	invalid.Products[0].ListPrice = 0
	for _, tc := range []struct {
		name string
		plan *planner.Plan
		opt  Options
		w    func() *bytes.Buffer
		want string
	}{
		{"no plan", nil, Options{}, nil, "no plan"},
		{"invalid plan", invalid, Options{}, nil, "listPrice"},
		{"unknown scenario", exporttest.SamplePlan(t), Options{Scenario: "mars"}, nil, `no scenario "mars"`},
		{"unknown paper", exporttest.SamplePlan(t), Options{Paper: "a3"}, nil, "a4 or letter"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			err := Write(&b, tc.plan, tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
			if b.Len() != 0 {
				t.Errorf("%d bytes written despite the error", b.Len())
			}
		})
	}
	t.Run("failing writer", func(t *testing.T) {
		if err := Write(exporttest.FailingWriter{}, exporttest.SamplePlan(t), Options{}); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Fatalf("error %v, want the writer's", err)
		}
	})
}
