package render

import "strings"

// Hanging writes text after head, wrapped at spaces to width columns, the
// lines after the first indented under the text's start: the form of the
// `due` agenda, whose lines are longer than any terminal. Words are never
// split at the border (only a word longer than the room left is cut). A
// width of 0 or less means 100, as for the status table; the text keeps at
// least 20 columns, however deep the head.
func Hanging(head, text string, width int) string {
	if width <= 0 {
		width = 100
	}
	hw := textWidth(head)
	lines := wrap(text, max(width-hw, 20))
	return head + strings.Join(lines, "\n"+strings.Repeat(" ", hw))
}
