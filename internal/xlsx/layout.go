package xlsx

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plan06/plan06/internal/safetext"
)

// Row heights. Neither LibreOffice nor Excel grows a row to fit wrapped
// text when it opens a file (and no application does it for merged cells),
// so the workbook sets every row's height itself from an estimate of how
// many lines each cell's text takes in its column: the text is wrapped
// word by word with Times New Roman's average glyph widths. The estimate
// errs on the side of an extra line.

// sheetLayout collects what row heights need while a sheet is written.
type sheetLayout struct {
	widths []float64 // column widths in characters, from column A
	need   map[int]float64
	fixed  map[int]float64
	blocks []block
}

// block is text in a cell merged down rows from..to: the rows together
// need room for it.
type block struct {
	from, to int
	need     float64
}

// defaultRowHeight is the height of a row that sets none, in points.
const defaultRowHeight = 15

func (wb *workbook) layout(sheet string) *sheetLayout {
	if wb.layouts == nil {
		wb.layouts = map[string]*sheetLayout{}
	}
	l := wb.layouts[sheet]
	if l == nil {
		l = &sheetLayout{need: map[int]float64{}, fixed: map[int]float64{}}
		wb.layouts[sheet] = l
	}
	return l
}

// fontOf is the size and weight of a style, as fit needs them.
type fontOf struct {
	size float64
	bold bool
	wrap bool // text that does not wrap takes one line, spilling over
}

// fit records that row needs room for s across columns from..to in style.
func (wb *workbook) fit(sheet string, row, from, to int, s string, style int) {
	l := wb.layout(sheet)
	l.need[row] = max(l.need[row], wb.textHeight(l, from, to, s, style))
}

// block writes s in column col merged down rows from..to, and records the
// room it needs.
func (wb *workbook) block(sheet string, col, from, to int, s string, style int) {
	if wb.err != nil {
		return
	}
	a, b := cell(col, from), cell(col, to)
	s = safetext.Clean(s)
	wb.check(wb.f.SetCellStr(sheet, a, s))
	if to > from {
		wb.check(wb.f.MergeCell(sheet, a, b))
	}
	wb.check(wb.f.SetCellStyle(sheet, a, b, style))
	l := wb.layout(sheet)
	h := wb.textHeight(l, col, col, s, style)
	if to == from {
		l.need[from] = max(l.need[from], h)
		return
	}
	l.blocks = append(l.blocks, block{from, to, h})
}

// textHeight is the height in points that s needs across columns from..to.
func (wb *workbook) textHeight(l *sheetLayout, from, to int, s string, style int) float64 {
	fo, ok := wb.fonts[style]
	if !ok {
		fo = fontOf{size: sizeTable, wrap: true}
	}
	width := 0.0
	for c := from; c <= to; c++ {
		if c-1 < len(l.widths) {
			width += l.widths[c-1]
		} else {
			width += 9.14 // the default column width
		}
	}
	// A column's width counts characters of the default font's widest
	// digit (7 pixels at 11 pt Times New Roman), plus 5 pixels of padding.
	px := width*7 + 5 - 6 // less the cell's own margins
	n := 1
	if fo.wrap && !oneLine(s, px, fo.size, fo.bold) {
		key := wrapKey{s, px, fo}
		var ok bool
		if n, ok = wb.wrapped[key]; !ok {
			n = wrappedLines(s, px, fo.size, fo.bold)
			wb.wrapped[key] = n
		}
	}
	return float64(n)*fo.size*1.22 + 4
}

// wrapKey names one measurement of wrappedLines; task titles and unit
// names repeat row after row.
type wrapKey struct {
	s  string
	px float64
	fo fontOf
}

// height fixes a row's height in points (spacer rows), whatever its text.
func (wb *workbook) height(sheet string, row int, pt float64) {
	wb.layout(sheet).fixed[row] = pt
}

// flushHeights sets the height of every row that holds text. A merged
// block whose rows are too short for it shares what it lacks among them.
func (wb *workbook) flushHeights(sheet string) {
	l := wb.layout(sheet)
	for _, b := range l.blocks {
		have := 0.0
		for r := b.from; r <= b.to; r++ {
			if l.need[r] == 0 {
				l.need[r] = defaultRowHeight
			}
			have += l.need[r]
		}
		if have < b.need {
			extra := (b.need - have) / float64(b.to-b.from+1)
			for r := b.from; r <= b.to; r++ {
				l.need[r] += extra
			}
		}
	}
	rows := make([]int, 0, len(l.need)+len(l.fixed))
	for r := range l.need {
		rows = append(rows, r)
	}
	for r := range l.fixed {
		if _, dup := l.need[r]; !dup {
			rows = append(rows, r)
		}
	}
	slices.Sort(rows)
	for _, r := range rows {
		h, ok := l.fixed[r]
		if !ok {
			h = l.need[r]
		}
		wb.check(wb.f.SetRowHeight(sheet, r, min(h, 409)))
	}
}

// wrappedLines counts the lines s takes when wrapped word by word into px
// pixels at size points: each paragraph (line of s) takes at least one, a
// word too long for a line is broken.
func wrappedLines(s string, px, size float64, bold bool) int {
	// Glyph widths in em, roughly Times New Roman's; bold runs wider.
	scale := size * 96 / 72
	if bold {
		scale *= 1.08
	}
	px *= 0.95 // room for rounding and kerning differences between renderers
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

// oneLine reports, without wrapping it, that s takes one line in
// wrappedLines: it holds no line break and is no wider than px even if
// every character were as wide as the widest wrappedLines counts. Most
// cells (names, numbers, short labels) pass, at country scale tens of
// thousands of them.
func oneLine(s string, px, size float64, bold bool) bool {
	scale := size * 96 / 72
	if bold {
		scale *= 1.08
	}
	return strings.IndexByte(s, '\n') < 0 && float64(utf8.RuneCountInString(s))*widestEm*scale <= px*0.95
}

// widestEm is the widest character emWidth counts.
const widestEm = 0.70

// emWidth is the width of s in em at Times New Roman's average proportions.
func emWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == ' ':
			w += 0.25
		case unicode.IsUpper(r):
			w += widestEm
		case unicode.IsDigit(r):
			w += 0.5
		case unicode.IsLetter(r):
			w += 0.47
		default:
			w += 0.33
		}
	}
	return w
}
