package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

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

// At province scale the targets table would bury the summary: past 200
// rows Tổng hợp shows counts per target and level, and the rows move to a
// sheet Chỉ tiêu of their own.
func TestManyTargets(t *testing.T) {
	r := bigResult()
	rep := report.Build(report.Input{Result: r, Lang: i18n.VI})
	if !rep.ManyTargets() {
		t.Fatalf("%d target rows: not many", len(rep.Targets))
	}
	f := open(t, write(t, r, fixtureOptions(i18n.VI)))
	sheets := f.GetSheetList()
	if len(sheets) != 6 || sheets[5] != "Chỉ tiêu" {
		t.Fatalf("sheets %q", sheets)
	}
	summary, _ := f.GetRows("Tổng hợp")
	if len(summary) > 120 {
		t.Errorf("Tổng hợp has %d rows", len(summary))
	}
	moved := findRow(t, f, "Tổng hợp", "A", "Số đơn vị theo từng chỉ tiêu")
	if got := cellValue(t, f, "Tổng hợp", cell(1, moved)); !strings.Contains(got, strconv.Itoa(len(rep.Targets))+" dòng chi tiết ở sheet Chỉ tiêu") {
		t.Errorf("note %q", got)
	}
	// Each count row adds up to its target's rows at that level.
	total := 0
	for _, c := range rep.TargetCounts {
		total += c.Met + c.NotMet + c.NoData + c.NoMin
	}
	if total != len(rep.Targets) {
		t.Errorf("counts add up to %d of %d rows", total, len(rep.Targets))
	}
	rows, _ := f.GetRows("Chỉ tiêu")
	if got := len(rows) - tableHead; got != len(rep.Targets) {
		t.Errorf("Chỉ tiêu holds %d rows, want %d", got, len(rep.Targets))
	}
	if cellValue(t, f, "Chỉ tiêu", "A3") != "STT" {
		t.Errorf("Chỉ tiêu's header is not on row 3")
	}
}

// A value from an older report stays a number (SPEC §5) and shows its month
// through its number format (§8.2): 97,5 (T3/2024) in a Vietnamese locale.
// Its column is wide enough for the month, or the number would print ###.
func TestDatedValueIsNumber(t *testing.T) {
	f := open(t, periodWorkbook(t, "2024-04"))
	const s = "Tổng hợp"
	ref := cell(7, findRow(t, f, s, "D", "Công an tỉnh"))
	raw, err := f.GetCellValue(s, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if typ, _ := f.GetCellType(s, ref); raw != "97.5" || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("%s = %q (type %v), want the number 97.5", ref, raw, typ)
	}
	if nf := cellStyle(t, f, s, ref).CustomNumFmt; nf == nil || *nf != `General" (T3/2024)"` {
		t.Errorf("%s: number format %v, want General\" (T3/2024)\"", ref, nf)
	}
	if w, err := f.GetColWidth(s, "G"); err != nil || w < float64(len("97,5 (T3/2024)")) {
		t.Errorf("column G %v wide (%v), narrower than 97,5 (T3/2024)", w, err)
	}
}

// The reporting record's cycle columns hold a bold "T12/2024" on one line
// (at width 8 LibreOffice wrapped it as "T12/202⏎4").
func TestRecordCycleWidth(t *testing.T) {
	f := open(t, periodWorkbook(t, "2024-H1"))
	for _, col := range []string{"C", "D", "E", "F", "G", "H"} {
		w, err := f.GetColWidth("Đơn vị", col)
		if err != nil {
			t.Fatal(err)
		}
		px := w*7 + 5 - 6
		if need := emWidth("T12/2024") * sizeTable * 96 / 72 * 1.08; need > px {
			t.Errorf("column %s is %v wide (%v px), a bold T12/2024 needs %.0f px", col, w, px, need)
		}
	}
}
