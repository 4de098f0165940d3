package dates

import (
	"sort"
	"time"

	"github.com/plan06/plan06/internal/i18n"
)

// Calendar answers which days are working days, and names days for the
// deadline grammar ("trước Tết Nguyên đán 2024"). It is read-only once built,
// so one calendar may be shared by goroutines. A nil *Calendar is the
// default calendar of SPEC §2 (no calendar.yaml): Saturday and Sunday off,
// no holidays, no names.
type Calendar struct {
	weekend [7]bool
	// off holds the days off, sorted and merged, as spans rather than one
	// entry per day so that a long (or mistyped) range costs no memory.
	off   []Span
	work  map[Date]bool   // make-up working days
	named map[string]Date // keys folded with i18n.Fold
}

// maxRollover bounds the search for a next working day: a real calendar
// never has two years of days off in a row, and a broken one must not hang
// the tool.
const maxRollover = 366 * 2

// lastDay is the last day a Date can hold in the grammar's years 1–9999.
var lastDay = MustNew(9999, time.December, 31)

// defaultCalendar stands in for a nil *Calendar.
var defaultCalendar = NewCalendar(nil, nil, nil, nil)

// NewCalendar builds a calendar from calendar.yaml. weekend nil means
// Saturday and Sunday (the default when the key is absent); an empty non-nil
// slice means no weekend at all. daysOff are holidays, both ends included; a
// span whose ends are reversed or zero marks nothing (validation reports it).
// workingDays are make-up working days: they are worked even on a weekend or
// inside a span of daysOff. named maps names of days as written to their
// dates; when two names fold alike the earlier date is kept, so the result
// does not depend on map order.
func NewCalendar(weekend []time.Weekday, daysOff []Span, workingDays []Date, named map[string]Date) *Calendar {
	c := &Calendar{work: map[Date]bool{}, named: map[string]Date{}}
	if weekend == nil {
		weekend = []time.Weekday{time.Saturday, time.Sunday}
	}
	for _, w := range weekend {
		if w >= time.Sunday && w <= time.Saturday {
			c.weekend[w] = true
		}
	}
	c.off = mergeSpans(daysOff)
	for _, d := range workingDays {
		if !d.IsZero() {
			c.work[d] = true
		}
	}
	for name, d := range named {
		k := i18n.Fold(name)
		if k == "" || d.IsZero() {
			continue
		}
		if old, ok := c.named[k]; !ok || d.Before(old) {
			c.named[k] = d
		}
	}
	return c
}

// mergeSpans sorts the valid spans and joins those that overlap or touch,
// so that a binary search can find the one that holds a day.
func mergeSpans(spans []Span) []Span {
	var out []Span
	for _, s := range spans {
		if !s.From.IsZero() && !s.To.IsZero() && !s.To.Before(s.From) {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].From.Before(out[j].From) })
	merged := out[:0]
	for _, s := range out {
		if n := len(merged); n > 0 && s.From.Sub(merged[n-1].To) <= 1 {
			if s.To.After(merged[n-1].To) {
				merged[n-1].To = s.To
			}
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// orDefault lets every method treat a nil calendar as the default one.
func (c *Calendar) orDefault() *Calendar {
	if c == nil {
		return defaultCalendar
	}
	return c
}

// IsWorkingDay reports whether d is worked: a make-up working day always is,
// a day off never is, otherwise any day outside the weekend.
func (c *Calendar) IsWorkingDay(d Date) bool {
	c = c.orDefault()
	if c.work[d] {
		return true
	}
	if c.isOff(d) {
		return false
	}
	return !c.weekend[d.Weekday()]
}

// isOff reports whether d falls in one of the spans of days off.
func (c *Calendar) isOff(d Date) bool {
	i := sort.Search(len(c.off), func(i int) bool { return !c.off[i].To.Before(d) })
	return i < len(c.off) && !d.Before(c.off[i].From)
}

// Effective is the deadline that applies for a nominal day d (SPEC §3.1,
// Civil Code 2015 art. 148(5)): with rollover, a day that is not worked
// moves to the next working day; without, or when d is worked, d stays. The
// zero date stays zero. If no working day comes within two years (a broken
// calendar) or before 9999-12-31, d is returned unchanged rather than
// looping.
func (c *Calendar) Effective(d Date, rollover bool) Date {
	c = c.orDefault()
	if !rollover || d.IsZero() || c.IsWorkingDay(d) {
		return d
	}
	for x, i := d.AddDays(1), 0; i < maxRollover && !x.After(lastDay); x, i = x.AddDays(1), i+1 {
		if c.IsWorkingDay(x) {
			return x
		}
	}
	return d
}

// Named returns the day the calendar calls name, matching case and
// diacritics aside as the rest of the grammar does. Its method value is a
// NamedDays for Parse.
func (c *Calendar) Named(name string) (Date, bool) {
	c = c.orDefault()
	d, ok := c.named[i18n.Fold(name)]
	return d, ok
}

// AddWorkingDays returns the n-th working day after d (d itself for n ≤ 0).
// Like Effective, it gives up after two years of days off (a broken
// calendar) and returns the last day it reached.
func (c *Calendar) AddWorkingDays(d Date, n int) Date {
	c = c.orDefault()
	if d.IsZero() {
		return d
	}
	x := d
	for i := 0; n > 0 && i < maxRollover && x.Before(lastDay); i++ {
		x = x.AddDays(1)
		if c.IsWorkingDay(x) {
			n--
		}
	}
	return x
}
