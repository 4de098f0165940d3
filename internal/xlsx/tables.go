package xlsx

import (
	"slices"
	"strings"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
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
var taskWidths = []float64{6, 38, 16, 20, 12, 13, 9, 42, 26, 26}

// tasks writes the appendix (Nhiệm vụ): the tasks under their group
// headings, numbered 1, 2, 3… through the sheet.
func (wb *workbook) tasks(sheet string) {
	cols := len(taskWidths)
	wb.widths(sheet, taskWidths...)
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
	for _, g := range wb.groupRows() {
		if g.Total == 0 {
			continue
		}
		row++
		heading := g.Label + ". " + g.Title
		wb.merged(sheet, 1, cols, row, heading, wb.st.groupRow)
		for _, ti := range g.Tasks {
			row++
			n++
			wb.taskRow(sheet, row, n, &wb.r.Tasks[ti])
		}
	}
	wb.tableSheet(sheet, tableHead, row, cols)
	if n == 0 {
		wb.str(sheet, 1, row+1, wb.t("xlsx.tasks.none"), wb.st.note)
	}
}

// taskRow writes one task of the appendix.
func (wb *workbook) taskRow(sheet string, row, n int, t *status.Task) {
	wb.num(sheet, 1, row, n, wb.st.center)
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
	wb.str(sheet, 8, row, wb.entryText(t, func(e *model.Entry) string { return e.Result.Value }), wb.st.text)
	wb.str(sheet, 9, row, wb.entryText(t, func(e *model.Entry) string { return e.Obstacles.Value }), wb.st.text)
	wb.str(sheet, 10, row, wb.entryText(t, func(e *model.Entry) string { return e.Proposals.Value }), wb.st.text)
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

// entryText gathers one text field of the entries that the cycle's own
// reports give for t (an older entry says nothing of this cycle), one per
// line, each prefixed with its unit's name when several units lead the task.
func (wb *workbook) entryText(t *status.Task, field func(*model.Entry) string) string {
	var parts []string
	for _, a := range t.Assignments {
		if a.Entry == nil || a.LastReport != wb.r.Cycle.Month {
			continue
		}
		s := strings.TrimSpace(field(a.Entry))
		if s == "" {
			continue
		}
		if len(t.Assignments) > 1 {
			s = unitName(a.Unit) + ": " + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "\n")
}

// unitWidths are the columns of the units sheet: STT, unit, submitted,
// report state, document.
var unitWidths = []float64{6, 40, 14, 18, 60}

// units writes the units' reporting for the cycle (Đơn vị), every unit that
// owes the cycle in Vietnamese collation order of its name.
func (wb *workbook) units(sheet string) {
	cols := len(unitWidths)
	wb.widths(sheet, unitWidths...)
	wb.sheetHeading(sheet, cols, wb.t("xlsx.units.heading"),
		wb.t("xlsx.units.sub", wb.dayText(wb.r.Cycle.Deadline)))
	wb.header(sheet, tableHead, wb.t("xlsx.col.no"), wb.t("xlsx.col.unit"),
		wb.t("xlsx.col.submitted"), wb.t("xlsx.col.report"), wb.t("xlsx.col.document"))
	units := sortedUnits(wb.r.Units)
	row := tableHead
	for i, u := range units {
		row++
		wb.num(sheet, 1, row, i+1, wb.st.center)
		wb.str(sheet, 2, row, unitName(u.Unit), wb.st.text)
		wb.date(sheet, 3, row, u.Submitted)
		wb.str(sheet, 4, row, wb.reportText(u.State), wb.st.reportStyle(u.State))
		doc := ""
		if u.Report != nil {
			doc = u.Report.Document.Value
		}
		wb.str(sheet, 5, row, doc, wb.st.text)
	}
	wb.tableSheet(sheet, tableHead, row, cols)
	if len(units) == 0 {
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
// deadline, status, days overdue.
var overdueWidths = []float64{6, 60, 34, 13, 18, 12}

// overdue writes every assignment that is overdue or at risk (Quá hạn), in
// plan order, with the days past its deadline for the overdue ones.
func (wb *workbook) overdue(sheet string) {
	cols := len(overdueWidths)
	wb.widths(sheet, overdueWidths...)
	wb.sheetHeading(sheet, cols, wb.t("xlsx.overdue.heading"),
		wb.t("xlsx.overdue.sub", wb.dayText(wb.r.AsOf)))
	wb.header(sheet, tableHead, wb.t("xlsx.col.no"), wb.t("xlsx.col.task"), wb.t("xlsx.col.unit"),
		wb.t("xlsx.col.due"), wb.t("xlsx.col.status"), wb.t("xlsx.col.days"))
	row, n := tableHead, 0
	for i := range wb.r.Tasks {
		t := &wb.r.Tasks[i]
		for _, a := range t.Assignments {
			if a.Status != status.Overdue && a.Status != status.AtRisk {
				continue
			}
			row++
			n++
			wb.num(sheet, 1, row, n, wb.st.center)
			wb.str(sheet, 2, row, taskTitle(t.Task), wb.st.text)
			wb.str(sheet, 3, row, unitName(a.Unit), wb.st.text)
			wb.due(sheet, 4, row, t)
			wb.str(sheet, 5, row, wb.statusText(a.Status), wb.st.statusStyle(a.Status))
			if a.Status == status.Overdue && !t.Due.IsZero() && !wb.r.AsOf.IsZero() {
				wb.num(sheet, 6, row, wb.r.AsOf.Sub(t.Due), wb.st.integer)
			} else {
				wb.blank(sheet, 6, row, wb.st.integer)
			}
		}
	}
	wb.tableSheet(sheet, tableHead, row, cols)
	if n == 0 {
		wb.str(sheet, 1, row+1, wb.t("xlsx.overdue.none"), wb.st.note)
	}
}
