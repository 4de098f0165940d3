package dates

import (
	"testing"
	"time"
)

// cal2024 is the 2024 calendar of Vietnamese civil servants (DOMAIN.md).
func cal2024() *Calendar {
	return NewCalendar(nil,
		[]Span{
			{d(2024, 1, 1), d(2024, 1, 1)},
			{d(2024, 2, 8), d(2024, 2, 14)},
			{d(2024, 4, 18), d(2024, 4, 18)},
			{d(2024, 4, 27), d(2024, 5, 1)},
			{d(2024, 8, 31), d(2024, 9, 3)},
		},
		[]Date{d(2024, 5, 4)},
		map[string]Date{"Tết Nguyên đán 2024": d(2024, 2, 10)})
}

func TestEffective2024(t *testing.T) {
	c := cal2024()
	for _, tc := range []struct {
		name     string
		day, due Date
	}{
		{"15th on a Saturday", d(2024, 6, 15), d(2024, 6, 17)},
		{"15th on a Sunday", d(2024, 9, 15), d(2024, 9, 16)},
		{"15th on a Sunday in December", d(2024, 12, 15), d(2024, 12, 16)},
		{"end of Q1 on a Sunday", d(2024, 3, 31), d(2024, 4, 1)},
		{"inside Tết", d(2024, 2, 10), d(2024, 2, 15)},
		{"first day of Tết", d(2024, 2, 8), d(2024, 2, 15)},
		{"make-up Saturday", d(2024, 5, 4), d(2024, 5, 4)},
		{"30 April", d(2024, 4, 30), d(2024, 5, 2)},
		{"Giỗ Tổ", d(2024, 4, 18), d(2024, 4, 19)},
		{"National Day, across a weekend", d(2024, 8, 31), d(2024, 9, 4)},
		{"1 January", d(2024, 1, 1), d(2024, 1, 2)},
		{"a working day", d(2024, 3, 15), d(2024, 3, 15)},
		{"a Sunday after the make-up Saturday", d(2024, 5, 5), d(2024, 5, 6)},
	} {
		if got := c.Effective(tc.day, true); got != tc.due {
			t.Errorf("%s: Effective(%s) = %s, want %s", tc.name, tc.day, got, tc.due)
		}
		if got := c.Effective(tc.day, false); got != tc.day {
			t.Errorf("%s: without rollover Effective(%s) = %s, want the day itself", tc.name, tc.day, got)
		}
	}
}

func TestIsWorkingDay2024(t *testing.T) {
	c := cal2024()
	for day, want := range map[Date]bool{
		d(2024, 5, 4):   true,  // make-up Saturday
		d(2024, 5, 11):  false, // ordinary Saturday
		d(2024, 2, 12):  false, // Monday in Tết
		d(2024, 2, 15):  true,  // Thursday after Tết
		d(2024, 4, 29):  false, // Monday in the April bridge
		d(2024, 5, 2):   true,
		d(2024, 9, 3):   false,
		d(2024, 12, 31): true,
	} {
		if got := c.IsWorkingDay(day); got != want {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", day, got, want)
		}
	}
}

func TestNamed(t *testing.T) {
	c := cal2024()
	for _, name := range []string{"tet nguyen dan 2024", "Tết Nguyên đán 2024", "TẾT  NGUYÊN ĐÁN 2024"} {
		if got, ok := c.Named(name); !ok || got != d(2024, 2, 10) {
			t.Errorf("Named(%q) = %v, %v", name, got, ok)
		}
	}
	if _, ok := c.Named("Tết Dương lịch 2099"); ok {
		t.Error("unknown name found")
	}
	// Every deadline is effective, "trước <named day>" included (SPEC §3.2).
	dl, err := Parse("trước Tết Nguyên đán 2024", c.Named)
	if err != nil || c.Effective(dl.Last, true) != d(2024, 2, 15) {
		t.Errorf("trước Tết Nguyên đán 2024: %+v, %v", dl, err)
	}
}

func TestNamedFoldingCollision(t *testing.T) {
	// Two names that fold alike: the earlier date wins, whatever map order.
	for i := 0; i < 20; i++ {
		c := NewCalendar(nil, nil, nil, map[string]Date{"Tết": d(2024, 2, 10), "tet": d(2024, 1, 1), "TET": d(2024, 3, 1)})
		if got, _ := c.Named("tết"); got != d(2024, 1, 1) {
			t.Fatalf("Named(tết) = %s, want 2024-01-01", got)
		}
	}
}

func TestNilCalendarIsWeekendOnly(t *testing.T) {
	var c *Calendar
	sat, sun, mon := d(2024, 6, 15), d(2024, 6, 16), d(2024, 6, 17)
	if c.IsWorkingDay(sat) || c.IsWorkingDay(sun) || !c.IsWorkingDay(mon) {
		t.Error("nil calendar: weekend wrong")
	}
	if !c.IsWorkingDay(d(2024, 2, 12)) {
		t.Error("nil calendar has holidays")
	}
	if got := c.Effective(sat, true); got != mon {
		t.Errorf("nil calendar: Effective(%s) = %s", sat, got)
	}
	if _, ok := c.Named("Tết"); ok {
		t.Error("nil calendar has names")
	}
	var named NamedDays = c.Named
	if _, err := Parse("trước Tết", named); err == nil {
		t.Error("nil calendar's Named resolved a name")
	}
	if got := c.Cycle(Month{2024, time.June}, 15, true).Deadline; got != mon {
		t.Errorf("nil calendar Cycle deadline = %s", got)
	}
}

func TestWeekendChoice(t *testing.T) {
	sat := d(2024, 6, 15)
	if !NewCalendar([]time.Weekday{}, nil, nil, nil).IsWorkingDay(sat) {
		t.Error("empty weekend: Saturday not worked")
	}
	fri := NewCalendar([]time.Weekday{time.Friday, 99, -1}, nil, nil, nil)
	if fri.IsWorkingDay(d(2024, 6, 14)) || !fri.IsWorkingDay(sat) {
		t.Error("Friday weekend wrong")
	}
}

func TestDaysOffSpans(t *testing.T) {
	// Overlapping, touching, reversed and zero spans.
	c := NewCalendar([]time.Weekday{}, []Span{
		{d(2024, 3, 10), d(2024, 3, 12)},
		{d(2024, 3, 1), d(2024, 3, 5)},
		{d(2024, 3, 4), d(2024, 3, 9)},
		{d(2024, 4, 5), d(2024, 4, 1)},
		{Date{}, d(2024, 5, 1)},
	}, nil, nil)
	for day := d(2024, 3, 1); !day.After(d(2024, 3, 12)); day = day.AddDays(1) {
		if c.IsWorkingDay(day) {
			t.Errorf("%s should be off", day)
		}
	}
	for _, day := range []Date{d(2024, 2, 29), d(2024, 3, 13), d(2024, 4, 3), d(2024, 4, 30)} {
		if !c.IsWorkingDay(day) {
			t.Errorf("%s should be worked", day)
		}
	}
	if got := c.Effective(d(2024, 3, 1), true); got != d(2024, 3, 13) {
		t.Errorf("Effective across merged spans = %s", got)
	}
}

func TestEffectiveNeverLoops(t *testing.T) {
	all := []time.Weekday{0, 1, 2, 3, 4, 5, 6}
	c := NewCalendar(all, nil, nil, nil)
	if got := c.Effective(d(2024, 1, 1), true); got != d(2024, 1, 1) {
		t.Errorf("no working day at all: Effective = %s, want the day itself", got)
	}
	// 9999-12-31 is a Friday; with Friday off there is no later day to
	// roll over to.
	end := d(9999, 12, 31)
	fri := NewCalendar([]time.Weekday{time.Friday}, nil, nil, nil)
	if got := fri.Effective(end, true); got != end {
		t.Errorf("Effective at the end of time = %s, want the day itself", got)
	}
	if got := fri.Effective(d(9999, 12, 24), true); got != d(9999, 12, 25) {
		t.Errorf("Effective(9999-12-24) = %s", got)
	}
	if got := c.Effective(Date{}, true); !got.IsZero() {
		t.Errorf("Effective(zero) = %s", got)
	}
}

// TestAddWorkingDays: the compile day after a deadline skips weekends and
// days off and counts make-up working days.
func TestAddWorkingDays(t *testing.T) {
	c := cal2024()
	for _, tc := range []struct {
		from Date
		n    int
		want Date
	}{
		{d(2024, 4, 15), 1, d(2024, 4, 16)}, // Monday → Tuesday
		{d(2024, 4, 15), 0, d(2024, 4, 15)},
		{d(2024, 3, 15), 1, d(2024, 3, 18)}, // Friday → Monday
		{d(2024, 4, 26), 1, d(2024, 5, 2)},  // Friday, then 27/4–1/5 off
		{d(2024, 5, 3), 1, d(2024, 5, 4)},   // the make-up Saturday is worked
		{d(2024, 5, 3), 2, d(2024, 5, 6)},
		{d(2024, 2, 7), 1, d(2024, 2, 15)}, // across Tết
	} {
		if got := c.AddWorkingDays(tc.from, tc.n); got != tc.want {
			t.Errorf("AddWorkingDays(%s, %d) = %s, want %s", tc.from, tc.n, got, tc.want)
		}
	}
}
