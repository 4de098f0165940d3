package xlsx

import (
	"slices"

	"github.com/xuri/excelize/v2"
)

// Page breaks of the summary sheet. A break is set only where a part of
// the sheet (a section's title, its table and, for the chart, the picture)
// would not fit in what is left of the page: a fixed break before every
// part printed a short summary on four pages, most of them half empty.

// keep is a part of a sheet that should print on one page: rows
// from..to, then extra points of height below them (a chart floating over
// empty rows). A part taller than a page starts a new page only when what
// is left of the page cannot hold its first lead rows (its title, its
// header and a row of the table).
type keep struct {
	from, to, lead int
	extra          float64
	// blocks are the first rows of the blocks a part that runs on is
	// better broken before (a task's rows, merged down its name), in
	// order: its page then breaks before the block that does not fit
	// rather than inside it, where the next page would open on rows
	// whose task is not named.
	blocks []int
}

// A4 landscape with the margins pageSetup sets, in points.
const (
	a4LongPt  = 297 / 25.4 * 72
	a4ShortPt = 210 / 25.4 * 72
	marginsW  = (0.98 + 0.59) * 72
	marginsH  = (0.79 + 0.79) * 72
	// pageSlack is the share of the page the estimate uses: row heights
	// are estimates and renderers round differently.
	pageSlack = 0.93
)

// widthScale is the print scale, in percent, at which a sheet of
// columns widths fits the page's width (at most 100).
func widthScale(widths []float64) int {
	px := 0.0
	for _, w := range widths {
		px += w*7 + 5
	}
	return min(100, int((a4LongPt-marginsW)/(px*0.75)*100))
}

// pageHeight is the height of rows, in the sheet's points, that one
// printed page holds at scale percent.
func pageHeight(scale int) float64 {
	return (a4ShortPt - marginsH) / (float64(scale) / 100) * pageSlack
}

// rowHeight is the height row r prints at once flushHeights has run.
func (l *sheetLayout) rowHeight(r int) float64 {
	if h, ok := l.fixed[r]; ok {
		return h
	}
	if h := l.need.at(r); h > 0 {
		return min(h, maxRowHeight)
	}
	return defaultRowHeight
}

// pageBreaks returns the rows before which a page must break so that
// each part of keeps (in row order, not overlapping) prints on one page,
// and the number of pages. A part taller than half a page (a long list)
// may run on to the next page once its lead rows are placed, at a break
// of its own; a shorter one that does not fit what is left of the page
// starts a new one.
func pageBreaks(l *sheetLayout, keeps []keep, page float64) ([]int, int) {
	return pageBreaksIn(l, keeps, page, page/2)
}

// pageBreaksIn is pageBreaks where a part runs on to the next page only
// when it is taller than runOn.
func pageBreaksIn(l *sheetLayout, keeps []keep, page, runOn float64) ([]int, int) {
	var breaks []int
	pages, used, r, top := 1, 0.0, 1, 1
	// add places a row (or, for row 0, the height under a part), breaking
	// the page before it when it does not fit: every page starts at a
	// break the sheet sets, so that a renderer whose rows come out
	// shorter than the estimate does not move the page ends itself. top
	// is the first row of the page.
	add := func(row int, h float64) {
		if used > 0 && used+h > page {
			if row > 0 {
				breaks = append(breaks, row)
				top = row
			}
			pages++
			used = 0
		}
		used += h
	}
	// blockStart is the first row of the block of k holding row, when it
	// starts after the page's first row and before row, and the whole
	// block fits on a page: the page is then better broken there.
	blockStart := func(k keep, row int) int {
		b, end := 0, k.to
		for i, s := range k.blocks {
			if s > row {
				end = s - 1
				break
			}
			b = s
			if i == len(k.blocks)-1 {
				end = k.to
			}
		}
		if b <= top || b >= row {
			return 0
		}
		h := 0.0
		for i := b; i <= end; i++ {
			h += l.rowHeight(i)
		}
		if h > page {
			return 0
		}
		return b
	}
	for _, k := range keeps {
		for ; r < k.from; r++ {
			add(r, l.rowHeight(r))
		}
		whole, lead := k.extra, 0.0
		for i := k.from; i <= k.to; i++ {
			whole += l.rowHeight(i)
			if i < k.from+k.lead {
				lead += l.rowHeight(i)
			}
		}
		need := whole
		if whole > runOn && k.extra == 0 {
			need = lead
		}
		if used > 0 && used+need > page {
			breaks = append(breaks, k.from)
			top = k.from
			pages++
			used = 0
		}
		for ; r <= k.to; r++ {
			h := l.rowHeight(r)
			if b := blockStart(k, r); b > 0 && used > 0 && used+h > page {
				// The rows of the block placed on this page move on.
				moved := 0.0
				for i := b; i < r; i++ {
					moved += l.rowHeight(i)
				}
				breaks = append(breaks, b)
				top = b
				pages++
				used = moved
			}
			add(r, h)
		}
		add(0, k.extra)
	}
	return breaks, pages
}

// summaryPages is the most pages the summary sheet prints on.
const summaryPages = 3

// paginate sets the page breaks of sheet for keeps once flushHeights has
// run, and the print scale at which the parts fit at most pages pages:
// the scale that fits the sheet's width, or a smaller one when they do
// not fit in as many pages at it. The scale is fixed rather than "fit to
// pages": both Excel and LibreOffice ignore manual page breaks in that
// mode, and so would split a table wherever the page ends.
func (wb *workbook) paginate(sheet string, keeps []keep, pages int) {
	if wb.err != nil {
		return
	}
	l := wb.layout(sheet)
	loose := slices.Clone(keeps)
	for i := range loose {
		loose[i].blocks = nil
	}
	// From the most readable to the most compact: every part shorter than
	// a page whole on its page (a table split from its header loses its
	// meaning), and long parts broken before a block; then parts taller
	// than half a page running on; then breaking anywhere. The first way
	// that fits the pages at a scale down to minScale is taken; when none
	// does, the one with the fewest pages.
	ways := []struct {
		keeps []keep
		runOn float64 // share of the page a part must pass to run on
	}{{keeps, 1}, {keeps, 0.5}, {loose, 0.5}}
	var scale, n int
	var breaks []int
	for i, w := range ways {
		sc := widthScale(l.widths)
		b, m := pageBreaksIn(l, w.keeps, pageHeight(sc), w.runOn*pageHeight(sc))
		for m > pages && sc > minScale {
			sc--
			b, m = pageBreaksIn(l, w.keeps, pageHeight(sc), w.runOn*pageHeight(sc))
		}
		if i == 0 || m < n {
			scale, breaks, n = sc, b, m
		}
		if n <= pages {
			break
		}
	}
	for _, row := range breaks {
		wb.pageBreak(sheet, row)
	}
	adjust, fit := uint(scale), false
	wb.xl(func(f *excelize.File) error {
		return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{AdjustTo: &adjust})
	})
	wb.xl(func(f *excelize.File) error {
		return f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
	})
}

// minScale is the smallest print scale paginate sets, in percent: smaller
// text is not worth saving a page.
const minScale = 55
