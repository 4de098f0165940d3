package render

import (
	"strings"

	"github.com/plan06/plan06/internal/safetext"
)

// box is a table drawn with box-drawing lines, sized to the terminal.
//
// Every box is laid out here (widths, wrap); the tables without heading
// rows are then drawn by tablewriter (box.grid), the task table, whose
// group headings span every column, by box.render. tablewriter v1.1.5
// cannot draw those headings: its only spanning cell is a horizontal merge
// of equal cells, and
//   - it wraps each cell at its own column's width before merging, so a
//     heading longer than a column comes out cut into different pieces per
//     column, which then do not merge; with no fixed widths it widens every
//     column to the heading's whole text instead;
//   - merging is on for all rows or none (CellMerging.ByRowIndex is
//     "reserved for future features"), so two equal cells side by side in
//     a task row ("—", "—") would merge too;
//   - a rule is drawn between all rows or none (Settings.Separators.
//     BetweenRows), not above and below the headings only.
//
// Ambiguous letters (box drawing, "—") are one column wide whatever the
// locale: see textWidth and eastAsianOff.
type box struct {
	cols []boxCol
	rows []boxRow
}

// boxCol is one column: its header and how it gives way when the table is
// too wide for the terminal.
type boxCol struct {
	header string
	// right aligns numbers.
	right bool
	// weight is the column's share of the shrinking: a column of weight 3
	// stays three times as wide as one of weight 1 while both shrink; 0
	// never shrinks.
	weight int
	// soft is the width the column keeps while other columns can still
	// give way; 0 keeps its full width until then, 1 lets it go down to its
	// longest word from the start (a number under a two-word header).
	// Titles and names give way first; short labels (statuses, dates) wrap
	// only when nothing else can.
	soft int
}

// boxRow is a row of cells, or, when span is set, a heading across the
// whole table.
type boxRow struct {
	cells []boxCell
	span  bool
	title string
	// indent moves a heading right by that many columns (nested groups).
	indent int
}

// boxCell is the text of a cell and the SGR colour it takes when colour is
// on ("" for none).
type boxCell struct {
	text  string
	color string
}

// add appends a row of cells, one per column. The text of each is made
// safe for a terminal here (safetext.Line), before it is measured.
func (b *box) add(cells ...boxCell) {
	for i := range cells {
		cells[i].text = safetext.Line(cells[i].text)
	}
	b.rows = append(b.rows, boxRow{cells: cells})
}

// heading appends a heading row, indented by indent columns.
func (b *box) heading(title string, indent int) {
	b.rows = append(b.rows, boxRow{span: true, title: safetext.Line(title), indent: indent})
}

// shrinkFloor is the narrowest a shrinking column is made to wait for its
// longest word: longer words are cut instead.
const shrinkFloor = 16

// lastFloor is the narrowest a shrinking column is made at all, when the
// table does not fit otherwise.
const lastFloor = 6

// widths returns each column's content width: its widest cell, and when
// the table does not fit in width columns, less. The columns shrink in
// proportion to their weight, first down to their soft width, then, if the
// table is still too wide, down to their longest word (or shrinkFloor).
func (b *box) widths(width int) []int {
	n := len(b.cols)
	w := make([]int, n)
	hard := make([]int, n)
	for i, c := range b.cols {
		w[i] = textWidth(c.header)
		hard[i] = longestWord(c.header)
	}
	for _, r := range b.rows {
		if r.span {
			continue
		}
		for i, c := range r.cells {
			w[i] = max(w[i], textWidth(c.text))
			hard[i] = max(hard[i], longestWord(c.text))
		}
	}
	soft := make([]int, n)
	for i, c := range b.cols {
		hard[i] = min(hard[i], shrinkFloor, w[i])
		soft[i] = w[i]
		if c.soft > 0 {
			soft[i] = max(hard[i], min(c.soft, w[i]))
		}
	}
	excess := 3*n + 1 - width
	for _, x := range w {
		excess += x
	}
	// Last, for a terminal narrower than the words (COLUMNS=60), the
	// columns that shrink go down to lastFloor, their words cut: the table
	// keeps to the width while it can.
	last := make([]int, n)
	for i := range last {
		last[i] = min(hard[i], lastFloor)
	}
	for _, floor := range [][]int{soft, hard, last} {
		for excess > 0 {
			best := -1
			for i, c := range b.cols {
				if c.weight == 0 || w[i] <= floor[i] {
					continue
				}
				if best < 0 || w[i]*b.cols[best].weight > w[best]*c.weight {
					best = i
				}
			}
			if best < 0 {
				break
			}
			w[best]--
			excess--
		}
	}
	return w
}

// render draws the table at most width columns wide where it can: a rule
// under the header and around every heading, none between plain rows.
func (b *box) render(sb *strings.Builder, width int, color bool) {
	w := b.widths(width)
	inner := len(w)*3 - 3
	for _, x := range w {
		inner += x
	}
	header := make([]boxCell, len(b.cols))
	for i, c := range b.cols {
		header[i] = boxCell{text: c.header}
	}
	rows := append([]boxRow{{cells: header}}, b.rows...)
	b.rule(sb, w, nil, &rows[0])
	for i := range rows {
		r := &rows[i]
		if i > 0 && (i == 1 || r.span || rows[i-1].span) {
			b.rule(sb, w, &rows[i-1], r)
		}
		if r.span {
			for _, line := range wrap(r.title, inner-r.indent) {
				sb.WriteString("│ ")
				sb.WriteString(pad(strings.Repeat(" ", r.indent)+line, inner, false))
				sb.WriteString(" │\n")
			}
			continue
		}
		b.line(sb, w, r.cells, i == 0, color)
	}
	b.rule(sb, w, &rows[len(rows)-1], nil)
}

// line writes one row, its cells wrapped and side by side.
func (b *box) line(sb *strings.Builder, w []int, cells []boxCell, header, color bool) {
	wrapped := make([][]string, len(w))
	height := 1
	for i := range w {
		text := ""
		if i < len(cells) {
			text = cells[i].text
		}
		wrapped[i] = wrap(text, w[i])
		height = max(height, len(wrapped[i]))
	}
	for k := range height {
		sb.WriteString("│")
		for i := range w {
			s := ""
			if k < len(wrapped[i]) {
				s = wrapped[i][k]
			}
			right := b.cols[i].right
			sb.WriteString(" ")
			if c := cellColor(cells, i); color && !header && c != "" && s != "" {
				// Colour the text only, not the padding, so that a
				// terminal that shows the background shows no band.
				gap := strings.Repeat(" ", max(w[i]-textWidth(s), 0))
				if right {
					sb.WriteString(gap)
				}
				sb.WriteString(sgr(c, s))
				if !right {
					sb.WriteString(gap)
				}
			} else {
				sb.WriteString(pad(s, w[i], right))
			}
			sb.WriteString(" │")
		}
		sb.WriteString("\n")
	}
}

func cellColor(cells []boxCell, i int) string {
	if i < len(cells) {
		return cells[i].color
	}
	return ""
}

// rule draws the line between rows above and below (nil at the top or the
// bottom of the table); a column boundary joins the line on the side
// where a plain row has it.
func (b *box) rule(sb *strings.Builder, w []int, above, below *boxRow) {
	splitUp := above != nil && !above.span
	splitDown := below != nil && !below.span
	left, right := "├", "┤"
	switch {
	case above == nil:
		left, right = "┌", "┐"
	case below == nil:
		left, right = "└", "┘"
	}
	sb.WriteString(left)
	for i, x := range w {
		if i > 0 {
			sb.WriteString(junction(splitUp, splitDown))
		}
		sb.WriteString(strings.Repeat("─", x+2))
	}
	sb.WriteString(right)
	sb.WriteString("\n")
}

func junction(up, down bool) string {
	switch {
	case up && down:
		return "┼"
	case up:
		return "┴"
	case down:
		return "┬"
	}
	return "─"
}

// sgr wraps s in an ANSI colour and a reset.
func sgr(code, s string) string { return "\x1b[" + code + "m" + s + "\x1b[0m" }
