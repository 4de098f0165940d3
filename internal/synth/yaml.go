package synth

import (
	"bytes"
	"strconv"
	"strings"
)

// The writer emits the canonical style of SPEC §6 directly: 2-space indent,
// block sequences indented under their key, keys in the order of SPEC §2, LF,
// one final newline. Writing text (rather than marshalling maps) keeps the key
// order fixed and the output byte-identical for a seed.

// str renders a string scalar: plain when YAML reads it back as the same
// string, double-quoted otherwise. flow is set inside [..] and {..}.
func str(s string, flow bool) string {
	if plainOK(s, flow) {
		return s
	}
	return quoted(s)
}

// quoted always double-quotes (task ids are quoted strings by convention).
func quoted(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// yamlWords are the plain scalars YAML 1.1 or 1.2 would read as null or a bool.
var yamlWords = map[string]bool{
	"~": true, "null": true, "true": true, "false": true, "yes": true, "no": true,
	"on": true, "off": true, "y": true, "n": true,
}

func plainOK(s string, flow bool) bool {
	if s == "" || s != strings.TrimSpace(s) || yamlWords[strings.ToLower(s)] {
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`.+0123456789") && looksTyped(s) {
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") ||
		strings.ContainsAny(s, "\n\t\r\\\"") {
		return false
	}
	if flow && strings.ContainsAny(s, ",[]{}") {
		return false
	}
	return true
}

// looksTyped is a conservative test for numbers, dates, times and .inf/.nan:
// any text made only of digits and number punctuation is quoted.
func looksTyped(s string) bool {
	l := strings.ToLower(s)
	switch strings.TrimLeft(l, "+-") {
	case ".inf", ".nan":
		return true
	}
	for _, r := range l {
		if !strings.ContainsRune("0123456789+-._:eoxabcdf", r) {
			return false
		}
	}
	return true
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// flowList renders [a, b, c] of plain-or-quoted scalars.
func flowList(items []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, it := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(str(it, true))
	}
	b.WriteByte(']')
	return b.String()
}

// doc is a YAML document under construction.
type doc struct{ bytes.Buffer }

// kv writes "indent key: value" with value already rendered.
func (d *doc) kv(indent int, key, value string) {
	for range indent {
		d.WriteByte(' ')
	}
	d.WriteString(key)
	d.WriteString(": ")
	d.WriteString(value)
	d.WriteByte('\n')
}

// key writes "indent key:" opening a block.
func (d *doc) key(indent int, key string) {
	for range indent {
		d.WriteByte(' ')
	}
	d.WriteString(key)
	d.WriteString(":\n")
}

// item writes "indent- key: value", the first key of a sequence item.
func (d *doc) item(indent int, key, value string) {
	for range indent {
		d.WriteByte(' ')
	}
	d.WriteString("- ")
	d.WriteString(key)
	d.WriteString(": ")
	d.WriteString(value)
	d.WriteByte('\n')
}

// line writes "indent- value", a sequence item that is one scalar or flow node.
func (d *doc) line(indent int, value string) {
	for range indent {
		d.WriteByte(' ')
	}
	d.WriteString("- ")
	d.WriteString(value)
	d.WriteByte('\n')
}
