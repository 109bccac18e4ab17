package planner_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"mixplan/planner"
)

// remove is the value editV2 sets to delete a key.
var remove = struct{}{}

// editV2 sets one value of the version-2 worked example, addressed by a
// JSON path such as "promotions[1].response.carryover", and returns the
// file's bytes. Setting remove deletes the key.
func editV2(t *testing.T, path string, value any) []byte {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(teaBytes(t)))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		t.Fatal(err)
	}
	setPath(t, tree, path, value)
	b, err := json.Marshal(tree)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// setPath walks "a.b[2].c" in a decoded JSON tree and sets the last step.
func setPath(t *testing.T, node any, path string, value any) {
	t.Helper()
	var steps []any // string keys and int indices
	for _, part := range strings.Split(path, ".") {
		name, rest, _ := strings.Cut(part, "[")
		if name != "" {
			steps = append(steps, name)
		}
		for rest != "" {
			num, after, _ := strings.Cut(rest, "]")
			i, err := strconv.Atoi(num)
			if err != nil {
				t.Fatalf("bad path %q", path)
			}
			steps = append(steps, i)
			rest = strings.TrimPrefix(after, "[")
		}
	}
	for j, st := range steps {
		last := j == len(steps)-1
		switch key := st.(type) {
		case string:
			m, ok := node.(map[string]any)
			if !ok {
				t.Fatalf("%s: %q is not in an object", path, key)
			}
			if last {
				if value == remove {
					delete(m, key)
				} else {
					m[key] = value
				}
				return
			}
			node = m[key]
		case int:
			a, ok := node.([]any)
			if !ok || key >= len(a) {
				t.Fatalf("%s: no element %d", path, key)
			}
			if last {
				a[key] = value
				return
			}
			node = a[key]
		}
	}
}

// TestRefusalsV2 checks each rule of the fields version 2 adds: one clear
// message at the field's JSON path.
func TestRefusalsV2(t *testing.T) {
	for _, tc := range []struct {
		name, at string // the edit
		value    any
		path     string // where the problem must be reported
		contains string
	}{
		{"carryover above 0.9", "promotions[1].response.carryover", 0.95, "promotions[1].response.carryover", "must be between 0 and 0.9, not 0.95"},
		{"negative carryover", "promotions[4].response.carryover", -0.1, "promotions[4].response.carryover", "must be between 0 and 0.9"},
		{"carryover as text", "promotions[4].response.carryover", "half", "promotions[4].response.carryover", "must be a number"},
		{"responsiveness too short", "promotions[0].responsiveness", []any{1, 2, 3}, "promotions[0].responsiveness", "has 3 values, it must have one per month (12)"},
		{"negative responsiveness", "promotions[0].responsiveness[3]", -7, "promotions[0].responsiveness[3]", "must not be negative"},
		{"responsiveness all zero", "promotions[0].responsiveness", make([]any, 12), "promotions[0].responsiveness", "more than 0"},
		{"negative monthly cap", "promotions[1].maxPerMonth", -1, "promotions[1].maxPerMonth", "must not be negative"},
		{"group without a name", "groups[0].name", remove, "groups[0].name", "is required"},
		{"group with a bad id", "groups[0].id", "dig ital", "groups[0].id", "letters, digits"},
		{"groups with the same id", "groups[1].id", "digital", "groups[1].id", `"digital" is already the id of entry 0`},
		{"group of an unknown channel", "groups[0].promotions[1]", "tv", "groups[0].promotions[1]", `names promotion "tv", which is not in the plan`},
		{"group naming a channel twice", "groups[0].promotions[2]", "sea", "groups[0].promotions[2]", `"sea" is already in this group`},
		{"empty group", "groups[1].promotions", []any{}, "groups[1].promotions", "at least one"},
		{"group without channels", "groups[1].promotions", remove, "groups[1].promotions", "is required"},
		{"group max below min", "groups[0].max", 1000, "groups[0].max", "must not be below min (40000), not 1000"},
		{"negative group min", "groups[1].min", -5, "groups[1].min", "must not be negative"},
		{"share above 1", "groups[0].maxShare", 1.5, "groups[0].maxShare", "between 0 and 1"},
		{"min share above max share", "groups[0].minShare", 0.8, "groups[0].maxShare", "must not be below minShare (0.8), not 0.7"},
		{"unknown group field", "groups[0].colour", "red", "groups[0].colour", "unknown field"},
		{"groups not a list", "groups", map[string]any{}, "groups", "must be a list"},
		{"closed months beyond the horizon", "actuals.through", 13, "actuals.through", "must be between 0 and the plan's months (12), not 13"},
		{"closed months missing", "actuals.through", remove, "actuals.through", "is required"},
		{"closed months not whole", "actuals.through", 2.5, "actuals.through", "whole number"},
		{"negative credibility", "actuals.credibility", -1, "actuals.credibility", "must not be negative"},
		{"actuals of an unknown channel", "actuals.promotions.tv", map[string]any{}, "actuals.promotions.tv", `names promotion "tv", which is not in the plan`},
		{"actuals of an unknown product", "actuals.products.mug", map[string]any{"units": []any{1, 2, 3, 4}}, "actuals.products.mug", `names product "mug"`},
		{"spends for too few months", "actuals.promotions.sea.spend", []any{1, 2, 3}, "actuals.promotions.sea.spend", "has 3 values, it must have one per closed month (4)"},
		{"units for too many months", "actuals.products.green.units", []any{1, 2, 3, 4, 5}, "actuals.products.green.units", "has 5 values"},
		{"negative units", "actuals.products.green.units[2]", -6900, "actuals.products.green.units[2]", "must not be negative"},
		{"negative measured lift", "actuals.promotions.sea.liftUnits[0]", -1, "actuals.promotions.sea.liftUnits[0]", "must not be negative"},
		{"negative commitment", "actuals.promotions.plv.committed", -4000, "actuals.promotions.plv.committed", "must not be negative"},
		{"unknown actuals field", "actuals.promotions.sea.cost", []any{1, 2, 3, 4}, "actuals.promotions.sea.cost", "unknown field"},
		{"actuals keyed by a list", "actuals.products", []any{}, "actuals.products", "must be an object keyed by id"},
		{"range of an unknown product", "ranges[0].of", "products.mug.elasticity", "ranges[0].of", `names product "mug", which is not in the plan`},
		{"range of an unknown place", "ranges[4].of", "places.shop.marginPct", "ranges[4].of", `names place "shop"`},
		{"range of an input ranges cannot cover", "ranges[0].of", "products.green.listPrice", "ranges[0].of", "is not an input a range may cover"},
		{"range naming no field", "ranges[0].of", "green", "ranges[0].of", "LIST.ID.FIELD"},
		{"two ranges on one input", "ranges[1].of", "products.green.elasticity", "ranges[1].of", `"products.green.elasticity" already has a range (ranges[0])`},
		{"low above the plan's value", "ranges[1].low", 61000, "ranges[1].low", "must not be above the plan's value (60000), not 61000"},
		{"high below the plan's value", "ranges[2].high", 20000, "ranges[2].high", "must not be below the plan's value (26000), not 20000"},
		{"high outside the field's rule", "ranges[5].high", 0.95, "ranges[5].high", "must be between 0 and 0.9"},
		{"low outside the field's rule", "ranges[0].low", -25, "ranges[0].low", "must be between -20 and 0"},
		{"range without high", "ranges[3].high", remove, "ranges[3].high", "is required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := problemsOf(t, editV2(t, tc.at, tc.value))
			for _, p := range ps {
				if p.Path == tc.path && strings.Contains(p.Message, tc.contains) {
					return
				}
			}
			t.Errorf("no problem at %q containing %q; got %v", tc.path, tc.contains, ps)
		})
	}
}

// TestVersion1Files: a version-1 file is read as version 2 and saved as
// version 2; the fields version 2 adds are unknown fields in it.
func TestVersion1Files(t *testing.T) {
	v1, err := planner.Parse(teaV1Bytes(t))
	if err != nil {
		t.Fatal(err)
	}
	out, err := planner.Marshal(v1)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte(`"version": 2,`)) {
		t.Errorf("a version-1 plan is not saved as version 2:\n%.200s", out)
	}
	back, err := planner.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(v1, back) {
		t.Error("the version-1 plan changed when saved as version 2")
	}
	for _, tc := range []struct{ name, old, new, path string }{
		{"carryover", `"shape": 1.3}`, `"shape": 1.3, "carryover": 0.2}`, "promotions[1].response.carryover"},
		{"responsiveness", `"split": {"gift": 1},`, `"split": {"gift": 1}, "responsiveness": [1,1,1,1,1,1,1,1,1,1,1,1],`, "promotions[5].responsiveness"},
		{"monthly cap", `"split": {"gift": 1},`, `"split": {"gift": 1}, "maxPerMonth": 5000,`, "promotions[5].maxPerMonth"},
		{"groups", `"months": 12,`, `"months": 12, "groups": [],`, "groups"},
		{"actuals", `"months": 12,`, `"months": 12, "actuals": {"through": 0},`, "actuals"},
		{"ranges", `"months": 12,`, `"months": 12, "ranges": [],`, "ranges"},
	} {
		t.Run(tc.name+" in a version-1 file", func(t *testing.T) {
			ps := problemsOf(t, edit(t, tc.old, tc.new))
			if len(ps) != 1 || ps[0].Path != tc.path || ps[0].Message != "unknown field" {
				t.Errorf("got %v, want only %s: unknown field", ps, tc.path)
			}
		})
	}
}

// TestAcceptedV2 lists version-2 plans at the edges of the rules.
func TestAcceptedV2(t *testing.T) {
	for _, tc := range []struct {
		name, at string
		value    any
	}{
		{"carryover of 0.9", "promotions[4].response.carryover", 0.9},
		{"zero monthly cap", "promotions[1].maxPerMonth", 0},
		{"no monthly cap", "promotions[1].maxPerMonth", nil},
		{"a channel in two groups", "groups[1].promotions[0]", "sea"},
		{"group shares of 0 and 1", "groups[0].minShare", 0},
		{"no closed month", "actuals", map[string]any{"through": 0, "promotions": map[string]any{"sea": map[string]any{"spend": []any{}}}}},
		{"every month closed", "actuals", map[string]any{"through": 12, "credibility": 0}},
		{"range as wide as the rule", "ranges[5]", map[string]any{"of": "promotions.social.carryover", "low": 0, "high": 0.9}},
		{"range of one point", "ranges[1]", map[string]any{"of": "products.green.baseVolume", "low": 60000, "high": 60000}},
		{"no ranges", "ranges", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := planner.Parse(editV2(t, tc.at, tc.value))
			if err != nil {
				t.Fatal(err)
			}
			out, err := planner.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			back, err := planner.Parse(out)
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if !reflect.DeepEqual(p, back) {
				t.Errorf("round trip changed the plan:\n%+v\n%+v", p, back)
			}
		})
	}
	t.Run("every version-2 field in a small plan", func(t *testing.T) {
		p, err := planner.Parse([]byte(minimalV2))
		if err != nil {
			t.Fatal(err)
		}
		out, _ := planner.Marshal(p)
		if back, err := planner.Parse(out); err != nil || !reflect.DeepEqual(p, back) {
			t.Errorf("round trip: %v\n%s", err, out)
		}
	})
	t.Run("ids with dots in a range", func(t *testing.T) {
		src := strings.ReplaceAll(string(teaBytes(t)), `"green"`, `"green.100g"`)
		src = strings.ReplaceAll(src, `"products.green.`, `"products.green.100g.`)
		p, err := planner.Parse([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if p.Ranges[0].Of != "products.green.100g.elasticity" {
			t.Errorf("ranges[0].of = %q", p.Ranges[0].Of)
		}
	})
}

// TestWorkedExampleV2Fields: the worked example's version-2 fields are read as written.
func TestWorkedExampleV2Fields(t *testing.T) {
	p, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	social := p.Promotions[1]
	if social.Response.Carryover != 0.2 || social.MaxPerMonth == nil || *social.MaxPerMonth != 15000 {
		t.Errorf("social: carryover %v, cap %v", social.Response.Carryover, social.MaxPerMonth)
	}
	if p.Promotions[0].Responsiveness[11] != 16 || p.Promotions[2].Responsiveness != nil || p.Promotions[2].MaxPerMonth != nil {
		t.Errorf("responsiveness or cap read wrong: %+v", p.Promotions)
	}
	want := []planner.Group{
		{ID: "digital", Name: "Digital", Promotions: []string{"sea", "social", "email"}, Min: 40000, MaxShare: 0.7},
		{ID: "offline", Name: "Hors ligne", Promotions: []string{"plv", "radio", "fairs"}, Max: planner.Float(110000), MaxShare: 1},
	}
	if !reflect.DeepEqual(p.Groups, want) {
		t.Errorf("groups %+v, want %+v", p.Groups, want)
	}
	a := p.Actuals
	if a.Through != 4 || a.Credibility != 3 || len(a.Promotions) != 3 || len(a.Products) != 2 ||
		a.Promotions["plv"].Committed != 4000 || a.Promotions["social"].LiftUnits != nil ||
		!reflect.DeepEqual(a.Products["detox"], planner.ProductActuals{Units: []float64{8100, 6300, 6350, 5700}}) {
		t.Errorf("actuals read wrong: %+v", a)
	}
	if len(p.Ranges) != 6 || p.Ranges[5] != (planner.Range{Of: "promotions.social.carryover", Low: 0, High: 0.5}) {
		t.Errorf("ranges read wrong: %+v", p.Ranges)
	}
}

// TestCloneV2 checks that a clone shares nothing the version-2 fields hold.
func TestCloneV2(t *testing.T) {
	p, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	c := p.Clone()
	if !reflect.DeepEqual(p, c) {
		t.Fatal("the clone differs from the plan")
	}
	c.Promotions[0].Responsiveness[0] = 99
	*c.Promotions[1].MaxPerMonth = 1
	c.Groups[0].Promotions[0] = "x"
	*c.Groups[1].Max = 1
	c.Actuals.Through = 1
	c.Actuals.Promotions["sea"].Spend[0] = 1
	c.Actuals.Promotions["plv"] = planner.PromotionActuals{}
	c.Actuals.Products["green"].Units[0] = 1
	c.Ranges[0].Low = -5
	back, _ := planner.Load("testdata/tea.mixplan")
	if !reflect.DeepEqual(p, back) {
		t.Error("editing the clone changed the plan")
	}
}

func TestResolveRange(t *testing.T) {
	p, err := planner.Load("testdata/tea.mixplan")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		of   string
		want planner.RangeInput
		err  string
	}{
		{"products.detox.unitCost", planner.RangeInput{List: "products", Index: 1, Field: "unitCost"}, ""},
		{"places.amz.unitCost", planner.RangeInput{List: "places", Index: 3, Field: "unitCost"}, ""},
		{"promotions.fairs.shape", planner.RangeInput{List: "promotions", Index: 5, Field: "shape"}, ""},
		{"promotions.fairs.spend", planner.RangeInput{}, "is not an input a range may cover"},
		{"places..marginPct", planner.RangeInput{}, "LIST.ID.FIELD"},
	} {
		got, err := p.ResolveRange(tc.of)
		if got != tc.want || (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s: %+v, %v", tc.of, got, err)
		}
	}
}
