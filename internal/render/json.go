package render

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/safetext"
	"github.com/plan06/plan06/internal/status"
)

// StatusFormat names the JSON of `plan06 status -o json`; it changes only
// when a change would break a script that reads it.
const StatusFormat = "plan06/status/v1"

// StatusJSON writes r as the stable JSON of SPEC §4.1: keys in the spec's
// order, two-space indent, ISO dates, null for a missing day or number,
// [] for an empty list, and a final new line. Unlike the other renderers
// it takes no Options: scripts must get the same bytes whatever the
// terminal or language. Text from the plan goes through safetext.Clean, as
// in every other output: encoding/json would keep the JSON valid by
// escaping a control character, but `jq -r` would print it raw again, and
// C1 controls and bidirectional overrides it leaves as they are.
//
// The document is written as it is produced, a piece at a time through a
// bufio.Writer, by a hand-written encoder for these few shapes: at the
// country's scale it is some fifteen megabytes, which encoding/json would
// first build whole, then copy once more to indent. The bytes are exactly
// those of encoding/json's Encoder with SetIndent("", "  ") and
// SetEscapeHTML(false) over the structs of SPEC §4.1 (string escapes,
// number forms and all), which TestStatusJSONMatchesEncodingJSON checks on
// generated results.
func StatusJSON(w io.Writer, r *status.Result) error {
	e := jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	s := r.Summary()

	b := e.piece()
	b = append(b, "{\n  \"format\": "...)
	b = appendJSONString(b, StatusFormat)
	b = append(b, ",\n  \"plan\": "...)
	b = appendJSONString(b, safetext.Clean(r.Plan.ID.Value))
	b = append(b, ",\n  \"as_of\": "...)
	b = appendJSONDay(b, r.AsOf, false)
	b = append(b, ",\n  \"cycle\": {\n    \"month\": "...)
	b = appendJSONMonth(b, r.Cycle.Month)
	b = append(b, ",\n    \"deadline\": "...)
	b = appendJSONDay(b, r.Cycle.Deadline, true)
	b = append(b, ",\n    \"period_from\": "...)
	b = appendJSONDay(b, r.Cycle.PeriodFrom, true)
	b = append(b, ",\n    \"period_to\": "...)
	b = appendJSONDay(b, r.Cycle.PeriodTo, true)
	b = append(b, "\n  },\n  \"summary\": {\n    \"tasks\": "...)
	b = strconv.AppendInt(b, int64(s.Tasks), 10)
	b = append(b, ",\n    \"by_status\": {"...)
	for i, st := range jsonStatuses {
		b = appendJSONCount(b, i, string(st), s.ByStatus[st])
	}
	b = append(b, "\n    },\n    \"by_outcome\": {"...)
	for i, o := range jsonOutcomes {
		b = appendJSONCount(b, i, string(o), s.ByOutcome[o])
	}
	b = append(b, "\n    },\n    \"reports\": {"...)
	for i, st := range jsonReportStates {
		b = appendJSONCount(b, i, string(st), s.Reports[st])
	}
	b = append(b, "\n    }\n  },\n  \"tasks\": ["...)
	e.write(b)

	for i := range r.Tasks {
		if e.err != nil {
			return e.err
		}
		e.task(&r.Tasks[i], i == 0)
	}
	b = e.piece()
	if len(r.Tasks) > 0 {
		b = append(b, "\n  "...)
	}
	b = append(b, "],\n  \"units\": ["...)
	e.write(b)

	for i := range r.Units {
		if e.err != nil {
			return e.err
		}
		u := &r.Units[i]
		b = e.piece()
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n    {\n      \"unit\": "...)
		b = appendJSONString(b, safetext.Clean(u.Unit.ID.Value))
		b = append(b, ",\n      \"name\": "...)
		b = appendJSONString(b, safetext.Clean(u.Unit.Name.Value))
		b = append(b, ",\n      \"report\": "...)
		b = appendJSONString(b, string(u.State))
		b = append(b, ",\n      \"submitted\": "...)
		b = appendJSONDay(b, u.Submitted, true)
		b = append(b, "\n    }"...)
		e.write(b)
	}
	b = e.piece()
	if len(r.Units) > 0 {
		b = append(b, "\n  "...)
	}
	b = append(b, "]\n}\n"...)
	e.write(b)
	if e.err != nil {
		return e.err
	}
	return e.w.Flush()
}

// The members of the summary's objects, in the order of SPEC §4.1: fixed
// here, whatever order the status package lists them in.
var (
	jsonStatuses = [...]status.Status{status.Done, status.Overdue, status.Blocked,
		status.AtRisk, status.DueSoon, status.InProgress, status.NotStarted}
	jsonOutcomes = [...]status.Outcome{status.DoneOnTime, status.DoneLate,
		status.OpenInTime, status.OpenOverdue, status.Standing}
	jsonReportStates = [...]status.ReportState{status.OnTime, status.Late,
		status.Missing, status.Pending}
)

// jsonWriter streams the document: each piece (a task's head, an
// assignment, a unit) is appended to the free end of the bufio.Writer's
// buffer and handed back to it, so no piece is copied twice and the
// document is never whole in memory.
type jsonWriter struct {
	w   *bufio.Writer
	err error
}

// pieceRoom is the free space a piece is given: it holds any ordinary
// piece, so that appending to it does not reallocate. A longer one (a very
// long title) still works, through a new slice.
const pieceRoom = 4 << 10

// piece returns an empty slice at the free end of the buffer, with at
// least pieceRoom of capacity.
func (e *jsonWriter) piece() []byte {
	if e.w.Available() < pieceRoom {
		if err := e.w.Flush(); err != nil && e.err == nil {
			e.err = err
		}
	}
	return e.w.AvailableBuffer()
}

func (e *jsonWriter) write(b []byte) {
	if _, err := e.w.Write(b); err != nil && e.err == nil {
		e.err = err
	}
}

// task writes one element of "tasks", its assignments a piece each.
func (e *jsonWriter) task(t *status.Task, first bool) {
	b := e.piece()
	if !first {
		b = append(b, ',')
	}
	b = append(b, "\n    {\n      \"id\": "...)
	b = appendJSONString(b, safetext.Clean(t.Task.ID.Value))
	b = append(b, ",\n      \"title\": "...)
	b = appendJSONString(b, safetext.Clean(t.Task.Title.Value))
	b = append(b, ",\n      \"group\": "...)
	b = appendJSONString(b, safetext.Clean(t.Task.Group.Value))
	b = append(b, ",\n      \"due\": "...)
	if t.Ongoing {
		b = append(b, "null"...)
	} else {
		b = appendJSONDay(b, t.Due, true)
	}
	b = append(b, ",\n      \"ongoing\": "...)
	b = strconv.AppendBool(b, t.Ongoing)
	b = append(b, ",\n      \"status\": "...)
	b = appendJSONString(b, string(t.Status))
	b = append(b, ",\n      \"outcome\": "...)
	b = appendJSONString(b, string(t.Outcome))
	b = append(b, ",\n      \"progress\": "...)
	b = strconv.AppendInt(b, int64(t.Progress), 10)
	b = append(b, ",\n      \"assignments\": ["...)
	e.write(b)

	for i := range t.Assignments {
		if e.err != nil {
			return
		}
		e.assignment(&t.Assignments[i], i == 0)
	}
	b = e.piece()
	if len(t.Assignments) > 0 {
		b = append(b, "\n      "...)
	}
	b = append(b, "]\n    }"...)
	e.write(b)
}

// assignment writes one element of a task's "assignments".
func (e *jsonWriter) assignment(a *status.Assignment, first bool) {
	b := e.piece()
	if !first {
		b = append(b, ',')
	}
	b = append(b, "\n        {\n          \"unit\": "...)
	b = appendJSONString(b, safetext.Clean(a.Unit.ID.Value))
	b = append(b, ",\n          \"status\": "...)
	b = appendJSONString(b, string(a.Status))
	b = append(b, ",\n          \"outcome\": "...)
	b = appendJSONString(b, string(a.Outcome))
	b = append(b, ",\n          \"state\": "...)
	b = appendJSONString(b, safetext.Clean(string(a.State)))
	b = append(b, ",\n          \"progress\": "...)
	b = strconv.AppendInt(b, int64(a.Progress), 10)
	b = append(b, ",\n          \"done\": "...)
	b = appendJSONDay(b, a.Done, true)
	b = append(b, ",\n          \"late\": "...)
	b = strconv.AppendBool(b, a.Late)
	b = append(b, ",\n          \"last_report\": "...)
	if a.LastReport == (dates.Month{}) {
		b = append(b, "null"...)
	} else {
		b = appendJSONMonth(b, a.LastReport)
	}
	b = append(b, ",\n          \"targets\": ["...)
	for i := range a.Targets {
		ts := &a.Targets[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n            {\n              \"id\": "...)
		b = appendJSONString(b, safetext.Clean(ts.Target.ID.Value))
		b = append(b, ",\n              \"required\": "...)
		b = appendJSONNumber(b, ts.Required)
		b = append(b, ",\n              \"value\": "...)
		b = appendJSONNumber(b, ts.Value)
		b = append(b, ",\n              \"value_month\": "...)
		if finite(ts.Value) && ts.ValueMonth != (dates.Month{}) {
			b = appendJSONMonth(b, ts.ValueMonth)
		} else {
			b = append(b, "null"...)
		}
		b = append(b, ",\n              \"met\": "...)
		if ts.Met == nil {
			b = append(b, "null"...)
		} else {
			b = strconv.AppendBool(b, *ts.Met)
		}
		b = append(b, "\n            }"...)
	}
	if len(a.Targets) > 0 {
		b = append(b, "\n          "...)
	}
	b = append(b, "]\n        }"...)
	e.write(b)
}

// appendJSONCount appends the i-th member of a summary object of counts.
func appendJSONCount(b []byte, i int, key string, n int) []byte {
	if i > 0 {
		b = append(b, ',')
	}
	b = append(b, "\n      "...)
	b = appendJSONString(b, key)
	b = append(b, ": "...)
	return strconv.AppendInt(b, int64(n), 10)
}

// appendJSONDay appends d in ISO form as a JSON string; the zero day is
// null when nullable, else "" (as_of is never zero).
func appendJSONDay(b []byte, d dates.Date, nullable bool) []byte {
	if d.IsZero() {
		if nullable {
			return append(b, "null"...)
		}
		return append(b, `""`...)
	}
	y, m, x := d.YMD()
	if y < 0 || y > 9999 {
		return appendJSONString(b, d.String())
	}
	b = append(b, '"')
	b = append4(b, y)
	b = append(b, '-')
	b = append2(b, int(m))
	b = append(b, '-')
	b = append2(b, x)
	return append(b, '"')
}

// appendJSONMonth appends m as YYYY-MM, as Month.String writes it.
func appendJSONMonth(b []byte, m dates.Month) []byte {
	if m.Year < 0 || m.Year > 9999 || m.Month < 0 || m.Month > 99 {
		return appendJSONString(b, m.String())
	}
	b = append(b, '"')
	b = append4(b, m.Year)
	b = append(b, '-')
	b = append2(b, int(m.Month))
	return append(b, '"')
}

// append4 and append2 append 0 <= n <= 9999 (99) zero-padded, as %04d
// (%02d) does.
func append4(b []byte, n int) []byte {
	return append(b, byte('0'+n/1000), byte('0'+n/100%10), byte('0'+n/10%10), byte('0'+n%10))
}

func append2(b []byte, n int) []byte {
	return append(b, byte('0'+n/10), byte('0'+n%10))
}

// finite reports whether f is a number JSON can hold: not nil, not an
// infinity, not NaN (YAML can spell them, JSON cannot). Any other is
// written as null, so one odd value cannot make the whole output fail.
func finite(f *float64) bool {
	return f != nil && !math.IsInf(*f, 0) && !math.IsNaN(*f)
}

// appendJSONNumber appends *f, or null when it is not finite.
func appendJSONNumber(b []byte, f *float64) []byte {
	if !finite(f) {
		return append(b, "null"...)
	}
	return appendJSONFloat(b, *f)
}

// appendJSONFloat appends a finite f as encoding/json writes a float64:
// like ES6's number to string, the shortest form that reads back the same,
// in exponent form below 1e-6 and from 1e21 on, with no padding of the
// exponent (1e-7, not 1e-07).
func appendJSONFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendJSONString appends s as a JSON string exactly as encoding/json
// does with SetEscapeHTML(false): " and \ escaped, \b \f \n \r \t in
// short form, other bytes below 0x20 as \u00XX, each byte of invalid UTF-8
// as \ufffd, U+2028 and U+2029 as \u2028 and \u2029, the rest (<, >, &
// and DEL included) as it is.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
