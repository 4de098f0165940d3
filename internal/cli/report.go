package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/docx"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/report"
	"github.com/plan06/plan06/internal/safewrite"
	"github.com/plan06/plan06/internal/status"
	"github.com/plan06/plan06/internal/xlsx"
	"github.com/spf13/cobra"
)

func (a *App) reportCmd() *cobra.Command {
	var output string
	var ifCompileDay, docxOut bool
	c := &cobra.Command{
		Use:   "report [PERIOD]",
		Short: "Write the report workbook (xlsx) for a month, a half year or a year",
		Long: "report writes the province's report as an Excel workbook: the Decree 30/2020 header, the summary,\n" +
			"the appendix table of tasks with the units' results, the units' reporting record and what is overdue.\n" +
			"PERIOD is a month (2024-03, default: the current cycle), 2024-H1 (sơ kết 6 tháng) or 2024 (tổng kết năm).\n" +
			"The day defaults to the compile day of the period's last cycle (reporting.compile_after working days after\n" +
			"its deadline), so that a unit without a report reads as missing; --as-of overrides it. Without PERIOD the\n" +
			"period is the month of --as-of, else of today. --if-compile-day writes the current cycle's workbook only on\n" +
			"its compile day and otherwise says so and exits 0 (for a daily scheduled job). The same plan and day give\n" +
			"the same bytes. --docx (or -o FILE.docx) writes the signed report instead, in the Decree 30/2020 layout,\n" +
			"with the paragraphs of notes/YYYY-MM.md under 1. Công tác chỉ đạo, điều hành.",
		Example: "  plan06 report 2024-03\n  plan06 report 2024-H1 -o so-ket-6-thang.xlsx\n  plan06 report --if-compile-day\n  plan06 report 2024-04 --docx",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			period := ""
			if len(args) == 1 {
				period = args[0]
			}
			if ifCompileDay && period != "" {
				return usageErr("--if-compile-day picks the current cycle itself; drop PERIOD", "--if-compile-day takes no PERIOD")
			}
			return a.runReport(period, output, ifCompileDay, docxOut)
		},
	}
	c.Flags().StringVarP(&output, "output", "o", "", "file to write (default bao-cao-de-an-06-PERIOD.xlsx, or .docx with --docx)")
	c.Flags().BoolVar(&docxOut, "docx", false, "write the signed report (Word) instead of the workbook")
	c.Flags().BoolVar(&ifCompileDay, "if-compile-day", false, "write the current cycle's workbook only when today is its compile day; otherwise say so and exit 0")
	return c
}

// reportHold is the plans' worth of memory the report command holds:
// the plan, and beside it the status of each cycle of the year so far,
// the report and the workbook's sheets (at country scale 85 MB allocated
// after the load, against 24 MB for status). With the limit of one plan,
// the collector ran over the 250 MB model once more while they were
// built, on the processors the build was using.
const reportHold = 1.3

func (a *App) runReport(periodText, output string, ifCompileDay, docxOut bool) error {
	var period dates.Period
	if periodText != "" {
		p, err := dates.ParsePeriod(periodText)
		if err != nil {
			return usageErr("write the period as 2024-03 (a month), 2024-H1 or 2024-H2 (half year) or 2024 (year)",
				"%q is not a report period", periodText)
		}
		period = p
	}
	// The report's content is computed beside the plan's checks, for the
	// period and day the plan alone gives (what follows prints nothing
	// until the plan is known to be valid), and used if they still hold.
	// The workbook is built there too (not written: that waits for the
	// checks).
	var early struct {
		period dates.Period
		day    dates.Date
		lang   i18n.Lang
		rep    *report.Report
		xlsx   []byte
	}
	workbook := !docxOut && !strings.HasSuffix(strings.ToLower(output), ".docx")
	load.HoldPlans(reportHold)
	l, err := a.loadPlanBeside(func(p *model.Plan, lang i18n.Lang) func() {
		rp, err := a.reportDay(p, periodText, period, ifCompileDay)
		if err != nil || rp.notCompileDay {
			return nil
		}
		return func() {
			rep := report.ForPeriod(p, rp.period, rp.day, lang)
			early.period, early.day, early.lang, early.rep = rp.period, rp.day, lang, rep
			if workbook {
				if b, err := xlsx.Bytes(rep, reportOptions(lang, rp)); err == nil {
					early.xlsx = b
				}
			}
		}
	})
	if err != nil {
		return err
	}
	if err := a.requireValid(l); err != nil {
		return err
	}
	p := l.plan
	rp, err := a.reportDay(p, periodText, period, ifCompileDay)
	if err != nil {
		return err
	}
	today := rp.today
	if rp.notCompileDay {
		a.warnOutside(l, today)
		cy := p.Cal.Cycle(dates.MonthOf(today), p.Reporting.Day, rp.rollover)
		fmt.Fprintln(a.IO.Out, i18n.T(l.lang, "cli.not-compile-day", langDay(l.lang, today),
			monthWords(l.lang, cy.Month), langDay(l.lang, status.CompileDay(p, cy))))
		return nil
	}
	period, cy, day := rp.period, rp.cy, rp.day
	a.warnOutside(l, day)
	if day.After(today) {
		fmt.Fprintln(a.IO.Err, "plan06: "+i18n.T(l.lang, "cli.provisional", langDay(l.lang, day), langDay(l.lang, today)))
	}
	ext := ".xlsx"
	if docxOut || strings.HasSuffix(strings.ToLower(output), ".docx") {
		ext = ".docx"
	}
	if output == "" {
		output = "bao-cao-de-an-06-" + period.String() + ext
	}
	if !strings.HasSuffix(strings.ToLower(output), ext) {
		return withHintArgs(usageErr("name the file with %s, e.g. -o bao-cao%s", "%s is not a %s file name", output, ext), ext, ext)
	}
	if dir := filepath.Dir(output); dir != "." {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return usageErr("create the folder first, or choose another -o", "folder %s does not exist", dir)
		}
	}

	rep := early.rep
	if rep == nil || early.period != period || early.day != day || early.lang != l.lang {
		rep, early.xlsx = report.ForPeriod(p, period, day, l.lang), nil
	}
	opt := reportOptions(l.lang, rp)
	if ext == ".docx" {
		b, err := docx.Report(rep, docx.Options{
			Title: opt.Title, Day: day, PeriodFrom: cy.PeriodFrom, PeriodTo: cy.PeriodTo,
		})
		if err == nil {
			err = safewrite.WriteFile(output, b, 0o644)
		}
		if err != nil {
			return codeErr(ExitUsage, "check that the folder exists and is writable", "cannot write %s: %v", output, err)
		}
		if docx.NotesMissing(rep) {
			// The document leaves dotted lines under 1. Công tác chỉ
			// đạo, điều hành; the officer writes the notes before printing.
			fmt.Fprintln(a.IO.Err, "plan06: "+i18n.T(l.lang, "cli.notes-missing", "notes/"+cy.Month.String()+".md"))
		}
		fmt.Fprintln(a.IO.Out, filepath.ToSlash(output))
		return nil
	}
	if early.xlsx != nil {
		err = xlsx.WriteBytesFile(output, early.xlsx)
	} else {
		err = xlsx.WriteReportFile(output, rep, opt)
	}
	if err != nil {
		return codeErr(ExitUsage, "check that the folder exists and is writable", "%v", err)
	}
	fmt.Fprintln(a.IO.Out, filepath.ToSlash(output))
	return nil
}

// reportOptions are the workbook's options for a report in lang.
func reportOptions(lang i18n.Lang, rp reportDays) xlsx.Options {
	n := int(rp.period.Month.Month)
	if rp.period.Kind == dates.PeriodHalf {
		n = rp.period.Half
	}
	return xlsx.Options{
		Lang:       lang,
		Title:      xlsx.PeriodTitle(lang, rp.period.Kind, rp.period.Year, n),
		Day:        rp.day,
		PeriodFrom: rp.cy.PeriodFrom,
		PeriodTo:   rp.cy.PeriodTo,
	}
}

// reportDays are the period and day of a report, as the plan, the flags
// and the clock give them.
type reportDays struct {
	period     dates.Period
	cy         dates.Cycle
	today, day dates.Date
	rollover   bool
	// notCompileDay is --if-compile-day on a day that compiles no cycle
	// (today is the day checked).
	notCompileDay bool
}

// reportDay works out the period and day of a report of plan p: period as
// parsed from periodText, or none. It prints nothing.
func (a *App) reportDay(p *model.Plan, periodText string, period dates.Period, ifCompileDay bool) (reportDays, error) {
	rollover := p.Reporting.Rollover == model.RolloverNextWorkingDay
	today, err := a.clockDay(p)
	if err != nil {
		return reportDays{}, err
	}
	var asOf dates.Date
	if a.asOf != "" {
		if asOf, err = a.today(p); err != nil {
			return reportDays{}, err
		}
	}
	if ifCompileDay {
		// The check is against today; --as-of stands for today here, so that
		// a scheduled job can be tried on any day.
		if !asOf.IsZero() {
			today = asOf
		}
		m, ok := compileCycle(p, today, rollover)
		if !ok {
			return reportDays{today: today, rollover: rollover, notCompileDay: true}, nil
		}
		period, _ = dates.ParsePeriod(m.String())
		asOf = dates.Date{}
	} else if periodText == "" {
		// The current cycle: the month of the day asked for (--as-of), else
		// of today, so that the period and the day always agree.
		base := today
		if !asOf.IsZero() {
			base = asOf
		}
		period, _ = dates.ParsePeriod(dates.MonthOf(base).String())
	}
	cy := p.Cal.PeriodCycle(period, p.Reporting.Day, rollover)
	// D is the compile day of the period's last cycle (SPEC §8.3): units
	// report up to the deadline and the standing office compiles after it,
	// so a unit that has not reported reads as missing, not pending.
	day := status.CompileDay(p, cy)
	if !asOf.IsZero() {
		day = asOf
	}
	return reportDays{period: period, cy: cy, today: today, day: day, rollover: rollover}, nil
}

// compileCycle returns the cycle whose compile day is today, if any: the
// cycle of today's month, or of one of the two months before (a cycle due
// late in its month, compiled up to 20 working days after its deadline,
// Tết between, is compiled one or two months later).
func compileCycle(p *model.Plan, today dates.Date, rollover bool) (dates.Month, bool) {
	m0 := dates.MonthOf(today)
	first, last, bounded := p.ReportMonths()
	for _, m := range []dates.Month{m0, m0.Add(-1), m0.Add(-2)} {
		if bounded && (m.Compare(first) < 0 || m.Compare(last) > 0) {
			continue // a cycle the plan holds no reports for is not compiled
		}
		cy := p.Cal.Cycle(m, p.Reporting.Day, rollover)
		if status.CompileDay(p, cy) == today {
			return m, true
		}
	}
	return dates.Month{}, false
}

// monthWords names a cycle month in prose: "tháng 4/2024", "April 2024".
func monthWords(lang i18n.Lang, m dates.Month) string {
	return i18n.T(lang, "render.month", i18n.T(lang, "render.month."+strconv.Itoa(int(m.Month))), m.Year)
}
