package plandiff

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

// Compare says what changed from base to head. Either may be nil, which
// stands for an empty plan (the plan folder did not exist at that revision).
// Plans with validation errors compare too: duplicates count once (the first,
// as model.Index does) and deadlines that do not parse have no day.
func Compare(base, head *model.Plan, o Options) *Diff {
	if base == nil {
		base = &model.Plan{}
	}
	if head == nil {
		head = &model.Plan{}
	}
	c := &comparer{
		base: version{p: base, ix: model.NewIndex(base)},
		head: version{p: head, ix: model.NewIndex(head)},
	}
	d := &Diff{AsOf: o.AsOf}
	d.Plan = c.plan()
	var touched []string
	d.Reports, touched = c.reports()
	d.Tasks = c.tasks(touched, o.AsOf)
	return d
}

// version is one side of the comparison.
type version struct {
	p  *model.Plan
	ix *model.Index
}

// ref names id as this version knows it: a unit, else a set.
func (v version) ref(id string) Ref {
	if u := v.ix.Unit(id); u != nil {
		return Ref{ID: id, Name: u.Name.Value}
	}
	if s := v.ix.Set(id); s != nil {
		return Ref{ID: id, Name: s.Name.Value}
	}
	return Ref{ID: id}
}

// group names a task group as this version knows it.
func (v version) group(id string) Ref {
	if g := v.ix.Group(id); g != nil {
		return Ref{ID: id, Name: g.Title.Value}
	}
	return Ref{ID: id}
}

// due is t's deadline in this version: the effective day follows this
// version's calendar and rollover rule.
func (v version) due(t *model.Task) Due {
	d := Due{Text: t.Due.Value, Ongoing: t.Deadline.Ongoing}
	if !d.Ongoing && !t.Deadline.Last.IsZero() {
		d.Day = v.p.Cal.Effective(t.Deadline.Last, v.p.Reporting.Rollover == model.RolloverNextWorkingDay)
	}
	return d
}

type comparer struct {
	base, head version
}

// pair walks two lists by id: both(b, h) for ids in both, added(h) for ids
// only in head, in head order, then removed(b) for ids only in base, in base
// order. An id met twice in one list counts once, the first time, as
// model.Index does.
func pair[T any](base, head []T, id func(*T) string, both func(b, h *T), added, removed func(*T)) {
	inBase := make(map[string]*T, len(base))
	for i := range base {
		if k := id(&base[i]); inBase[k] == nil {
			inBase[k] = &base[i]
		}
	}
	inHead := make(map[string]bool, len(head))
	for i := range head {
		k := id(&head[i])
		if inHead[k] {
			continue
		}
		inHead[k] = true
		if b := inBase[k]; b != nil {
			both(b, &head[i])
		} else if added != nil {
			added(&head[i])
		}
	}
	seen := make(map[string]bool, len(base))
	for i := range base {
		k := id(&base[i])
		if inHead[k] || seen[k] {
			continue
		}
		seen[k] = true
		if removed != nil {
			removed(&base[i])
		}
	}
}

// members compares two lists of written ids, order aside.
func members(base, head []model.Text, b, h version) Members {
	var m Members
	pair(base, head, textValue, func(_, _ *model.Text) {},
		func(x *model.Text) { m.Added = append(m.Added, h.ref(x.Value)) },
		func(x *model.Text) { m.Removed = append(m.Removed, b.ref(x.Value)) })
	return m
}

func textValue(t *model.Text) string { return t.Value }

// changed returns a Change when before and after differ, else nil.
func changed[T comparable](before, after T) *Change[T] {
	if before == after {
		return nil
	}
	return &Change[T]{before, after}
}

// --- plan.yaml, units.yaml, calendar.yaml ---

func (c *comparer) plan() []PlanChange {
	b, h := c.base.p, c.head.p
	var out []PlanChange
	setting := func(t Topic, before, after string) {
		if before != after {
			out = append(out, PlanChange{Topic: t, Kind: Changed, Before: before, After: after})
		}
	}
	setting(TopicTitle, b.Title.Value, h.Title.Value)
	// With no plan at the base (a new folder) the settings did not change
	// "from zero": the title line and the added units, tasks and reports
	// below say what arrived.
	if b.PlanFile != "" || b.ID.Value != "" {
		setting(TopicPeriod, span(b.PeriodFrom.Date, b.PeriodTo.Date), span(h.PeriodFrom.Date, h.PeriodTo.Date))
		setting(TopicReportDay, itoa(b.Reporting.Day), itoa(h.Reporting.Day))
		setting(TopicRollover, string(rollover(b)), string(rollover(h)))
		setting(TopicDueSoonDays, itoa(b.Reporting.DueSoonDays), itoa(h.Reporting.DueSoonDays))
	}
	if bs, hs := b.Reporting.Secretariat.Value, h.Reporting.Secretariat.Value; bs != hs {
		out = append(out, PlanChange{Topic: TopicSecretariat, Kind: Changed, Before: bs, After: hs,
			Secretariat: &Change[Ref]{c.base.ref(bs), c.head.ref(hs)}})
	}
	if m := members(b.Reporting.Also, h.Reporting.Also, c.base, c.head); !m.Empty() {
		out = append(out, PlanChange{Topic: TopicAlso, Kind: Changed, Members: m})
	}
	out = append(out, c.units()...)
	out = append(out, c.sets()...)
	out = append(out, c.groups()...)
	out = append(out, c.calendar()...)
	return out
}

func rollover(p *model.Plan) model.Rollover {
	if p.Reporting.Rollover == "" {
		return model.RolloverNone
	}
	return p.Reporting.Rollover
}

func (c *comparer) units() []PlanChange {
	var out []PlanChange
	unitID := func(u *model.Unit) string { return u.ID.Value }
	pair(c.base.p.Units, c.head.p.Units, unitID,
		func(b, h *model.Unit) {
			ref := Ref{ID: h.ID.Value, Name: h.Name.Value}
			if b.Name.Value != h.Name.Value {
				out = append(out, PlanChange{Topic: TopicUnitName, Kind: Changed, Subject: ref,
					Before: b.Name.Value, After: h.Name.Value})
			}
			if b.Level.Value != h.Level.Value {
				out = append(out, PlanChange{Topic: TopicUnitLevel, Kind: Changed, Subject: ref,
					Before: b.Level.Value, After: h.Level.Value})
			}
			out = append(out, c.lifeChanges(b, h)...)
		},
		func(h *model.Unit) {
			out = append(out, PlanChange{Topic: TopicUnit, Kind: Added,
				Subject: Ref{ID: h.ID.Value, Name: h.Name.Value}, After: h.Name.Value})
			out = append(out, c.lifeChanges(&model.Unit{}, h)...)
		},
		func(b *model.Unit) {
			out = append(out, PlanChange{Topic: TopicUnit, Kind: Removed,
				Subject: Ref{ID: b.ID.Value, Name: b.Name.Value}, Before: b.Name.Value})
		})
	return out
}

// lifeChanges says what changed in a unit's days and routes (SPEC §9): a
// succession in the plan's words ("UBND huyện Lục Ngạn → UBND thị xã Chũ
// (từ 01/11/2024)"), else the days it exists, and whom it reports to.
func (c *comparer) lifeChanges(b, h *model.Unit) []PlanChange {
	var out []PlanChange
	ref := Ref{ID: h.ID.Value, Name: h.Name.Value}
	succession := h.Successor.Value != "" && !h.Until.Date.IsZero() &&
		(h.Successor.Value != b.Successor.Value || h.Until.Date != b.Until.Date)
	if succession {
		out = append(out, PlanChange{Topic: TopicSuccession, Kind: Changed, Subject: ref,
			Successor: c.head.ref(h.Successor.Value), After: h.Until.Date.AddDays(1).VN()})
	}
	span := func(u *model.Unit) string {
		if u.From.Date.IsZero() && u.Until.Date.IsZero() {
			return ""
		}
		from, until := "…", "…"
		if !u.From.Date.IsZero() {
			from = u.From.Date.VN()
		}
		if !u.Until.Date.IsZero() {
			until = u.Until.Date.VN()
		}
		return from + " – " + until
	}
	if bs, hs := span(b), span(h); bs != hs && !(succession && b.From.Date == h.From.Date) {
		out = append(out, PlanChange{Topic: TopicUnitDays, Kind: Changed, Subject: ref, Before: bs, After: hs})
	}
	if b.ReportsTo.Value != h.ReportsTo.Value {
		out = append(out, PlanChange{Topic: TopicReportsTo, Kind: Changed, Subject: ref,
			Before: b.ReportsTo.Value, After: h.ReportsTo.Value})
	}
	return out
}

// sets compares sets by the units they stand for, expanded: what changes
// who must do a task.
func (c *comparer) sets() []PlanChange {
	var out []PlanChange
	expanded := func(v version, id string) []model.Text {
		var ids []model.Text
		for _, u := range v.ix.Expand([]model.Text{{Value: id}}) {
			ids = append(ids, u.ID)
		}
		return ids
	}
	refs := func(v version, ids []model.Text) []Ref {
		var out []Ref
		for _, id := range ids {
			out = append(out, v.ref(id.Value))
		}
		return out
	}
	setID := func(s *model.Set) string { return s.ID.Value }
	pair(c.base.p.Sets, c.head.p.Sets, setID,
		func(b, h *model.Set) {
			m := members(expanded(c.base, b.ID.Value), expanded(c.head, h.ID.Value), c.base, c.head)
			if !m.Empty() {
				out = append(out, PlanChange{Topic: TopicSetMembers, Kind: Changed,
					Subject: Ref{ID: h.ID.Value, Name: h.Name.Value}, Members: m})
			}
		},
		func(h *model.Set) {
			out = append(out, PlanChange{Topic: TopicSet, Kind: Added,
				Subject: Ref{ID: h.ID.Value, Name: h.Name.Value}, After: h.Name.Value,
				Members: Members{Added: refs(c.head, expanded(c.head, h.ID.Value))}})
		},
		func(b *model.Set) {
			out = append(out, PlanChange{Topic: TopicSet, Kind: Removed,
				Subject: Ref{ID: b.ID.Value, Name: b.Name.Value}, Before: b.Name.Value})
		})
	return out
}

func (c *comparer) groups() []PlanChange {
	var out []PlanChange
	groupID := func(g *model.Group) string { return g.ID.Value }
	pair(c.base.p.Groups, c.head.p.Groups, groupID,
		func(b, h *model.Group) {
			if b.Title.Value != h.Title.Value {
				out = append(out, PlanChange{Topic: TopicGroupTitle, Kind: Changed,
					Subject: Ref{ID: h.ID.Value, Name: h.Title.Value}, Before: b.Title.Value, After: h.Title.Value})
			}
		},
		func(h *model.Group) {
			out = append(out, PlanChange{Topic: TopicGroup, Kind: Added,
				Subject: Ref{ID: h.ID.Value, Name: h.Title.Value}, After: h.Title.Value})
		},
		func(b *model.Group) {
			out = append(out, PlanChange{Topic: TopicGroup, Kind: Removed,
				Subject: Ref{ID: b.ID.Value, Name: b.Title.Value}, Before: b.Title.Value})
		})
	return out
}

func (c *comparer) calendar() []PlanChange {
	b, h := &c.base.p.Calendar, &c.head.p.Calendar
	var out []PlanChange
	if bw, hw := weekend(b), weekend(h); bw != hw {
		out = append(out, PlanChange{Topic: TopicWeekend, Kind: Changed, Before: bw, After: hw})
	}
	days := func(t Topic, base, head []model.Holiday) {
		key := func(x *model.Holiday) string {
			return x.From.Date.String() + "/" + x.To.Date.String() + "/" + x.Name.Value
		}
		pair(base, head, key, func(_, _ *model.Holiday) {},
			func(x *model.Holiday) {
				out = append(out, PlanChange{Topic: t, Kind: Added, Subject: Ref{Name: x.Name.Value},
					After: span(x.From.Date, x.To.Date)})
			},
			func(x *model.Holiday) {
				out = append(out, PlanChange{Topic: t, Kind: Removed, Subject: Ref{Name: x.Name.Value},
					Before: span(x.From.Date, x.To.Date)})
			})
	}
	days(TopicHoliday, b.Holidays, h.Holidays)
	days(TopicWorkingDay, b.WorkingDays, h.WorkingDays)
	nameOf := func(x *model.NamedDay) string { return x.Name.Value }
	pair(b.NamedDays, h.NamedDays, nameOf,
		func(bx, hx *model.NamedDay) {
			if bx.Date.Date != hx.Date.Date {
				out = append(out, PlanChange{Topic: TopicNamedDay, Kind: Changed, Subject: Ref{Name: hx.Name.Value},
					Before: bx.Date.Date.VN(), After: hx.Date.Date.VN()})
			}
		},
		func(x *model.NamedDay) {
			out = append(out, PlanChange{Topic: TopicNamedDay, Kind: Added, Subject: Ref{Name: x.Name.Value},
				After: x.Date.Date.VN()})
		},
		func(x *model.NamedDay) {
			out = append(out, PlanChange{Topic: TopicNamedDay, Kind: Removed, Subject: Ref{Name: x.Name.Value},
				Before: x.Date.Date.VN()})
		})
	return out
}

// weekend lists the weekend days as written; absent means the default.
func weekend(c *model.Calendar) string {
	if c.Weekend == nil {
		return "saturday, sunday"
	}
	var names []string
	for _, w := range c.Weekend {
		names = append(names, strings.ToLower(w.Value))
	}
	return strings.Join(names, ", ")
}

// span shows a range of days as "dd/mm/yyyy – dd/mm/yyyy", or one day.
func span(from, to dates.Date) string {
	if from == to || to.IsZero() {
		return from.VN()
	}
	return from.VN() + " – " + to.VN()
}

func itoa(n int) string { return strconv.Itoa(n) }

// --- tasks ---

// tasks compares the tasks; touched are the ids of tasks whose report
// entries changed, whose statuses are compared too.
func (c *comparer) tasks(touched []string, asOf dates.Date) []TaskDiff {
	var out []TaskDiff
	at := map[string]int{} // task id -> index in out
	taskID := func(t *model.Task) string { return t.ID.Value }
	var inBoth []string             // in head order
	reassigned := map[string]bool{} // tasks whose lead units changed through their sets
	pair(c.base.p.Tasks, c.head.p.Tasks, taskID,
		func(b, h *model.Task) {
			inBoth = append(inBoth, h.ID.Value)
			if td, ok := c.task(b, h); ok {
				at[h.ID.Value] = len(out)
				out = append(out, td)
			} else if !sameUnits(c.base.ix.Expand(b.Lead), c.head.ix.Expand(h.Lead)) {
				reassigned[h.ID.Value] = true
			}
		},
		func(h *model.Task) {
			out = append(out, TaskDiff{ID: h.ID.Value, Kind: Added, Title: h.Title.Value, Due: c.head.due(h),
				Lead:    Members{Added: refs(c.head, h.Lead)},
				Support: Members{Added: refs(c.head, h.Support)}})
		},
		func(b *model.Task) {
			out = append(out, TaskDiff{ID: b.ID.Value, Kind: Removed, Title: b.Title.Value, Due: c.base.due(b)})
		})

	// Statuses: for tasks in both versions that changed, whose lead units
	// changed (a set's members did), or whose entries did.
	want := reassigned
	for id := range at {
		want[id] = true
	}
	for _, id := range touched {
		if c.base.ix.Task(id) != nil && c.head.ix.Task(id) != nil {
			want[id] = true
		}
	}
	if len(want) == 0 {
		return out
	}
	// The two versions' statuses are computed side by side (each reads its
	// own plan only): at country scale each takes a quarter of a second.
	var before map[string]status.Status
	done := make(chan struct{})
	go func() {
		defer close(done)
		before = statuses(c.base, asOf)
	}()
	after := statuses(c.head, asOf)
	<-done
	var extra []TaskDiff // tasks whose only change is their status
	for _, id := range inBoth {
		if !want[id] || before[id] == after[id] {
			continue
		}
		st := &Change[status.Status]{before[id], after[id]}
		if i, ok := at[id]; ok {
			out[i].Status = st
			continue
		}
		h := c.head.ix.Task(id)
		extra = append(extra, TaskDiff{ID: id, Kind: Changed, Title: h.Title.Value, Due: c.head.due(h), Status: st})
	}
	if len(extra) == 0 {
		return out
	}
	// Put the status-only tasks in their place in head order.
	order := map[string]int{}
	for i, t := range c.head.p.Tasks {
		if _, dup := order[t.ID.Value]; !dup {
			order[t.ID.Value] = i
		}
	}
	rank := func(t TaskDiff) int {
		if t.Kind == Removed {
			return len(order)
		}
		return order[t.ID]
	}
	out = append(out, extra...)
	slices.SortStableFunc(out, func(a, b TaskDiff) int { return cmp.Compare(rank(a), rank(b)) })
	return out
}

// sameUnits reports whether two expanded leads name the same units.
func sameUnits(a, b []*model.Unit) bool {
	if len(a) != len(b) {
		return false
	}
	ids := make(map[string]bool, len(a))
	for _, u := range a {
		ids[u.ID.Value] = true
	}
	for _, u := range b {
		if !ids[u.ID.Value] {
			return false
		}
	}
	return true
}

func refs(v version, ids []model.Text) []Ref {
	var out []Ref
	seen := map[string]bool{}
	for _, id := range ids {
		if !seen[id.Value] {
			seen[id.Value] = true
			out = append(out, v.ref(id.Value))
		}
	}
	return out
}

func statuses(v version, asOf dates.Date) map[string]status.Status {
	r := status.Compute(v.p, v.ix, status.Options{AsOf: asOf})
	out := make(map[string]status.Status, len(r.Tasks))
	for _, t := range r.Tasks {
		if _, dup := out[t.Task.ID.Value]; !dup {
			out[t.Task.ID.Value] = t.Status
		}
	}
	return out
}

// task compares one task in both versions; ok is false when nothing changed.
func (c *comparer) task(b, h *model.Task) (TaskDiff, bool) {
	d := TaskDiff{ID: h.ID.Value, Kind: Changed, Title: h.Title.Value, Due: c.head.due(h)}
	d.TitleChange = changed(b.Title.Value, h.Title.Value)
	if b.Group.Value != h.Group.Value {
		d.GroupChange = &Change[Ref]{c.base.group(b.Group.Value), c.head.group(h.Group.Value)}
	}
	d.RefChange = changed(b.Ref.Value, h.Ref.Value)
	d.StartChange = changed(b.Start.Value, h.Start.Value)
	d.UtilitiesChange = changed(utilities(b), utilities(h))
	d.DetailChanged = b.Detail.Value != h.Detail.Value
	d.NoteChanged = b.Note.Value != h.Note.Value
	d.SupportNoteChanged = b.SupportNote.Value != h.SupportNote.Value

	bd, hd := c.base.due(b), d.Due
	if bd != hd {
		dc := &DueChange{Before: bd, After: hd, Moved: bd.Day != hd.Day || bd.Ongoing != hd.Ongoing}
		if !bd.Day.IsZero() && !hd.Day.IsZero() {
			dc.Days = hd.Day.Sub(bd.Day)
		}
		d.DueChange = dc
	}
	d.Lead = members(b.Lead, h.Lead, c.base, c.head)
	d.Support = members(b.Support, h.Support, c.base, c.head)
	d.Targets = targets(b.Targets, h.Targets)

	ok := d.TitleChange != nil || d.GroupChange != nil || d.RefChange != nil || d.StartChange != nil ||
		d.UtilitiesChange != nil || d.DetailChanged || d.NoteChanged || d.SupportNoteChanged ||
		d.DueChange != nil || !d.Lead.Empty() || !d.Support.Empty() || len(d.Targets) > 0
	return d, ok
}

func utilities(t *model.Task) string {
	var ids []string
	for _, u := range t.Utilities {
		ids = append(ids, strconv.Itoa(u.ID))
	}
	return strings.Join(ids, ", ")
}

func targets(base, head []model.Target) []TargetDiff {
	var out []TargetDiff
	targetID := func(t *model.Target) string { return t.ID.Value }
	pair(base, head, targetID,
		func(b, h *model.Target) {
			d := TargetDiff{ID: h.ID.Value, Kind: Changed, Target: h,
				NameChange: changed(b.Name.Value, h.Name.Value),
				UnitChange: changed(b.Unit.Value, h.Unit.Value)}
			for i := range max(len(b.Milestones), len(h.Milestones)) {
				m := MilestoneChange{N: i + 1}
				if i < len(b.Milestones) {
					m.Before = &b.Milestones[i]
				}
				if i < len(h.Milestones) {
					m.After = &h.Milestones[i]
				}
				if m.Before != nil && m.After != nil &&
					m.Before.From.Value == m.After.From.Value && m.Before.Min == m.After.Min {
					continue
				}
				d.Milestones = append(d.Milestones, m)
			}
			if d.NameChange != nil || d.UnitChange != nil || len(d.Milestones) > 0 {
				out = append(out, d)
			}
		},
		func(h *model.Target) { out = append(out, TargetDiff{ID: h.ID.Value, Kind: Added, Target: h}) },
		func(b *model.Target) { out = append(out, TargetDiff{ID: b.ID.Value, Kind: Removed, Target: b}) })
	return out
}

// --- reports ---

// reports compares the reports by unit and month; it also returns the ids
// of the tasks whose entries were added, removed or changed, whose statuses
// may have turned.
func (c *comparer) reports() ([]ReportDiff, []string) {
	byMonthUnit := func(a, b model.Report) int {
		return cmp.Or(a.Month.Compare(b.Month), cmp.Compare(a.Unit, b.Unit))
	}
	sorted := func(rs []model.Report) []model.Report {
		if slices.IsSortedFunc(rs, byMonthUnit) {
			return rs // as the loader leaves them: read only here
		}
		rs = slices.Clone(rs)
		slices.SortStableFunc(rs, byMonthUnit)
		return rs
	}
	base, head := sorted(c.base.p.Reports), sorted(c.head.p.Reports)
	var out []ReportDiff
	var touched []string
	touch := func(es []EntryDiff) {
		for _, e := range es {
			touched = append(touched, e.Task)
		}
	}
	// Each report's key, made once: pair asks for it three times, and
	// there are 100,000 reports on each side at country scale.
	keys := make(map[*model.Report]string, len(base)+len(head))
	for _, rs := range [][]model.Report{base, head} {
		for i := range rs {
			keys[&rs[i]] = rs[i].Month.String() + "/" + rs[i].Unit
		}
	}
	key := func(r *model.Report) string { return keys[r] }
	pair(base, head, key,
		func(b, h *model.Report) {
			submitted := changed(b.Submitted.Date, h.Submitted.Date)
			document := changed(b.Document.Value, h.Document.Value)
			var es []EntryDiff
			if !sameEntries(b.Entries, h.Entries) {
				es = entries(b.Entries, h.Entries)
			}
			if submitted != nil {
				// A report's entries count from the day it was sent: moving
				// that day may turn every task it speaks of.
				for _, e := range h.Entries {
					touched = append(touched, e.Task.Value)
				}
			}
			touch(es)
			if submitted != nil || document != nil || len(es) > 0 {
				out = append(out, ReportDiff{Month: h.Month, Unit: c.head.ref(h.Unit), Kind: Changed,
					File: c.head.rel(h.File), Submitted: h.Submitted.Date,
					SubmittedChange: submitted, DocumentChange: document, Entries: es})
			}
		},
		func(h *model.Report) {
			d := ReportDiff{Month: h.Month, Unit: c.head.ref(h.Unit), Kind: Added,
				File: c.head.rel(h.File), Submitted: h.Submitted.Date, Entries: entries(nil, h.Entries)}
			touch(d.Entries)
			out = append(out, d)
		},
		func(b *model.Report) {
			out = append(out, ReportDiff{Month: b.Month, Unit: c.base.ref(b.Unit), Kind: Removed,
				File: c.base.rel(b.File), Submitted: b.Submitted.Date})
			for _, e := range b.Entries {
				touched = append(touched, e.Task.Value)
			}
		})
	for i := range out {
		for j := range out[i].Entries {
			c.nameTargets(&out[i].Entries[j])
		}
	}
	// pair puts removed reports last; the reader wants them in month order.
	slices.SortStableFunc(out, func(a, b ReportDiff) int {
		return cmp.Or(a.Month.Compare(b.Month), cmp.Compare(a.Unit.ID, b.Unit.ID))
	})
	return out, touched
}

// nameTargets fills e.TargetNames for the targets its values are for.
func (c *comparer) nameTargets(e *EntryDiff) {
	add := func(target string) {
		if _, ok := e.TargetNames[target]; ok {
			return
		}
		for _, v := range []version{c.head, c.base} {
			if name := v.targetName(e.Task, target); name != "" {
				if e.TargetNames == nil {
					e.TargetNames = map[string]string{}
				}
				e.TargetNames[target] = name
				return
			}
		}
	}
	if e.Entry != nil {
		for _, v := range e.Entry.Values {
			add(v.Target.Value)
		}
	}
	for _, v := range e.Values {
		add(v.Target)
	}
}

// targetName is the name of task's target as this version knows it; ""
// when the task or target is unknown or the target has no name.
func (v version) targetName(task, target string) string {
	t := v.ix.Task(task)
	if t == nil {
		return ""
	}
	for i := range t.Targets {
		if t.Targets[i].ID.Value == target {
			return t.Targets[i].Name.Value
		}
	}
	return ""
}

// rel is a file's path inside the plan folder, as the reviewer sees it in
// the pull request under plan/.
func (v version) rel(file string) string {
	if v.p.Dir != "" {
		if rest, ok := strings.CutPrefix(file, strings.TrimSuffix(v.p.Dir, "/")+"/"); ok {
			return rest
		}
	}
	return file
}

// sameEntries reports whether two lists of entries are the very same
// list: a report unchanged between two revisions of one repository is
// decoded once, and both plans hold its entries (see load.Revision).
func sameEntries(a, b []model.Entry) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func entries(base, head []model.Entry) []EntryDiff {
	var out []EntryDiff
	entryTask := func(e *model.Entry) string { return e.Task.Value }
	pair(base, head, entryTask,
		func(b, h *model.Entry) {
			if d, ok := entry(b, h); ok {
				out = append(out, d)
			}
		},
		func(h *model.Entry) { out = append(out, EntryDiff{Task: h.Task.Value, Kind: Added, Entry: h}) },
		func(b *model.Entry) { out = append(out, EntryDiff{Task: b.Task.Value, Kind: Removed, Entry: b}) })
	return out
}

func entry(b, h *model.Entry) (EntryDiff, bool) {
	d := EntryDiff{Task: h.Task.Value, Kind: Changed, Entry: h,
		StateChange: changed(b.State, h.State),
		DoneChange:  changed(b.Done.Date, h.Done.Date),
		Result:      textChange(b.Result.Value, h.Result.Value),
		Obstacles:   textChange(b.Obstacles.Value, h.Obstacles.Value),
		Proposals:   textChange(b.Proposals.Value, h.Proposals.Value),
	}
	if !equalPtr(b.Progress, h.Progress) {
		d.ProgressChange = &Change[*int]{b.Progress, h.Progress}
	}
	valueTarget := func(v *model.Value) string { return v.Target.Value }
	pair(b.Values, h.Values, valueTarget,
		func(bv, hv *model.Value) {
			if bv.Value != hv.Value {
				d.Values = append(d.Values, ValueChange{Target: hv.Target.Value, Before: &bv.Value, After: &hv.Value})
			}
		},
		func(hv *model.Value) {
			d.Values = append(d.Values, ValueChange{Target: hv.Target.Value, After: &hv.Value})
		},
		func(bv *model.Value) {
			d.Values = append(d.Values, ValueChange{Target: bv.Target.Value, Before: &bv.Value})
		})
	ok := d.StateChange != nil || d.DoneChange != nil || d.ProgressChange != nil || len(d.Values) > 0 ||
		d.Result != "" || d.Obstacles != "" || d.Proposals != ""
	return d, ok
}

func textChange(before, after string) Kind {
	switch {
	case before == after:
		return ""
	case before == "":
		return Added
	case after == "":
		return Removed
	}
	return Changed
}

func equalPtr[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
