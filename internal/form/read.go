package form

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
)

// Filled is a filled form read back: its keys and the report it gives.
type Filled struct {
	// File is the form's name as the user should see it.
	File string
	// Sheet is the name of the form's visible sheet.
	Sheet string
	Keys  Keys
	// Report holds the entries and the document; Month and Unit come from
	// the keys; Submitted is left for the caller (it is not on the form).
	Report model.Report
	// Cells says where each part of the report came from, for messages
	// about the report file written from it (see YAMLCells).
	DocumentCell string
	EntryRows    []int
	ValueCells   map[[2]string]string // {task, target} → cell
	// Untouched says every answer cell is as `form` wrote it (Check
	// warns); always false for a form without the answers' digest.
	Untouched bool
}

// pos is the position of a cell of the form's sheet.
func (fl *Filled) pos(col, row int) diag.Pos {
	return diag.Pos{File: fl.File + ":" + fl.Sheet + "!" + cell(col, row)}
}

// Read reads the form in data, shown to the user as name. The diagnostics
// hold every problem found; when there is an error, the report must not be
// written.
func Read(name string, data []byte) (*Filled, diag.Diagnostics) {
	xf, ds := open(name, data)
	if xf == nil {
		return nil, ds
	}
	defer func() { _ = xf.Close() }()
	fl := &Filled{File: name, ValueCells: map[[2]string]string{}}
	if !fl.readKeys(xf, &ds) {
		return nil, ds
	}
	fl.readSheet(xf, &ds)
	if !ds.HasErrors() {
		fl.checkUntouched(xf)
	}
	if ds.HasErrors() {
		return fl, ds
	}
	return fl, ds
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// readKeys reads the hidden keys sheet and checks it against its digest.
func (fl *Filled) readKeys(xf *excelize.File, ds *diag.Diagnostics) bool {
	keysPos := func(c string) diag.Pos { return diag.Pos{File: fl.File + ":" + keysSheet + "!" + c} }
	idx, err := xf.GetSheetIndex(keysSheet)
	if err != nil || idx < 0 {
		ds.Errorf(diag.Pos{File: fl.File}, "form-no-keys")
		return false
	}
	rows, err := xf.GetRows(keysSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		ds.Errorf(diag.Pos{File: fl.File}, "form-corrupt", err.Error())
		return false
	}
	if len(rows) > 2*MaxRows {
		ds.Errorf(keysPos("A1"), "form-rows", MaxRows)
		return false
	}
	get := func(r, c int) string {
		if r < len(rows) && c < len(rows[r]) {
			return strings.TrimSpace(rows[r][c])
		}
		return ""
	}
	k := &fl.Keys
	want := []string{"format", "plan", "unit", "cycle", "check"}
	vals := make([]string, len(want))
	for i, w := range want {
		if get(i, 0) != w {
			ds.Errorf(keysPos(cell(1, i+1)), "form-keys-tampered")
			return false
		}
		vals[i] = get(i, 1)
	}
	k.Format, k.Plan, k.Unit, k.Cycle = vals[0], vals[1], vals[2], vals[3]
	if get(len(want), 0) == answersLabel {
		k.Answers = get(len(want), 1)
	}
	if k.Format != Format {
		ds.Errorf(keysPos("B1"), "form-format", Clean(k.Format), Format)
		return false
	}
	for r := len(want) + 1; r < len(rows); r++ {
		kind := get(r, 0)
		if kind == "" && get(r, 1) == "" {
			continue
		}
		n, err := strconv.Atoi(get(r, 3))
		if err != nil || n < firstRow || n > MaxRows {
			ds.Errorf(keysPos(cell(4, r+1)), "form-keys-tampered")
			return false
		}
		switch kind {
		case "task":
			k.Tasks = append(k.Tasks, TaskRow{Task: get(r, 1), Row: n, Lead: get(r, 4) == "lead"})
		case "target":
			k.Targets = append(k.Targets, TargetRow{Task: get(r, 1), Target: get(r, 2), Row: n})
		default:
			ds.Errorf(keysPos(cell(1, r+1)), "form-keys-tampered")
			return false
		}
	}
	if k.digest() != vals[4] {
		ds.Errorf(keysPos("B5"), "form-keys-tampered")
		return false
	}
	// Rows must rise: the digest binds them, but a form made by another
	// tool that computed it must not make import read a row twice.
	last := 0
	for _, t := range k.Tasks {
		if t.Row <= last {
			ds.Errorf(keysPos("A6"), "form-keys-tampered")
			return false
		}
		last = t.Row
	}
	for _, t := range k.Targets {
		if t.Row <= last {
			ds.Errorf(keysPos("A6"), "form-keys-tampered")
			return false
		}
		last = t.Row
	}
	return true
}

// readSheet reads the answer rows the keys name.
func (fl *Filled) readSheet(xf *excelize.File, ds *diag.Diagnostics) {
	for _, s := range xf.GetSheetList() {
		if s != keysSheet {
			fl.Sheet = s
			break
		}
	}
	if fl.Sheet == "" {
		ds.Errorf(diag.Pos{File: fl.File}, "form-no-sheet")
		return
	}
	rows, err := xf.GetRows(fl.Sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		ds.Errorf(diag.Pos{File: fl.File}, "form-corrupt", err.Error())
		return
	}
	if len(rows) > MaxRows {
		ds.Errorf(fl.pos(1, MaxRows+1), "form-rows", MaxRows)
		return
	}
	get := func(col, row int) string {
		if row-1 < len(rows) && col-1 < len(rows[row-1]) {
			return rows[row-1][col-1]
		}
		return ""
	}
	// formula reports an answer cell that holds a formula: its cached
	// value is never imported.
	formula := func(col, row int) bool {
		f, err := xf.GetCellFormula(fl.Sheet, cell(col, row))
		if err == nil && f != "" {
			ds.Errorf(fl.pos(col, row), "form-formula")
			return true
		}
		return false
	}
	answer := func(col, row int) string {
		if formula(col, row) {
			return ""
		}
		return strings.TrimSpace(Clean(get(col, row)))
	}
	k := &fl.Keys
	fl.Report.Unit = k.Unit
	if m, ok := dates.ParseMonth(k.Cycle); ok {
		fl.Report.Month = m
	}
	fl.DocumentCell = cell(colDocument, rowDocument)
	if doc := answer(colDocument, rowDocument); doc != "" {
		fl.Report.Document = model.Text{Value: oneLine(doc), Pos: fl.pos(colDocument, rowDocument)}
	}

	// Rows where the sheet may hold text: the head, the keyed rows and the
	// two heading rows above the targets.
	known := map[int]bool{}
	for r := 1; r <= rowHead; r++ {
		known[r] = true
	}
	if len(k.Tasks) == 0 {
		known[firstRow] = true // "no task to report" line
	}
	for i, t := range k.Tasks {
		known[t.Row] = true
		fl.checkRowID(get, i+1, t.Task, t.Row, ds)
	}
	if len(k.Targets) > 0 {
		known[k.Targets[0].Row-1] = true
		known[k.Targets[0].Row-2] = true
	}
	for i, t := range k.Targets {
		known[t.Row] = true
		fl.checkRowID(get, i+1, t.Task, t.Row, ds)
	}
	for r := 1; r <= len(rows); r++ {
		if known[r] {
			continue
		}
		for c, v := range rows[r-1] {
			if strings.TrimSpace(v) != "" {
				ds.Errorf(fl.pos(c+1, r), "form-row-added")
				break
			}
		}
	}
	if ds.HasErrors() {
		return // rows moved: the answers are not where the keys say
	}

	values := map[string][]model.Value{}
	valueCell := map[string]diag.Pos{}
	for _, t := range k.Targets {
		raw := answer(colTargetValue, t.Row)
		if raw == "" {
			continue
		}
		v, ok := parseNumber(raw)
		if !ok {
			ds.Errorf(fl.pos(colTargetValue, t.Row), "form-value", raw)
			continue
		}
		values[t.Task] = append(values[t.Task], model.Value{Target: model.Text{Value: t.Target, Pos: fl.pos(colTargetValue, t.Row)}, Value: v})
		fl.ValueCells[[2]string{t.Task, t.Target}] = cell(colTargetValue, t.Row)
		if _, seen := valueCell[t.Task]; !seen {
			valueCell[t.Task] = fl.pos(colTargetValue, t.Row)
		}
	}
	for _, t := range k.Tasks {
		row := t.Row
		stateText := answer(colState, row)
		progText := answer(colProgress, row)
		doneText := answer(colDone, row)
		result := answer(colResult, row)
		obstacles := answer(colObstacle, row)
		proposals := answer(colProposal, row)
		if stateText == "" {
			if progText != "" || doneText != "" || result != "" || obstacles != "" || proposals != "" {
				ds.Errorf(fl.pos(colState, row), "form-state-missing")
			} else if p, ok := valueCell[t.Task]; ok {
				ds.Errorf(p, "form-value-no-state", cell(colState, row))
			}
			continue
		}
		e := model.Entry{
			Task:      model.Text{Value: t.Task, Pos: fl.pos(colID, row)},
			StatePos:  fl.pos(colState, row),
			Result:    model.Text{Value: result, Pos: fl.pos(colResult, row)},
			Obstacles: model.Text{Value: obstacles, Pos: fl.pos(colObstacle, row)},
			Proposals: model.Text{Value: proposals, Pos: fl.pos(colProposal, row)},
			Values:    values[t.Task],
		}
		st, stateOK := ParseState(stateText)
		if !stateOK {
			ds.Errorf(fl.pos(colState, row), "form-state", stateText, stateList())
		}
		e.State = st
		if progText != "" {
			v, ok := parseNumber(progText)
			switch {
			case !ok:
				ds.Errorf(fl.pos(colProgress, row), "form-progress-nan", progText)
			case v < 0 || v > 100:
				ds.Errorf(fl.pos(colProgress, row), "form-progress-range", diag.Number(v))
			case v != math.Trunc(v):
				ds.Errorf(fl.pos(colProgress, row), "form-progress-whole", diag.Number(v))
			default:
				n := int(v)
				e.Progress = &n
			}
		}
		if doneText != "" {
			d, ok := parseDay(doneText)
			switch {
			case !ok:
				ds.Errorf(fl.pos(colDone, row), "form-date", doneText)
			case st != model.Done && stateOK:
				// A state not understood (its own error above) says
				// nothing of whether the day belongs.
				ds.Errorf(fl.pos(colDone, row), "form-done-not-done")
			case st != model.Done:
			default:
				e.Done = model.Date{Date: d, Text: d.String(), Pos: fl.pos(colDone, row)}
			}
		} else if st == model.Done {
			ds.Errorf(fl.pos(colDone, row), "form-done-missing")
		}
		fl.Report.Entries = append(fl.Report.Entries, e)
		fl.EntryRows = append(fl.EntryRows, row)
	}
	// A form whose lead rows were all cleared says nothing, yet imported
	// it would be a report on time (tasks: []): the unit would count as
	// having reported. Lead rows come prefilled, so this is a clerk's
	// slip, not a unit with nothing to say.
	if len(fl.Report.Entries) == 0 && !ds.HasErrors() {
		for _, t := range k.Tasks {
			if t.Lead {
				ds.Errorf(fl.pos(colState, t.Row), "form-nothing-answered")
				break
			}
		}
	}
}

// checkRowID checks that the row the keys name still holds the task (B)
// and the number (A) the form was written with: a row added or deleted by
// hand above it moves both.
func (fl *Filled) checkRowID(get func(col, row int) string, n int, task string, row int, ds *diag.Diagnostics) {
	id := strings.TrimSpace(get(colID, row))
	no := strings.TrimSpace(get(colNo, row))
	if id != task {
		ds.Errorf(fl.pos(colID, row), "form-row-moved", Clean(id), task)
		return
	}
	if v, ok := parseNumber(no); !ok || v != float64(n) {
		ds.Errorf(fl.pos(colNo, row), "form-row-moved", Clean(no), strconv.Itoa(n))
	}
}

// ParseState maps a state name in Vietnamese or English, or its id, to an
// entry state; case and diacritics do not matter.
func ParseState(s string) (model.State, bool) {
	f := i18n.Fold(strings.TrimSpace(s))
	for _, st := range model.States {
		if f == string(st) {
			return st, true
		}
		for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
			if f == i18n.Fold(i18n.T(lang, "status."+string(st))) {
				return st, true
			}
		}
	}
	return "", false
}

func stateList() string {
	var names []string
	for _, st := range model.States {
		names = append(names, i18n.T(i18n.VI, "status."+string(st)))
	}
	for _, st := range model.States {
		names = append(names, i18n.T(i18n.EN, "status."+string(st)))
	}
	return strings.Join(names, ", ")
}

// parseNumber reads a number as a cell holds it (97.5) or as a person
// types it: a decimal comma (97,5), or points grouping thousands with a
// comma for decimals (12.345,5). A trailing % is allowed.
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	s = strings.ReplaceAll(s, " ", "")
	if s == "" || len(s) > 40 {
		return 0, false
	}
	if strings.Contains(s, ",") {
		if strings.Count(s, ",") > 1 {
			return 0, false
		}
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+' || r == 'e' || r == 'E') {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// parseDay reads a day as a date cell holds it (a serial number) or as
// text: 15/03/2024, 15/3/2024 or 2024-03-15.
func parseDay(s string) (dates.Date, bool) {
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		if v != math.Trunc(v) || v < 1 || v > 2958465 {
			return dates.Date{}, false
		}
		return dates.MustNew(1899, 12, 30).AddDays(int(v)), true
	}
	d, err := dates.ParseDay(s)
	if err != nil {
		return dates.Date{}, false
	}
	return d, true
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
