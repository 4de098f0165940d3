package xlsx

import "github.com/xuri/excelize/v2"

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

// pageHeight is the height of rows, in the sheet's points, that one
// printed page holds: fitting the sheet to the page's width scales the
// rows down with it.
func pageHeight(widths []float64) float64 {
	px := 0.0
	for _, w := range widths {
		px += w*7 + 5
	}
	scale := 1.0
	if sheetPt := px * 0.75; sheetPt > a4LongPt-marginsW {
		scale = (a4LongPt - marginsW) / sheetPt
	}
	return (a4ShortPt - marginsH) / scale * pageSlack
}

// rowHeight is the height row r prints at once flushHeights has run.
func (l *sheetLayout) rowHeight(r int) float64 {
	if h, ok := l.fixed[r]; ok {
		return h
	}
	if h := l.need[r]; h > 0 {
		return min(h, 409)
	}
	return defaultRowHeight
}

// pageBreaks returns the rows before which a page must break so that
// each part of keeps (in row order, not overlapping) prints on one page,
// and the number of pages. A part taller than half a page (a long list)
// may run on to the next page once its lead rows are placed; a shorter
// one that does not fit what is left of the page starts a new one.
func pageBreaks(l *sheetLayout, keeps []keep, page float64) ([]int, int) {
	var breaks []int
	pages, used, r := 1, 0.0, 1
	add := func(h float64) {
		if used > 0 && used+h > page {
			pages++
			used = 0
		}
		used += h
	}
	for _, k := range keeps {
		for ; r < k.from; r++ {
			add(l.rowHeight(r))
		}
		whole, lead := k.extra, 0.0
		for i := k.from; i <= k.to; i++ {
			whole += l.rowHeight(i)
			if i < k.from+k.lead {
				lead += l.rowHeight(i)
			}
		}
		need := whole
		if whole > page/2 && k.extra == 0 {
			need = lead
		}
		if used > 0 && used+need > page {
			breaks = append(breaks, k.from)
			pages++
			used = 0
		}
		for ; r <= k.to; r++ {
			add(l.rowHeight(r))
		}
		add(k.extra)
	}
	return breaks, pages
}

// summaryPages is the most pages the summary sheet prints on.
const summaryPages = 3

// paginate sets the page breaks of sheet for keeps once flushHeights has
// run, and has it printed on at most pages pages: where the parts do not
// fit them at the scale that fits the page's width, the breaks are set for
// the smallest scale at which they do, and the sheet is scaled to fit that
// many pages tall (Excel and LibreOffice then choose the scale).
func (wb *workbook) paginate(sheet string, keeps []keep, pages int) {
	if wb.err != nil {
		return
	}
	l := wb.layout(sheet)
	page := pageHeight(l.widths)
	breaks, n := pageBreaks(l, keeps, page)
	for shrink := 1.05; n > pages && shrink < 2; shrink += 0.05 {
		breaks, n = pageBreaks(l, keeps, page*shrink)
	}
	for _, row := range breaks {
		wb.pageBreak(sheet, row)
	}
	one := 1
	wb.check(wb.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{FitToWidth: &one, FitToHeight: &pages}))
}
