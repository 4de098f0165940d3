package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/report"
	"github.com/plan06/plan06/internal/status"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

const fixtureDir = "../../testdata/plans/reports"

// fixture loads the reports fixture, which must be free of errors.
func fixture(t testing.TB) *model.Plan {
	t.Helper()
	p, diags, err := load.Load(os.DirFS(fixtureDir), "reports")
	if err != nil {
		t.Fatal(err)
	}
	if diags.HasErrors() {
		t.Fatalf("fixture has errors: %v", diags)
	}
	return p
}

// reportDoc builds the signed report of period at the compile day of its
// last cycle (SPEC §8.3).
func reportDoc(t testing.TB, p *model.Plan, periodText string) []byte {
	t.Helper()
	period, err := dates.ParsePeriod(periodText)
	if err != nil {
		t.Fatal(err)
	}
	cy := p.Cal.PeriodCycle(period, p.Reporting.Day, true)
	day := status.CompileDay(p, cy)
	rep := report.ForPeriod(p, period, day, i18n.VI)
	n := int(period.Month.Month)
	if period.Kind == dates.PeriodHalf {
		n = period.Half
	}
	titles := map[dates.PeriodKind]string{dates.PeriodMonth: "Kết quả thực hiện Đề án 06 tháng %d năm 2024",
		dates.PeriodHalf: "Sơ kết 6 tháng đầu năm 2024 thực hiện Đề án 06", dates.PeriodYear: "Tổng kết năm 2024 thực hiện Đề án 06"}
	title := titles[period.Kind]
	if period.Kind == dates.PeriodMonth {
		title = strings.Replace(title, "%d", strconv.Itoa(n), 1)
	}
	b, err := Report(rep, Options{Title: title, Day: day, PeriodFrom: cy.PeriodFrom, PeriodTo: cy.PeriodTo})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// remindDoc builds the reminder of the April cycle as of 20/04/2024.
func remindDoc(t testing.TB, p *model.Plan) []byte {
	t.Helper()
	day := dates.MustNew(2024, 4, 20)
	r := status.Compute(p, nil, status.Options{AsOf: day, Cycle: dates.Month{Year: 2024, Month: 4}})
	b, err := Remind(report.BuildReminder(r, i18n.VI), day)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestWellFormed checks that every part of the package is well-formed XML
// and that a second build gives the same bytes.
func TestWellFormed(t *testing.T) {
	p := fixture(t)
	for _, period := range []string{"2024-04", "2024-H1", "2024"} {
		a, b := reportDoc(t, p, period), reportDoc(t, p, period)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two builds differ", period)
		}
		zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			data, _ := io.ReadAll(rc)
			rc.Close()
			dec := xml.NewDecoder(bytes.NewReader(data))
			for {
				_, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s: %s: %v", period, f.Name, err)
				}
			}
		}
	}
	if !bytes.Equal(remindDoc(t, p), remindDoc(t, p)) {
		t.Error("reminder: two builds differ")
	}
}

// TestLayout checks the Decree 30/2020 layout in the document's XML: A4
// portrait, the margins, Times New Roman 14 pt justified with a 1 cm
// first-line indent, the page number in a header that the first page does
// not show.
func TestLayout(t *testing.T) {
	b := reportDoc(t, fixture(t), "2024-04")
	doc, styles, hdr := part(t, b, "word/document.xml"), part(t, b, "word/styles.xml"), part(t, b, "word/header1.xml")
	for _, want := range []string{
		`<w:pgSz w:w="11906" w:h="16838"/>`,
		`<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"`,
		`<w:titlePg/>`, `<w:headerReference w:type="first" r:id="rId4"/>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	for _, want := range []string{`w:ascii="Times New Roman"`, `<w:sz w:val="28"/>`, `<w:ind w:firstLine="567"/>`, `<w:jc w:val="both"/>`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	if !strings.Contains(hdr, "PAGE") || !strings.Contains(hdr, `<w:jc w:val="center"/>`) {
		t.Errorf("header1.xml has no centred page number: %s", hdr)
	}
	// "Nơi nhận:" bold italic 12 pt; recipients 11 pt.
	if !strings.Contains(doc, `<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:t xml:space="preserve">Nơi nhận:</w:t>`) {
		t.Error("Nơi nhận is not bold italic 12 pt")
	}
	if !strings.Contains(doc, `<w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr><w:t xml:space="preserve">- Văn phòng Chính phủ;</w:t>`) {
		t.Error("recipients are not 11 pt lines ending in ;")
	}
}

func part(t testing.TB, b []byte, name string) string {
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
			data, _ := io.ReadAll(rc)
			return string(data)
		}
	}
	t.Fatalf("no %s", name)
	return ""
}

// TestClean drops control characters and invalid UTF-8 but keeps line
// feeds, tabs and every letter.
func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"Công an tỉnh":          "Công an tỉnh",
		"a\x00b\x1bc\x7fd\r\ne": "abcd\ne",
		"x\ty\u0085z":           "x\tyz",
		"bad\xffutf8":           "badutf8",
		"\ufffe\uffffok":        "ok",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// soffice returns LibreOffice's binary, or skips the test when it is not
// installed (unless PLAN06_REQUIRE_LIBREOFFICE=1).
func soffice(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short")
	}
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("PLAN06_REQUIRE_LIBREOFFICE") == "1" {
		t.Fatal("PLAN06_REQUIRE_LIBREOFFICE=1 but neither soffice nor libreoffice is on PATH")
	}
	t.Skip("libreoffice is not installed")
	return ""
}

// convert runs LibreOffice on files in dir, converting them to format
// (txt:Text, pdf), in one run and with a fresh profile.
func convert(t *testing.T, bin, dir, format string, files ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := append([]string{"--headless", "--convert-to", format, "--outdir", dir}, files...)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+filepath.Join(dir, "home"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
}

// TestLibreOfficeText converts the signed report of a month, a 6-month and
// a year period and the reminder to text and to PDF with LibreOffice (a
// real reader that would refuse a broken file), and compares the text with
// the golden files: headings in order, the count sentence, every unit that
// has not reported named, Nơi nhận and the signer.
func TestLibreOfficeText(t *testing.T) {
	bin := soffice(t)
	p := fixture(t)
	dir := t.TempDir()
	docs := map[string][]byte{
		"report-2024-04": reportDoc(t, p, "2024-04"),
		"report-2024-H1": reportDoc(t, p, "2024-H1"),
		"report-2024":    reportDoc(t, p, "2024"),
		"remind-2024-04": remindDoc(t, p),
	}
	var files []string
	for name, b := range docs {
		f := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	convert(t, bin, dir, "txt:Text", files...)
	convert(t, bin, dir, "pdf", files...)
	for name := range docs {
		if fi, err := os.Stat(filepath.Join(dir, name+".pdf")); err != nil || fi.Size() < 1000 {
			t.Errorf("%s: no PDF (%v)", name, err)
		}
		b, err := os.ReadFile(filepath.Join(dir, name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		got := strings.ReplaceAll(strings.TrimPrefix(string(b), "\ufeff"), "\r\n", "\n")
		golden := filepath.Join("testdata", name+".txt.golden")
		if *update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if got != string(want) {
			t.Errorf("%s: LibreOffice's text differs from %s:\n%s", name, golden, got)
		}
		if strings.HasPrefix(name, "report") {
			inOrder(t, name, got, "BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN", "1. Công tác chỉ đạo, điều hành",
				"2. Kết quả thực hiện nhiệm vụ", "Tổng số 4 nhiệm vụ: đã hoàn thành", "3. Các chỉ tiêu",
				"4. Tình hình báo cáo", "II. KHÓ KHĂN, VƯỚNG MẮC", "III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
				"IV. ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:", "- Lưu: VT, CAT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A")
		}
	}
}

// inOrder checks that text holds each of parts, in order.
func inOrder(t *testing.T, name, text string, parts ...string) {
	t.Helper()
	at := 0
	for _, s := range parts {
		i := strings.Index(text[at:], s)
		if i < 0 {
			t.Errorf("%s: %q missing or out of order", name, s)
			return
		}
		at += i + len(s)
	}
}

// FuzzText writes any text from the files into a document: the package
// must stay well-formed XML whatever the text holds (control characters,
// invalid UTF-8, markup, "]]>").
func FuzzText(f *testing.F) {
	for _, s := range []string{"Công an tỉnh", "a\x00b", "<w:p>&amp;]]>", "\xff\xfe", "dòng 1\ndòng 2\tcột", "\u0085\u2028\ufffe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var d Document
		d.P(Para{Runs: []Run{{Text: s, Bold: true}}})
		d.Table(Table{Widths: []int{1000, 2000}, Borders: true, Rows: [][]Cell{{{Paras: []Para{{Runs: []Run{{Text: s}}}}}, {}}}})
		b, err := d.Bytes(Meta{Title: s, Subject: s})
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"word/document.xml", "docProps/core.xml"} {
			dec := xml.NewDecoder(strings.NewReader(part(t, b, name)))
			for {
				_, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s: %v for %q", name, err, s)
				}
			}
		}
	})
}

// The report in English: the same sections in English words, English
// dates and the decimal point.
func TestEnglish(t *testing.T) {
	p := fixture(t)
	period, _ := dates.ParsePeriod("2024-H1")
	cy := p.Cal.PeriodCycle(period, p.Reporting.Day, true)
	day := status.CompileDay(p, cy)
	b, err := Report(report.ForPeriod(p, period, day, i18n.EN), Options{Title: "Interim review", Day: day})
	if err != nil {
		t.Fatal(err)
	}
	doc := part(t, b, "word/document.xml")
	for _, want := range []string{"I. RESULTS", "IV. PROPOSALS", "4 tasks in all: 2 done (1 on time, 1 late)", "70% (2024-05)", "18 June 2024", "To:"} {
		if !strings.Contains(doc, want) {
			t.Errorf("English report lacks %q", want)
		}
	}
	if !strings.Contains(part(t, b, "word/styles.xml"), `w:val="en-GB"`) {
		t.Error("English report is not tagged en-GB")
	}
}

// A cycle without notes/YYYY-MM.md leaves lines of dots to fill by hand
// under 1. Công tác chỉ đạo, điều hành: a văn bản for signature names no
// file and invents no text.
func TestNotesMissing(t *testing.T) {
	p := fixture(t)
	p.CycleNotes = nil
	doc := part(t, reportDoc(t, p, "2024-04"), "word/document.xml")
	if strings.Contains(doc, "notes/") || strings.Contains(doc, ".md") {
		t.Error("the report names the notes file")
	}
	at := strings.Index(doc, "1. Công tác chỉ đạo, điều hành")
	end := strings.Index(doc, "2. Kết quả thực hiện nhiệm vụ")
	if at < 0 || end < at || strings.Count(doc[at:end], blankLine) != blankLines {
		t.Errorf("section 1 is not %d lines of dots", blankLines)
	}
	period, _ := dates.ParsePeriod("2024-04")
	rep := report.ForPeriod(p, period, dates.MustNew(2024, 4, 16), i18n.VI)
	if !NotesMissing(rep) {
		t.Error("NotesMissing is false without notes")
	}
	if NotesMissing(report.ForPeriod(fixture(t), period, dates.MustNew(2024, 4, 16), i18n.VI)) {
		t.Error("NotesMissing is true with notes")
	}
}

// Decree 30/2020's header draws a short line under the issuing body's name
// (a centred, underlined run of no-break spaces) in the report and the
// reminder alike, 40% or so of the name's length.
func TestIssuerRule(t *testing.T) {
	p := fixture(t)
	issuer := "TỔ CÔNG TÁC ĐỀ ÁN 06"
	rule := `<w:u w:val="single"/></w:rPr><w:t xml:space="preserve">` + RuleUnder(issuer) + `</w:t>`
	for name, b := range map[string][]byte{"report": reportDoc(t, p, "2024-04"), "reminder": remindDoc(t, p)} {
		doc := part(t, b, "word/document.xml")
		at := strings.Index(doc, issuer+"</w:t>")
		if at < 0 {
			t.Fatalf("%s: no issuer", name)
		}
		next := doc[at:]
		next = next[strings.Index(next, "<w:p>"):]
		next = next[:strings.Index(next, "</w:p>")]
		if !strings.Contains(next, `<w:jc w:val="center"/>`) || !strings.Contains(next, rule) {
			t.Errorf("%s: the paragraph under the issuer is not the line: %s", name, next)
		}
	}
	if n := utf8.RuneCountInString(RuleUnder(issuer)); n < 16 || n > 24 {
		t.Errorf("the line is %d spaces under a name of 20 letters", n)
	}
}

// The reminder's "Kính gửi:" list ends each line with ";" and the last
// with "." (Decree 30/2020).
func TestRemindRecipientsPunctuation(t *testing.T) {
	doc := part(t, remindDoc(t, fixture(t)), "word/document.xml")
	at, end := strings.Index(doc, "Kính gửi:"), strings.Index(doc, "Thực hiện")
	if at < 0 || end < at {
		t.Fatal("no Kính gửi: before the body")
	}
	doc = doc[at:end]
	for _, want := range []string{"- Công an tỉnh;<", "- Sở Thông tin và Truyền thông;<", "- UBND huyện Đông Yên.<"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the reminder lacks %q", want)
		}
	}
}

// Before any unit has reported in the period, §II and §IV say so instead of
// "no unit reported obstacles" (which reads as "no obstacles").
func TestNoReportYet(t *testing.T) {
	p := fixture(t)
	p.Reports = nil
	text := func(doc, from, to string) string {
		at, end := strings.Index(doc, from), strings.Index(doc, to)
		if at < 0 || end < at {
			t.Fatalf("no %q before %q", from, to)
		}
		return doc[at:end]
	}
	const none = "Chưa có đơn vị nào gửi báo cáo trong kỳ."
	doc := part(t, reportDoc(t, p, "2024-04"), "word/document.xml")
	for _, s := range []string{text(doc, "II. KHÓ KHĂN", "III. NHIỆM VỤ"), text(doc, "IV. ĐỀ XUẤT", "Nơi nhận")} {
		if !strings.Contains(s, none) || strings.Contains(s, "Các đơn vị không") {
			t.Errorf("the section does not say that no unit has reported: %s", s)
		}
	}
	doc = part(t, reportDoc(t, fixture(t), "2024-04"), "word/document.xml")
	if strings.Contains(doc, none) {
		t.Error("the report says no unit has reported when some have")
	}
}

// paras is the text of each paragraph of a document.xml.
func paras(doc string) []string {
	var out []string
	for _, p := range strings.Split(doc, "<w:p>")[1:] {
		p = p[:strings.Index(p, "</w:p>")]
		var b strings.Builder
		for _, t := range strings.Split(p, `<w:t xml:space="preserve">`)[1:] {
			b.WriteString(t[:strings.Index(t, "</w:t>")])
		}
		out = append(out, b.String())
	}
	return out
}

// between is the paragraphs from the first that starts with from up to
// the next that starts with to.
func between(t *testing.T, ps []string, from, to string) []string {
	t.Helper()
	at := slices.IndexFunc(ps, func(s string) bool { return strings.HasPrefix(s, from) })
	if at < 0 {
		t.Fatalf("no %q", from)
	}
	end := slices.IndexFunc(ps[at+1:], func(s string) bool { return strings.HasPrefix(s, to) })
	if end < 0 {
		t.Fatalf("no %q after %q", to, from)
	}
	return ps[at : at+1+end]
}

// Decree 30/2020, Phụ lục I: "Số: …" and the place and date stand on one
// line, so the header's two columns have as many lines above them, in the
// report and the reminder alike.
func TestHeaderNumberDateAligned(t *testing.T) {
	p := fixture(t)
	for name, b := range map[string][]byte{"report": reportDoc(t, p, "2024-04"), "reminder": remindDoc(t, p)} {
		doc := part(t, b, "word/document.xml")
		tbl := doc[strings.Index(doc, "<w:tbl>"):strings.Index(doc, "</w:tbl>")]
		cells := strings.Split(tbl, "<w:tc>")[1:]
		if len(cells) != 2 {
			t.Fatalf("%s: the header has %d cells", name, len(cells))
		}
		left, right := paras(cells[0]), paras(cells[1])
		num := slices.IndexFunc(left, func(s string) bool { return strings.HasPrefix(s, "Số:") })
		date := slices.IndexFunc(right, func(s string) bool { return strings.Contains(s, ", ngày ") })
		if num < 0 || date < 0 || num != date {
			t.Errorf("%s: Số is line %d on the left, the date line %d on the right:\n%q\n%q", name, num, date, left, right)
		}
	}
}

// The workbook is the report's appendix (SPEC §10): I.2 refers to it
// after the count sentence; the reminder has no appendix.
func TestAppendixReference(t *testing.T) {
	p := fixture(t)
	ps := paras(part(t, reportDoc(t, p, "2024-04"), "word/document.xml"))
	sec := between(t, ps, "2. Kết quả thực hiện nhiệm vụ", "3. Các chỉ tiêu")
	if len(sec) < 2 || !strings.HasPrefix(sec[1], "Tổng số 4 nhiệm vụ") || !strings.HasSuffix(sec[1], "thường xuyên. (Chi tiết tại Phụ lục kèm theo).") {
		t.Errorf("the count sentence does not refer to the appendix: %q", sec)
	}
	if doc := part(t, remindDoc(t, p), "word/document.xml"); strings.Contains(doc, "Phụ lục") {
		t.Error("the reminder refers to an appendix")
	}
}

// I.2's group headings print the plan's refs with a cue: no heading inside
// section I starts with a numbering of the văn bản's own kind ("IV.",
// "II.3.1.").
func TestGroupHeadingsCite(t *testing.T) {
	ps := paras(part(t, reportDoc(t, fixture(t), "2024-H1"), "word/document.xml"))
	sec := between(t, ps, "2. Kết quả thực hiện nhiệm vụ", "3. Các chỉ tiêu")
	numbered := regexp.MustCompile(`^[IVX]+[.)]|^\d+[.)]`)
	for _, s := range sec[1:] {
		if numbered.MatchString(s) {
			t.Errorf("a paragraph of I.2 starts with a number of its own: %q", s)
		}
	}
	for _, want := range []string{"Nhóm nhiệm vụ tại mục II.3 của Kế hoạch: Nhiệm vụ đột phá",
		"Nhóm nhiệm vụ tại mục II.3.1 của Kế hoạch: Dịch vụ công thiết yếu"} {
		if !slices.Contains(sec, want) {
			t.Errorf("I.2 lacks %q: %q", want, sec)
		}
	}
}

// III names a task once with its units by name (not by plan order) and the
// days overdue once: one bullet per task, not per assignment.
func TestNextByTask(t *testing.T) {
	p := fixture(t)
	p.Reports = nil
	for i := range p.Units {
		if p.Units[i].ID.Value == "huyen-an-lac" {
			p.Units[i].Name.Value = "UBND huyện Yên Thế" // after Đông Yên
		}
	}
	ps := paras(part(t, reportDoc(t, p, "2024-04"), "word/document.xml"))
	sec := between(t, ps, "a) Nhiệm vụ quá hạn", "b) Nhiệm vụ đến hạn")
	n := 0
	for _, s := range sec {
		n += strings.Count(s, "Xây dựng kế hoạch năm 2024")
	}
	want := "- Xây dựng kế hoạch năm 2024 (II.1, 1.1; hạn 31/01/2024, quá hạn 76 ngày): UBND huyện Đông Yên, UBND huyện Yên Thế."
	if n != 1 || !slices.Contains(sec, want) {
		t.Errorf("III a) is not one bullet per task:\n%q\nwant %q", sec, want)
	}

	// Units whose days differ get their days each.
	w := &writer{lang: i18n.VI}
	a, b := &model.Unit{}, &model.Unit{}
	a.Name.Value, b.Name.Value = "Sở A", "Sở B"
	task := &status.Task{Task: &model.Task{}}
	task.Task.Title.Value, task.Task.Ref.Value = "Việc X", "II.2"
	w.taskUnits(report.TaskUnits{Task: task, Due: dates.MustNew(2024, 3, 1), Units: []report.UnitDays{{Unit: a, Days: 3}, {Unit: b, Days: 5}}}, true)
	got := paras(w.d.body.String())
	if len(got) != 1 || got[0] != "- Việc X (II.2; hạn 01/03/2024): Sở A (quá hạn 3 ngày), Sở B (quá hạn 5 ngày)." {
		t.Errorf("units with their own days: %q", got)
	}
}
