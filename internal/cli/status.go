package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/render"
	"github.com/plan06/plan06/internal/status"
	"github.com/spf13/cobra"
)

type statusOptions struct {
	unit   string
	group  string
	states []string
	cycle  string
	by     string
	output string
	failOn []string
	bom    bool
}

func (a *App) statusCmd() *cobra.Command {
	var o statusOptions
	c := &cobra.Command{
		Use:   "status",
		Short: "Show every task's status and this cycle's reporting, as of a day",
		Long: "status lists the tasks under their groups with lead, effective deadline, status and progress,\n" +
			"then the cycle's reporting table, then totals. Everything is computed as of --as-of (default today).",
		Example: "  plan06 status\n  plan06 status --unit \"cong an\" --as-of 2024-04-20\n  plan06 status -o json --fail-on overdue,missing",
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return a.runStatus(o)
		},
	}
	f := c.Flags()
	f.StringVar(&o.unit, "unit", "", "only the tasks this unit leads: an id or any part of its name (accents optional); a set stands for its members")
	f.StringVar(&o.group, "group", "", "only the tasks of this group and its subgroups: an id or part of its title (accents optional)")
	f.StringArrayVar(&o.states, "state", nil, "only tasks with this status (repeatable): "+statusNames()+", or its name (\"Quá hạn\")")
	f.StringVar(&o.cycle, "cycle", "", "reporting cycle to show, YYYY-MM (default: the month of the day)")
	f.StringVar(&o.by, "by", "task", "view: task or unit")
	f.StringVarP(&o.output, "output", "o", "table", "output: table, json, csv or markdown")
	f.BoolVar(&o.bom, "bom", false, "with -o csv: begin with the UTF-8 byte-order mark, so that Excel on Windows reads Vietnamese right")
	f.StringSliceVar(&o.failOn, "fail-on", nil, "exit 3 when any of these statuses, outcomes or report states is present (e.g. overdue,open-overdue,missing)")
	return c
}

func statusNames() string {
	names := make([]string, len(status.Statuses))
	for i, s := range status.Statuses {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

func reportStateNames() string {
	names := make([]string, len(status.ReportStates))
	for i, s := range status.ReportStates {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

// outcomeNames lists the outcome classes for messages.
func outcomeNames() string {
	names := make([]string, len(status.Outcomes))
	for i, x := range status.Outcomes {
		names[i] = string(x)
	}
	return strings.Join(names, ", ")
}

func (a *App) runStatus(o statusOptions) error {
	switch o.output {
	case "table", "json", "csv", "markdown":
	default:
		return usageErr("use -o table, json, csv or markdown", "unknown output %q", o.output)
	}
	if o.bom && o.output != "csv" {
		return usageErr("use --bom with -o csv", "--bom is only for CSV output")
	}
	if o.by != "task" && o.by != "unit" {
		return usageErr("use --by task or --by unit", "unknown view %q", o.by)
	}
	var filter status.Filter
	for _, s := range o.states {
		for _, part := range strings.Split(s, ",") {
			st, ok := parseState(part)
			if !ok {
				return withHintArgs(usageErr("statuses are: %s (or their names: Quá hạn, qua han, Overdue…)", "unknown status %q in --state", part), statusNames())
			}
			filter.States = append(filter.States, st)
		}
	}
	var failOn []string
	for _, s := range o.failOn {
		id, ok := parseFailOn(s)
		if !ok {
			return withHintArgs(usageErr("--fail-on takes statuses (%s), outcomes (%s) and report states (%s)", "unknown state %q in --fail-on", s),
				statusNames(), outcomeNames(), reportStateNames())
		}
		failOn = append(failOn, id)
	}
	o.failOn = failOn
	var cycle dates.Month
	if o.cycle != "" {
		m, ok := dates.ParseMonth(o.cycle)
		if !ok {
			return usageErr("write the cycle as YYYY-MM, e.g. 2024-03", "--cycle %q is not a month", o.cycle)
		}
		cycle = m
	}

	l, day, err := a.loadValid()
	if err != nil {
		return err
	}
	ix := model.NewIndex(l.plan)
	if o.unit != "" {
		c, err := findUnitOrSet(l.plan, ix, o.unit)
		if err != nil {
			return err
		}
		filter.Units = c.ids
	}
	if o.group != "" {
		g, err := findGroup(l.plan, ix, o.group)
		if err != nil {
			return err
		}
		filter.Group = g
	}
	res := status.Compute(l.plan, ix, status.Options{AsOf: day, Cycle: cycle}).Filter(filter)

	ro := render.Options{Lang: l.lang, Color: a.color(), Width: a.width(), ByUnit: o.by == "unit"}
	switch o.output {
	case "json":
		err = render.StatusJSON(a.IO.Out, res)
	case "csv":
		if o.bom {
			if _, err := io.WriteString(a.IO.Out, "\ufeff"); err != nil {
				return codeErr(ExitUsage, "", "writing output: %v", err)
			}
		}
		err = render.StatusCSV(a.IO.Out, res, ro)
	case "markdown":
		err = render.StatusMarkdown(a.IO.Out, res, ro)
	default:
		err = render.StatusTable(a.IO.Out, res, ro)
	}
	if err != nil {
		return codeErr(ExitUsage, "", "writing output: %v", err)
	}
	if hit := failOnHit(res, o.failOn); hit != "" {
		return codeErr(ExitFailOn, "", "--fail-on: %s present", hit)
	}
	return nil
}

// failOnHit returns the first state of failOn present in the result: a
// task's or an assignment's status or outcome, or a unit's report state.
func failOnHit(r *status.Result, failOn []string) string {
	for _, s := range failOn {
		for _, t := range r.Tasks {
			if string(t.Status) == s || string(t.Outcome) == s {
				return s
			}
			for _, as := range t.Assignments {
				if string(as.Status) == s || string(as.Outcome) == s {
					return s
				}
			}
		}
		for _, u := range r.Units {
			if string(u.State) == s {
				return s
			}
		}
	}
	return ""
}

// findUnit resolves what a user typed for --unit: an exact id, else every
// unit whose id, name or short name contains the text, ignoring case and
// accents ("cong an" finds Công an tỉnh). Several matches is an error
// listing them.
func findUnit(p *model.Plan, q string) (*model.Unit, error) {
	for i := range p.Units {
		if p.Units[i].ID.Value == q {
			return &p.Units[i], nil
		}
	}
	fq := i18n.Fold(q)
	var found []*model.Unit
	for i := range p.Units {
		u := &p.Units[i]
		if matchesQuery(fq, u.ID.Value, u.Name.Value, u.Short.Value) {
			found = append(found, u)
		}
	}
	switch len(found) {
	case 0:
		return nil, usageErr("units are listed in units.yaml; try part of the name, e.g. --unit \"luc nam\"", "no unit matches %q", q)
	case 1:
		return found[0], nil
	}
	slices.SortFunc(found, func(a, b *model.Unit) int { return i18n.Compare(a.Name.Value, b.Name.Value) })
	var list []string
	for _, u := range found {
		list = append(list, fmt.Sprintf("%s (%s)", u.ID.Value, u.Name.Value))
	}
	return nil, usageErr("be more precise, or pass the id", "%q matches %d units: %s", q, len(found), strings.Join(list, ", "))
}
