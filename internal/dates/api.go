package dates

// Deadline is the meaning of a `due`, `start` or milestone `from` text
// (SPEC §2.1).
type Deadline struct {
	// Ongoing is set for "Từ …", "Thường xuyên" and "Hằng tháng": the task has
	// no last day.
	Ongoing bool
	// First is the first day of the period named: what `start` and a
	// milestone's `from` use. For an ongoing "Từ X" it is X's first day; it is
	// zero for "Thường xuyên", "Hằng tháng" (the plan's start applies) and for
	// "trước <day>" (which has no first day).
	First Date
	// Last is the last day: what `due` uses. Zero when Ongoing.
	Last Date
}

// NamedDays looks up a named day of the calendar ("Tết Nguyên đán 2024") by
// its name as written in a deadline; the lookup must ignore case and
// diacritics. It may be nil. (*Calendar).Named fits.
type NamedDays func(name string) (Date, bool)

// The reasons a ParseError gives. They are stable strings so that callers
// (validation, tests) can tell the cases apart without parsing messages.
const (
	// ReasonNoSuchDay: the text has the shape of a day that does not exist
	// (30/02/2024).
	ReasonNoSuchDay = "no such day"
	// ReasonUnknownNamedDay: "trước X" where X is neither a day nor a name
	// the calendar knows.
	ReasonUnknownNamedDay = "unknown named day"
	// ReasonNotDeadline: the text is not in the grammar of SPEC §2.1.
	ReasonNotDeadline = "not a deadline"
	// ReasonNotDay: ParseDay was given something other than one day.
	ReasonNotDay = "not a day"
	// ReasonNotPeriod: ParsePeriod was given something other than a report
	// period.
	ReasonNotPeriod = "not a report period"
)

// ParseError explains why a deadline text was not accepted.
type ParseError struct {
	Text   string // the text as the user wrote it
	Reason string // one of the Reason… constants
}

// Error quotes the text after the reason, so a diagnostic shows what the
// user wrote.
func (e *ParseError) Error() string { return e.Reason + ": " + e.Text }

// Cycle is the monthly reporting cycle of one month (SPEC §3.1), or the
// longer cycle of a 6-month or yearly report (see PeriodCycle).
type Cycle struct {
	// Month is the month in which the reports fall due; it names the cycle.
	Month Month
	// Deadline is the effective due day of the cycle's reports.
	Deadline Date
	// PeriodFrom and PeriodTo bound the data the reports cover; they are not
	// rolled over. Zero where the bound would fall outside years 1–9999.
	PeriodFrom, PeriodTo Date
}

// Span is a range of days, both ends included.
type Span struct{ From, To Date }
