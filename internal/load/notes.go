package load

import (
	"strings"
	"unicode/utf8"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/yamlpos"
)

// notesMonth returns the month of a notes file "notes/YYYY-MM.md"; ok is
// false for any other name under notes/.
func notesMonth(rel string) (dates.Month, bool) {
	name, ok := strings.CutPrefix(rel, "notes/")
	if !ok {
		return dates.Month{}, false
	}
	name, ok = strings.CutSuffix(name, ".md")
	if !ok || strings.Contains(name, "/") || len(name) != len("2024-03") {
		return dates.Month{}, false
	}
	return dates.ParseMonth(name)
}

// notes keeps the bytes of a notes file read under the same rules as every
// plan file (regular file inside the plan, size cap): the text must be
// UTF-8 and the name a month.
func (f *source) notes(b []byte) {
	if _, ok := notesMonth(f.rel); !ok {
		f.diag.Errorf(diag.File(f.name), "bad-notes-name", f.rel)
	}
	if !utf8.Valid(b) {
		line, col, _ := yamlpos.FirstInvalidUTF8(b)
		f.diag.Errorf(diag.At(f.name, line, col), "invalid-utf8")
		return
	}
	f.text = b
}
