package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/plan06/plan06/internal/report"
)

// Remind writes the standing office's reminder (SPEC §10) as Markdown for
// e-mail and chat: the subject, the units it goes to, then those that have
// not reported, those that reported late and each unit's overdue tasks with
// the days overdue.
func Remind(w io.Writer, rm *report.Reminder) error {
	r := rm.Result
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**\n\n", mdEscape(rm.T("remind.subject")))
	// As in the letter: the subject, Kính gửi, then the body.
	if !rm.Empty() {
		fmt.Fprintf(&b, "%s\n\n", mdEscape(rm.T("remind.to")))
		for _, u := range rm.Recipients {
			fmt.Fprintf(&b, "- %s\n", mdEscape(report.UnitName(u)))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%s\n", mdEscape(rm.Intro()))
	if rm.Empty() {
		fmt.Fprintf(&b, "\n%s\n", mdEscape(rm.T("remind.none")))
		_, err := io.WriteString(w, b.String())
		return err
	}
	n := 0
	if len(rm.Missing) > 0 {
		n++
		fmt.Fprintf(&b, "\n## %s\n\n", mdEscape(rm.T("remind.missing.head", n)))
		for _, u := range rm.Missing {
			fmt.Fprintf(&b, "- %s\n", mdEscape(report.UnitName(u.Unit)))
		}
	}
	if len(rm.Late) > 0 {
		n++
		fmt.Fprintf(&b, "\n## %s\n\n", mdEscape(rm.T("remind.late.head", n)))
		for _, u := range rm.Late {
			fmt.Fprintf(&b, "- %s\n", mdEscape(rm.T("remind.late.item", report.UnitName(u.Unit),
				report.Day(rm.Lang, u.Submitted), u.Submitted.Sub(r.Cycle.Deadline))))
		}
	}
	if len(rm.Overdue) > 0 {
		n++
		fmt.Fprintf(&b, "\n## %s\n", mdEscape(rm.T("remind.overdue.head", n)))
		for _, uo := range rm.Overdue {
			fmt.Fprintf(&b, "\n**%s**\n\n", mdEscape(report.UnitName(uo.Unit)))
			for _, it := range uo.Items {
				fmt.Fprintf(&b, "- %s\n", mdEscape(rm.ItemText(it)))
			}
		}
	}
	fmt.Fprintf(&b, "\n%s\n", mdEscape(rm.T("remind.closing")))
	_, err := io.WriteString(w, b.String())
	return err
}

// mdEscape keeps text from the files from turning into Markdown markup or
// HTML, and folds its line breaks into spaces so a list item stays one.
func mdEscape(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c == '\n' || c == '\r' || c == '\t':
			b.WriteByte(' ')
		case c < 0x20 || c == 0x7f:
		case strings.ContainsRune("\\`*_[]<>|#", c):
			b.WriteByte('\\')
			b.WriteRune(c)
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}
