package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
)

// TestRawSheets checks that the table sheets the package writes itself
// come out as excelize writes them: the same package, byte for byte, for
// the fixtures of the tests (both languages, many targets, hostile and
// long text, the periods of the reports plan).
func TestRawSheets(t *testing.T) {
	long := strings.Repeat("Một số phần mềm mẫu chưa kết nối được với nhau; ", 900)
	cases := map[string]func(t *testing.T) []byte{
		"vi": func(t *testing.T) []byte { return write(t, fixture(), fixtureOptions(i18n.VI)) },
		"en": func(t *testing.T) []byte { return write(t, fixture(), fixtureOptions(i18n.EN)) },
		"many targets": func(t *testing.T) []byte {
			return write(t, bigResult(), fixtureOptions(i18n.VI))
		},
		"odd text": func(t *testing.T) []byte {
			r := fixture()
			// Texts excelize's shared string table files under another
			// key, spaces to preserve, markup, a text longer than a cell
			// holds and one long enough to reach the tallest row.
			r.Plan.Tasks[0].Title = txt("Nhiệm vụ _x0041_ & <b>\"in đậm\"</b> ")
			r.Plan.Tasks[1].Title = txt(long)
			r.Units[0].Unit.Name = txt(" đơn vị _x005F_x0041_ ")
			// Each the key of the other in excelize's table.
			r.Units[1].Unit.Name = txt("_x0041_")
			r.Units[2].Unit.Name = txt("_x005F_x0041_")
			// Numbers past 32 bits.
			r.Tasks[0].Progress = 1 << 40
			r.Tasks[1].Progress = -1<<31 - 1
			r.Tasks[2].Progress = 1<<31 - 1
			r.Tasks[0].Assignments[0].Entry.Result = txt(long)
			r.Tasks[0].Assignments[0].Entry.Obstacles = txt("dòng 1\n\tdòng 2\r\n\n")
			r.Tasks[0].Task.Lead = append(r.Tasks[0].Task.Lead, model.Text{Value: "_x0041_"})
			return write(t, r, fixtureOptions(i18n.VI))
		},
		"2024-04": func(t *testing.T) []byte { return periodWorkbook(t, "2024-04") },
		"2024-H1": func(t *testing.T) []byte { return periodWorkbook(t, "2024-H1") },
		"2024":    func(t *testing.T) []byte { return periodWorkbook(t, "2024") },
	}
	for name, build := range cases {
		t.Run(name, func(t *testing.T) {
			raw := build(t)
			rawSheets = false
			plain := build(t)
			rawSheets = true
			if bytes.Equal(raw, plain) {
				return
			}
			a, b := entries(t, raw), entries(t, plain)
			for n, x := range b {
				if y, ok := a[n]; !ok {
					t.Errorf("%s missing", n)
				} else if x != y {
					i := 0
					for i < len(x) && i < len(y) && x[i] == y[i] {
						i++
					}
					t.Errorf("%s differs at byte %d:\nexcelize %.200s\nraw      %.200s", n, i, x[max(i-80, 0):], y[max(i-80, 0):])
				}
			}
			if len(a) != len(b) {
				t.Errorf("%d entries, want %d", len(a), len(b))
			}
			if !t.Failed() {
				t.Error("the packages differ, not their entries")
			}
		})
	}
}

// entries reads every entry of a zip.
func entries(t *testing.T, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		x, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(x)
	}
	return out
}

// oldWrappedLines is wrappedLines as it was written first, with
// strings.Split and strings.Fields: wrapLines must count the same.
func oldWrappedLines(s string, px, size float64, bold bool) int {
	scale := size * 96 / 72
	if bold {
		scale *= 1.08
	}
	px *= 0.95
	total := 0
	for _, para := range strings.Split(s, "\n") {
		n, used := 1, 0.0
		for _, word := range strings.Fields(para) {
			w := emWidth(word) * scale
			space := emWidth(" ") * scale
			switch {
			case used == 0:
				used = w
			case used+space+w <= px:
				used += space + w
			default:
				n++
				used = w
			}
			for used > px && px > 0 {
				n++
				used -= px
			}
		}
		total += n
	}
	return max(total, 1)
}

// TestWrapLines checks wrapLines against the first wrappedLines, and that
// with a limit it counts the same up to the limit and more than the limit
// past it, so that a row's height, capped at maxRowHeight, is the same.
func TestWrapLines(t *testing.T) {
	texts := []string{"", " ", "\n", "a\n", "\n\n b  c \n", "Ủy ban nhân dân\u00a0tỉnh\u2003Bắc Giang\r\nSở Nội vụ\t(Phụ lục, mục 5.1)",
		strings.Repeat("Xã Mẫu 01-002: Một số phần mềm mẫu chưa kết nối được với nhau.\n", 40),
		strings.Repeat("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 30), "\xff\xfe bad utf-8 \xc3"}
	for _, s := range texts {
		for _, px := range []float64{0, 30, 120, 290.5} {
			for _, size := range []float64{11, 13} {
				for _, bold := range []bool{false, true} {
					want := oldWrappedLines(s, px, size, bold)
					if got := wrappedLines(s, px, size, bold); got != want {
						t.Errorf("wrappedLines(%q, %v, %v, %v) = %d, want %d", s, px, size, bold, got, want)
					}
					limit := lineLimit(size)
					got := wrapLines(s, px, size, bold, limit)
					if want <= limit && got != want || want > limit && got <= limit {
						t.Errorf("wrapLines(%q, %v, %v, %v, %d) = %d, want %d", s, px, size, bold, limit, got, want)
					}
					if got > limit && float64(got)*size*1.22+4 < maxRowHeight {
						t.Errorf("%d lines of %v pt are not the tallest row", got, size)
					}
				}
			}
		}
	}
}

// TestEscapeText checks escapeText against xml.EscapeText: markup,
// quotes, controls, line ends, text that is not UTF-8, the replacement
// character itself, the edges of XML's character ranges, random bytes.
func TestEscapeText(t *testing.T) {
	cases := []string{"", "plain", "Đơn vị số 1", `<b a="1" b='2'>&amp;</b>`, "a\tb\nc\r\nd",
		"\x00\x01\x1b[2J\x7f", "\x80\xff\xe1\xba", "\xe1\xba\xbd\xe1", "\uFFFD\uFFFE\uFFFF\uE000\uD7FF",
		"\U00010000\U0010FFFF😀", "\xed\xa0\x80", "_x0041_", "end\xf0\x9f\x98",
		"Đơn <vị> & \"x\" 'y'\x01\x1f?=;", "\uFFFE", "a\uFFFFb", "Việt\r\n\t\x0b"}
	x := uint32(1)
	next := func() uint32 {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return x
	}
	for range 2000 {
		b := make([]byte, next()%40)
		for i := range b {
			b[i] = byte(next() >> 8)
			if x%3 == 0 {
				b[i] &= 0x7f
			}
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		var want, got bytes.Buffer
		if err := xml.EscapeText(&want, []byte(s)); err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriter(&got)
		escapeText(w, s)
		_ = w.Flush()
		if got.String() != want.String() {
			t.Errorf("%q: %q, want %q", s, got.String(), want.String())
		}
	}
}

// formatFloat is excelize's formatCellFloat at the shortest precision,
// as it was written first:
// at most 15 significant digits, as Excel keeps.
func formatFloat(value float64) string {
	str := strconv.FormatFloat(value, 'f', -1, 64)
	if math.Abs(value) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return strings.TrimSuffix(str[:idx], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		truncated := []byte(str[:decimal])
		for ; idx < len(truncated); idx++ {
			truncated[idx] = '0'
		}
		return string(truncated)
	}
	return str
}

// TestAppendFloat checks appendFloat against formatFloat.
func TestAppendFloat(t *testing.T) {
	xs := []float64{0, 1, -1, 0.1, 80, 66.66666666666667, 1e15, 1e16, 123456789012345678, 1.2345678901234567e-7,
		-9.87654321098765432e20, 1e300, 5e-324, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64,
		0.30000000000000004, 1234567.891011121314, 100.5, 99.99999999999999}
	x := uint64(3)
	for range 5000 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		f := math.Float64frombits(x)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		xs = append(xs, f, float64(x%100000)/float64(1+x%1000))
	}
	for _, f := range xs {
		if got, want := string(appendFloat([]byte("<v>"), f)), "<v>"+formatFloat(f); got != want {
			t.Errorf("%v: %s, want %s", f, got, want)
		}
	}
}
