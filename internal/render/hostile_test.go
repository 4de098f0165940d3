package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/safetext"
	"github.com/plan06/plan06/internal/status"
)

// escapes is the title of issue 13: clear the screen, write the clipboard
// (OSC 52), ring the bell.
const escapes = "\x1b[2J\x1b]52;c;ZXZpbA==\x07"

// hostileFixture is a Result that never went through validation, holding
// what validate refuses (control characters, bidirectional overrides, new
// lines in a title) and what it accepts but a spreadsheet or a Markdown
// page would run (formulas, HTML, "|", backticks): every renderer must
// neutralise it on its own.
func hostileFixture() *status.Result {
	p := &model.Plan{
		ID:    text("hostile"),
		Title: text("Kế hoạch" + escapes + " 2024"),
		Groups: []model.Group{
			{ID: text("g"), Title: text("I. \u202Egnp.exe\u202C <b>nhóm</b>")},
		},
		Units: []model.Unit{
			{ID: text("so-tttt"), Name: text(`@SUM(1+1)*cmd|' /C calc'!A0`), Short: text("-2+3\u009b31m")},
			{ID: text("cong-an-tinh"), Name: text("+Công an\ttỉnh\r\n"), Short: text("CAT`x`")},
		},
	}
	t1 := model.Task{ID: text("1.1"), Group: text("g"), Title: text(`=HYPERLINK("http://evil","x")`), Lead: []model.Text{text("so-tttt")}}
	t2 := model.Task{ID: text("1.2"), Group: text("g"), Title: text("<img src=x onerror=alert(1)> | `code` &lt;\ndòng hai" + escapes), Lead: []model.Text{text("cong-an-tinh")}}
	p.Tasks = []model.Task{t1, t2}
	m4 := dates.Month{Year: 2024, Month: time.April}
	return &status.Result{
		Plan: p,
		AsOf: day(2024, time.April, 20),
		Cycle: dates.Cycle{Month: m4, Deadline: day(2024, time.April, 15),
			PeriodFrom: day(2024, time.March, 15), PeriodTo: day(2024, time.April, 14)},
		Tasks: []status.Task{
			{Task: &p.Tasks[0], Due: day(2024, time.April, 30), Status: status.DueSoon, Progress: 20,
				Assignments: []status.Assignment{{Unit: &p.Units[0], Status: status.DueSoon,
					State: model.State("=1+1"), Progress: 20, LastReport: m4}}},
			{Task: &p.Tasks[1], Due: day(2024, time.March, 1), Status: status.Overdue,
				Assignments: []status.Assignment{{Unit: &p.Units[1], Status: status.Overdue, State: model.NotStarted}}},
		},
		Units: []status.UnitReport{
			{Unit: &p.Units[1], State: status.Missing},
			{Unit: &p.Units[0], State: status.OnTime, Submitted: day(2024, time.April, 12)},
		},
	}
}

// hostileCases are the outputs of hostileFixture kept in testdata.
func hostileCases() []goldenCase {
	vi := Options{Lang: i18n.VI}
	byUnit := Options{Lang: i18n.VI, ByUnit: true}
	return []goldenCase{
		{"hostile.csv.golden", func(w *bytes.Buffer) error { return StatusCSV(w, hostileFixture(), vi) }},
		{"hostile-by-unit.csv.golden", func(w *bytes.Buffer) error { return StatusCSV(w, hostileFixture(), byUnit) }},
		{"hostile.md.golden", func(w *bytes.Buffer) error { return StatusMarkdown(w, hostileFixture(), vi) }},
		{"hostile-by-unit.md.golden", func(w *bytes.Buffer) error { return StatusMarkdown(w, hostileFixture(), byUnit) }},
		{"hostile-table.golden", func(w *bytes.Buffer) error { return StatusTable(w, hostileFixture(), vi) }},
		{"hostile-table-by-unit.golden", func(w *bytes.Buffer) error { return StatusTable(w, hostileFixture(), byUnit) }},
		{"hostile.json.golden", func(w *bytes.Buffer) error { return StatusJSON(w, hostileFixture()) }},
	}
}

// TestHostileGolden keeps the bytes each renderer makes of hostile text.
func TestHostileGolden(t *testing.T) {
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := c.render(&buf); err != nil {
				t.Fatal(err)
			}
			golden(t, c.name, buf.Bytes())
		})
	}
}

// TestHostileNoControl holds the contract the goldens show: no renderer
// lets a control character or a bidirectional override through (colour
// off; with colour on, the only escapes are plan06's own SGR).
func TestHostileNoControl(t *testing.T) {
	for _, c := range hostileCases() {
		var buf bytes.Buffer
		if err := c.render(&buf); err != nil {
			t.Fatal(err)
		}
		if r, at, bad := safetext.Find(buf.String(), true); bad {
			t.Errorf("%s holds %U at character %d", c.name, r, at)
		}
	}
	var buf bytes.Buffer
	if err := StatusTable(&buf, hostileFixture(), Options{Lang: i18n.VI, Color: true}); err != nil {
		t.Fatal(err)
	}
	plain := sgrRE.ReplaceAllString(buf.String(), "")
	if r, at, bad := safetext.Find(plain, true); bad {
		t.Errorf("coloured table holds %U at character %d beside its SGR", r, at)
	}
}

// TestHostileCSV reads the CSV back as a spreadsheet would: no cell of
// text from the plan starts a formula, and plan06's own numbers and dates
// are untouched.
func TestHostileCSV(t *testing.T) {
	for _, o := range []Options{{}, {ByUnit: true}} {
		var buf bytes.Buffer
		if err := StatusCSV(&buf, hostileFixture(), o); err != nil {
			t.Fatal(err)
		}
		records, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatalf("the CSV does not read back: %v", err)
		}
		for _, rec := range records[1:] {
			for i, cell := range rec {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("by unit %v: cell %d %q starts a formula", o.ByUnit, i, cell)
				}
			}
		}
		if o.ByUnit {
			continue
		}
		col := map[string]int{}
		for i, h := range records[0] {
			col[h] = i
		}
		row := records[1]
		if row[col["title"]] != `'=HYPERLINK("http://evil","x")` || row[col["state"]] != "'=1+1" ||
			row[col["due"]] != "2024-04-30" || row[col["progress"]] != "20" {
			t.Errorf("row 1 = %q", row)
		}
	}
}

// TestHostileJSON: the JSON stays valid and holds the cleaned text.
func TestHostileJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := StatusJSON(&buf, hostileFixture()); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Tasks []struct{ Title string } `json:"tasks"`
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatalf("invalid JSON: %v", err)
	}
	if got, want := out.Tasks[1].Title, "<img src=x onerror=alert(1)> | `code` &lt;\ndòng hai[2J]52;c;ZXZpbA=="; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
}
