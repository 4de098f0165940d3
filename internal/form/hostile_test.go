package form

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/render"
	"github.com/plan06/plan06/internal/status"
)

// addEntries returns the zip data with extra entries appended.
func addEntries(t *testing.T, data []byte, extra map[string]string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if _, replaced := extra[f.Name]; replaced {
			continue
		}
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range sortedKeys(extra) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(extra[name]))
	}
	zw.Close()
	return out.Bytes()
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// zipBomb is a zip whose one entry's header says it unzips to 1 TiB.
func zipBomb(t *testing.T) []byte {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CompressedSize64: 2, UncompressedSize64: 1 << 40})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte{3, 0})
	zw.Close()
	return out.Bytes()
}

func manyEntries(t *testing.T) []byte {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	zw.Create("xl/workbook.xml")
	for i := range MaxEntries + 1 {
		zw.Create(fmt.Sprintf("x/%d", i))
	}
	zw.Close()
	return out.Bytes()
}

// hostileCases are the bad forms of issues 11 and 13: each must be one
// clear error naming the file (and the cell where there is one).
func hostileCases(t *testing.T) []struct {
	name, file string
	data       []byte
	cycle      string // the cycle import expects
} {
	good := makeForm(t, "huyen-an-lac", april20, i18n.VI)
	okName := FileName("2024-04", "huyen-an-lac")
	set := func(cells map[string]any) []byte {
		return edit(t, good, func(f *excelize.File, sheet string) {
			for c, v := range cells {
				f.SetCellValue(sheet, c, v)
			}
		})
	}
	otherPlan := func() []byte {
		fsys := basicFS(t)
		fsys["plan.yaml"].Data = bytes.Replace(fsys["plan.yaml"].Data, []byte("id: "), []byte("id: ke-hoach-khac-"), 1)
		p := loadFS(t, fsys)
		ix := model.NewIndex(p)
		r := status.Compute(p, ix, status.Options{AsOf: april20})
		b, err := Write(r, ix, ix.Unit("huyen-an-lac"), Options{Lang: i18n.VI})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	encrypted := func() []byte {
		f, _ := excelize.OpenReader(bytes.NewReader(good))
		defer f.Close()
		var buf bytes.Buffer
		if err := f.Write(&buf, excelize.Options{Password: "123"}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	return []struct {
		name, file string
		data       []byte
		cycle      string
	}{
		{"other-plan", okName, otherPlan(), "2024-04"},
		{"other-unit", FileName("2024-04", "so-tttt"), good, "2024-04"},
		{"other-cycle", okName, good, "2024-05"},
		{"keys-tampered", okName, edit(t, good, func(f *excelize.File, _ string) { f.SetCellStr(keysSheet, "B3", "huyen-dong-yen") }), "2024-04"},
		{"keys-row-tampered", okName, edit(t, good, func(f *excelize.File, _ string) { f.SetCellStr(keysSheet, "D7", "10") }), "2024-04"},
		{"no-keys", okName, edit(t, good, func(f *excelize.File, _ string) { f.DeleteSheet(keysSheet) }), "2024-04"},
		{"row-inserted", okName, edit(t, good, func(f *excelize.File, sheet string) { f.InsertRows(sheet, 9, 1) }), "2024-04"},
		{"row-deleted", okName, edit(t, good, func(f *excelize.File, sheet string) { f.RemoveRow(sheet, 9) }), "2024-04"},
		{"row-added-below", okName, set(map[string]any{"B20": "9.9", "F20": "Hoàn thành"}), "2024-04"},
		{"formula", okName, edit(t, good, func(f *excelize.File, sheet string) {
			f.SetCellValue(sheet, "G9", 100)
			f.SetCellFormula(sheet, "G9", "=40+60")
			f.SetCellStr(sheet, "I9", "=HYPERLINK(\"http://evil\",\"x\")")
		}), "2024-04"},
		{"progress-120", okName, set(map[string]any{"G9": 120}), "2024-04"},
		{"progress-text", okName, set(map[string]any{"G9": "gần xong"}), "2024-04"},
		{"state-unknown", okName, set(map[string]any{"F9": "Xong rồi"}), "2024-04"},
		{"done-no-date", okName, set(map[string]any{"F9": "Hoàn thành"}), "2024-04"},
		{"done-bad-date", okName, set(map[string]any{"F9": "Hoàn thành", "H9": "31/02/2024"}), "2024-04"},
		{"date-not-done", okName, set(map[string]any{"H9": "10/04/2024"}), "2024-04"},
		{"value-text", okName, set(map[string]any{"F13": "khoảng 70"}), "2024-04"},
		{"state-cleared", okName, set(map[string]any{"F9": ""}), "2024-04"},
		{"too-many-rows", okName, set(map[string]any{"A6001": "x"}), "2024-04"},
		{"encrypted", okName, encrypted(), "2024-04"},
		{"corrupt", okName, good[:len(good)/2], "2024-04"},
		{"xls-renamed", okName, append(bytes.Clone(oleMagic), make([]byte, 1024)...), "2024-04"},
		{"csv-renamed", okName, []byte("STT,Nhiệm vụ,Trạng thái\n1,3.2,Hoàn thành\n"), "2024-04"},
		{"empty", okName, nil, "2024-04"},
		{"xlsm-name", "phieu.xlsm", good, "2024-04"},
		{"xlsm-inside", okName, addEntries(t, good, map[string]string{"xl/vbaProject.bin": "macro"}), "2024-04"},
		{"zip-bomb", okName, zipBomb(t), "2024-04"},
		{"zip-entries", okName, manyEntries(t), "2024-04"},
		{"external-link", okName, addEntries(t, good, map[string]string{"xl/externalLinks/externalLink1.xml": "<externalLink/>"}), "2024-04"},
		{"remote-image", okName, addEntries(t, good, map[string]string{"xl/drawings/_rels/drawing1.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://evil.example/x.png" TargetMode="External"/></Relationships>`}), "2024-04"},
	}
}

// TestHostileGolden reads each bad form and compares the messages with
// testdata/hostile.golden (-update rewrites it). Every case must give at
// least one error.
func TestHostileGolden(t *testing.T) {
	_, ix, res := basic(t, april20)
	var b strings.Builder
	for _, c := range hostileCases(t) {
		start := time.Now()
		fl, ds := Read(c.file, c.data)
		if fl != nil && !ds.HasErrors() {
			m, _ := dates.ParseMonth(c.cycle)
			ds = append(ds, fl.Check(res.Plan, ix, m)...)
		}
		if el := time.Since(start); el > 2*time.Second {
			t.Errorf("%s: %v to refuse", c.name, el)
		}
		if !ds.HasErrors() {
			t.Errorf("%s: no error", c.name)
		}
		fmt.Fprintf(&b, "== %s\n%s", c.name, lines(ds))
		for _, d := range ds {
			fmt.Fprintf(&b, "en: %s\n", englishLine(d))
		}
	}
	golden := filepath.Join("testdata", "hostile.golden")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if b.String() != string(want) {
		t.Errorf("hostile forms: output differs from %s (run with -update and review the diff)\n%s", golden, b.String())
	}
}

func englishLine(d diag.Diagnostic) string {
	return render.DiagnosticLine(d, i18n.EN)
}

// A zip bomb is refused from its headers, in milliseconds.
func TestZipBombIsFast(t *testing.T) {
	data := zipBomb(t)
	start := time.Now()
	_, ds := Read("bomb.xlsx", data)
	if el := time.Since(start); el > 50*time.Millisecond {
		t.Errorf("%v to refuse a zip bomb", el)
	}
	if len(ds) != 1 || ds[0].Key != "form-unzipped" {
		t.Errorf("got %s", lines(ds))
	}
}
