package plandiff

import (
	"strconv"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

// The writers share one outline: sections of items, each item a line with
// lines under it, each line a sentence of the catalogue with arguments that
// know how to show themselves in either language and format. Text and
// Markdown therefore say the same things in the same order, and only the
// Markdown writer knows about bold and escaping.

// sentence is a catalogue key and its arguments; flag marks what a reviewer
// must not miss (a moved deadline).
type sentence struct {
	key  string
	args []any
	flag bool
}

func say(key string, args ...any) sentence { return sentence{key: key, args: args} }

// count says key.one or key.other as n asks.
func count(key string, n int) sentence {
	if n == 1 {
		return say(key+".one", strconv.Itoa(n))
	}
	return say(key+".other", strconv.Itoa(n))
}

// The kinds of argument. A plain Go string is text plan06 wrote itself
// (numbers, dates): shown as is.
type (
	words  string  // the user's text: on one line, escaped in Markdown
	num    float64 // a number: the decimal comma in Vietnamese (95,3), the point in English
	quoted string  // the user's text in quotes
	strong string  // the user's text in bold in Markdown (ids in headings)
	code   string  // a path: in backticks in Markdown
	label  string  // a catalogue key
	// list joins its items with sep.
	list struct {
		sep   string
		items []any
	}
)

// day shows a date as dd/mm/yyyy, or "(none)".
type day dates.Date

// month shows a month as "tháng 4/2024" or "April 2024" (i18n.Month).
type month dates.Month

type item struct {
	line sentence
	sub  []sentence
}

type section struct {
	title string // catalogue key
	items []item
}

func (d *Diff) outline() []section {
	var out []section
	if len(d.Plan) > 0 {
		s := section{title: "diff.section.plan"}
		for _, c := range d.Plan {
			s.items = append(s.items, item{line: planLine(c)})
		}
		out = append(out, s)
	}
	if len(d.Tasks) > 0 {
		s := section{title: "diff.section.tasks"}
		for i := range d.Tasks {
			s.items = append(s.items, taskItem(&d.Tasks[i], d.AsOf))
		}
		out = append(out, s)
	}
	if len(d.Reports) > 0 {
		s := section{title: "diff.section.reports"}
		for i := range d.Reports {
			s.items = append(s.items, reportItem(&d.Reports[i]))
		}
		out = append(out, s)
	}
	return out
}

// summary is the one-line count the Markdown heading carries.
func (d *Diff) summary() sentence {
	var changedReports, removedReports int
	for _, r := range d.Reports {
		if r.Kind == Removed {
			removedReports++
		} else {
			changedReports++
		}
	}
	parts := []any{
		count("diff.summary.tasks", len(d.Tasks)),
		count("diff.summary.moves", len(d.Moves())),
		count("diff.summary.reports", changedReports),
	}
	if removedReports > 0 {
		parts = append(parts, count("diff.summary.removed", removedReports))
	}
	return say("diff.summary", list{", ", parts})
}

func ref(r Ref) any {
	if r.Name == "" || r.Name == r.ID {
		return words(r.ID)
	}
	return say("diff.ref", words(r.Name), words(r.ID))
}

func refList(rs []Ref) any {
	items := make([]any, len(rs))
	for i, r := range rs {
		items[i] = ref(r)
	}
	return list{", ", items}
}

// membersSaid says who joined and who left: "thêm A (a); bỏ B (b)".
func membersSaid(m Members) any {
	var parts []any
	if len(m.Added) > 0 {
		parts = append(parts, say("diff.members.added", refList(m.Added)))
	}
	if len(m.Removed) > 0 {
		parts = append(parts, say("diff.members.removed", refList(m.Removed)))
	}
	return list{"; ", parts}
}

// --- plan ---

func planLine(c PlanChange) sentence {
	switch c.Topic {
	case TopicTitle:
		return say("diff.plan.title", quoted(c.Before), quoted(c.After))
	case TopicPeriod:
		return say("diff.plan.period", c.Before, c.After)
	case TopicReportDay:
		return say("diff.plan.reporting-day", c.Before, c.After)
	case TopicRollover:
		return say("diff.plan.rollover", label("diff.rollover."+c.Before), label("diff.rollover."+c.After))
	case TopicDueSoonDays:
		return say("diff.plan.due-soon-days", c.Before, c.After)
	case TopicSecretariat:
		return say("diff.plan.secretariat", ref(c.Secretariat.Before), ref(c.Secretariat.After))
	case TopicAlso:
		return say("diff.plan.also", membersSaid(c.Members))
	case TopicUnit:
		return say("diff.plan.unit."+string(c.Kind), ref(c.Subject))
	case TopicUnitName:
		return say("diff.plan.unit-name", words(c.Subject.ID), quoted(c.Before), quoted(c.After))
	case TopicUnitLevel:
		return say("diff.plan.unit-level", ref(c.Subject), words(c.Before), words(c.After))
	case TopicSuccession:
		return say("diff.plan.succession", words(c.Subject.Name), words(c.Successor.Name), words(c.After))
	case TopicUnitDays:
		return say("diff.plan.unit-days", ref(c.Subject), orNone(c.Before), orNone(c.After))
	case TopicReportsTo:
		return say("diff.plan.reports-to", ref(c.Subject), orNone(c.Before), orNone(c.After))
	case TopicSet:
		if c.Kind == Added {
			var members any = label("diff.none-value")
			if len(c.Members.Added) > 0 {
				members = refList(c.Members.Added)
			}
			return say("diff.plan.set.added", ref(c.Subject), members)
		}
		return say("diff.plan.set.removed", ref(c.Subject))
	case TopicSetMembers:
		return say("diff.plan.set-members", ref(c.Subject), membersSaid(c.Members))
	case TopicGroup:
		return say("diff.plan.group."+string(c.Kind), words(c.Subject.ID), quoted(c.Subject.Name))
	case TopicGroupTitle:
		return say("diff.plan.group-title", words(c.Subject.ID), quoted(c.Before), quoted(c.After))
	case TopicWeekend:
		return say("diff.plan.weekend", words(c.Before), words(c.After))
	case TopicHoliday, TopicWorkingDay, TopicNamedDay:
		key := "diff.plan." + string(c.Topic) + "." + string(c.Kind)
		if c.Subject.Name == "" && c.Topic != TopicNamedDay {
			// A day off or make-up day need not have a name (SPEC §2).
			switch c.Kind {
			case Added:
				return say(key+"-unnamed", c.After)
			case Removed:
				return say(key+"-unnamed", c.Before)
			}
		}
		switch c.Kind {
		case Added:
			return say(key, quoted(c.Subject.Name), c.After)
		case Removed:
			return say(key, quoted(c.Subject.Name), c.Before)
		}
		return say(key, quoted(c.Subject.Name), c.Before, c.After)
	}
	return say("diff.plan.other", string(c.Topic), words(c.Before), words(c.After))
}

// --- tasks ---

func taskItem(t *TaskDiff, asOf dates.Date) item {
	it := item{line: say("diff.task."+string(t.Kind), strong(t.ID), words(t.Title))}
	add := func(s sentence) { it.sub = append(it.sub, s) }
	switch t.Kind {
	case Added:
		add(say("diff.task.due", quoted(t.Due.Text), dueDay(t.Due)))
		if len(t.Lead.Added) > 0 {
			add(say("diff.task.lead", refList(t.Lead.Added)))
		}
		if len(t.Support.Added) > 0 {
			add(say("diff.task.support", refList(t.Support.Added)))
		}
		return it
	case Removed:
		return it
	}
	if c := t.TitleChange; c != nil {
		add(say("diff.task.title", quoted(c.Before), quoted(c.After)))
	}
	if c := t.GroupChange; c != nil {
		add(say("diff.task.group", ref(c.Before), ref(c.After)))
	}
	if c := t.DueChange; c != nil {
		it.sub = append(it.sub, dueLines(c)...)
	}
	if c := t.StartChange; c != nil {
		add(say("diff.task.start", quoted(c.Before), quoted(c.After)))
	}
	if !t.Lead.Empty() {
		add(say("diff.task.lead", membersSaid(t.Lead)))
	}
	if !t.Support.Empty() {
		add(say("diff.task.support", membersSaid(t.Support)))
	}
	if t.SupportNoteChanged {
		add(say("diff.task.support-note"))
	}
	for i := range t.Targets {
		it.sub = append(it.sub, targetLines(&t.Targets[i])...)
	}
	if c := t.RefChange; c != nil {
		add(say("diff.task.ref", quoted(c.Before), quoted(c.After)))
	}
	if c := t.UtilitiesChange; c != nil {
		add(say("diff.task.utilities", words(c.Before), words(c.After)))
	}
	if t.DetailChanged {
		add(say("diff.task.detail"))
	}
	if t.NoteChanged {
		add(say("diff.task.note"))
	}
	if c := t.Status; c != nil {
		add(say("diff.task.status", day(asOf), statusLabel(c.Before), statusLabel(c.After)))
	}
	return it
}

func dueDay(d Due) any {
	if d.Ongoing {
		return label("diff.ongoing")
	}
	return day(d.Day)
}

func statusLabel(s status.Status) any { return label("status." + string(s)) }

// dueLines says a change of `due`: the move first, flagged, then the words.
func dueLines(c *DueChange) []sentence {
	b, a := c.Before, c.After
	if !c.Moved {
		if a.Ongoing {
			return []sentence{say("diff.task.wording-ongoing", quoted(b.Text), quoted(a.Text))}
		}
		return []sentence{say("diff.task.wording", quoted(b.Text), quoted(a.Text), day(a.Day))}
	}
	var move sentence
	switch {
	case !b.Ongoing && a.Ongoing:
		move = say("diff.task.now-ongoing", day(b.Day))
	case b.Ongoing && !a.Ongoing:
		move = say("diff.task.now-dated", day(a.Day))
	case c.Days > 0:
		move = count("diff.task.later", c.Days)
		move.args = []any{day(b.Day), day(a.Day), strconv.Itoa(c.Days)}
	case c.Days < 0:
		move = count("diff.task.earlier", -c.Days)
		move.args = []any{day(b.Day), day(a.Day), strconv.Itoa(-c.Days)}
	default: // one side is not a deadline the grammar reads
		move = say("diff.task.moved", day(b.Day), day(a.Day))
	}
	move.flag = true
	out := []sentence{move}
	if c.Reworded() {
		out = append(out, say("diff.task.due-text", quoted(b.Text), quoted(a.Text)))
	} else {
		out = append(out, say("diff.task.same-text", quoted(a.Text)))
	}
	return out
}

func targetLines(t *TargetDiff) []sentence {
	id := words(t.ID)
	switch t.Kind {
	case Added:
		ms := make([]any, len(t.Target.Milestones))
		for i := range t.Target.Milestones {
			ms[i] = milestone(&t.Target.Milestones[i], t.Target.Unit.Value)
		}
		var all any = list{"; ", ms}
		if len(ms) == 0 {
			all = label("diff.target.no-milestones")
		}
		return []sentence{say("diff.target.added", id, quoted(t.Target.Name.Value), all)}
	case Removed:
		return []sentence{say("diff.target.removed", id, quoted(t.Target.Name.Value))}
	}
	var out []sentence
	if c := t.NameChange; c != nil {
		out = append(out, say("diff.target.name", id, quoted(c.Before), quoted(c.After)))
	}
	// The other lines name the target as it now reads, else by its id.
	if name := t.Target.Name.Value; name != "" {
		id = words(name)
	}
	unitBefore, unitAfter := t.Target.Unit.Value, t.Target.Unit.Value
	if c := t.UnitChange; c != nil {
		unitBefore = c.Before
		out = append(out, say("diff.target.unit", id, quoted(c.Before), quoted(c.After)))
	}
	for _, m := range t.Milestones {
		n := strconv.Itoa(m.N)
		switch {
		case m.Before == nil:
			out = append(out, say("diff.milestone.added", id, n, milestone(m.After, unitAfter)))
		case m.After == nil:
			out = append(out, say("diff.milestone.removed", id, n, milestone(m.Before, unitBefore)))
		default:
			out = append(out, say("diff.milestone.changed", id, n,
				milestone(m.Before, unitBefore), milestone(m.After, unitAfter)))
		}
	}
	return out
}

// milestone says "từ quý II/2024 tối thiểu 80%".
func milestone(m *model.Milestone, unit string) sentence {
	return say("diff.milestone", words(m.From.Value), amount(m.Min, unit))
}

// amount is a number with its unit: "80%", "12 hồ sơ".
func amount(v float64, unit string) any {
	n := num(v)
	switch unit {
	case "":
		return n
	case "%":
		return list{"", []any{n, words(unit)}}
	}
	return list{" ", []any{n, words(unit)}}
}

// --- reports ---

func reportItem(r *ReportDiff) item {
	unit := r.Unit.Name
	if unit == "" {
		unit = r.Unit.ID
	}
	it := item{line: say("diff.report."+string(r.Kind), words(unit), month(r.Month), code(r.File))}
	add := func(s sentence) { it.sub = append(it.sub, s) }
	switch r.Kind {
	case Removed:
		return it
	case Added:
		add(say("diff.report.submitted", day(r.Submitted)))
	}
	if c := r.SubmittedChange; c != nil {
		add(say("diff.report.submitted-changed", day(c.Before), day(c.After)))
	}
	if c := r.DocumentChange; c != nil {
		add(say("diff.report.document", quoted(c.Before), quoted(c.After)))
	}
	for i := range r.Entries {
		it.sub = append(it.sub, entryLines(&r.Entries[i], r.Kind)...)
	}
	return it
}

func entryLines(e *EntryDiff, report Kind) []sentence {
	task := strong(e.Task)
	switch e.Kind {
	case Added:
		key := "diff.entry.added"
		if report == Added {
			key = "diff.entry.is"
		}
		return []sentence{say(key, task, entrySaid(e))}
	case Removed:
		return []sentence{say("diff.entry.removed", task)}
	}
	var out []sentence
	if c := e.StateChange; c != nil {
		out = append(out, say("diff.entry.state", task, stateLabel(c.Before), stateLabel(c.After)))
	}
	if c := e.ProgressChange; c != nil {
		out = append(out, say("diff.entry.progress", task, percent(c.Before), percent(c.After)))
	}
	if c := e.DoneChange; c != nil {
		out = append(out, say("diff.entry.done", task, day(c.Before), day(c.After)))
	}
	for _, v := range e.Values {
		out = append(out, say("diff.entry.value", task, targetOf(e, v.Target), number(v.Before), number(v.After)))
	}
	for _, x := range []struct {
		what string
		kind Kind
	}{{"result", e.Result}, {"obstacles", e.Obstacles}, {"proposals", e.Proposals}} {
		if x.kind != "" {
			out = append(out, say("diff.entry.text", task, label("diff.entry."+x.what), label("diff.entry.text."+string(x.kind))))
		}
	}
	return out
}

// entrySaid sums up a new entry: state, done day, progress, values.
func entrySaid(d *EntryDiff) any {
	e := d.Entry
	parts := []any{stateLabel(e.State)}
	if !e.Done.Date.IsZero() {
		parts = append(parts, say("diff.entry.done-on", day(e.Done.Date)))
	}
	if e.Progress != nil {
		parts = append(parts, say("diff.entry.progress-is", percent(e.Progress)))
	}
	for _, v := range e.Values {
		parts = append(parts, say("diff.entry.value-is", targetOf(d, v.Target.Value), number(&v.Value)))
	}
	return list{", ", parts}
}

func stateLabel(s model.State) any {
	switch s {
	case model.NotStarted, model.InProgress, model.Done, model.Blocked:
		return label("status." + string(s))
	}
	return say("diff.entry.unknown-state", words(s))
}

func percent(p *int) any {
	if p == nil {
		return label("diff.none-value")
	}
	return strconv.Itoa(*p) + "%"
}

func number(v *float64) any {
	if v == nil {
		return label("diff.none-value")
	}
	return num(*v)
}

// targetOf names a target an entry's value is for: its name, else its id.
func targetOf(e *EntryDiff, target string) any {
	if name := e.TargetNames[target]; name != "" {
		return words(name)
	}
	return words(target)
}

// orNone is a value, or the word for none when it is empty.
func orNone(s string) any {
	if s == "" {
		return label("diff.none-value")
	}
	return words(s)
}
