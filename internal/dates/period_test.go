package dates

import (
	"errors"
	"testing"
	"time"
)

func TestCycle(t *testing.T) {
	c := cal2024()
	for _, tc := range []struct {
		name     string
		m        Month
		day      int
		roll     bool
		due      Date
		from, to Date
	}{
		{"March, day 15", Month{2024, time.March}, 15, true, d(2024, 3, 15), d(2024, 2, 15), d(2024, 3, 14)},
		{"June, Saturday 15th", Month{2024, time.June}, 15, true, d(2024, 6, 17), d(2024, 5, 15), d(2024, 6, 14)},
		{"June without rollover", Month{2024, time.June}, 15, false, d(2024, 6, 15), d(2024, 5, 15), d(2024, 6, 14)},
		{"January across the year", Month{2024, time.January}, 15, true, d(2024, 1, 15), d(2023, 12, 15), d(2024, 1, 14)},
		{"February, day 31", Month{2024, time.February}, 31, true, d(2024, 2, 29), d(2024, 1, 31), d(2024, 2, 28)},
		{"March, day 31", Month{2024, time.March}, 31, true, d(2024, 4, 1), d(2024, 2, 29), d(2024, 3, 30)},
		{"April, day 31, a holiday", Month{2024, time.April}, 31, true, d(2024, 5, 2), d(2024, 3, 31), d(2024, 4, 29)},
		{"April, day 31, no rollover", Month{2024, time.April}, 31, false, d(2024, 4, 30), d(2024, 3, 31), d(2024, 4, 29)},
		{"day 1 is the previous month", Month{2024, time.March}, 1, false, d(2024, 3, 1), d(2024, 2, 1), d(2024, 2, 29)},
	} {
		got := c.Cycle(tc.m, tc.day, tc.roll)
		want := Cycle{Month: tc.m, Deadline: tc.due, PeriodFrom: tc.from, PeriodTo: tc.to}
		if got != want {
			t.Errorf("%s: Cycle = %+v, want %+v", tc.name, got, want)
		}
	}
}

// Consecutive cycles must tile the calendar: a day of data belongs to
// exactly one monthly report, whatever the reporting day.
func TestCyclesTile(t *testing.T) {
	var c *Calendar
	for day := 1; day <= 31; day++ {
		for m := (Month{2023, time.January}); m.Compare(Month{2025, time.December}) <= 0; m = m.Add(1) {
			a, b := c.Cycle(m, day, true), c.Cycle(m.Add(1), day, true)
			if a.PeriodTo.AddDays(1) != b.PeriodFrom {
				t.Fatalf("day %d: %s ends %s but %s starts %s", day, m, a.PeriodTo, m.Add(1), b.PeriodFrom)
			}
			if a.PeriodTo.Before(a.PeriodFrom) || a.Deadline.Before(a.PeriodTo) {
				t.Fatalf("day %d, %s: %+v out of order", day, m, a)
			}
		}
	}
}

func TestCycleAtTheEdgesOfTime(t *testing.T) {
	var c *Calendar
	got := c.Cycle(Month{1, time.January}, 15, true)
	if !got.PeriodFrom.IsZero() || got.PeriodTo != d(1, 1, 14) || got.Deadline != d(1, 1, 15) {
		t.Errorf("0001-01: %+v", got)
	}
	if got := c.Cycle(Month{}, 15, true); got != (Cycle{}) {
		t.Errorf("zero month: %+v", got)
	}
	if got := c.Cycle(Month{9999, time.December}, 31, true); got.Deadline != d(9999, 12, 31) {
		t.Errorf("9999-12: %+v", got)
	}
}

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]Period{
		"2024-03":   {Kind: PeriodMonth, Year: 2024, Month: Month{2024, time.March}, Text: "2024-03"},
		"2024-H1":   {Kind: PeriodHalf, Year: 2024, Half: 1, Text: "2024-H1"},
		" 2024-h2 ": {Kind: PeriodHalf, Year: 2024, Half: 2, Text: "2024-H2"},
		"2024":      {Kind: PeriodYear, Year: 2024, Text: "2024"},
	} {
		got, err := ParsePeriod(in)
		if err != nil || got != want {
			t.Errorf("ParsePeriod(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "2024-13", "2024-H3", "2024-H0", "2024-Q1", "0000", "24", "tháng 3/2024", "2024-03-15", "H1-2024"} {
		_, err := ParsePeriod(in)
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Reason != ReasonNotPeriod || pe.Text != in {
			t.Errorf("ParsePeriod(%q) error = %v", in, err)
		}
	}
}

func TestPeriodCycle(t *testing.T) {
	c := cal2024()
	mustPeriod := func(s string) Period {
		p, err := ParsePeriod(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tc := range []struct {
		period string
		roll   bool
		want   Cycle
	}{
		{"2024-03", true, c.Cycle(Month{2024, time.March}, 15, true)},
		{"2024-H1", true, Cycle{Month{2024, time.June}, d(2024, 6, 17), d(2023, 12, 15), d(2024, 6, 14)}},
		{"2024-H1", false, Cycle{Month{2024, time.June}, d(2024, 6, 15), d(2023, 12, 15), d(2024, 6, 14)}},
		{"2024-H2", true, Cycle{Month{2024, time.December}, d(2024, 12, 16), d(2024, 6, 15), d(2024, 12, 14)}},
		{"2024", true, Cycle{Month{2024, time.December}, d(2024, 12, 16), d(2023, 12, 15), d(2024, 12, 14)}},
	} {
		if got := c.PeriodCycle(mustPeriod(tc.period), 15, tc.roll); got != tc.want {
			t.Errorf("PeriodCycle(%s) = %+v, want %+v", tc.period, got, tc.want)
		}
	}
	if got := c.PeriodCycle(Period{}, 15, true); got != (Cycle{}) {
		t.Errorf("zero period: %+v", got)
	}
	if got := c.PeriodCycle(Period{Kind: PeriodHalf, Year: 2024, Half: 3}, 15, true); got != (Cycle{}) {
		t.Errorf("third half: %+v", got)
	}
	if got := c.PeriodCycle(Period{Kind: PeriodYear, Year: 1}, 15, true); !got.PeriodFrom.IsZero() || got.PeriodTo != d(1, 12, 14) {
		t.Errorf("year 1: %+v", got)
	}
}
