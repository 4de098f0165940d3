package render

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/status"
)

// The CSV headers. They and the state values are the English codes of the
// JSON whatever o.Lang, so that a script or a spreadsheet formula written
// once keeps working; only the titles and names from the plan are in the
// plan's language.
var (
	csvTaskHeader = []string{"task", "title", "group", "due", "ongoing", "task_status", "task_outcome",
		"unit", "status", "outcome", "state", "progress", "done", "late", "last_report"}
	csvUnitHeader = []string{"unit", "name", "led", "done", "overdue", "at_risk",
		"blocked", "report", "submitted"}
)

// StatusCSV writes r as CSV (RFC 4180, via encoding/csv): one row per
// assignment, or one row with the assignment columns empty for a task that
// has none; with o.ByUnit, one row per unit, sorted by unit id. Dates are
// ISO, booleans true/false, states their English codes. o.Lang is not
// used: see csvTaskHeader.
func StatusCSV(w io.Writer, r *status.Result, o Options) error {
	records := taskRecords(r)
	if o.ByUnit {
		records = unitRecords(r)
	}
	return csv.NewWriter(w).WriteAll(records)
}

func taskRecords(r *status.Result) [][]string {
	records := [][]string{csvTaskHeader}
	for _, t := range r.Tasks {
		due := ""
		if !t.Ongoing {
			due = t.Due.String()
		}
		task := []string{t.Task.ID.Value, t.Task.Title.Value, t.Task.Group.Value,
			due, strconv.FormatBool(t.Ongoing), string(t.Status), string(t.Outcome)}
		if len(t.Assignments) == 0 {
			records = append(records, append(task, "", "", "", "", "", "", "", ""))
			continue
		}
		for _, a := range t.Assignments {
			last := ""
			if a.LastReport != (dates.Month{}) {
				last = a.LastReport.String()
			}
			records = append(records, append(slices.Clip(task),
				a.Unit.ID.Value, string(a.Status), string(a.Outcome), string(a.State), strconv.Itoa(a.Progress),
				a.Done.String(), strconv.FormatBool(a.Late), last))
		}
	}
	return records
}

func unitRecords(r *status.Result) [][]string {
	records := [][]string{csvUnitHeader}
	for _, u := range r.ByUnit() {
		records = append(records, []string{u.Unit.ID.Value, u.Unit.Name.Value, strconv.Itoa(u.Led),
			strconv.Itoa(u.Done), strconv.Itoa(u.Overdue), strconv.Itoa(u.AtRisk),
			strconv.Itoa(u.Blocked), string(u.Report), u.Submitted.String()})
	}
	return records
}
