package load

import (
	"bytes"

	"github.com/plan06/plan06/internal/diag"
)

// tabAt reports whether the byte at p (1-based line and column, columns in
// runes) of b is a tab. The parser reports a tab that starts a line as
// "found character that cannot start any token"; syntaxPos has already put
// p on that tab, and this tells the caller to say so in plain words.
func tabAt(b []byte, p diag.Pos) bool {
	if p.Line < 1 || p.Col < 1 {
		return false
	}
	lines := bytes.Split(b, []byte("\n"))
	if int(p.Line) > len(lines) {
		return false
	}
	runes := []rune(string(lines[p.Line-1]))
	return int(p.Col) <= len(runes) && runes[p.Col-1] == '\t'
}
