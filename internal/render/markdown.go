package render

import (
	"io"
	"strconv"
	"strings"

	"github.com/plan06/plan06/internal/model"
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
		mdUnits(&sb, r, o)
	} else {
		mdTasks(&sb, r, o)
		mdReports(&sb, r, o)
	}
	mdTotals(&sb, r, o)
	_, err := io.WriteString(w, sb.String())
	return err
}

func mdTasks(sb *strings.Builder, r *status.Result, o Options) {
	if len(r.Tasks) == 0 {
		sb.WriteString("\n" + o.t("render.no-tasks") + "\n")
		return
	}
	ix := model.NewIndex(r.Plan)
	for _, s := range sections(r, o) {
		sb.WriteString("\n" + strings.Repeat("#", min(2+s.depth, 6)) + " " + mdText(s.title) + "\n")
		if len(s.tasks) == 0 {
			continue
		}
		sb.WriteString("\n")
		mdRow(sb, o.t("render.col.id"), o.t("render.col.task"), o.t("render.col.lead"),
			o.t("render.col.due"), o.t("render.col.status"), o.t("render.col.progress"))
		sb.WriteString("|---|---|---|---|---|---:|\n")
		for _, t := range s.tasks {
			mdRow(sb, t.Task.ID.Value, t.Task.Title.Value, leadNames(ix, t.Task),
				o.due(t), o.statusLabel(t.Status), strconv.Itoa(t.Progress)+"%")
		}
	}
}

func mdReports(sb *strings.Builder, r *status.Result, o Options) {
	sb.WriteString("\n## " + mdText(o.cycleHeading(r.Cycle)) + "\n\n")
	if len(r.Units) == 0 {
		sb.WriteString(o.t("render.no-units") + "\n")
		return
	}
	mdRow(sb, o.t("render.col.unit"), o.t("render.col.report"), o.t("render.col.submitted"))
	sb.WriteString("|---|---|---|\n")
	for _, u := range reportRows(r) {
		mdRow(sb, unitName(u.Unit), o.reportLabel(u.State), o.day(u.Submitted))
	}
}

func mdUnits(sb *strings.Builder, r *status.Result, o Options) {
	sb.WriteString("\n## " + mdText(o.cycleHeading(r.Cycle)) + "\n\n")
	rows := unitRows(r)
	if len(rows) == 0 {
		sb.WriteString(o.t("render.no-tasks") + "\n")
		return
	}
	mdRow(sb, o.t("render.col.unit"), o.t("render.col.led"), o.t("render.col.done"),
		o.t("render.col.overdue"), o.t("render.col.at-risk"), o.t("render.col.blocked"),
		o.t("render.col.report"))
	sb.WriteString("|---|---:|---:|---:|---:|---:|---|\n")
	for _, u := range rows {
		mdRow(sb, unitName(u.Unit), strconv.Itoa(u.Led), strconv.Itoa(u.Done),
			strconv.Itoa(u.Overdue), strconv.Itoa(u.AtRisk), strconv.Itoa(u.Blocked),
			o.reportLabel(u.Report))
	}
}

func mdTotals(sb *strings.Builder, r *status.Result, o Options) {
	s := r.Summary()
	units := 0
	for _, st := range status.ReportStates {
		units += s.Reports[st]
	}
	sb.WriteString("\n## " + o.t("render.totals") + "\n\n")
	sb.WriteString(o.t("render.totals.tasks", s.Tasks) + "\n\n")
	mdRow(sb, o.t("render.col.status"), o.t("render.col.count"))
	sb.WriteString("|---|---:|\n")
	for _, st := range status.Statuses {
		mdRow(sb, o.statusLabel(st), strconv.Itoa(s.ByStatus[st]))
	}
	sb.WriteString("\n" + o.t("render.totals.reports", units) + "\n\n")
	mdRow(sb, o.t("render.col.report"), o.t("render.col.count"))
	sb.WriteString("|---|---:|\n")
	for _, st := range status.ReportStates {
		mdRow(sb, o.reportLabel(st), strconv.Itoa(s.Reports[st]))
	}
}

// mdRow writes one table row.
func mdRow(sb *strings.Builder, cells ...string) {
	sb.WriteString("|")
	for _, c := range cells {
		sb.WriteString(" " + strings.ReplaceAll(mdText(c), "|", `\|`) + " |")
	}
	sb.WriteString("\n")
}

// mdText puts s on one line: a new line would end a table row or a heading.
func mdText(s string) string { return strings.Join(strings.Fields(s), " ") }
