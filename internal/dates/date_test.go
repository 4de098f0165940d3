package dates

import (
	"testing"
	"time"
)

func TestWeekdayMatchesTime(t *testing.T) {
	for _, s := range []string{"2024-01-01", "2024-06-15", "2024-09-15", "2024-12-15", "2024-03-31", "2024-05-04", "0001-01-01", "9999-12-31"} {
		d, ok := ParseISO(s)
		if !ok {
			t.Fatalf("ParseISO(%q) failed", s)
		}
		if got, want := d.Weekday(), d.Time().Weekday(); got != want {
			t.Errorf("%s: Weekday() = %v, want %v", s, got, want)
		}
		if d.String() != s {
			t.Errorf("round trip %q -> %q", s, d.String())
		}
	}
}

func TestNewRejectsMissingDays(t *testing.T) {
	if _, ok := New(2024, time.February, 30); ok {
		t.Error("2024-02-30 accepted")
	}
	if _, ok := New(2023, time.February, 29); ok {
		t.Error("2023-02-29 accepted")
	}
	if _, ok := New(2024, time.February, 29); !ok {
		t.Error("2024-02-29 rejected")
	}
}
