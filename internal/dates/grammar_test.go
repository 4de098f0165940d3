package dates

import (
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// d is a short MustNew for tables.
func d(y int, m time.Month, day int) Date { return MustNew(y, m, day) }

// testNamed is the named-day lookup the grammar tests use.
var testNamed = NewCalendar(nil, nil, nil, map[string]Date{
	"Tết Nguyên đán 2024": d(2024, 2, 10),
	"Quốc khánh 2024":     d(2024, 9, 2),
}).Named

// parseCases covers every row of SPEC §2.1. first and last are what the text
// means as `start`/`from` and as `due`.
var parseCases = []struct {
	text        string
	first, last Date
	ongoing     bool
}{
	// a day
	{"2024-03-31", d(2024, 3, 31), d(2024, 3, 31), false},
	{"31/03/2024", d(2024, 3, 31), d(2024, 3, 31), false},
	{"31/3/2024", d(2024, 3, 31), d(2024, 3, 31), false},
	{"1/3/2024", d(2024, 3, 1), d(2024, 3, 1), false},
	{"2024-4-20", d(2024, 4, 20), d(2024, 4, 20), false},
	{"2024-04-5", d(2024, 4, 5), d(2024, 4, 5), false},
	{"ngày 2024-1-2", d(2024, 1, 2), d(2024, 1, 2), false},
	{"ngày 31/03/2024", d(2024, 3, 31), d(2024, 3, 31), false},
	{"ngay 31/3/2024", d(2024, 3, 31), d(2024, 3, 31), false},
	{"ngày 05 tháng 01 năm 2024", d(2024, 1, 5), d(2024, 1, 5), false},
	{"29/02/2024", d(2024, 2, 29), d(2024, 2, 29), false},
	// a month
	{"2024-03", d(2024, 3, 1), d(2024, 3, 31), false},
	{"tháng 3 năm 2024", d(2024, 3, 1), d(2024, 3, 31), false},
	{"thang 3 nam 2024", d(2024, 3, 1), d(2024, 3, 31), false},
	{"tháng 3/2024", d(2024, 3, 1), d(2024, 3, 31), false},
	{"tháng 03/2024", d(2024, 3, 1), d(2024, 3, 31), false},
	{"tháng 2/2024", d(2024, 2, 1), d(2024, 2, 29), false},
	{"tháng 12, năm 2024", d(2024, 12, 1), d(2024, 12, 31), false},
	// a quarter
	{"2024-Q1", d(2024, 1, 1), d(2024, 3, 31), false},
	{"2024-q4", d(2024, 10, 1), d(2024, 12, 31), false},
	{"Quý I năm 2024", d(2024, 1, 1), d(2024, 3, 31), false},
	{"quy I nam 2024", d(2024, 1, 1), d(2024, 3, 31), false},
	{"quý I/2024", d(2024, 1, 1), d(2024, 3, 31), false},
	{"Quý 1 năm 2024", d(2024, 1, 1), d(2024, 3, 31), false},
	{"quý I, năm 2024", d(2024, 1, 1), d(2024, 3, 31), false},
	{"Quý II năm 2024", d(2024, 4, 1), d(2024, 6, 30), false},
	{"quý III/2024", d(2024, 7, 1), d(2024, 9, 30), false},
	{"Quý IV năm 2024", d(2024, 10, 1), d(2024, 12, 31), false},
	{"quý 4/2024", d(2024, 10, 1), d(2024, 12, 31), false},
	// a half
	{"2024-H1", d(2024, 1, 1), d(2024, 6, 30), false},
	{"6 tháng đầu năm 2024", d(2024, 1, 1), d(2024, 6, 30), false},
	{"6 thang dau nam 2024", d(2024, 1, 1), d(2024, 6, 30), false},
	{"2024-H2", d(2024, 7, 1), d(2024, 12, 31), false},
	{"6 tháng cuối năm 2024", d(2024, 7, 1), d(2024, 12, 31), false},
	// a year
	{"2024", d(2024, 1, 1), d(2024, 12, 31), false},
	{"năm 2024", d(2024, 1, 1), d(2024, 12, 31), false},
	{"Trong năm 2024", d(2024, 1, 1), d(2024, 12, 31), false},
	{"trong nam 2024", d(2024, 1, 1), d(2024, 12, 31), false},
	{"trong quý II năm 2024", d(2024, 4, 1), d(2024, 6, 30), false},
	{"0001", d(1, 1, 1), d(1, 12, 31), false},
	{"9999-Q4", d(9999, 10, 1), d(9999, 12, 31), false},
	// before a day: the day itself is the last day, there is no first day
	{"trước ngày 31/01/2024", Date{}, d(2024, 1, 31), false},
	{"truoc ngay 31/01/2024", Date{}, d(2024, 1, 31), false},
	{"trước 31/01/2024", Date{}, d(2024, 1, 31), false},
	{"trước 2024-01-31", Date{}, d(2024, 1, 31), false},
	// named days
	{"trước Tết Nguyên đán 2024", Date{}, d(2024, 2, 10), false},
	{"truoc tet nguyen dan 2024", Date{}, d(2024, 2, 10), false},
	{"Tết Nguyên đán 2024", d(2024, 2, 10), d(2024, 2, 10), false},
	// ongoing
	{"Từ quý I năm 2024", d(2024, 1, 1), Date{}, true},
	{"tu quy I nam 2024", d(2024, 1, 1), Date{}, true},
	{"Từ ngày 01/03/2024", d(2024, 3, 1), Date{}, true},
	{"Từ 2024-03", d(2024, 3, 1), Date{}, true},
	{"từ tháng 3/2024", d(2024, 3, 1), Date{}, true},
	{"Từ 6 tháng cuối năm 2024", d(2024, 7, 1), Date{}, true},
	{"Từ năm 2024", d(2024, 1, 1), Date{}, true},
	{"Từ 2024-H2", d(2024, 7, 1), Date{}, true},
	{"Từ Quốc khánh 2024", d(2024, 9, 2), Date{}, true},
	{"Thường xuyên", Date{}, Date{}, true},
	{"thuong xuyen", Date{}, Date{}, true},
	{"Hằng tháng", Date{}, Date{}, true},
	{"hàng tháng", Date{}, Date{}, true},
}

// variants are the spellings a user may type for one text: as written,
// upper case, decomposed (NFD, as some editors save), with stray spaces and
// tabs.
func variants(s string) map[string]string {
	return map[string]string{
		"as written": s,
		"upper":      strings.ToUpper(s),
		"NFD":        norm.NFD.String(s),
		"NFD upper":  norm.NFD.String(strings.ToUpper(s)),
		"spaces":     "  " + strings.ReplaceAll(s, " ", " \t  ") + " \n",
	}
}

func TestParse(t *testing.T) {
	for _, c := range parseCases {
		want := Deadline{Ongoing: c.ongoing, First: c.first, Last: c.last}
		for name, text := range variants(c.text) {
			got, err := Parse(text, testNamed)
			if err != nil {
				t.Errorf("Parse(%q) [%s]: %v", text, name, err)
				continue
			}
			if got != want {
				t.Errorf("Parse(%q) [%s] = %+v, want %+v", text, name, got, want)
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ text, reason string }{
		{"2024-02-30", ReasonNoSuchDay},
		{"30/02/2024", ReasonNoSuchDay},
		{"29/02/2023", ReasonNoSuchDay},
		{"31/04/2024", ReasonNoSuchDay},
		{"31/13/2024", ReasonNoSuchDay},
		{"ngày 30/02/2024", ReasonNoSuchDay},
		{"trước ngày 30/02/2024", ReasonNoSuchDay},
		{"Từ ngày 30/02/2024", ReasonNoSuchDay},
		{"ngày 30 tháng 02 năm 2024", ReasonNoSuchDay},
		{"0000-01-01", ReasonNoSuchDay},
		{"quý V năm 2024", ReasonNotDeadline},
		{"quý 5/2024", ReasonNotDeadline},
		{"2024-Q5", ReasonNotDeadline},
		{"2024-H3", ReasonNotDeadline},
		{"tháng 13/2024", ReasonNotDeadline},
		{"tháng 0 năm 2024", ReasonNotDeadline},
		{"2024-13", ReasonNotDeadline},
		{"sometime", ReasonNotDeadline},
		{"", ReasonNotDeadline},
		{"   ", ReasonNotDeadline},
		{"0000", ReasonNotDeadline},
		{"24", ReasonNotDeadline},
		{"31/03/24", ReasonNotDeadline},
		{"năm", ReasonNotDeadline},
		{"Từ", ReasonNotDeadline},
		{"Từ sometime", ReasonNotDeadline},
		{"Từ thường xuyên", ReasonNotDeadline},
		{"trước", ReasonNotDeadline},
		{"trước quý I năm 2024", ReasonNotDeadline},
		{"quý I,, năm 2024", ReasonNotDeadline},
		{"2024-03-31 2024", ReasonNotDeadline},
		{"trước Tết Dương lịch 2099", ReasonUnknownNamedDay},
		{"trước ngày Quốc khánh 2099", ReasonUnknownNamedDay},
	} {
		_, err := Parse(c.text, testNamed)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("Parse(%q) error = %v, want a *ParseError", c.text, err)
			continue
		}
		if pe.Reason != c.reason || pe.Text != c.text {
			t.Errorf("Parse(%q) = %+v, want reason %q", c.text, *pe, c.reason)
		}
	}
}

func TestParseNamedWithoutCalendar(t *testing.T) {
	_, err := Parse("trước Tết Nguyên đán 2024", nil)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Reason != ReasonUnknownNamedDay {
		t.Errorf("with no calendar: %v, want %q", err, ReasonUnknownNamedDay)
	}
	// A lookup that answers a zero date must not yield a deadline with
	// neither a last day nor Ongoing.
	zero := func(string) (Date, bool) { return Date{}, true }
	if got, err := Parse("Tết", zero); err == nil {
		t.Errorf("zero named day accepted: %+v", got)
	}
}

func TestParseGrammarBeforeNames(t *testing.T) {
	named := NewCalendar(nil, nil, nil, map[string]Date{
		"2024":       d(2024, 5, 5),
		"Trước Tết":  d(2024, 2, 1),
		"Từ đường":   d(2024, 3, 3),
		"Quý I/2024": d(2024, 1, 9),
	}).Named
	for text, want := range map[string]Deadline{
		"2024":            {First: d(2024, 1, 1), Last: d(2024, 12, 31)},
		"quý I/2024":      {First: d(2024, 1, 1), Last: d(2024, 3, 31)},
		"Trước Tết":       {First: d(2024, 2, 1), Last: d(2024, 2, 1)},
		"trước trước tết": {Last: d(2024, 2, 1)},
		"từ đường":        {First: d(2024, 3, 3), Last: d(2024, 3, 3)},
		"từ từ đường":     {Ongoing: true, First: d(2024, 3, 3)},
	} {
		got, err := Parse(text, named)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", text, got, err, want)
		}
	}
}

func TestParseDay(t *testing.T) {
	for in, want := range map[string]Date{
		"2024-01-31":                d(2024, 1, 31),
		"31/01/2024":                d(2024, 1, 31),
		"31/1/2024":                 d(2024, 1, 31),
		"ngày 31/01/2024":           d(2024, 1, 31),
		" NGÀY  5/1/2024 ":          d(2024, 1, 5),
		"ngày 05 tháng 01 năm 2024": d(2024, 1, 5),
		"2024-4-20":                 d(2024, 4, 20),
		"2024-12-1":                 d(2024, 12, 1),
	} {
		got, err := ParseDay(in)
		if err != nil || got != want {
			t.Errorf("ParseDay(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, reason := range map[string]string{
		"2024-02-30":            ReasonNoSuchDay,
		"30/02/2024":            ReasonNoSuchDay,
		"2024-2-30":             ReasonNoSuchDay,
		"2024-4-":               ReasonNotDay,
		"2024-03":               ReasonNotDay,
		"2024":                  ReasonNotDay,
		"quý I năm 2024":        ReasonNotDay,
		"trước ngày 31/01/2024": ReasonNotDay,
		"":                      ReasonNotDay,
	} {
		_, err := ParseDay(in)
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Reason != reason {
			t.Errorf("ParseDay(%q) error = %v, want reason %q", in, err, reason)
		}
	}
}

// FuzzParse checks what must hold for any text: no panic; a deadline that is
// accepted has a last day or is ongoing, and never ends before it starts;
// a rejection is a *ParseError quoting the text with a known reason; and a
// text ParseDay accepts means that one day to Parse as well.
func FuzzParse(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.text)
		f.Add(norm.NFD.String(strings.ToUpper(c.text)))
	}
	for _, s := range []string{
		"", " ", "2024-02-30", "30/02/2024", "quý V năm 2024", "tháng 13/2024",
		"sometime", "trước Tết Dương lịch 2099", "trước", "Từ", "Từ từ 2024",
		"trước trước 31/01/2024", "9999-12-31", "0001-01-01", "31/12/9999",
		"ngày", "ngày ngày", "2024-4-31", "2024-4-", "2024--20", "24-4-20", "2024-004-20", "quy /2024", "thang /", "2024-", "-", "/", "//",
		"2024-q", "2024-h", "99999", "1/1/0000", ",", "quy i , nam 2024",
		"\xff\xfe", "tháng\u00a03/2024", "Ð", "đ", "ngày 31 tháng 12 năm 9999",
	} {
		f.Add(s)
	}
	known := map[string]bool{ReasonNoSuchDay: true, ReasonUnknownNamedDay: true, ReasonNotDeadline: true}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Parse(s, testNamed)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Text != s || !known[pe.Reason] {
				t.Fatalf("Parse(%q): bad error %#v", s, err)
			}
		} else {
			if !got.Ongoing && got.Last.IsZero() {
				t.Fatalf("Parse(%q) = %+v: neither ongoing nor a last day", s, got)
			}
			if !got.First.IsZero() && !got.Last.IsZero() && got.Last.Before(got.First) {
				t.Fatalf("Parse(%q) = %+v: ends before it starts", s, got)
			}
		}
		if day, err := ParseDay(s); err == nil {
			if want := (Deadline{First: day, Last: day}); got != want {
				t.Fatalf("ParseDay(%q) = %v but Parse = %+v", s, day, got)
			}
		}
	})
}
