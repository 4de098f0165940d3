package form

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
)

func untouchedWarnings(t *testing.T, data []byte) int {
	t.Helper()
	p, ix, _ := basic(t, april20)
	fl, ds := Read("phieu.xlsx", data)
	if fl != nil && !ds.HasErrors() {
		ds = append(ds, fl.Check(p, ix, dates.Month{})...)
	}
	if fl == nil || ds.HasErrors() {
		t.Fatalf("form not read:\n%s", lines(ds))
	}
	n := 0
	for _, d := range ds {
		if d.Key == "form-untouched" {
			n++
			if d.Pos.File != "phieu.xlsx" {
				t.Errorf("warning at %q, want the file", d.Pos.File)
			}
		}
	}
	if (n > 0) != fl.Untouched {
		t.Errorf("Untouched = %v with %d warnings", fl.Untouched, n)
	}
	return n
}

func TestUntouchedForm(t *testing.T) {
	data := makeForm(t, "huyen-dong-yen", april20, i18n.VI)
	if n := untouchedWarnings(t, data); n != 1 {
		t.Fatalf("untouched form: %d warnings, want 1", n)
	}
	// Saved again with the same answers, numbers typed as text or with
	// stray spaces: still untouched.
	same := edit(t, data, func(f *excelize.File, sheet string) {
		v, _ := f.GetCellValue(sheet, "G10", excelize.Options{RawCellValue: true})
		_ = f.SetCellStr(sheet, "G10", " "+v+" ")
	})
	if n := untouchedWarnings(t, same); n != 1 {
		t.Errorf("resaved form: %d warnings, want 1", n)
	}
	changed := edit(t, data, func(f *excelize.File, sheet string) {
		_ = f.SetCellValue(sheet, "I10", "Đã triển khai")
	})
	if n := untouchedWarnings(t, changed); n != 0 {
		t.Errorf("changed form: %d warnings, want 0", n)
	}
	// A form made before the digest was recorded (row 6 of the keys sheet
	// blank) is read as before, with no warning.
	old := edit(t, data, func(f *excelize.File, _ string) {
		_ = f.SetCellStr(keysSheet, "A6", "")
		_ = f.SetCellStr(keysSheet, "B6", "")
	})
	if n := untouchedWarnings(t, old); n != 0 {
		t.Errorf("old form: %d warnings, want 0", n)
	}
}
