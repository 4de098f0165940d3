package xlsx

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

// longEntries is bigResult with the entries of the tasks that every
// commune leads (220 assignments each) made long enough to pass a cell's
// limit, each task's in its own way; seed varies the lengths, and with
// them where the cell's text is cut.
func longEntries(seed int) *status.Result {
	r := bigResult()
	x := uint32(seed*7919 + 1)
	rnd := func(n int) int {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return int(x % uint32(n))
	}
	words := []string{"Đã", "tiếp", "nhận", "hồ", "sơ", "trực", "tuyến", "ĐẠT", "kế", "hoạch", "2024", "x"}
	line := func(n int, extra string) string {
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(words[rnd(len(words))])
			if rnd(9) == 0 {
				b.WriteString(extra)
			}
			b.WriteByte(' ')
		}
		return b.String()
	}
	for i := range r.Tasks {
		t := &r.Tasks[i]
		if len(t.Assignments) < 100 {
			continue
		}
		for k := range t.Assignments {
			e := *t.Assignments[k].Entry
			switch i / 6 % 7 {
			case 0: // many lines of plain text
				e.Result.Value = line(100+rnd(200), "")
			case 1: // characters that Clean removes, and tabs
				e.Result.Value = line(100+rnd(200), "\x1b[2J\x7f\u202e\t")
			case 2: // characters of two UTF-16 units, and lines within an entry
				e.Result.Value = line(100+rnd(200), "😀\n")
			case 3: // an entry that is not UTF-8
				e.Result.Value = line(100+rnd(200), "")
				if k == 150 {
					e.Result.Value += "\xe1\xba"
				}
			case 4: // a few huge entries: too few lines to stop early
				e.Result.Value = ""
				if k < 3 {
					e.Result.Value = line(20000+rnd(9000), "")
				}
			case 6: // entries of one wrapped line, being mostly spaces, then short ones
				e.Result.Value = line(1+rnd(6), "")
				if k < 3 {
					e.Result.Value = "a" + strings.Repeat(" ", 33000+rnd(1000)) + "b"
				}
			case 5: // spaces at both ends, and entries of another cycle
				e.Result.Value = "  " + line(50+rnd(400), "") + "\n "
				if k%5 == 0 {
					t.Assignments[k].LastReport = t.Assignments[k].LastReport.Add(-1)
				}
			}
			e.Obstacles.Value = line(150+rnd(150), "\n")
			e.Proposals.Value = strings.Repeat("Đề nghị bổ sung kinh phí. ", 1+rnd(12))
			if i/6%7 == 6 {
				// The row's height is the result's alone.
				e.Obstacles.Value, e.Proposals.Value = "", ""
			}
			t.Assignments[k].Entry = &e
		}
	}
	return r
}

// TestEntryTextStops checks that entryText's early stop changes nothing
// in the workbook: cut cells, row heights, shared strings.
func TestEntryTextStops(t *testing.T) {
	for seed := range 4 {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			early := write(t, longEntries(seed), fixtureOptions(i18n.VI))
			entryStop = false
			full := write(t, longEntries(seed), fixtureOptions(i18n.VI))
			entryStop = true
			if bytes.Equal(early, full) {
				return
			}
			a, b := entries(t, early), entries(t, full)
			for n, x := range b {
				if y := a[n]; x != y {
					i := 0
					for i < len(x) && i < len(y) && x[i] == y[i] {
						i++
					}
					t.Errorf("%s differs at byte %d:\nfull  %.200s\nearly %.200s", n, i, x[max(i-80, 0):], y[max(i-80, 0):])
				}
			}
			if !t.Failed() {
				t.Error("the packages differ, not their entries")
			}
		})
	}
}

// TestEntryTextIsCut checks that the cases of TestEntryTextStops do stop
// early, and that some do not.
func TestEntryTextIsCut(t *testing.T) {
	r := longEntries(0)
	wb := newWorkbook(excelize.NewFile(), fromResult(r, fixtureOptions(i18n.VI)), fixtureOptions(i18n.VI))
	wb.layout("s").noBlocks = true
	cut, whole := 0, 0
	for i := range r.Tasks {
		if len(r.Tasks[i].Assignments) < 100 {
			continue
		}
		field := func(e *model.Entry) string { return e.Result.Value }
		early, _ := wb.entryText(&r.Tasks[i], field, 30)
		full, _ := wb.entryText(&r.Tasks[i], field, -1)
		if len(early) < len(full) {
			cut++
		} else {
			whole++
		}
	}
	if cut == 0 || whole == 0 {
		t.Errorf("%d texts cut, %d whole", cut, whole)
	}
}
