package xlsx

import (
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/report"
	"github.com/plan06/plan06/internal/safetext"
	"github.com/plan06/plan06/internal/status"
)

// Each table sheet has a heading on row 1, a sub-heading on row 2 and its
// table's header on row 3.
const tableHead = 3

// sheetHeading writes rows 1 and 2 of a table sheet across cols columns.
func (wb *workbook) sheetHeading(sheet string, cols int, heading, sub string) {
	wb.merged(sheet, 1, cols, 1, heading, wb.st.sheetHeading)
	wb.merged(sheet, 1, cols, 2, sub, wb.st.sheetSub)
}

// taskWidths are the columns of the appendix: STT, task, lead, support,
// deadline, status, progress, results, obstacles, proposals.
var taskWidths = []float64{7, 38, 16, 20, 12, 13, 9, 42, 26, 26}

// tasks writes the appendix (Nhiệm vụ): the tasks under their group
// headings, numbered as the plan numbers them (report.TaskNo).
func (wb *workbook) tasks(sheet string) {
	cols := len(taskWidths)
	wb.widths(sheet, taskWidths...)
	wb.layout(sheet).noBlocks = true
	period := ""
	if !wb.o.PeriodFrom.IsZero() || !wb.o.PeriodTo.IsZero() {
		period = wb.t("xlsx.period", wb.dayText(wb.o.PeriodFrom), wb.dayText(wb.o.PeriodTo))
	}
	wb.sheetHeading(sheet, cols, wb.t("xlsx.tasks.heading"), period)
	wb.header(sheet, tableHead,
		wb.t("xlsx.col.no"), wb.t("xlsx.col.task"), wb.t("xlsx.col.lead"), wb.t("xlsx.col.support"),
		wb.t("xlsx.col.due"), wb.t("xlsx.col.status"), wb.t("xlsx.col.progress"),
		wb.t("xlsx.col.result"), wb.t("xlsx.col.obstacles"), wb.t("xlsx.col.proposals"))
	row, n := tableHead, 0
	for _, g := range wb.rep.Groups {
		if g.Now.Total == 0 {
			continue
		}
		row++
		heading := g.Label + ". " + g.Title
		wb.merged(sheet, 1, cols, row, heading, wb.st.groupRow)
		for k, ti := range g.Tasks {
			row++
			n++
			wb.taskRow(sheet, row, report.TaskNo(&wb.r.Tasks[ti], k+1), &wb.r.Tasks[ti])
		}
	}
	wb.tableSheet(sheet, tableHead, row, cols)
	if n == 0 {
		wb.str(sheet, 1, row+1, wb.t("xlsx.tasks.none"), wb.st.note)
	}
}

// taskRow writes one task of the appendix.
func (wb *workbook) taskRow(sheet string, row int, no string, t *status.Task) {
	wb.str(sheet, 1, row, no, wb.st.center)
	wb.str(sheet, 2, row, taskTitle(t.Task), wb.st.text)
	var lead, support string
	if t.Task != nil {
		lead = wb.refNames(t.Task.Lead)
		support = wb.refNames(t.Task.Support)
		if note := strings.TrimSpace(t.Task.SupportNote.Value); note != "" {
			if support != "" {
				support += "\n"
			}
			support += note
		}
	}
	wb.str(sheet, 3, row, lead, wb.st.text)
	wb.str(sheet, 4, row, support, wb.st.text)
	wb.due(sheet, 5, row, t)
	wb.str(sheet, 6, row, wb.statusText(t.Status), wb.st.statusStyle(t.Status))
	wb.num(sheet, 7, row, t.Progress, wb.st.integer)
	wb.entry(sheet, 8, row, t, func(e *model.Entry) string { return e.Result.Value })
	wb.entry(sheet, 9, row, t, func(e *model.Entry) string { return e.Obstacles.Value })
	wb.entry(sheet, 10, row, t, func(e *model.Entry) string { return e.Proposals.Value })
}

// entry writes entryText of field in a text cell.
func (wb *workbook) entry(sheet string, col, row int, t *status.Task, field func(*model.Entry) string) {
	if wb.err != nil {
		return
	}
	style := wb.st.text
	s, cut := wb.entryText(t, field, wb.enoughLines(sheet, style))
	rs := wb.rawSheet(sheet)
	if cut < 0 || rs == nil {
		wb.str(sheet, col, row, s, style)
		return
	}
	// str, knowing that Clean leaves s as it is and where setStr cuts it.
	c := rs.cell(col, row)
	c.kind, c.val, c.style = rawStr, rs.strID(s[:cut]), int32(style)
	wb.fit(sheet, row, col, col, s, style)
}

// entryStop lets entryText stop early; the tests turn it off to compare.
var entryStop = true

// enoughLines is the count of line breaks past which the text of a cell
// in style on sheet takes the tallest row whatever follows (wrapLines
// stops counting at the lineLimit'th), or -1 when every line counts: on
// a sheet with blocks, where lines are counted to the end.
func (wb *workbook) enoughLines(sheet string, style int) int {
	if !entryStop || !wb.layout(sheet).noBlocks {
		return -1
	}
	return lineLimit(wb.font(style).size) + 1
}

// due writes a task's effective deadline as a date, or "Thường xuyên" for
// an ongoing task.
func (wb *workbook) due(sheet string, col, row int, t *status.Task) {
	if t.Ongoing {
		wb.str(sheet, col, row, wb.t("xlsx.ongoing"), wb.st.center)
		return
	}
	wb.date(sheet, col, row, t.Due)
}

// entryText gathers one text field of the latest entries that the
// period's reports give for t (the cycle's own for a month, any of the
// period's for 6 months and a year; an older entry says nothing of the
// period), one per line, each prefixed with its unit's name when several
// units lead the task. The signed report takes the same entries.
//
// A country task gathers thousands of lines, of which a cell keeps the
// first excelize.TotalCellChars UTF-16 units (setStr) and its row's
// height looks at the first few (wrapLines). So, when lines >= 0, the
// text stops after the entry that takes it past both: more than
// TotalCellChars units once cleaned (safetext.Clean, which str applies,
// works rune by rune, so the cleaned text of the lines kept is the start
// of the cleaned text of them all as long as each is valid UTF-8) and
// at least lines line breaks. The cell and its row come out the same.
//
// cut is -1 but when the text is known to be longer than a cell and clean
// (valid UTF-8 without a character Clean removes): then s[:cut] is what a
// cell keeps of it (truncateUTF16), found without reading all of it again.
func (wb *workbook) entryText(t *status.Task, field func(*model.Entry) string, lines int) (s string, cut int) {
	// Two passes, one to measure and one to write, so that a country
	// task's thousands of lines take one allocation.
	named := len(t.Assignments) > 1
	each := func(f func(name, s string) bool) {
		for _, a := range t.Assignments {
			if a.Entry == nil || !wb.rep.InPeriod(a.LastReport) {
				continue
			}
			if s := strings.TrimSpace(field(a.Entry)); s != "" {
				name := ""
				if named {
					name = unitName(a.Unit)
				}
				if !f(name, s) {
					return
				}
			}
		}
	}
	n, count := 0, 0
	// units and breaks count the cleaned text so far, while exact; pure
	// says that Clean changes none of it. The entry that takes units past
	// a cell's limit starts at byte overAt of the text, after overUnits.
	units, breaks, exact, pure := 0, 0, lines >= 0, true
	overAt, overUnits := -1, 0
	take := -1 // the count of entries kept, when not all
	each(func(name, s string) bool {
		at := max(n-1, 0) // n counts a line break before the first entry too
		n += len(s) + 1
		if named {
			n += len(name) + 2
		}
		count++
		if !exact {
			return true
		}
		before := units
		if count > 1 {
			units, breaks = units+1, breaks+1
		}
		if named {
			u, b, ok, p := cleanUnits(name)
			units, breaks, exact, pure = units+u+2, breaks+b, ok, pure && p
		}
		u, b, ok, p := cleanUnits(s)
		units, breaks, exact, pure = units+u, breaks+b, exact && ok, pure && p
		if units > excelize.TotalCellChars && overAt < 0 {
			overAt, overUnits = at, before
		}
		if exact && units > excelize.TotalCellChars && breaks >= lines {
			take = count
			return false
		}
		return true
	})
	if count == 0 {
		return "", -1
	}
	var b strings.Builder
	b.Grow(n)
	written := 0
	each(func(name, s string) bool {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		if named {
			b.WriteString(name)
			b.WriteString(": ")
		}
		b.WriteString(s)
		written++
		return written != take
	})
	s = b.String()
	cut = -1
	if exact && pure && overAt >= 0 {
		u := overUnits
		for i, r := range s[overAt:] {
			if u += utf16.RuneLen(r); u > excelize.TotalCellChars {
				cut = overAt + i
				break
			}
		}
	}
	return s, cut
}

// cleanUnits is the length in UTF-16 units of safetext.Clean(s) and its
// count of line breaks; ok is false when s is not valid UTF-8, pure when
// Clean removes nothing from it.
func cleanUnits(s string) (units, breaks int, ok, pure bool) {
	pure = true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				breaks++
			}
			if !safetext.Forbidden(rune(c)) {
				units++
			} else {
				pure = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return 0, 0, false, false
		}
		if !safetext.Forbidden(r) {
			units += utf16.RuneLen(r)
		} else {
			pure = false
		}
		i += size
	}
	return units, breaks, true, pure
}

// unitWidths are the columns of the units sheet for a month: STT, unit,
// submitted, report state, document, then the assignments the unit leads
// and their outcome counts.
var unitWidths = []float64{6, 36, 12, 14, 34, 10, 11, 11, 11, 11, 11}

// units writes the units' reporting (Đơn vị): for a month, every unit that
// owes the cycle in Vietnamese collation order of its name, with the
// outcome counts of what it leads; for 6 months and a year, the reporting
// record of every cycle of the period.
func (wb *workbook) units(sheet string) {
	if wb.rep.Record != nil {
		wb.record(sheet)
		return
	}
	cols := len(unitWidths)
	wb.widths(sheet, unitWidths...)
	wb.layout(sheet).noBlocks = true
	wb.sheetHeading(sheet, cols, wb.t("xlsx.units.heading"),
		wb.t("xlsx.units.sub", wb.dayText(wb.r.Cycle.Deadline)))
	labels := []string{wb.t("xlsx.col.no"), wb.t("xlsx.col.unit"),
		wb.t("xlsx.col.submitted"), wb.t("xlsx.col.report"), wb.t("xlsx.col.document"), wb.t("xlsx.col.led")}
	for _, o := range status.Outcomes {
		labels = append(labels, wb.t("outcome."+string(o)))
	}
	wb.header(sheet, tableHead, labels...)
	row := tableHead
	for i, u := range wb.rep.Units {
		row++
		wb.num(sheet, 1, row, i+1, wb.st.center)
		wb.str(sheet, 2, row, unitName(u.Report.Unit), wb.st.text)
		wb.date(sheet, 3, row, u.Report.Submitted)
		wb.str(sheet, 4, row, wb.reportText(u.Report.State), wb.st.reportStyle(u.Report.State))
		doc := ""
		if u.Report.Report != nil {
			doc = u.Report.Report.Document.Value
		}
		wb.str(sheet, 5, row, doc, wb.st.text)
		wb.num(sheet, 6, row, u.Outcomes.Total, wb.st.integer)
		for k, n := range u.Outcomes.By {
			wb.num(sheet, 7+k, row, n, wb.st.integer)
		}
	}
	wb.tableSheet(sheet, tableHead, row, cols)
	if len(wb.rep.Units) == 0 {
		wb.str(sheet, 1, row+1, wb.t("xlsx.units.none"), wb.st.note)
	}
}

// recordCycleWidth is the width of a cycle's column in the reporting record.
const recordCycleWidth = 10

// record writes the reporting record of a 6-month or year report: one row
// per unit, one column per cycle (Đ on time, C late with the day, ✗
// missing, blank when not owed), the unit's totals, and under the table
// the totals of each cycle.
func (wb *workbook) record(sheet string) {
	rec := wb.rep.Record
	n := len(rec.Months)
	ws := []float64{6, 36}
	for range n {
		// A bold "T12/2024" in the header needs 10 (at 8 it wraps
		// as "T12/202⏎4" in LibreOffice).
		ws = append(ws, recordCycleWidth)
	}
	ws = append(ws, 10, 10, 10)
	cols := len(ws)
	wb.widths(sheet, ws...)
	wb.layout(sheet).noBlocks = true
	wb.sheetHeading(sheet, cols, wb.t("xlsx.record.heading"),
		wb.t("xlsx.record.sub", wb.dayText(wb.r.AsOf)))
	labels := []string{wb.t("xlsx.col.no"), wb.t("xlsx.col.unit")}
	for _, m := range rec.Months {
		labels = append(labels, report.MonthShort(wb.lang, m))
	}
	labels = append(labels, wb.t("report.on-time"), wb.t("report.late"), wb.t("xlsx.col.missing"))
	wb.header(sheet, tableHead, labels...)
	row := tableHead
	for i, rr := range rec.Rows {
		row++
		wb.num(sheet, 1, row, i+1, wb.st.center)
		wb.str(sheet, 2, row, unitName(rr.Unit), wb.st.text)
		for k, c := range rr.Cells {
			style := wb.st.center
			if c.Owed {
				style = wb.st.reportStyle(c.State)
			}
			wb.str(sheet, 3+k, row, wb.rep.RecordText(c), style)
		}
		wb.num(sheet, 3+n, row, rr.OnTime, wb.st.integer)
		wb.num(sheet, 4+n, row, rr.Late, wb.st.integer)
		wb.num(sheet, 5+n, row, rr.Missing, wb.st.integer)
	}
	last := row
	// Totals: one row per report state, a count per cycle and in all.
	for k, key := range []string{"report.on-time", "report.late", "xlsx.col.missing"} {
		row++
		wb.merged(sheet, 1, 2, row, wb.t("xlsx.row.total")+": "+wb.t(key), wb.st.totalLabel)
		sum := 0
		for c, tot := range rec.Totals {
			v := [3]int{tot.OnTime, tot.Late, tot.Missing}[k]
			sum += v
			wb.num(sheet, 3+c, row, v, wb.st.totalInt)
		}
		for j := range 3 {
			if j == k {
				wb.num(sheet, 3+n+j, row, sum, wb.st.totalInt)
			} else {
				wb.blank(sheet, 3+n+j, row, wb.st.totalInt)
			}
		}
	}
	wb.tableSheet(sheet, tableHead, last, cols)
	row++
	wb.str(sheet, 1, row+1, wb.t("xlsx.record.legend"), wb.st.note)
}

// rankWidths are the columns of the ranking: rank, unit, assignments led,
// done on time, done late, open overdue, reports on time, late, missing.
var rankWidths = []float64{7, 40, 12, 12, 12, 13, 12, 10, 12}

// ranking writes Xếp hạng: the units that owe the cycle, ranked within
// their level by the figures alone (SPEC §8.5), under a row per level.
func (wb *workbook) ranking(sheet string) {
	cols := len(rankWidths)
	wb.widths(sheet, rankWidths...)
	wb.layout(sheet).noBlocks = true
	wb.sheetHeading(sheet, cols, wb.t("xlsx.rank.heading"), wb.t("xlsx.rank.sub", wb.dayText(wb.r.AsOf)))
	wb.header(sheet, tableHead, wb.t("xlsx.col.rank"), wb.t("xlsx.col.unit"), wb.t("xlsx.col.led"),
		wb.t("outcome.done-on-time"), wb.t("outcome.done-late"), wb.t("outcome.open-overdue"),
		wb.t("xlsx.col.reports-on-time"), wb.t("report.late"), wb.t("xlsx.col.missing"))
	row := tableHead
	for _, lv := range wb.rep.Ranking {
		row++
		wb.merged(sheet, 1, cols, row, wb.rep.LevelText(lv.Level), wb.st.groupRow)
		for _, rr := range lv.Rows {
			row++
			wb.num(sheet, 1, row, rr.Rank, wb.st.integer)
			wb.str(sheet, 2, row, unitName(rr.Unit), wb.st.text)
			for k, v := range []int{rr.Led, rr.DoneOnTime, rr.DoneLate, rr.OpenOverdue, rr.OnTime, rr.Late, rr.Missing} {
				wb.num(sheet, 3+k, row, v, wb.st.integer)
			}
		}
	}
	wb.tableSheet(sheet, tableHead, row, cols)
	if len(wb.rep.Ranking) == 0 {
		wb.str(sheet, 1, row+1, wb.t("xlsx.units.none"), wb.st.note)
	}
}

// sortedUnits orders units by name in Vietnamese collation, then by id so
// that two units of the same name keep a fixed order.
func sortedUnits(us []status.UnitReport) []status.UnitReport {
	out := make([]status.UnitReport, len(us))
	copy(out, us)
	name := func(u status.UnitReport) string { return unitName(u.Unit) }
	id := func(u status.UnitReport) string {
		if u.Unit == nil {
			return ""
		}
		return u.Unit.ID.Value
	}
	slices.SortStableFunc(out, func(a, b status.UnitReport) int {
		if c := i18n.Compare(name(a), name(b)); c != 0 {
			return c
		}
		return strings.Compare(id(a), id(b))
	})
	return out
}

// overdueWidths are the columns of the overdue sheet: STT, task, unit,
// deadline, status, days overdue, obstacles, proposals.
var overdueWidths = []float64{6, 44, 26, 12, 15, 10, 32, 32}

// overdue writes every assignment that is overdue, blocked or at risk (Quá
// hạn), in plan order, with the days past its deadline for the overdue ones
// and the obstacles and proposals of its latest entry: problems beyond a
// unit's authority go up to UBND tỉnh from here.
func (wb *workbook) overdue(sheet string) {
	cols := len(overdueWidths)
	wb.widths(sheet, overdueWidths...)
	wb.layout(sheet).noBlocks = true
	wb.sheetHeading(sheet, cols, wb.t("xlsx.overdue.heading"),
		wb.t("xlsx.overdue.sub", wb.dayText(wb.r.AsOf)))
	wb.header(sheet, tableHead, wb.t("xlsx.col.no"), wb.t("xlsx.col.task"), wb.t("xlsx.col.unit"),
		wb.t("xlsx.col.due"), wb.t("xlsx.col.status"), wb.t("xlsx.col.days"),
		wb.t("xlsx.col.obstacles"), wb.t("xlsx.col.proposals"))
	row, n := tableHead, 0
	for i := range wb.r.Tasks {
		t := &wb.r.Tasks[i]
		for _, a := range t.Assignments {
			if a.Status != status.Overdue && a.Status != status.AtRisk && a.Status != status.Blocked {
				continue
			}
			row++
			n++
			wb.num(sheet, 1, row, n, wb.st.center)
			wb.str(sheet, 2, row, taskTitle(t.Task), wb.st.text)
			wb.str(sheet, 3, row, unitName(a.Unit), wb.st.text)
			wb.due(sheet, 4, row, t)
			wb.str(sheet, 5, row, wb.statusText(a.Status), wb.st.statusStyle(a.Status))
			if !t.Ongoing && !t.Due.IsZero() && !wb.r.AsOf.IsZero() && wb.r.AsOf.After(t.Due) {
				wb.num(sheet, 6, row, wb.r.AsOf.Sub(t.Due), wb.st.integer)
			} else {
				wb.blank(sheet, 6, row, wb.st.integer)
			}
			var obstacles, proposals string
			if a.Entry != nil {
				obstacles = strings.TrimSpace(a.Entry.Obstacles.Value)
				proposals = strings.TrimSpace(a.Entry.Proposals.Value)
			}
			wb.str(sheet, 7, row, obstacles, wb.st.text)
			wb.str(sheet, 8, row, proposals, wb.st.text)
		}
	}
	wb.tableSheet(sheet, tableHead, row, cols)
	if n == 0 {
		wb.str(sheet, 1, row+1, wb.t("xlsx.overdue.none"), wb.st.note)
	}
}
