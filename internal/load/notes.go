package load

import (
	"strings"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
)

// cycleNote reads notes/YYYY-MM.md: the month from the name (ok is false
// for any other name), the paragraphs from the text, separated by blank
// lines, each paragraph's lines joined with spaces.
func cycleNote(f *source) (model.CycleNote, bool) {
	name, ok := strings.CutPrefix(f.rel, "notes/")
	if !ok {
		return model.CycleNote{}, false
	}
	name, ok = strings.CutSuffix(name, ".md")
	if !ok || len(name) != 7 {
		return model.CycleNote{}, false
	}
	m, ok := dates.ParseMonth(name)
	if !ok || m.String() != name {
		return model.CycleNote{}, false
	}
	n := model.CycleNote{File: f.name, Month: m}
	var para []string
	flush := func() {
		if len(para) > 0 {
			n.Paragraphs = append(n.Paragraphs, strings.Join(para, " "))
			para = nil
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(f.text, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		para = append(para, line)
	}
	flush()
	return n, true
}
