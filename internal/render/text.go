package render

import (
	"strings"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// textWidth is the number of terminal columns s takes. Combining marks
// (Vietnamese written in NFD) take none and East Asian wide letters take
// two; East Asian ambiguous letters, box drawing, "—" and "█" among them,
// take one whatever the locale, so the output does not change with $LANG.
// s must not hold ANSI escapes: colour is added after measuring.
//
// It is tablewriter's own measure (twwidth.WidthWithOptions, which reads
// no environment and no global setting) with East Asian width off, the
// setting every tablewriter table here is drawn with (eastAsianOff): the
// widths box.widths fits to the terminal are then exactly the widths
// tablewriter pads to. (golang.org/x/text/width, used before, is of an
// older Unicode and disagrees with it on a few hundred symbols, none of
// them Vietnamese.)
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	if r == '\t' {
		// A control character, as displaywidth counts the others;
		// twwidth would give it the tab width it guesses from $TERM
		// and the working directory. (wrap leaves no tab in a cell.)
		return 0
	}
	return twwidth.WidthWithOptions(string(r), narrow)
}

// narrow is twwidth's measure with East Asian width off.
var narrow = twwidth.Options{EastAsianWidth: false}

// wrap breaks s into lines of at most w columns at spaces; runs of white
// space (new lines included) count as one space. A word longer than w is
// cut. An empty s gives one empty line, so every cell has a line.
func wrap(s string, w int) []string {
	w = max(w, 1)
	var lines []string
	line, lineW, open := "", 0, false
	for _, word := range strings.Fields(s) {
		ww := textWidth(word)
		if open && lineW+1+ww <= w {
			line += " " + word
			lineW += 1 + ww
			continue
		}
		if open {
			lines = append(lines, line)
		}
		for ww > w {
			head, rest := cut(word, w)
			lines = append(lines, head)
			word = rest
			ww = textWidth(word)
		}
		line, lineW, open = word, ww, true
	}
	if open || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// cut splits word after at most w columns, keeping at least one rune in
// the head so that a wide letter in a one-column cell still moves on.
func cut(word string, w int) (string, string) {
	n := 0
	for i, r := range word {
		rw := runeWidth(r)
		if n+rw > w && i > 0 {
			return word[:i], word[i:]
		}
		n += rw
	}
	return word, ""
}

// longestWord is the width of the widest word of s.
func longestWord(s string) int {
	n := 0
	for _, word := range strings.Fields(s) {
		n = max(n, textWidth(word))
	}
	return n
}

// pad fills s with spaces to w columns, on the right or, for right, on the left.
func pad(s string, w int, right bool) string {
	gap := w - textWidth(s)
	if gap <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", gap) + s
	}
	return s + strings.Repeat(" ", gap)
}
