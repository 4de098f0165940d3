// Package i18n is plan06's catalogue of words in Vietnamese and English:
// labels, headers, state names and diagnostic messages, plus Vietnamese
// collation and the folding used for matching what users type. It imports
// nothing of plan06, so every package may use it.
package i18n

import (
	"fmt"
	"sort"
)

// Lang is an output language.
type Lang string

// The supported languages.
const (
	VI Lang = "vi"
	EN Lang = "en"
)

// ParseLang returns the language named s ("vi" or "en").
func ParseLang(s string) (Lang, bool) {
	switch s {
	case "vi":
		return VI, true
	case "en":
		return EN, true
	}
	return "", false
}

// Entry is one catalogue entry: the same text in both languages. Both are
// fmt formats taking the same arguments in the same order.
type Entry struct{ VI, EN string }

// catalogue holds every key; files of this package add to it in init so that
// each area (diagnostics, status labels, workbook) keeps its words together.
var catalogue = map[string]Entry{}

// register adds entries; a key registered twice is a programming error.
func register(entries map[string]Entry) {
	for k, e := range entries {
		if _, dup := catalogue[k]; dup {
			panic("i18n: duplicate key " + k)
		}
		catalogue[k] = e
	}
}

// Has reports whether key is in the catalogue.
func Has(key string) bool { _, ok := catalogue[key]; return ok }

// Keys returns every key, sorted; tests use it to check the catalogue.
func Keys() []string {
	keys := make([]string, 0, len(catalogue))
	for k := range catalogue {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Lookup returns the entry for key.
func Lookup(key string) (Entry, bool) { e, ok := catalogue[key]; return e, ok }

// T returns the text of key in lang, formatted with args. An unknown key
// returns the key itself so that a missing entry shows, rather than hides.
func T(lang Lang, key string, args ...any) string {
	e, ok := catalogue[key]
	if !ok {
		return key
	}
	f := e.VI
	if lang == EN {
		f = e.EN
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}
