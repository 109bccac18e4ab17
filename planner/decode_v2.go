package planner

import (
	"encoding/json"
	"sort"
	"strconv"
)

// Decoding the fields version 2 of the format adds. In a version-1 file
// they are unknown fields: the decoder only knows them when the file says
// version 2 (or a version it cannot read, so every other problem is still
// listed).

// planFieldsV2 are the top-level fields version 2 adds.
var planFieldsV2 = []string{"groups", "actuals", "ranges"}

// promotionFieldsV2 are the promotion fields version 2 adds.
var promotionFieldsV2 = []string{"responsiveness", "maxPerMonth"}

// peekVersion reads the file's version before its fields are checked;
// FormatVersion when it is missing or not a whole number (that problem is
// reported on its own).
func peekVersion(v any) int {
	m, ok := v.(map[string]any)
	if !ok {
		return FormatVersion
	}
	n, ok := m["version"].(json.Number)
	if !ok {
		return FormatVersion
	}
	x, err := strconv.Atoi(string(n))
	if err != nil || x < 1 {
		return FormatVersion
	}
	return x
}

// responseFields are the fields of a promotion's response in the file's version.
func (d *decoder) responseFields() []string {
	if d.version >= 2 {
		return []string{"maxUnits", "halfSpend", "shape", "carryover"}
	}
	return []string{"maxUnits", "halfSpend", "shape"}
}

func (d *decoder) promotionV2(o object, pm *Promotion) {
	if d.version < 2 {
		return
	}
	pm.Responsiveness = d.weights(o, "responsiveness")
	pm.MaxPerMonth = d.optional(o, "maxPerMonth")
}

func (d *decoder) planV2(o object, p *Plan) {
	if d.version < 2 {
		return
	}
	for i, v := range d.array(o, "groups") {
		p.Groups = append(p.Groups, d.group(index("groups", i), v))
	}
	if o.present("actuals") {
		p.Actuals = d.actuals("actuals", o.m["actuals"])
	}
	for i, v := range d.array(o, "ranges") {
		p.Ranges = append(p.Ranges, d.uncertainty(index("ranges", i), v))
	}
}

func (d *decoder) group(path string, v any) Group {
	g := Group{MaxShare: 1}
	o, ok := d.object(path, v, "id", "name", "promotions", "min", "max", "minShare", "maxShare")
	if !ok {
		return g
	}
	g.ID = d.str(o, "id", "", true)
	g.Name = d.str(o, "name", "", true)
	if !o.present("promotions") {
		d.add(field(path, "promotions"), "is required")
	}
	g.Promotions = d.strings(o, "promotions")
	g.Min = d.number(o, "min", 0, false)
	g.Max = d.optional(o, "max")
	g.MinShare = d.number(o, "minShare", 0, false)
	g.MaxShare = d.number(o, "maxShare", 1, false)
	return g
}

// strings reads an optional list of strings; nil when absent.
func (d *decoder) strings(o object, key string) []string {
	if !o.present(key) {
		return nil
	}
	a := d.array(o, key)
	out := make([]string, 0, len(a))
	for i, v := range a {
		s, ok := v.(string)
		if !ok {
			d.add(index(field(o.path, key), i), "must be a string, not %s", kind(v))
			continue
		}
		out = append(out, s)
	}
	return out
}

func (d *decoder) actuals(path string, v any) *Actuals {
	a := &Actuals{Credibility: DefaultCredibility}
	o, ok := d.object(path, v, "through", "credibility", "promotions", "products")
	if !ok {
		return a
	}
	a.Through = d.integer(o, "through", 0, true)
	a.Credibility = d.number(o, "credibility", DefaultCredibility, false)
	if o.present("promotions") {
		a.Promotions = map[string]PromotionActuals{}
		if m, ok := d.idMap(field(path, "promotions"), o.m["promotions"]); ok {
			for _, id := range sortedAnyKeys(m.m) {
				a.Promotions[id] = d.promotionActuals(field(m.path, id), m.m[id])
			}
		}
	}
	if o.present("products") {
		a.Products = map[string]ProductActuals{}
		if m, ok := d.idMap(field(path, "products"), o.m["products"]); ok {
			for _, id := range sortedAnyKeys(m.m) {
				a.Products[id] = d.productActuals(field(m.path, id), m.m[id])
			}
		}
	}
	return a
}

func (d *decoder) promotionActuals(path string, v any) PromotionActuals {
	o, ok := d.object(path, v, "spend", "committed", "liftUnits", "impressions", "clicks", "conversions")
	if !ok {
		return PromotionActuals{}
	}
	return PromotionActuals{
		Spend:       d.weights(o, "spend"),
		Committed:   d.number(o, "committed", 0, false),
		LiftUnits:   d.weights(o, "liftUnits"),
		Impressions: d.weights(o, "impressions"),
		Clicks:      d.weights(o, "clicks"),
		Conversions: d.weights(o, "conversions"),
	}
}

func (d *decoder) productActuals(path string, v any) ProductActuals {
	o, ok := d.object(path, v, "units", "netRevenue")
	if !ok {
		return ProductActuals{}
	}
	return ProductActuals{Units: d.weights(o, "units"), NetRevenue: d.weights(o, "netRevenue")}
}

func (d *decoder) uncertainty(path string, v any) Range {
	o, ok := d.object(path, v, "of", "low", "high")
	if !ok {
		return Range{}
	}
	return Range{
		Of:   d.str(o, "of", "", true),
		Low:  d.number(o, "low", 0, true),
		High: d.number(o, "high", 0, true),
	}
}

// idMap checks that v is a JSON object keyed by ids (any keys: validation
// checks that they name existing entries).
func (d *decoder) idMap(path string, v any) (object, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		d.add(path, "must be an object keyed by id, not %s", kind(v))
		return object{path: path}, false
	}
	return object{path: path, m: m}, true
}

func sortedAnyKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
