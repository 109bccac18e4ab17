package planner

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"unicode/utf8"
)

// Load reads and validates a plan file.
func Load(path string) (*Plan, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f)
}

// Read reads a plan from r, refusing anything over MaxFileBytes.
func Read(r io.Reader) (*Plan, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileBytes {
		return nil, fileError(RuleFileSize, MaxFileBytes>>20)
	}
	return Parse(data)
}

// Parse decodes and validates a plan file's bytes. A plan that breaks any rule
// of the format is refused whole: the error is a *ValidationError listing every
// problem with its JSON path.
func Parse(data []byte) (*Plan, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(data) > MaxFileBytes {
		return nil, fileError(RuleFileSize, MaxFileBytes>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fileError(RuleFileEmpty)
	}
	if !utf8.Valid(data) {
		line, col := invalidUTF8At(data)
		return nil, fileError(RuleNotUTF8, line, col)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, &ValidationError{Problems: []Problem{describeJSONError(data, err)}}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fileError(RuleTrailing)
	}
	d := &decoder{derived: map[string]bool{}}
	plan := d.plan(tree)
	// Report the value rules too, so one round of fixes is enough, but not a
	// second message for a field that is already wrong or missing, nor for a
	// default taken from another field (referencePrice from listPrice).
	var v problems
	plan.validate(&v)
	seen := d.derived
	for _, p := range d.list {
		seen[p.Path] = true
	}
	for _, p := range v.list {
		if !seen[p.Path] {
			d.list = append(d.list, p)
		}
	}
	if err := d.err(); err != nil {
		return nil, err
	}
	return plan, nil
}

// fileError refuses the file as a whole for one problem.
func fileError(rule Rule, values ...any) error {
	return &ValidationError{Problems: []Problem{rule.Problem("", values...)}}
}

// describeJSONError is the problem of a file encoding/json cannot read.
func describeJSONError(data []byte, err error) Problem {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		line, col := position(data, int(syn.Offset))
		return RuleJSONSyntax.Problem("", syn.Error(), line, col)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return RuleTruncated.Problem("")
	}
	return RuleJSON.Problem("", err.Error())
}

func position(data []byte, offset int) (line, col int) {
	if offset > len(data) {
		offset = len(data)
	}
	line = 1 + bytes.Count(data[:offset], []byte("\n"))
	col = offset - bytes.LastIndexByte(data[:offset], '\n')
	return line, col
}

func invalidUTF8At(data []byte) (line, col int) {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return position(data, i)
		}
		i += n
	}
	return position(data, len(data))
}

// decoder walks the generic JSON tree, checking types, required and unknown
// fields, and builds a Plan with defaults resolved.
type decoder struct {
	problems
	derived map[string]bool // paths whose value is a default copied from another field
	version int             // the file's format version, FormatVersion when unreadable
}

type object struct {
	path string
	m    map[string]any
}

// object checks that v is a JSON object with only the known keys.
func (d *decoder) object(path string, v any, known ...string) (object, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		d.refuse(path, RuleObject, kind(v))
		return object{path: path}, false
	}
	var unknown []string
	for k := range m {
		found := false
		for _, kn := range known {
			if k == kn {
				found = true
				break
			}
		}
		if !found {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		d.refuse(field(path, k), RuleUnknownField)
	}
	return object{path: path, m: m}, true
}

// present reports whether key holds a value other than null.
func (o object) present(key string) bool {
	v, ok := o.m[key]
	return ok && v != nil
}

func (d *decoder) number(o object, key string, def float64, required bool) float64 {
	v, ok := o.m[key]
	if !ok || v == nil {
		if required {
			d.refuse(field(o.path, key), RuleRequired)
		}
		return def
	}
	return d.toFloat(field(o.path, key), v, def)
}

// optional returns nil for an absent or null key.
func (d *decoder) optional(o object, key string) *float64 {
	v, ok := o.m[key]
	if !ok || v == nil {
		return nil
	}
	x := d.toFloat(field(o.path, key), v, 0)
	return &x
}

func (d *decoder) toFloat(path string, v any, def float64) float64 {
	n, ok := v.(json.Number)
	if !ok {
		d.refuse(path, RuleNumber, kind(v))
		return def
	}
	x, err := strconv.ParseFloat(string(n), 64)
	if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
		d.refuse(path, RuleFiniteNumber, n)
		return def
	}
	return x
}

func (d *decoder) integer(o object, key string, def int, required bool) int {
	x := d.number(o, key, float64(def), required)
	if x != math.Trunc(x) || math.Abs(x) > 1e9 {
		d.refuse(field(o.path, key), RuleWholeNumber, x)
		return def
	}
	return int(x)
}

func (d *decoder) str(o object, key, def string, required bool) string {
	v, ok := o.m[key]
	if !ok || v == nil {
		if required {
			d.refuse(field(o.path, key), RuleRequired)
		}
		return def
	}
	s, ok := v.(string)
	if !ok {
		d.refuse(field(o.path, key), RuleString, kind(v))
		return def
	}
	return s
}

// array returns the elements of an optional array.
func (d *decoder) array(o object, key string) []any {
	v, ok := o.m[key]
	if !ok || v == nil {
		return nil
	}
	a, ok := v.([]any)
	if !ok {
		d.refuse(field(o.path, key), RuleList, kind(v))
		return nil
	}
	return a
}

// weights reads an optional list of numbers; nil when absent.
func (d *decoder) weights(o object, key string) []float64 {
	if !o.present(key) {
		return nil
	}
	a := d.array(o, key)
	w := make([]float64, len(a))
	for i, v := range a {
		w[i] = d.toFloat(index(field(o.path, key), i), v, 0)
	}
	return w
}

// numberMap reads an optional object of numbers; nil when absent.
func (d *decoder) numberMap(o object, key string) map[string]float64 {
	v, ok := o.m[key]
	if !ok || v == nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		d.refuse(field(o.path, key), RuleNumberMap, kind(v))
		return nil
	}
	out := make(map[string]float64, len(m))
	for k, x := range m {
		out[k] = d.toFloat(field(field(o.path, key), k), x, 0)
	}
	return out
}

func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "true or false"
	case json.Number:
		return "a number"
	case string:
		return "text"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

func (d *decoder) plan(v any) *Plan {
	// The version decides which fields exist: in a version-1 file the
	// version-2 fields are unknown fields.
	d.version = peekVersion(v)
	known := []string{"format", "version", "name", "company", "currency", "locale", "start",
		"months", "retentionPct", "discountRate", "targets", "products", "places", "promotions", "scenarios"}
	if d.version >= 2 {
		known = append(known, planFieldsV2...)
	}
	o, ok := d.object("", v, known...)
	if !ok {
		return &Plan{}
	}
	format := d.str(o, "format", "", true)
	if o.present("format") && format != FormatName {
		d.refuse("format", RuleFormat, FormatName)
	}
	if version := d.integer(o, "version", 0, true); o.present("version") {
		if version > FormatVersion {
			d.refuse("version", RuleNewerVersion, version, FormatVersion)
		} else if version < 1 {
			d.refuse("version", RuleVersion, FormatVersion)
		}
	}
	p := &Plan{
		Name:         d.str(o, "name", "", true),
		Company:      d.str(o, "company", "", false),
		Currency:     d.str(o, "currency", "EUR", false),
		Locale:       d.str(o, "locale", "en", false),
		Start:        d.str(o, "start", "", false),
		Months:       d.integer(o, "months", 12, false),
		RetentionPct: d.number(o, "retentionPct", 0, false),
		DiscountRate: d.number(o, "discountRate", 0.10, false),
	}
	if o.present("targets") {
		if t, ok := d.object("targets", o.m["targets"], TargetNames...); ok {
			for _, tg := range TargetTable {
				*tg.goal(&p.Targets) = d.optional(t, tg.Name)
			}
		}
	}
	for i, v := range d.array(o, "products") {
		p.Products = append(p.Products, d.product(index("products", i), v))
	}
	for i, v := range d.array(o, "places") {
		p.Places = append(p.Places, d.place(index("places", i), v))
	}
	for i, v := range d.array(o, "promotions") {
		p.Promotions = append(p.Promotions, d.promotion(index("promotions", i), v))
	}
	for i, v := range d.array(o, "scenarios") {
		p.Scenarios = append(p.Scenarios, d.scenario(index("scenarios", i), v))
	}
	d.planV2(o, p)
	return p
}

func (d *decoder) product(path string, v any) Product {
	o, ok := d.object(path, v, "id", "name", "unitCost", "listPrice", "discountPct", "baseVolume",
		"referencePrice", "elasticity", "launchCost", "unitsPerCustomer", "seasonality")
	if !ok {
		return Product{}
	}
	pr := Product{
		ID:               d.str(o, "id", "", true),
		Name:             d.str(o, "name", "", true),
		UnitCost:         d.number(o, "unitCost", 0, true),
		ListPrice:        d.number(o, "listPrice", 0, true),
		DiscountPct:      d.number(o, "discountPct", 0, false),
		BaseVolume:       d.number(o, "baseVolume", 0, true),
		Elasticity:       d.number(o, "elasticity", 0, false),
		LaunchCost:       d.number(o, "launchCost", 0, false),
		UnitsPerCustomer: d.number(o, "unitsPerCustomer", 1, false),
		Seasonality:      d.weights(o, "seasonality"),
	}
	pr.ReferencePrice = d.number(o, "referencePrice", pr.ListPrice, false)
	if !o.present("referencePrice") {
		d.derived[field(path, "referencePrice")] = true
	}
	return pr
}

func (d *decoder) place(path string, v any) Place {
	o, ok := d.object(path, v, "id", "name", "marginPct", "unitCost", "fixedCost", "share")
	if !ok {
		return Place{Share: map[string]float64{}}
	}
	pl := Place{
		ID:        d.str(o, "id", "", true),
		Name:      d.str(o, "name", "", true),
		MarginPct: d.number(o, "marginPct", 0, false),
		UnitCost:  d.number(o, "unitCost", 0, false),
		FixedCost: d.number(o, "fixedCost", 0, false),
		Share:     d.numberMap(o, "share"),
	}
	if pl.Share == nil {
		pl.Share = map[string]float64{}
	}
	return pl
}

func (d *decoder) promotion(path string, v any) Promotion {
	known := []string{"id", "name", "kind", "spend", "min", "max", "response", "split", "flighting"}
	if d.version >= 2 {
		known = append(known, promotionFieldsV2...)
	}
	o, ok := d.object(path, v, known...)
	if !ok {
		return Promotion{Response: Response{Shape: 1}}
	}
	pm := Promotion{
		ID:        d.str(o, "id", "", true),
		Name:      d.str(o, "name", "", true),
		Kind:      d.str(o, "kind", "", false),
		Spend:     d.number(o, "spend", 0, false),
		Min:       d.number(o, "min", 0, false),
		Max:       d.optional(o, "max"),
		Split:     d.numberMap(o, "split"),
		Flighting: d.weights(o, "flighting"),
		Response:  Response{Shape: 1},
	}
	if !o.present("response") {
		d.refuse(field(path, "response"), RuleRequired)
	} else if r, ok := d.object(field(path, "response"), o.m["response"], d.responseFields()...); ok {
		pm.Response = Response{
			MaxUnits:  d.number(r, "maxUnits", 0, true),
			HalfSpend: d.number(r, "halfSpend", 1, true),
			Shape:     d.number(r, "shape", 1, false),
			Carryover: d.number(r, "carryover", 0, false),
		}
	}
	d.promotionV2(o, &pm)
	return pm
}

func (d *decoder) scenario(path string, v any) Scenario {
	o, ok := d.object(path, v, "id", "name", "volume", "unitCost", "response", "price")
	if !ok {
		return Scenario{Volume: 1, UnitCost: 1, Response: 1, Price: 1}
	}
	return Scenario{
		ID:       d.str(o, "id", "", true),
		Name:     d.str(o, "name", "", true),
		Volume:   d.number(o, "volume", 1, false),
		UnitCost: d.number(o, "unitCost", 1, false),
		Response: d.number(o, "response", 1, false),
		Price:    d.number(o, "price", 1, false),
	}
}
