package form

import (
	"strings"
	"testing"

	"github.com/plan06/plan06/internal/i18n"
)

// appendixSeed is a small appendix table as a person would type it.
func appendixSeed(t testing.TB) []byte {
	return makeAppendix(t, [][]string{
		{"PHỤ LỤC"},
		{"STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"},
		{"I", "Nhiệm vụ chung"},
		{"1", "Tái cấu trúc quy trình", "Sở Thông tin và Truyền thông", "Công an tỉnh; Các cơ quan có liên quan", "Quý I năm 2024"},
		{"2", "Liên thông", "UBND cấp huyện", "Công an tỉnh, Sở Thông tin và Truyền thông", "Trong năm 2024"},
	})
}

// FuzzReadForm reads arbitrary bytes, and mutations of a real form, as a
// form: it must never panic, and a refusal is always an error.
func FuzzReadForm(f *testing.F) {
	good := makeForm(f, "huyen-an-lac", april20, i18n.VI)
	f.Add(good)
	f.Add(makeForm(f, "cong-an-tinh", april20, i18n.EN))
	f.Add(good[:len(good)/3])
	f.Add([]byte("STT,Nhiệm vụ\n1,x\n"))
	f.Add(append(append([]byte{}, oleMagic...), 0, 0, 0))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fl, ds := Read("f.xlsx", data)
		if fl == nil && !ds.HasErrors() {
			t.Fatal("no form and no error")
		}
		if fl != nil && !ds.HasErrors() {
			if _, err := ReportYAML(&fl.Report); err != nil {
				t.Fatalf("a form read without error does not make a report: %v", err)
			}
		}
	})
}

// FuzzReadAppendix reads arbitrary bytes as an appendix table.
func FuzzReadAppendix(f *testing.F) {
	p, _, _ := basic(f, april20)
	f.Add(appendixSeed(f))
	f.Add(makeForm(f, "huyen-an-lac", april20, i18n.VI))
	f.Add([]byte("PK\x03\x04garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, ds := ReadAppendix("a.xlsx", data, p)
		if a == nil && !ds.HasErrors() {
			t.Fatal("no table and no error")
		}
		if a != nil && !ds.HasErrors() {
			if _, err := TasksYAML(a.Tasks, "chung", "1.", "chung"); err != nil {
				t.Fatalf("a table read without error does not make a task file: %v", err)
			}
		}
	})
}

// splitConcerned never panics, its phrase holds "liên quan" and its three
// parts are the cell's own text.
func FuzzSplitConcerned(f *testing.F) {
	for _, s := range []string{"Sở, ban, ngành liên quan", "Các đơn vị liên quan, Sở Thông tin và Truyền thông",
		"Sở Thông tin và Truyền thông cùng các sở, ngành có liên quan", "và các liên quan", ",,liên quan,", "các, liên  quan",
		"Các sở, ban, ngành liên quan và UBND cấp huyện", "liên quan và", "liên quan và Công an tỉnh, x"} {
		f.Add(s)
	}
	p, _, _ := basic(f, april20)
	r := newResolver(p)
	f.Fuzz(func(t *testing.T, s string) {
		before, phrase, after, ok := r.splitConcerned(s)
		if !ok {
			return
		}
		if !strings.Contains(strings.Join(foldedWords(phrase), " "), "lien quan") {
			t.Fatalf("%q: phrase %q", s, phrase)
		}
		for _, p := range []string{before, phrase, after} {
			if !strings.Contains(s, p) {
				t.Fatalf("%q: %q is not its text", s, p)
			}
		}
	})
}
