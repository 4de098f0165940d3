package status

import (
	"cmp"
	"slices"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
)

// Options say for which day, and which reporting cycle, to compute.
type Options struct {
	// AsOf is the day D of SPEC §3: only reports submitted on or before it
	// count, and deadlines are judged against it.
	AsOf dates.Date
	// Cycle is the month whose reporting compliance Result.Units gives
	// (`status --cycle`); the zero Month means the month of AsOf.
	Cycle dates.Month
}

// Compute applies the rules of SPEC §3 to plan p as of opt.AsOf. ix must be
// an index of p (nil builds one). The plan is only read; the Result points
// into it, so p must not change while the Result is in use.
//
// The work is linear in the size of the plan: each task's lead is expanded
// once, the visible reports are grouped by unit once, and each unit's
// history (latest entry per task it leads, newest value per target) is
// built once, reading its reports newest first only until it has found
// them all.
func Compute(p *model.Plan, ix *model.Index, opt Options) *Result {
	return ComputeCycles(p, ix, opt.AsOf, []dates.Month{opt.Cycle})[0]
}

// ComputeCycles is Compute at day asOf for each cycle of months (the zero
// Month meaning the month of asOf), one Result per month in order. The
// tasks' state at asOf does not depend on the cycle, so it is computed
// once: the Results share one Tasks slice and differ only in Cycle and
// Units (a report over the year's cycles needs each cycle's compliance, not
// the plan's state twelve times). Results are read-only; one that must
// change (Filter makes a new one) must not be changed in place.
func ComputeCycles(p *model.Plan, ix *model.Index, asOf dates.Date, months []dates.Month) []*Result {
	c, leads := newComputer(p, ix, asOf, false)
	tasks := make([]Task, 0, len(p.Tasks))
	for i := range p.Tasks {
		tasks = append(tasks, c.task(i, leads[i]))
	}
	out := make([]*Result, len(months))
	for k, month := range months {
		if month == (dates.Month{}) {
			month = dates.MonthOf(asOf)
		}
		r := &Result{
			Plan:  p,
			AsOf:  asOf,
			Cycle: p.Cal.Cycle(month, p.Reporting.Day, c.rollover),
			Tasks: tasks,
		}
		r.Units = c.compliance(r.Tasks, r.Cycle)
		out[k] = r
	}
	return out
}

// newComputer prepares the computation at asOf: the visible reports by
// unit, and each task's lead holders. Every lead is expanded first, so
// that each unit's history knows which tasks it must find and can stop
// reading as soon as it has them. Leads are expanded as they stand at D
// (SPEC §9): sets hold the units that exist, an ended unit's assignment
// passes to its successor, and the predecessors' histories are read for
// the tasks passed on. Without values, histories keep the latest entries
// only.
func newComputer(p *model.Plan, ix *model.Index, asOf dates.Date, noValues bool) (*computer, [][]model.Holder) {
	if ix == nil {
		ix = model.NewIndex(p)
	}
	c := &computer{
		p:        p,
		ix:       ix,
		asOf:     asOf,
		rollover: p.Reporting.Rollover == model.RolloverNextWorkingDay,
		reports:  visibleByUnit(p.Reports, asOf, len(p.Units)),
		history:  make(map[string]*history, len(p.Units)),
		leads:    make(map[string][]int, len(p.Units)),
		noValues: noValues,
	}
	c.indexTasks()
	leads := make([][]model.Holder, len(p.Tasks))
	for i := range p.Tasks {
		leads[i] = ix.ExpandAt(p.Tasks[i].Lead, asOf)
		ci := c.taskIndex[p.Tasks[i].ID.Value]
		for _, h := range leads[i] {
			c.leads[h.Unit.ID.Value] = append(c.leads[h.Unit.ID.Value], ci)
			for _, pre := range h.Predecessors {
				c.leads[pre.ID.Value] = append(c.leads[pre.ID.Value], ci)
			}
		}
	}
	return c, leads
}

// TaskOutcomes are the tasks' outcomes on a day, in plan order: what a
// report needs of the previous cycle's compile day (the change since then).
type TaskOutcomes struct {
	AsOf  dates.Date
	Tasks []TaskOutcome
}

// TaskOutcome is a task with its outcome.
type TaskOutcome struct {
	Task    *model.Task
	Outcome Outcome
}

// ComputeOutcomes gives each task's outcome at asOf, as Compute gives it
// (TestOutcomesSameAsCompute), without the rest: an outcome depends only
// on whether each lead unit's latest entry says done, and when, so no
// target, value, status, progress or compliance is computed, and a unit's
// reports are read only until each task it leads has its latest entry.
func ComputeOutcomes(p *model.Plan, ix *model.Index, asOf dates.Date) *TaskOutcomes {
	c, leads := newComputer(p, ix, asOf, true)
	out := &TaskOutcomes{AsOf: asOf, Tasks: make([]TaskOutcome, len(p.Tasks))}
	for i := range p.Tasks {
		t := &p.Tasks[i]
		out.Tasks[i] = TaskOutcome{Task: t, Outcome: Standing}
		if t.Deadline.Ongoing {
			continue // a standing duty whatever its units said
		}
		due := p.Cal.Effective(t.Deadline.Last, c.rollover)
		ci := c.taskIndex[t.ID.Value]
		done, late := len(leads[i]) > 0, false
		for _, h := range leads[i] {
			e := c.latestEntry(ci, h)
			if e == nil || e.State != model.Done {
				done = false
				continue
			}
			late = late || (!due.IsZero() && e.Done.Date.After(due))
		}
		out.Tasks[i].Outcome = outcomeOf(false, done, late, due, asOf)
	}
	return out
}

// latestEntry is the latest entry of task index ci that holder h or, when
// it has none, its predecessors (nearest first) have sent, or nil.
func (c *computer) latestEntry(ci int, h model.Holder) *model.Entry {
	if l, ok := c.unit(h.Unit.ID.Value).entry(ci); ok {
		return l.entry
	}
	for _, pre := range h.Predecessors {
		if l, ok := c.unit(pre.ID.Value).entry(ci); ok {
			return l.entry
		}
	}
	return nil
}

// computer holds what Compute shares between tasks.
type computer struct {
	p        *model.Plan
	ix       *model.Index
	asOf     dates.Date
	rollover bool
	// reports are each unit's visible reports, greatest month first.
	reports map[string][]*model.Report
	// history caches each unit's history by unit id.
	history map[string]*history
	// taskIndex maps a task id to its position in p.Tasks (the first, when
	// an id is duplicated).
	taskIndex map[string]int
	// leads lists, per unit id, the indexes (as taskIndex gives them) of
	// the tasks it leads.
	leads map[string][]int
	// noValues leaves targets' values out of the histories.
	noValues bool
	// slot is scratch space for unit: while the history of a unit is
	// built, slot[ti] is 1 + the position of task ti in it, 0 for a task
	// the unit does not lead.
	slot []int
}

// indexTasks numbers the tasks for the histories.
func (c *computer) indexTasks() {
	c.taskIndex = make(map[string]int, len(c.p.Tasks))
	c.slot = make([]int, len(c.p.Tasks))
	for i := range c.p.Tasks {
		if _, dup := c.taskIndex[c.p.Tasks[i].ID.Value]; !dup {
			c.taskIndex[c.p.Tasks[i].ID.Value] = i
		}
	}
}

// visibleByUnit groups the reports submitted on or before asOf by unit,
// each list ordered by cycle month (from the path), newest first. A report
// without a submitted day (a validation error) is never visible: nothing
// says it had been sent by D. Two reports of one unit for one month (x.yaml
// and x.yml, also a validation error) are ordered by submitted day, latest
// first, then by file, so the result does not depend on load order. units
// (the plan's units) sizes the map: at the country's scale it grew
// through thousands of units, a copy at each doubling.
func visibleByUnit(all []model.Report, asOf dates.Date, units int) map[string][]*model.Report {
	by := make(map[string][]*model.Report, units)
	for i := range all {
		r := &all[i]
		if r.Submitted.Date.IsZero() || r.Submitted.Date.After(asOf) {
			continue
		}
		by[r.Unit] = append(by[r.Unit], r)
	}
	for _, rs := range by {
		// Reports load in path order, reports/YYYY-MM/unit.yaml: oldest
		// month first. Such a list only needs reversing, which costs a
		// fraction of sorting it (some 10 ms a run at the country's
		// scale). Only a list without ties is reversed or left as it is:
		// any sort puts that one in the same order, so the result is the
		// sort's own.
		switch {
		case strictlyOrdered(rs, newestFirst):
		case strictlyOrdered(rs, oldestFirst):
			slices.Reverse(rs)
		default:
			slices.SortFunc(rs, newestFirst)
		}
	}
	return by
}

// newestFirst orders the reports of one unit for visibleByUnit: greatest
// month first, then latest submitted, then by file.
func newestFirst(a, b *model.Report) int {
	if c := b.Month.Compare(a.Month); c != 0 {
		return c
	}
	if c := b.Submitted.Date.Compare(a.Submitted.Date); c != 0 {
		return c
	}
	return cmp.Compare(a.File, b.File)
}

func oldestFirst(a, b *model.Report) int { return newestFirst(b, a) }

// strictlyOrdered reports whether each of rs comes before the next by
// order, none equal.
func strictlyOrdered(rs []*model.Report, order func(a, b *model.Report) int) bool {
	for i := 1; i < len(rs); i++ {
		if order(rs[i-1], rs[i]) >= 0 {
			return false
		}
	}
	return true
}

// history is what one unit has said, as of D, of the tasks it leads
// (status needs no other). Tasks are numbered by taskIndex, so two tasks
// sharing an id (a validation error) share what their units said of it,
// as the id is all a report names. A unit leads a few of the plan's tasks,
// so the history holds those only, in slices rather than maps: at the
// country's scale a map insert per entry costs more than everything else
// together, and a slot for every task of the plan, per unit, was most of
// the memory a status allocated.
type history struct {
	// tasks are the tasks held: the latest entry of each and where its
	// targets' values begin in values.
	tasks []heldTask
	// values hold the newest value per target of the tasks held.
	values []heldValue
}

// heldTask is a task's part of a history.
type heldTask struct {
	ti     int // task index, as taskIndex gives it
	latest latest
	base   int // index in history.values of the task's first target
}

// heldValue is the newest value of a target, if any, with the month of
// the report that gave it.
type heldValue struct {
	value float64
	month dates.Month
	has   bool
}

// latest is an entry with the month of the report that holds it.
type latest struct {
	entry *model.Entry
	month dates.Month
}

// noHistory stands for a unit without a visible report.
var noHistory = &history{}

// task returns the part of the history of task index ti, or nil.
func (h *history) task(ti int) *heldTask {
	for i := range h.tasks {
		if h.tasks[i].ti == ti {
			return &h.tasks[i]
		}
	}
	return nil
}

// entry returns the latest entry of task index ti, if any.
func (h *history) entry(ti int) (latest, bool) {
	if t := h.task(ti); t != nil && t.latest.entry != nil {
		return t.latest, true
	}
	return latest{}, false
}

// valueOf returns the newest value of target j (its position in the
// task's targets) of task index ti and the month of the report that gave
// it, if any.
func (h *history) valueOf(ti, j int) (float64, dates.Month, bool) {
	t := h.task(ti)
	if t == nil || j < 0 || t.base+j >= len(h.values) {
		return 0, dates.Month{}, false
	}
	if v := h.values[t.base+j]; v.has {
		return v.value, v.month, true
	}
	return 0, dates.Month{}, false
}

// unit returns the history of unit id, building it on first use. Walking
// the reports newest month first, the first entry met for a task is its
// latest and the first value met for a target is its newest; within one
// report the first entry for a task wins (a second one is a validation
// error). Only the tasks the unit leads are looked for, so the walk stops
// once each has its entry and each of their targets its value: usually in
// the newest report. Entries for other or unknown tasks, and values for
// targets their task does not have, are skipped: a value counts only for
// the target of that id in the entry's own task.
func (c *computer) unit(id string) *history {
	if h := c.history[id]; h != nil {
		return h
	}
	reports, led := c.reports[id], c.leads[id]
	if len(reports) == 0 || len(led) == 0 {
		c.history[id] = noHistory
		return noHistory
	}
	h := &history{tasks: make([]heldTask, 0, len(led))}
	targets := 0
	for _, ti := range led {
		if c.slot[ti] == 0 {
			h.tasks = append(h.tasks, heldTask{ti: ti, base: targets})
			c.slot[ti] = len(h.tasks)
			targets += len(c.p.Tasks[ti].Targets)
		}
	}
	defer func() {
		for _, t := range h.tasks {
			c.slot[t.ti] = 0
		}
	}()
	if c.noValues {
		targets = 0
	}
	h.values = make([]heldValue, targets)
	remaining := len(h.tasks) + targets
	for _, r := range reports {
		for i := range r.Entries {
			e := &r.Entries[i]
			ti, ok := c.taskIndex[e.Task.Value]
			if !ok || c.slot[ti] == 0 {
				continue
			}
			t := &h.tasks[c.slot[ti]-1]
			if t.latest.entry == nil {
				t.latest = latest{entry: e, month: r.Month}
				remaining--
			}
			if c.noValues {
				continue
			}
			targets := c.p.Tasks[ti].Targets
			for _, v := range e.Values {
				for j := range targets {
					if targets[j].ID.Value != v.Target.Value {
						continue
					}
					if hv := &h.values[t.base+j]; !hv.has {
						*hv = heldValue{value: v.Value, month: r.Month, has: true}
						remaining--
					}
					break
				}
			}
		}
		if remaining == 0 {
			break
		}
	}
	c.history[id] = h
	return h
}

// task computes task ti and the assignments of its lead units.
func (c *computer) task(ti int, units []model.Holder) Task {
	t := &c.p.Tasks[ti]
	ts := Task{Task: t, Ongoing: t.Deadline.Ongoing, Start: t.StartDay}
	if !ts.Ongoing {
		ts.Due = c.p.Cal.Effective(t.Deadline.Last, c.rollover)
	}
	required := c.required(t)
	ts.Assignments = make([]Assignment, 0, len(units))
	for _, u := range units {
		ts.Assignments = append(ts.Assignments, c.assignment(&ts, ti, required, u))
	}
	ts.Status, ts.Progress = rollUp(ts.Assignments)
	ts.Outcome = taskOutcome(&ts, c.asOf)
	return ts
}

// required returns, per target of t, the min of the milestone in force at
// D: the one with the greatest from-day on or before D (the later one in
// the file when two share a day). Milestones without a resolved day (a
// validation error) never come into force. Milestone days are not rolled
// over: a `from` is a first day, not a deadline.
func (c *computer) required(t *model.Task) []*float64 {
	out := make([]*float64, len(t.Targets))
	for i := range t.Targets {
		var best *model.Milestone
		for j := range t.Targets[i].Milestones {
			m := &t.Targets[i].Milestones[j]
			if m.FromDay.IsZero() || m.FromDay.After(c.asOf) {
				continue
			}
			if best == nil || !m.FromDay.Before(best.FromDay) {
				best = m
			}
		}
		if best != nil {
			out[i] = &best.Min
		}
	}
	return out
}

// holdersOn calls yield with each unit that held assignment a on day d:
// the unit that holds it at D when it existed on d, and each predecessor
// it took the assignment over from that existed on d (SPEC §9: a unit owes
// cycle M only if it exists on M's deadline, so the cycles before a change
// stay owed by the unit that ended). A new unit (a district become a town)
// has one predecessor that held it before; a unit that absorbed another
// held it beside the one it absorbed. A zero d gives a.Unit.
func holdersOn(a *Assignment, d dates.Date, yield func(*model.Unit)) {
	if d.IsZero() || a.Unit.ExistsOn(d) {
		yield(a.Unit)
		if d.IsZero() {
			return
		}
	}
	for _, p := range a.Predecessors {
		if p.ExistsOn(d) {
			yield(p)
		}
	}
}

// assignment applies the table of SPEC §3.2 to one lead unit of task ts.
// A holder that took the assignment over reads its own history first, then
// its predecessors', nearest first: their latest entries and values count
// until the holder reports (SPEC §9).
func (c *computer) assignment(ts *Task, ti int, required []*float64, holder model.Holder) Assignment {
	t := ts.Task
	u := holder.Unit
	a := Assignment{Unit: u, State: model.NotStarted, Predecessors: holder.Predecessors}
	hs := []*history{c.unit(u.ID.Value)}
	for _, pre := range holder.Predecessors {
		hs = append(hs, c.unit(pre.ID.Value))
	}
	ci := c.taskIndex[t.ID.Value]
	for k, h := range hs {
		if l, ok := h.entry(ci); ok {
			a.Entry, a.LastReport, a.State = l.entry, l.month, l.entry.State
			if k > 0 {
				a.Inherited = holder.Predecessors[k-1]
			}
			break
		}
	}
	// An ongoing task is never done: a done entry counts as in progress.
	done := a.State == model.Done && !ts.Ongoing
	if a.State == model.Done && ts.Ongoing {
		a.State = model.InProgress
	}

	a.Targets = make([]TargetStatus, len(t.Targets))
	atRisk := false
	for i := range t.Targets {
		tg := TargetStatus{Target: &t.Targets[i]}
		j := c.targetOf(ti, ci, i)
		for _, h := range hs {
			if v, m, ok := h.valueOf(ci, j); ok {
				tg.Value, tg.ValueMonth = &v, m
				break
			}
		}
		if req := required[i]; req != nil {
			r := *req
			tg.Required = &r
			if tg.Value != nil {
				met := *tg.Value >= r
				tg.Met = &met
			}
			// A missing value under a milestone in force still puts the
			// assignment at risk; it is shown as no data, not as not met.
			atRisk = atRisk || tg.Met == nil || !*tg.Met
		}
		a.Targets[i] = tg
	}

	// A task that is not ongoing but has no resolved deadline (a validation
	// error) is never overdue nor due soon.
	hasDue := !ts.Ongoing && !ts.Due.IsZero()
	switch {
	case done:
		a.Status = Done
		a.Done = a.Entry.Done.Date
		a.Late = hasDue && a.Done.After(ts.Due)
	case hasDue && c.asOf.After(ts.Due):
		a.Status = Overdue
	case a.State == model.Blocked:
		a.Status = Blocked
	case atRisk:
		a.Status = AtRisk
	case hasDue && ts.Due.Sub(c.asOf) <= c.p.Reporting.DueSoonDays:
		a.Status = DueSoon
	case a.State == model.InProgress:
		a.Status = InProgress
	default:
		a.Status = NotStarted
	}

	a.Outcome = outcomeOf(ts.Ongoing, a.Status == Done, a.Late, ts.Due, c.asOf)

	switch {
	case done:
		a.Progress = 100
	case a.Entry != nil && a.Entry.Progress != nil:
		a.Progress = *a.Entry.Progress
	}
	return a
}

// targetOf returns the position of target i of task ti in the targets of
// task ci, the first task of ti's id: the target of the same id there, or
// -1 when ci has none.
func (c *computer) targetOf(ti, ci, i int) int {
	if ti == ci {
		return i
	}
	id := c.p.Tasks[ti].Targets[i].ID.Value
	for j, tg := range c.p.Tasks[ci].Targets {
		if tg.ID.Value == id {
			return j
		}
	}
	return -1
}

// taskRank is the order in which an assignment's status decides its
// task's status (SPEC §3.2), highest first.
var taskRank = []Status{Overdue, Blocked, AtRisk, DueSoon}

// rollUp gives a task's status and progress from its assignments. A task
// with no assignment (its lead expands to no unit, a validation error) is
// not started, with progress 0.
func rollUp(as []Assignment) (Status, int) {
	if len(as) == 0 {
		return NotStarted, 0
	}
	var count [len(rank)]int
	sum := 0
	for _, a := range as {
		count[rankOf(a.Status)]++
		sum += a.Progress
	}
	// Mean rounded half up, in integers: floor((2·sum + n) / 2n). Progress
	// is never negative, so integer division is the floor.
	n := len(as)
	progress := (2*sum + n) / (2 * n)
	if count[rankOf(Done)] == n {
		return Done, progress
	}
	for _, s := range taskRank {
		if count[rankOf(s)] > 0 {
			return s, progress
		}
	}
	if count[rankOf(InProgress)] > 0 || count[rankOf(Done)] > 0 {
		return InProgress, progress
	}
	return NotStarted, progress
}

// rank is Statuses as an array, so that counts per status fit an array.
var rank = [...]Status{Done, Overdue, Blocked, AtRisk, DueSoon, InProgress, NotStarted}

// rankOf returns the index of s in rank; an unknown status counts as not
// started.
func rankOf(s Status) int {
	for i, r := range rank {
		if r == s {
			return i
		}
	}
	return len(rank) - 1
}

// owedBy calls yield with each unit that assignment a of task t makes owe
// cycle cy (SPEC §3.3), none when the task has not started by the cycle's
// deadline or the assignment was done before the cycle's data period
// opened: the units that held the assignment on the deadline (holdersOn).
// Whether each reports to the secretariat is for the caller to check.
func owedBy(t *Task, a *Assignment, cy dates.Cycle, yield func(*model.Unit)) {
	if t.Start.After(cy.Deadline) {
		return
	}
	if a.Status == Done && !a.Done.IsZero() && a.Done.Before(cy.PeriodFrom) {
		return
	}
	holdersOn(a, cy.Deadline, yield)
}

// compliance lists the units that owe cycle cy (SPEC §3.3) with their
// report state, sorted by id. A unit owes when it is in reporting.also
// (sets there are expanded too), or leads a task that has started by the
// cycle's deadline and whose assignment is not done before the cycle's data
// period opens. The assignment's done-ness is the one computed at D, so an
// ongoing task always keeps its leads owing.
//
// Units over time and routes (SPEC §9): a unit owes only when it exists on
// the cycle's deadline, and a unit whose reports_to names another unit than
// the secretariat (a commune reporting to its district) owes that unit, not
// the province: it is left out of the table, its counts and its missing
// list.
func (c *computer) compliance(tasks []Task, cy dates.Cycle) []UnitReport {
	// The units owing are marked by their place in the units sorted by
	// id: no map of thousands of units and no sort per cycle. Every unit
	// here comes from the index (ExpandAt), so each has its place.
	// A cycle whose reports the plan cannot hold (a month outside
	// Plan.ReportMonths: validation refuses its folder) is owed by nobody:
	// 1–15 January's latest cycle is December's, before a year's plan.
	if first, last, ok := c.p.ReportMonths(); ok && (cy.Month.Compare(first) < 0 || cy.Month.Compare(last) > 0) {
		return nil
	}
	byID := c.ix.UnitsByID()
	owed := make([]*model.Unit, len(byID))
	secretariat := c.p.Reporting.Secretariat.Value
	owe := func(u *model.Unit) {
		if !cy.Deadline.IsZero() && !u.ExistsOn(cy.Deadline) {
			return
		}
		if u.ReportsTo.Value != "" && u.ReportsTo.Value != secretariat {
			return
		}
		if i, ok := c.ix.UnitRank(u.ID.Value); ok {
			owed[i] = u
		}
	}
	for _, h := range c.ix.ExpandAt(c.p.Reporting.Also, cy.Deadline) {
		owe(h.Unit)
	}
	for i := range tasks {
		t := &tasks[i]
		for j := range t.Assignments {
			owedBy(t, &t.Assignments[j], cy, owe)
		}
	}
	n := 0
	for _, u := range owed {
		if u != nil {
			n++
		}
	}
	out := make([]UnitReport, 0, n)
	for _, u := range owed {
		if u == nil {
			continue
		}
		ur := UnitReport{Unit: u}
		for _, r := range c.reports[u.ID.Value] {
			if r.Month == cy.Month {
				ur.Report, ur.Submitted = r, r.Submitted.Date
				break
			}
		}
		switch {
		case ur.Report != nil && !ur.Submitted.After(cy.Deadline):
			ur.State = OnTime
		case ur.Report != nil:
			ur.State = Late
		case c.asOf.After(cy.Deadline):
			ur.State = Missing
		default:
			ur.State = Pending
		}
		out = append(out, ur)
	}
	return out
}
