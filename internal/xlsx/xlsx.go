// Package xlsx writes the report workbook of SPEC §5 from a status.Result:
// the summary sheet with the Decree 30/2020 header, the task appendix, the
// units' reporting table and the overdue list.
//
// The bytes are reproducible: the same Result and Options give the same
// file, whatever the clock, the time zone or Go's map order. excelize writes
// the workbook into memory; the package then re-packs the zip with its
// entries in name order, a fixed modification time and a canonical
// [Content_Types].xml (see repack).
package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/plan06/plan06/internal/safewrite"
	"io"
	"os"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/report"
	"github.com/plan06/plan06/internal/status"
)

// Options are the choices of the CLI that the Result does not hold.
type Options struct {
	// Lang is the language of every label, sheet name and state name.
	Lang i18n.Lang
	// Title is the summary line (trích yếu) under BÁO CÁO, e.g. "Kết quả
	// thực hiện Đề án 06 tháng 3 năm 2024"; PeriodTitle builds it.
	Title string
	// Day is the day of the report, printed as "Bắc Giang, ngày 15 tháng 3
	// năm 2024": the period's deadline. It also dates the document
	// properties and the zip entries, so that the bytes depend on no clock.
	Day dates.Date
	// PeriodFrom and PeriodTo bound the data the report covers, printed as
	// "(Số liệu tính từ ngày … đến ngày …)".
	PeriodFrom, PeriodTo dates.Date
}

// PeriodTitle returns the summary line of a report for a period: kind is
// the period's kind; year its year; n the month (1–12) of a monthly report,
// the half (1 or 2) of a 6-month review, and is ignored for a year.
//
//	vi: Kết quả thực hiện Đề án 06 tháng 3 năm 2024
//	    Sơ kết 6 tháng đầu năm 2024 thực hiện Đề án 06
//	    Tổng kết năm 2024 thực hiện Đề án 06
func PeriodTitle(lang i18n.Lang, kind dates.PeriodKind, year, n int) string {
	switch kind {
	case dates.PeriodMonth:
		return i18n.T(lang, "xlsx.title.month", monthWord(lang, n), year)
	case dates.PeriodHalf:
		if n == 2 {
			return i18n.T(lang, "xlsx.title.half2", year)
		}
		return i18n.T(lang, "xlsx.title.half1", year)
	}
	return i18n.T(lang, "xlsx.title.year", year)
}

// monthWord is "tháng 3" in Vietnamese and "March" in English.
func monthWord(lang i18n.Lang, m int) string {
	return i18n.T(lang, "xlsx.month."+strconv.Itoa(m))
}

// Write writes the workbook of r to w, its content built from r alone (no
// previous cycle, the record of r's cycle only). Nothing is written when
// building the workbook fails.
func Write(w io.Writer, r *status.Result, o Options) error {
	return WriteReport(w, fromResult(r, o), o)
}

// WriteReport writes the workbook of the report content rep to w.
func WriteReport(w io.Writer, rep *report.Report, o Options) error {
	b, err := build(rep, o)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// fromResult is the report content of r alone.
func fromResult(r *status.Result, o Options) *report.Report {
	if r == nil || r.Plan == nil {
		return nil
	}
	return report.Build(report.Input{Result: r, Lang: o.Lang})
}

// afterRun, when set, is called once the sheets are built (tests).
var afterRun func(wb *workbook)

// build returns the bytes of the workbook.
func build(rep *report.Report, o Options) ([]byte, error) {
	if rep == nil || rep.Result == nil || rep.Result.Plan == nil {
		return nil, errors.New("xlsx: no status to write")
	}
	r := rep.Result
	if o.Lang != i18n.EN {
		o.Lang = i18n.VI
	}
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	wb := newWorkbook(f, rep, o)
	wb.run()
	if afterRun != nil {
		afterRun(wb)
	}
	if wb.err != nil {
		return nil, fmt.Errorf("xlsx: %w", wb.err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	parts, err := wb.finishRaw(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	out, err := repackWith(buf.Bytes(), fixedDay(o, r), parts)
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	return out, nil
}

// fixedDay is the day that stands for "when" in the file: the report day,
// else the as-of day. Zip time stamps start in 1980.
func fixedDay(o Options, r *status.Result) dates.Date {
	d := o.Day
	if d.IsZero() {
		d = r.AsOf
	}
	if d.IsZero() || d.Year() < 1980 || d.Year() > 2107 {
		d = dates.MustNew(1980, 1, 1)
	}
	return d
}

// WriteFile writes the workbook of r to path through a temporary file in the
// same folder, renamed into place once complete and synced: an interrupted
// run leaves either the old file or the new one, never half a file, and on
// any error the temporary file is removed.
func WriteFile(path string, r *status.Result, o Options) error {
	return WriteReportFile(path, fromResult(r, o), o)
}

// WriteReportFile is WriteFile for report content.
func WriteReportFile(path string, rep *report.Report, o Options) error {
	b, err := build(rep, o)
	if err != nil {
		return err
	}
	return WriteBytesFile(path, b)
}

// Bytes returns the workbook of the report content rep, as WriteReport
// writes it.
func Bytes(rep *report.Report, o Options) ([]byte, error) { return build(rep, o) }

// WriteBytesFile writes the workbook b (from Bytes) to path as
// WriteReportFile does.
func WriteBytesFile(path string, b []byte) error {
	// A new report is readable by all, like any file the user saves; a
	// report written over keeps the old file's permissions.
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
		mode = fi.Mode().Perm()
	}
	if err := safewrite.WriteFile(path, b, mode); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}
