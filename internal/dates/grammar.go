package dates

import (
	"strings"
	"time"

	"github.com/plan06/plan06/internal/i18n"
)

// The grammar works on folded text (i18n.Fold): lower case, no diacritics,
// đ as d, single spaces. So "Quý I năm 2024", "QUÝ I NĂM 2024", "quy i nam
// 2024" and the NFD spelling all read alike, and each form below is written
// once, in folded words. A text is cut into words at spaces; a comma just
// before "nam" ("quý I, năm 2024") is dropped, any other comma is kept and
// so rejected.

// Parse reads a deadline text (SPEC §2.1): a day, a month, a quarter, a half
// year or a year, in ISO or in the plan's Vietnamese words; "trước <day>" and
// "trước <named day>" (a last day with no first day); "Từ <period or day>",
// "Thường xuyên" and "Hằng tháng" (ongoing); or a bare named day. named
// resolves names of the calendar and may be nil. Errors are *ParseError.
func Parse(text string, named NamedDays) (Deadline, error) {
	f := i18n.Fold(text)
	d, reason := parseFolded(f, named)
	if reason == "" {
		return d, nil
	}
	// A bare named day comes last so that no name can shadow the grammar
	// ("2024" stays a year even if the calendar has a day called so), but
	// a name may still look like a broken form ("Trước Tết" as a name).
	if day, ok := lookup(named, f); ok {
		return Deadline{First: day, Last: day}, nil
	}
	return Deadline{}, &ParseError{Text: text, Reason: reason}
}

// ParseDay reads a text that names exactly one day: 2024-01-31, 31/01/2024,
// 31/1/2024, each with an optional leading "ngày", or the long form "ngày 31
// tháng 01 năm 2024" of Vietnamese documents. It is used for --as-of,
// `submitted` and `done`, where a period would be a mistake.
func ParseDay(text string) (Date, error) {
	// Fast path: nearly every submitted and done day is ISO, and reports
	// are read by the hundred thousand.
	if d, ok := ParseISO(text); ok {
		return d, nil
	}
	d, reason := parseDay(words(i18n.Fold(text)))
	if reason == "" {
		return d, nil
	}
	if reason != ReasonNoSuchDay {
		reason = ReasonNotDay
	}
	return Date{}, &ParseError{Text: text, Reason: reason}
}

// parseFolded is Parse without the bare named day; it returns "" or the
// reason of the failure.
func parseFolded(f string, named NamedDays) (Deadline, string) {
	switch f {
	case "thuong xuyen", "hang thang": // "hằng tháng" and "hàng tháng" fold alike
		return Deadline{Ongoing: true}, ""
	}
	if rest, ok := strings.CutPrefix(f, "tu "); ok {
		return parseFrom(rest, named)
	}
	if rest, ok := strings.CutPrefix(f, "truoc "); ok {
		return parseBefore(rest, named)
	}
	w := words(f)
	// "Trong năm 2024" is the plan's way to say "within 2024"; the same word
	// before any other period means the same thing, so it is simply skipped.
	if len(w) > 1 && w[0] == "trong" {
		w = w[1:]
	}
	sp, reason := parseSpan(w)
	if reason != "" {
		return Deadline{}, reason
	}
	return Deadline{First: sp.From, Last: sp.To}, ""
}

// parseFrom reads what follows "Từ": the task is ongoing from the first day
// of that period, day or named day.
func parseFrom(rest string, named NamedDays) (Deadline, string) {
	sp, reason := parseSpan(words(rest))
	if reason == "" {
		return Deadline{Ongoing: true, First: sp.From}, ""
	}
	if reason == ReasonNoSuchDay {
		return Deadline{}, reason
	}
	if day, ok := lookup(named, rest); ok {
		return Deadline{Ongoing: true, First: day}, ""
	}
	return Deadline{}, ReasonNotDeadline
}

// parseBefore reads what follows "trước": a day or a named day, which is
// itself the last day (SPEC §2.1). A longer period after "trước" is
// rejected rather than guessed: "trước quý I" could mean the end of Q1 or
// the end of the year before.
func parseBefore(rest string, named NamedDays) (Deadline, string) {
	w := words(rest)
	day, reason := parseDay(w)
	if reason == "" {
		return Deadline{Last: day}, ""
	}
	if reason == ReasonNoSuchDay {
		return Deadline{}, reason
	}
	if day, ok := lookup(named, rest); ok {
		return Deadline{Last: day}, ""
	}
	if _, r := parseSpan(w); r == "" {
		return Deadline{}, ReasonNotDeadline
	}
	return Deadline{}, ReasonUnknownNamedDay
}

// lookup asks named for a folded name. A zero date from the lookup counts as
// not found, so that a deadline never ends up with neither a last day nor
// Ongoing.
func lookup(named NamedDays, name string) (Date, bool) {
	if named == nil || name == "" {
		return Date{}, false
	}
	d, ok := named(name)
	return d, ok && !d.IsZero()
}

// words cuts folded text into words, dropping a comma that only separates
// a number from "nam" ("quy i, nam 2024").
func words(f string) []string {
	raw := strings.Fields(strings.ReplaceAll(f, ",", " , "))
	w := raw[:0]
	for i, s := range raw {
		if s == "," && i > 0 && i+1 < len(raw) && raw[i+1] == "nam" {
			continue
		}
		w = append(w, s)
	}
	return w
}

// spanForm is one row of the grammar: a pattern of folded words, where "?"
// stands for any one word, and what the words captured by "?" mean.
type spanForm struct {
	pattern string
	span    func(args []string) (Span, string)
}

// dayForms are the forms that name one day.
var dayForms = []spanForm{
	{"?", func(a []string) (Span, string) { return daySpan(dayWord(a[0])) }},
	{"ngay ?", func(a []string) (Span, string) { return daySpan(dayWord(a[0])) }},
	{"ngay ? thang ? nam ?", longDay},
}

// periodForms are the forms that name a month, quarter, half or year. The
// single-word ISO forms (2024, 2024-03, 2024-Q1, 2024-H1) share one row.
var periodForms = []spanForm{
	{"?", isoPeriod},
	{"nam ?", func(a []string) (Span, string) { return yearSpan(a[0]) }},
	{"thang ? nam ?", func(a []string) (Span, string) { return monthSpan(a[0], a[1]) }},
	{"thang ?", func(a []string) (Span, string) { return slashed(a[0], monthSpan) }},
	{"quy ? nam ?", func(a []string) (Span, string) { return quarterSpan(a[0], a[1]) }},
	{"quy ?", func(a []string) (Span, string) { return slashed(a[0], quarterSpan) }},
	{"6 thang dau nam ?", func(a []string) (Span, string) { return halfSpan(a[0], 1) }},
	{"6 thang cuoi nam ?", func(a []string) (Span, string) { return halfSpan(a[0], 2) }},
}

// parseDay reads words that name one day.
func parseDay(w []string) (Date, string) {
	sp, reason := match(w, dayForms)
	return sp.From, reason
}

// parseSpan reads words that name a day or a period.
func parseSpan(w []string) (Span, string) {
	sp, reason := match(w, dayForms)
	if reason != ReasonNotDeadline {
		return sp, reason
	}
	return match(w, periodForms)
}

// match tries the forms in order. "no such day" wins over "not a deadline"
// because a text shaped like a day is a typo in a day, not some other form.
func match(w []string, forms []spanForm) (Span, string) {
	best := ReasonNotDeadline
	for _, f := range forms {
		args, ok := fit(w, f.pattern)
		if !ok {
			continue
		}
		sp, reason := f.span(args)
		if reason == "" {
			return sp, ""
		}
		if reason == ReasonNoSuchDay {
			best = reason
		}
	}
	return Span{}, best
}

// fit matches words against a pattern and returns the words that stood for
// "?".
func fit(w []string, pattern string) ([]string, bool) {
	p := strings.Fields(pattern)
	if len(p) != len(w) {
		return nil, false
	}
	var args []string
	for i, s := range p {
		switch s {
		case "?":
			args = append(args, w[i])
		case w[i]:
		default:
			return nil, false
		}
	}
	return args, true
}

// daySpan makes a one-day span.
func daySpan(d Date, reason string) (Span, string) {
	if reason != "" {
		return Span{}, reason
	}
	return Span{d, d}, ""
}

// dayWord reads one word naming a day: 2024-03-31, 2024-3-31, 31/03/2024
// or 31/3/2024. The ISO-like form takes one-digit months and days as the
// slashed one does, since people type --as-of 2024-4-20 as readily as
// 20/4/2024. A word with the shape of a day that does not exist gives "no
// such day".
func dayWord(s string) (Date, string) {
	if p := strings.Split(s, "-"); len(p) == 3 {
		y, ok1 := digits(p[0], 4, 4)
		m, ok2 := digits(p[1], 1, 2)
		d, ok3 := digits(p[2], 1, 2)
		if ok1 && ok2 && ok3 {
			return newDay(y, m, d)
		}
		return Date{}, ReasonNotDeadline
	}
	p := strings.Split(s, "/")
	if len(p) != 3 {
		return Date{}, ReasonNotDeadline
	}
	d, ok1 := digits(p[0], 1, 2)
	m, ok2 := digits(p[1], 1, 2)
	y, ok3 := digits(p[2], 4, 4)
	if !ok1 || !ok2 || !ok3 {
		return Date{}, ReasonNotDeadline
	}
	return newDay(y, m, d)
}

// longDay reads "ngày 31 tháng 01 năm 2024", the form documents are dated in.
func longDay(a []string) (Span, string) {
	d, ok1 := digits(a[0], 1, 2)
	m, ok2 := digits(a[1], 1, 2)
	y, ok3 := digits(a[2], 4, 4)
	if !ok1 || !ok2 || !ok3 {
		return Span{}, ReasonNotDeadline
	}
	return daySpan(newDay(y, m, d))
}

// newDay builds a day whose digits are already known to be well formed.
func newDay(y, m, d int) (Date, string) {
	day, ok := New(y, time.Month(m), d)
	if !ok {
		return Date{}, ReasonNoSuchDay
	}
	return day, ""
}

// isoPeriod reads the one-word forms 2024, 2024-03, 2024-Q1 and 2024-H1.
func isoPeriod(a []string) (Span, string) {
	s := a[0]
	if len(s) == 4 {
		return yearSpan(s)
	}
	if len(s) != 7 || s[4] != '-' {
		return Span{}, ReasonNotDeadline
	}
	switch s[5] {
	case 'q':
		return quarterSpan(s[6:], s[:4])
	case 'h':
		n, ok := digits(s[6:], 1, 1)
		if !ok {
			return Span{}, ReasonNotDeadline
		}
		return halfSpan(s[:4], n)
	}
	return monthSpan(s[5:], s[:4])
}

// slashed splits "3/2024" or "I/2024" and hands both halves to span.
func slashed(s string, span func(n, year string) (Span, string)) (Span, string) {
	n, year, ok := strings.Cut(s, "/")
	if !ok {
		return Span{}, ReasonNotDeadline
	}
	return span(n, year)
}

// yearSpan is the whole of a year written with four digits.
func yearSpan(year string) (Span, string) {
	y, ok := yearWord(year)
	if !ok {
		return Span{}, ReasonNotDeadline
	}
	return months(y, 1, 12), ""
}

// monthSpan is one month; the month may be written 3 or 03.
func monthSpan(month, year string) (Span, string) {
	y, ok1 := yearWord(year)
	m, ok2 := digits(month, 1, 2)
	if !ok1 || !ok2 || m < 1 || m > 12 {
		return Span{}, ReasonNotDeadline
	}
	return months(y, time.Month(m), time.Month(m)), ""
}

// quarterSpan is one quarter, written I–IV or 1–4.
func quarterSpan(q, year string) (Span, string) {
	y, ok := yearWord(year)
	n := quarters[q]
	if !ok || n == 0 {
		return Span{}, ReasonNotDeadline
	}
	last := time.Month(3 * n)
	return months(y, last-2, last), ""
}

// quarters are the ways a quarter number is written: Roman, as the plan
// documents do, or Arabic.
var quarters = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

// halfSpan is the first (1) or second (2) half of a year.
func halfSpan(year string, half int) (Span, string) {
	y, ok := yearWord(year)
	if !ok || half < 1 || half > 2 {
		return Span{}, ReasonNotDeadline
	}
	last := time.Month(6 * half)
	return months(y, last-5, last), ""
}

// months spans the months from..to of year y, both included.
func months(y int, from, to time.Month) Span {
	return Span{Month{y, from}.First(), Month{y, to}.Last()}
}

// yearWord reads a year of exactly four digits, 0001–9999. Two-digit years
// are refused: "24" is too easily a typo to guess a century for.
func yearWord(s string) (int, bool) {
	y, ok := digits(s, 4, 4)
	return y, ok && y >= 1
}

// digits reads an unsigned decimal of min to max ASCII digits.
func digits(s string, min, max int) (int, bool) {
	if len(s) < min || len(s) > max {
		return 0, false
	}
	return atoi(s)
}
