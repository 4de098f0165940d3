package yamlfmt

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// yaml.v3 writes a folded scalar (">") that holds a line break with one blank
// line too many after its last line (its writer looks for the next line's
// indentation at the start of the value instead of after the break). Under
// the default chomping the blank line is dropped on reading, so the value
// survives but the file grows a blank line; under keep chomping (">+") the
// value gains a line break. For the values foldedSafe accepts the blank line
// is always exactly one, at a line spareLine computes, and repair removes
// it; other folded values that hold a line break are written as literals
// ("|"), which yaml.v3 writes correctly and which read the same.

// foldedSafe reports whether the encoder's folded writer handles v in the one
// way repair undoes: v does not begin with a blank or a break, no line of it
// begins with a blank (a "more indented" line), and it uses no line break but
// LF.
func foldedSafe(v string) bool {
	if v == "" || v[0] == ' ' || v[0] == '\t' || v[0] == '\n' {
		return false
	}
	if strings.ContainsAny(v, "\r\u0085\u2028\u2029") {
		return false
	}
	return !strings.Contains(v, "\n ") && !strings.Contains(v, "\n\t")
}

// foldedStyles makes every folded scalar that holds a line break either safe
// for the folded writer or a literal.
func foldedStyles(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Style&yaml.FoldedStyle != 0 &&
		strings.Contains(n.Value, "\n") && !foldedSafe(n.Value) {
		n.Style = n.Style&^yaml.FoldedStyle | yaml.LiteralStyle
	}
	// A block scalar's line that ends in a blank would lose it: the
	// encoder keeps the block style for a tab there, and the lines are
	// trimmed after it (tidy). Quoted, the blank is written as itself
	// or "\t".
	if n.Kind == yaml.ScalarNode && n.Style&(yaml.FoldedStyle|yaml.LiteralStyle) != 0 && blankAtLineEnd(n.Value) {
		n.Style = n.Style&^(yaml.FoldedStyle|yaml.LiteralStyle) | yaml.DoubleQuotedStyle
	}
	for _, c := range n.Content {
		foldedStyles(c)
	}
}

// spareFoldedLine returns the 1-based line of the output (split into lines)
// that holds the encoder's extra blank line after the folded scalar want,
// which reads back as got, or 0 when there is none.
func spareFoldedLine(want, got *yaml.Node, lines []string) int {
	if want.Kind != yaml.ScalarNode || want.Style&yaml.FoldedStyle == 0 ||
		got.Kind != yaml.ScalarNode || got.Style&yaml.FoldedStyle == 0 ||
		!strings.HasSuffix(want.Value, "\n") {
		return 0
	}
	if l := spareLine(want.Value, got.Line); l <= len(lines) && strings.TrimSpace(lines[l-1]) == "" {
		return l
	}
	return 0
}

// spareLine is the line of the extra blank after a folded scalar holding v,
// which ends with a line break, whose indicator is on line start: the writer
// puts each non-empty piece of v on a line of its own and a run of n breaks
// between two pieces as n blank lines, and the extra blank follows the last
// piece. (Without a final break there is no extra blank.)
func spareLine(v string, start int) int {
	line := start
	for i, piece := range strings.Split(strings.TrimRight(v, "\n"), "\n") {
		if i > 0 {
			line++ // each break between two pieces: one blank line
		}
		if piece != "" {
			line++
		}
	}
	return line + 1
}

// keepEndBreaks makes sure the file can end with exactly one newline: a
// block scalar that keeps its final line breaks ("|+", ">+") can only show
// them as blank lines at the end of its document, where the file must end or
// the encoder may put a blank line of its own (before the document's foot
// comment) that would become part of the value. So when it ends its document
// it is written double-quoted instead, with the breaks as "\n".
func keepEndBreaks(docs []*yaml.Node) {
	for _, n := range docs {
		for len(n.Content) > 0 {
			n = n.Content[len(n.Content)-1]
		}
		if n.Kind == yaml.ScalarNode && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 &&
			(n.Value == "\n" || strings.HasSuffix(n.Value, "\n\n")) {
			n.Style = n.Style&^(yaml.LiteralStyle|yaml.FoldedStyle) | yaml.DoubleQuotedStyle
		}
	}
}

// blankAtLineEnd reports whether a line of v ends with a space or a tab.
func blankAtLineEnd(v string) bool {
	for line := range strings.SplitSeq(v, "\n") {
		if strings.HasSuffix(line, " ") || strings.HasSuffix(line, "\t") {
			return true
		}
	}
	return false
}
