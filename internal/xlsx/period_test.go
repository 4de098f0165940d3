package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/report"
	"github.com/plan06/plan06/internal/status"
)

// periodWorkbook builds the workbook of testdata/plans/reports for period
// at the compile day of its last cycle, as `plan06 report` does: with the
// previous cycle, every cycle of the year so far and the group refs.
func periodWorkbook(t *testing.T, periodText string) []byte {
	t.Helper()
	p, diags, err := load.Load(os.DirFS("../../testdata/plans/reports"), "reports")
	if err != nil || diags.HasErrors() {
		t.Fatalf("fixture: %v %v", err, diags)
	}
	period, err := dates.ParsePeriod(periodText)
	if err != nil {
		t.Fatal(err)
	}
	cy := p.Cal.PeriodCycle(period, p.Reporting.Day, true)
	day := status.CompileDay(p, cy)
	rep := report.ForPeriod(p, period, day, i18n.VI)
	var buf bytes.Buffer
	o := Options{Lang: i18n.VI, Title: PeriodTitle(i18n.VI, period.Kind, period.Year, max(period.Half, int(period.Month.Month))),
		Day: day, PeriodFrom: cy.PeriodFrom, PeriodTo: cy.PeriodTo}
	if err := WriteReport(&buf, rep, o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGoldenCellsPeriods pins the second edition's sheets for a month and
// a 6-month report of the reports fixture: the outcome table numbered by
// the plan's refs, the previous compile day's counts and the change, the
// units' outcome counts (month) or the reporting record (6 months), the
// ranking, and blocked assignments with their obstacles on Quá hạn.
func TestGoldenCellsPeriods(t *testing.T) {
	for _, period := range []string{"2024-04", "2024-H1"} {
		t.Run(period, func(t *testing.T) {
			b := periodWorkbook(t, period)
			if again := periodWorkbook(t, period); !bytes.Equal(b, again) {
				t.Error("two builds differ")
			}
			got := dump(t, open(t, b))
			path := filepath.Join("testdata", "cells_reports_"+period+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("cells differ from %s (go test -update rewrites it):\n%s", path, lineDiff(string(want), got))
			}
			for _, line := range []string{
				"Tổng hợp!A13 = II.1", "Tổng hợp!A14 = II.3", "Tổng hợp!A15 = II.3.1",
				"Xếp hạng!A4 = Sở, ban, ngành",
			} {
				if !strings.Contains(got, line+"\n") {
					t.Errorf("no %q", line)
				}
			}
		})
	}
}
