package xlsx

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/report"
	"github.com/plan06/plan06/internal/status"
	"github.com/plan06/plan06/internal/synth"
)

// TestPageBreaks checks the rule on rows of known heights: parts that fit
// share a page, a part that does not fit what is left starts a page, and
// a part taller than a page starts one only when its lead rows do not fit,
// and a part that runs on breaks before the block that does not fit.
func TestPageBreaks(t *testing.T) {
	l := &sheetLayout{fixed: map[int]float64{}}
	for r := 1; r <= 200; r++ {
		l.need.set(r, 20)
	}
	tests := []struct {
		name  string
		keeps []keep
		want  []int
		pages int
	}{
		{"all fit", []keep{{from: 1, to: 10, lead: 2}, {from: 12, to: 20, lead: 2}}, nil, 1},
		{"second does not fit", []keep{{from: 1, to: 20, lead: 2}, {from: 22, to: 31, lead: 2}}, []int{22}, 2},
		{"chart below", []keep{{from: 1, to: 10, lead: 2}, {from: 12, to: 15, lead: 2, extra: 300}}, []int{12}, 2},
		{"long list runs on", []keep{{from: 1, to: 10, lead: 2}, {from: 12, to: 30, lead: 3}}, []int{26}, 2},
		{"long list, lead does not fit", []keep{{from: 1, to: 23, lead: 2}, {from: 25, to: 80, lead: 3}}, []int{25, 50, 75}, 4},
		// Row 26 does not fit; its block began at 23: the page breaks
		// there, and the block's rows move on with it.
		{"long list breaks before a block", []keep{{from: 1, to: 10, lead: 2}, {from: 12, to: 30, lead: 3, blocks: []int{15, 19, 23, 28}}}, []int{23}, 2},
		// A block as long as a page breaks inside it, as before.
		{"block longer than a page", []keep{{from: 1, to: 10, lead: 2}, {from: 12, to: 60, lead: 3, blocks: []int{14}}}, []int{26, 51}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// 500 points a page: 25 rows.
			got, pages := pageBreaks(l, tt.keeps, 500)
			if !slices.Equal(got, tt.want) || pages != tt.pages {
				t.Errorf("breaks %v on %d pages, want %v on %d", got, pages, tt.want, tt.pages)
			}
		})
	}
}

// TestSummaryPagesAtScale writes the month workbook of the synthetic
// province and checks that Tổng hợp prints on at most 3 pages of A4
// landscape, counted from the file (its row heights and page breaks, the
// chart under its table), and that a page breaks only before a part's
// title, never inside a table.
func TestSummaryPagesAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: generates a province-scale plan")
	}
	dir := filepath.Join(t.TempDir(), "plan")
	if _, err := synth.Generate(dir, synth.Options{Scale: synth.ScaleProvince, Seed: 1, Year: 2024}); err != nil {
		t.Fatal(err)
	}
	p, _, err := load.Load(os.DirFS(dir), ".")
	if err != nil {
		t.Fatal(err)
	}
	period, _ := dates.ParsePeriod("2024-03")
	cy := p.Cal.PeriodCycle(period, p.Reporting.Day, true)
	day := status.CompileDay(p, cy)
	rep := report.ForPeriod(p, period, day, i18n.VI)
	var buf bytes.Buffer
	if err := WriteReport(&buf, rep, Options{Lang: i18n.VI, Title: "T", Day: day, PeriodFrom: cy.PeriodFrom, PeriodTo: cy.PeriodTo}); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	f := open(t, b)
	const s = "Tổng hợp"
	rows, err := f.GetRows(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 30 {
		t.Fatalf("Tổng hợp has %d rows: the plan is too small to test pages", len(rows))
	}
	sheet := zipEntry(t, b, "xl/worksheets/sheet1.xml")
	m := regexp.MustCompile(`<pageSetup[^>]* scale="(\d+)"`).FindStringSubmatch(sheet)
	if m == nil {
		t.Fatal("Tổng hợp has no print scale")
	}
	scale, _ := strconv.Atoi(m[1])
	if scale < minScale || scale > widthScale(summaryWidths) {
		t.Errorf("Tổng hợp printed at %d%%, want %d%% to %d%%", scale, minScale, widthScale(summaryWidths))
	}
	breaks := map[int]bool{}
	for _, m := range regexp.MustCompile(`<brk id="(\d+)"`).FindAllStringSubmatch(sheet, -1) {
		n, _ := strconv.Atoi(m[1])
		breaks[n+1] = true // the break is after row id
	}
	// A page breaks before a part's title, or inside the targets list
	// (part 3), which may run on; never inside another part.
	title := regexp.MustCompile(`^\d\. `)
	heights := make([]float64, len(rows)+1)
	part := ""
	for r := 1; r <= len(rows); r++ {
		if heights[r], err = f.GetRowHeight(s, r); err != nil {
			t.Fatal(err)
		}
		isTitle := len(rows[r-1]) > 0 && title.MatchString(rows[r-1][0])
		if isTitle {
			part = rows[r-1][0][:1]
		}
		// A break at the blank row between two parts splits neither.
		spacer := len(rows[r-1]) == 0 || strings.Join(rows[r-1], "") == ""
		if breaks[r] && !isTitle && !spacer && part != "3" {
			t.Errorf("page break before row %d, inside part %q", r, part)
		}
	}
	// The pages the sheet takes at its scale: a page at each manual
	// break, none elsewhere (each page's rows fit it), the chart under the
	// last row on the last page.
	page := pageHeight(scale)
	pages, used := 1, 0.0
	for r := 1; r <= len(rows); r++ {
		if breaks[r] {
			pages++
			used = 0
		}
		if used+heights[r] > page {
			t.Errorf("row %d does not fit on page %d", r, pages)
		}
		used += heights[r]
	}
	if used+chartHeight*0.75 > page {
		t.Errorf("the chart does not fit under its table on page %d", pages)
	}
	if pages > summaryPages {
		t.Errorf("Tổng hợp prints on %d pages (%d rows, breaks %v), want at most %d", pages, len(rows), breaks, summaryPages)
	}
	t.Logf("%d rows, breaks %v, %d pages at %d%%", len(rows), breaks, pages, scale)
}

// TestOneLine checks the short cut of textHeight against wrappedLines:
// whatever it calls one line, wrappedLines does too, and it does call
// short texts one line.
func TestOneLine(t *testing.T) {
	texts := []string{"", "1", "Sở Thông tin và Truyền thông", "ĐẠI HỌC QUỐC GIA", "a\nb", "W", "iiii iiii iiii iiii iiii iiii iiii",
		"Ủy ban nhân dân xã Đông Hòa, huyện Đông Sơn", "x\ty", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}
	hits := 0
	for _, s := range texts {
		for _, px := range []float64{20, 60, 150, 230, 400} {
			for _, bold := range []bool{false, true} {
				if oneLine(s, px, 11, bold) {
					hits++
					if n := wrappedLines(s, px, 11, bold); n != 1 {
						t.Errorf("oneLine(%q, %v, bold %v) but wrappedLines gives %d", s, px, bold, n)
					}
				}
			}
		}
	}
	if !oneLine("Sở Tư pháp", 230, 11, false) || oneLine("a\nb", 400, 11, false) || hits < 20 {
		t.Errorf("oneLine decides too little (%d of %d)", hits, len(texts)*10)
	}
}

// TestFlushHeights checks flushHeights against the rule it was first
// written with, on maps: every row that needs a height or has one fixed,
// in order, the fixed height first, blocks sharing what they lack.
func TestFlushHeights(t *testing.T) {
	x := uint32(7)
	next := func(n int) int {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return int(x % uint32(n))
	}
	for round := range 200 {
		wb := newWorkbook(excelize.NewFile(), fromResult(fixture(), fixtureOptions(i18n.VI)), fixtureOptions(i18n.VI))
		rs := &rawSheet{}
		wb.raws = map[string]*rawSheet{"s": rs}
		l := wb.layout("s")
		need, fixed := map[int]float64{}, map[int]float64{}
		rows := 1 + next(80)
		for range next(rows + 1) {
			r, h := 1+next(rows), float64(4+next(60))
			l.need.set(r, max(l.need.at(r), h))
			need[r] = max(need[r], h)
		}
		for range next(6) {
			r, h := 1+next(rows+5), float64(next(30))
			wb.height("s", r, h)
			fixed[r] = h
		}
		for range next(4) {
			from := 1 + next(rows)
			b := block{from, from + next(4), float64(next(200))}
			l.blocks = append(l.blocks, b)
		}
		// The rule on maps.
		for _, b := range l.blocks {
			have := 0.0
			for r := b.from; r <= b.to; r++ {
				if need[r] == 0 {
					need[r] = defaultRowHeight
				}
				have += need[r]
			}
			if have < b.need {
				extra := (b.need - have) / float64(b.to-b.from+1)
				for r := b.from; r <= b.to; r++ {
					need[r] += extra
				}
			}
		}
		var want []string
		for r := 1; r <= rows+5; r++ {
			h, ok := fixed[r]
			if !ok {
				if h, ok = need[r]; !ok {
					continue
				}
			}
			want = append(want, fmt.Sprintf("%d:%g", r, min(h, maxRowHeight)))
		}
		wb.flushHeights("s")
		var got []string
		for r := 1; r <= rs.n; r++ {
			if row := rs.at(r); row.hasHt {
				got = append(got, fmt.Sprintf("%d:%g", r, row.ht))
			}
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("round %d:\ngot  %v\nwant %v", round, got, want)
		}
	}
}
