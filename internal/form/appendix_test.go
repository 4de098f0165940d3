package form

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/render"
)

// makeAppendix writes rows to the first sheet of a new workbook.
func makeAppendix(t testing.TB, rows [][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		for c, v := range row {
			f.SetCellStr("Sheet1", cell(c+1, r+1), v)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadAppendix(t *testing.T) {
	p, _, _ := basic(t, april20)
	a, ds := ReadAppendix("phu-luc.xlsx", appendixSeed(t), p)
	if ds.HasErrors() {
		t.Fatal(lines(ds))
	}
	out, err := TasksYAML(a.Tasks, "chung", "9.", "chung")
	if err != nil {
		t.Fatal(err)
	}
	want := `tasks:
  - id: "9.1"
    ref: chung, 1
    group: chung
    title: Tái cấu trúc quy trình
    lead: [so-tttt]
    support: [cong-an-tinh]
    support_note: Các cơ quan có liên quan
    due: Quý I năm 2024
  - id: "9.2"
    ref: chung, 2
    group: chung
    title: Liên thông
    lead: [ubnd-cap-huyen]
    support: [cong-an-tinh, so-tttt]
    due: Trong năm 2024
`
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestAppendixErrors(t *testing.T) {
	p, _, _ := basic(t, april20)
	data := makeAppendix(t, [][]string{
		{"stt", "NHIỆM VỤ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"},
		{"1", "A", "Sở Nội vụ", "", "Quý I năm 2024"},
		{"2", "B", "UBND huyện", "", "2024"},
		{"2", "C", "Công an tỉnh", "", "2024"},
		{"3", "D", "", "", ""},
	})
	_, ds := ReadAppendix("pl.xlsx", data, p)
	got := lines(ds)
	want := `pl.xlsx:Sheet1!C2: error: không có đơn vị nào khớp với "Sở Nội vụ"; sửa tên hoặc thêm đơn vị vào units.yaml
pl.xlsx:Sheet1!C3: error: "UBND huyện" khớp với nhiều đơn vị: huyen-an-lac (UBND huyện An Lạc), huyen-dong-yen (UBND huyện Đông Yên); ghi tên đầy đủ
pl.xlsx:Sheet1!A4: error: STT 2 trùng với dòng 3; mỗi nhiệm vụ một STT
pl.xlsx:Sheet1!E5: error: nhiệm vụ chưa có thời hạn; điền thời gian thực hiện
pl.xlsx:Sheet1!C5: error: nhiệm vụ chưa có cơ quan chủ trì; điền cơ quan chủ trì
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, ds := ReadAppendix("x.xlsx", makeAppendix(t, [][]string{{"a", "b"}}), p); len(ds) != 1 || ds[0].Key != "appendix-no-header" {
		t.Errorf("no header: %s", lines(ds))
	}
}

// Real appendices name their columns in longer words and with punctuation:
// each column is found by its key words, accents, case and punctuation
// aside; a numbered row that speaks of the same things stays a task.
func TestAppendixHeaderVariants(t *testing.T) {
	p, _, _ := basic(t, april20)
	data := makeAppendix(t, [][]string{
		{"PHỤ LỤC: NHIỆM VỤ TRIỂN KHAI ĐỀ ÁN 06 (chủ trì, phối hợp, thời gian, nội dung)"},
		{"1", "Nội dung chủ trì", "Cơ quan chủ trì", "Phối hợp", "Thời hạn"},
		{"STT.", "Nội dung nhiệm vụ", "Cơ quan, đơn vị chủ trì", "Cơ quan, đơn vị phối hợp", "Thời gian hoàn thành", "Ghi chú"},
		{"1", "Rà soát thời gian, nội dung chủ trì, phối hợp", "Sở Thông tin và Truyền thông", "Công an tỉnh", "Quý II năm 2024", "Thời gian"},
	})
	a, ds := ReadAppendix("pl.xlsx", data, p)
	if ds.HasErrors() {
		t.Fatal(lines(ds))
	}
	want := map[string]int{"no": 0, "title": 1, "lead": 2, "support": 3, "due": 4}
	for col, c := range want {
		if a.Cols[col] != c {
			t.Errorf("column %s: got %d, want %d (%v)", col, a.Cols[col], c, a.Cols)
		}
	}
	if len(a.Tasks) != 1 || a.Tasks[0].Row != 4 || a.Tasks[0].Due != "Quý II năm 2024" {
		t.Errorf("tasks: %+v", a.Tasks)
	}

	for _, head := range [][]string{
		{"TT", "Nhiệm vụ", "Đơn vị chủ trì thực hiện", "Đơn vị phối hợp thực hiện", "Thời gian thực hiện nhiệm vụ"},
		{"Số TT", "Tên nhiệm vụ", "CHỦ TRÌ", "PHỐI HỢP", "THỜI HẠN"},
	} {
		data := makeAppendix(t, [][]string{head, {"1", "A", "Công an tỉnh", "", "2024"}})
		a, ds := ReadAppendix("pl.xlsx", data, p)
		if ds.HasErrors() || len(a.Tasks) != 1 || a.Cols["due"] != 4 || a.Cols["title"] != 1 {
			t.Errorf("header %q: %s %+v", head, lines(ds), a)
		}
	}
}

// A support cell that names units and then "the units concerned" resolves
// the units and keeps only the phrase as the support note.
func TestAppendixSupportConcerned(t *testing.T) {
	p, _, _ := basic(t, april20)
	cases := []struct {
		cell, note string
		support    []string
	}{
		{"Sở Thông tin và Truyền thông, các cơ quan, đơn vị có liên quan", "các cơ quan, đơn vị có liên quan", []string{"so-tttt"}},
		{"Công an tỉnh, UBND cấp huyện và các đơn vị liên quan", "các đơn vị liên quan", []string{"cong-an-tinh", "ubnd-cap-huyen"}},
		{"Sở Thông tin và Truyền thông cùng các sở, ngành có liên quan", "các sở, ngành có liên quan", []string{"so-tttt"}},
		{"Các cơ quan, đơn vị có liên quan", "Các cơ quan, đơn vị có liên quan", nil},
		{"Công an tỉnh, đơn vị liên quan", "đơn vị liên quan", []string{"cong-an-tinh"}},
		{"Công an tỉnh;\nCác cơ quan có liên quan", "Các cơ quan có liên quan", []string{"cong-an-tinh"}},
		// A generic word before the phrase is the phrase's, never a unit.
		{"Sở, ngành liên quan", "Sở, ngành liên quan", nil},
		{"Sở, ban, ngành liên quan", "Sở, ban, ngành liên quan", nil},
		{"Sở, ban, ngành và các đơn vị liên quan", "Sở, ban, ngành và các đơn vị liên quan", nil},
		{"Công an tỉnh, các sở, ngành liên quan", "các sở, ngành liên quan", []string{"cong-an-tinh"}},
		// Units after the phrase are resolved too.
		{"Các đơn vị liên quan, Sở Thông tin và Truyền thông", "Các đơn vị liên quan", []string{"so-tttt"}},
		{"Công an tỉnh, các đơn vị liên quan, Sở Thông tin và Truyền thông", "các đơn vị liên quan", []string{"cong-an-tinh", "so-tttt"}},
		{"Các sở liên quan, UBND cấp huyện, các địa phương liên quan", "Các sở liên quan; các địa phương liên quan", []string{"ubnd-cap-huyen"}},
		// A unit joined after the phrase by "và" or "cùng" is resolved.
		{"Các sở, ban, ngành liên quan và UBND cấp huyện", "Các sở, ban, ngành liên quan", []string{"ubnd-cap-huyen"}},
		{"Các sở, ban, ngành liên quan và Sở Thông tin và Truyền thông", "Các sở, ban, ngành liên quan", []string{"so-tttt"}},
		{"Các đơn vị có liên quan cùng Công an tỉnh, UBND cấp huyện", "Các đơn vị có liên quan", []string{"cong-an-tinh", "ubnd-cap-huyen"}},
		{"Các sở, ngành liên quan và các địa phương", "Các sở, ngành liên quan và các địa phương", nil},
	}
	for _, c := range cases {
		data := makeAppendix(t, [][]string{
			{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"},
			{"1", "A", "Sở Thông tin và Truyền thông", c.cell, "2024"},
		})
		a, ds := ReadAppendix("pl.xlsx", data, p)
		if ds.HasErrors() || len(a.Tasks) != 1 {
			t.Errorf("%q: %s", c.cell, lines(ds))
			continue
		}
		got := a.Tasks[0]
		if got.SupportNote != c.note || !slices.Equal(got.Support, c.support) {
			t.Errorf("%q: support %v note %q, want %v %q", c.cell, got.Support, got.SupportNote, c.support, c.note)
		}
	}
}

// A start column is never the deadline, whatever its place: of two time
// columns the one that speaks of the end ("hoàn thành", "thời hạn") is;
// two equally good ones are an error naming both cells.
func TestAppendixDueColumn(t *testing.T) {
	p, _, _ := basic(t, april20)
	for _, c := range []struct {
		head []string
		due  string
	}{
		{[]string{"TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian bắt đầu", "Thời gian hoàn thành"}, "Quý II năm 2024"},
		{[]string{"TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Thời gian bắt đầu"}, "Quý I năm 2024"},
		{[]string{"TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Thời hạn hoàn thành"}, "Quý II năm 2024"},
		{[]string{"TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Ngày bắt đầu", "Thời gian"}, "Quý II năm 2024"},
	} {
		data := makeAppendix(t, [][]string{c.head, {"1", "A", "Công an tỉnh", "", "Quý I năm 2024", "Quý II năm 2024"}})
		a, ds := ReadAppendix("pl.xlsx", data, p)
		if ds.HasErrors() || len(a.Tasks) != 1 || a.Tasks[0].Due != c.due {
			t.Errorf("header %q: %s %+v, want due %q", c.head, lines(ds), a, c.due)
		}
	}
	// A merged time cell over the two columns its second line names.
	for _, sub := range [][]string{{"", "", "", "", "Bắt đầu", "Hoàn thành"}, {"", "", "", "", "Từ", "Đến (kết thúc)"}, {"", "", "", "", "Từ", "Đến"}, {"", "", "", "", "Từ ngày", "Đến ngày"}} {
		data := makeAppendix(t, [][]string{
			{"TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"},
			sub,
			{"1", "A", "Công an tỉnh", "", "Quý I năm 2024", "Quý II năm 2024"},
		})
		a, ds := ReadAppendix("pl.xlsx", data, p)
		if ds.HasErrors() || len(a.Tasks) != 1 || a.Tasks[0].Due != "Quý II năm 2024" {
			t.Errorf("merged time header over %q: %s %+v", sub, lines(ds), a)
		}
	}
	// A table whose only time column is a start column: said at that cell,
	// not "no header row".
	for _, c := range []struct {
		rows [][]string
		want string
	}{
		{[][]string{{"TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian bắt đầu - kết thúc"}, {"1", "A", "Công an tỉnh", "", "2024 - 2025"}},
			`pl.xlsx:Sheet1!E1: error: the time column "Thời gian bắt đầu - kết thúc" is a start column, not the deadline; the table needs a deadline column: add a "Thời gian hoàn thành" (or "Thời hạn") column holding each task's deadline`},
		{[][]string{{"TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Ghi chú", "Thời gian bắt đầu"}, {"1", "A", "Công an tỉnh", "", "", "2024"}},
			`pl.xlsx:Sheet1!F1: error: the time column "Thời gian bắt đầu" is a start column, not the deadline; the table needs a deadline column: add a "Thời gian hoàn thành" (or "Thời hạn") column holding each task's deadline`},
		{[][]string{{"TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"}, {"", "", "", "", "Từ"}, {"1", "A", "Công an tỉnh", "", "2024"}},
			`pl.xlsx:Sheet1!E2: error: the time column "Từ" is a start column, not the deadline; the table needs a deadline column: add a "Thời gian hoàn thành" (or "Thời hạn") column holding each task's deadline`},
	} {
		_, ds := ReadAppendix("pl.xlsx", makeAppendix(t, c.rows), p)
		if len(ds) != 1 || render.Message(ds[0], i18n.EN) != c.want[strings.Index(c.want, "error: ")+7:] || ds[0].Pos.File != c.want[:strings.Index(c.want, ": error")] {
			t.Errorf("%q: got\n%s\nwant\n%s", c.rows[0], lines(ds), c.want)
		}
	}
	data := makeAppendix(t, [][]string{
		{"TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Thời gian"},
		{"1", "A", "Công an tỉnh", "", "Quý I năm 2024", "Quý II năm 2024"},
	})
	_, ds := ReadAppendix("pl.xlsx", data, p)
	want := `pl.xlsx:Sheet1!E1: error: không rõ cột nào là thời hạn: E1 "Thời gian thực hiện", F1 "Thời gian"; ghi "hoàn thành" hoặc "thời hạn" vào tiêu đề cột thời hạn ("Thời gian hoàn thành"), "bắt đầu" vào cột ngày bắt đầu
`
	if got := lines(ds); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A name that is only a kind of body is never taken for the one unit of
// that kind, in a lead or a support cell.
func TestAppendixGenericName(t *testing.T) {
	p, _, _ := basic(t, april20)
	data := makeAppendix(t, [][]string{
		{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"},
		{"1", "A", "Sở", "Các sở, ngành", "2024"},
	})
	_, ds := ReadAppendix("pl.xlsx", data, p)
	want := `pl.xlsx:Sheet1!C2: error: "Sở" là tên chung, không chỉ một đơn vị; ghi tên đầy đủ của đơn vị (ở cột phối hợp, "các sở, ngành có liên quan" được ghi thành support_note)
pl.xlsx:Sheet1!D2: error: "Các sở, ngành" là tên chung, không chỉ một đơn vị; ghi tên đầy đủ của đơn vị (ở cột phối hợp, "các sở, ngành có liên quan" được ghi thành support_note)
`
	if got := lines(ds); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A name that holds a comma is found as one name before the cell is split
// at its commas; a plural name no set bears is one error naming it whole;
// a "liên quan" phrase keeps its qualifier past a comma.
func TestAppendixCommaNames(t *testing.T) {
	p, _, _ := basic(t, april20)
	text := func(s string) model.Text { return model.Text{Value: s} }
	p.Sets = append(p.Sets, model.Set{ID: text("cac-so-nganh"), Name: text("Các sở, ban, ngành")})
	p.Units = append(p.Units, model.Unit{ID: text("so-vhttdl"), Name: text("Sở Văn hóa, Thể thao và Du lịch tỉnh An Lạc")})
	for _, c := range []struct {
		lead, support, note string
		leads, supports     []string
	}{
		{"Các sở, ban, ngành, UBND cấp huyện", "", "", []string{"cac-so-nganh", "ubnd-cap-huyen"}, nil},
		{"Sở Văn hóa, Thể thao và Du lịch", "Các cơ quan, đơn vị liên quan theo chức năng, nhiệm vụ", "Các cơ quan, đơn vị liên quan theo chức năng, nhiệm vụ", []string{"so-vhttdl"}, nil},
		{"Công an tỉnh", "Các đơn vị liên quan theo chức năng, nhiệm vụ và UBND cấp huyện", "Các đơn vị liên quan theo chức năng, nhiệm vụ", []string{"cong-an-tinh"}, []string{"ubnd-cap-huyen"}},
		{"Công an tỉnh", "Công an tỉnh, các đơn vị liên quan theo chức năng, nhiệm vụ, quyền hạn được giao, Sở Thông tin và Truyền thông",
			"các đơn vị liên quan theo chức năng, nhiệm vụ, quyền hạn được giao", []string{"cong-an-tinh"}, []string{"cong-an-tinh", "so-tttt"}},
	} {
		data := makeAppendix(t, [][]string{
			{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"},
			{"1", "A", c.lead, c.support, "2024"},
		})
		a, ds := ReadAppendix("pl.xlsx", data, p)
		if ds.HasErrors() || len(a.Tasks) != 1 {
			t.Errorf("%q | %q: %s", c.lead, c.support, lines(ds))
			continue
		}
		got := a.Tasks[0]
		if !slices.Equal(got.Lead, c.leads) || !slices.Equal(got.Support, c.supports) || got.SupportNote != c.note {
			t.Errorf("%q | %q: lead %v support %v note %q, want %v %v %q", c.lead, c.support, got.Lead, got.Support, got.SupportNote, c.leads, c.supports, c.note)
		}
	}

	// The seed names the district UBNDs "UBND các huyện, thành phố"; no
	// set of the real plan bears that name, and "thành phố" is not UBND
	// thành phố Bắc Giang.
	seed, lds, err := load.Load(os.DirFS("../../plan"), "plan")
	if err != nil || lds.HasErrors() {
		t.Fatal(err, lines(lds))
	}
	data := makeAppendix(t, [][]string{
		{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"},
		{"1", "A", "UBND các huyện, thành phố", "Các sở, ban, ngành, UBND các huyện, thành phố", "2024"},
	})
	_, ds := ReadAppendix("pl.xlsx", data, seed)
	want := `pl.xlsx:Sheet1!C2: error: "UBND các huyện, thành phố" chỉ nhiều đơn vị nhưng không tập hợp nào trong units.yaml mang tên này; ghi tên một tập hợp (ubnd-cap-huyen (UBND cấp huyện), ubnd-cap-xa (UBND cấp xã), cac-so-nganh (Các sở, ban, ngành)) hoặc thêm tập hợp có tên này vào units.yaml
pl.xlsx:Sheet1!D2: error: "UBND các huyện, thành phố" chỉ nhiều đơn vị nhưng không tập hợp nào trong units.yaml mang tên này; ghi tên một tập hợp (ubnd-cap-huyen (UBND cấp huyện), ubnd-cap-xa (UBND cấp xã), cac-so-nganh (Các sở, ban, ngành)) hoặc thêm tập hợp có tên này vào units.yaml
`
	if got := lines(ds); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// A kind of division or body in small letters is never a unit, though
	// one unit's or set's name holds it: "thành phố" is not UBND thành phố
	// Bắc Giang, "thị xã" not UBND thị xã Việt Yên, "ban, ngành" not the
	// set of the sở, ban, ngành. A place named after "liên quan và" is.
	for _, c := range []struct{ support, want string }{
		{"UBND cấp huyện, thành phố", `D2: error: "thành phố"`},
		{"thị xã", `D2: error: "thị xã"`},
		{"Sở Y tế, ban, ngành", `D2: error: "ban, ngành"`},
	} {
		data := makeAppendix(t, [][]string{
			{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"},
			{"1", "A", "Công an tỉnh", c.support, "2024"},
		})
		if _, ds := ReadAppendix("pl.xlsx", data, seed); !strings.Contains(lines(ds), c.want) {
			t.Errorf("%q: %s, want an error %s", c.support, lines(ds), c.want)
		}
	}
	data2 := makeAppendix(t, [][]string{
		{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"},
		{"1", "A", "Công an tỉnh", "Các đơn vị liên quan và thành phố Bắc Giang", "2024"},
	})
	if a, ds := ReadAppendix("pl.xlsx", data2, seed); ds.HasErrors() || len(a.Tasks) != 1 || len(a.Tasks[0].Support) != 1 || a.Tasks[0].SupportNote != "Các đơn vị liên quan" {
		t.Errorf("liên quan và thành phố Bắc Giang: %s %+v", lines(ds), a)
	}
	seed.Sets = append(seed.Sets, model.Set{ID: text("ubnd-huyen-tp"), Name: text("UBND các huyện, thành phố")})
	a, ds := ReadAppendix("pl.xlsx", data, seed)
	if ds.HasErrors() || !slices.Equal(a.Tasks[0].Lead, []string{"ubnd-huyen-tp"}) || !slices.Equal(a.Tasks[0].Support, []string{"cac-so-nganh", "ubnd-huyen-tp"}) {
		t.Errorf("with the set: %s %+v", lines(ds), a)
	}
}

// TestAppendixUnitAsStatus: a unit cell finds a unit the way `status
// --unit` does (SPEC §11): the id with hyphens read as spaces, case and
// diacritics aside, as well as the name and short name. The stricter rules
// stay: a kind of body alone is still an error.
func TestAppendixUnitAsStatus(t *testing.T) {
	seed, lds, err := load.Load(os.DirFS("../../plan"), "plan")
	if err != nil || lds.HasErrors() {
		t.Fatal(err, lines(lds))
	}
	for _, c := range []struct{ lead, support string }{
		{"Sở TTTT", ""},
		{"so tttt", ""},
		{"SO-TTTT", ""},
		{"Sở TT&TT", "Công an tỉnh"},
		{"sở tttt", "cong an tinh; Sở Y tế"},
		{"Sở TTTT và các đơn vị", "cong an tinh, Các đơn vị liên quan"},
	} {
		data := makeAppendix(t, [][]string{
			{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"},
			{"1", "A", c.lead, c.support, "2024"},
		})
		a, ds := ReadAppendix("pl.xlsx", data, seed)
		if c.lead == "Sở TTTT và các đơn vị" {
			// Not a name of one unit: still refused.
			if !ds.HasErrors() {
				t.Errorf("%q: no error, lead %v", c.lead, a.Tasks[0].Lead)
			}
			continue
		}
		if ds.HasErrors() || len(a.Tasks) != 1 || !slices.Equal(a.Tasks[0].Lead, []string{"so-tttt"}) {
			t.Errorf("%q: %s %+v", c.lead, lines(ds), a)
		}
	}
	// A kind of body alone names no unit, though "Sở TTTT" now finds one.
	data := makeAppendix(t, [][]string{
		{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"},
		{"1", "A", "Sở", "", "2024"},
	})
	if _, ds := ReadAppendix("pl.xlsx", data, seed); !strings.Contains(lines(ds), `C2: error: "Sở"`) {
		t.Errorf("Sở alone: %s", lines(ds))
	}
}

// TestAppendixFormula: a task's cell that holds a formula is refused at
// that cell with the words a form's formula cell gets, not read as empty.
func TestAppendixFormula(t *testing.T) {
	p, _, _ := basic(t, april20)
	f := excelize.NewFile()
	defer f.Close()
	for c, v := range []string{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"} {
		f.SetCellStr("Sheet1", cell(c+1, 1), v)
	}
	for c, v := range []string{"3", "", "", "", "2024"} {
		f.SetCellStr("Sheet1", cell(c+1, 2), v)
	}
	if err := f.SetCellFormula("Sheet1", "B2", `HYPERLINK("http://x","a")`); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellFormula("Sheet1", "C2", "A1"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellFormula("Sheet1", "D2", "C2"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	_, ds := ReadAppendix("pl.xlsx", buf.Bytes(), p)
	want := `pl.xlsx:Sheet1!B2: error: ô chứa công thức; plan06 không nhập công thức, hãy ghi giá trị (hoặc thêm dấu ' ở đầu để ghi chữ)
pl.xlsx:Sheet1!C2: error: ô chứa công thức; plan06 không nhập công thức, hãy ghi giá trị (hoặc thêm dấu ' ở đầu để ghi chữ)
pl.xlsx:Sheet1!D2: error: ô chứa công thức; plan06 không nhập công thức, hãy ghi giá trị (hoặc thêm dấu ' ở đầu để ghi chữ)
`
	if got := lines(ds); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
