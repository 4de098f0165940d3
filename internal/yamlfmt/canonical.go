package yamlfmt

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/plan06/plan06/internal/load"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// FormatQuick is Format with a fast path for a file that is already in
// canonical form: when Canonical recognises src, src itself is returned,
// without the YAML library's parser or encoder. Any other input goes to
// Format, so the result is always the one Format gives.
func FormatQuick(src []byte, kind Kind) ([]byte, error) {
	if Canonical(src, kind) {
		return src, nil
	}
	return Format(src, kind)
}

// Canonical reports whether Format would return src unchanged, deciding it
// from the bytes and the plain-subset reader's tree (internal/load) alone.
// It answers true only for the shapes whose canonical spelling it knows for
// sure: a file in the plain subset (block mappings and lists, one-line
// scalars and flow collections), keys in the kind's order and none twice,
// two-space indents, text in NFC of characters the encoder writes as they
// are, no blank line and no comment but one block of comment lines at the
// top of the file (followed by the first key or by one blank line), no
// trailing blank, one final newline. Everything else — a comment after a
// value or between keys, a block scalar, an anchor — answers false, and the
// caller formats the file the long way. A false answer therefore does not
// mean the file is not canonical; a true one means it is (TestCanonical and
// FuzzCanonical hold Format to it).
func Canonical(src []byte, kind Kind) bool {
	n := len(src)
	if n < 2 || src[n-1] != '\n' || src[n-2] == '\n' {
		return false
	}
	printable, starters := printableText(src)
	if !printable || !starters && !norm.NFC.IsNormal(src) {
		return false
	}
	// The comment block at the top of the file, then at most one blank line.
	body := src
	for len(body) > 0 && body[0] == '#' {
		i := bytes.IndexByte(body, '\n')
		body = body[i+1:]
	}
	if len(body) < len(src) && len(body) > 0 && body[0] == '\n' {
		body = body[1:]
	}
	rd := readers.Get().(*load.SubsetReader)
	defer readers.Put(rd) // after the last use of root, below
	root := rd.Read(src)
	if root == nil {
		return false
	}
	if !inOrder(root, "", keyOrders[kind]) {
		return false
	}
	buf := renderPool.Get().(*bytes.Buffer)
	defer renderPool.Put(buf)
	buf.Reset()
	if !render(buf, root, 0, false) {
		return false
	}
	// The whole file in NFC does not make every scalar so (one may start
	// with a combining mark); a file of starters only (see printableText)
	// does.
	return bytes.Equal(buf.Bytes(), body) && (starters || scalarsNFC(root))
}

// scalarsNFC reports whether every scalar under n is in NFC.
func scalarsNFC(n *yaml.Node) bool {
	if n.Kind == yaml.ScalarNode && !norm.NFC.IsNormalString(n.Value) {
		return false
	}
	for _, c := range n.Content {
		if !scalarsNFC(c) {
			return false
		}
	}
	return true
}

var (
	renderPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}
	readers    = sync.Pool{New: func() any { return new(load.SubsetReader) }}
)

// printableText reports whether src is valid UTF-8 holding only line
// feeds and characters yaml.v3's writer prints as they are (is_printable):
// no tab, carriage return or other control character, no byte order mark,
// nothing outside the Basic Multilingual Plane (which the writer escapes);
// and no line ends with a blank. starters reports whether every character
// is below U+0300 or in Latin Extended Additional (U+1E00–U+1EFF), as in
// Vietnamese text: such characters are starters that NFC keeps and that
// never combine with what precedes them, so such a text and every piece of
// it is in NFC without consulting the tables (load's isNFC argues the same).
func printableText(src []byte) (printable, starters bool) {
	starters = true
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				if i > 0 && src[i-1] == ' ' {
					return false, false
				}
			case c < 0x20 || c == 0x7F:
				return false, false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if !(r >= 0xA0 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD && r != 0xFEFF) {
			return false, false
		}
		if r >= 0x300 && (r < 0x1E00 || r > 0x1EFF) {
			starters = false
		}
		i += size
	}
	return true, starters
}

// inOrder reports whether every mapping under n that has a canonical order
// already has its keys in it (reorder would move none) and no mapping holds
// a key twice (which Format refuses). path names n as keyOrders does.
func inOrder(n *yaml.Node, path string, orders map[string][]string) bool {
	switch n.Kind {
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if !inOrder(c, path+"[]", orders) {
				return false
			}
		}
	case yaml.MappingNode:
		order, ordered := orders[path]
		last := -1
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			for j := 0; j < i; j += 2 {
				if n.Content[j].Value == k.Value {
					return false // a duplicate key: Format reports it
				}
			}
			name, ok := keyName(k)
			// Under a key that names no field nothing is reordered, but
			// a duplicate key is still one: the path "\x00" has no order.
			sub := "\x00"
			if ok {
				sub = join(path, name)
			}
			if !inOrder(n.Content[i+1], sub, orders) {
				return false
			}
			if ordered {
				rank := len(order)
				if ok {
					for r, o := range order {
						if o == name {
							rank = r
							break
						}
					}
				}
				if rank < last {
					return false
				}
				last = rank
			}
		}
	}
	return true
}

// render writes n as the encoder writes it with two-space indents: a block
// mapping or sequence at column indent, its first line already begun when
// inItem is set (after "- "), or a scalar or flow collection followed by
// the line's end. It returns false for any node it does not know how to
// spell for sure.
func render(b *bytes.Buffer, n *yaml.Node, indent int, inItem bool) bool {
	if n.Anchor != "" || n.Style&^yaml.FlowStyle&^yaml.DoubleQuotedStyle&^yaml.SingleQuotedStyle != 0 {
		return false
	}
	switch {
	case n.Kind == yaml.MappingNode && n.Style&yaml.FlowStyle == 0:
		if len(n.Content) == 0 {
			return false
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 || !inItem {
				pad(b, indent)
			}
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode || len(k.Value) > 128 || !scalar(b, k, false) {
				return false
			}
			b.WriteByte(':')
			switch {
			case v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0:
				b.WriteByte('\n')
				if !render(b, v, indent+2, false) {
					return false
				}
			case v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle == 0:
				b.WriteByte('\n')
				if !render(b, v, indent+2, false) {
					return false
				}
			default:
				b.WriteByte(' ')
				if !inline(b, v) {
					return false
				}
				b.WriteByte('\n')
			}
		}
		return true
	case n.Kind == yaml.SequenceNode && n.Style&yaml.FlowStyle == 0:
		if len(n.Content) == 0 {
			return false
		}
		for _, item := range n.Content {
			pad(b, indent)
			b.WriteString("- ")
			switch {
			case item.Kind == yaml.MappingNode && item.Style&yaml.FlowStyle == 0:
				if !render(b, item, indent+2, true) {
					return false
				}
			case item.Kind == yaml.SequenceNode && item.Style&yaml.FlowStyle == 0:
				return false
			default:
				if !inline(b, item) {
					return false
				}
				b.WriteByte('\n')
			}
		}
		return true
	}
	return false
}

func pad(b *bytes.Buffer, n int) {
	for range n {
		b.WriteByte(' ')
	}
}

// inline writes a scalar or a one-line flow collection of scalars.
func inline(b *bytes.Buffer, n *yaml.Node) bool {
	if n.Anchor != "" {
		return false
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return scalar(b, n, false)
	case yaml.MappingNode, yaml.SequenceNode:
		if n.Style&yaml.FlowStyle == 0 {
			return false
		}
		open, close := byte('['), byte(']')
		step := 1
		if n.Kind == yaml.MappingNode {
			open, close, step = '{', '}', 2
		}
		b.WriteByte(open)
		for i := 0; i+step-1 < len(n.Content); i += step {
			if i > 0 {
				b.WriteString(", ")
			}
			if step == 2 {
				k := n.Content[i]
				if k.Kind != yaml.ScalarNode || len(k.Value) > 128 || !scalar(b, k, true) {
					return false
				}
				b.WriteString(": ")
			}
			if v := n.Content[i+step-1]; v.Kind != yaml.ScalarNode || !scalar(b, v, true) {
				return false
			}
		}
		b.WriteByte(close)
		return true
	}
	return false
}

// scalar writes a one-line scalar in its style: plain when the writer
// would keep it plain (inside a flow collection when flow is set), quoted
// as it was when it holds nothing the writer would escape.
func scalar(b *bytes.Buffer, n *yaml.Node, flow bool) bool {
	v := n.Value
	if n.Anchor != "" || !strings.HasPrefix(n.Tag, "!!") || !utf8.ValidString(v) {
		return false
	}
	switch n.Style {
	case 0:
		if !plainAllowed(v, flow) {
			return false
		}
		b.WriteString(v)
	case yaml.DoubleQuotedStyle:
		if n.Tag != "!!str" || !quotable(v, '"') {
			return false
		}
		b.WriteByte('"')
		b.WriteString(v)
		b.WriteByte('"')
	case yaml.SingleQuotedStyle:
		if n.Tag != "!!str" || !quotable(v, '\'') {
			return false
		}
		b.WriteByte('\'')
		b.WriteString(v)
		b.WriteByte('\'')
	default:
		return false
	}
	return true
}

// quotable reports whether v is written between quotes q as it is: no
// line break or other control character, no quote q, no backslash between
// double quotes. (The file's bytes are printable: Canonical checked them.)
func quotable(v string, q byte) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < 0x20 || c == 0x7F || c == q || c == '\\' && q == '"' {
			return false
		}
	}
	return true // the file's bytes are printable (Canonical checked them)
}

// plainAllowed mirrors yaml.v3's analysis of a plain scalar
// (yaml_emitter_analyze_scalar): whether the writer keeps it plain in a
// block (or, with flow, inside a flow collection).
func plainAllowed(v string, flow bool) bool {
	if v == "" || v[0] == ' ' || v[len(v)-1] == ' ' || len(v) >= 3 && (v[:3] == "---" || v[:3] == "...") {
		return false
	}
	blankAfter := func(i int) bool { return i+1 == len(v) || v[i+1] == ' ' }
	switch v[0] {
	case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	case '?', ':':
		if flow || blankAfter(0) {
			return false
		}
	case '-':
		if blankAfter(0) {
			return false
		}
	}
	for i := 1; i < len(v); i++ {
		switch c := v[i]; c {
		case ':':
			if flow || blankAfter(i) {
				return false
			}
		case '#':
			if v[i-1] == ' ' {
				return false
			}
		case ',', '?', '[', ']', '{', '}':
			if flow {
				return false
			}
		default:
			if c < 0x20 || c == 0x7F {
				return false
			}
		}
	}
	return true // the file's bytes are printable (Canonical checked them)
}
