package status

import (
	"cmp"
	"slices"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
)

// Filter narrows a Result the way `plan06 status --unit --group --state`
// asks. The zero Filter keeps everything; the fields combine with "and".
type Filter struct {
	// Unit is a unit id (the CLI resolves names to it). Only the tasks the
	// unit leads, sets expanded, are kept, each narrowed to the unit's own
	// assignment so that its status and progress are the unit's; and only
	// the unit's row of Units is kept.
	Unit string
	// Group is a group id: tasks of that group and of every group below it
	// (through Parent, at any depth) are kept.
	Group string
	// States keeps the tasks whose status, after the Unit narrowing, is one
	// of them; empty keeps all.
	States []Status
	// Units is Unit for several units at once (`--unit` naming a set: its
	// members): the tasks any of them leads, and their rows. It adds to
	// Unit when both are set.
	Units []string
}

// units is every unit id the filter names, nil for none.
func (f Filter) units() map[string]bool {
	if f.Unit == "" && len(f.Units) == 0 {
		return nil
	}
	m := make(map[string]bool, len(f.Units)+1)
	if f.Unit != "" {
		m[f.Unit] = true
	}
	for _, u := range f.Units {
		m[u] = true
	}
	return m
}

// Filter returns a new Result with f applied; r is not changed. The filtered Result keeps r's day,
// cycle and plan order, and its Tasks and Units are never nil, so that JSON
// shows [] rather than null. Only Unit narrows Units: reporting is owed per
// unit, not per group or status, so Group and States leave the reporting
// table whole.
func (r *Result) Filter(f Filter) *Result {
	out := *r
	var groups map[string]bool
	if f.Group != "" {
		groups = r.subgroups(f.Group)
	}
	units := f.units()
	out.Tasks = make([]Task, 0, len(r.Tasks))
	for _, t := range r.Tasks {
		if groups != nil && !groups[t.Task.Group.Value] {
			continue
		}
		if units != nil && !t.ledByAny(units) {
			continue
		}
		if len(f.States) > 0 && !slices.Contains(f.States, t.Status) {
			continue
		}
		out.Tasks = append(out.Tasks, t)
	}
	out.units = units
	out.Units = make([]UnitReport, 0, len(r.Units))
	for _, u := range r.Units {
		if units == nil || units[u.Unit.ID.Value] {
			out.Units = append(out.Units, u)
		}
	}
	return &out
}

// subgroups returns id and every group below it. A cycle of parents (a
// validation error) ends the walk instead of looping.
func (r *Result) subgroups(id string) map[string]bool {
	children := map[string][]string{}
	for _, g := range r.Plan.Groups {
		if g.Parent.Value != "" {
			children[g.Parent.Value] = append(children[g.Parent.Value], g.ID.Value)
		}
	}
	in := map[string]bool{id: true}
	queue := []string{id}
	for len(queue) > 0 {
		g := queue[0]
		queue = queue[1:]
		for _, c := range children[g] {
			if !in[c] {
				in[c] = true
				queue = append(queue, c)
			}
		}
	}
	return in
}

// ledByAny reports whether one of units leads t (sets expanded: each lead unit has an
// assignment). The task is kept whole, with every assignment and the status
// of the task as a whole, as SPEC §4 words it: --unit "keeps the tasks the
// unit leads".
func (t Task) ledByAny(units map[string]bool) bool {
	for _, a := range t.Assignments {
		if units[a.Unit.ID.Value] {
			return true
		}
	}
	return false
}

// Summary counts what a Result shows: its tasks by status and the owing
// units by report state. Every status and state is present, zeros included,
// so renderers print a stable set of lines and keys.
type Summary struct {
	// Tasks is the number of tasks after filters.
	Tasks int
	// ByStatus counts tasks by their status.
	ByStatus map[Status]int
	// ByOutcome counts tasks by their outcome class (SPEC §8.1).
	ByOutcome map[Outcome]int
	// Reports counts the units that owe the cycle by report state.
	Reports map[ReportState]int
}

// Summary returns the counts of r.
func (r *Result) Summary() Summary {
	s := Summary{Tasks: len(r.Tasks), ByStatus: make(map[Status]int, len(Statuses)), Reports: make(map[ReportState]int, len(ReportStates))}
	for _, st := range Statuses {
		s.ByStatus[st] = 0
	}
	for _, st := range ReportStates {
		s.Reports[st] = 0
	}
	s.ByOutcome = make(map[Outcome]int, len(Outcomes))
	for _, o := range Outcomes {
		s.ByOutcome[o] = 0
	}
	for _, t := range r.Tasks {
		s.ByStatus[t.Status]++
		s.ByOutcome[t.Outcome]++
	}
	for _, u := range r.Units {
		s.Reports[u.State]++
	}
	return s
}

// UnitView is one row of `status --by unit`: a unit's own assignments among
// the Result's tasks, and its report for the cycle.
type UnitView struct {
	Unit *model.Unit
	// Led is the number of the Result's tasks the unit leads.
	Led int
	// Done, Overdue, AtRisk and Blocked count the unit's own assignments by
	// status (not the tasks' overall statuses).
	Done, Overdue, AtRisk, Blocked int
	// Report is the unit's report state, "" when it does not owe the cycle.
	Report ReportState
	// Submitted is the day its report was sent, zero when none is visible.
	Submitted dates.Date
}

// ByUnit returns a row for every unit that leads one of r.Tasks or owes the
// cycle, sorted by unit id; after a unit filter, that unit's row only.
func (r *Result) ByUnit() []UnitView {
	rows := map[string]*UnitView{}
	row := func(u *model.Unit) *UnitView {
		v := rows[u.ID.Value]
		if v == nil {
			v = &UnitView{Unit: u}
			rows[u.ID.Value] = v
		}
		return v
	}
	for _, t := range r.Tasks {
		for _, a := range t.Assignments {
			if r.units != nil && !r.units[a.Unit.ID.Value] {
				continue // --unit: that unit's row only (its members' for a set)
			}
			v := row(a.Unit)
			v.Led++
			switch a.Status {
			case Done:
				v.Done++
			case Overdue:
				v.Overdue++
			case AtRisk:
				v.AtRisk++
			case Blocked:
				v.Blocked++
			}
		}
	}
	for _, u := range r.Units {
		v := row(u.Unit)
		v.Report, v.Submitted = u.State, u.Submitted
	}
	out := make([]UnitView, 0, len(rows))
	for _, v := range rows {
		out = append(out, *v)
	}
	slices.SortFunc(out, func(a, b UnitView) int { return cmp.Compare(a.Unit.ID.Value, b.Unit.ID.Value) })
	return out
}

// Owes returns the report row of the unit of id id when it owes r's cycle
// (it is in r.Units), and whether it does.
func (r *Result) Owes(id string) (UnitReport, bool) {
	i, ok := slices.BinarySearchFunc(r.Units, id, func(ur UnitReport, id string) int {
		return cmp.Compare(ur.Unit.ID.Value, id)
	})
	if !ok {
		return UnitReport{}, false
	}
	return r.Units[i], true
}

// Owed is one assignment a unit owes a report on for a cycle, with its task.
type Owed struct {
	Task       *Task
	Assignment *Assignment
}

// OwedBy lists, in plan order, the assignments the unit of id id answers
// for in r's cycle by the rule r.Units follows (SPEC §3.3 and §9): of
// tasks started by the cycle's deadline, held by that unit on the deadline
// (an ended unit keeps the cycles before its end), not done before the
// cycle's data period opened. Whether the unit owes the secretariat the
// cycle is Owes: a unit that reports to another unit answers for its
// assignments in its own reports (§9) without owing; a unit that does not
// exist on the deadline answers for none.
func (r *Result) OwedBy(id string) []Owed {
	var out []Owed
	for i := range r.Tasks {
		t := &r.Tasks[i]
		for j := range t.Assignments {
			a := &t.Assignments[j]
			owes := false
			owedBy(t, a, r.Cycle, func(u *model.Unit) { owes = owes || u.ID.Value == id })
			if owes {
				out = append(out, Owed{Task: t, Assignment: a})
			}
		}
	}
	return out
}
