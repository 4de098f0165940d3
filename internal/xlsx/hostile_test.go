package xlsx

import (
	"strings"
	"testing"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/safetext"
)

// Control characters and bidirectional overrides in the plan's text (a
// model that never went through validation) reach no part of the
// workbook: not the cells, not the shared strings, not the document
// properties, not as the _xHHHH_ escapes of OOXML either.
func TestNoControlCharacters(t *testing.T) {
	r := fixture()
	hostile := "\x1b[2J\x1b]52;c;ZXZpbA==\x07\u202E\u009b\r"
	r.Plan.Title = txt(r.Plan.Title.Value + hostile)
	r.Plan.Tasks[0].Title = txt(r.Plan.Tasks[0].Title.Value + hostile)
	r.Plan.Groups[0].Title = txt(r.Plan.Groups[0].Title.Value + hostile)
	r.Units[0].Unit.Name = txt(r.Units[0].Unit.Name.Value + hostile)
	r.Tasks[0].Assignments[0].Entry.Result = txt("dòng 1\n\tdòng 2" + hostile)
	b := write(t, r, fixtureOptions(i18n.VI))
	for _, name := range []string{"xl/sharedStrings.xml", "docProps/core.xml",
		"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"} {
		x := zipEntry(t, b, name)
		if r, at, bad := safetext.Find(x, true); bad {
			t.Errorf("%s holds %U at character %d", name, r, at)
		}
		if strings.Contains(x, "_x001B_") || strings.Contains(x, "_x001b_") || strings.Contains(x, "_x0007_") {
			t.Errorf("%s holds an escaped control character", name)
		}
	}
	if x := zipEntry(t, b, "xl/sharedStrings.xml"); !strings.Contains(x, "[2J]52;c;ZXZpbA==") {
		t.Error("the visible rest of the hostile text is not in the workbook")
	}
}
