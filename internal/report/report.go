// Package report computes the content of the province's report once, from
// status results, so that every format that draws it (the workbook, the
// signed docx, the reminder) shows the same figures: the outcome table by
// group with the previous cycle and the change, the reporting counts and
// record, the targets, the ranking of units, the overdue and blocked
// assignments, the units' results, obstacles and proposals, and what falls
// due before the next compile day (SPEC §8.5, §10).
//
// It is pure like status: results in, content out. The CLI computes the
// extra results it needs (the previous cycle's compile day, each cycle of
// the year so far) and passes them in.
package report

import (
	"cmp"
	"slices"
	"strings"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

// Input is what the report is built from.
type Input struct {
	// Result is the status at the report's day D for the period's last cycle.
	Result *status.Result
	// Previous is the tasks' outcomes at the previous cycle's compile day,
	// for the change column; nil leaves the comparison out.
	Previous *status.TaskOutcomes
	// Cycles are results at D, one per cycle of the year up to the
	// period's last cycle (Cycle set to each month), oldest first: they
	// give the reporting record and the ranking's report counts. Empty
	// means the record holds Result's cycle alone.
	Cycles []*status.Result
	// Period is the report period; its kind decides whether the record is
	// shown (6 months, year) and which cycles it spans.
	Period dates.Period
	// Next is the compile day of the cycle after the report's: what falls
	// due after D and on or before it is listed as upcoming. Zero leaves the
	// list empty.
	Next dates.Date
	// Notes are the paragraphs of notes/YYYY-MM.md for the cycle (the
	// direction and management the office did), in order.
	Notes []string
	// Lang is the language of labels and numbers.
	Lang i18n.Lang
	// names, when set, ranks the units of Result's plan by name (as
	// planNames does): ForPeriod works it out beside the cycles.
	names nameOrder
}

// Counts counts tasks by outcome in the order of status.Outcomes; Total
// counts every task (the sum of By, unless a task has no outcome).
type Counts struct {
	By    [5]int
	Total int
}

// add counts one outcome.
func (c *Counts) add(o status.Outcome) {
	if k := slices.Index(status.Outcomes, o); k >= 0 {
		c.By[k]++
	}
	c.Total++
}

// Assigned counts the tasks with a deadline: done and open, the standing
// duties left out. It is the "Tổng số" of the Government Office's count
// (SPEC §10: "Tổng số 18 nhiệm vụ: đã hoàn thành 3 …; chưa hoàn thành 15
// …; 5 nhiệm vụ thường xuyên"), in the signed report and in the workbook's
// outcome tables alike, so that the two never give two totals.
func (c Counts) Assigned() int {
	return c.Total - c.Of(status.Standing)
}

// plus adds d to c.
func (c *Counts) plus(d Counts) {
	for k := range c.By {
		c.By[k] += d.By[k]
	}
	c.Total += d.Total
}

// Of returns the count of outcome o.
func (c Counts) Of(o status.Outcome) int {
	if k := slices.Index(status.Outcomes, o); k >= 0 {
		return c.By[k]
	}
	return 0
}

// Group is one row of the outcome table: a task group in plan order, depth
// first, each parent before its children.
type Group struct {
	// ID is the group id; empty for the row of tasks in no known group.
	ID string
	// Label is the group's ref ("II.1") or, where it has none, its
	// position (I, II…; a child adds ".n" to its parent's label).
	Label string
	// Ref is the group's ref in the plan, empty where it has none (Label
	// is then a position the plan does not print).
	Ref   string
	Title string
	Depth int
	// Leaf is set for a group with no child group; the chart shows leaves.
	Leaf bool
	// Tasks are indexes into Result.Tasks of the tasks directly in the group.
	Tasks []int
	// Now counts the group's tasks and its descendants' at D; Prev the same
	// tasks at the previous compile day (zero when there is no Previous).
	Now, Prev Counts
	// Own counts the group's own tasks at D, its descendants' left out: the
	// chart draws Own, so that no task is drawn twice.
	Own Counts
}

// TargetRow is one target of one assignment.
type TargetRow struct {
	Task    *status.Task
	Target  *model.Target
	Unit    *model.Unit
	Measure string
	// Required, Value and ValueMonth as in status.TargetStatus.
	Required *float64
	Value    *float64
	// Old is set when the value comes from a report older than the cycle.
	ValueMonth dates.Month
	Old        bool
	// Met is nil when there is no value or no requirement.
	Met *bool
}

// MaxTargetRows is the most target rows a summary shows one by one.
const MaxTargetRows = 200

// ManyTargets reports whether the targets are too many to list in a
// summary (the workbook's Tổng hợp, the signed report).
func (rep *Report) ManyTargets() bool { return len(rep.Targets) > MaxTargetRows }

// TargetCount counts one target's rows at one level of units: met, not
// met, without data under a minimum in force, and without a minimum.
type TargetCount struct {
	Task   *status.Task
	Target *model.Target
	// Level is the units' level ("" when unset).
	Level                      string
	Met, NotMet, NoData, NoMin int
}

// Record is the reporting record of a 6-month or year report: one row per
// unit that owed any cycle of the period, one cell per cycle.
type Record struct {
	Months []dates.Month
	Rows   []RecordRow
	// Totals count, per cycle, on-time, late and missing reports.
	Totals []RecordTotal
}

// RecordRow is one unit's record.
type RecordRow struct {
	Unit *model.Unit
	// Cells has one entry per month of Record.Months.
	Cells                 []RecordCell
	OnTime, Late, Missing int
}

// RecordCell is a unit's report for one cycle; Owed is false when the unit
// did not owe it (the cell stays blank).
type RecordCell struct {
	Owed      bool
	State     status.ReportState
	Submitted dates.Date
}

// RecordTotal counts one cycle's reports.
type RecordTotal struct{ OnTime, Late, Missing int }

// Problem is an assignment that is overdue or blocked, with what its unit
// said of it.
type Problem struct {
	Task       *status.Task
	Assignment *status.Assignment
	// Days past the deadline (0 when not past it).
	Days int
	// Obstacles and Proposals come from the assignment's latest entry.
	Obstacles, Proposals string
}

// Upcoming is an open assignment due after D and on or before the next
// compile day.
type Upcoming struct {
	Task *status.Task
	Unit *model.Unit
	Due  dates.Date
}

// UnitText is one unit's word on one task: a result, an obstacle or a
// proposal.
type UnitText struct {
	Unit *model.Unit
	Task *status.Task
	Text string
}

// GroupResults are the results the units reported for a group's tasks.
type GroupResults struct {
	Group   *Group
	Results []UnitText
}

// UnitRow is a unit that owes the cycle, with the outcome counts of the
// assignments it leads.
type UnitRow struct {
	Report   status.UnitReport
	Outcomes Counts
}

// Report is the content of the report.
type Report struct {
	// names ranks the plan's units by name, for every list Build sorts.
	names nameOrder

	Lang   i18n.Lang
	Result *status.Result
	Period dates.Period
	// PrevDay is the previous compile day; zero when there is no Previous.
	PrevDay dates.Date
	Groups  []Group
	// Total counts every task once, at D and at PrevDay.
	Total Counts
	Prev  Counts
	// Reports counts the cycle's units by report state, in the order of
	// status.ReportStates.
	Reports [4]int
	Targets []TargetRow
	// TargetCounts count Targets by target and unit level; when there are
	// more than MaxTargetRows rows the summaries show these counts and the
	// rows move to an appendix (SPEC §8.5).
	TargetCounts []TargetCount
	// Record is nil for a monthly report.
	Record *Record
	// Ranking holds the units that owe reports (the cycle, or for 6 months
	// or a year any cycle of the period), by level.
	Ranking []RankLevel
	// Problems are the overdue and blocked assignments, in plan order.
	Problems []Problem
	// Upcoming is what falls due after D and before Next, the next
	// cycle's compile day (zero when not given); a task due on Next itself
	// is the next report's business (SPEC §10 III: "before").
	Upcoming []Upcoming
	Next     dates.Date
	// Units are the units that owe the cycle, by name, with their counts.
	Units []UnitRow
	// Results by group; Obstacles and Proposals by unit (collation
	// order). Only the signed report prints them: Build leaves them to
	// GatherTexts (at country scale they are 30 ms of CPU and 9 MB that a
	// workbook does without).
	Results   []GroupResults
	Obstacles []UnitText
	Proposals []UnitText
	textsDone bool
	Notes     []string
	// Reported says that some unit has sent a report of the period
	// (visible at D): without one, no obstacle reported does not mean
	// none.
	Reported bool
}

// Build computes the report's content.
func Build(in Input) *Report {
	r := in.Result
	rep := &Report{Lang: in.Lang, Result: r, Period: in.Period, Notes: in.Notes, Next: in.Next}
	if rep.Lang != i18n.EN {
		rep.Lang = i18n.VI
	}
	if in.Previous != nil {
		rep.PrevDay = in.Previous.AsOf
	}
	rep.groups(in.Previous)
	for _, t := range r.Tasks {
		rep.Total.add(t.Outcome)
	}
	if in.Previous != nil {
		for _, t := range in.Previous.Tasks {
			rep.Prev.add(t.Outcome)
		}
	}
	for _, u := range r.Units {
		if k := slices.Index(status.ReportStates, u.State); k >= 0 {
			rep.Reports[k]++
		}
	}
	rep.names = in.names
	if rep.names == nil {
		rep.names = planNames(r.Plan)
	}
	// The units' rows (14 ms at country scale) are counted beside the
	// rest, which neither reads nor writes them.
	units := beside(rep.units)
	rep.Reported = rep.anyReport()
	rep.targets()
	rep.countTargets()
	rep.record(in)
	rep.rank(in)
	rep.problems(in.Next)
	units()
	return rep
}

// GatherTexts fills Results, Obstacles and Proposals: the units' words,
// sent in the period and visible at D. It does so once; a later call does
// nothing. It must not run beside another use of rep.
func (rep *Report) GatherTexts() {
	if !rep.textsDone {
		rep.textsDone = true
		rep.texts()
	}
}

// beside runs f on a goroutine and returns a function that waits for it
// and panics with f's panic, if any, on the caller's goroutine, where the
// caller can recover it as if f had run there.
func beside(f func()) (wait func()) {
	done := make(chan struct{})
	var panicked any
	go func() {
		defer close(done)
		defer func() { panicked = recover() }()
		f()
	}()
	return func() {
		<-done
		if panicked != nil {
			panic(panicked)
		}
	}
}

// InPeriod reports whether a report of month m speaks of the period: the
// cycle's month for a monthly report, any month of a 6-month or year
// period.
func (rep *Report) InPeriod(m dates.Month) bool {
	if m == (dates.Month{}) {
		return false
	}
	last := rep.Result.Cycle.Month
	switch rep.Period.Kind {
	case dates.PeriodHalf:
		return m.Compare(last) <= 0 && m.Compare(last.Add(-5)) >= 0
	case dates.PeriodYear:
		return m.Compare(last) <= 0 && m.Compare(last.Add(-11)) >= 0
	}
	return m == last
}

// targets lists every target of every assignment in plan order.
func (rep *Report) targets() {
	r := rep.Result
	for i := range r.Tasks {
		t := &r.Tasks[i]
		for _, id := range targetIDs(t) {
			for j := range t.Assignments {
				a := &t.Assignments[j]
				for _, ts := range a.Targets {
					if ts.Target == nil || ts.Target.ID.Value != id {
						continue
					}
					rep.Targets = append(rep.Targets, TargetRow{
						Task: t, Target: ts.Target, Unit: a.Unit, Measure: ts.Target.Unit.Value,
						Required: ts.Required, Value: ts.Value, ValueMonth: ts.ValueMonth,
						Old: ts.Value != nil && ts.ValueMonth != (dates.Month{}) && ts.ValueMonth.Compare(r.Cycle.Month) < 0,
						Met: ts.Met,
					})
				}
			}
		}
	}
}

// countTargets counts the target rows by task, target and level, in the
// order of the rows, levels in model.Levels order.
func (rep *Report) countTargets() {
	type key struct {
		task   *status.Task
		target *model.Target
		level  string
	}
	at := map[key]int{}
	for _, tr := range rep.Targets {
		level := ""
		if tr.Unit != nil {
			level = tr.Unit.Level.Value
		}
		k := key{tr.Task, tr.Target, level}
		i, ok := at[k]
		if !ok {
			i = len(rep.TargetCounts)
			at[k] = i
			rep.TargetCounts = append(rep.TargetCounts, TargetCount{Task: tr.Task, Target: tr.Target, Level: level})
		}
		c := &rep.TargetCounts[i]
		switch {
		case tr.Met != nil && *tr.Met:
			c.Met++
		case tr.Met != nil:
			c.NotMet++
		case tr.Required != nil:
			c.NoData++
		default:
			c.NoMin++
		}
	}
	// Rows of one target stay together; within it, levels in their order.
	levelRank := func(l string) int {
		if i := slices.Index(model.Levels, l); i >= 0 {
			return i
		}
		return len(model.Levels)
	}
	first := map[*model.Target]int{}
	for i, c := range rep.TargetCounts {
		if _, ok := first[c.Target]; !ok {
			first[c.Target] = i
		}
	}
	slices.SortStableFunc(rep.TargetCounts, func(a, b TargetCount) int {
		return cmp.Or(cmp.Compare(first[a.Target], first[b.Target]), cmp.Compare(levelRank(a.Level), levelRank(b.Level)))
	})
}

// targetIDs lists the ids of t's targets in the plan's order, then any
// that only the assignments name.
func targetIDs(t *status.Task) []string {
	var ids []string
	if t.Task != nil {
		for _, tg := range t.Task.Targets {
			if !slices.Contains(ids, tg.ID.Value) {
				ids = append(ids, tg.ID.Value)
			}
		}
	}
	for _, a := range t.Assignments {
		for _, ts := range a.Targets {
			if ts.Target != nil && !slices.Contains(ids, ts.Target.ID.Value) {
				ids = append(ids, ts.Target.ID.Value)
			}
		}
	}
	return ids
}

// record builds the reporting record of a 6-month or year report from the
// cycles of the period.
func (rep *Report) record(in Input) {
	if rep.Period.Kind != dates.PeriodHalf && rep.Period.Kind != dates.PeriodYear {
		return
	}
	var cycles []*status.Result
	for _, c := range in.Cycles {
		if rep.InPeriod(c.Cycle.Month) {
			cycles = append(cycles, c)
		}
	}
	if len(cycles) == 0 {
		cycles = []*status.Result{rep.Result}
	}
	rec := &Record{Totals: make([]RecordTotal, len(cycles))}
	rows := map[string]*RecordRow{}
	var order []*RecordRow
	for k, c := range cycles {
		rec.Months = append(rec.Months, c.Cycle.Month)
		for _, u := range c.Units {
			row := rows[u.Unit.ID.Value]
			if row == nil {
				row = &RecordRow{Unit: u.Unit, Cells: make([]RecordCell, len(cycles))}
				rows[u.Unit.ID.Value] = row
				order = append(order, row)
			}
			row.Cells[k] = RecordCell{Owed: true, State: u.State, Submitted: u.Submitted}
			switch u.State {
			case status.OnTime:
				row.OnTime++
				rec.Totals[k].OnTime++
			case status.Late:
				row.Late++
				rec.Totals[k].Late++
			case status.Missing:
				row.Missing++
				rec.Totals[k].Missing++
			}
		}
	}
	sortByNameIn(rep.names, order, func(r **RecordRow) *model.Unit { return (*r).Unit })
	for _, row := range order {
		rec.Rows = append(rec.Rows, *row)
	}
	rep.Record = rec
}

// problems lists the overdue and blocked assignments and what falls due
// after D and strictly before the next compile day.
func (rep *Report) problems(next dates.Date) {
	r := rep.Result
	for i := range r.Tasks {
		t := &r.Tasks[i]
		for j := range t.Assignments {
			a := &t.Assignments[j]
			if a.Status == status.Overdue || a.Status == status.Blocked || a.Outcome == status.OpenOverdue {
				p := Problem{Task: t, Assignment: a}
				if a.Outcome == status.OpenOverdue && !t.Due.IsZero() {
					p.Days = r.AsOf.Sub(t.Due)
				}
				if a.Entry != nil {
					p.Obstacles = strings.TrimSpace(a.Entry.Obstacles.Value)
					p.Proposals = strings.TrimSpace(a.Entry.Proposals.Value)
				}
				rep.Problems = append(rep.Problems, p)
			}
			if !next.IsZero() && !t.Ongoing && a.Status != status.Done && !t.Due.IsZero() &&
				t.Due.After(r.AsOf) && t.Due.Before(next) {
				rep.Upcoming = append(rep.Upcoming, Upcoming{Task: t, Unit: a.Unit, Due: t.Due})
			}
		}
	}
	slices.SortStableFunc(rep.Upcoming, func(a, b Upcoming) int { return a.Due.Compare(b.Due) })
}

// units lists the units that owe the cycle with the outcome counts of the
// assignments they lead.
func (rep *Report) units() {
	r := rep.Result
	counts := map[string]*Counts{}
	for _, t := range r.Tasks {
		for _, a := range t.Assignments {
			c := counts[a.Unit.ID.Value]
			if c == nil {
				c = &Counts{}
				counts[a.Unit.ID.Value] = c
			}
			c.add(a.Outcome)
		}
	}
	for _, u := range r.Units {
		row := UnitRow{Report: u}
		if c := counts[u.Unit.ID.Value]; c != nil {
			row.Outcomes = *c
		}
		rep.Units = append(rep.Units, row)
	}
	sortByNameIn(rep.names, rep.Units, func(r *UnitRow) *model.Unit { return r.Report.Unit })
}

// texts gathers the results by group and the obstacles and proposals by
// unit, from entries of reports within the period.
func (rep *Report) texts() {
	r := rep.Result
	groupOf := map[int]int{}
	for gi, g := range rep.Groups {
		for _, ti := range g.Tasks {
			groupOf[ti] = gi
		}
	}
	results := make([][]UnitText, len(rep.Groups))
	for ti := range r.Tasks {
		t := &r.Tasks[ti]
		for j := range t.Assignments {
			a := &t.Assignments[j]
			if a.Entry == nil || !rep.InPeriod(a.LastReport) {
				continue
			}
			if s := clean(a.Entry.Result.Value); s != "" {
				if gi, ok := groupOf[ti]; ok {
					results[gi] = append(results[gi], UnitText{Unit: a.Unit, Task: t, Text: s})
				}
			}
			if s := clean(a.Entry.Obstacles.Value); s != "" {
				rep.Obstacles = append(rep.Obstacles, UnitText{Unit: a.Unit, Task: t, Text: s})
			}
			if s := clean(a.Entry.Proposals.Value); s != "" {
				rep.Proposals = append(rep.Proposals, UnitText{Unit: a.Unit, Task: t, Text: s})
			}
		}
	}
	for gi := range rep.Groups {
		if len(results[gi]) > 0 {
			rep.Results = append(rep.Results, GroupResults{Group: &rep.Groups[gi], Results: results[gi]})
		}
	}
	byUnit := func(t *UnitText) *model.Unit { return t.Unit }
	sortByNameIn(rep.names, rep.Obstacles, byUnit)
	sortByNameIn(rep.names, rep.Proposals, byUnit)
}

// anyReport says whether a report of one of the period's cycles was
// submitted by D (a report is visible from its submitted day, as status
// counts it).
func (rep *Report) anyReport() bool {
	for i := range rep.Result.Plan.Reports {
		r := &rep.Result.Plan.Reports[i]
		if !r.Submitted.Date.IsZero() && !r.Submitted.Date.After(rep.Result.AsOf) && rep.InPeriod(r.Month) {
			return true
		}
	}
	return false
}

// clean trims a text from the files.
func clean(s string) string { return strings.TrimSpace(s) }

// UnitName is a unit's name, or its id when it has none.
func UnitName(u *model.Unit) string {
	if u == nil {
		return ""
	}
	if u.Name.Value != "" {
		return u.Name.Value
	}
	return u.ID.Value
}

// byName orders units by name in Vietnamese collation, then by id.
func byName(a, b *model.Unit) int {
	if c := i18n.Compare(UnitName(a), UnitName(b)); c != 0 {
		return c
	}
	var ia, ib string
	if a != nil {
		ia = a.ID.Value
	}
	if b != nil {
		ib = b.ID.Value
	}
	return cmp.Compare(ia, ib)
}

// TaskUnits is one task of section III of the signed report (SPEC §10)
// with the units that owe it, by name: a task many units lead is named
// once.
type TaskUnits struct {
	Task *status.Task
	Due  dates.Date
	// Units by name, each with its days past Due (0 when not past it).
	Units []UnitDays
}

// UnitDays is a unit of a TaskUnits and its days past the deadline.
type UnitDays struct {
	Unit *model.Unit
	Days int
}

// SameDays reports whether every unit of t is as many days overdue (true
// for a task's units, whose deadline is the task's): the days are then
// said once for the task.
func (t TaskUnits) SameDays() bool {
	for _, u := range t.Units {
		if u.Days != t.Units[0].Days {
			return false
		}
	}
	return true
}

// OverdueByTask is the open, overdue assignments of Problems by task, in
// plan order, the units of each by name.
func (rep *Report) OverdueByTask() []TaskUnits {
	var out []TaskUnits
	at := map[*status.Task]int{}
	for _, pr := range rep.Problems {
		if pr.Assignment.Outcome != status.OpenOverdue {
			continue
		}
		out = rep.addTaskUnit(out, at, pr.Task, pr.Task.Due, UnitDays{Unit: pr.Assignment.Unit, Days: pr.Days})
	}
	return rep.sortTaskUnits(out)
}

// UpcomingByTask is Upcoming by task, by due date as Upcoming is, the
// units of each by name.
func (rep *Report) UpcomingByTask() []TaskUnits {
	var out []TaskUnits
	at := map[*status.Task]int{}
	for _, u := range rep.Upcoming {
		out = rep.addTaskUnit(out, at, u.Task, u.Due, UnitDays{Unit: u.Unit})
	}
	return rep.sortTaskUnits(out)
}

func (rep *Report) addTaskUnit(out []TaskUnits, at map[*status.Task]int, t *status.Task, due dates.Date, u UnitDays) []TaskUnits {
	i, ok := at[t]
	if !ok {
		i = len(out)
		at[t] = i
		out = append(out, TaskUnits{Task: t, Due: due})
	}
	out[i].Units = append(out[i].Units, u)
	return out
}

func (rep *Report) sortTaskUnits(ts []TaskUnits) []TaskUnits {
	for i := range ts {
		sortByNameIn(rep.names, ts[i].Units, func(u *UnitDays) *model.Unit { return u.Unit })
	}
	return ts
}
