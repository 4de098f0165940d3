package form

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
	"github.com/plan06/plan06/internal/xlsx"
)

// Options are the choices of the CLI that the Result does not hold.
type Options struct {
	// Lang is the language of labels and state names.
	Lang i18n.Lang
}

// Row is one task row of a form, as written.
type Row struct {
	Task *status.Task
	Lead bool
	// Entry is the unit's latest entry for the task, nil when none.
	Entry *model.Entry
	// Assignment is the unit's assignment when it leads the task.
	Assignment *status.Assignment
}

// Rows returns the rows of unit's form, in plan order: a lead row for each
// assignment the unit answers for in r's cycle (status.Result.OwedBy: held
// by it on the cycle's deadline, an ended unit's past cycles included; the
// task started by then) that is not done, prefilled from that assignment;
// and a support row for each task not done that the unit supports and
// holds no assignment of, at D or in the cycle.
func Rows(r *status.Result, ix *model.Index, unit string) []Row {
	owed := map[*status.Task]*status.Assignment{}
	for _, o := range r.OwedBy(unit) {
		// A unit that took over an ended unit's assignment of a task it
		// also leads holds two: its own gives the row.
		if owed[o.Task] == nil || o.Assignment.Unit.ID.Value == unit {
			owed[o.Task] = o.Assignment
		}
	}
	var rows []Row
	for i := range r.Tasks {
		t := &r.Tasks[i]
		if lead := owed[t]; lead != nil {
			if lead.Status != status.Done {
				rows = append(rows, Row{Task: t, Lead: true, Entry: lead.Entry, Assignment: lead})
			}
			continue
		}
		leads := false
		for j := range t.Assignments {
			leads = leads || t.Assignments[j].Unit.ID.Value == unit
		}
		if leads || t.Status == status.Done {
			continue
		}
		for _, u := range ix.Expand(t.Task.Support) {
			if u.ID.Value == unit {
				rows = append(rows, Row{Task: t, Entry: latestEntry(r, unit, t.Task.ID.Value)})
				break
			}
		}
	}
	return rows
}

// latestEntry is the unit's entry for task in the visible report of the
// greatest month that has one (SPEC §3.2), nil when there is none.
func latestEntry(r *status.Result, unit, task string) *model.Entry {
	reps := r.Plan.Reports
	for i := len(reps) - 1; i >= 0; i-- {
		rep := &reps[i]
		if rep.Unit != unit || rep.Submitted.Date.IsZero() || rep.Submitted.Date.After(r.AsOf) {
			continue
		}
		for j := range rep.Entries {
			if rep.Entries[j].Task.Value == task {
				return &rep.Entries[j]
			}
		}
	}
	return nil
}

// Write returns the bytes of unit's form for the cycle of r. The same
// plan, unit and day give the same bytes.
func Write(r *status.Result, ix *model.Index, unit *model.Unit, o Options) ([]byte, error) {
	if r == nil || r.Plan == nil || unit == nil {
		return nil, errors.New("form: nothing to write")
	}
	if o.Lang != i18n.EN {
		o.Lang = i18n.VI
	}
	w := &writer{r: r, u: unit, lang: o.Lang, f: excelize.NewFile()}
	defer func() { _ = w.f.Close() }()
	w.run(Rows(r, ix, unit.ID.Value))
	if w.err != nil {
		return nil, fmt.Errorf("form: %w", w.err)
	}
	var buf bytes.Buffer
	if err := w.f.Write(&buf); err != nil {
		return nil, fmt.Errorf("form: %w", err)
	}
	day := r.AsOf
	if day.IsZero() || day.Year() < 1980 || day.Year() > 2107 {
		day = dates.MustNew(1980, 1, 1)
	}
	out, err := xlsx.Repack(buf.Bytes(), day)
	if err != nil {
		return nil, fmt.Errorf("form: %w", err)
	}
	return out, nil
}

type writer struct {
	r    *status.Result
	u    *model.Unit
	lang i18n.Lang
	f    *excelize.File
	err  error
	st   formStyles
}

// formStyles are the style ids of the form, made in a fixed order.
type formStyles struct {
	title, unit, line, help, label   int
	head, text, center, answer       int
	answerInt, answerDate, answerNum int
	answerText, number               int
}

func (w *writer) check(err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
}

func (w *writer) t(key string, args ...any) string { return i18n.T(w.lang, key, args...) }

func (w *writer) set(sheet string, col, row int, v any) {
	if s, ok := v.(string); ok {
		w.check(w.f.SetCellStr(sheet, cell(col, row), Clean(s)))
		return
	}
	w.check(w.f.SetCellValue(sheet, cell(col, row), v))
}

func (w *writer) style(sheet string, c1, r1, c2, r2, id int) {
	w.check(w.f.SetCellStyle(sheet, cell(c1, r1), cell(c2, r2), id))
}

func (w *writer) newStyles() {
	const fontName = "Times New Roman"
	font := func(size float64, bold, italic bool) *excelize.Font {
		return &excelize.Font{Family: fontName, Size: size, Bold: bold, Italic: italic}
	}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	locked := &excelize.Protection{Locked: true}
	open := &excelize.Protection{Locked: false}
	yellow := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	grey := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	centre := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	dateFmt := "dd/mm/yyyy"
	mk := func(s *excelize.Style) int {
		id, err := w.f.NewStyle(s)
		w.check(err)
		return id
	}
	w.st.title = mk(&excelize.Style{Font: font(14, true, false), Alignment: centre, Protection: locked})
	w.st.unit = mk(&excelize.Style{Font: font(13, true, false), Alignment: centre, Protection: locked})
	w.st.line = mk(&excelize.Style{Font: font(12, false, false), Alignment: centre, Protection: locked})
	w.st.help = mk(&excelize.Style{Font: font(11, false, true), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Protection: locked})
	w.st.label = mk(&excelize.Style{Font: font(12, true, false), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, Protection: locked})
	w.st.head = mk(&excelize.Style{Font: font(11, true, false), Alignment: centre, Border: border, Fill: grey, Protection: locked})
	w.st.text = mk(&excelize.Style{Font: font(11, false, false), Alignment: wrapTop, Border: border, Protection: locked})
	w.st.center = mk(&excelize.Style{Font: font(11, false, false), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}, Border: border, Protection: locked})
	w.st.number = mk(&excelize.Style{Font: font(11, false, false), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}, Border: border, Protection: locked, CustomNumFmt: strPtr("#,##0.##")})
	w.st.answer = mk(&excelize.Style{Font: font(11, false, false), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}, Border: border, Fill: yellow, Protection: open})
	w.st.answerInt = mk(&excelize.Style{Font: font(11, false, false), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}, Border: border, Fill: yellow, Protection: open, NumFmt: 1})
	w.st.answerDate = mk(&excelize.Style{Font: font(11, false, false), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}, Border: border, Fill: yellow, Protection: open, CustomNumFmt: &dateFmt})
	w.st.answerNum = mk(&excelize.Style{Font: font(11, false, false), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}, Border: border, Fill: yellow, Protection: open, CustomNumFmt: strPtr("#,##0.##")})
	w.st.answerText = mk(&excelize.Style{Font: font(11, false, false), Alignment: wrapTop, Border: border, Fill: yellow, Protection: open})
}

func strPtr(s string) *string { return &s }

// stateNames are the entry states in the form's drop-down, in SPEC order.
func (w *writer) stateNames() []string {
	var names []string
	for _, s := range model.States {
		names = append(names, w.t("status."+string(s)))
	}
	return names
}

func (w *writer) run(rows []Row) {
	sheet := w.t("form.sheet")
	w.check(w.f.SetSheetName("Sheet1", sheet))
	w.newStyles()
	f := w.f
	cyc := w.r.Cycle
	keys := &Keys{Format: Format, Plan: w.r.Plan.ID.Value, Unit: w.u.ID.Value, Cycle: cyc.Month.String()}

	widths := []float64{5, 7, 36, 9, 11, 15, 8, 11, 28, 20, 20}
	for i, wd := range widths {
		name, _ := excelize.ColumnNumberToName(i + 1)
		w.check(f.SetColWidth(sheet, name, name, wd))
	}
	merge := func(row int) {
		w.check(f.MergeCell(sheet, cell(1, row), cell(lastCol, row)))
	}
	w.set(sheet, 1, rowTitle, w.t("form.title"))
	merge(rowTitle)
	w.style(sheet, 1, rowTitle, lastCol, rowTitle, w.st.title)
	w.set(sheet, 1, rowUnit, w.t("form.unit", w.u.Name.Value))
	merge(rowUnit)
	w.style(sheet, 1, rowUnit, lastCol, rowUnit, w.st.unit)
	w.set(sheet, 1, rowCycle, w.t("form.cycle", int(cyc.Month.Month), cyc.Month.Year, w.day(cyc.Deadline)))
	merge(rowCycle)
	w.style(sheet, 1, rowCycle, lastCol, rowCycle, w.st.line)
	w.set(sheet, 1, rowPeriod, w.t("form.period", w.day(cyc.PeriodFrom), w.day(cyc.PeriodTo)))
	merge(rowPeriod)
	w.style(sheet, 1, rowPeriod, lastCol, rowPeriod, w.st.line)
	w.set(sheet, 1, rowDocument, w.t("form.document"))
	w.check(f.MergeCell(sheet, cell(1, rowDocument), cell(colDocument-1, rowDocument)))
	w.style(sheet, 1, rowDocument, colDocument-1, rowDocument, w.st.label)
	w.check(f.MergeCell(sheet, cell(colDocument, rowDocument), cell(lastCol, rowDocument)))
	w.style(sheet, colDocument, rowDocument, lastCol, rowDocument, w.st.answerText)
	w.set(sheet, 1, rowHelp, w.t("form.help", w.r.Plan.Title.Value))
	merge(rowHelp)
	w.style(sheet, 1, rowHelp, lastCol, rowHelp, w.st.help)
	w.check(f.SetRowHeight(sheet, rowHelp, 30))

	heads := []string{"form.col.no", "form.col.id", "form.col.task", "form.col.role", "form.col.due",
		"form.col.state", "form.col.progress", "form.col.done", "form.col.result", "form.col.obstacles", "form.col.proposals"}
	for i, h := range heads {
		w.set(sheet, i+1, rowHead, w.t(h))
	}
	w.style(sheet, 1, rowHead, lastCol, rowHead, w.st.head)
	w.check(f.SetRowHeight(sheet, rowHead, 30))

	row := firstRow
	type target struct {
		task *status.Task
		ts   status.TargetStatus
	}
	var targets []target
	for i, rw := range rows {
		t := rw.Task
		keys.Tasks = append(keys.Tasks, TaskRow{Task: t.Task.ID.Value, Row: row, Lead: rw.Lead})
		w.set(sheet, colNo, row, i+1)
		w.set(sheet, colID, row, t.Task.ID.Value)
		w.set(sheet, colTitle, row, t.Task.Title.Value)
		role := w.t("form.role.support")
		if rw.Lead {
			role = w.t("form.role.lead")
		}
		w.set(sheet, colRole, row, role)
		due := w.t("form.ongoing")
		if !t.Ongoing {
			due = w.day(t.Due)
		}
		w.set(sheet, colDue, row, due)
		w.style(sheet, colNo, row, colNo, row, w.st.center)
		w.style(sheet, colID, row, colID, row, w.st.center)
		w.style(sheet, colTitle, row, colTitle, row, w.st.text)
		w.style(sheet, colRole, row, colDue, row, w.st.center)
		w.style(sheet, colState, row, colState, row, w.st.answer)
		w.style(sheet, colProgress, row, colProgress, row, w.st.answerInt)
		w.style(sheet, colDone, row, colDone, row, w.st.answerDate)
		w.style(sheet, colResult, row, colProposal, row, w.st.answerText)
		// Prefill from the last report; a lead row with no entry starts as
		// not started at 0 %, as `new report` does; a support row with no
		// entry stays blank (a blank row is not imported).
		switch {
		case rw.Lead:
			state := rw.Assignment.State
			if state == model.Done {
				state = model.InProgress // an ongoing task reported done stays open
			}
			w.set(sheet, colState, row, w.t("status."+string(state)))
			w.set(sheet, colProgress, row, rw.Assignment.Progress)
		case rw.Entry != nil:
			state := rw.Entry.State
			if state == model.Done {
				state = model.InProgress
			}
			w.set(sheet, colState, row, w.t("status."+string(state)))
			if rw.Entry.Progress != nil {
				w.set(sheet, colProgress, row, *rw.Entry.Progress)
			}
		}
		if e := rw.Entry; e != nil {
			w.set(sheet, colResult, row, e.Result.Value)
			w.set(sheet, colObstacle, row, e.Obstacles.Value)
			w.set(sheet, colProposal, row, e.Proposals.Value)
		}
		w.fitRow(sheet, row, widths, t.Task.Title.Value, rowText(rw.Entry))
		if rw.Lead {
			for _, ts := range rw.Assignment.Targets {
				targets = append(targets, target{t, ts})
			}
		}
		row++
	}
	lastTask := row - 1
	if len(rows) == 0 {
		w.set(sheet, 1, row, w.t("form.none"))
		merge(row)
		w.style(sheet, 1, row, lastCol, row, w.st.help)
		row++
	}
	if lastTask >= firstRow {
		w.validations(sheet, firstRow, lastTask)
	}

	if len(targets) > 0 {
		row++
		w.set(sheet, 1, row, w.t("form.targets"))
		merge(row)
		w.style(sheet, 1, row, lastCol, row, w.st.unit)
		row++
		for i, h := range []string{"form.col.no", "form.col.id", "form.col.target", "form.col.unit", "form.col.required", "form.col.value"} {
			w.set(sheet, i+1, row, w.t(h))
		}
		w.style(sheet, 1, row, colTargetValue, row, w.st.head)
		row++
		first := row
		for i, tg := range targets {
			keys.Targets = append(keys.Targets, TargetRow{Task: tg.task.Task.ID.Value, Target: tg.ts.Target.ID.Value, Row: row})
			w.set(sheet, colNo, row, i+1)
			w.set(sheet, colID, row, tg.task.Task.ID.Value)
			w.set(sheet, colTargetName, row, tg.ts.Target.Name.Value)
			w.set(sheet, colTargetUnit, row, tg.ts.Target.Unit.Value)
			if tg.ts.Required != nil {
				w.set(sheet, colTargetRequired, row, *tg.ts.Required)
			}
			if tg.ts.Value != nil {
				w.set(sheet, colTargetValue, row, *tg.ts.Value)
			}
			w.style(sheet, colNo, row, colID, row, w.st.center)
			w.style(sheet, colTargetName, row, colTargetName, row, w.st.text)
			w.style(sheet, colTargetUnit, row, colTargetUnit, row, w.st.center)
			w.style(sheet, colTargetRequired, row, colTargetRequired, row, w.st.number)
			w.style(sheet, colTargetValue, row, colTargetValue, row, w.st.answerNum)
			row++
		}
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(cell(colTargetValue, first) + ":" + cell(colTargetValue, row-1))
		w.check(dv.SetRange(-1e12, 1e12, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
		dv.SetError(excelize.DataValidationErrorStyleWarning, w.t("form.dv.title"), w.t("form.dv.value"))
		w.check(f.AddDataValidation(sheet, dv))
	}

	w.page(sheet, row-1)
	w.check(f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true, FormatRows: true,
	}))
	keys.Answers = answersDigest(keys, rawValue(f, sheet))
	w.writeKeys(keys)
	stamp := w.r.AsOf.Time().Format(time.RFC3339)
	if w.r.AsOf.IsZero() {
		stamp = "1980-01-01T00:00:00Z"
	}
	w.check(f.SetDocProps(&excelize.DocProperties{
		Title:          w.t("form.title"),
		Subject:        w.r.Plan.Title.Value,
		Creator:        "plan06",
		LastModifiedBy: "plan06",
		Created:        stamp,
		Modified:       stamp,
		Language:       string(w.lang),
	}))
}

// rowText is the prefilled text of a row, by column, for its height.
func rowText(e *model.Entry) map[int]string {
	if e == nil {
		return nil
	}
	return map[int]string{colResult: e.Result.Value, colObstacle: e.Obstacles.Value, colProposal: e.Proposals.Value}
}

// fitRow makes a task row tall enough for its wrapped title and prefilled
// text (LibreOffice and Excel do not grow a row written with text), and
// never less than two lines, so there is room to write.
func (w *writer) fitRow(sheet string, row int, widths []float64, title string, texts map[int]string) {
	lines := func(s string, width float64) int {
		n := 0
		for _, l := range strings.Split(s, "\n") {
			n += 1 + int(float64(utf8.RuneCountInString(l))/width)
		}
		return n
	}
	h := max(2, lines(title, widths[colTitle-1]))
	for col, s := range texts {
		h = max(h, lines(s, widths[col-1]))
	}
	w.check(w.f.SetRowHeight(sheet, row, float64(min(h, 20))*15))
}

// validations puts the drop-down of states and the number and date checks
// on the answer cells of the task rows.
func (w *writer) validations(sheet string, first, last int) {
	f := w.f
	span := func(col int) string { return cell(col, first) + ":" + cell(col, last) }
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(span(colState))
	w.check(dv.SetDropList(w.stateNames()))
	dv.SetError(excelize.DataValidationErrorStyleStop, w.t("form.dv.title"), w.t("form.dv.state"))
	w.check(f.AddDataValidation(sheet, dv))

	dv = excelize.NewDataValidation(true)
	dv.SetSqref(span(colProgress))
	w.check(dv.SetRange(0, 100, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween))
	dv.SetError(excelize.DataValidationErrorStyleStop, w.t("form.dv.title"), w.t("form.dv.progress"))
	w.check(f.AddDataValidation(sheet, dv))

	// Dates and values warn rather than stop: a date typed as text
	// (15/03/2024 in an English Excel) is still accepted by import.
	dv = excelize.NewDataValidation(true)
	dv.SetSqref(span(colDone))
	w.check(dv.SetRange(serial(dates.MustNew(2000, 1, 1)), serial(dates.MustNew(2100, 12, 31)), excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween))
	dv.SetError(excelize.DataValidationErrorStyleWarning, w.t("form.dv.title"), w.t("form.dv.date"))
	w.check(f.AddDataValidation(sheet, dv))
}

// page makes the sheet print on A4 landscape, fitted to the width, with
// the header row repeated on every page.
func (w *writer) page(sheet string, last int) {
	f := w.f
	size, orient, one, tall := 9, "landscape", 1, 0
	w.check(f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &tall}))
	fit := true
	w.check(f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	top, bottom, left, right, hf := 0.59, 0.59, 0.59, 0.39, 0.3
	w.check(f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Top: &top, Bottom: &bottom, Left: &left, Right: &right, Header: &hf, Footer: &hf}))
	w.check(f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, rowHead, rowHead),
	}))
	w.check(f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Area", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$A$1:$K$%d", sheet, max(last, rowHead)),
	}))
	w.check(f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: rowHead, TopLeftCell: cell(1, firstRow), ActivePane: "bottomLeft"}))
}

// writeKeys writes the hidden keys sheet.
func (w *writer) writeKeys(k *Keys) {
	f := w.f
	_, err := f.NewSheet(keysSheet)
	w.check(err)
	pairs := [][2]string{{"format", k.Format}, {"plan", k.Plan}, {"unit", k.Unit}, {"cycle", k.Cycle}, {"check", k.digest()}}
	for i, p := range pairs {
		w.set(keysSheet, 1, i+1, p[0])
		w.set(keysSheet, 2, i+1, p[1])
	}
	// Row 6, blank in forms made before it, holds the answers' digest.
	w.set(keysSheet, 1, len(pairs)+1, answersLabel)
	w.set(keysSheet, 2, len(pairs)+1, k.Answers)
	row := len(pairs) + 2
	for _, t := range k.Tasks {
		role := "support"
		if t.Lead {
			role = "lead"
		}
		w.set(keysSheet, 1, row, "task")
		w.set(keysSheet, 2, row, t.Task)
		w.set(keysSheet, 4, row, strconv.Itoa(t.Row))
		w.set(keysSheet, 5, row, role)
		row++
	}
	for _, t := range k.Targets {
		w.set(keysSheet, 1, row, "target")
		w.set(keysSheet, 2, row, t.Task)
		w.set(keysSheet, 3, row, t.Target)
		w.set(keysSheet, 4, row, strconv.Itoa(t.Row))
		row++
	}
	w.check(f.SetSheetVisible(keysSheet, false))
	w.check(f.ProtectSheet(keysSheet, &excelize.SheetProtectionOptions{}))
	f.SetActiveSheet(0)
}

// day prints a day as dd/mm/yyyy (vi) or the ISO date (en); empty when zero.
func (w *writer) day(d dates.Date) string {
	if d.IsZero() {
		return ""
	}
	if w.lang == i18n.EN {
		return d.String()
	}
	return d.VN()
}

// serial is the spreadsheet serial number of a day (days since 30/12/1899).
func serial(d dates.Date) float64 {
	return float64(d.Sub(dates.MustNew(1899, 12, 30)))
}
