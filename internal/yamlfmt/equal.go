package yamlfmt

import (
	"math"
	"reflect"

	"golang.org/x/text/unicode/norm"
)

// nfcValue returns v with every string in it, map keys included, in NFC: the
// value Format promises its output decodes to.
func nfcValue(v any) any {
	switch v := v.(type) {
	case string:
		return norm.NFC.String(v)
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = nfcValue(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[norm.NFC.String(k)] = nfcValue(e)
		}
		return out
	case map[any]any:
		out := make(map[any]any, len(v))
		for k, e := range v {
			out[nfcValue(k)] = nfcValue(e)
		}
		return out
	}
	return v
}

// equalValues is reflect.DeepEqual for decoded YAML, except that NaN equals
// NaN: ".nan" in a plan is the same value before and after formatting.
func equalValues(a, b any) bool {
	switch a := a.(type) {
	case float64:
		b, ok := b.(float64)
		return ok && (a == b || math.IsNaN(a) && math.IsNaN(b))
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !equalValues(a[i], b[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, av := range a {
			bv, ok := b[k]
			if !ok || !equalValues(av, bv) {
				return false
			}
		}
		return true
	case map[any]any:
		b, ok := b.(map[any]any)
		if !ok || len(a) != len(b) {
			return false
		}
		// Keys may be NaN or other values that a lookup cannot find, so
		// match each key of a to a distinct key of b.
		used := make(map[int]bool, len(b))
		bk := make([]any, 0, len(b))
		for k := range b {
			bk = append(bk, k)
		}
	next:
		for ka, va := range a {
			if vb, ok := lookup(b, ka); ok {
				if !equalValues(va, vb) {
					return false
				}
				continue
			}
			for i, kb := range bk {
				if !used[i] && equalValues(ka, kb) && equalValues(va, b[kb]) {
					used[i] = true
					continue next
				}
			}
			return false
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}

// lookup finds k in m when k is a comparable key that equals itself.
func lookup(m map[any]any, k any) (v any, ok bool) {
	if k == nil || !reflect.TypeOf(k).Comparable() {
		return nil, false
	}
	if f, isFloat := k.(float64); isFloat && math.IsNaN(f) {
		return nil, false
	}
	v, ok = m[k]
	return v, ok
}
