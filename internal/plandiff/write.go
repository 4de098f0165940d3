package plandiff

import (
	"io"
	"strconv"
	"strings"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/safetext"
)

// WriteText writes d for a terminal: a heading per section, one line per
// change indented under it, a moved deadline marked ⚠. An empty diff is one
// line saying so.
func (d *Diff) WriteText(w io.Writer, lang i18n.Lang) error {
	p := printer{lang: lang}
	var sb strings.Builder
	if d.Empty() {
		sb.WriteString(i18n.T(lang, "diff.none") + "\n")
		_, err := io.WriteString(w, sb.String())
		return err
	}
	for i, s := range d.outline() {
		if i > 0 {
			sb.WriteString("\n")
		}
		sb.WriteString(i18n.T(lang, s.title) + "\n")
		for _, it := range s.items {
			sb.WriteString("  " + p.line(it.line) + "\n")
			for _, l := range it.sub {
				sb.WriteString("    " + p.line(l) + "\n")
			}
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// WriteMarkdown writes d as GitHub-flavoured Markdown for a pull request
// comment: a "### plan06 diff" heading, a one-line summary, the moved
// deadlines in a table first (reviewers must see them), then a bullet list
// per section with moved deadlines in bold behind ⚠️. An empty diff is one
// line saying so.
func (d *Diff) WriteMarkdown(w io.Writer, lang i18n.Lang) error {
	p := printer{lang: lang, md: true}
	var sb strings.Builder
	if d.Empty() {
		sb.WriteString(i18n.T(lang, "diff.none") + "\n")
		_, err := io.WriteString(w, sb.String())
		return err
	}
	sb.WriteString("### plan06 diff\n\n")
	sb.WriteString(p.say(d.summary()) + "\n")
	if moves := d.Moves(); len(moves) > 0 {
		sb.WriteString("\n#### ⚠️ " + i18n.T(lang, "diff.section.moves") + "\n\n")
		sb.WriteString("| " + i18n.T(lang, "diff.col.task") + " | " + i18n.T(lang, "diff.col.before") +
			" | " + i18n.T(lang, "diff.col.after") + " | " + i18n.T(lang, "diff.col.days") + " |\n")
		sb.WriteString("|---|---|---|---:|\n")
		for _, t := range moves {
			c := t.DueChange
			sb.WriteString("| " + p.arg(strong(t.ID)) + " | " + p.arg(dueDay(c.Before)) + " | " +
				p.arg(dueDay(c.After)) + " | " + days(c) + " |\n")
		}
	}
	for _, s := range d.outline() {
		sb.WriteString("\n#### " + i18n.T(lang, s.title) + "\n\n")
		for _, it := range s.items {
			sb.WriteString("- " + p.line(it.line) + "\n")
			for _, l := range it.sub {
				sb.WriteString("  - " + p.line(l) + "\n")
			}
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// days is the signed count of a move for the table: "+91", "-32", or "—"
// when the task became or stopped being ongoing.
func days(c *DueChange) string {
	switch {
	case c.Days > 0:
		return "+" + strconv.Itoa(c.Days)
	case c.Days < 0:
		return strconv.Itoa(c.Days)
	}
	return "—"
}

// printer turns sentences into text or Markdown in one language.
type printer struct {
	lang i18n.Lang
	md   bool
}

// line is a sentence as one line of output, flagged when it must be seen.
func (p printer) line(s sentence) string {
	out := p.say(s)
	if !s.flag {
		return out
	}
	if p.md {
		return "⚠️ **" + out + "**"
	}
	return "⚠ " + out
}

func (p printer) say(s sentence) string {
	args := make([]any, len(s.args))
	for i, a := range s.args {
		args[i] = p.arg(a)
	}
	return i18n.T(p.lang, s.key, args...)
}

func (p printer) arg(a any) string {
	switch a := a.(type) {
	case string:
		return a
	case words:
		if a == "" {
			return i18n.T(p.lang, "diff.none-value")
		}
		return p.escape(string(a))
	case quoted:
		if a == "" {
			return i18n.T(p.lang, "diff.none-value")
		}
		return "“" + p.escape(string(a)) + "”"
	case strong:
		if p.md {
			return "**" + p.escape(string(a)) + "**"
		}
		return oneLine(string(a))
	case code:
		if p.md && !strings.Contains(string(a), "`") {
			return "`" + oneLine(string(a)) + "`"
		}
		return p.escape(string(a))
	case num:
		n := strconv.FormatFloat(float64(a), 'f', -1, 64)
		if p.lang == i18n.VI {
			n = strings.Replace(n, ".", ",", 1)
		}
		return n
	case label:
		return i18n.T(p.lang, string(a))
	case day:
		if dates.Date(a).IsZero() {
			return i18n.T(p.lang, "diff.none-value")
		}
		return dates.Date(a).VN()
	case month:
		return i18n.Month(p.lang, dates.Month(a).Year, int(dates.Month(a).Month))
	case sentence:
		return p.say(a)
	case list:
		parts := make([]string, len(a.items))
		for i, x := range a.items {
			parts[i] = p.arg(x)
		}
		return strings.Join(parts, a.sep)
	}
	panic("plandiff: unknown argument type")
}

// escape puts the user's text on one line (a new line would end a list item
// or a table row) and, in Markdown, keeps its characters from being read as
// formatting.
func (p printer) escape(s string) string {
	s = oneLine(s)
	if !p.md {
		return s
	}
	return mdEscaper.Replace(s)
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `~`, `\~`, `#`, `\#`, `&`, `\&`,
)

// oneLine puts s on one line and drops control characters and
// bidirectional overrides (safetext.Line), so that text from a pull request
// cannot move the reviewer's cursor, colour the terminal or read backwards.
func oneLine(s string) string {
	return strings.Join(strings.Fields(safetext.Line(s)), " ")
}
