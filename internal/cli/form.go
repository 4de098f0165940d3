package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/form"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/safewrite"
	"github.com/plan06/plan06/internal/status"
	"github.com/spf13/cobra"
)

func (a *App) formCmd() *cobra.Command {
	var unit, cycle, output string
	var all bool
	c := &cobra.Command{
		Use:   "form --unit U [--cycle M] [-o FILE] | --all -o DIR",
		Short: "Write a unit's report form (xlsx) to fill in and send back",
		Long: "form writes the unit's report form for cycle M (default: the current cycle): one row per task the unit\n" +
			"leads or supports that is not done, prefilled from its last report, with drop-downs and checks on the\n" +
			"answer cells. --all writes one form per unit that owes the cycle into DIR. Import the filled forms with\n" +
			"plan06 import. The same plan and day give the same bytes.",
		Example: "  plan06 form --unit \"luc nam\"\n  plan06 form --all --cycle 2024-05 -o phieu/",
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			switch {
			case all && unit != "":
				return usageErr("use --unit U for one form or --all -o DIR for every unit", "--unit and --all exclude each other")
			case all && output == "":
				return usageErr("name the folder: plan06 form --all -o phieu/", "--all needs -o DIR")
			case !all && unit == "":
				return usageErr("name the unit: --unit so-tttt (or part of its name), or pass --all -o DIR", "--unit or --all is required")
			}
			return a.runForm(unit, cycle, output, all)
		},
	}
	c.Flags().StringVar(&unit, "unit", "", "the reporting unit: an id or part of its name")
	c.Flags().StringVar(&cycle, "cycle", "", "the cycle, YYYY-MM (default: the month of today)")
	c.Flags().StringVarP(&output, "output", "o", "", "file to write (default phieu-bao-cao-M-U.xlsx); with --all, the folder")
	c.Flags().BoolVar(&all, "all", false, "one form per unit that owes the cycle, into the folder -o names")
	return c
}

// cycleOf is --cycle, else the month of day.
func cycleOf(text string, day dates.Date) (dates.Month, error) {
	if text == "" {
		return dates.MonthOf(day), nil
	}
	m, ok := dates.ParseMonth(strings.TrimSpace(text))
	if !ok {
		return dates.Month{}, usageErr("write the cycle as YYYY-MM, e.g. 2024-04", "--cycle %q is not a month", text)
	}
	return m, nil
}

func (a *App) runForm(unitQuery, cycleText, output string, all bool) error {
	l, day, err := a.loadValid()
	if err != nil {
		return err
	}
	month, err := cycleOf(cycleText, day)
	if err != nil {
		return err
	}
	if cycleText != "" {
		// A form import would refuse (its month folder is not the plan's)
		// is not written.
		if first, last, ok := l.plan.ReportMonths(); ok && (month.Compare(first) < 0 || month.Compare(last) > 0) {
			return withHintArgs(usageErr("pass one of those months, e.g. --cycle %s",
				"--cycle %s is not a reporting cycle of the plan: it takes reports for cycles %s to %s",
				month.String(), first.String(), last.String()), nearest(month, first, last).String())
		}
	}
	ix := model.NewIndex(l.plan)
	res := status.Compute(l.plan, ix, status.Options{AsOf: day, Cycle: month})
	opts := form.Options{Lang: l.lang}
	if !all {
		u, err := findUnit(l.plan, unitQuery)
		if err != nil {
			return err
		}
		if d := res.Cycle.Deadline; !d.IsZero() && !u.ExistsOn(d) {
			// Import would refuse its answers: a report of a cycle the unit
			// did not exist in is an error (SPEC §9).
			return a.owesNothing(l.plan, u, res.Cycle)
		}
		if output == "" {
			output = form.FileName(month.String(), u.ID.Value)
		}
		if !strings.HasSuffix(strings.ToLower(output), ".xlsx") {
			return usageErr("name the file with .xlsx, e.g. -o phieu.xlsx", "%s is not an .xlsx file name", output)
		}
		return a.writeForm(res, ix, u, opts, output)
	}
	if err := os.MkdirAll(output, 0o755); err != nil {
		return &exitError{code: ExitUsage, err: fmt.Errorf("cannot create %s: %w", output, err)}
	}
	for _, ur := range res.Units {
		path := filepath.Join(output, form.FileName(month.String(), ur.Unit.ID.Value))
		if err := a.writeForm(res, ix, ur.Unit, opts, path); err != nil {
			return err
		}
	}
	return nil
}

// nearest is the month of first..last closest to m (m is outside).
func nearest(m, first, last dates.Month) dates.Month {
	if m.Compare(first) < 0 {
		return first
	}
	return last
}

func (a *App) writeForm(res *status.Result, ix *model.Index, u *model.Unit, opts form.Options, path string) error {
	b, err := form.Write(res, ix, u, opts)
	if err != nil {
		return &exitError{code: ExitUsage, err: err}
	}
	if err := safewrite.WriteFile(path, b, 0o644); err != nil {
		return &exitError{code: ExitUsage, err: fmt.Errorf("cannot write %s: %w", path, err)}
	}
	fmt.Fprintln(a.IO.Out, filepath.ToSlash(path))
	return nil
}
