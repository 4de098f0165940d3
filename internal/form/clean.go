package form

import (
	"strings"

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

func unwanted(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0xfffe || r == 0xffff:
		return true
	}
	return false
}
