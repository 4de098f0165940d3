package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
	"github.com/plan06/plan06/internal/xlsx"
	"github.com/spf13/cobra"
)

func (a *App) reportCmd() *cobra.Command {
	var output string
	c := &cobra.Command{
		Use:   "report [PERIOD]",
		Short: "Write the report workbook (xlsx) for a month, a half year or a year",
		Long: "report writes the province's report as an Excel workbook: the Decree 30/2020 header, the summary,\n" +
			"the appendix table of tasks with the units' results, the units' reporting record and what is overdue.\n" +
			"PERIOD is a month (2024-03, default: the current cycle), 2024-H1 (sơ kết 6 tháng) or 2024 (tổng kết năm).\n" +
			"The day defaults to the period's deadline; --as-of overrides it. The same plan and day give the same bytes.",
		Example: "  plan06 report 2024-03\n  plan06 report 2024-H1 -o so-ket-6-thang.xlsx",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			period := ""
			if len(args) == 1 {
				period = args[0]
			}
			return a.runReport(period, output)
		},
	}
	c.Flags().StringVarP(&output, "output", "o", "", "file to write (default bao-cao-de-an-06-PERIOD.xlsx)")
	return c
}

func (a *App) runReport(periodText, output string) error {
	var period dates.Period
	if periodText != "" {
		p, err := dates.ParsePeriod(periodText)
		if err != nil {
			return usageErr("write the period as 2024-03 (a month), 2024-H1 or 2024-H2 (half year) or 2024 (year)",
				"%q is not a report period", periodText)
		}
		period = p
	}
	l, err := a.loadPlan()
	if err != nil {
		return err
	}
	if err := a.requireValid(l); err != nil {
		return err
	}
	p := l.plan
	if periodText == "" {
		// The current cycle: the month of today (no --as-of: that sets the day).
		saved := a.asOf
		a.asOf = ""
		today, err := a.today(p)
		a.asOf = saved
		if err != nil {
			return err
		}
		period, _ = dates.ParsePeriod(dates.MonthOf(today).String())
	}
	rollover := p.Reporting.Rollover == model.RolloverNextWorkingDay
	cy := p.Cal.PeriodCycle(period, p.Reporting.Day, rollover)
	day := cy.Deadline
	if a.asOf != "" {
		if day, err = a.today(p); err != nil {
			return err
		}
	}
	if output == "" {
		output = "bao-cao-de-an-06-" + period.String() + ".xlsx"
	}
	if !strings.HasSuffix(strings.ToLower(output), ".xlsx") {
		return usageErr("name the file with .xlsx, e.g. -o bao-cao.xlsx", "%s is not an .xlsx file name", output)
	}
	if dir := filepath.Dir(output); dir != "." {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return usageErr("create the folder first, or choose another -o", "folder %s does not exist", dir)
		}
	}

	res := status.Compute(p, model.NewIndex(p), status.Options{AsOf: day, Cycle: cy.Month})
	n := int(period.Month.Month)
	if period.Kind == dates.PeriodHalf {
		n = period.Half
	}
	opt := xlsx.Options{
		Lang:       l.lang,
		Title:      xlsx.PeriodTitle(l.lang, period.Kind, period.Year, n),
		Day:        day,
		PeriodFrom: cy.PeriodFrom,
		PeriodTo:   cy.PeriodTo,
	}
	if err := xlsx.WriteFile(output, res, opt); err != nil {
		return codeErr(ExitUsage, "check that the folder exists and is writable", "%v", err)
	}
	fmt.Fprintln(a.IO.Out, filepath.ToSlash(output))
	return nil
}
