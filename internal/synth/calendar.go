package synth

import (
	"fmt"
	"time"
)

// day builds a civil day; every day in this package is midnight UTC so that
// days compare with == and no time zone or clock ever enters the output.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func iso(t time.Time) string { return t.Format("2006-01-02") }

// dmy writes a day the way Vietnamese documents do: 14/3/2024.
func dmy(t time.Time) string { return fmt.Sprintf("%d/%d/%d", t.Day(), int(t.Month()), t.Year()) }

// holiday is a span of days off (or, in workingDays, a make-up working day).
type holiday struct {
	from, to time.Time
	name     string
}

// calendar is the year's days off as calendar.yaml writes them, and the
// working-day test the generator uses to place submissions and deadlines.
type calendar struct {
	year        int
	holidays    []holiday
	workingDays []holiday
	tet         time.Time // lunar new year's day: the named day "Tết Nguyên đán YEAR"
	approximate bool      // true when the year's official schedule is not in the table
	off, work   map[time.Time]bool
}

// lunar holds, per year, lunar new year's day and Giỗ Tổ Hùng Vương (10/3 of the
// lunar calendar); the generator supports exactly these years.
var lunar = map[int][2]time.Time{
	2020: {day(2020, 1, 25), day(2020, 4, 2)},
	2021: {day(2021, 2, 12), day(2021, 4, 21)},
	2022: {day(2022, 2, 1), day(2022, 4, 10)},
	2023: {day(2023, 1, 22), day(2023, 4, 29)},
	2024: {day(2024, 2, 10), day(2024, 4, 18)},
	2025: {day(2025, 1, 29), day(2025, 4, 7)},
	2026: {day(2026, 2, 17), day(2026, 4, 26)},
	2027: {day(2027, 2, 6), day(2027, 4, 16)},
	2028: {day(2028, 1, 26), day(2028, 4, 4)},
	2029: {day(2029, 2, 13), day(2029, 4, 23)},
	2030: {day(2030, 2, 3), day(2030, 4, 12)},
}

const (
	minYear = 2020
	maxYear = 2030
)

// newCalendar returns the days off of year. 2024 and 2025 follow the official
// schedules for civil servants (docs/DOMAIN.md); other years apply the Labour
// Code 2019 art. 112 days without the make-up swaps, which are decided yearly.
func newCalendar(year int) (*calendar, error) {
	l, ok := lunar[year]
	if !ok {
		return nil, fmt.Errorf("--year %d is not supported; use a year from %d to %d", year, minYear, maxYear)
	}
	c := &calendar{year: year, tet: l[0]}
	one := func(t time.Time, name string) holiday { return holiday{t, t, name} }
	switch year {
	case 2024:
		c.holidays = []holiday{
			one(day(2024, 1, 1), "Tết Dương lịch"),
			{day(2024, 2, 8), day(2024, 2, 14), "Tết Nguyên đán"},
			one(day(2024, 4, 18), "Giỗ Tổ Hùng Vương"),
			{day(2024, 4, 27), day(2024, 5, 1), "Ngày Chiến thắng và Quốc tế Lao động"},
			{day(2024, 8, 31), day(2024, 9, 3), "Quốc khánh"},
		}
		c.workingDays = []holiday{one(day(2024, 5, 4), "Làm bù ngày 29/4/2024")}
	case 2025:
		c.holidays = []holiday{
			one(day(2025, 1, 1), "Tết Dương lịch"),
			{day(2025, 1, 25), day(2025, 2, 2), "Tết Nguyên đán"},
			one(day(2025, 4, 7), "Giỗ Tổ Hùng Vương"),
			{day(2025, 4, 30), day(2025, 5, 4), "Ngày Chiến thắng và Quốc tế Lao động"},
			{day(2025, 8, 30), day(2025, 9, 2), "Quốc khánh"},
		}
		c.workingDays = []holiday{one(day(2025, 4, 26), "Làm bù ngày 02/5/2025")}
	default:
		c.approximate = true
		c.holidays = []holiday{
			one(day(year, 1, 1), "Tết Dương lịch"),
			{l[0].AddDate(0, 0, -1), l[0].AddDate(0, 0, 3), "Tết Nguyên đán"},
			one(l[1], "Giỗ Tổ Hùng Vương"),
			{day(year, 4, 30), day(year, 5, 1), "Ngày Chiến thắng và Quốc tế Lao động"},
			{day(year, 9, 1), day(year, 9, 2), "Quốc khánh"},
		}
	}
	c.off = map[time.Time]bool{}
	c.work = map[time.Time]bool{}
	for _, h := range c.holidays {
		for t := h.from; !t.After(h.to); t = t.AddDate(0, 0, 1) {
			c.off[t] = true
		}
	}
	for _, h := range c.workingDays {
		c.work[h.from] = true
	}
	return c, nil
}

// isWorkingDay: not a weekend day or holiday, unless it is a make-up working day.
func (c *calendar) isWorkingDay(t time.Time) bool {
	if c.work[t] {
		return true
	}
	if wd := t.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	return !c.off[t]
}

// effective is the deadline after rollover to the next working day (SPEC §3.1).
func (c *calendar) effective(t time.Time) time.Time {
	for !c.isWorkingDay(t) {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

// cycle is the reporting cycle of month m (1–12) of the plan year.
type cycle struct {
	month      int
	due        time.Time // the 15th, as written
	deadline   time.Time // effective
	periodFrom time.Time // the 15th of the month before: a report may not be submitted earlier
}

func (c *calendar) cycles(reportDay int) []cycle {
	out := make([]cycle, 12)
	for m := 1; m <= 12; m++ {
		due := day(c.year, time.Month(m), reportDay)
		out[m-1] = cycle{
			month:      m,
			due:        due,
			deadline:   c.effective(due),
			periodFrom: due.AddDate(0, -1, 0),
		}
	}
	return out
}
