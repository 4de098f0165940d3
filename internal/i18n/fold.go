package i18n

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold reduces Vietnamese text to a key for matching as users type it: lower
// case, diacritics removed (NFC or NFD alike), đ as d, runs of white space as
// one space, trimmed. "Quý I năm 2024" and "quy i nam 2024" fold alike.
func Fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	var b strings.Builder
	b.Grow(len(out))
	space := false
	for _, r := range out {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		default:
			r = unicode.ToLower(r)
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FoldID folds an id so that hyphens count as spaces: "so tttt" and
// "so-tttt" fold alike.
func FoldID(s string) string { return strings.ReplaceAll(Fold(s), "-", " ") }

// MatchesQuery reports whether the folded query fq is part of an id (as it
// stands, or with hyphens and the query's hyphens read as spaces) or of
// one of the names (folded). It is how a unit or set is found from what a
// user types: `status --unit` and the unit cells of `import tasks` alike.
func MatchesQuery(fq, id string, names ...string) bool {
	if strings.Contains(id, fq) || strings.Contains(FoldID(id), FoldID(fq)) {
		return true
	}
	for _, n := range names {
		if n != "" && strings.Contains(Fold(n), fq) {
			return true
		}
	}
	return false
}
