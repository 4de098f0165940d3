package yamlfmt

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/plan06/plan06/internal/yamlpos"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
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
	// Problem says what kind of problem it is, for a message in the
	// user's language (the loader's words for the same problem).
	Problem Problem
	// Rune is the character of a ProblemControl.
	Rune rune
	// Key and First are the key of a ProblemDuplicateKey and the line
	// where it first stands; Line and Col are then the second key's.
	Key   string
	First int
}

// Problem is the kind of a SyntaxError.
type Problem int

const (
	// ProblemSyntax is malformed YAML, described by Msg.
	ProblemSyntax Problem = iota
	// ProblemTab is a tab character where YAML wants spaces.
	ProblemTab
	// ProblemUTF8 is text that is not UTF-8.
	ProblemUTF8
	// ProblemControl is a character YAML does not allow in a file (a
	// control character), Rune.
	ProblemControl
	// ProblemDuplicateKey is a key that a mapping holds twice, Key, first
	// at line First.
	ProblemDuplicateKey
)

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

// locateError turns an error from reading src into a *SyntaxError with the
// line and column of the problem (see yamlpos.Syntax, which the loader
// shares, so validate and fmt name the same place and the same problem).
func locateError(src []byte, err error) error {
	line, col, msg, tab := yamlpos.Syntax(src, err)
	e := &SyntaxError{Line: line, Col: col, Msg: msg}
	if tab {
		e.Problem = ProblemTab
	}
	return e
}

// dupKeyMsg is the YAML library's message for a duplicate key.
var dupKeyMsg = regexp.MustCompile(`^mapping key ("(?:[^"\\]|\\.)*") already defined at line ([0-9]+)$`)

// duplicateKey turns the library's "mapping key "id" already defined at
// line 2" into a ProblemDuplicateKey at the second key itself, where the
// loader reports it (diag.duplicate-key): the key's line and column in
// docs, the node trees of src. It returns nil when err is no such error.
func duplicateKey(docs []*yaml.Node, err error) *SyntaxError {
	line, msg := yamlpos.Describe(err)
	m := dupKeyMsg.FindStringSubmatch(msg)
	if m == nil {
		return nil
	}
	key, uerr := strconv.Unquote(m[1])
	first, aerr := strconv.Atoi(m[2])
	if uerr != nil || aerr != nil {
		return nil
	}
	e := &SyntaxError{Line: line, Msg: msg, Problem: ProblemDuplicateKey, Key: key, First: first}
	var walk func(n *yaml.Node) bool
	walk = func(n *yaml.Node) bool {
		if n.Kind == yaml.MappingNode {
			for j := 2; j+1 < len(n.Content); j += 2 {
				k := n.Content[j]
				if k.Value != key || k.Line != line {
					continue
				}
				for i := 0; i < j; i += 2 {
					if p := n.Content[i]; p.Kind == k.Kind && p.Value == key && p.Line == first {
						e.Col = k.Column
						return true
					}
				}
			}
		}
		for _, c := range n.Content {
			if walk(c) {
				return true
			}
		}
		return false
	}
	for _, d := range docs {
		if walk(d) {
			return e
		}
	}
	return nil // not found: the library's position (locateError)
}

// nfcDuplicateKey finds a key that differs from an earlier key of its
// mapping only in Unicode normalisation ("Tết" written NFC and NFD): the
// decoder reads two keys, but the canonical form writes both in NFC, the
// same key twice. It is reported as the duplicate key it becomes, at the
// second key, as a ProblemDuplicateKey; nil when there is none. Only a
// mapping with a key NFC changes is looked at twice.
func nfcDuplicateKey(docs []*yaml.Node) *SyntaxError {
	return firstIn(docs, func(n *yaml.Node) *SyntaxError {
		if n.Kind != yaml.MappingNode || !hasNonNFCKey(n) {
			return nil
		}
		first := make(map[[2]string]*yaml.Node, len(n.Content)/2)
		for j := 0; j+1 < len(n.Content); j += 2 {
			k := n.Content[j]
			if k.Kind != yaml.ScalarNode {
				continue
			}
			key := norm.NFC.String(k.Value)
			id := [2]string{k.ShortTag(), key}
			p, dup := first[id]
			if !dup {
				first[id] = k
				continue
			}
			return &SyntaxError{Line: k.Line, Col: k.Column, Problem: ProblemDuplicateKey, Key: key, First: p.Line,
				Msg: fmt.Sprintf("mapping key %q already defined at line %d (once in Unicode NFC)", key, p.Line)}
		}
		return nil
	})
}

// firstIn returns the first result of f that is not nil over the nodes of
// docs, depth first, in document order; nil when there is none.
func firstIn[T any](docs []*yaml.Node, f func(n *yaml.Node) *T) *T {
	var walk func(n *yaml.Node) *T
	walk = func(n *yaml.Node) *T {
		if r := f(n); r != nil {
			return r
		}
		for _, c := range n.Content {
			if r := walk(c); r != nil {
				return r
			}
		}
		return nil
	}
	for _, d := range docs {
		if r := walk(d); r != nil {
			return r
		}
	}
	return nil
}

// hasNonNFCKey reports whether mapping n has a scalar key NFC changes.
func hasNonNFCKey(n *yaml.Node) bool {
	for j := 0; j+1 < len(n.Content); j += 2 {
		if k := n.Content[j]; k.Kind == yaml.ScalarNode && !norm.NFC.IsNormalString(k.Value) {
			return true
		}
	}
	return false
}

// invalidUTF8 points at the first byte of src that is not UTF-8
// (yamlpos.FirstInvalidUTF8, as the loader does).
func invalidUTF8(src []byte) error {
	e := &SyntaxError{Line: 1, Col: 1, Msg: "invalid UTF-8", Problem: ProblemUTF8}
	if line, col, ok := yamlpos.FirstInvalidUTF8(src); ok {
		e.Line, e.Col = line, col
	}
	return e
}

// controlChar points at the first character of src that YAML does not allow
// in a file (yamlpos.FirstControl, as the loader does), or returns nil.
func controlChar(src []byte) error {
	line, col, r, ok := yamlpos.FirstControl(src)
	if !ok {
		return nil
	}
	return &SyntaxError{Line: line, Col: col, Msg: "control characters are not allowed", Problem: ProblemControl, Rune: r}
}
