package yamlpos

import (
	"bytes"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// parseErr is the error the loader gets from the library for src.
func parseErr(src []byte) error {
	var doc yaml.Node
	return yaml.Unmarshal(src, &doc)
}

func TestLocate(t *testing.T) {
	for _, c := range []struct {
		src       string
		line, col int
	}{
		// The library names line 1 (no line at all), 2 and 2 for these.
		{"units:\n  - id: a\n    name: b\n   level: district\n", 4, 4},
		{"a: 1\nb: 2\nc: [1, 2\nd: 4\n", 3, 5},
		{"tasks:\n  - id: \"z\"\n    title: [oops\n", 3, 13},
		{"a: b: c\n", 1, 5},
		{"\uFEFFa: 1\r\nb: c: d\r\n", 2, 5},
		{"a: 1\rb: c: d\r", 2, 5},
	} {
		err := parseErr([]byte(c.src))
		if err == nil {
			t.Fatalf("%q parses", c.src)
		}
		line, col, _ := Locate([]byte(c.src), err)
		if line != c.line || col != c.col {
			t.Errorf("Locate(%q) = %d:%d, want %d:%d", c.src, line, col, c.line, c.col)
		}
	}
}

// FuzzLocate: on any input, Locate does not panic and names a place in
// the text, or none.
func FuzzLocate(f *testing.F) {
	f.Add([]byte("units:\n  - id: a\n    name: b\n   level: district\n"))
	f.Add([]byte("a: 1\nb: 2\nc: [1, 2\nd: 4\n"))
	f.Add([]byte("tasks:\n  - id: \"z\"\n    title: [oops\n"))
	f.Add([]byte("a: 1\n\tb: 2\n"))
	f.Add([]byte("a: &a [x]\nb: *a\nc: [\n"))
	f.Add([]byte("\xef\xbb\xbfa: \"x\r\nb: 1\r"))
	f.Fuzz(func(t *testing.T, src []byte) {
		err := parseErr(src)
		if err == nil {
			return
		}
		line, col, _ := Locate(src, err)
		if line < 0 || col < 0 || line > bytes.Count(src, []byte("\n"))+bytes.Count(src, []byte("\r"))+1 {
			t.Errorf("Locate(%q) = %d:%d", src, line, col)
		}
	})
}

// TestLineEnds: LF, CRLF and a lone CR each end one line, so a position is
// the same in the raw file (the loader) and after fmt cleans line ends.
func TestLineEnds(t *testing.T) {
	for _, c := range []struct {
		src       string
		line, col int
	}{
		{"tasks:\n  - id: \"9.1\"\n    title: A\x07B\n", 3, 13},
		{"tasks:\r\n  - id: \"9.1\"\r\n    title: A\x07B\r\n", 3, 13},
		{"tasks:\r  - id: \"9.1\"\r    title: A\x07B\r", 3, 13},
		{"a: 1\r\rb: \x07", 3, 4},
	} {
		line, col, _, ok := FirstControl([]byte(c.src))
		if !ok || line != c.line || col != c.col {
			t.Errorf("FirstControl(%q) = %d:%d %v, want %d:%d", c.src, line, col, ok, c.line, c.col)
		}
		bad := strings.Replace(c.src, "\x07", "\xff", 1)
		line, col, ok = FirstInvalidUTF8([]byte(bad))
		if !ok || line != c.line || col != c.col {
			t.Errorf("FirstInvalidUTF8(%q) = %d:%d %v, want %d:%d", bad, line, col, ok, c.line, c.col)
		}
	}
	if _, _, ok := FirstInvalidUTF8([]byte("a: b\r\n")); ok {
		t.Error("FirstInvalidUTF8 of valid text: ok")
	}
}
