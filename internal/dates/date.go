// Package dates is the calendar arithmetic of plan06: a civil Date with no
// time zone, the deadline grammar of SPEC §2.1 (ISO and the plan's own
// Vietnamese words), the working-day calendar, rollover of deadlines that fall
// on days off (SPEC §3.1) and monthly reporting cycles.
package dates

import (
	"fmt"
	"time"
)

// Date is a civil day with no time zone. The zero value means "no date".
// Internally it counts days from 0001-01-01 (which is 1), so dates compare
// with < and subtract with -.
type Date struct{ n int32 }

// epochUnixDays is 0001-01-01 in days since 1970-01-01.
var epochUnixDays = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400

// New returns the date y-m-d and whether it exists (2024-02-30 does not).
func New(y int, m time.Month, d int) (Date, bool) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > DaysIn(y, m) {
		return Date{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date{int32(t.Unix()/86400-epochUnixDays) + 1}, true
}

// MustNew is New for constants in code and tests; it panics on a day that
// does not exist.
func MustNew(y int, m time.Month, d int) Date {
	x, ok := New(y, m, d)
	if !ok {
		panic(fmt.Sprintf("dates: no such day %04d-%02d-%02d", y, m, d))
	}
	return x
}

// FromTime returns the civil day of t in t's own location.
func FromTime(t time.Time) Date {
	y, m, d := t.Date()
	x, _ := New(y, m, d)
	return x
}

// DaysIn returns the number of days in month m of year y.
func DaysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is the zero value, i.e. no date.
func (d Date) IsZero() bool { return d.n == 0 }

// Time returns midnight UTC of d, for formatting and for libraries that need
// a time.Time.
func (d Date) Time() time.Time {
	return time.Unix((int64(d.n-1)+epochUnixDays)*86400, 0).UTC()
}

// YMD returns the year, month and day.
func (d Date) YMD() (int, time.Month, int) { return d.Time().Date() }

// Year returns the year of d.
func (d Date) Year() int { y, _, _ := d.YMD(); return y }

// Month returns the month of d.
func (d Date) Month() time.Month { _, m, _ := d.YMD(); return m }

// Day returns the day of the month of d.
func (d Date) Day() int { _, _, x := d.YMD(); return x }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return time.Weekday((int(d.n) + 0) % 7) }

// AddDays returns d moved by n days (n may be negative).
func (d Date) AddDays(n int) Date { return Date{d.n + int32(n)} }

// Sub returns the number of days from e to d (d - e).
func (d Date) Sub(e Date) int { return int(d.n - e.n) }

// Before reports whether d is strictly earlier than e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is strictly later than e.
func (d Date) After(e Date) bool { return d.n > e.n }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return 1
	}
	return 0
}

// String returns the ISO form 2006-01-02, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	y, m, x := d.YMD()
	return fmt.Sprintf("%04d-%02d-%02d", y, m, x)
}

// VN returns the Vietnamese form dd/mm/yyyy, or "" for the zero date.
func (d Date) VN() string {
	if d.IsZero() {
		return ""
	}
	y, m, x := d.YMD()
	return fmt.Sprintf("%02d/%02d/%04d", x, m, y)
}

// ParseISO reads YYYY-MM-DD exactly.
func ParseISO(s string) (Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	y, ok1 := atoi(s[0:4])
	m, ok2 := atoi(s[5:7])
	x, ok3 := atoi(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, false
	}
	return New(y, time.Month(m), x)
}

func atoi(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
		if n > 1_000_000 {
			return 0, false
		}
	}
	return n, true
}

// Month is a calendar month, the identity of a reporting cycle.
type Month struct {
	Year  int
	Month time.Month
}

// ParseMonth reads YYYY-MM.
func ParseMonth(s string) (Month, bool) {
	if len(s) != 7 || s[4] != '-' {
		return Month{}, false
	}
	y, ok1 := atoi(s[:4])
	m, ok2 := atoi(s[5:])
	if !ok1 || !ok2 || y < 1 || m < 1 || m > 12 {
		return Month{}, false
	}
	return Month{y, time.Month(m)}, true
}

// MonthOf returns the month that contains d.
func MonthOf(d Date) Month { y, m, _ := d.YMD(); return Month{y, m} }

// String returns YYYY-MM.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, m.Month) }

// First returns the first day of the month.
func (m Month) First() Date { return MustNew(m.Year, m.Month, 1) }

// Last returns the last day of the month.
func (m Month) Last() Date { return MustNew(m.Year, m.Month, DaysIn(m.Year, m.Month)) }

// Add returns the month n months later (n may be negative).
func (m Month) Add(n int) Month {
	t := time.Date(m.Year, m.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	return Month{t.Year(), t.Month()}
}

// Compare orders months.
func (m Month) Compare(o Month) int {
	a, b := m.Year*12+int(m.Month), o.Year*12+int(o.Month)
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Day returns day d of the month, clamped to its last day (a reporting day
// of 31 means the 30th in April).
func (m Month) Day(d int) Date {
	if n := DaysIn(m.Year, m.Month); d > n {
		d = n
	}
	if d < 1 {
		d = 1
	}
	return MustNew(m.Year, m.Month, d)
}
