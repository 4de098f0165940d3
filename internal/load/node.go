package load

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/safetext"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// decoder turns the yaml.Node tree of one file into model values, recording
// a diagnostic for every problem and carrying on, so that one run reports
// everything.
type decoder struct {
	file  string
	diags diag.Diagnostics
}

func (d *decoder) pos(n *yaml.Node) diag.Pos {
	return diag.At(d.file, n.Line, n.Column)
}

// field is one key: value pair of a mapping.
type field struct{ key, val *yaml.Node }

// fieldSet holds the pairs of one mapping by key. Mappings have a dozen
// keys at most, so a slice scan beats a map, and at country scale there are
// half a million of them.
type fieldSet struct {
	n    int
	keys [maxKeys]string
	vals [maxKeys]field
}

// maxKeys bounds the known keys of any mapping (a task has 13); only known
// keys are kept, so a fixed array holds them without a heap allocation.
const maxKeys = 16

// get returns the pair for key.
func (fs *fieldSet) get(key string) (field, bool) {
	for i := 0; i < fs.n; i++ {
		if fs.keys[i] == key {
			return fs.vals[i], true
		}
	}
	return field{}, false
}

// val returns the value node for key, or nil.
func (fs *fieldSet) val(key string) *yaml.Node {
	f, _ := fs.get(key)
	return f.val
}

// fields reads mapping n whose allowed keys are known (in canonical order).
// It reports duplicate keys, unknown keys (with a suggestion) and, for each
// of required, a missing key. ok is false when n is not a mapping.
func (d *decoder) fields(n *yaml.Node, what string, known []string, required ...string) (fs fieldSet, ok bool) {
	if n.Kind != yaml.MappingNode {
		d.diags.Errorf(d.pos(n), "want-mapping", what, kindName(n))
		return fs, false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.diags.Errorf(d.pos(k), "bad-key", what)
			continue
		}
		if prev, dup := fs.get(k.Value); dup {
			d.diags.Errorf(d.pos(k), "duplicate-key", k.Value, prev.key.Line)
			continue
		}
		if !contains(known, k.Value) {
			if s := diag.Suggest(k.Value, known); s != "" {
				d.diags.Errorf(d.pos(k), "unknown-key-suggest", k.Value, what, s)
			} else {
				d.diags.Errorf(d.pos(k), "unknown-key", k.Value, what, strings.Join(known, ", "))
			}
			continue
		}
		fs.keys[fs.n], fs.vals[fs.n] = k.Value, field{k, v}
		fs.n++
	}
	for _, r := range required {
		if _, ok := fs.get(r); !ok {
			d.diags.Errorf(d.pos(n), "missing-field", r, what)
		}
	}
	return fs, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// kindName names what a node is, as a word the catalogue translates.
func kindName(n *yaml.Node) diag.Word {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "null"
		case "!!int", "!!float":
			return "number"
		case "!!bool":
			return "boolean"
		case "!!timestamp":
			return "date"
		}
		return "text"
	}
	return "nothing"
}

// yaml11Traps are plain scalars that YAML 1.1 tools read as booleans or
// nulls; yaml v3 reads them as text, so the same file would mean different
// things to different readers. Plan files must quote them.
var yaml11Traps = map[string]bool{
	"y": true, "Y": true, "yes": true, "Yes": true, "YES": true,
	"n": true, "N": true, "no": true, "No": true, "NO": true,
	"on": true, "On": true, "ON": true, "off": true, "Off": true, "OFF": true,
	"true": true, "True": true, "TRUE": true, "false": true, "False": true, "FALSE": true,
	"~": true, "null": true, "Null": true, "NULL": true,
}

// looksNumeric reports whether a plain scalar would be read as a number by
// some YAML reader: digits with a leading zero (octal in YAML 1.1), digits
// with underscores, sexagesimal 1:30, and anything yaml resolves to a number.
func looksNumeric(s string) bool {
	t := strings.TrimLeft(s, "+-")
	if t == "" {
		return false
	}
	// Most text starts with a letter no number can start with: skip the
	// parse. Numbers start with a digit, '.', '_' (dropped below), ':' (the
	// digits loop), or are inf, infinity or nan in any case.
	switch c := t[0]; {
	case c >= '0' && c <= '9', c == '.', c == '_', c == ':', c == 'i', c == 'I', c == 'n', c == 'N':
		return numberLike(t)
	}
	return false
}

// floatBytes reports whether t holds only bytes strconv.ParseFloat reads:
// digits, signs, '.', '_', exponents, hexadecimal, inf, infinity and nan.
func floatBytes(t string) bool {
	return strings.Trim(t, "0123456789+-._eExXpPaAbBcCdDfFiInNtTyY") == ""
}

// numberLike is looksNumeric without its shortcut, for t without a sign.
func numberLike(t string) bool {
	if t == "" {
		return false
	}
	// Skipping ParseFloat for other text ("in-progress") saves the error it
	// would allocate, half a million times at country scale.
	if floatBytes(t) {
		if _, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64); err == nil {
			return true
		}
	}
	if strings.HasPrefix(t, "0x") || strings.HasPrefix(t, "0o") || strings.HasPrefix(t, "0b") {
		return true
	}
	digits := true
	for _, r := range t {
		if (r < '0' || r > '9') && r != ':' && r != '_' && r != '.' {
			digits = false
			break
		}
	}
	return digits && strings.ContainsAny(t, "0123456789")
}

// scalar returns n when it is a scalar, reporting anything else with want,
// the diagnostic that names what the field holds ("want-text",
// "want-integer"…), so that a list where a whole number goes says it must
// be a whole number.
func (d *decoder) scalar(n *yaml.Node, what, want string) (*yaml.Node, bool) {
	if n.Kind != yaml.ScalarNode {
		d.diags.Errorf(d.pos(n), want, what, kindName(n))
		return nil, false
	}
	return n, true
}

// text reads a string value. Plain scalars that another reader could take
// for a number, a boolean, a null or a date are refused with a hint to
// quote them: in a compliance plan "0123" must never silently become 83.
func (d *decoder) text(n *yaml.Node, what string) model.Text {
	s, ok := d.scalar(n, what, "want-text")
	if !ok {
		return model.Text{Pos: d.pos(n)}
	}
	if s.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		if s.ShortTag() != "!!str" || yaml11Traps[s.Value] || looksNumeric(s.Value) {
			kind := kindName(s)
			if kind == "text" && yaml11Traps[s.Value] {
				kind = "boolean" // what YAML 1.1 readers make of it
			} else if kind == "text" {
				kind = "number"
			}
			d.diags.Errorf(d.pos(n), "quote-text", what, s.Value, kind)
			return model.Text{Value: s.Value, Pos: d.pos(n)}
		}
	}
	if !isNFC(s.Value) {
		d.diags.Warnf(d.pos(n), "not-nfc", what)
	}
	d.characters(n, what, s.Value)
	return model.Text{Value: s.Value, Pos: d.pos(n)}
}

// multiLine lists the text fields that may run over several lines, and so
// hold new lines and tabs: the free text of tasks, groups and report
// entries. Every other field (titles, names, ids, deadlines) is one line.
var multiLine = map[string]bool{
	"detail": true, "support_note": true, "note": true, "group note": true,
	"result": true, "obstacles": true, "proposals": true,
}

// characters refuses the characters that act on a terminal or a document
// (safetext.Forbidden: control characters, bidirectional overrides) and,
// in a one-line field, new lines and tabs. Every text of a plan passes
// here (text and loose), so a plan that validates has none of them. YAML
// lets them in through escapes ("\e[2J", "\u202E"); the raw characters
// the YAML reader refuses itself.
func (d *decoder) characters(n *yaml.Node, what, s string) {
	r, at, bad := safetext.Find(s, multiLine[what])
	if !bad {
		return
	}
	if r == '\n' || r == '\t' {
		d.diags.Errorf(d.pos(n), "line-break", what, at)
		return
	}
	d.diags.Errorf(d.pos(n), "control-char", what, fmt.Sprintf("U+%04X", r), at)
}

// isNFC reports whether s is in Unicode NFC; ASCII (most ids, dates and
// numbers) is, without consulting the tables.
//
// Vietnamese text is too, without the tables, when every letter is below
// U+0300 (Latin-1, Latin Extended-A and -B: "Đ", "ơ", "ư") or in Latin
// Extended Additional (U+1E00–U+1EFF: "ạ", "ế", "ữ"). Such letters are
// starters that NFC keeps as they are and that never combine with what
// precedes them, so a string of them only is in NFC; a combining mark
// (U+0300 on) or any other letter sends the string to the full check.
// TestIsNFCFastPath holds this against the tables.
func isNFC(s string) bool {
	for _, r := range s {
		if r < 0x300 || r >= 0x1E00 && r <= 0x1EFF {
			continue
		}
		return norm.NFC.IsNormalString(s)
	}
	return true
}

// id reads an identifier of a unit, set, group or target: [a-z0-9-].
func (d *decoder) id(n *yaml.Node, what string) model.Text {
	t := d.text(n, what)
	if t.Value != "" && !validID(t.Value) {
		d.diags.Errorf(t.Pos, "bad-id", what, t.Value)
	}
	return t
}

func validID(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// loose reads a scalar that may be written as a date, a year or text (the
// deadline grammar decides later). Quoted or not, its text is kept.
func (d *decoder) loose(n *yaml.Node, what string) model.Text {
	return d.looseWant(n, what, "want-deadline")
}

// looseWant is loose, with want the diagnostic for a value that is not a
// scalar or whose type is not one of those.
func (d *decoder) looseWant(n *yaml.Node, what, want string) model.Text {
	s, ok := d.scalar(n, what, want)
	if !ok {
		return model.Text{Pos: d.pos(n)}
	}
	switch s.ShortTag() {
	case "!!str", "!!int", "!!timestamp":
	default:
		d.diags.Errorf(d.pos(n), want, what, kindName(s))
	}
	if !isNFC(s.Value) {
		d.diags.Warnf(d.pos(n), "not-nfc", what)
	}
	d.characters(n, what, s.Value)
	return model.Text{Value: s.Value, Pos: d.pos(n)}
}

// integer reads a whole number of a field with no range of its own: one
// that fits in 32 bits.
func (d *decoder) integer(n *yaml.Node, what string) (int, bool) {
	v, ok := d.integerIn(n, what, math.MinInt32, math.MaxInt32, "")
	return int(v), ok
}

// wholeDigits reports whether t is a decimal whole number: digits, with
// underscores and a sign.
func wholeDigits(t string) bool {
	t = strings.TrimLeft(t, "+-")
	return t != "" && strings.Trim(t, "0123456789_") == "" && strings.ContainsAny(t, "0123456789")
}

// integerIn reads a whole number from lo to hi. A value outside is
// reported with bad, a diagnostic that takes the value as written and
// names the accepted range ("bad-due-soon"), or, when bad is "", as a
// number too large; a value written in hexadecimal, octal or binary is
// named as such. Neither is said to be text: it is a number.
func (d *decoder) integerIn(n *yaml.Node, what string, lo, hi int64, bad string) (int64, bool) {
	s, ok := d.scalar(n, what, "want-integer")
	if !ok {
		return 0, false
	}
	if s.ShortTag() != "!!int" && !(s.ShortTag() == "!!float" && wholeDigits(s.Value)) {
		// 99999999999999999999 is a float to the YAML library: too
		// large for its integers, but a whole number all the same.
		d.diags.Errorf(d.pos(n), "want-integer", what, kindName(s))
		return 0, false
	}
	if d.leadingZero(s, what) {
		return 0, false
	}
	digits := strings.ReplaceAll(s.Value, "_", "")
	v, err := strconv.ParseInt(digits, 0, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		d.diags.Errorf(d.pos(n), "want-integer", what, diag.Word("text"))
		return 0, false
	}
	if t := strings.TrimLeft(digits, "+-"); err == nil && len(t) > 1 && t[0] == '0' {
		// 0x10, 0o17, 0b101: YAML readers disagree on them.
		d.diags.Errorf(d.pos(n), "integer-form", what, s.Value, v)
		return 0, false
	}
	if err != nil || v < lo || v > hi {
		if bad != "" {
			d.diags.Errorf(d.pos(n), bad, s.Value)
		} else {
			d.diags.Errorf(d.pos(n), "integer-too-large", what, s.Value, lo, hi)
		}
		return 0, false
	}
	return v, true
}

// number reads an integer or decimal number.
func (d *decoder) number(n *yaml.Node, what string) (float64, bool) {
	s, ok := d.scalar(n, what, "want-number")
	if !ok {
		return 0, false
	}
	if tag := s.ShortTag(); tag != "!!int" && tag != "!!float" {
		d.diags.Errorf(d.pos(n), "want-number", what, kindName(s))
		return 0, false
	}
	if d.leadingZero(s, what) {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s.Value, "_", ""), 64)
	if err != nil && s.ShortTag() == "!!int" {
		// 0x10, 0o17, 0b101: a number, in a form YAML readers disagree on.
		if i, ierr := strconv.ParseInt(strings.ReplaceAll(s.Value, "_", ""), 0, 64); ierr == nil {
			d.diags.Errorf(d.pos(n), "integer-form", what, s.Value, i)
			return 0, false
		}
		d.diags.Errorf(d.pos(n), "number-too-large", what, s.Value)
		return 0, false
	}
	switch {
	case v > 1e15 || v < -1e15 || errors.Is(err, strconv.ErrRange) && !math.IsNaN(v):
		d.diags.Errorf(d.pos(n), "number-too-large", what, s.Value)
		return 0, false
	case err != nil || v != v:
		d.diags.Errorf(d.pos(n), "want-number", what, diag.Word("text"))
		return 0, false
	}
	return v, true
}

// leadingZero refuses a number written with a leading zero (010, 007.5):
// YAML 1.1 readers take 010 for octal 8, yaml v3 for 10. It says so and
// returns true.
func (d *decoder) leadingZero(s *yaml.Node, what string) bool {
	t := strings.TrimLeft(s.Value, "+-")
	if len(t) < 2 || t[0] != '0' || t[1] < '0' || t[1] > '9' && t[1] != '_' {
		return false
	}
	fixed := strings.TrimLeft(t, "0_")
	if fixed == "" || fixed[0] == '.' {
		fixed = "0" + fixed
	}
	d.diags.Errorf(d.pos(s), "leading-zero", what, s.Value, s.Value[:len(s.Value)-len(t)]+fixed)
	return true
}

// day reads a date that names one day: a YAML date or 31/01/2024.
func (d *decoder) day(n *yaml.Node, what string) model.Date {
	t := d.looseWant(n, what, "want-date")
	if t.Value == "" {
		return model.Date{Text: t.Value, Pos: t.Pos}
	}
	v, err := dates.ParseDay(t.Value)
	if err != nil {
		if pe, ok := err.(*dates.ParseError); ok && pe.Reason == "no such day" {
			d.diags.Errorf(t.Pos, "no-such-day", what, t.Value)
		} else {
			d.diags.Errorf(t.Pos, "want-day", what, t.Value)
		}
	}
	return model.Date{Date: v, Text: t.Value, Pos: t.Pos}
}

// list calls each for every item of sequence n.
func (d *decoder) list(n *yaml.Node, what string, each func(item *yaml.Node)) {
	if n.Kind != yaml.SequenceNode {
		d.diags.Errorf(d.pos(n), "want-list", what, kindName(n))
		return
	}
	for _, it := range n.Content {
		each(it)
	}
}

// ids reads a list of unit or set ids; a single id is accepted as a list of one.
func (d *decoder) ids(n *yaml.Node, what string) []model.Text {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str" {
		return []model.Text{d.id(n, what)}
	}
	var out []model.Text
	d.list(n, what, func(it *yaml.Node) { out = append(out, d.id(it, what)) })
	return out
}
