package form

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/yamlfmt"
)

// The same plan and day give the same bytes; the sheet is protected
// without a password, only answer cells are unlocked, the keys sheet is
// hidden and the answer columns carry their checks.
func TestWriteLayout(t *testing.T) {
	a := makeForm(t, "huyen-an-lac", april20, i18n.VI)
	b := makeForm(t, "huyen-an-lac", april20, i18n.VI)
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same form differ")
	}
	if c := makeForm(t, "huyen-an-lac", april20.AddDays(1), i18n.VI); bytes.Equal(a, c) {
		t.Error("forms of two days are byte-identical: the day is not in the file")
	}
	f, err := excelize.OpenReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Phiếu báo cáo", keysSheet}) {
		t.Fatalf("sheets %q", got)
	}
	if v, _ := f.GetSheetVisible(keysSheet); v {
		t.Error("keys sheet is visible")
	}
	sheet := "Phiếu báo cáo"
	want := map[string]string{
		"A2": "Đơn vị: UBND huyện An Lạc",
		"A3": "Kỳ báo cáo: tháng 4 năm 2024; hạn gửi: 15/04/2024",
		"A4": "(Số liệu tính từ ngày 15/03/2024 đến ngày 14/04/2024)",
		"B8": "Mã", "F8": "Trạng thái", "G8": "Tiến độ (%)",
		"B9": "3.2", "D9": "Chủ trì", "F9": "Vướng mắc", "G9": "45", "J9": "Phần mềm liên thông chưa ổn định",
	}
	for c, w := range want {
		if got, _ := f.GetCellValue(sheet, c); got != w {
			t.Errorf("%s = %q, want %q", c, got, w)
		}
	}
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, dv := range dvs {
		kinds = append(kinds, dv.Type+" "+dv.Sqref)
	}
	slices.Sort(kinds)
	if got := strings.Join(kinds, "; "); !strings.Contains(got, "list F9:F") || !strings.Contains(got, "whole G9:G") ||
		!strings.Contains(got, "date H9:H") || !strings.Contains(got, "decimal F") {
		t.Errorf("data validations: %s", got)
	}
	for _, c := range []struct {
		cell   string
		locked bool
	}{{"B9", true}, {"C9", true}, {"F9", false}, {"G9", false}, {"K9", false}, {"D5", false}, {"A1", true}} {
		id, _ := f.GetCellStyle(sheet, c.cell)
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		locked := st.Protection == nil || st.Protection.Locked
		if locked != c.locked {
			t.Errorf("%s locked=%v, want %v", c.cell, locked, c.locked)
		}
	}
	if !bytes.Contains(unzip(t, a, "xl/worksheets/sheet1.xml"), []byte("<sheetProtection")) ||
		bytes.Contains(unzip(t, a, "xl/worksheets/sheet1.xml"), []byte("password")) {
		t.Error("the form sheet is not protected, or has a password")
	}
}

func unzip(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, ok := f.Pkg.Load(name)
	if !ok {
		t.Fatalf("no %s", name)
	}
	return v.([]byte)
}

// answers is what a clerk types on one task row.
type answers struct {
	state                        model.State
	progress                     int
	done                         dates.Date
	result, obstacles, proposals string
}

var words = []string{"Đã", "tiếp nhận", "12.345", "hồ sơ", "trực tuyến", "#", ":", "- x", "\"trích\"", "'", "yes", "3.1", "null", "~", "%", "@", "{a}", "Sở TT&TT", "100%"}

func randomText(r *rand.Rand) string {
	n := r.IntN(6)
	var parts []string
	for range n {
		parts = append(parts, words[r.IntN(len(words))])
	}
	s := strings.Join(parts, " ")
	if r.IntN(5) == 0 && s != "" {
		s += "\ndòng hai"
	}
	return s
}

// Round trip: status → form → fill with answers → import → the report
// bytes are canonical (as plan06 fmt writes them) and load back to exactly
// the answers typed.
func TestRoundTrip(t *testing.T) {
	for seed := range uint64(40) {
		r := rand.New(rand.NewPCG(seed, 7))
		unit := []string{"huyen-an-lac", "cong-an-tinh", "so-tttt", "huyen-dong-yen"}[seed%4]
		lang := []i18n.Lang{i18n.VI, i18n.EN}[seed%2]
		_, ix, res := basic(t, april20)
		data, err := Write(res, ix, ix.Unit(unit), Options{Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		rows := Rows(res, ix, unit)
		want := map[string]answers{}
		values := map[string]float64{}
		filled := edit(t, data, func(f *excelize.File, sheet string) {
			for i, rw := range rows {
				row := firstRow + i
				id := rw.Task.Task.ID.Value
				a := answers{state: model.States[r.IntN(4)], progress: r.IntN(101),
					result: randomText(r), obstacles: randomText(r), proposals: randomText(r)}
				if rw.Task.Ongoing && a.state == model.Done {
					a.state = model.InProgress
				}
				stateText := i18n.T([]i18n.Lang{i18n.VI, i18n.EN}[r.IntN(2)], "status."+string(a.state))
				if r.IntN(3) == 0 {
					stateText = strings.ToUpper(i18n.Fold(stateText)) // accents and case aside
				}
				f.SetCellStr(sheet, cell(colState, row), stateText)
				f.SetCellValue(sheet, cell(colProgress, row), a.progress)
				f.SetCellValue(sheet, cell(colDone, row), "")
				if a.state == model.Done {
					a.done = dates.MustNew(2024, 4, 1+r.IntN(19))
					if r.IntN(2) == 0 {
						f.SetCellStr(sheet, cell(colDone, row), a.done.VN()) // typed as text
					} else {
						f.SetCellValue(sheet, cell(colDone, row), a.done.Time())
					}
				}
				f.SetCellStr(sheet, cell(colResult, row), a.result)
				f.SetCellStr(sheet, cell(colObstacle, row), a.obstacles)
				f.SetCellStr(sheet, cell(colProposal, row), a.proposals)
				want[id] = a
			}
			keys := readKeysOf(t, data)
			for _, tg := range keys.Targets {
				v := float64(r.IntN(100000)) / 10
				if r.IntN(2) == 0 {
					f.SetCellStr(sheet, cell(colTargetValue, tg.Row), strings.Replace(fmt.Sprint(v), ".", ",", 1)) // decimal comma
				} else {
					f.SetCellValue(sheet, cell(colTargetValue, tg.Row), v)
				}
				values[tg.Task+"/"+tg.Target] = v
			}
		})
		name := FileName("2024-04", unit)
		fl, ds := Read(name, filled)
		if ds.HasErrors() {
			t.Fatalf("seed %d: %s", seed, lines(ds))
		}
		fl.Report.Submitted = model.Date{Date: april20}
		out, err := ReportYAML(&fl.Report)
		if err != nil {
			t.Fatal(err)
		}
		again, err := yamlfmt.Format(out, yamlfmt.KindReport)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("seed %d: the report is not in canonical form (%v):\n%s\n---\n%s", seed, err, out, again)
		}
		fsys := basicFS(t)
		fsys["reports/2024-04/"+unit+".yaml"] = &fstest.MapFile{Data: out}
		p := loadFS(t, fsys)
		var got *model.Report
		for i := range p.Reports {
			if p.Reports[i].Unit == unit && p.Reports[i].Month.String() == "2024-04" {
				got = &p.Reports[i]
			}
		}
		if got == nil || len(got.Entries) != len(want) {
			t.Fatalf("seed %d: report %+v, want %d entries\n%s", seed, got, len(want), out)
		}
		for _, e := range got.Entries {
			a := want[e.Task.Value]
			clean := func(s string) string { return strings.TrimSpace(Clean(s)) }
			if e.State != a.state || e.Progress == nil || *e.Progress != a.progress || e.Done.Date != a.done ||
				e.Result.Value != clean(a.result) || e.Obstacles.Value != clean(a.obstacles) || e.Proposals.Value != clean(a.proposals) {
				t.Errorf("seed %d: task %s: got %s %v %v %q %q %q, want %+v\n%s", seed, e.Task.Value, e.State, e.Progress, e.Done.Date,
					e.Result.Value, e.Obstacles.Value, e.Proposals.Value, a, out)
			}
			for _, v := range e.Values {
				if w := values[e.Task.Value+"/"+v.Target.Value]; w != v.Value {
					t.Errorf("seed %d: %s/%s = %v, want %v", seed, e.Task.Value, v.Target.Value, v.Value, w)
				}
			}
		}
	}
}

func readKeysOf(t *testing.T, data []byte) Keys {
	t.Helper()
	fl, ds := Read("x.xlsx", data)
	if fl == nil {
		t.Fatal(lines(ds))
	}
	return fl.Keys
}

// An untouched form imports as the unit's last word on each task.
func TestPrefilledForm(t *testing.T) {
	data := makeForm(t, "huyen-an-lac", april20, i18n.VI)
	fl, ds := Read("phieu.xlsx", data)
	if ds.HasErrors() {
		t.Fatal(lines(ds))
	}
	fl.Report.Submitted = model.Date{Date: april20}
	out, err := ReportYAML(&fl.Report)
	if err != nil {
		t.Fatal(err)
	}
	want := `submitted: 2024-04-20
tasks:
  - task: "3.2"
    state: blocked
    progress: 45
    values: {lien-thong: 62.5}
    obstacles: Phần mềm liên thông chưa ổn định
    proposals: Đề nghị Sở TT&TT hỗ trợ kỹ thuật
`
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}
