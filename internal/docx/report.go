package docx

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/report"
	"github.com/plan06/plan06/internal/status"
)

// Options are the choices of the CLI that the report content does not hold.
type Options struct {
	// Title is the summary line under BÁO CÁO (xlsx.PeriodTitle).
	Title string
	// Day is the report's day (the date line, the properties, the zip).
	Day dates.Date
	// PeriodFrom and PeriodTo bound the data the report covers.
	PeriodFrom, PeriodTo dates.Date
}

// NotesMissing says that the report of rep has no paragraphs under
// 1. Công tác chỉ đạo, điều hành: the document leaves lines of dots there,
// and the CLI tells the officer which notes file to write before printing.
func NotesMissing(rep *report.Report) bool { return len(rep.Notes) == 0 }

// blankLine is a line of dots to be filled by hand, a body line long
// (after the 1 cm indent) in Times New Roman 14 pt; blankLines is how many
// the missing section gets.
var blankLine = strings.Repeat("…", 30)

const blankLines = 3

// The widths of the header's two columns and of the signature block's.
const (
	headLeft = 3402 // 6 cm: the motto's column needs the rest
	signLeft = 4536 // 8 cm
)

// writer holds what every part of a document needs.
type writer struct {
	d    Document
	lang i18n.Lang
}

func (w *writer) t(key string, args ...any) string { return i18n.T(w.lang, key, args...) }

// heading is a bold heading paragraph kept with the next.
func (w *writer) heading(s string) {
	w.d.P(Para{Runs: []Run{{Text: s, Bold: true}}, Before: 6, Keep: true})
}

// body is a body paragraph: justified, indented 1 cm, 6 pt before.
func (w *writer) body(s string) { w.d.P(Para{Runs: []Run{{Text: s}}, Before: 6}) }

// italic is a body paragraph in italics (placeholders, sub-headings).
func (w *writer) italic(s string) { w.d.P(Para{Runs: []Run{{Text: s, Italic: true}}, Before: 6}) }

func centred(s string, bold, italic bool, size float64) Para {
	return Para{Runs: []Run{{Text: s, Bold: bold, Italic: italic, Size: size}}, Align: Center, NoIndent: true}
}

// header writes the Decree 30/2020 header in a two-column borderless
// table: the issuing body and the number on the left (and, for a công văn,
// the summary line under the number); the national name, the motto and the
// place and date on the right.
func (w *writer) header(p *model.Plan, day dates.Date, vv string) {
	h := p.Header
	upper := func(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }
	var left []Para
	if a := upper(h.Authority.Value); a != "" {
		left = append(left, centred(a, false, false, 13))
	}
	issuer := upper(h.Issuer.Value)
	left = append(left, centred(issuer, true, false, 13))
	if issuer != "" {
		// Decree 30/2020, Phụ lục I: a short solid line under the issuing
		// body's name, a third to a half of its length, centred; an
		// underlined run of no-break spaces draws it in Word and
		// LibreOffice alike.
		left = append(left, Para{Runs: []Run{{Text: RuleUnder(issuer), Underline: true, Size: 13}}, Align: Center, NoIndent: true})
	}
	right := []Para{
		centred(w.t("xlsx.nation"), true, false, 13),
		{Runs: []Run{{Text: w.t("xlsx.motto"), Bold: true, Size: 14, Underline: true}}, Align: Center, NoIndent: true},
	}
	// Decree 30/2020, Phụ lục I: the number and the place and date stand
	// on one line. The authority, the issuer and the line under it are
	// one paragraph more than the nation and the motto: the shorter
	// column gets blank lines before the number or the date, 12 pt under
	// the 14 pt motto so that both columns are as tall (13 + 14 + 12 =
	// 3 × 13), 13 pt on the left as its lines are.
	for len(right) < len(left) {
		right = append(right, spacer(12))
	}
	for len(left) < len(right) {
		left = append(left, spacer(13))
	}
	symbol := w.t("xlsx.symbol.none")
	s := strings.TrimSpace(h.Symbol.Value)
	if vv != "" {
		// A công văn's number carries the issuing body's abbreviation
		// without a document type (Decree 30/2020, Phụ lục I): the
		// report's "BC-TCT" is the letter's "TCT".
		if kind, body, ok := strings.Cut(s, "-"); ok && strings.EqualFold(strings.TrimSpace(kind), "BC") {
			s = strings.TrimSpace(body)
		}
	}
	if s != "" {
		symbol = w.t("xlsx.symbol", s)
	}
	num := centred(symbol, false, false, 13)
	num.Before = 6
	left = append(left, num)
	if vv != "" {
		left = append(left, centred(vv, false, false, 12))
	}
	date := centred(report.PlaceDate(w.lang, strings.TrimSpace(h.Place.Value), day), false, true, 14)
	date.Before = 6
	right = append(right, date)
	w.d.Table(Table{Widths: []int{headLeft, TextWidth - headLeft}, Rows: [][]Cell{{{Paras: left}, {Paras: right}}}})
}

// spacer is a blank line of size points in the header (a no-break space:
// an empty run would leave the line at the default size).
func spacer(size float64) Para {
	return Para{Runs: []Run{{Text: "\u00a0", Size: size}}, Align: Center, NoIndent: true}
}

// RuleUnder is the no-break spaces whose underline is the line under
// text, in the same bold capitals: a no-break space is a quarter of an em,
// a capital about seven tenths, so one space a letter is some 40% of the
// text's length (between 8 and 48 spaces, within the header's column).
func RuleUnder(text string) string {
	n := min(max(utf8.RuneCountInString(text), 8), 48)
	return strings.Repeat("\u00a0", n)
}

// closing writes "Nơi nhận:" with the recipients on the left and the
// signature block on the right, the name left room for the seal.
func (w *writer) closing(recipients []string, sig model.Signature, signer string) {
	left := []Para{{Runs: []Run{{Text: w.t("docx.recipients"), Bold: true, Italic: true, Size: 12}}, Align: Left, NoIndent: true, Before: 12}}
	var lines []string
	for _, r := range recipients {
		r = strings.TrimRight(strings.TrimSpace(Clean(r)), ";.")
		r = strings.TrimSpace(strings.TrimPrefix(r, "- "))
		if r != "" {
			lines = append(lines, r)
		}
	}
	if len(lines) == 0 || !strings.HasPrefix(i18n.Fold(lines[len(lines)-1]), i18n.Fold(w.t("docx.archive-word"))) {
		lines = append(lines, w.t("docx.archive"))
	}
	for i, l := range lines {
		end := ";"
		if i == len(lines)-1 {
			end = "."
		}
		left = append(left, Para{Runs: []Run{{Text: "- " + l + end, Size: 11}}, Align: Left, NoIndent: true})
	}
	var right []Para
	first := true
	for _, s := range []string{sig.Authority.Value, sig.Title.Value} {
		if s = strings.ToUpper(strings.TrimSpace(s)); s != "" {
			p := centred(s, true, false, 14)
			if first {
				p.Before = 12
				first = false
			}
			right = append(right, p)
		}
	}
	name := strings.TrimSpace(sig.Name.Value)
	if name == "" {
		name = strings.TrimSpace(signer)
	}
	if name != "" {
		// Room for the signature and the seal.
		p := centred(name, true, false, 14)
		p.Before = 80
		right = append(right, p)
	}
	w.d.Table(Table{Widths: []int{signLeft, TextWidth - signLeft}, Rows: [][]Cell{{{Paras: left}, {Paras: right}}}})
}

// Report returns the signed report of rep as a docx package (SPEC §10).
func Report(rep *report.Report, o Options) ([]byte, error) {
	rep.GatherTexts()
	r := rep.Result
	p := r.Plan
	w := &writer{lang: rep.Lang}
	w.header(p, o.Day, "")
	title := centred(w.t("xlsx.doctype"), true, false, 14)
	title.Before = 18
	w.d.P(title)
	w.d.P(centred(o.Title, true, false, 14))
	if !o.PeriodFrom.IsZero() || !o.PeriodTo.IsZero() {
		w.d.P(centred(w.t("xlsx.period", report.Day(w.lang, o.PeriodFrom), report.Day(w.lang, o.PeriodTo)), false, true, 14))
	}
	line := centred("", false, false, 14)
	line.After = 6
	w.d.P(line)

	// I. Results.
	w.heading(w.t("docx.sec.results"))
	w.heading(w.t("docx.sec.direction"))
	if len(rep.Notes) == 0 {
		// A văn bản for signature carries no note to its drafter: the
		// section is left as lines of dots to fill by hand, as drafts do,
		// and the CLI warns which notes file to write (NotesMissing).
		for range blankLines {
			w.d.P(Para{Runs: []Run{{Text: blankLine}}, Align: Left, Before: 6})
		}
	}
	for _, n := range rep.Notes {
		w.body(n)
	}
	w.heading(w.t("docx.sec.tasks"))
	// The workbook is the văn bản's appendix (SPEC §10): the summary
	// refers to it.
	w.body(rep.CountSentence() + " " + w.t("docx.appendix"))
	for _, g := range rep.Results {
		w.d.P(Para{Runs: []Run{{Text: w.groupHeading(g.Group), Italic: true, Bold: true}}, Before: 6, Keep: true})
		for _, u := range g.Results {
			w.body("- " + report.UnitName(u.Unit) + " (" + w.taskRef(u.Task) + "): " + u.Text)
		}
	}
	w.heading(w.t("docx.sec.targets"))
	w.targets(rep)
	w.heading(w.t("docx.sec.reporting"))
	w.reporting(rep)

	// II. Obstacles.
	w.heading(w.t("docx.sec.obstacles"))
	w.unitTexts(rep.Obstacles, w.noneText(rep, "docx.obstacles.none"))

	// III. Next.
	w.heading(w.t("docx.sec.next"))
	overdue := rep.OverdueByTask()
	w.italic(w.t("docx.next.overdue"))
	if len(overdue) == 0 {
		w.body(w.t("docx.none"))
	}
	for _, t := range overdue {
		w.taskUnits(t, true)
	}
	if !rep.Next.IsZero() {
		upcoming := rep.UpcomingByTask()
		w.italic(w.t("docx.next.upcoming", report.Day(w.lang, rep.Next)))
		if len(upcoming) == 0 {
			w.body(w.t("docx.none"))
		}
		for _, t := range upcoming {
			w.taskUnits(t, false)
		}
	}

	// IV. Proposals.
	w.heading(w.t("docx.sec.proposals"))
	w.unitTexts(rep.Proposals, w.noneText(rep, "docx.proposals.none"))

	var recips []string
	for _, t := range p.Header.Recipients {
		recips = append(recips, t.Value)
	}
	w.closing(recips, p.Header.Signature, p.Signer.Value)
	return w.d.Bytes(Meta{Title: o.Title, Subject: p.Title.Value, Language: string(w.lang), Day: o.Day})
}

// groupHeading is a group's heading in I.2: the plan's ref with a cue
// that it is the plan's numbering, not the văn bản's own (whose sections
// are I to IV and 1 to 4), and the title; a group without a ref is named
// by its title alone.
func (w *writer) groupHeading(g *report.Group) string {
	switch {
	case g.ID == "":
		return w.t("docx.group.none")
	case g.Ref != "":
		return w.t("docx.group.ref", g.Ref, strings.TrimSpace(g.Title))
	}
	return w.t("docx.group", strings.TrimSpace(g.Title))
}

// taskUnits writes one bullet of section III: the task once, with its
// ref and deadline, then its units by name; the days overdue once when
// the units share them (as a task's units do), else after each unit.
func (w *writer) taskUnits(t report.TaskUnits, overdue bool) {
	same := t.SameDays()
	due := w.t("docx.due", report.Day(w.lang, t.Due))
	if overdue && same && len(t.Units) > 0 {
		due = w.t("docx.due-overdue", report.Day(w.lang, t.Due), t.Units[0].Days)
	}
	names := make([]string, len(t.Units))
	for i, u := range t.Units {
		names[i] = report.UnitName(u.Unit)
		if overdue && !same {
			names[i] += " (" + w.t("docx.overdue-days", u.Days) + ")"
		}
	}
	w.body("- " + listName(t.Task) + " (" + w.taskRef(t.Task) + "; " + due + "): " + strings.Join(names, ", ") + ".")
}

// taskRef is how a task is named in parentheses: its ref, else its id.
func (w *writer) taskRef(t *status.Task) string {
	if t == nil || t.Task == nil {
		return ""
	}
	if s := strings.TrimSpace(t.Task.Ref.Value); s != "" {
		return s
	}
	return w.t("docx.task-id", t.Task.ID.Value)
}

// noneText is what a section of the units' texts says when it has none:
// key's sentence when some unit has reported in the period, else that no
// unit has sent a report yet (no obstacle reported is not "no obstacle").
func (w *writer) noneText(rep *report.Report, key string) string {
	if !rep.Reported {
		return w.t("docx.reports.none")
	}
	return w.t(key)
}

// unitTexts writes "- Unit (task): text" lines, or none when empty.
func (w *writer) unitTexts(us []report.UnitText, none string) {
	if len(us) == 0 {
		w.body(none)
	}
	for _, u := range us {
		w.body("- " + report.UnitName(u.Unit) + " (" + w.taskRef(u.Task) + "): " + u.Text)
	}
}

// targets writes the targets table: STT | Chỉ tiêu | Đơn vị | Yêu cầu |
// Kết quả | Đánh giá.
func (w *writer) targets(rep *report.Report) {
	if len(rep.Targets) == 0 {
		w.body(w.t("docx.targets.none"))
		return
	}
	cell := func(s string, bold bool, a Align) Cell {
		return Cell{Paras: []Para{{Runs: []Run{{Text: s, Bold: bold, Size: 12}}, Align: a, NoIndent: true}}}
	}
	if rep.ManyTargets() {
		w.body(w.t("docx.targets.moved", len(rep.Targets)))
		rows := [][]Cell{{
			cell(w.t("xlsx.col.no"), true, Center), cell(w.t("xlsx.col.target"), true, Center),
			cell(w.t("xlsx.col.level"), true, Center), cell(w.t("target.met"), true, Center),
			cell(w.t("target.not-met"), true, Center), cell(w.t("target.no-data"), true, Center),
		}}
		for i, c := range rep.TargetCounts {
			name := c.Target.Name.Value
			if name == "" {
				name = c.Target.ID.Value
			}
			rows = append(rows, []Cell{
				cell(strconv.Itoa(i+1), false, Center), cell(name, false, Left), cell(rep.LevelText(c.Level), false, Left),
				cell(strconv.Itoa(c.Met), false, Center), cell(strconv.Itoa(c.NotMet), false, Center), cell(strconv.Itoa(c.NoData), false, Center),
			})
		}
		w.d.Table(Table{Widths: []int{680, 3600, 1875, 1000, 1100, 1100}, Borders: true, Header: true, Rows: rows})
		return
	}
	rows := [][]Cell{{
		cell(w.t("xlsx.col.no"), true, Center), cell(w.t("xlsx.col.target"), true, Center),
		cell(w.t("xlsx.col.unit"), true, Center), cell(w.t("docx.col.required"), true, Center),
		cell(w.t("xlsx.col.value"), true, Center), cell(w.t("xlsx.col.met"), true, Center),
	}}
	for i, t := range rep.Targets {
		name := t.Target.Name.Value
		if name == "" {
			name = t.Target.ID.Value
		}
		req := ""
		if t.Required != nil {
			req = report.Number(w.lang, *t.Required) + measure(t.Measure)
		}
		val := ""
		if t.Value != nil {
			val = report.Number(w.lang, *t.Value) + measure(t.Measure)
			if t.Old {
				val += " (" + report.MonthShort(w.lang, t.ValueMonth) + ")"
			}
		}
		rows = append(rows, []Cell{
			cell(strconv.Itoa(i+1), false, Center), cell(name, false, Left),
			cell(report.UnitName(t.Unit), false, Left), cell(req, false, Center),
			cell(val, false, Center), cell(rep.MetText(t), false, Center),
		})
	}
	w.d.Table(Table{Widths: []int{680, 3000, 2075, 1000, 1300, 1300}, Borders: true, Header: true, Rows: rows})
}

// measure is " %" style suffix for a value.
func measure(m string) string {
	m = strings.TrimSpace(m)
	if m == "" {
		return ""
	}
	if m == "%" {
		return "%"
	}
	return " " + m
}

// reporting writes section I.4: the cycle's units on time, late with the
// day, missing, by name; and for a 6-month or year report the units that
// were late or missing in any cycle of the period.
func (w *writer) reporting(rep *report.Report) {
	r := rep.Result
	var onTime, late, missing, pending []string
	for _, u := range rep.Units {
		name := report.UnitName(u.Report.Unit)
		switch u.Report.State {
		case status.OnTime:
			onTime = append(onTime, name)
		case status.Late:
			late = append(late, w.t("docx.late-day", name, report.Day(w.lang, u.Report.Submitted)))
		case status.Missing:
			missing = append(missing, name)
		case status.Pending:
			pending = append(pending, name)
		}
	}
	w.body(w.t("docx.reporting.cycle", i18n.Month(w.lang, r.Cycle.Month.Year, int(r.Cycle.Month.Month)), report.Day(w.lang, r.Cycle.Deadline), len(rep.Units)))
	list := func(key string, names []string) {
		if len(names) > 0 {
			w.body("- " + w.t(key, len(names)) + ": " + strings.Join(names, "; ") + ".")
		} else {
			w.body("- " + w.t(key, 0) + ".")
		}
	}
	list("docx.reporting.on-time", onTime)
	list("docx.reporting.late", late)
	list("docx.reporting.missing", missing)
	if len(pending) > 0 {
		list("docx.reporting.pending", pending)
	}
	if rep.Record == nil {
		return
	}
	var lines []string
	for _, row := range rep.Record.Rows {
		if row.Late == 0 && row.Missing == 0 {
			continue
		}
		lines = append(lines, w.t("docx.record.unit", report.UnitName(row.Unit), row.Late, row.Missing))
	}
	if len(lines) == 0 {
		w.body(w.t("docx.record.clean", len(rep.Record.Months)))
		return
	}
	w.body(w.t("docx.record.head", len(rep.Record.Months)))
	for _, l := range lines {
		w.body("- " + l)
	}
}

// listName is a task's name inside a sentence that goes on: without the
// final period its title may carry.
func listName(t *status.Task) string {
	return strings.TrimRight(report.TaskName(t), ". ")
}
