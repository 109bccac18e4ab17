package planner

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"
)

// ErrNotFinite refuses to give figures of which one is not a finite number.
// Validation keeps every valid plan's figures finite (limits.go); this is
// the last guard, so that a plan built past validation is refused with a
// sentence rather than a panic, a "json: unsupported value" or a NaN in a
// workbook.
var ErrNotFinite = errors.New("a figure of the plan is not a finite number")

// checkFinite returns an error wrapping ErrNotFinite that names the first
// figure of v (a report, a tracking, a risk) that is NaN or infinite, by its
// JSON path ("totals.contribution", "monthly[12].cumulativeContribution").
func checkFinite(what string, v any) error {
	if bad, steps := firstNotFinite(reflect.ValueOf(v)); bad {
		return fmt.Errorf("%w: the %s's %s overflows; check the plan's largest and smallest numbers", ErrNotFinite, what, jsonPath(steps))
	}
	return nil
}

// maybeType is told apart from other structs: its Value counts only when
// it is Valid.
var maybeType = reflect.TypeFor[Maybe]()

// jsonField is a struct field the walk reads: its index and JSON name.
type jsonField struct {
	index int
	name  string
}

// fieldsOf caches, per struct type, the fields that reach JSON and can hold
// a float: reading tags on every walk cost more than the evaluation.
var fieldsOf sync.Map // reflect.Type → []jsonField

func jsonFields(t reflect.Type) []jsonField {
	if fs, ok := fieldsOf.Load(t); ok {
		return fs.([]jsonField)
	}
	var fs []jsonField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" || !mayHoldFloat(f.Type, map[reflect.Type]bool{}) {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fs = append(fs, jsonField{i, name})
	}
	fieldsOf.Store(t, fs)
	return fs
}

// mayHoldFloat reports whether a value of type t can contain a float
// (seen guards recursive types).
func mayHoldFloat(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Float32, reflect.Float64, reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return mayHoldFloat(t.Elem(), seen)
	case reflect.Map:
		return mayHoldFloat(t.Elem(), seen)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() && mayHoldFloat(f.Type, seen) {
				return true
			}
		}
	}
	return false
}

// firstNotFinite walks v for a NaN or an infinity. It runs after every
// evaluation, so it allocates nothing while all is well: the path is
// collected, innermost step first, only on the way out of a bad figure.
// A step is a field's JSON name, a map's key, or an index as "[i]".
func firstNotFinite(v reflect.Value) (bool, []string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return false, nil
		}
		return firstNotFinite(v.Elem())
	case reflect.Float64, reflect.Float32:
		f := v.Float()
		return math.IsNaN(f) || math.IsInf(f, 0), nil
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if bad, steps := firstNotFinite(v.Index(i)); bad {
				return true, append(steps, fmt.Sprintf("[%d]", i))
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			if bad, steps := firstNotFinite(iter.Value()); bad {
				return true, append(steps, fmt.Sprint(iter.Key()))
			}
		}
	case reflect.Struct:
		if v.Type() == maybeType {
			f := v.Field(0).Float() // Maybe.Value; reading it through Interface would allocate
			return v.Field(1).Bool() && (math.IsNaN(f) || math.IsInf(f, 0)), nil
		}
		for _, f := range jsonFields(v.Type()) {
			if bad, steps := firstNotFinite(v.Field(f.index)); bad {
				return true, append(steps, f.name)
			}
		}
	}
	return false, nil
}

// jsonPath joins steps collected innermost first into "monthly[12].liftUnits".
func jsonPath(steps []string) string {
	path := ""
	for i := len(steps) - 1; i >= 0; i-- {
		if strings.HasPrefix(steps[i], "[") {
			path += steps[i]
		} else {
			path = field(path, steps[i])
		}
	}
	return path
}
