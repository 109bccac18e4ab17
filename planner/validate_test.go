package planner_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"mixplan/planner"
)

func teaBytes(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// teaV1Bytes is the worked example as a version-1 file, written compactly.
func teaV1Bytes(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/v1/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// edit replaces old with new in the version-1 worked example, exactly once.
func edit(t *testing.T, old, new string) []byte {
	t.Helper()
	src := string(teaV1Bytes(t))
	if strings.Count(src, old) != 1 {
		t.Fatalf("%q occurs %d times in the example", old, strings.Count(src, old))
	}
	return []byte(strings.Replace(src, old, new, 1))
}

func problemsOf(t *testing.T, data []byte) []planner.Problem {
	t.Helper()
	_, err := planner.Parse(data)
	var v *planner.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("want a *ValidationError, got %v", err)
	}
	return v.Problems
}

// TestRefusals checks that each broken rule gets its own clear message at its JSON path.
func TestRefusals(t *testing.T) {
	for _, tc := range []struct {
		name     string
		data     func(t *testing.T) []byte
		path     string
		contains string
	}{
		{"empty file", func(*testing.T) []byte { return nil }, "", "the file is empty"},
		{"only spaces", func(*testing.T) []byte { return []byte(" \n\t") }, "", "the file is empty"},
		{"truncated", func(t *testing.T) []byte { b := teaV1Bytes(t); return b[:len(b)/2] }, "", "truncated"},
		{"not JSON", func(*testing.T) []byte { return []byte("name = plan") }, "", "not valid JSON"},
		{"not UTF-8", func(t *testing.T) []byte { return edit(t, "Maison Théière", "Maison Th\xe9i\xe8re") }, "", "not UTF-8"},
		{"trailing data", func(t *testing.T) []byte { return append(teaV1Bytes(t), "{}"...) }, "", "more after"},
		{"not an object", func(*testing.T) []byte { return []byte("[1,2]") }, "", "must be an object"},
		{"wrong format", func(t *testing.T) []byte { return edit(t, `"format": "mixplan"`, `"format": "excel"`) }, "format", "not a Mixplan plan"},
		{"newer version", func(t *testing.T) []byte { return edit(t, `"version": 1`, `"version": 3`) }, "version", "made by a newer version of Mixplan"},
		{"version 0", func(t *testing.T) []byte { return edit(t, `"version": 1`, `"version": 0`) }, "version", "must be 2"},
		{"fractional version", func(t *testing.T) []byte { return edit(t, `"version": 1`, `"version": 1.5`) }, "version", "whole number"},
		{"missing name", func(t *testing.T) []byte { return edit(t, `"name": "Gamme thés bio 2027",`, ``) }, "name", "is required"},
		{"empty name", func(t *testing.T) []byte { return edit(t, `"name": "Gamme thés bio 2027"`, `"name": ""`) }, "name", "must not be empty"},
		{"unknown top-level field", func(t *testing.T) []byte { return edit(t, `"months": 12,`, `"months": 12, "colour": "red",`) }, "colour", "unknown field"},
		{"unknown nested field", func(t *testing.T) []byte { return edit(t, `"launchCost": 15000,`, `"launchCost": 15000, "vat": 0.2,`) }, "products[0].vat", "unknown field"},
		{"lower-case currency", func(t *testing.T) []byte { return edit(t, `"EUR"`, `"eur"`) }, "currency", "three-letter ISO 4217"},
		{"unknown locale", func(t *testing.T) []byte { return edit(t, `"locale": "fr"`, `"locale": "de"`) }, "locale", `"en" or "fr"`},
		{"bad start month", func(t *testing.T) []byte { return edit(t, `"2027-01"`, `"2027-13"`) }, "start", "YYYY-MM"},
		{"horizon too long", func(t *testing.T) []byte { return edit(t, `"months": 12`, `"months": 61`) }, "months", "between 1 and 60"},
		{"retention of 1", func(t *testing.T) []byte { return edit(t, `"retentionPct": 0.55`, `"retentionPct": 1`) }, "retentionPct", "less than 1"},
		{"negative discount rate", func(t *testing.T) []byte { return edit(t, `"discountRate": 0.10`, `"discountRate": -0.1`) }, "discountRate", "negative"},
		{"negative budget", func(t *testing.T) []byte { return edit(t, `"budget": 300000`, `"budget": -1`) }, "targets.budget", "negative"},
		{"margin target of 100 %", func(t *testing.T) []byte { return edit(t, `"grossMarginPct": 0.65`, `"grossMarginPct": 1`) }, "targets.grossMarginPct", "less than 1"},
		{"text where a number goes", func(t *testing.T) []byte { return edit(t, `"unitCost": 2.1`, `"unitCost": "2,1"`) }, "products[0].unitCost", "must be a number"},
		{"infinite number", func(t *testing.T) []byte { return edit(t, `"unitCost": 2.1`, `"unitCost": 1e999`) }, "products[0].unitCost", "finite"},
		{"zero list price", func(t *testing.T) []byte { return edit(t, `"listPrice": 6.5`, `"listPrice": 0`) }, "products[1].listPrice", "greater than 0"},
		{"discount of 100 %", func(t *testing.T) []byte { return edit(t, `"discountPct": 0.10`, `"discountPct": 1`) }, "products[1].discountPct", "less than 1"},
		{"positive elasticity", func(t *testing.T) []byte { return edit(t, `"elasticity": -1.4`, `"elasticity": 0.5`) }, "products[0].elasticity", "between -20 and 0"},
		{"zero units per customer", func(t *testing.T) []byte { return edit(t, `"unitsPerCustomer": 3`, `"unitsPerCustomer": 0`) }, "products[0].unitsPerCustomer", "greater than 0"},
		{"bad id", func(t *testing.T) []byte { return edit(t, `"id": "green"`, `"id": "thé vert"`) }, "products[0].id", "letters, digits"},
		{"duplicate id", func(t *testing.T) []byte { return edit(t, `"id": "detox"`, `"id": "green"`) }, "products[1].id", "already the id"},
		{"seasonality too short", func(t *testing.T) []byte { return edit(t, `[14,10,9,8,8,7,6,6,8,8,8,8]`, `[14,10,9]`) }, "products[1].seasonality", "one per month (12)"},
		{"negative seasonality", func(t *testing.T) []byte {
			return edit(t, `[14,10,9,8,8,7,6,6,8,8,8,8]`, `[14,-10,9,8,8,7,6,6,8,8,8,8]`)
		}, "products[1].seasonality[1]", "negative"},
		{"all-zero seasonality", func(t *testing.T) []byte { return edit(t, `[14,10,9,8,8,7,6,6,8,8,8,8]`, `[0,0,0,0,0,0,0,0,0,0,0,0]`) }, "products[1].seasonality", "more than 0"},
		{"shares short of 1", func(t *testing.T) []byte { return edit(t, `"gift": 0.10}`, `"gift": 0.05}`) }, "places[3].share", `shares of product "gift" add up to 0.95, they must add up to 1`},
		{"share of an unknown product", func(t *testing.T) []byte { return edit(t, `"gift": 0.10}`, `"gift": 0.10, "mug": 0}`) }, "places[3].share.mug", `names product "mug"`},
		{"place margin of 100 %", func(t *testing.T) []byte { return edit(t, `"marginPct": 0.40`, `"marginPct": 1`) }, "places[2].marginPct", "less than 1"},
		{"max below min", func(t *testing.T) []byte { return edit(t, `"min": 2000, "max": 20000`, `"min": 2000, "max": 1000`) }, "promotions[2].max", "below min"},
		{"missing response", func(t *testing.T) []byte {
			return edit(t, `"response": {"maxUnits": 9000, "halfSpend": 6000, "shape": 0.8}`, `"split": null`)
		}, "promotions[2].response", "is required"},
		{"zero half spend", func(t *testing.T) []byte { return edit(t, `"halfSpend": 6000`, `"halfSpend": 0`) }, "promotions[2].response.halfSpend", "greater than 0"},
		{"shape above 10", func(t *testing.T) []byte { return edit(t, `"shape": 0.8`, `"shape": 11`) }, "promotions[2].response.shape", "at most 10"},
		{"split of an unknown product", func(t *testing.T) []byte { return edit(t, `"split": {"gift": 1}`, `"split": {"mug": 1}`) }, "promotions[5].split.mug", `names product "mug"`},
		{"split adding up to 0", func(t *testing.T) []byte { return edit(t, `"split": {"gift": 1}`, `"split": {"gift": 0}`) }, "promotions[5].split", "more than 0"},
		{"flighting too long", func(t *testing.T) []byte {
			return edit(t, `[0,0,0,0,0,0,0,0,0,1,1,1]`, `[0,0,0,0,0,0,0,0,0,1,1,1,1]`)
		}, "promotions[4].flighting", "has 13 values"},
		{"zero scenario factor", func(t *testing.T) []byte { return edit(t, `"volume": 0.85`, `"volume": 0`) }, "scenarios[0].volume", "greater than 0"},
		{"scenario called base", func(t *testing.T) []byte { return edit(t, `"id": "low"`, `"id": "base"`) }, "scenarios[0].id", "plan as written"},
		{"products not a list", func(t *testing.T) []byte {
			return []byte(`{"format":"mixplan","version":1,"name":"x","products":{}}`)
		}, "products", "must be a list"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := problemsOf(t, tc.data(t))
			for _, p := range ps {
				if p.Path == tc.path && strings.Contains(p.Message, tc.contains) {
					return
				}
			}
			t.Errorf("no problem at %q containing %q; got %v", tc.path, tc.contains, ps)
		})
	}
}

// TestEveryProblemListed checks that one refusal lists all the problems at once.
func TestEveryProblemListed(t *testing.T) {
	src := string(teaV1Bytes(t))
	for _, r := range [][2]string{
		{`"listPrice": 6.5`, `"listPrice": -1`},
		{`"gift": 0.10}`, `"gift": 0.05}`},
		{`"months": 12,`, `"months": 12, "colour": "red",`},
		{`"shape": 0.8`, `"shape": 0`},
		{`"volume": 0.85`, `"volume": "high"`},
	} {
		src = strings.Replace(src, r[0], r[1], 1)
	}
	ps := problemsOf(t, []byte(src))
	want := []string{"products[1].listPrice", "places[3].share", "colour", "promotions[2].response.shape", "scenarios[0].volume"}
	if len(ps) != len(want) {
		t.Errorf("got %d problems, want %d: %v", len(ps), len(want), ps)
	}
	for _, path := range want {
		found := false
		for _, p := range ps {
			found = found || p.Path == path
		}
		if !found {
			t.Errorf("no problem at %s in %v", path, ps)
		}
	}
}

func TestAccepted(t *testing.T) {
	for _, tc := range []struct {
		name string
		data func(t *testing.T) []byte
	}{
		{"byte-order mark", func(t *testing.T) []byte { return append([]byte("\xef\xbb\xbf"), teaBytes(t)...) }},
		{"version 1", func(t *testing.T) []byte { return teaV1Bytes(t) }},
		{"null targets", func(t *testing.T) []byte { return edit(t, `"romi": 0.5, "cac": 12`, `"romi": null, "cac": null`) }},
		{"shares within 1e-6", func(t *testing.T) []byte { return edit(t, `"gift": 0.10}`, `"gift": 0.1000005}`) }},
		{"sixty months", func(*testing.T) []byte {
			return []byte(strings.Replace(minimal, `"name":"Minimal"`, `"name":"M","months":60`, 1))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := planner.Parse(tc.data(t)); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestSizeLimits(t *testing.T) {
	t.Run("file over 64 MiB", func(t *testing.T) {
		big := bytes.Repeat([]byte(" "), planner.MaxFileBytes+1)
		_, err := planner.Read(bytes.NewReader(big))
		if err == nil || !strings.Contains(err.Error(), "larger than 64 MiB") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("too many scenarios", func(t *testing.T) {
		var b strings.Builder
		b.WriteString(`{"format":"mixplan","version":1,"name":"x","scenarios":[`)
		for i := 0; i <= planner.MaxScenarios; i++ {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(`{"id":"s` + strings.Repeat("x", i%5) + string(rune('a'+i%26)) + `","name":"s"}`)
		}
		b.WriteString("]}")
		ps := problemsOf(t, []byte(b.String()))
		for _, p := range ps {
			if p.Path == "scenarios" && strings.Contains(p.Message, "more than the 100") {
				return
			}
		}
		t.Errorf("no size-limit problem in %v", ps)
	})
}
