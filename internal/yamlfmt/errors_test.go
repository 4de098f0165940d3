package yamlfmt

import (
	"errors"
	"testing"
)

func TestSyntaxErrorPosition(t *testing.T) {
	for _, c := range []struct {
		src       string
		line, col int
		msg       string
	}{
		{"a: b: c\n", 1, 5, "mapping values are not allowed in this context"},
		{"a: 1\n  b: 2\n", 2, 4, "mapping values are not allowed in this context"},
		{"a: 1\n\tb: 2\n", 2, 1, "found a tab character that violates indentation"},
		{"a:\n  - x\n  y: 1\n", 3, 4, "did not find expected '-' indicator"},
		{"a: \"unterminated\nb: 1\n", 1, 4, "found unexpected end of stream"},
		{"a: 1\na: 2\n", 2, 1, `mapping key "a" already defined at line 1`},
		{"t:\n  - id: \"9.1\"\n    id: \"9.2\"\n", 3, 5, `mapping key "id" already defined at line 2`},
		{"tasks:\n  - id: 1\n    title: Nhiệm vụ: đột phá: x\n", 3, 20, "mapping values are not allowed in this context"},
		{"a: !!int abc\n", 1, 12, "cannot decode !!str `abc` as a !!int"},
		{"a: 1\nb: x\xffy\n", 2, 5, "invalid UTF-8"},
		{"\xfe\xff\x00a", 1, 1, "invalid UTF-8"}, // UTF-16
		{"a: 1\nb: x\x07y\n", 2, 5, "control characters are not allowed"},
		// Keys equal once in NFC are the same key in the output.
		{"m:\n  T\u1ebft: 1\n  Te\u0302\u0301t: 2\n", 3, 3, "mapping key \"T\u1ebft\" already defined at line 2 (once in Unicode NFC)"},
		{"- {x: 0, \"e\u0301\": 1, \u00e9: 2}\n", 1, 19, "mapping key \"\u00e9\" already defined at line 1 (once in Unicode NFC)"},
		// A byte order mark and CRLF do not shift the position.
		{"\uFEFFa: 1\r\nb: c: d\r\n", 2, 5, "mapping values are not allowed in this context"},
	} {
		_, err := Format([]byte(c.src), KindUnknown)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Format(%q) = %v, want a *SyntaxError", c.src, err)
			continue
		}
		if se.Line != c.line || se.Col != c.col || se.Msg != c.msg {
			t.Errorf("Format(%q): got %d:%d %q, want %d:%d %q", c.src, se.Line, se.Col, se.Msg, c.line, c.col, c.msg)
		}
	}
}

func TestSyntaxErrorText(t *testing.T) {
	for _, c := range []struct {
		err  SyntaxError
		want string
	}{
		{SyntaxError{Line: 3, Col: 5, Msg: "m"}, "yaml: line 3, column 5: m"},
		{SyntaxError{Line: 3, Msg: "m"}, "yaml: line 3: m"},
		{SyntaxError{Msg: "m"}, "yaml: m"},
	} {
		if got := c.err.Error(); got != c.want {
			t.Errorf("Error() = %q, want %q", got, c.want)
		}
	}
}

func TestKindOf(t *testing.T) {
	for _, c := range []struct {
		path string
		want Kind
	}{
		{"plan.yaml", KindPlan},
		{"plan.yml", KindPlan},
		{"./plan.yaml", KindPlan},
		{"units.yaml", KindUnits},
		{"calendar.yml", KindCalendar},
		{"tasks/dot-pha.yaml", KindTasks},
		{"tasks/chung.yml", KindTasks},
		{"reports/2024-03/cong-an-tinh.yaml", KindReport},
		{"reports/2024-03/ubnd-huyen-luc-nam.yml", KindReport},
		{"README.md", KindUnknown},
		{"plan.json", KindUnknown},
		{"tasks/sub/x.yaml", KindUnknown},
		{"reports/x.yaml", KindUnknown},
		{"other/plan.yaml", KindUnknown},
		{"tasks.yaml", KindUnknown},
	} {
		if got := KindOf(c.path); got != c.want {
			t.Errorf("KindOf(%q) = %v, want %v", c.path, got, c.want)
		}
	}
}
