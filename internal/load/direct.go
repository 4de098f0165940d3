package load

import (
	"bytes"
	"strconv"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/model"
	"go.yaml.in/yaml/v3"
)

// directReport decodes a report file straight into its model, without a
// yaml.Node tree: at country scale there are 100,000 report files, and
// building a tree of each only to decode it again cost a third of a
// status run. It reads what `plan06 new report`, `plan06 import` and
// `plan06 fmt` write (the plain subset fastParse reads, with the report's
// keys, a list of entries and values as a one-line flow mapping), and only
// a report that is valid as far as the decoder can tell: the fields, their
// types and ranges, the states, NFC texts without forbidden characters.
//
// It returns false, and the caller reads the file the usual way (fastParse
// or the YAML library, then the decoder), for anything else: a file the
// usual way would say something about, or one it would read in a way this
// reader does not (block-style values, an empty list, indented roots, …).
// The contract, held by TestDirectReport* and FuzzDirectReport: whenever
// it returns true, the usual way reads the same report with no diagnostic.
// A panic it did not expect sends the file the usual way too.
func directReport(src []byte, file string, r *model.Report, a *arena) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return readReportDirect(src, file, r, a)
}

// readReportDirect is directReport letting through any panic but the end
// of the subset, for the tests.
func readReportDirect(src []byte, file string, r *model.Report, a *arena) (ok bool) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	in, kinds := scanChars(src)
	if !in || kinds&textSafe == 0 {
		return false
	}
	d := &directReader{
		fastParser: fastParser{src: src, le: -1, colLine: -1, a: a},
		file:       file,
		nfc:        kinds&textNFC != 0,
	}
	defer func() {
		if v := recover(); v != nil {
			if v != errOutside {
				panic(v)
			}
			ok = false
		}
	}()
	got := d.report()
	r.Submitted, r.Document, r.Entries = got.Submitted, got.Document, got.Entries
	return true
}

// directReader is a fastParser that decodes a report as it reads.
type directReader struct {
	fastParser
	file string
	nfc  bool // every text of the file is in NFC (see scanChars)
}

// A scalar on the current line: the value src[from:to], its style and
// tag, and the offset its column is counted at (the opening quote).
type directScalar struct {
	at, from, to int
	style        yaml.Style
	tag          string
}

// Report keys and entry keys, as bits of the set of keys met.
const (
	keySubmitted = 1 << iota
	keyDocument
	keyTasks
)

const (
	keyTask = 1 << iota
	keyState
	keyProgress
	keyDone
	keyValues
	keyResult
	keyObstacles
	keyProposals
)

func (d *directReader) report() model.Report {
	var r model.Report
	var seen int
	d.advance()
	for !d.eof {
		if d.ind != 0 || d.isItem(d.ls) {
			d.outside()
		}
		end, ok := d.keyEnd(d.ls)
		if !ok {
			d.outside()
		}
		key := 0
		switch string(d.src[d.ls:end]) {
		case "submitted":
			key = keySubmitted
		case "document":
			key = keyDocument
		case "tasks":
			key = keyTasks
		}
		if key == 0 || seen&key != 0 {
			d.outside() // unknown or twice: the decoder says so
		}
		seen |= key
		switch key {
		case keySubmitted:
			r.Submitted = d.day(d.scalar(end + 1))
			d.advance()
		case keyDocument:
			r.Document = d.text(d.scalar(end + 1))
			d.advance()
		case keyTasks:
			r.Entries = d.entries(end + 1)
		}
	}
	if seen&(keySubmitted|keyTasks) != keySubmitted|keyTasks {
		d.outside() // a missing field
	}
	return r
}

// scalar reads the one-line scalar value that follows a key's colon at
// after: the value must be on the key's line.
func (d *directReader) scalar(after int) directScalar {
	i := d.spaces(after)
	if i == d.le || d.src[i] == '#' {
		d.outside()
	}
	switch d.src[i] {
	case '"', '\'':
		end, style := d.quoteEnd(i)
		d.lineEnd(end + 1)
		return directScalar{at: i, from: i + 1, to: end, style: style, tag: "!!str"}
	case '{', '[':
		d.outside()
	}
	end := d.plainEnd(i)
	tag := plainTag(d.src[i:end])
	if tag == "" {
		d.outside()
	}
	return directScalar{at: i, from: i, to: end, tag: tag}
}

func (d *directReader) pos(off int) diag.Pos {
	return diag.At(d.file, d.num, d.column(off))
}

// text is decoder.text for a scalar of the file, without a diagnostic:
// anything it would say something of ends the direct read.
func (d *directReader) text(s directScalar) model.Text {
	if s.from == s.to {
		d.outside()
	}
	v := d.a.text(d.src[s.from:s.to])
	if s.style == 0 && (s.tag != "!!str" || yaml11Traps[v] || looksNumeric(v)) {
		d.outside()
	}
	if !d.nfc && !isNFC(v) {
		d.outside()
	}
	return model.Text{Value: v, Pos: d.pos(s.at)}
}

// day is decoder.day, for a day that parses.
func (d *directReader) day(s directScalar) model.Date {
	switch {
	case s.from == s.to:
		d.outside()
	case s.style == 0 && s.tag != "!!str" && s.tag != "!!int" && s.tag != "!!timestamp":
		d.outside()
	}
	v := d.a.text(d.src[s.from:s.to])
	if !d.nfc && !isNFC(v) {
		d.outside()
	}
	day, err := dates.ParseDay(v)
	if err != nil {
		d.outside()
	}
	return model.Date{Date: day, Text: v, Pos: d.pos(s.at)}
}

// entries reads the list of a report's tasks: the value of "tasks", on the
// lines after it, items at one column, each a block mapping.
func (d *directReader) entries(after int) []model.Entry {
	d.lineEnd(after)
	d.advance()
	if d.eof {
		d.outside()
	}
	col := d.ind
	if !d.isItem(d.ls + col) {
		d.outside() // a mapping, or an empty value
	}
	var list []model.Entry
	if d.a != nil {
		list = d.a.entries[:0]
	}
	for {
		off := d.spaces(d.ls + col + 1)
		if off == d.le || d.src[off] == '#' || d.isItem(off) {
			d.outside()
		}
		if _, ok := d.keyEnd(off); !ok {
			d.outside() // an entry that is not a mapping
		}
		list = append(list, d.entry(off, off-d.ls))
		if d.eof || d.ind < col {
			break
		}
		if d.ind > col {
			d.outside()
		}
		if !d.isItem(d.ls + col) {
			break
		}
	}
	out := make([]model.Entry, len(list))
	copy(out, list)
	clear(list)
	if d.a != nil {
		d.a.entries = list[:0]
	}
	return out
}

// entry reads the mapping of one entry, whose first key is at off, at
// byte column col of its line. It leaves the reader on the line after it.
func (d *directReader) entry(off, col int) model.Entry {
	var e model.Entry
	seen := 0
	for {
		end, ok := d.keyEnd(off)
		if !ok {
			d.outside()
		}
		key := 0
		switch string(d.src[off:end]) {
		case "task":
			key = keyTask
		case "state":
			key = keyState
		case "progress":
			key = keyProgress
		case "done":
			key = keyDone
		case "values":
			key = keyValues
		case "result":
			key = keyResult
		case "obstacles":
			key = keyObstacles
		case "proposals":
			key = keyProposals
		}
		if key == 0 || seen&key != 0 {
			d.outside()
		}
		seen |= key
		switch key {
		case keyTask:
			e.Task = d.text(d.scalar(end + 1))
		case keyState:
			e.State, e.StatePos = d.state(d.scalar(end + 1))
		case keyProgress:
			e.Progress = d.a.int(d.progress(d.scalar(end + 1)))
		case keyDone:
			e.Done = d.day(d.scalar(end + 1))
		case keyValues:
			e.Values = d.values(end + 1)
		case keyResult:
			e.Result = d.text(d.scalar(end + 1))
		case keyObstacles:
			e.Obstacles = d.text(d.scalar(end + 1))
		case keyProposals:
			e.Proposals = d.text(d.scalar(end + 1))
		}
		d.advance()
		if d.eof || d.ind < col {
			break
		}
		if d.ind > col || d.isItem(d.ls+col) {
			d.outside()
		}
		off = d.ls + col
	}
	switch {
	case seen&(keyTask|keyState) != keyTask|keyState:
		d.outside() // a missing field
	case e.State == model.Done && seen&keyDone == 0:
		d.outside() // done without its day
	}
	return e
}

// state reads one of the states a report entry may give.
func (d *directReader) state(s directScalar) (model.State, diag.Pos) {
	if s.style == 0 && s.tag != "!!str" {
		d.outside()
	}
	var st model.State
	switch string(d.src[s.from:s.to]) {
	case string(model.NotStarted):
		st = model.NotStarted
	case string(model.InProgress):
		st = model.InProgress
	case string(model.Done):
		st = model.Done
	case string(model.Blocked):
		st = model.Blocked
	default:
		d.outside()
	}
	return st, d.pos(s.at)
}

// progress reads a whole number from 0 to 100.
func (d *directReader) progress(s directScalar) int {
	if s.style != 0 || s.tag != "!!int" {
		d.outside()
	}
	n, err := strconv.Atoi(string(d.src[s.from:s.to]))
	if err != nil || n < 0 || n > 100 {
		d.outside()
	}
	return n
}

// values reads a one-line flow mapping of target ids to numbers, such as
// {ti-le-06: 90, so-ho-so: 12}, as fastParser.flow reads it.
func (d *directReader) values(after int) []model.Value {
	i := d.spaces(after)
	if i == d.le || d.src[i] != '{' {
		d.outside()
	}
	i = d.spaces(i + 1)
	if i < d.le && d.src[i] == '}' {
		d.lineEnd(i + 1)
		return nil
	}
	var vals []model.Value
	for {
		end, ok := d.keyEnd(i)
		if !ok || end+1 == d.le {
			d.outside()
		}
		k := d.text(directScalar{at: i, from: i, to: end, tag: plainTag(d.src[i:end])})
		if !validID(k.Value) {
			d.outside()
		}
		for _, v := range vals {
			if v.Target.Value == k.Value {
				d.outside() // twice
			}
		}
		i = d.spaces(end + 1)
		if i == d.le || d.src[i] == '"' || d.src[i] == '\'' {
			d.outside() // no value, or a quoted one: not a number
		}
		last, next := d.flowPlainEnd(i)
		v := d.src[i:last]
		if tag := plainTag(v); tag != "!!int" && tag != "!!float" || len(v) > 1 && v[0] == '0' && v[1] != '.' {
			d.outside() // text, or a leading zero
		}
		f, err := strconv.ParseFloat(string(v), 64)
		if err != nil || f > 1e15 || f < -1e15 {
			d.outside()
		}
		vals = append(vals, model.Value{Target: k, Value: f})
		i = d.spaces(next)
		if i == d.le {
			d.outside()
		}
		switch d.src[i] {
		case '}':
			d.lineEnd(i + 1)
			return vals
		case ',':
			i = d.spaces(i + 1)
			if i == d.le || d.src[i] == '}' {
				d.outside() // a trailing comma
			}
		default:
			d.outside()
		}
	}
}
