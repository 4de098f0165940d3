package i18n

import "fmt"

// The command line's own words (help texts, flag usages, errors, hints and
// warnings) are written in English in the code, where they are read with
// it, and translated here by their English text: a command says
// i18n.Say(lang, "no group matches %q", q), and a file of this package
// registers the Vietnamese for that text with RegisterEnglish. Kept in the
// one catalogue under the key "en:" + text, they are checked as every entry
// is (both languages, the same fmt verbs); internal/cli's tests fail when a
// command, flag or error of the tree has no Vietnamese.

// englishKey is the catalogue key of an English text.
func englishKey(en string) string { return "en:" + en }

// RegisterEnglish adds translations: English text → Vietnamese text. Files
// of this package call it in init, one file per area (help_cli.go for the
// commands of part one; a new command adds its own file).
func RegisterEnglish(m map[string]string) {
	entries := make(map[string]Entry, len(m))
	for en, vi := range m {
		entries[englishKey(en)] = Entry{VI: vi, EN: en}
	}
	register(entries)
}

// HasEnglish reports whether the English text en has a translation.
func HasEnglish(en string) bool { return Has(englishKey(en)) }

// Say returns the English text en in lang, formatted with args: en itself
// in English, its translation in Vietnamese. A text with no translation
// prints in English rather than not at all.
func Say(lang Lang, en string, args ...any) string {
	if lang != EN && HasEnglish(en) {
		return T(lang, englishKey(en), args...)
	}
	if len(args) == 0 {
		return en
	}
	return fmt.Sprintf(en, args...)
}

// Text is Say for a text that is not a format (a help text, a flag's
// usage): it is returned whole, a "%" in it included.
func Text(lang Lang, en string) string {
	if lang != EN && HasEnglish(en) {
		return catalogue[englishKey(en)].VI
	}
	return en
}
