package bench

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/docx"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/report"
	"github.com/plan06/plan06/internal/status"
	"github.com/plan06/plan06/internal/xlsx"
)

// BenchmarkReportDocuments builds what `plan06 report` sends up for the
// synthetic province: the report content of the year (the heaviest period:
// a status per cycle for the record and the ranking), the workbook and the
// signed report. The target is 2 s and 300 MB for the two together; the
// sys-MB metric is the memory the Go runtime holds after the run.
func BenchmarkReportDocuments(b *testing.B) {
	p := loadPlan(b)
	for _, text := range []string{"2024-06", "2024"} {
		b.Run(text, func(b *testing.B) {
			period, err := dates.ParsePeriod(text)
			if err != nil {
				b.Fatal(err)
			}
			cy := p.Cal.PeriodCycle(period, p.Reporting.Day, true)
			day := status.CompileDay(p, cy)
			title := xlsx.PeriodTitle(i18n.VI, period.Kind, period.Year, int(period.Month.Month))
			b.ReportAllocs()
			var xb, db int
			for b.Loop() {
				rep := report.ForPeriod(p, period, day, i18n.VI)
				var buf bytes.Buffer
				if err := xlsx.WriteReport(&buf, rep, xlsx.Options{Lang: i18n.VI, Title: title, Day: day,
					PeriodFrom: cy.PeriodFrom, PeriodTo: cy.PeriodTo}); err != nil {
					b.Fatal(err)
				}
				d, err := docx.Report(rep, docx.Options{Title: title, Day: day, PeriodFrom: cy.PeriodFrom, PeriodTo: cy.PeriodTo})
				if err != nil {
					b.Fatal(err)
				}
				xb, db = buf.Len(), len(d)
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(ms.Sys)/1e6, "sys-MB")
			b.ReportMetric(float64(xb)/1e3, "xlsx-kB")
			b.ReportMetric(float64(db)/1e3, "docx-kB")
		})
	}
}
