package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/safetext"
	"github.com/plan06/plan06/internal/safewrite"
	"github.com/plan06/plan06/internal/status"
	"github.com/spf13/cobra"
)

func (a *App) newCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "new",
		Short: "Create plan files from what the plan already knows",
	}
	var unit, month, submitted string
	rep := &cobra.Command{
		Use:   "report --unit U [--month M]",
		Short: "Write reports/M/U.yaml prefilled with the unit's open assignments",
		Long: "new report writes the unit's report for cycle M (default: the current cycle) with submitted set to today\n" +
			"and one entry per open assignment, prefilled with its last state, progress and targets. It never overwrites.",
		Example: "  plan06 new report --unit so-tttt\n  plan06 new report --unit \"luc nam\" --month 2024-04",
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if unit == "" {
				return usageErr("name the unit: --unit so-tttt (or part of its name)", "--unit is required")
			}
			return a.runNewReport(unit, month, submitted)
		},
	}
	rep.Flags().StringVar(&unit, "unit", "", "the reporting unit: an id or part of its name")
	rep.Flags().StringVar(&month, "month", "", "the cycle, YYYY-MM (default: the month of today)")
	rep.Flags().StringVar(&submitted, "submitted", "", "the day the report was sent (default today); give it when filing a past month's report")
	c.AddCommand(rep)
	return c
}

func (a *App) runNewReport(unitQuery, monthText, submittedText string) error {
	l, day, err := a.loadValid()
	if err != nil {
		return err
	}
	u, err := findUnit(l.plan, unitQuery)
	if err != nil {
		return err
	}
	month := dates.MonthOf(day)
	if monthText != "" {
		m, ok := dates.ParseMonth(monthText)
		if !ok {
			return usageErr("write the month as YYYY-MM, e.g. 2024-04", "--month %q is not a month", monthText)
		}
		month = m
	}
	// A report validate would refuse (its month folder is not one of the
	// plan's cycles) is not written, whether the month was given or is
	// today's.
	if first, last, ok := l.plan.ReportMonths(); ok && (month.Compare(first) < 0 || month.Compare(last) > 0) {
		hint := "pass one of those months, e.g. --month %s"
		if monthText != "" {
			return withHintArgs(usageErr(hint,
				"--month %s is not a reporting cycle of the plan: it takes reports for cycles %s to %s; nothing written",
				month.String(), first.String(), last.String()), nearest(month, first, last).String())
		}
		return withHintArgs(usageErr(hint,
			"the current cycle %s is not a reporting cycle of the plan: it takes reports for cycles %s to %s; nothing written",
			month.String(), first.String(), last.String()), nearest(month, first, last).String())
	}
	submitted := day
	if submittedText != "" {
		d, err := dates.ParseDay(strings.TrimSpace(submittedText))
		if err != nil {
			return usageErr("write the day as 2024-04-20 or 20/04/2024", "--submitted %q is not a day", submittedText)
		}
		submitted = d
	}
	ix := model.NewIndex(l.plan)
	res := status.Compute(l.plan, ix, status.Options{AsOf: day, Cycle: month})
	// The units that owe the cycle are the ones status lists for it (SPEC
	// §3.3 and §9), so a report written here is one status counts.
	if _, ok := res.Owes(u.ID.Value); !ok && !(reportsElsewhere(l.plan, u) && hasOpen(res.OwedBy(u.ID.Value))) {
		// A unit that reports to another unit owes the secretariat
		// nothing, but its assignments still count from its own reports
		// (SPEC §9): with open ones, it may write one.
		return a.owesNothing(l.plan, u, res.Cycle)
	}
	var buf bytes.Buffer
	writeReportDraft(&buf, res, u, month, submitted, l.lang)

	rel := filepath.Join("reports", month.String(), u.ID.Value+".yaml")
	path := filepath.Join(a.dir(), rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return codeErr(ExitUsage, "", "cannot create %s: %v", filepath.Dir(path), err)
	}
	err = safewrite.Create(path, 0o644, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err })
	if errors.Is(err, safewrite.ErrExists) {
		return usageErr("edit the existing file, or delete it first to start over", "%s already exists; not overwriting it", filepath.ToSlash(path))
	}
	if err != nil {
		return &exitError{code: ExitUsage, err: err}
	}
	fmt.Fprintln(a.IO.Out, filepath.ToSlash(path))
	if submittedText == "" && res.Cycle.Deadline.Before(day) {
		fmt.Fprintf(a.IO.Err, "plan06: %s\nhint: %s\n",
			i18n.Say(a.ui, "warning: submitted is %s (today), after the deadline of %s (%s)",
				day.VN(), i18n.Month(a.ui, month.Year, int(month.Month)), res.Cycle.Deadline.VN()),
			i18n.Say(a.ui, "if the report was sent earlier, pass --submitted DATE or edit submitted in the file"))
	}
	return nil
}

// reportsElsewhere reports whether u reports to a unit other than the
// secretariat (SPEC §9 reports_to).
func reportsElsewhere(p *model.Plan, u *model.Unit) bool {
	return u.ReportsTo.Value != "" && u.ReportsTo.Value != p.Reporting.Secretariat.Value
}

// hasOpen reports whether any of owed is not done.
func hasOpen(owed []status.Owed) bool {
	for _, o := range owed {
		if o.Assignment.Status != status.Done {
			return true
		}
	}
	return false
}

// owesNothing is the refusal for a unit that does not owe cycle cy,
// saying why: it does not exist on the deadline, it reports to another unit
// than the secretariat, or it leads no task open then.
func (a *App) owesNothing(p *model.Plan, u *model.Unit, cy dates.Cycle) error {
	month := i18n.Month(a.ui, cy.Month.Year, int(cy.Month.Month))
	switch {
	case !cy.Deadline.IsZero() && !u.ExistsOn(cy.Deadline):
		return usageErr("a unit reports for the cycles whose deadline falls while it exists (from and until in units.yaml); pick another month, or its successor",
			"%s (%s) owes no report for %s: it does not exist on the cycle's deadline (%s); nothing written",
			u.Name.Value, u.ID.Value, month, cy.Deadline.VN())
	case reportsElsewhere(p, u):
		return usageErr("its report goes to that unit, not into the province's table; to keep a copy in the plan, copy another report and edit it",
			"%s (%s) owes no report for %s: it reports to %s, not to the secretariat; nothing written",
			u.Name.Value, u.ID.Value, month, u.ReportsTo.Value)
	}
	return usageErr("a unit owes a report for a month when it leads a task open then, or is in reporting.also;"+
		" to report on a task it supports, copy another report and edit it",
		"%s (%s) owes no report for %s: it leads no open task then; nothing written",
		u.Name.Value, u.ID.Value, month)
}

// writeReportDraft writes u's report file for r's cycle: one entry per
// assignment u owes the cycle (status.Result.OwedBy: its task has started
// by the deadline) that is not done, with the last state, progress and
// values reported, and comments naming each task and its deadline. Written
// into the month folder of a cycle of the plan by a unit that owes it, it
// validates, with one exception: a submitted day (--submitted) before the
// cycle's data period opens draws validate's warning.
func writeReportDraft(w io.Writer, r *status.Result, u *model.Unit, month dates.Month, day dates.Date, lang i18n.Lang) {
	fmt.Fprintf(w, "# %s\n", oneLine(i18n.T(lang, "new.header", u.Name.Value, i18n.Month(lang, month.Year, int(month.Month)), r.Cycle.Deadline.VN())))
	fmt.Fprintf(w, "submitted: %s\n", day)
	fmt.Fprintf(w, "# document: %s\n", i18n.T(lang, "new.document"))
	var open []status.Assignment
	var tasks []*status.Task
	for _, o := range r.OwedBy(u.ID.Value) {
		if o.Assignment.Status != status.Done {
			open = append(open, *o.Assignment)
			tasks = append(tasks, o.Task)
		}
	}
	if len(open) == 0 {
		fmt.Fprintln(w, "tasks: []")
		return
	}
	fmt.Fprintln(w, "tasks:")
	for i, as := range open {
		t := tasks[i]
		due := i18n.T(lang, "new.ongoing")
		if !t.Ongoing {
			due = t.Due.VN()
		}
		fmt.Fprintf(w, "  # %s %s (%s %s)\n", t.Task.ID.Value, oneLine(t.Task.Title.Value), i18n.T(lang, "new.due"), due)
		fmt.Fprintf(w, "  - task: %s\n", quote(t.Task.ID.Value))
		state := as.State
		if state == model.Done { // an ongoing task reported done stays open
			state = model.InProgress
		}
		fmt.Fprintf(w, "    state: %s # not-started | in-progress | done | blocked\n", state)
		fmt.Fprintf(w, "    progress: %d\n", as.Progress)
		var known, unknown []string
		for _, tg := range as.Targets {
			if tg.Value != nil {
				known = append(known, tg.Target.ID.Value+": "+strconv.FormatFloat(*tg.Value, 'f', -1, 64))
			} else {
				unknown = append(unknown, tg.Target.ID.Value)
			}
		}
		if len(known) > 0 {
			fmt.Fprintf(w, "    values: {%s}\n", strings.Join(known, ", "))
		}
		for _, id := range unknown {
			fmt.Fprintf(w, "    # values: {%s: …}  %s\n", id, i18n.T(lang, "new.value"))
		}
		fmt.Fprintf(w, "    result: \"\"\n")
		fmt.Fprintf(w, "    # obstacles: \"\"\n")
		fmt.Fprintf(w, "    # proposals: \"\"\n")
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(safetext.Line(s)), " ") }

// quote writes s as a YAML double-quoted scalar (JSON strings are valid YAML).
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
