package yamlfmt

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// The YAML library attaches each comment to a node: a head comment to the
// node below it, a line comment to the node on its line, a foot comment to
// the node it follows when a blank line or a dedent ends the block. Its
// encoder writes most of them back where they were, but not all; the
// functions here move the ones it would misplace to a node next to them that
// it writes correctly.

// joinComments puts two comment blocks one after the other.
func joinComments(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}

// keepMappingFoot is called after the pairs of m were sorted: the foot
// comment of the pair that was last closes the mapping (a comment at the end
// of a block, or at the end of the file), so it stays at the end.
func keepMappingFoot(m *yaml.Node, oldLast *yaml.Node) {
	newLast := m.Content[len(m.Content)-2]
	if oldLast == newLast || oldLast.FootComment == "" {
		return
	}
	newLast.FootComment = joinComments(newLast.FootComment, oldLast.FootComment)
	oldLast.FootComment = ""
}

// keepFileHeader is called after the pairs of m were sorted: a comment
// block that opens the file right above its first key (no blank line
// between them, so the parser gives it to that key) is the file's header,
// "# Kế hoạch …" on line 1. It stays on line 1, above the key now first,
// rather than following its key down the file. Only a block that starts on
// the file's first line is a header: a comment above a key further down
// describes that key and moves with it.
func keepFileHeader(m *yaml.Node, oldFirst *yaml.Node) {
	newFirst := m.Content[0]
	if oldFirst == newFirst || oldFirst.HeadComment == "" ||
		oldFirst.Line-strings.Count(oldFirst.HeadComment, "\n")-1 != 1 {
		return
	}
	// The key now first keeps its own comment, a blank line under the
	// header.
	if newFirst.HeadComment != "" {
		newFirst.HeadComment = oldFirst.HeadComment + "\n\n" + newFirst.HeadComment
	} else {
		newFirst.HeadComment = oldFirst.HeadComment
	}
	oldFirst.HeadComment = ""
}

// fixComments moves, everywhere in the document, the comments the encoder
// would write where the parser does not read them back from.
func fixComments(doc *yaml.Node) {
	for _, root := range doc.Content {
		// The comment after the last pair of the file is read back as the
		// document's or as the last key's depending on what precedes it;
		// written as the document's (after a blank line) it reads back the
		// same.
		if !isFlow(root) && len(root.Content) > 0 {
			last := root
			if root.Kind == yaml.MappingNode {
				last = root.Content[len(root.Content)-2]
			}
			doc.FootComment = joinComments(last.FootComment, doc.FootComment)
			last.FootComment = ""
			if last != root {
				doc.FootComment = joinComments(root.FootComment, doc.FootComment)
				root.FootComment = ""
			}
		}
		fixNode(root)
		endsEmpty(doc, root)
	}
}

// endsEmpty handles a document whose last node is an empty value ("note:"):
// the parser reads every comment after it as the document's foot comment,
// whichever node it followed, so that is where the foot comments of the
// nodes that end there go.
func endsEmpty(doc, root *yaml.Node) {
	var path []*yaml.Node
	n := root
	for !isFlow(n) && len(n.Content) > 0 {
		switch n.Kind {
		case yaml.MappingNode:
			path = append(path, n, n.Content[len(n.Content)-2])
		case yaml.SequenceNode:
			path = append(path, n)
		default:
			return
		}
		n = n.Content[len(n.Content)-1]
		path = append(path, n)
	}
	if len(path) < 3 || path[len(path)-3].Kind != yaml.MappingNode || !isEmptyNull(n) {
		return
	}
	for i := len(path) - 1; i >= 0; i-- {
		doc.FootComment = joinComments(doc.FootComment, path[i].FootComment)
		path[i].FootComment = ""
	}
}

// isEmptyNull reports whether n is a null written as nothing at all.
func isEmptyNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Value == "" && n.ShortTag() == "!!null" &&
		n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0
}

// fixNode fixes the comments of n and of the nodes under it.
func fixNode(n *yaml.Node) {
	if isFlow(n) {
		hoistFlow(n)
		return
	}
	for _, c := range n.Content {
		fixNode(c)
	}
	// The parser gives a block collection the line comment of its first line
	// when no node on that line takes it, and the encoder drops it there.
	if n.LineComment != "" && len(n.Content) > 0 {
		first := n.Content[0]
		if first.LineComment == "" {
			first.LineComment = n.LineComment
		} else {
			first.HeadComment = joinComments(first.HeadComment, n.LineComment)
		}
		n.LineComment = ""
	}
	// The encoder writes the foot comment of a block collection in odd
	// places; it reads the same as a foot of the collection's last node.
	if n.FootComment != "" && (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) {
		if c := innermost(n); c != nil {
			c.FootComment = joinComments(c.FootComment, n.FootComment)
			n.FootComment = ""
		}
	}
	if n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		// A comment between a key and its value would be written after the
		// value; above the key it still reads as that pair's comment.
		if v.HeadComment != "" {
			k.HeadComment = joinComments(k.HeadComment, v.HeadComment)
			v.HeadComment = ""
		}
		// A key and a value on one line have room for one line comment;
		// the key's goes above it.
		if k.LineComment != "" && v.LineComment != "" && !isBlock(v) {
			k.HeadComment = joinComments(k.HeadComment, k.LineComment)
			k.LineComment = ""
		}
		// A comment after "key:" whose value is a flow collection on the
		// next line is the key's; the encoder drops a key's line comment
		// before a flow collection, so it goes after the value.
		if k.LineComment != "" && isFlow(v) {
			v.LineComment, k.LineComment = k.LineComment, ""
		}
		// After a flow collection or a scalar, the key carries the foot
		// comment: the encoder writes the value's and the key's foot
		// comments as two blocks, which the parser reads back as a foot and
		// the head of the next key.
		if (isFlow(v) || v.Kind == yaml.ScalarNode || v.Kind == yaml.AliasNode) && v.FootComment != "" {
			k.FootComment = joinComments(v.FootComment, k.FootComment)
			v.FootComment = ""
		}
		// The encoder writes a key's foot comment at the key's indentation,
		// after the key's block value, where the parser reads it as the foot
		// of the value's last node: so that is where it goes.
		if c := innermost(v); c != nil && k.FootComment != "" {
			c.FootComment = joinComments(c.FootComment, k.FootComment)
			k.FootComment = ""
		}
		// After an empty value, the parser reads a comment as the head of the
		// next key.
		if isEmptyNull(v) && k.FootComment != "" && i+2 < len(n.Content) {
			next := n.Content[i+2]
			next.HeadComment = joinComments(k.FootComment, next.HeadComment)
			k.FootComment = ""
		}
	}
}

// innermost returns the node whose foot comment is read back right after the
// block collection n: the key of its last pair, or its last item, going down
// through block collections. It returns nil when n is not a block collection
// with content.
func innermost(n *yaml.Node) *yaml.Node {
	if isFlow(n) || len(n.Content) == 0 {
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		if len(n.Content) < 2 {
			return nil
		}
		if c := innermost(n.Content[len(n.Content)-1]); c != nil {
			return c
		}
		return n.Content[len(n.Content)-2]
	case yaml.SequenceNode:
		last := n.Content[len(n.Content)-1]
		if c := innermost(last); c != nil {
			return c
		}
		return last
	}
	return nil
}

// isBlock reports whether n is a collection written in block style.
func isBlock(n *yaml.Node) bool {
	return (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) && n.Style&yaml.FlowStyle == 0
}

// isFlow reports whether n is a collection written in flow style.
func isFlow(n *yaml.Node) bool {
	return (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) && n.Style&yaml.FlowStyle != 0
}

// hoistFlow moves the comments inside the flow collection f (but not f's own
// head, line and foot comments) to f's head (head and line comments) and
// foot (foot comments), so that f is written on one line as the user wrote
// it, not broken around a comment.
func hoistFlow(f *yaml.Node) {
	var head, foot string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for _, c := range n.Content {
			head = joinComments(head, c.HeadComment)
			head = joinComments(head, c.LineComment)
			c.HeadComment, c.LineComment = "", ""
			walk(c)
			foot = joinComments(foot, c.FootComment)
			c.FootComment = ""
		}
	}
	walk(f)
	f.HeadComment = joinComments(f.HeadComment, head)
	f.FootComment = joinComments(foot, f.FootComment)
}
