package cli

import (
	"fmt"
	"github.com/plan06/plan06/internal/dates"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/render"
	"github.com/plan06/plan06/internal/safetext"
	"github.com/plan06/plan06/internal/status"
	"github.com/spf13/cobra"
)

func (a *App) dueCmd() *cobra.Command {
	var within string
	c := &cobra.Command{
		Use:     "due",
		Short:   "Agenda: deadlines and report cycles coming up, and who still owes this cycle",
		Example: "  plan06 due\n  plan06 due --within 60d --as-of 2024-03-01",
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			days, err := parseWithin(within)
			if err != nil {
				return err
			}
			return a.runDue(days)
		},
	}
	c.Flags().StringVar(&within, "within", "30d", "how far ahead to look: days (30d, 30) or weeks (4w)")
	return c
}

// parseWithin reads "30d", "30" or "4w" as a number of days.
func parseWithin(s string) (int, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	mult := 1
	switch {
	case strings.HasSuffix(s, "d"):
		s = strings.TrimSuffix(s, "d")
	case strings.HasSuffix(s, "w"):
		s, mult = strings.TrimSuffix(s, "w"), 7
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 3660 {
		return 0, usageErr("write a number of days or weeks: 30d, 4w", "--within %q is not a duration", s)
	}
	return n * mult, nil
}

func (a *App) runDue(within int) error {
	l, day, err := a.loadValid()
	if err != nil {
		return err
	}
	ix := model.NewIndex(l.plan)
	res := status.Compute(l.plan, ix, status.Options{AsOf: day})
	return writeAgenda(a.IO.Out, res, ix, within, l.lang, a.width())
}

// writeAgenda prints the agenda, each line wrapped to width with its text
// hanging under the text's start, so that a narrow terminal or COLUMNS=80
// never splits a word at the border.
func writeAgenda(w io.Writer, r *status.Result, ix *model.Index, within int, lang i18n.Lang, width int) error {
	fmtDay := func(d interface {
		VN() string
		String() string
	}) string {
		if lang == i18n.VI {
			return d.VN()
		}
		return d.String()
	}
	// The headings wrap too, within the width (SPEC §12).
	fmt.Fprintln(w, render.Hanging("", i18n.T(lang, "due.title", fmtDay(r.AsOf), fmtDay(r.AsOf.AddDays(within))), width))
	items := r.Agenda(within)
	if len(items) == 0 {
		fmt.Fprintln(w, "  "+i18n.T(lang, "due.nothing"))
	}
	for _, it := range items {
		if it.Task != nil {
			fmt.Fprintln(w, render.Hanging("  "+fmtDay(it.Day)+"  ", fmt.Sprintf("%s %s: %s  [%s; %s]", i18n.T(lang, "due.task"), safetext.Line(it.Task.Task.ID.Value),
				safetext.Line(it.Task.Task.Title.Value), safetext.Line(leadNames(ix, it.Task.Task, r.AsOf)), i18n.T(lang, "status."+string(it.Task.Status))), width))
			continue
		}
		fmt.Fprintln(w, render.Hanging("  "+fmtDay(it.Day)+"  ", i18n.T(lang, "due.cycle", i18n.Month(lang, it.Cycle.Month.Year, int(it.Cycle.Month.Month)),
			fmtDay(it.Cycle.PeriodFrom), fmtDay(it.Cycle.PeriodTo)), width))
	}
	owing := r.Owing()
	fmt.Fprintln(w)
	fmt.Fprintln(w, render.Hanging("", i18n.T(lang, "due.owing", i18n.Month(lang, r.Cycle.Month.Year, int(r.Cycle.Month.Month)), fmtDay(r.Cycle.Deadline), len(owing)), width))
	slices.SortStableFunc(owing, func(a, b status.UnitReport) int { return i18n.Compare(a.Unit.Name.Value, b.Unit.Name.Value) })
	for _, u := range owing {
		fmt.Fprintln(w, render.Hanging("  ", fmt.Sprintf("%s (%s): %s", safetext.Line(u.Unit.Name.Value), safetext.Line(u.Unit.ID.Value), i18n.T(lang, "report."+string(u.State))), width))
	}
	return nil
}

// leadNames shows a task's lead as it stands on day d (SPEC §9, as the
// status table shows it): each unit named by the unit that holds its
// assignments on d (its successor once it has ended), each holder once;
// sets by their names; an unknown id as is.
func leadNames(ix *model.Index, t *model.Task, d dates.Date) string {
	var names []string
	seen := map[*model.Unit]bool{}
	for _, id := range t.Lead {
		switch u := ix.UnitAt(id, d); {
		case u != nil:
			if !seen[u] {
				seen[u] = true
				names = append(names, u.Name.Value)
			}
		case ix.Set(id.Value) != nil:
			names = append(names, ix.Set(id.Value).Name.Value)
		default:
			names = append(names, id.Value)
		}
	}
	return strings.Join(names, ", ")
}
