// Package status computes, for one plan and one day, the state of every
// assignment and task and every unit's reporting compliance (SPEC §3). It is
// pure: plan and day in, Result out; it reads no file and no clock.
package status

import (
	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
)

// Status is the computed state of an assignment or a task, in rank order
// (SPEC §3.2). The string values are the JSON and CLI names.
type Status string

// The statuses, in the order the rules of SPEC §3.2 try them.
const (
	Done       Status = "done"
	Overdue    Status = "overdue"
	Blocked    Status = "blocked"
	AtRisk     Status = "at-risk"
	DueSoon    Status = "due-soon"
	InProgress Status = "in-progress"
	NotStarted Status = "not-started"
)

// Statuses lists every status in rule order; summaries and tables use it.
var Statuses = []Status{Done, Overdue, Blocked, AtRisk, DueSoon, InProgress, NotStarted}

// ReportState is a unit's reporting compliance for one cycle (SPEC §3.3).
type ReportState string

// The report states.
const (
	OnTime  ReportState = "on-time"
	Late    ReportState = "late"
	Missing ReportState = "missing"
	Pending ReportState = "pending"
)

// ReportStates lists the report states in display order.
var ReportStates = []ReportState{OnTime, Late, Missing, Pending}

// Result is everything plan06 knows of the plan on one day.
type Result struct {
	Plan  *model.Plan
	AsOf  dates.Date
	Cycle dates.Cycle
	// Tasks keep plan order (the order of task files by path, then of tasks in a file).
	Tasks []Task
	// Units lists exactly the units that owe the cycle, sorted by id.
	Units []UnitReport

	// units are the units of the unit filter applied, nil for none (see
	// Filter and ByUnit).
	units map[string]bool
}

// Task is the status of one task.
type Task struct {
	Task *model.Task
	// Due is the effective deadline; zero when Ongoing.
	Due     dates.Date
	Ongoing bool
	Start   dates.Date
	Status  Status
	// Outcome is the task's class in the Government Office's count (SPEC §8.1).
	Outcome     Outcome
	Progress    int
	Assignments []Assignment
}

// Assignment is one lead unit's part of a task.
type Assignment struct {
	Unit   *model.Unit
	Status Status
	// Outcome is the assignment's class in the Government Office's count.
	Outcome Outcome
	// State is the latest entry's state, or not-started with no entry. On
	// an ongoing task a done entry counts as in-progress (SPEC §3.2), so
	// State says in-progress; Entry.State keeps what the unit wrote.
	State    model.State
	Progress int
	// Done is the done date of the latest entry when Status is done; zero
	// otherwise (an ongoing task's done entry included).
	Done dates.Date
	// Late is set when Done is after the task's due date.
	Late bool
	// LastReport is the month of the report holding the latest entry; zero
	// Month{} when there is none.
	LastReport dates.Month
	// Entry is the latest entry, nil when there is none; renderers take
	// results, obstacles and proposals from it.
	Entry *model.Entry
	// Inherited is the ended unit whose report gave Entry when Unit took
	// the assignment over from it (SPEC §9) and has not reported on it yet;
	// nil otherwise.
	Inherited *model.Unit
	// Predecessors are the ended units Unit took the assignment over
	// from, nearest first (model.Holder); nil for most. A cycle whose
	// deadline fell before Unit began was owed by one of them (SPEC §9).
	// The slice may be shared: it must not be changed.
	Predecessors []*model.Unit
	Targets      []TargetStatus
}

// TargetStatus is one target of a task as one assignment stands.
type TargetStatus struct {
	Target *model.Target
	// Required is the min of the milestone in force, nil when none is.
	Required *float64
	// Value is the newest value the unit reported, nil when none.
	Value *float64
	// ValueMonth is the cycle month of the report that gave Value; zero
	// when Value is nil.
	ValueMonth dates.Month
	// Met is nil when Required or Value is nil (no data is not a failure,
	// SPEC §3.2), else Value >= Required.
	Met *bool
}

// UnitReport is one unit's report state for the cycle.
type UnitReport struct {
	Unit      *model.Unit
	State     ReportState
	Submitted dates.Date // zero when no visible report
	Report    *model.Report
}
