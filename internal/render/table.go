package render

import (
	"io"
	"strconv"
	"strings"

	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/safetext"
	"github.com/plan06/plan06/internal/status"
)

// barMax is the length of the totals bar of a state that every task (or
// every reporting unit) is in.
const barMax = 20

// StatusTable writes `plan06 status` for a screen: the plan's title and
// the day; the tasks under their group headings (or, with o.ByUnit, one
// row per unit); the cycle's reporting table; then the totals. The tables
// are fitted to o.Width by wrapping titles and names.
func StatusTable(w io.Writer, r *status.Result, o Options) error {
	var sb strings.Builder
	width := o.width()
	writeWrapped(&sb, planTitle(r.Plan), width)
	writeWrapped(&sb, o.t("render.asof", o.day(r.AsOf)), width)
	sb.WriteString("\n")
	if o.ByUnit {
		if err := unitTable(&sb, r, o); err != nil {
			return err
		}
	} else {
		taskTable(&sb, r, o)
		sb.WriteString("\n")
		if targetsTable(&sb, r, o) {
			sb.WriteString("\n")
		}
		if err := reportTable(&sb, r, o); err != nil {
			return err
		}
	}
	sb.WriteString("\n")
	totals(&sb, r, o)
	_, err := io.WriteString(w, sb.String())
	return err
}

// writeWrapped writes s as lines of at most width columns, made safe for
// a terminal (safetext.Line).
func writeWrapped(sb *strings.Builder, s string, width int) {
	for _, line := range wrap(safetext.Line(s), width) {
		sb.WriteString(line)
		sb.WriteString("\n")
	}
}

// taskTable is the tasks under their group headings, nested groups
// indented below their parent. It is drawn with box, not tablewriter: see
// box.
func taskTable(sb *strings.Builder, r *status.Result, o Options) {
	if len(r.Tasks) == 0 {
		sb.WriteString(o.t("render.no-tasks") + "\n")
		return
	}
	ix := model.NewIndex(r.Plan)
	b := box{cols: []boxCol{
		{header: o.t("render.col.id")},
		{header: o.t("render.col.task"), weight: 3, soft: 24},
		{header: o.t("render.col.lead"), weight: 1, soft: 10},
		{header: o.t("render.col.due"), weight: 1},
		{header: o.t("render.col.status"), weight: 1},
		{header: o.t("render.col.progress"), weight: 2, soft: 1, right: true},
	}}
	for _, s := range sections(r, o) {
		b.heading(s.title, 2*s.depth)
		for _, t := range s.tasks {
			b.add(
				boxCell{text: t.Task.ID.Value},
				boxCell{text: t.Task.Title.Value},
				boxCell{text: leadNames(ix, t.Task, r.AsOf)},
				boxCell{text: o.due(t)},
				boxCell{text: o.taskStatusLabel(t), color: statusColor(t.Status)},
				boxCell{text: strconv.Itoa(t.Progress) + "%"},
			)
		}
	}
	b.render(sb, o.width(), o.Color)
}

// targetsTable is the targets of the shown assignments, one row per unit
// and target, with the milestone in force, the newest value and whether it
// is met; it reports whether it wrote anything (no task has targets, no
// table).
func targetsTable(sb *strings.Builder, r *status.Result, o Options) bool {
	rows := targetRows(r, o)
	if len(rows) == 0 {
		return false
	}
	sb.WriteString(o.t("render.targets") + "\n")
	b := box{cols: []boxCol{
		{header: o.t("render.col.id")},
		{header: o.t("render.col.unit"), weight: 2, soft: 12},
		{header: o.t("render.col.target"), weight: 3, soft: 16},
		{header: o.t("render.col.required"), weight: 1},
		{header: o.t("render.col.value"), weight: 1},
		{header: o.t("render.col.met"), weight: 1},
	}}
	for _, row := range rows {
		b.add(
			boxCell{text: row.task},
			boxCell{text: row.unit},
			boxCell{text: row.target},
			boxCell{text: row.required},
			boxCell{text: row.value},
			boxCell{text: row.assessment, color: row.color},
		)
	}
	b.render(sb, o.width(), o.Color)
	return true
}

// reportTable is the cycle's heading and one row per unit owing it,
// drawn with tablewriter (box.grid).
func reportTable(sb *strings.Builder, r *status.Result, o Options) error {
	writeWrapped(sb, o.cycleHeading(r.Cycle), o.width())
	if len(r.Units) == 0 {
		sb.WriteString(o.t("render.no-units") + "\n")
		return nil
	}
	b := box{cols: []boxCol{
		{header: o.t("render.col.unit"), weight: 1, soft: 16},
		{header: o.t("render.col.report"), weight: 1},
		{header: o.t("render.col.submitted"), weight: 1},
	}}
	for _, u := range reportRows(r) {
		b.add(
			boxCell{text: unitName(u.Unit)},
			boxCell{text: o.reportLabel(u.State), color: reportColor(u.State)},
			boxCell{text: o.day(u.Submitted)},
		)
	}
	return b.grid(sb, o.width(), o.Color)
}

// unitTable is `--by unit`: what each unit leads and how it stands, with
// its report for the cycle, drawn with tablewriter (box.grid). The day of
// the report is left to the CSV so that the table fits 80 columns.
func unitTable(sb *strings.Builder, r *status.Result, o Options) error {
	rows := unitRows(r)
	if len(rows) == 0 {
		sb.WriteString(o.t("render.no-tasks") + "\n")
		return nil
	}
	writeWrapped(sb, o.cycleHeading(r.Cycle), o.width())
	b := box{cols: []boxCol{
		{header: o.t("render.col.unit"), weight: 2, soft: 16},
		{header: o.t("render.col.led"), weight: 1, soft: 1, right: true},
		{header: o.t("render.col.done"), weight: 1, soft: 1, right: true},
		{header: o.t("render.col.overdue"), weight: 1, soft: 1, right: true},
		{header: o.t("render.col.at-risk"), weight: 1, soft: 1, right: true},
		{header: o.t("render.col.blocked"), weight: 1, soft: 1, right: true},
		{header: o.t("render.col.report"), weight: 1},
	}}
	// count colours a count only when it is not zero, so the eye goes
	// to the units that have something to show.
	count := func(n int, s status.Status) boxCell {
		c := boxCell{text: strconv.Itoa(n)}
		if n > 0 {
			c.color = statusColor(s)
		}
		return c
	}
	for _, u := range rows {
		b.add(
			boxCell{text: unitName(u.Unit)},
			boxCell{text: strconv.Itoa(u.Led)},
			count(u.Done, status.Done),
			count(u.Overdue, status.Overdue),
			count(u.AtRisk, status.AtRisk),
			count(u.Blocked, status.Blocked),
			boxCell{text: o.reportLabel(u.Report), color: reportColor(u.Report)},
		)
	}
	return b.grid(sb, o.width(), o.Color)
}

// totals is a line per status and per report state with its count and a
// bar proportional to its share.
func totals(sb *strings.Builder, r *status.Result, o Options) {
	s := r.Summary()
	type line struct {
		label string
		count int
		color string
	}
	var tasks, outcomes, reports []line
	for _, st := range status.Statuses {
		tasks = append(tasks, line{o.statusLabel(st), s.ByStatus[st], statusColor(st)})
	}
	for _, x := range status.Outcomes {
		outcomes = append(outcomes, line{o.outcomeLabel(x), s.ByOutcome[x], outcomeColors[x]})
	}
	units := 0
	for _, st := range status.ReportStates {
		reports = append(reports, line{o.reportLabel(st), s.Reports[st], reportColor(st)})
		units += s.Reports[st]
	}
	labelW, countW := 0, len(strconv.Itoa(max(s.Tasks, units)))
	for _, ls := range [][]line{tasks, outcomes, reports} {
		for _, l := range ls {
			labelW = max(labelW, textWidth(l.label))
		}
	}
	block := func(title string, lines []line, total int) {
		sb.WriteString(title + "\n")
		for _, l := range lines {
			sb.WriteString("  ")
			label := pad(l.label, labelW, false)
			bar := strings.Repeat("█", barLen(l.count, total))
			if o.Color && l.color != "" && l.count > 0 {
				label = sgr(l.color, l.label) + strings.Repeat(" ", labelW-textWidth(l.label))
				bar = sgr(l.color, bar)
			}
			sb.WriteString(label + "  " + pad(strconv.Itoa(l.count), countW, true))
			if l.count > 0 {
				sb.WriteString("  " + bar)
			}
			sb.WriteString("\n")
		}
	}
	block(o.t("render.totals.tasks", s.Tasks), tasks, s.Tasks)
	block(o.t("render.totals.outcomes"), outcomes, s.Tasks)
	block(o.t("render.totals.reports", units), reports, units)
}

// barLen is n's share of total in barMax blocks, rounded half up; a state
// that occurs at all gets at least one block.
func barLen(n, total int) int {
	if n <= 0 || total <= 0 {
		return 0
	}
	return max(1, (2*n*barMax+total)/(2*total))
}
