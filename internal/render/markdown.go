package render

import (
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/safetext"
	"github.com/plan06/plan06/internal/status"
)

// StatusMarkdown writes r as GitHub-flavoured Markdown, for a pull request
// comment or a wiki page: the plan's title as heading and the day; a
// heading and a table per group (nested groups one heading level down); the
// cycle's reporting table; the totals. With o.ByUnit the unit table takes
// the place of the groups and the reporting table. No colour, no wrapping:
// the reader's page does both.
func StatusMarkdown(w io.Writer, r *status.Result, o Options) error {
	var sb strings.Builder
	sb.WriteString("# " + mdText(planTitle(r.Plan)) + "\n\n")
	sb.WriteString(mdText(o.t("render.asof", o.day(r.AsOf))) + "\n")
	if o.ByUnit {
		if err := mdUnits(&sb, r, o); err != nil {
			return err
		}
	} else {
		if err := mdTasks(&sb, r, o); err != nil {
			return err
		}
		if err := mdTargets(&sb, r, o); err != nil {
			return err
		}
		if err := mdReports(&sb, r, o); err != nil {
			return err
		}
	}
	if err := mdTotals(&sb, r, o); err != nil {
		return err
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

func mdTasks(sb *strings.Builder, r *status.Result, o Options) error {
	if len(r.Tasks) == 0 {
		sb.WriteString("\n" + o.t("render.no-tasks") + "\n")
		return nil
	}
	ix := model.NewIndex(r.Plan)
	for _, s := range sections(r, o) {
		sb.WriteString("\n" + strings.Repeat("#", min(2+s.depth, 6)) + " " + mdText(s.title) + "\n")
		if len(s.tasks) == 0 {
			continue
		}
		sb.WriteString("\n")
		tb := mdTable{
			header: []string{o.t("render.col.id"), o.t("render.col.task"), o.t("render.col.lead"),
				o.t("render.col.due"), o.t("render.col.status"), o.t("render.col.progress")},
			right: []bool{5: true},
		}
		for _, t := range s.tasks {
			tb.add(t.Task.ID.Value, t.Task.Title.Value, leadNames(ix, t.Task, r.AsOf),
				o.due(t), o.taskStatusLabel(t), strconv.Itoa(t.Progress)+"%")
		}
		if err := tb.write(sb); err != nil {
			return err
		}
	}
	return nil
}

// mdTargets is the targets table, when any shown task has targets.
func mdTargets(sb *strings.Builder, r *status.Result, o Options) error {
	rows := targetRows(r, o)
	if len(rows) == 0 {
		return nil
	}
	sb.WriteString("\n## " + o.t("render.targets") + "\n\n")
	tb := mdTable{
		header: []string{o.t("render.col.id"), o.t("render.col.unit"), o.t("render.col.target"),
			o.t("render.col.required"), o.t("render.col.value"), o.t("render.col.met")},
		right: []bool{3: true, 4: true},
	}
	for _, row := range rows {
		tb.add(row.task, row.unit, row.target, row.required, row.value, row.assessment)
	}
	return tb.write(sb)
}

func mdReports(sb *strings.Builder, r *status.Result, o Options) error {
	sb.WriteString("\n## " + mdText(o.cycleHeading(r.Cycle)) + "\n\n")
	if len(r.Units) == 0 {
		sb.WriteString(o.t("render.no-units") + "\n")
		return nil
	}
	tb := mdTable{header: []string{o.t("render.col.unit"), o.t("render.col.report"), o.t("render.col.submitted")}}
	for _, u := range reportRows(r) {
		tb.add(unitName(u.Unit), o.reportLabel(u.State), o.day(u.Submitted))
	}
	return tb.write(sb)
}

func mdUnits(sb *strings.Builder, r *status.Result, o Options) error {
	sb.WriteString("\n## " + mdText(o.cycleHeading(r.Cycle)) + "\n\n")
	rows := unitRows(r)
	if len(rows) == 0 {
		sb.WriteString(o.t("render.no-tasks") + "\n")
		return nil
	}
	tb := mdTable{
		header: []string{o.t("render.col.unit"), o.t("render.col.led"), o.t("render.col.done"),
			o.t("render.col.overdue"), o.t("render.col.at-risk"), o.t("render.col.blocked"),
			o.t("render.col.report")},
		right: []bool{1: true, 2: true, 3: true, 4: true, 5: true},
	}
	for _, u := range rows {
		tb.add(unitName(u.Unit), strconv.Itoa(u.Led), strconv.Itoa(u.Done),
			strconv.Itoa(u.Overdue), strconv.Itoa(u.AtRisk), strconv.Itoa(u.Blocked),
			o.reportLabel(u.Report))
	}
	return tb.write(sb)
}

func mdTotals(sb *strings.Builder, r *status.Result, o Options) error {
	s := r.Summary()
	units := 0
	for _, st := range status.ReportStates {
		units += s.Reports[st]
	}
	sb.WriteString("\n## " + o.t("render.totals") + "\n\n")
	sb.WriteString(o.t("render.totals.tasks", s.Tasks) + "\n\n")
	tasks := mdTable{header: []string{o.t("render.col.status"), o.t("render.col.count")}, right: []bool{1: true}}
	for _, st := range status.Statuses {
		tasks.add(o.statusLabel(st), strconv.Itoa(s.ByStatus[st]))
	}
	if err := tasks.write(sb); err != nil {
		return err
	}
	sb.WriteString("\n" + o.t("render.totals.outcomes") + "\n\n")
	outcomes := mdTable{header: []string{o.t("render.col.outcome"), o.t("render.col.count")}, right: []bool{1: true}}
	for _, x := range status.Outcomes {
		outcomes.add(o.outcomeLabel(x), strconv.Itoa(s.ByOutcome[x]))
	}
	if err := outcomes.write(sb); err != nil {
		return err
	}
	sb.WriteString("\n" + o.t("render.totals.reports", units) + "\n\n")
	reports := mdTable{header: []string{o.t("render.col.report"), o.t("render.col.count")}, right: []bool{1: true}}
	for _, st := range status.ReportStates {
		reports.add(o.reportLabel(st), strconv.Itoa(s.Reports[st]))
	}
	return reports.write(sb)
}

// mdTable is a GitHub table drawn by tablewriter's Markdown renderer:
// columns padded to their width so that the source reads as a table too,
// text columns aligned left (":---") and numbers right ("---:").
type mdTable struct {
	header []string
	// right marks the columns aligned right; it may be shorter than header.
	right []bool
	rows  [][]string
}

// add appends a row, each cell put on one line with its "|" escaped:
// tablewriter's Markdown renderer escapes nothing and makes a new line in
// a cell a row of its own.
func (m *mdTable) add(cells ...string) {
	row := make([]string, len(cells))
	for i, c := range cells {
		row[i] = mdCell(c)
	}
	m.rows = append(m.rows, row)
}

func (m *mdTable) write(w io.Writer) error {
	n := len(m.header)
	header := make([]any, n)
	align := make(tw.Alignment, n)
	for i, h := range m.header {
		header[i] = mdCell(h)
		align[i] = tw.AlignLeft
		if i < len(m.right) && m.right[i] {
			align[i] = tw.AlignRight
		}
	}
	t := tablewriter.NewTable(w,
		eastAsianOff,
		tablewriter.WithRenderer(renderer.NewMarkdown()),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithAlignment(align),
	)
	t.Header(header...)
	for _, r := range m.rows {
		row := make([]any, len(r))
		for i, c := range r {
			row[i] = c
		}
		if err := t.Append(row...); err != nil {
			return err
		}
	}
	return t.Render()
}

// mdCell is s as a table cell: mdText, whose "|" is escaped already.
func mdCell(s string) string { return mdText(s) }

// mdText puts s on one line (a new line would end a table row or a
// heading) without control characters, "|", "\", backticks and HTML
// escaped: safetext.Markdown, so that a title can neither break the table
// nor put markup or HTML into a pull request comment.
func mdText(s string) string { return safetext.Markdown(s) }
