package load

import (
	"strings"

	"github.com/plan06/plan06/internal/model"
)

// cycleNote turns a notes file that notes() accepted into the model: the
// month from its name, the paragraphs from its text, separated by blank
// lines, each paragraph's lines joined with spaces. ok is false for a
// misnamed or unreadable file (notes() has said why).
func cycleNote(f *source) (model.CycleNote, bool) {
	m, ok := notesMonth(f.rel)
	if !ok || f.text == nil {
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
	for _, line := range strings.Split(strings.ReplaceAll(string(f.text), "\r\n", "\n"), "\n") {
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
