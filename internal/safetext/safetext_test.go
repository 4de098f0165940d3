package safetext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile is the title of issue 13: clear the screen, write the clipboard
// with OSC 52, ring the bell.
const hostile = "Kế hoạch\x1b[2J\x1b]52;c;ZXZpbA==\x07 tháng 3"

func TestForbidden(t *testing.T) {
	for _, r := range []rune{0, 7, 8, 0x0B, 0x0C, '\r', 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9D, 0x9F,
		0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0xFFFE, 0xFFFF} {
		if !Forbidden(r) {
			t.Errorf("Forbidden(%U) = false", r)
		}
	}
	for _, r := range []rune{'\t', '\n', ' ', 'a', '~', 0xA0, 'Đ', 'ữ', 0x0300, 0x200E, 0x200F, 0x2029, 0x2065, 0x206A, 0xFEFF, 0xFFFD, 0xFFFC} {
		if Forbidden(r) {
			t.Errorf("Forbidden(%U) = true", r)
		}
	}
}

func TestFind(t *testing.T) {
	tests := []struct {
		s         string
		multiLine bool
		r         rune
		at        int
		ok        bool
	}{
		{"Triển khai", false, 0, 0, false},
		{"", false, 0, 0, false},
		{hostile, false, 0x1B, 9, true},
		{"dòng 1\ndòng 2\tx", true, 0, 0, false},
		{"dòng 1\ndòng 2", false, '\n', 7, true},
		{"a\tb", false, '\t', 2, true},
		{"abc\u202Eevil", true, 0x202E, 4, true},
		{"x\u0085", true, 0x85, 2, true},
		{"\r\n", true, '\r', 1, true},
	}
	for _, tt := range tests {
		r, at, ok := Find(tt.s, tt.multiLine)
		if r != tt.r || at != tt.at || ok != tt.ok {
			t.Errorf("Find(%q, %v) = %U, %d, %v; want %U, %d, %v", tt.s, tt.multiLine, r, at, ok, tt.r, tt.at, tt.ok)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, clean, line string }{
		{"Triển khai Đề án 06", "Triển khai Đề án 06", "Triển khai Đề án 06"},
		{hostile, "Kế hoạch[2J]52;c;ZXZpbA== tháng 3", "Kế hoạch[2J]52;c;ZXZpbA== tháng 3"},
		{"a\tb\nc\r\n", "a\tb\nc\n", "a b c "},
		{"x\u202Egnp.exe\u202C", "xgnp.exe", "xgnp.exe"},
		{"\u2066a\u2069\u0085\u009b", "a", "a"},
		{"para\u2028graph", "para\u2028graph", "para graph"},
		{"bad\xffutf8", "bad\uFFFDutf8", "bad\uFFFDutf8"},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.clean {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.clean)
		}
		if got := Line(tt.in); got != tt.line {
			t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.line)
		}
	}
}

func TestCSVCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{`=HYPERLINK("http://evil","x")`, `'=HYPERLINK("http://evil","x")`},
		{"+1+2", "'+1+2"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'=1"}, // CR is removed first, then "=" neutralised
		{"\x1b=1", "'=1"},
		{"Sở Tư pháp", "Sở Tư pháp"},
		{"a=b", "a=b"},
		{"", ""},
		{"'quoted", "'quoted"},
	}
	for _, tt := range tests {
		if got := CSVCell(tt.in); got != tt.want {
			t.Errorf("CSVCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Triển khai  Đề án\n06", "Triển khai Đề án 06"},
		{"a|b", `a\|b`},
		{"`code`", "\\`code\\`"},
		{`<img src="http://evil/x.png">`, `&lt;img src="http://evil/x.png"&gt;`},
		{"R&D &amp; &#60; &#x3C; &copy;", "R&D &amp;amp; &amp;#60; &amp;#x3C; &amp;copy;"},
		{"Sở TT&TT; a & b &; &#; &#xZ;", "Sở TT&amp;TT; a & b &; &#; &#xZ;"},
		{`back\|slash`, `back\\\|slash`},
		{hostile, "Kế hoạch[2J]52;c;ZXZpbA== tháng 3"},
		{"<!-- hide", "&lt;!-- hide"},
	}
	for _, tt := range tests {
		if got := Markdown(tt.in); got != tt.want {
			t.Errorf("Markdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCleanNoCopy holds the fast path: clean text comes back as is.
func TestCleanNoCopy(t *testing.T) {
	s := strings.Repeat("Ủy ban nhân dân tỉnh ", 10)
	if n := testing.AllocsPerRun(100, func() { _ = Clean(s); _ = Line(s) }); n != 0 {
		t.Errorf("Clean and Line allocate %v times on clean text", n)
	}
}

// hasReference reports whether md holds a character reference that is not
// "&amp;" itself.
func hasReference(md string) bool {
	for i := 0; i < len(md); i++ {
		if md[i] == '&' && isReference(md[i:]) && !strings.HasPrefix(md[i:], "&amp;") &&
			!strings.HasPrefix(md[i:], "&lt;") && !strings.HasPrefix(md[i:], "&gt;") {
			return true
		}
	}
	return false
}

// FuzzSanitise holds the contract of every function on any input: nothing
// Forbidden survives, Line leaves one line, CSVCell never starts a
// formula, Markdown leaves no raw "|", "<", ">", backtick or new line, and
// cleaning twice changes nothing.
func FuzzSanitise(f *testing.F) {
	for _, s := range []string{hostile, "", "a\tb\nc", "=1+1", "\u202Eabc", "a|b<c>`d`&e\\", "\xff\xfe", "\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, l, cell, md := Clean(s), Line(s), CSVCell(s), Markdown(s)
		for _, out := range []string{c, l, cell, md} {
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 out of %q: %q", s, out)
			}
			if _, _, bad := Find(out, true); bad {
				t.Fatalf("forbidden character left in %q (from %q)", out, s)
			}
		}
		if _, _, bad := Find(l, false); bad || strings.ContainsAny(l, "\u2028\u2029") {
			t.Fatalf("Line(%q) = %q is not one line", s, l)
		}
		if Clean(c) != c || Line(l) != l {
			t.Fatalf("cleaning %q twice changes it", s)
		}
		if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
			t.Fatalf("CSVCell(%q) = %q starts a formula", s, cell)
		}
		unescaped := strings.NewReplacer(`\\`, "", `\|`, "", "\\`", "").Replace(md)
		if strings.ContainsAny(unescaped, "|<>`\n") || strings.Contains(strings.ReplaceAll(md, "&amp;", ""), "&") && hasReference(md) {
			t.Fatalf("Markdown(%q) = %q holds a raw markup character", s, md)
		}
	})
}
