package diag

import (
	"testing"
	"unsafe"
)

func TestSuggest(t *testing.T) {
	keys := []string{"id", "title", "group", "lead", "support", "support_note", "due"}
	for word, want := range map[string]string{
		"titel":    "title",
		"leed":     "lead",
		"suport":   "support",
		"deadline": "",
		"so-ttt":   "",
	} {
		if got := Suggest(word, keys); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", word, got, want)
		}
	}
	if got := Suggest("so-ttt", []string{"so-tttt", "so-y-te"}); got != "so-tttt" {
		t.Errorf("unit suggestion = %q", got)
	}
}

func TestSortByFileLineCol(t *testing.T) {
	ds := Diagnostics{
		{Pos: Pos{"b.yaml", 1, 1}, Key: "3"},
		{Pos: Pos{"a.yaml", 2, 5}, Key: "2"},
		{Pos: Pos{"a.yaml", 2, 1}, Key: "1"},
		{Pos: Pos{"a.yaml", 0, 0}, Key: "0"},
	}
	ds.Sort()
	for i, d := range ds {
		if d.Key != string(rune('0'+i)) {
			t.Fatalf("order: %v", ds)
		}
	}
	if got := (Pos{"a.yaml", 14, 11}).String(); got != "a.yaml:14:11" {
		t.Errorf("Pos.String() = %q", got)
	}
}

func TestAt(t *testing.T) {
	for _, c := range []struct {
		line, col int
		want      string
	}{
		{12, 5, "f.yaml:12:5"},
		{3, 0, "f.yaml:3"},
		{0, 0, "f.yaml"},
		{1 << 40, 7, "f.yaml:2147483647:7"},
	} {
		if got := At("f.yaml", c.line, c.col).String(); got != c.want {
			t.Errorf("At(%d, %d) = %q, want %q", c.line, c.col, got, c.want)
		}
	}
	if s := unsafe.Sizeof(Pos{}); s != 24 {
		t.Errorf("Pos is %d bytes, want 24 (a country plan holds millions)", s)
	}
}
