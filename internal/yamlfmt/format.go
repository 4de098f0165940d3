package yamlfmt

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/plan06/plan06/internal/yamlpos"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// Format returns the canonical form of src. It returns an error (with line and
// column when the YAML is malformed) and never panics.
//
// Format writes the parsed documents back with yaml.v3's encoder after
// moving the comments it would misplace (comments.go) and mending the slips
// no node change avoids (postpass.go). It then formats its own output again
// until nothing changes, so that what it returns is a fixed point however
// the parser reattaches a comment; and it checks that the result holds the
// values and the comments src held. A failure of either check is reported as
// an error, never written: it is a bug here, not in src.
func Format(src []byte, kind Kind) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("yaml: cannot format: %v", r)
		}
	}()
	src = yamlpos.CleanLineEnds(src)
	if !utf8.Valid(src) {
		// yaml.v3 would read UTF-16 too, but a plan file is UTF-8 (SPEC §2.2).
		return nil, invalidUTF8(src)
	}
	if err := controlChar(src); err != nil {
		return nil, err
	}
	docs, err := parseRaw(src)
	if err != nil {
		return nil, locateError(src, err)
	}
	if n := emptySecondaryTag(docs); n != nil {
		// "!%21" reads as the tag "!!", which no YAML writer can spell:
		// it names no type, and the file is refused as one that cannot
		// be read (FuzzFormat found it).
		return nil, &SyntaxError{Line: n.Line, Col: n.Column, Msg: "the tag !! names no type"}
	}
	if len(docs) == 0 {
		return commentsOnly(src), nil
	}
	want := make([]any, len(docs))
	for i, d := range docs {
		if want[i], err = decodeValue(d); err != nil {
			if e := duplicateKey(docs, err); e != nil {
				return nil, e
			}
			return nil, locateError(src, err)
		}
		want[i] = nfcValue(want[i])
	}
	if e := nfcDuplicateKey(docs); e != nil {
		return nil, e
	}
	notes := commentLines(docs)
	out, err = layout(docs, kind)
	for round := 0; err == nil; round++ {
		if docs, err = parseRaw(out); err != nil {
			return nil, fmt.Errorf("yaml: cannot format: the output does not parse: %w", err)
		}
		var next []byte
		if next, err = layout(docs, kind); err == nil && bytes.Equal(next, out) {
			break
		}
		if round == maxRounds {
			return nil, errors.New("yaml: cannot format: the layout does not settle")
		}
		out = next
	}
	if err != nil {
		return nil, err
	}
	// docs is now out, read back.
	if err := sameValues(docs, want); err != nil {
		return nil, err
	}
	if !slices.Equal(commentLines(docs), notes) {
		return nil, errors.New("yaml: cannot format: a comment would be lost")
	}
	return out, nil
}

// maxRounds bounds how often Format formats its own output. Each round can
// only move a comment to where the parser reads it back from, and one or two
// rounds settle every document the tests know.
const maxRounds = 4

// layout writes docs in canonical form. It changes the nodes.
func layout(docs []*yaml.Node, kind Kind) ([]byte, error) {
	for _, d := range docs {
		normalize(d, kind)
	}
	keepEndBreaks(docs)
	out, err := encode(docs)
	if err != nil {
		return nil, err
	}
	return tidy(repair(out, docs)), nil
}

// commentLines lists the lines of every comment in docs, blanks around them
// dropped, sorted: what must survive formatting.
func commentLines(docs []*yaml.Node) []string {
	var lines []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for _, l := range strings.Split(c, "\n") {
				if l = strings.TrimSpace(norm.NFC.String(l)); l != "" {
					lines = append(lines, l)
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	for _, d := range docs {
		walk(d)
	}
	slices.Sort(lines)
	return lines
}

// parseRaw reads every document of the stream as a node tree.
func parseRaw(src []byte) ([]*yaml.Node, error) { return yamlpos.ParseAll(src) }

// decodeValue decodes a document the way a reader of the plan would, into
// plain Go values, so that two documents can be compared value for value.
func decodeValue(doc *yaml.Node) (any, error) {
	var v any
	if err := doc.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// encode writes the documents with two-space indents. The encoder's line
// width is unlimited (yaml.v3 sets it so and Format keeps it), so no string is
// ever folded onto a second line.
func encode(docs []*yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	for _, d := range docs {
		if err := enc.Encode(d); err != nil {
			return nil, fmt.Errorf("yaml: cannot format: %w", err)
		}
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("yaml: cannot format: %w", err)
	}
	return buf.Bytes(), nil
}

// tidy removes trailing blanks from every line and ends the text with exactly
// one newline. The encoder never puts a blank at the end of a line inside a
// scalar (it quotes such values), so only layout is touched.
func tidy(b []byte) []byte {
	lines := strings.Split(string(b), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	s := strings.TrimRight(strings.Join(lines, "\n"), "\n")
	if s == "" {
		return []byte{}
	}
	return []byte(s + "\n")
}

// sameValues checks that docs decode to the values want holds.
func sameValues(docs []*yaml.Node, want []any) error {
	if len(docs) != len(want) {
		return fmt.Errorf("yaml: cannot format: %d documents in, %d out", len(want), len(docs))
	}
	for i, d := range docs {
		got, err := decodeValue(d)
		if err != nil {
			return fmt.Errorf("yaml: cannot format: the output does not decode: %w", err)
		}
		if !equalValues(got, want[i]) {
			return fmt.Errorf("yaml: cannot format: the output would change the values of document %d", i+1)
		}
	}
	return nil
}

// commentsOnly formats a stream that holds no document: only comments and
// blank lines, which the parser does not return. Each comment line is kept,
// without the blanks around it.
func commentsOnly(src []byte) []byte {
	var lines []string
	for _, l := range strings.Split(norm.NFC.String(string(src)), "\n") {
		lines = append(lines, strings.TrimSpace(l))
	}
	return tidy([]byte(strings.TrimLeft(strings.Join(lines, "\n"), "\n")))
}

// emptySecondaryTag returns the first node under docs whose tag is "!!",
// or nil.
func emptySecondaryTag(docs []*yaml.Node) *yaml.Node {
	return firstIn(docs, func(n *yaml.Node) *yaml.Node {
		if n.Tag == "!!" {
			return n
		}
		return nil
	})
}
