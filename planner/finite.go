package planner

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
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
	if path, bad := firstNotFinite(reflect.ValueOf(v), ""); bad {
		return fmt.Errorf("%w: the %s's %s overflows; check the plan's largest and smallest numbers", ErrNotFinite, what, path)
	}
	return nil
}

func firstNotFinite(v reflect.Value, path string) (string, bool) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return "", false
		}
		return firstNotFinite(v.Elem(), path)
	case reflect.Float64, reflect.Float32:
		f := v.Float()
		return path, math.IsNaN(f) || math.IsInf(f, 0)
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if p, bad := firstNotFinite(v.Index(i), fmt.Sprintf("%s[%d]", path, i)); bad {
				return p, true
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			if p, bad := firstNotFinite(iter.Value(), field(path, fmt.Sprint(iter.Key()))); bad {
				return p, true
			}
		}
	case reflect.Struct:
		if m, ok := v.Interface().(Maybe); ok {
			if !m.Valid {
				return "", false
			}
			return path, math.IsNaN(m.Value) || math.IsInf(m.Value, 0)
		}
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			if p, bad := firstNotFinite(v.Field(i), field(path, name)); bad {
				return p, true
			}
		}
	}
	return "", false
}
