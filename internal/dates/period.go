package dates

import (
	"fmt"
	"strings"
	"time"
)

// PeriodKind says how long a report period is: what `plan06 report PERIOD`
// compiles (a monthly report, the 6-month review or the yearly review).
type PeriodKind int

// The kinds start at 1 so that a zero Period is recognisably not a period.
const (
	// PeriodMonth is one monthly reporting cycle (2024-03).
	PeriodMonth PeriodKind = iota + 1
	// PeriodHalf is the 6-month review, sơ kết 6 tháng (2024-H1, 2024-H2).
	PeriodHalf
	// PeriodYear is the yearly review, tổng kết năm (2024).
	PeriodYear
)

// Period is a report period as given to `plan06 report`.
type Period struct {
	// Kind says which of the other fields matter.
	Kind PeriodKind
	// Year is the year of the period, for every kind.
	Year int
	// Half is 1 or 2 for PeriodHalf, else 0.
	Half int
	// Month is the cycle's month for PeriodMonth, else zero.
	Month Month
	// Text is the canonical spelling (2024-03, 2024-H1, 2024), whatever case
	// the user typed, for titles and file names.
	Text string
}

// ParsePeriod reads a report period: a month 2024-03, a half 2024-H1 or
// 2024-H2 (h in either case), or a year 2024. Errors are *ParseError with
// Reason ReasonNotPeriod.
func ParsePeriod(text string) (Period, error) {
	s := strings.ToUpper(strings.TrimSpace(text))
	var p Period
	switch {
	case len(s) == 4:
		y, ok := yearWord(s)
		if !ok {
			break
		}
		p = Period{Kind: PeriodYear, Year: y}
	case len(s) == 7 && s[4] == '-' && s[5] == 'H':
		y, ok := yearWord(s[:4])
		if !ok || (s[6] != '1' && s[6] != '2') {
			break
		}
		p = Period{Kind: PeriodHalf, Year: y, Half: int(s[6] - '0')}
	default:
		m, ok := ParseMonth(s)
		if !ok {
			break
		}
		p = Period{Kind: PeriodMonth, Year: m.Year, Month: m}
	}
	if p.Kind == 0 {
		return Period{}, &ParseError{Text: text, Reason: ReasonNotPeriod}
	}
	p.Text = p.String()
	return p, nil
}

// String returns the canonical spelling of p, or "" if p is not a period.
func (p Period) String() string {
	switch p.Kind {
	case PeriodMonth:
		return p.Month.String()
	case PeriodHalf:
		return fmt.Sprintf("%04d-H%d", p.Year, p.Half)
	case PeriodYear:
		return fmt.Sprintf("%04d", p.Year)
	}
	return ""
}

// Cycle is the monthly cycle of month m (SPEC §3.1): due on day `day` of m,
// covering data from day `day` of the month before to the day before the
// due day, so that consecutive cycles tile the calendar with no gap. A day
// past the end of a month means that month's last day (31 is 29/02/2024);
// day 1 makes the data period the previous calendar month. Only the
// deadline is rolled over.
func (c *Calendar) Cycle(m Month, day int, rollover bool) Cycle {
	return c.span(m.Add(-1), m, day, rollover)
}

// PeriodCycle is the cycle of a report period, built the way Decree
// 09/2019/NĐ-CP builds them from the monthly cut-off day: a month is its
// monthly Cycle; the first half runs from day `day` of December of the year
// before to the day before day `day` of June (15/12–14/06) and is due in
// June; the second half runs June to December and is due in December; the
// year runs December to December (15/12–14/12) and is due in December. A
// Period that is not valid gives the zero Cycle.
func (c *Calendar) PeriodCycle(p Period, day int, rollover bool) Cycle {
	dec := Month{p.Year, time.December}
	jun := Month{p.Year, time.June}
	switch {
	case p.Kind == PeriodMonth:
		return c.Cycle(p.Month, day, rollover)
	case p.Kind == PeriodHalf && p.Half == 1:
		return c.span(dec.Add(-12), jun, day, rollover)
	case p.Kind == PeriodHalf && p.Half == 2:
		return c.span(jun, dec, day, rollover)
	case p.Kind == PeriodYear:
		return c.span(dec.Add(-12), dec, day, rollover)
	}
	return Cycle{}
}

// span is the cycle due in month to whose data starts in month from.
func (c *Calendar) span(from, to Month, day int, rollover bool) Cycle {
	due := dayOf(to, day)
	end := due
	if !end.IsZero() {
		end = end.AddDays(-1)
	}
	return Cycle{
		Month:      to,
		Deadline:   c.Effective(due, rollover),
		PeriodFrom: dayOf(from, day),
		PeriodTo:   end,
	}
}

// dayOf is m.Day(day), or the zero date when m is outside years 1–9999
// (the month before January of year 1), where m.Day would panic.
func dayOf(m Month, day int) Date {
	if m.Year < 1 || m.Year > 9999 || m.Month < time.January || m.Month > time.December {
		return Date{}
	}
	return m.Day(day)
}
