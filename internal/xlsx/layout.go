package xlsx

import (
	"slices"
	"strings"
	"sync"
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
	need   rowHeights
	fixed  map[int]float64
	blocks []block
	// noBlocks says that the sheet has no block: a row's need then
	// matters only up to maxRowHeight, and the count of a long text's
	// lines can stop there.
	noBlocks bool
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
		l = &sheetLayout{fixed: map[int]float64{}}
		wb.layouts[sheet] = l
	}
	return l
}

// rowHeights are the heights rows need, in points: row r's at index r,
// 0 for a row that needs none (a row that needs a height needs more than
// 0: textHeight is at least 4).
type rowHeights []float64

func (h rowHeights) at(r int) float64 {
	if r < len(h) {
		return h[r]
	}
	return 0
}

func (h *rowHeights) set(r int, x float64) {
	if r >= len(*h) {
		if r >= cap(*h) {
			grown := make(rowHeights, r+1, max(2*cap(*h), r+1, 64))
			copy(grown, *h)
			*h = grown
		}
		*h = (*h)[:r+1]
	}
	(*h)[r] = x
}

// fontOf is the size and weight of a style, as fit needs them.
type fontOf struct {
	size float64
	bold bool
	wrap bool // text that does not wrap takes one line, spilling over
}

// fontSlot is a style's font, if the style is known (fonts).
type fontSlot struct {
	fo fontOf
	ok bool
}

// setFont records the font of style id.
func (wb *workbook) setFont(id int, fo fontOf) {
	if id < 0 {
		return
	}
	for len(wb.fonts) <= id {
		wb.fonts = append(wb.fonts, fontSlot{})
	}
	wb.fonts[id] = fontSlot{fo, true}
}

// font is the font of style, as fit needs it: a wrapped table font for a
// style the package did not make.
func (wb *workbook) font(style int) fontOf {
	if style >= 0 && style < len(wb.fonts) && wb.fonts[style].ok {
		return wb.fonts[style].fo
	}
	return fontOf{size: sizeTable, wrap: true}
}

// fit records that row needs room for s across columns from..to in style.
func (wb *workbook) fit(sheet string, row, from, to int, s string, style int) {
	l := wb.layout(sheet)
	l.need.set(row, max(l.need.at(row), wb.textHeight(l, from, to, s, style)))
}

// block writes s in column col merged down rows from..to, and records the
// room it needs.
func (wb *workbook) block(sheet string, col, from, to int, s string, style int) {
	if wb.err != nil {
		return
	}
	l := wb.layout(sheet)
	if l.noBlocks {
		panic("xlsx: a block on a sheet without blocks")
	}
	s = safetext.Clean(s)
	wb.setStr(sheet, col, from, s)
	if to > from {
		wb.mergeCell(sheet, col, from, col, to)
	}
	wb.setStyle(sheet, col, from, col, to, style)
	h := wb.textHeight(l, col, col, s, style)
	if to == from {
		l.need.set(from, max(l.need.at(from), h))
		return
	}
	l.blocks = append(l.blocks, block{from, to, h})
}

// textHeight is the height in points that s needs across columns from..to.
func (wb *workbook) textHeight(l *sheetLayout, from, to int, s string, style int) float64 {
	fo := wb.font(style)
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
		limit := 0
		if l.noBlocks {
			limit = lineLimit(fo.size)
		}
		key := wrapKey{s, px, fo, limit}
		var ok bool
		if n, ok = wb.wrapped[key]; !ok {
			n = wrapLines(s, px, fo.size, fo.bold, limit)
			wb.wrapped[key] = n
		}
	}
	return float64(n)*fo.size*1.22 + 4
}

// maxRowHeight is the highest row, in points (flushHeights caps every
// row at it).
const maxRowHeight = 409

// lineLimit is a count of lines of size points past which a row is as high
// as a row can be: textHeight's height of more lines is past maxRowHeight.
func lineLimit(size float64) int { return int((maxRowHeight-4)/(size*1.22)) + 1 }

// wrapKey names one measurement of wrappedLines; task titles and unit
// names repeat row after row.
type wrapKey struct {
	s     string
	px    float64
	fo    fontOf
	limit int
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
			if l.need.at(r) == 0 {
				l.need.set(r, defaultRowHeight)
			}
			have += l.need.at(r)
		}
		if have < b.need {
			extra := (b.need - have) / float64(b.to-b.from+1)
			for r := b.from; r <= b.to; r++ {
				l.need.set(r, l.need.at(r)+extra)
			}
		}
	}
	// The rows that need a height or have one fixed, in order.
	fixed := make([]int, 0, len(l.fixed))
	for r := range l.fixed {
		fixed = append(fixed, r)
	}
	slices.Sort(fixed)
	set := func(r int) {
		h, ok := l.fixed[r]
		if !ok {
			h = l.need.at(r)
		}
		wb.setRowHeight(sheet, r, min(h, maxRowHeight))
	}
	for r, h := range l.need {
		for len(fixed) > 0 && fixed[0] < r {
			if l.need.at(fixed[0]) == 0 {
				set(fixed[0])
			}
			fixed = fixed[1:]
		}
		if h != 0 {
			set(r)
		}
	}
	for _, r := range fixed {
		if l.need.at(r) == 0 {
			set(r)
		}
	}
}

// wrappedLines counts the lines s takes when wrapped word by word into px
// pixels at size points: each paragraph (line of s) takes at least one, a
// word too long for a line is broken.
func wrappedLines(s string, px, size float64, bold bool) int {
	return wrapLines(s, px, size, bold, 0)
}

// wrapLines is wrappedLines that stops counting, when limit > 0, once the
// count passes limit. It walks s once, rune by rune, without splitting it:
// the words are strings.Fields' (runs of runes that are not
// unicode.IsSpace), and each word's width adds its runes' widths in order,
// as emWidth does, so that the count is the same to the last bit.
func wrapLines(s string, px, size float64, bold bool, limit int) int {
	// Glyph widths in em, roughly Times New Roman's; bold runs wider.
	scale := size * 96 / 72
	if bold {
		scale *= 1.08
	}
	px *= 0.95 // room for rounding and kerning differences between renderers
	space := emWidth(" ") * scale
	em := emTable()
	total := 0
	n, used := 1, 0.0
	inWord, word := false, 0.0
	// endWord places a word of width word*scale on the paragraph's lines.
	endWord := func() {
		w := word * scale
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
		inWord, word = false, 0
	}
	for _, r := range s {
		if r == '\n' || unicode.IsSpace(r) {
			if inWord {
				endWord()
				if limit > 0 && total+n > limit {
					return total + n
				}
			}
			if r == '\n' {
				total += n
				n, used = 1, 0
				if limit > 0 && total > limit {
					return total
				}
			}
			continue
		}
		inWord = true
		if r >= utf8.RuneSelf && r < emTableSize {
			word += em[r]
		} else {
			word += runeEm(r)
		}
	}
	if inWord {
		endWord()
	}
	total += n
	return max(total, 1)
}

// emTableSize bounds the runes whose runeEm the table em holds: Latin
// with its extensions (Vietnamese's letters are at U+1EA0–U+1EF9),
// Greek, Cyrillic. The unicode tables runeEm looks in take most of
// wrapLines' time otherwise.
const emTableSize = 0x2000

// emTable is runeEm of every rune below emTableSize, made on first use.
var emTable = sync.OnceValue(func() *[emTableSize]float64 {
	var t [emTableSize]float64
	for r := range rune(emTableSize) {
		t[r] = runeEm(r)
	}
	return &t
})

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
		w += runeEm(r)
	}
	return w
}

// runeEm is the width of r in em.
func runeEm(r rune) float64 {
	if r < utf8.RuneSelf {
		switch {
		case r == ' ':
			return 0.25
		case 'A' <= r && r <= 'Z':
			return widestEm
		case '0' <= r && r <= '9':
			return 0.5
		case 'a' <= r && r <= 'z':
			return 0.47
		}
		return 0.33
	}
	switch {
	case unicode.IsUpper(r):
		return widestEm
	case unicode.IsDigit(r):
		return 0.5
	case unicode.IsLetter(r):
		return 0.47
	}
	return 0.33
}
