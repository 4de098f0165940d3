package yamlfmt

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// SyntaxError is a document that Format cannot read: malformed YAML, or YAML
// that does not decode to plain values (a duplicate key, "!!int abc").
type SyntaxError struct {
	// Line is 1-based; 0 when unknown.
	Line int
	// Col is the 1-based column in runes; 0 when unknown.
	Col int
	// Msg is the YAML library's description, e.g. "mapping values are not
	// allowed in this context".
	Msg string
}

// Error renders the position the way the YAML library does, with the column
// added.
func (e *SyntaxError) Error() string {
	switch {
	case e.Line == 0:
		return "yaml: " + e.Msg
	case e.Col == 0:
		return fmt.Sprintf("yaml: line %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("yaml: line %d, column %d: %s", e.Line, e.Col, e.Msg)
}

// yaml.v3 gives no column, and its line is not always where the problem is:
// for a parser error it is the line, counted from 0, where the construct that
// failed began (so "did not find expected key" names the line above the
// mapping's first key); on line 1 it gives none. locateError finds the place
// instead by reading prefixes of the text: the problem is where a prefix
// first fails with the same message, which is where a reader going from the
// top sees it. Once a prefix holds the problem every longer one fails the
// same way, so a binary search over line ends, then over the characters of
// the line, finds it in a few dozen reads.

// locateError turns an error from reading src into a *SyntaxError with the
// line and column of the problem.
func locateError(src []byte, err error) error {
	libLine, msg := describe(err)
	e := &SyntaxError{Line: libLine, Msg: msg}
	fails := func(n int) bool { return problem(src[:n]) == msg }
	if !fails(len(src)) {
		return e
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
	line := sort.Search(len(ends), func(i int) bool { return fails(ends[i]) })
	if line == len(ends) {
		return e
	}
	start := 0
	if line > 0 {
		start = ends[line-1]
	}
	text := bytes.TrimSuffix(src[start:ends[line]], []byte("\n"))
	var cuts []int // the offsets, in text, just after each character
	for k := 0; k < len(text); {
		_, size := utf8.DecodeRune(text[k:])
		k += size
		cuts = append(cuts, k)
	}
	e.Line = line + 1
	if c := sort.Search(len(cuts), func(i int) bool { return fails(start + cuts[i]) }); c < len(cuts) {
		e.Col = c + 1
	} else {
		// Only the line break shows the problem: point at the line's first
		// character that is not a blank.
		trimmed := bytes.TrimLeft(text, " \t")
		e.Col = utf8.RuneCount(text[:len(text)-len(trimmed)]) + 1
	}
	return e
}

// problem reads src as Format does and returns the message of the first
// problem, without its line, or "" when there is none.
func problem(src []byte) string {
	docs, err := parseRaw(src)
	if err == nil {
		for _, d := range docs {
			if _, err = decodeValue(d); err != nil {
				break
			}
		}
	}
	if err == nil {
		return ""
	}
	_, msg := describe(err)
	return msg
}

// describe splits an error of the YAML library into the line it names (0
// when none) and its message. Of a list of decoding errors it takes the
// first.
func describe(err error) (line int, msg string) {
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

// invalidUTF8 points at the first byte of src that is not UTF-8.
func invalidUTF8(src []byte) error {
	e := &SyntaxError{Line: 1, Col: 1, Msg: "invalid UTF-8"}
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return e
		}
		if r == '\n' {
			e.Line, e.Col = e.Line+1, 1
		} else {
			e.Col++
		}
		i += size
	}
	return e
}
