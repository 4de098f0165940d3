package load

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/plan06/plan06/internal/safetext"
	"go.yaml.in/yaml/v3"
)

// fastParse reads the plain subset of YAML that plan files are written in
// (what `plan06 fmt` and `plan06 new report` write) into the same yaml.Node
// tree that yaml.Unmarshal builds, several times faster: the YAML library
// spends most of a country-scale run in its tokenizer. It returns nil, and
// the caller falls back to the library, for anything outside the subset:
//
//   - block mappings whose keys are plain [A-Za-z0-9_-] words, and block
//     sequences, indented with spaces;
//   - one-line scalars: plain ones whose type it can tell exactly (text,
//     booleans, nulls, decimal integers without a leading zero, decimals
//     like 90.5, and dates like 2024-03-15), and quoted ones without escapes;
//   - one-line flow mappings and lists of such keys and scalars, e.g.
//     {ti-le-06: 90} and [so-tttt, cong-an-tinh];
//   - comments on their own line or after a value.
//
// Tabs, carriage returns, control characters, document markers, anchors,
// aliases, tags, block scalars, multi-line scalars, nested or multi-line
// flow collections, empty values and every indicator it does not know send
// the file to the library, which also reports every syntax error.
// FuzzFastParse holds the contract: whenever fastParse returns a tree,
// yaml.Unmarshal accepts the file and builds the same tree (kinds, styles,
// tags, values, lines and columns).
//
// Should the fast path ever fail in a way the tests have not met (a
// panic), the file goes to the library too: a bug here may cost time, never
// a crash or a different answer.
func fastParse(src []byte, a *arena) (root *yaml.Node) {
	defer func() {
		if recover() != nil {
			root = nil
		}
	}()
	return readSubsetIn(src, a)
}

// readSubset is fastParse for the tests: it lets any panic but the end of
// the subset through, so that the fuzzer sees it.
func readSubset(src []byte) (root *yaml.Node) { return readSubsetIn(src, nil) }

// readSubsetIn is readSubset building its nodes in a (when not nil).
func readSubsetIn(src []byte, a *arena) (root *yaml.Node) {
	if !fastBytes(src) {
		return nil
	}
	p := &fastParser{src: src, le: -1, colLine: -1, a: a}
	defer func() {
		if r := recover(); r != nil {
			if r != errOutside {
				panic(r)
			}
			root = nil
		}
	}()
	p.advance()
	if p.eof {
		return nil // only comments: the library says what is wrong
	}
	root = p.block(0)
	if !p.eof {
		p.outside()
	}
	return root
}

// fastBytes reports whether src holds only characters the subset allows:
// no tab, carriage return or other control character, no line or paragraph
// separator, no byte order mark inside, and nothing YAML itself refuses.
func fastBytes(src []byte) bool {
	ok, _ := scanChars(src)
	return ok
}

// Kinds of text scanChars tells apart, besides "outside the subset".
const (
	// textSafe: no character a text may not hold (safetext.Forbidden).
	textSafe = 1 << iota
	// textNFC: every character is one isNFC passes without its tables,
	// so every text of the file is in NFC.
	textNFC
)

// scanChars is fastBytes, and what else one pass over the bytes tells of
// the texts of the file (textSafe, textNFC) when it is in the subset.
func scanChars(src []byte) (ok bool, kinds int) {
	kinds = textSafe | textNFC
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' || c == 0x7F {
				return false, 0
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size <= 1,
			r >= 0x80 && r <= 0x9F, // C1 controls, NEL (a line break to YAML)
			r == 0x2028, r == 0x2029, r == 0xFEFF, r == 0xFFFE, r == 0xFFFF:
			return false, 0
		case r < 0x300 || r >= 0x1E00 && r <= 0x1EFF: // see isNFC
		case safetext.Forbidden(r):
			kinds &^= textSafe | textNFC
		default:
			kinds &^= textNFC
		}
		i += size
	}
	return true, kinds
}

// errOutside is the panic value that ends a fast parse: the file is outside
// the subset. It never leaves readSubset.
var errOutside = &struct{ string }{"outside the fast YAML subset"}

// fastParser walks the source line by line. The current line runs from ls
// to le (the '\n' or the end); num is its 1-based number and ind its
// indentation in spaces. Lines holding only spaces or a comment are skipped.
type fastParser struct {
	src    []byte
	ls, le int
	num    int
	ind    int
	eof    bool
	// The last column counted (see column): offset colOff on the line
	// starting at colLine is at column colN.
	colLine, colOff, colN int
	// a, when not nil, holds the nodes and short strings (see arena).
	a *arena
}

func (p *fastParser) outside() { panic(errOutside) }

// advance moves to the next line with content.
func (p *fastParser) advance() {
	for {
		if p.le >= len(p.src) {
			p.eof = true
			return
		}
		p.ls = p.le + 1
		p.num++
		if i := bytes.IndexByte(p.src[p.ls:], '\n'); i >= 0 {
			p.le = p.ls + i
		} else {
			p.le = len(p.src)
		}
		line := p.src[p.ls:p.le]
		ind := 0
		for ind < len(line) && line[ind] == ' ' {
			ind++
		}
		if ind == len(line) || line[ind] == '#' {
			continue
		}
		if ind == 0 && (bytes.HasPrefix(line, []byte("---")) || bytes.HasPrefix(line, []byte("..."))) {
			p.outside() // a document marker
		}
		p.ind = ind
		return
	}
}

// maxFastDepth bounds nesting; plan files nest four levels at most.
const maxFastDepth = 16

// block reads the block node that starts on the current line at its
// indentation: a sequence when the line is an item, else a mapping.
func (p *fastParser) block(depth int) *yaml.Node {
	if depth > maxFastDepth {
		p.outside()
	}
	if p.isItem(p.ls + p.ind) {
		return p.sequence(p.ind, depth)
	}
	return p.mapping(p.ls+p.ind, p.ind, depth)
}

// isItem reports whether a sequence item ("- ") starts at off.
func (p *fastParser) isItem(off int) bool {
	return p.src[off] == '-' && (off+1 == p.le || p.src[off+1] == ' ')
}

// mapping reads a block mapping whose first key is at off on the current
// line, at byte column col (the line's indentation, or past "- ").
func (p *fastParser) mapping(off, col, depth int) *yaml.Node {
	m := p.a.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: p.num, Column: col + 1})
	for {
		key, after := p.key(off)
		m.Content = append(m.Content, key, p.value(after, col, depth))
		if p.eof || p.ind < col {
			return m
		}
		if p.ind > col || p.isItem(p.ls+col) {
			p.outside()
		}
		off = p.ls + col
	}
}

// sequence reads a block sequence whose items start at byte column col.
func (p *fastParser) sequence(col, depth int) *yaml.Node {
	s := p.a.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.num, Column: col + 1})
	for {
		off := p.spaces(p.ls + col + 1)
		if off == p.le || p.src[off] == '#' || p.isItem(off) || depth+1 > maxFastDepth {
			p.outside() // an item on the next lines, or a nested sequence
		}
		var item *yaml.Node
		if _, ok := p.keyEnd(off); ok {
			item = p.mapping(off, off-p.ls, depth+1)
		} else {
			item = p.inline(off)
			p.advance()
		}
		s.Content = append(s.Content, item)
		if p.eof || p.ind < col {
			return s
		}
		if p.ind > col {
			p.outside()
		}
		if !p.isItem(p.ls + col) {
			return s // the next key of the mapping this sequence is a value of
		}
	}
}

// maxKey is the longest key the subset reads: YAML refuses implicit keys
// of more than 1024 characters.
const maxKey = 1000

// isKeyByte reports whether c may appear in a key the subset reads.
func isKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// keyEnd finds the colon that ends a plain key starting at off, if the text
// there is one: key bytes, then ':' followed by a space or the line's end.
func (p *fastParser) keyEnd(off int) (int, bool) {
	i := off
	for i < p.le && isKeyByte(p.src[i]) {
		i++
	}
	if i == off || p.src[off] == '-' || i == p.le || p.src[i] != ':' || i+1 < p.le && p.src[i+1] != ' ' || i-off > maxKey {
		return 0, false
	}
	return i, true
}

// key reads the key at off and returns it with the offset past its colon.
func (p *fastParser) key(off int) (*yaml.Node, int) {
	end, ok := p.keyEnd(off)
	if !ok {
		p.outside()
	}
	return p.plain(off, end), end + 1
}

// value reads the value of a block mapping key at column col; after is the
// offset just past the key's colon. It leaves the parser on the line after
// the value.
func (p *fastParser) value(after, col, depth int) *yaml.Node {
	if i := p.spaces(after); i < p.le && p.src[i] != '#' {
		n := p.inline(i)
		p.advance()
		return n
	}
	// The value is on the next lines: a nested block, or a sequence at the
	// key's own column. Anything else is an empty value (a null).
	p.advance()
	switch {
	case p.eof:
	case p.ind > col:
		return p.block(depth + 1)
	case p.ind == col && p.isItem(p.ls+col):
		if depth+1 > maxFastDepth {
			p.outside()
		}
		return p.sequence(col, depth+1)
	}
	p.outside()
	return nil
}

// indicators are the characters that cannot start a plain scalar the
// subset reads.
const indicators = "-?:,[]{}#&*!|>'\"%@`"

// inline reads a scalar or a flow collection that starts at off and fills the
// rest of the current line, but for a trailing comment.
func (p *fastParser) inline(off int) *yaml.Node {
	var n *yaml.Node
	var end int
	switch p.src[off] {
	case '"', '\'':
		n, end = p.quoted(off)
	case '{', '[':
		n, end = p.flow(off)
	default:
		return p.plain(off, p.plainEnd(off))
	}
	p.lineEnd(end)
	return n
}

// plainEnd returns the end of the plain scalar that starts at off and fills
// the rest of the line, but for trailing spaces and a comment.
func (p *fastParser) plainEnd(off int) int {
	if strings.IndexByte(indicators, p.src[off]) >= 0 {
		p.outside()
	}
	end := off
	for end < p.le && !(p.src[end] == '#' && p.src[end-1] == ' ') {
		if p.src[end] == ':' && (end+1 == p.le || p.src[end+1] == ' ') {
			p.outside() // "a: b: c" is a mapping inside a value
		}
		end++
	}
	for p.src[end-1] == ' ' {
		end--
	}
	return end
}

// lineEnd checks that only spaces and a comment follow off on the line.
func (p *fastParser) lineEnd(off int) {
	if i := p.spaces(off); i < p.le && (p.src[i] != '#' || i == off) {
		p.outside()
	}
}

// quoted reads a one-line quoted scalar without escapes at off and returns
// it with the offset past its closing quote.
func (p *fastParser) quoted(off int) (*yaml.Node, int) {
	i, style := p.quoteEnd(off)
	return p.a.node(yaml.Node{Kind: yaml.ScalarNode, Style: style, Tag: "!!str", Value: p.a.text(p.src[off+1 : i]),
		Line: p.num, Column: p.column(off)}), i + 1
}

// quoteEnd returns the offset of the quote that closes the quoted scalar
// at off, and the scalar's style.
func (p *fastParser) quoteEnd(off int) (int, yaml.Style) {
	q := p.src[off]
	i := off + 1
	for ; i < p.le && p.src[i] != q; i++ {
		if p.src[i] == '\\' && q == '"' {
			p.outside()
		}
	}
	if i == p.le || q == '\'' && i+1 < p.le && p.src[i+1] == '\'' {
		p.outside() // runs onto the next line, or an escaped quote
	}
	if q == '\'' {
		return i, yaml.SingleQuotedStyle
	}
	return i, yaml.DoubleQuotedStyle
}

// flow reads a one-line flow mapping or list at off, such as
// {ti-le-06: 90, so-ho-so: 12} or [so-tttt, cong-an-tinh], and returns it
// with the offset past its closing bracket.
func (p *fastParser) flow(off int) (*yaml.Node, int) {
	n := p.a.node(yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle, Tag: "!!map", Line: p.num, Column: p.column(off)})
	closing := byte('}')
	if p.src[off] == '[' {
		n.Kind, n.Tag, closing = yaml.SequenceNode, "!!seq", ']'
	}
	i := p.spaces(off + 1)
	if i < p.le && p.src[i] == closing {
		return n, i + 1
	}
	for {
		if n.Kind == yaml.MappingNode {
			end, ok := p.keyEnd(i)
			if !ok || end+1 == p.le {
				p.outside() // not a key, or a colon at the line's end
			}
			n.Content = append(n.Content, p.plain(i, end))
			i = p.spaces(end + 1)
		}
		var item *yaml.Node
		item, i = p.flowScalar(i)
		n.Content = append(n.Content, item)
		i = p.spaces(i)
		if i == p.le {
			p.outside()
		}
		switch p.src[i] {
		case closing:
			return n, i + 1
		case ',':
			i = p.spaces(i + 1)
			if i == p.le || p.src[i] == closing {
				p.outside() // a trailing comma
			}
		default:
			p.outside()
		}
	}
}

// flowScalar reads a quoted or plain scalar inside a flow collection and
// returns it with the offset past it.
func (p *fastParser) flowScalar(i int) (*yaml.Node, int) {
	if i == p.le {
		p.outside()
	}
	if p.src[i] == '"' || p.src[i] == '\'' {
		return p.quoted(i)
	}
	last, next := p.flowPlainEnd(i)
	return p.plain(i, last), next
}

// flowPlainEnd reads a plain scalar inside a flow collection at v and
// returns its end (trailing spaces trimmed) and the offset past it.
func (p *fastParser) flowPlainEnd(v int) (last, next int) {
	i := v
	for i < p.le && p.src[i] != ',' && p.src[i] != '}' && p.src[i] != ']' {
		if c := p.src[i]; c < utf8.RuneSelf && !isKeyByte(c) && strings.IndexByte(" ./()%;+", c) < 0 {
			p.outside() // the flow context gives more bytes a meaning; only these are plain text
		}
		i++
	}
	last = i
	for last > v && p.src[last-1] == ' ' {
		last--
	}
	if last == v || strings.IndexByte(indicators, p.src[v]) >= 0 {
		p.outside()
	}
	return last, i
}

func (p *fastParser) spaces(i int) int {
	for i < p.le && p.src[i] == ' ' {
		i++
	}
	return i
}

// column is the 1-based column of off on the current line, in characters,
// as the YAML library counts them. It counts on from the last offset asked
// on the same line, so that a long line is counted once, not once per
// scalar: offsets on a line are asked in increasing order.
func (p *fastParser) column(off int) int {
	if p.colLine != p.ls || off < p.colOff {
		p.colLine, p.colOff, p.colN = p.ls, p.ls, 1
	}
	p.colN += utf8.RuneCount(p.src[p.colOff:off])
	if columnBytes != nil {
		*columnBytes += off - p.colOff
	}
	p.colOff = off
	return p.colN
}

// columnBytes, when a test sets it, adds up the bytes column counts over,
// so that a test can hold the count linear in the input without a clock.
var columnBytes *int

// plain makes the plain scalar src[from:to], typed as the YAML library
// types it; a text whose type the subset cannot tell for sure ends the
// fast parse.
func (p *fastParser) plain(from, to int) *yaml.Node {
	v := p.src[from:to]
	tag := plainTag(v)
	if tag == "" {
		p.outside()
	}
	return p.a.node(yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: p.a.text(v), Line: p.num, Column: p.column(from)})
}

// plainTag is the tag yaml v3 resolves a plain scalar to, or "" when the
// subset does not decide it: numbers other than plain decimals, possible
// timestamps other than plain dates, and anything starting with '-', '.'
// or '<'.
func plainTag(v []byte) string {
	switch string(v) {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "null", "Null", "NULL", "~":
		return "!!null"
	}
	switch c := v[0]; {
	case c >= '0' && c <= '9':
		switch {
		case isDecimal(v) && (v[0] != '0' || len(v) == 1) && len(v) <= 18:
			return "!!int"
		case isISODate(v):
			return "!!timestamp"
		}
		// A decimal fraction short enough never to overflow a float64.
		if dot := bytes.IndexByte(v, '.'); dot > 0 && dot <= 15 && len(v)-dot-1 <= 15 && isDecimal(v[:dot]) && isDecimal(v[dot+1:]) {
			return "!!float"
		}
		return notNumber(v)
	case c == '+' || c == '-' || c == '.' || c == '<':
		return ""
	}
	return "!!str"
}

// notNumber is "!!str" for a plain scalar starting with a digit that
// yaml v3 cannot read as a number or a timestamp ("06 nhiệm vụ"), and ""
// when it might: a timestamp starts with four digits and '-', and numbers
// (decimal, hexadecimal, octal, binary, float) use only the bytes below.
func notNumber(v []byte) string {
	if len(v) >= 5 && isDecimal(v[:4]) && v[4] == '-' {
		return ""
	}
	for _, c := range v {
		if !strings.ContainsRune("0123456789_+-.eExXoObBabcdfABCDF", rune(c)) {
			return "!!str"
		}
	}
	return ""
}

func isDecimal(v []byte) bool {
	for _, c := range v {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(v) > 0
}

// isISODate reports whether v is a real day written YYYY-MM-DD, which
// yaml v3 types as a timestamp.
func isISODate(v []byte) bool {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' || !isDecimal(v[:4]) || !isDecimal(v[5:7]) || !isDecimal(v[8:]) {
		return false
	}
	_, err := time.Parse("2006-1-2", string(v))
	return err == nil
}
