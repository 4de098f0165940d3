package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/report"
	"github.com/plan06/plan06/internal/status"
	"github.com/plan06/plan06/internal/synth"
)

// TestPageBreaks checks the rule on rows of known heights: parts that fit
// share a page, a part that does not fit what is left starts a page, and
// a part taller than a page starts one only when its lead rows do not fit.
func TestPageBreaks(t *testing.T) {
	l := &sheetLayout{need: map[int]float64{}, fixed: map[int]float64{}}
	for r := 1; r <= 200; r++ {
		l.need[r] = 20
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
		{"long list runs on", []keep{{from: 1, to: 10, lead: 2}, {from: 12, to: 30, lead: 3}}, nil, 2},
		{"long list, lead does not fit", []keep{{from: 1, to: 23, lead: 2}, {from: 25, to: 80, lead: 3}}, []int{25}, 4},
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
	if !regexp.MustCompile(`<pageSetup[^>]* fitToHeight="3"`).MatchString(sheet) {
		t.Error("Tổng hợp is not fitted to 3 pages tall")
	}
	breaks := map[int]bool{}
	for _, m := range regexp.MustCompile(`<brk id="(\d+)"`).FindAllStringSubmatch(sheet, -1) {
		n, _ := strconv.Atoi(m[1])
		breaks[n+1] = true // the break is after row id
	}
	title := regexp.MustCompile(`^\d\. `)
	heights := make([]float64, len(rows)+1)
	for r := 1; r <= len(rows); r++ {
		if heights[r], err = f.GetRowHeight(s, r); err != nil {
			t.Fatal(err)
		}
		if breaks[r] && (len(rows[r-1]) == 0 || !title.MatchString(rows[r-1][0])) {
			t.Errorf("page break before row %d, which is not a part's title", r)
		}
	}
	// The pages the sheet takes when printed at the scale that fits its
	// width, shrunk by shrink: the manual breaks, then a page whenever the
	// next row does not fit, and the chart under the last row.
	count := func(shrink float64) int {
		page := pageHeight(summaryWidths) * shrink
		pages, used := 1, 0.0
		for r := 1; r <= len(rows); r++ {
			if breaks[r] {
				pages++
				used = 0
			}
			if used+heights[r] > page {
				pages++
				used = 0
			}
			used += heights[r]
		}
		if used+chartHeight*0.75 > page {
			pages++
		}
		return pages
	}
	// Fitting 3 pages tall may shrink the print, but by a fifth at most.
	shrink := 1.0
	for count(shrink) > summaryPages && shrink < 1.25 {
		shrink += 0.01
	}
	if n := count(shrink); n > summaryPages {
		t.Errorf("Tổng hợp prints on %d pages at %.0f%% of its width's scale (%d rows, breaks %v), want at most %d",
			n, 100/shrink, len(rows), breaks, summaryPages)
	}
	t.Logf("%d rows, breaks %v, %d pages at the width's scale, 3 at %.0f%% of it", len(rows), breaks, count(1), 100/shrink)
}
