package bench

import (
	"bytes"
	"os"
	"testing"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/report"
	"github.com/plan06/plan06/internal/status"
	"github.com/plan06/plan06/internal/xlsx"
)

// BenchmarkCountryWorkbook builds the month workbook of the plan in
// $PLAN06_COUNTRY (a plan root generated at country scale), after loading
// it once: the serial work `plan06 report` does after the load. It is
// skipped when the variable is unset.
func BenchmarkCountryWorkbook(b *testing.B) {
	dir := os.Getenv("PLAN06_COUNTRY")
	if dir == "" {
		b.Skip("PLAN06_COUNTRY names no plan")
	}
	p, _, err := loadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	period, _ := dates.ParsePeriod("2024-03")
	cy := p.Cal.PeriodCycle(period, p.Reporting.Day, true)
	day := status.CompileDay(p, cy)
	title := xlsx.PeriodTitle(i18n.VI, period.Kind, period.Year, int(period.Month.Month))
	b.Run("content", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			report.ForPeriod(p, period, day, i18n.VI)
		}
	})
	rep := report.ForPeriod(p, period, day, i18n.VI)
	b.Run("xlsx", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var buf bytes.Buffer
			if err := xlsx.WriteReport(&buf, rep, xlsx.Options{Lang: i18n.VI, Title: title, Day: day,
				PeriodFrom: cy.PeriodFrom, PeriodTo: cy.PeriodTo}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
