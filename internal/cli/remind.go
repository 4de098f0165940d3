package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/docx"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/render"
	"github.com/plan06/plan06/internal/report"
	"github.com/plan06/plan06/internal/safewrite"
	"github.com/plan06/plan06/internal/status"
)

func (a *App) remindCmd() *cobra.Command {
	var cycle, output string
	var docxOut bool
	c := &cobra.Command{
		Use:   "remind [--cycle M] [--docx | -o markdown | -o FILE.docx]",
		Short: "Write the standing office's reminder to late units (markdown or Word)",
		Long: "remind writes the reminder (văn bản đôn đốc) of the standing office: the units that have not reported\n" +
			"the cycle or reported late, and the units with overdue tasks, each with its tasks and days overdue.\n" +
			"The day is --as-of (default today); the cycle defaults to the latest whose deadline has passed.\n" +
			"Markdown (the default, on stdout) is for e-mail and chat; --docx writes don-doc-de-an-06-M.docx.",
		Example: "  plan06 remind --as-of 2024-04-20\n  plan06 remind --cycle 2024-04 --docx",
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if docxOut && c.Flags().Changed("output") && !strings.HasSuffix(strings.ToLower(output), ".docx") {
				return usageErr("use -o markdown, --docx or -o FILE.docx", "--docx and -o %s ask for two outputs", output)
			}
			return a.runRemind(cycle, output, docxOut)
		},
	}
	c.Flags().StringVar(&cycle, "cycle", "", "reporting cycle, YYYY-MM (default: the latest cycle whose deadline has passed)")
	c.Flags().StringVarP(&output, "output", "o", "markdown", "markdown (stdout) or a file name ending in .docx")
	c.Flags().BoolVar(&docxOut, "docx", false, "write the reminder as a Word document")
	return c
}

func (a *App) runRemind(cycleText, output string, docxOut bool) error {
	toDocx := docxOut || strings.HasSuffix(strings.ToLower(output), ".docx")
	if !toDocx && output != "markdown" && output != "md" {
		return usageErr("use -o markdown, --docx or -o FILE.docx", "unknown output %q", output)
	}
	l, day, err := a.loadValid()
	if err != nil {
		return err
	}
	p := l.plan
	rollover := p.Reporting.Rollover == model.RolloverNextWorkingDay
	var month dates.Month
	if cycleText != "" {
		m, ok := dates.ParseMonth(strings.TrimSpace(cycleText))
		if !ok {
			return usageErr("write the cycle as YYYY-MM, e.g. --cycle 2024-04", "--cycle %q is not a month", cycleText)
		}
		month = m
	} else {
		// The latest cycle whose deadline has passed: before it, nobody is
		// missing yet and there is nothing to remind of.
		month = dates.MonthOf(day)
		if !day.After(p.Cal.Cycle(month, p.Reporting.Day, rollover).Deadline) {
			month = month.Add(-1)
		}
	}
	res := status.Compute(p, model.NewIndex(p), status.Options{AsOf: day, Cycle: month})
	rm := report.BuildReminder(res, l.lang)
	if !toDocx {
		return render.Remind(a.IO.Out, rm)
	}
	if docxOut && !strings.HasSuffix(strings.ToLower(output), ".docx") {
		output = "don-doc-de-an-06-" + month.String() + ".docx"
	}
	b, err := docx.Remind(rm, day)
	if err == nil {
		err = safewrite.WriteFile(output, b, 0o644)
	}
	if err != nil {
		return &exitError{code: ExitUsage, err: fmt.Errorf("cannot write %s: %w", output, err), hint: "check that the folder exists and is writable"}
	}
	fmt.Fprintln(a.IO.Out, filepath.ToSlash(output))
	return nil
}
