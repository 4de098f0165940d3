package form

import (
	"strings"

	"github.com/plan06/plan06/internal/safetext"

	"golang.org/x/text/unicode/norm"
)

// Clean returns s without the characters that must never reach a form or
// a plan file from one: C0 and C1 control characters other than newline
// and tab, and the bidirectional overrides and isolates (U+202A–202E,
// U+2066–2069) that can make text read other than it is. Carriage returns
// go too (a line ends with a newline). The result is in Unicode NFC.
func Clean(s string) string {
	if strings.IndexFunc(s, unwanted) >= 0 {
		s = strings.Map(func(r rune) rune {
			if unwanted(r) {
				return -1
			}
			return r
		}, s)
	}
	return norm.NFC.String(s)
}

// unwanted is what safetext forbids: one rule for every reader and writer.
func unwanted(r rune) bool { return safetext.Forbidden(r) }
