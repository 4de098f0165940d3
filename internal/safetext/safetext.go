// Package safetext keeps text from the plan's files (and from forms and
// spreadsheets) from acting on what shows it: a terminal, a spreadsheet, a
// Markdown page, a Word document.
//
// Validation refuses the characters this package removes (internal/load
// calls Find on every text field), so a plan that validates has none of
// them; every renderer still calls Clean, Line, CSVCell or Markdown where
// it writes user text, so that a model that never went through validation
// (a test, a form being imported, a git revision being compared) cannot
// reach an output with them. It is a leaf: it imports nothing of plan06.
package safetext

import (
	"strings"
	"unicode/utf8"
)

// Forbidden reports whether r is a character no text in plan06 may hold:
//
//   - C0 control characters (U+0000–U+001F) but tab and new line: ESC
//     starts the terminal sequences that clear a screen, move the cursor or
//     write the clipboard (OSC 52), BEL rings, CR overwrites a line;
//   - DEL (U+007F) and the C1 controls (U+0080–U+009F): U+009B is CSI and
//     U+009D OSC to terminals that read 8-bit controls;
//   - the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
//     U+2066–U+2069), which make text read differently from what it holds
//     ("Trojan Source", CVE-2021-42574);
//   - the noncharacters U+FFFE and U+FFFF, which XML (a workbook, a Word
//     document) cannot hold.
//
// Tab and new line are allowed here; whether a field may hold them is the
// caller's choice (see Find).
func Forbidden(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r >= 0x7F && r <= 0x9F:
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0xFFFE, r == 0xFFFF:
		return true
	}
	return false
}

// Find returns the first character of s that a field may not hold, and
// its place in s counted in characters from 1: a Forbidden one, or, when
// multiLine is false (a title, a name, an id), a tab or a new line too.
// ok is false when s is clean.
func Find(s string, multiLine bool) (r rune, at int, ok bool) {
	n := 0
	for _, c := range s {
		n++
		if Forbidden(c) || !multiLine && (c == '\t' || c == '\n') {
			return c, n, true
		}
	}
	return 0, 0, false
}

// Clean returns s without its Forbidden characters; tabs and new lines
// stay. Bytes that are not UTF-8 become U+FFFD. Text without anything to
// remove (almost all text) is returned as is, without a copy.
func Clean(s string) string {
	if clean(s, true) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if Forbidden(r) {
			return -1
		}
		return r
	}, s)
}

// Line is Clean for text shown on one line (a table cell, a heading, a
// diagnostic): tabs, new lines and the Unicode line and paragraph
// separators become spaces as well.
func Line(s string) string {
	if clean(s, false) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case Forbidden(r):
			return -1
		case r == '\t' || r == '\n' || r == 0x2028 || r == 0x2029:
			return ' '
		}
		return r
	}, s)
}

// clean reports whether s is valid UTF-8 with nothing for Clean (or, with
// multiLine false, Line) to change. It is the fast path: ASCII text is
// checked a byte at a time.
func clean(s string, multiLine bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && (!multiLine || c != '\t' && c != '\n') || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || Forbidden(r) || !multiLine && (r == 0x2028 || r == 0x2029) {
			return false
		}
		i += size
	}
	return true
}

// CSVCell is user text made safe for a CSV cell that a spreadsheet will
// open: Clean, then, when the text starts with a character a spreadsheet
// reads as the start of a formula ("=", "+", "-", "@", tab or carriage
// return), a leading apostrophe, as OWASP recommends against CSV
// injection. Excel and LibreOffice then show the text as text. Numbers
// and dates that plan06 writes itself must not go through CSVCell: "-3"
// written by plan06 is a number.
func CSVCell(s string) string {
	s = Clean(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// Markdown is user text made safe for one line of GitHub-flavoured
// Markdown (a table cell, a heading, a list item): Line, white space runs
// made one space, then "\", "|" and "`" escaped with a backslash and "<"
// and ">" written as character references, so that the text can neither
// end a table cell, open a code span nor be read as HTML (a <script>, an
// <img> that calls a server, a comment hiding the rest). An "&" is
// written "&amp;" when it would start a character reference ("&lt;",
// "&#60;"), and left as it is otherwise, as Markdown shows it: "Sở TT&TT"
// stays readable in the source of a comment.
func Markdown(s string) string {
	s = strings.Join(strings.Fields(Line(s)), " ")
	if strings.Contains(s, "&") {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '&' && isReference(s[i:]) {
				b.WriteString("&amp;")
				continue
			}
			b.WriteByte(s[i])
		}
		s = b.String()
	}
	return mdEscaper.Replace(s)
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "`", "\\`", "<", "&lt;", ">", "&gt;",
)

// isReference reports whether s starts with what CommonMark reads as a
// character reference: "&" then a name, "#" and digits, or "#x" and hex
// digits, then ";". Names are not looked up: escaping an "&" that names
// nothing changes nothing a reader sees.
func isReference(s string) bool {
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 33 {
		return false
	}
	body := s[1:end]
	digits, hex := body, false
	if body[0] == '#' {
		digits = body[1:]
		if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
			digits, hex = digits[1:], true
		}
		if len(digits) == 0 || len(digits) > 7 {
			return false
		}
		for _, c := range []byte(digits) {
			if !(c >= '0' && c <= '9' || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
				return false
			}
		}
		return true
	}
	for i, c := range []byte(body) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
