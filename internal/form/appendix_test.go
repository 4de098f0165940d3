package form

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
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
