package pdf

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"mixplan/export/internal/exporttest"
	"mixplan/planner"
)

// teaV2 is the contract's version-2 worked example (testdata/tea2.mixplan,
// copied from the spec's examples): carryover, responsiveness, groups, four
// closed months of actuals and six ranges.
func teaV2(t testing.TB) *planner.Plan {
	t.Helper()
	b, err := os.ReadFile("testdata/tea2.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	p, err := planner.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// worldPlan names things in Chinese, Japanese, Korean, Arabic and Hebrew,
// with emoji and 500-character names, as a careless or foreign user would.
func worldPlan(t testing.TB) *planner.Plan {
	t.Helper()
	p := teaV2(t)
	p.Name = "Plan " + strings.Repeat("長", 300)
	p.Products[0].Name = "緑茶 有機 100 g"
	p.Products[1].Name = "デトックス ハーブティー"
	p.Products[2].Name = "한국 녹차 선물 세트"
	p.Places[0].Name = "متجر إلكتروني"
	p.Places[1].Name = "חנות"
	p.Promotions[0].Name = "Search ads 🚀 🍵"
	p.Promotions[1].Name = strings.Repeat("Réseaux sociaux ", 32)[:500]
	p.Promotions[2].Name = strings.Repeat("R", 500)
	return p
}

func TestCarryoverShares(t *testing.T) {
	third := 25000.0 / 3
	for _, tc := range []struct {
		name        string
		spend       []float64
		lambda      float64
		later, lost float64
	}{
		{"no carryover", []float64{100, 0, 100}, 0, 0, 0},
		{"no spend", []float64{0, 0, 0}, 0.5, 0, 0},
		// x = 0.5·8333⅓ = 4166⅔, then 6250, then 7291⅔: 17708⅓ felt of
		// 25000, 12500 in the months of the spend, 7291⅔ due after December.
		{"radio's autumn burst, half carried", []float64{0, 0, 0, 0, 0, 0, 0, 0, 0, third, third, third}, 0.5, 5208.0 + 1.0/3, 7291.0 + 2.0/3},
		// One month's spend, λ = 0.2, two months: 80 felt then, 16 the next, 4 lost.
		{"one burst, two months", []float64{100, 0}, 0.2, 16, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			later, lost := carryoverShares(tc.spend, tc.lambda)
			total := 0.0
			for _, s := range tc.spend {
				total += s
			}
			wantLater, wantLost := 0.0, 0.0
			if total > 0 {
				wantLater, wantLost = tc.later/total, tc.lost/total
			}
			if math.Abs(later-wantLater) > 1e-12 || math.Abs(lost-wantLost) > 1e-12 {
				t.Errorf("later, lost = %v, %v; want %v, %v", later, lost, wantLater, wantLost)
			}
		})
	}
}

// TestNewPagesSay checks the sentences of the pages the version-2 worked
// example adds, against `mixplan track` and `mixplan risk` on that plan
// (contribution planned 398 336 €, estimated 371 769 €; the base volume of
// the green tea swings contribution by 75 212 €).
func TestNewPagesSay(t *testing.T) {
	const n = "\u202f"
	data, err := gather(teaV2(t), Options{Generated: exporttest.FixedDate})
	if err != nil {
		t.Fatal(err)
	}
	if data.track == nil || data.risk == nil {
		t.Fatal("the worked example has actuals and ranges, but no tracking or risk was gathered")
	}
	for _, tc := range []struct{ name, got, want string }{
		{"calendar title", data.calendarTitle(),
			"Radio locale carries over: 20,8" + n + "% of its advertising pressure is felt in the months after it spends, and 29,2" + n + "% is still due after the plan ends and sells nothing in it"},
		{"standing title", data.standingTitle(),
			"After 4 of 12 months, contribution is estimated at 371" + n + "769" + n + "€ for the year, 26" + n + "567" + n + "€ (6,7" + n + "%) below plan; 2 of 6 targets in reach"},
		{"risk title", data.riskTitle(),
			"The base volume of Thé vert bio 100 g swings contribution by 75" + n + "212" + n + "€: check that demand forecast first"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s:\n got  %q\n want %q", tc.name, tc.got, tc.want)
		}
	}
	moved := strings.Join(append(data.varianceSentences(), data.replanSentence()), "\n")
	for _, want := range []string{
		"Infusion détox sold **8" + n + "% fewer** units than planned to date (26" + n + "450 against 28" + n + "774); its base volume was lowered by **6" + n + "%**.",
		"Search ads brought **22" + n + "% fewer** extra units than planned to date (3" + n + "240 against 4" + n + "132); its curve was lowered by **12" + n + "%**.",
		"Réseaux sociaux spent **1" + n + "746" + n + "€ more** than planned to date (17" + n + "900" + n + "€ against 16" + n + "154" + n + "€).",
		"PLV en magasin spent **700" + n + "€ less** than planned to date (11" + n + "300" + n + "€ against 12" + n + "000" + n + "€).",
		// mixplan optimize --rest-of-year --json: before 371 769 €, after 399 322 €, promotion 156 046 € → 83 688 €.
		"Re-planning the 8 open months with the re-fitted curves lifts the latest estimate of contribution from **371" + n + "769" + n + "€** to **399" + n + "322" + n + "€** (+27" + n + "553" + n + "€), with 83" + n + "688" + n + "€ of promotion for the year instead of 156" + n + "046" + n + "€.",
	} {
		if !strings.Contains(moved, want) {
			t.Errorf("what moved lacks %q:\n%s", want, moved)
		}
	}

	// A plan without actuals or ranges has neither page.
	plain, err := gather(exporttest.TeaPlan(t), Options{Generated: exporttest.FixedDate})
	if err != nil {
		t.Fatal(err)
	}
	if plain.track != nil || plain.risk != nil {
		t.Error("a plan with no actuals and no ranges got a tracking or risk page")
	}
}

// TestNewPagesRead renders the worked example and reads the new pages back.
func TestNewPagesRead(t *testing.T) {
	text := normSpace(strings.Join(pdfLayoutText(t, renderBytes(t, teaV2(t), Options{})), "\n"))
	for _, want := range []string{
		"WHERE WE STAND", "HOW SURE ARE WE", "PROMOTION MONTH BY MONTH",
		"Carryover 50 %: 21 % of pressure felt later, 29 % lost",
		"In 8 draws out of 10, contribution lands between 363 057 € and 414 582 € (mean 389 412 €)",
		"at least 1 200 000 €", "75,4 %",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report does not read %q", want)
		}
	}
}

// TestWorldNames checks that Chinese, Japanese and Korean names print in the
// fallback font, that what cannot print is named in warnings, and that the
// fallback costs a plan without such names nothing.
func TestWorldNames(t *testing.T) {
	var warned []string
	pdf := renderBytes(t, worldPlan(t), Options{Warn: func(m string) { warned = append(warned, m) }})
	text := strings.Join(pdfLayoutText(t, pdf), "\n")
	for _, want := range []string{"緑茶 有機 100 g", "デトックス ハーブティー", "한국 녹차 선물 세트"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext does not show %q", want)
		}
	}
	fallback := func(pdf []byte) bool {
		for _, f := range pdfFonts(t, pdf) {
			if strings.Contains(strings.ToLower(f.name), "droid") {
				return f.embedded
			}
		}
		return false
	}
	if !fallback(pdf) {
		t.Error("the CJK fallback font is not embedded")
	}
	plain := renderBytes(t, teaV2(t), Options{})
	if fallback(plain) {
		t.Error("a plan without CJK names embeds the fallback font")
	}
	// Only the glyphs used are embedded: the 3.4 MB font adds little.
	if extra := len(pdf) - len(plain); extra > 150_000 {
		t.Errorf("CJK names add %d bytes; the fallback is not subset", extra)
	}
	got := strings.Join(warned, "\n")
	for _, want := range []string{
		`places[0].name "متجر إلكتروني": the PDF prints these characters as � (right-to-left script م ت ج ر إ ل ك و and 2 more)`,
		`places[1].name "חנות": the PDF prints these characters as � (right-to-left script ח נ ו ת)`,
		`promotions[0].name "Search ads 🚀 🍵": the PDF prints these characters as � (emoji or symbol 🚀 🍵)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings lack %s:\n%s", want, got)
		}
	}
	if len(warned) != 3 {
		t.Errorf("%d warnings, want 3 (none for CJK, French or long names):\n%s", len(warned), got)
	}
	if w := Warnings(exporttest.HostilePlan(t)); len(w) != 2 {
		t.Errorf("the hostile plan's two emoji names give %d warnings: %q", len(w), w)
	}
}

// TestOptimiserPagesSay checks the sentences the exact optimiser's answers
// give, against the command line on the sample plan: mixplan optimize
// (fixed flighting: contribution 2 297 854 €), optimize --flighting free
// (2 371 319 €, 73 465 € or 3.2 % more), optimize --budget 682000
// (2 298 823 €, 970 € more) and frontier (the revenue target reached at
// 672 875 €, the contribution target never: 2 298 823 € at most).
func TestOptimiserPagesSay(t *testing.T) {
	data, err := gather(exporttest.SamplePlan(t), Options{Generated: exporttest.FixedDate})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := data.whenSentence(), "Choosing the months as well adds €73,465 of contribution (+3.2%) for the same €355,000 of promotion"; got != want {
		t.Errorf("when:\n got  %q\n want %q", got, want)
	}
	title, rest := data.frontierSentence()
	if want := "€62,000 more would add €970 of contribution; the net revenue target needs at least €672,875"; title != want {
		t.Errorf("frontier title:\n got  %q\n want %q", title, want)
	}
	if want := "The contribution target is out of reach at any budget up to €1,240,000 (at most €2,298,823). "; rest != want {
		t.Errorf("frontier rest:\n got  %q\n want %q", rest, want)
	}

	// One concave channel, flat in every way: choosing the months cannot
	// beat spreading the spend evenly, so the report has no "When to spend".
	flat := exporttest.BarePlan()
	flat.Promotions = []planner.Promotion{{ID: "search", Name: "Search", Kind: "digital", Spend: 1000,
		Response: planner.Response{MaxUnits: 500, HalfSpend: 2000, Shape: 1}}}
	data, err = gather(flat, Options{Generated: exporttest.FixedDate})
	if err != nil {
		t.Fatal(err)
	}
	if data.rec == nil {
		t.Fatal(data.recNote)
	}
	if data.free != nil || data.whenSentence() != "" {
		t.Errorf("free flighting gains %v on a flat plan, and the report says %q", data.free.gain, data.whenSentence())
	}
}

func TestCalendarWords(t *testing.T) {
	months := make([]planner.MonthResult, 12)
	for i := range months {
		months[i].Month = fmt.Sprintf("2027-%02d", i+1)
	}
	for _, tc := range []struct {
		name  string
		spend []float64
		want  string
	}{
		{"nothing", make([]float64, 12), "nothing"},
		{"flat", []float64{5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, "every month, evenly"},
		{"a burst", []float64{5, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0}, "Jan, Feb, Mar only"},
		{"a season", []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 6, 9}, "half in Nov, Dec"},
		{"steady with a launch month", []float64{7.6, 3.8, 3.8, 3.8, 3.8, 3.8, 3.8, 3.8, 3.8, 3.8, 2.8, 0}, "Jan–Nov, steady; more in Jan, less in Nov"},
		{"steady all year but one", []float64{2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 6}, "every month, steady; more in Dec"},
		{"steady but two stretches", []float64{3, 3, 3, 3, 0, 0, 0, 0, 3, 3, 3, 4}, "half in Jan, Feb, Mar, Dec"},
		{"uneven", []float64{5, 5, 7.5, 8.9, 8.9, 6.7, 5, 4.1, 8.2, 8.2, 5.9, 5.9}, "half in Mar, Apr, May, Sep, Oct"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := calendarWords(tc.spend, months); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRoundSignificant(t *testing.T) {
	for _, tc := range []struct{ x, want float64 }{
		{62000, 62000}, {61234, 61000}, {14300, 14000}, {30000, 30000}, {999.6, 1000}, {0, 0}, {-4567, -4600},
	} {
		if got := roundSignificant(tc.x, 2); got != tc.want {
			t.Errorf("roundSignificant(%v, 2) = %v, want %v", tc.x, got, tc.want)
		}
	}
}
