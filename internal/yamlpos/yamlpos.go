// Package yamlpos finds where a YAML document goes wrong. The YAML library
// gives no column, and its line is not always where the problem is: for a
// parser error it is the line where the construct that failed began (so
// "did not find expected key" names the line above the mapping's first
// key), and on line 1 it gives none. Both fmt (internal/yamlfmt) and the
// loader (internal/load) report syntax errors through Locate, so the two
// commands name the same place.
package yamlpos

import (
	"bytes"
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Locate finds the problem that err, an error from reading src with the
// YAML library, reports. It returns its 1-based line and column (the column
// counted in characters) and the library's message without its line, e.g.
// "mapping values are not allowed in this context". line is the library's
// own (0 when it names none) and col 0 when the problem cannot be found in
// src. A byte order mark, CRLF and lone CR line ends in src are read as the
// library reads them and do not shift the position. Locate never panics.
//
// It reads prefixes of the text: the problem is where a prefix first fails
// with the same message, which is where a reader going from the top sees
// it. Once a prefix holds the problem every longer one fails the same way,
// so a binary search over line ends, then over the characters of the line,
// finds it in a few dozen reads.
func Locate(src []byte, err error) (line, col int, msg string) {
	line, msg = Describe(err)
	src = CleanLineEnds(src)
	fails := func(n int) bool { return problem(src[:n]) == msg }
	if !fails(len(src)) {
		return line, 0, msg
	}
	var ends []int // the offset just after each line
	for i, b := range src {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(src) {
		ends = append(ends, len(src))
	}
	l := sort.Search(len(ends), func(i int) bool { return fails(ends[i]) })
	if l == len(ends) {
		return line, 0, msg
	}
	start := 0
	if l > 0 {
		start = ends[l-1]
	}
	text := bytes.TrimSuffix(src[start:ends[l]], []byte("\n"))
	var cuts []int // the offsets, in text, just after each character
	for k := 0; k < len(text); {
		_, size := utf8.DecodeRune(text[k:])
		k += size
		cuts = append(cuts, k)
	}
	if c := sort.Search(len(cuts), func(i int) bool { return fails(start + cuts[i]) }); c < len(cuts) {
		return l + 1, c + 1, msg
	}
	// Only the line break shows the problem: point at the line's first
	// character that is not a blank.
	trimmed := bytes.TrimLeft(text, " \t")
	return l + 1, utf8.RuneCount(text[:len(text)-len(trimmed)]) + 1, msg
}

// CleanLineEnds drops a UTF-8 byte order mark and turns CRLF and lone CR
// line breaks into LF. YAML reads every one of them as a line break (inside
// scalars too), so this changes no value, and columns do not move. fmt
// formats the cleaned text; positions are found in it.
func CleanLineEnds(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
}

// ParseAll reads every document of the stream src as a node tree, as fmt
// does.
func ParseAll(src []byte) ([]*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var docs []*yaml.Node
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, err
		}
		docs = append(docs, &doc)
	}
}

// problem reads src as fmt does, every document into a tree and then
// each tree into plain values, and returns the message of the first
// problem, without its line, or "" when there is none. A panic of the
// library counts as no problem of this kind.
func problem(src []byte) (msg string) {
	defer func() {
		if recover() != nil {
			msg = ""
		}
	}()
	docs, err := ParseAll(src)
	if err != nil {
		_, msg := Describe(err)
		return msg
	}
	for _, d := range docs {
		var v any
		if err := d.Decode(&v); err != nil {
			_, msg := Describe(err)
			return msg
		}
	}
	return ""
}

// Describe splits an error of the YAML library into the line it names (0
// when none) and its message. Of a list of decoding errors it takes the
// first.
func Describe(err error) (line int, msg string) {
	s := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		s = te.Errors[0]
	}
	s = strings.TrimPrefix(s, "yaml: ")
	rest, ok := strings.CutPrefix(s, "line ")
	if !ok {
		return 0, s
	}
	num, msg, ok := strings.Cut(rest, ": ")
	if !ok {
		return 0, s
	}
	n, err := strconv.Atoi(num)
	if err != nil {
		return 0, s
	}
	return n, msg
}

// Syntax is Locate as both readers report a syntax error to the user, so
// that validate and fmt say the same thing at the same place. When the
// problem cannot be found in the text, the column is that of the first
// character of the library's line that is not a blank (1 when the line is
// past the end of src); line is 0 when the library names none. msg is the
// first line of the library's message. tab says the problem is a tab
// character: the library says so, or one stands at the position (a tab
// that starts a line reads as "found character that cannot start any
// token").
func Syntax(src []byte, err error) (line, col int, msg string, tab bool) {
	line, col, msg = Locate(src, err)
	msg, _, _ = strings.Cut(msg, "\n")
	if line < 1 {
		return 0, 0, msg, strings.Contains(msg, "tab")
	}
	lines := bytes.Split(CleanLineEnds(src), []byte("\n"))
	switch {
	case col < 1 && line <= len(lines):
		l := lines[line-1]
		col = utf8.RuneCount(l[:len(l)-len(bytes.TrimLeft(l, " "))]) + 1
	case col < 1:
		col = 1
	}
	if strings.Contains(msg, "tab") {
		return line, col, msg, true
	}
	if line <= len(lines) {
		runes := []rune(string(lines[line-1]))
		tab = col <= len(runes) && runes[col-1] == '\t'
	}
	return line, col, msg, tab
}

// FirstControl finds the first character YAML does not allow in a file
// (C0 controls but tab and line ends, DEL, C1 controls but NEL, surrogates
// and U+FFFE/U+FFFF), with its 1-based line and column; b is valid UTF-8.
// LF, CRLF and a lone CR each end a line, as the YAML library reads them,
// so that the position is the same before and after fmt cleans line ends.
// The loader and fmt both refuse such a file through it, naming the
// character where the YAML library says only "control characters are not
// allowed".
func FirstControl(b []byte) (line, col int, r rune, ok bool) {
	line, col = 1, 1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == '\n' || r == '\r':
			if r == '\r' && i+1 < len(b) && b[i+1] == '\n' {
				size = 2 // CRLF is one line end
			}
			line, col = line+1, 1
			i += size
			continue
		case r == '\t' || r >= 0x20 && r <= 0x7E || r == 0x85,
			r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000:
		default:
			return line, col, r, true
		}
		col++
		i += size
	}
	return 0, 0, 0, false
}

// FirstInvalidUTF8 finds the first byte of b that is not UTF-8, with its
// 1-based line and column (counted in characters; LF, CRLF and a lone CR
// each end a line, as in FirstControl). ok is false when b is valid.
func FirstInvalidUTF8(b []byte) (line, col int, ok bool) {
	line, col = 1, 1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return line, col, true
		case r == '\r' && i+1 < len(b) && b[i+1] == '\n':
			line, col, size = line+1, 1, 2
		case r == '\n' || r == '\r':
			line, col = line+1, 1
		default:
			col++
		}
		i += size
	}
	return 0, 0, false
}
