package status

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
)

// q1 is due 31/03/2024, a Sunday: with rollover the effective due day is
// Monday 01/04/2024.
const q1 = "Quý I năm 2024"

// TestAssignmentStatus covers each row of the table of SPEC §3.2, its
// order, and the effective deadlines of §3.1. Unless a case says otherwise
// the assignment is task "t" of unit so-tttt.
func TestAssignmentStatus(t *testing.T) {
	tests := []struct {
		name       string
		build      func(b *builder)
		asOf       string
		task, unit string
		want       Status
		check      func(t *testing.T, ts *Task, a *Assignment)
	}{
		// done
		{
			name: "done: latest entry says done",
			build: func(b *builder) {
				b.task("t", q1, "so-tttt")
				b.report("2024-03", "so-tttt", "2024-03-14", done("t", "2024-03-10"))
			},
			asOf: "2024-04-20", want: Done,
			check: func(t *testing.T, ts *Task, a *Assignment) {
				wantEq(t, "done", a.Done, day("2024-03-10"))
				wantEq(t, "late", a.Late, false)
				wantEq(t, "progress", a.Progress, 100)
				wantEq(t, "state", a.State, model.Done)
				wantEq(t, "last report", a.LastReport, dates.Month{Year: 2024, Month: 3})
				wantEq(t, "task status", ts.Status, Done)
			},
		},
		{
			name: "done late: done after the effective due day",
			build: func(b *builder) {
				b.task("t", q1, "so-tttt")
				b.report("2024-04", "so-tttt", "2024-04-10", done("t", "2024-04-02"))
			},
			asOf: "2024-04-20", want: Done,
			check: func(t *testing.T, ts *Task, a *Assignment) { wantEq(t, "late", a.Late, true) },
		},
		{
			name: "done on the Monday a Sunday deadline rolls to is not late",
			build: func(b *builder) {
				b.task("t", q1, "so-tttt")
				b.report("2024-04", "so-tttt", "2024-04-10", done("t", "2024-04-01"))
			},
			asOf: "2024-04-20", want: Done,
			check: func(t *testing.T, ts *Task, a *Assignment) { wantEq(t, "late", a.Late, false) },
		},
		{
			name: "done on that Monday without rollover is late",
			build: func(b *builder) {
				b.noRollover()
				b.task("t", q1, "so-tttt")
				b.report("2024-04", "so-tttt", "2024-04-10", done("t", "2024-04-01"))
			},
			asOf: "2024-04-20", want: Done,
			check: func(t *testing.T, ts *Task, a *Assignment) { wantEq(t, "late", a.Late, true) },
		},
		{
			name: "done beats overdue and at-risk",
			build: func(b *builder) {
				b.task("t", q1, "so-tttt").target("x", "2024-01-01", 80.0)
				b.report("2024-04", "so-tttt", "2024-04-10", entry("t", model.Done, doneOn("2024-04-08"), value("x", 10)))
			},
			asOf: "2024-04-20", want: Done,
			check: func(t *testing.T, ts *Task, a *Assignment) {
				wantEq(t, "late", a.Late, true)
				wantEq(t, "met", fmtPtr(a.Targets[0].Met), false)
			},
		},
		// overdue, with rollover
		{
			name:  "overdue: the day after a Sunday deadline's Monday",
			build: func(b *builder) { b.task("t", q1, "so-tttt") },
			asOf:  "2024-04-02", want: Overdue,
			check: func(t *testing.T, ts *Task, a *Assignment) {
				wantEq(t, "due", ts.Due, day("2024-04-01"))
				wantEq(t, "progress", a.Progress, 0)
				wantEq(t, "entry", a.Entry, (*model.Entry)(nil))
			},
		},
		{
			name:  "Sunday deadline 31/03: on Monday 01/04 not yet overdue",
			build: func(b *builder) { b.task("t", q1, "so-tttt") },
			asOf:  "2024-04-01", want: DueSoon,
		},
		{
			name:  "without rollover a Sunday deadline is overdue on Monday",
			build: func(b *builder) { b.noRollover().task("t", q1, "so-tttt") },
			asOf:  "2024-04-01", want: Overdue,
			check: func(t *testing.T, ts *Task, a *Assignment) { wantEq(t, "due", ts.Due, day("2024-03-31")) },
		},
		{
			name: "overdue beats blocked",
			build: func(b *builder) {
				b.task("t", q1, "so-tttt")
				b.report("2024-03", "so-tttt", "2024-03-14", entry("t", model.Blocked))
			},
			asOf: "2024-04-02", want: Overdue,
		},
		{
			name: "overdue beats at-risk",
			build: func(b *builder) {
				b.task("t", q1, "so-tttt").target("x", "2024-01-01", 80.0)
				b.report("2024-03", "so-tttt", "2024-03-14", entry("t", model.InProgress, value("x", 10)))
			},
			asOf: "2024-04-02", want: Overdue,
		},
		{
			name:  "Tết: trước <named day> 10/02 moves to 15/02, not overdue on 15/02",
			build: func(b *builder) { b.task("t", "trước Tết Nguyên đán 2024", "so-tttt") },
			asOf:  "2024-02-15", want: DueSoon,
			check: func(t *testing.T, ts *Task, a *Assignment) { wantEq(t, "due", ts.Due, day("2024-02-15")) },
		},
		{
			name:  "Tết: trước <named day> is overdue on 16/02",
			build: func(b *builder) { b.task("t", "trước Tết Nguyên đán 2024", "so-tttt") },
			asOf:  "2024-02-16", want: Overdue,
		},
		{
			name:  "Tết: a day 10/02/2024 inside the holiday moves to 15/02",
			build: func(b *builder) { b.task("t", "10/02/2024", "so-tttt") },
			asOf:  "2024-02-15", want: DueSoon,
			check: func(t *testing.T, ts *Task, a *Assignment) { wantEq(t, "due", ts.Due, day("2024-02-15")) },
		},
		{
			name:  "make-up Saturday 04/05/2024 is worked: the deadline stays",
			build: func(b *builder) { b.task("t", "04/05/2024", "so-tttt") },
			asOf:  "2024-05-05", want: Overdue,
			check: func(t *testing.T, ts *Task, a *Assignment) { wantEq(t, "due", ts.Due, day("2024-05-04")) },
		},
		{
			name:  "Saturday 27/04/2024 rolls over the weekend and 29/04–01/05 to 02/05",
			build: func(b *builder) { b.task("t", "27/04/2024", "so-tttt") },
			asOf:  "2024-05-02", want: DueSoon,
			check: func(t *testing.T, ts *Task, a *Assignment) { wantEq(t, "due", ts.Due, day("2024-05-02")) },
		},
		// blocked
		{
			name: "blocked",
			build: func(b *builder) {
				b.task("t", q1, "so-tttt")
				b.report("2024-01", "so-tttt", "2024-01-15", entry("t", model.Blocked, progress(20)))
			},
			asOf: "2024-02-01", want: Blocked,
			check: func(t *testing.T, ts *Task, a *Assignment) { wantEq(t, "progress", a.Progress, 20) },
		},
		{
			name: "blocked beats at-risk",
			build: func(b *builder) {
				b.task("t", q1, "so-tttt").target("x", "2024-01-01", 80.0)
				b.report("2024-02", "so-tttt", "2024-02-15", entry("t", model.Blocked, value("x", 50)))
			},
			asOf: "2024-03-01", want: Blocked,
			check: func(t *testing.T, ts *Task, a *Assignment) { wantEq(t, "met", fmtPtr(a.Targets[0].Met), false) },
		},
		{
			name: "blocked beats due-soon",
			build: func(b *builder) {
				b.task("t", q1, "so-tttt")
				b.report("2024-03", "so-tttt", "2024-03-14", entry("t", model.Blocked))
			},
			asOf: "2024-03-25", want: Blocked,
		},
		// at-risk
		{
			name: "at-risk: value below the min in force",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt").target("x", "quý I/2024", 80.0)
				b.report("2024-04", "so-tttt", "2024-04-14", entry("t", model.InProgress, value("x", 62.5)))
			},
			asOf: "2024-04-20", want: AtRisk,
			check: func(t *testing.T, ts *Task, a *Assignment) {
				wantTarget(t, a.Targets[0], ptr(80.0), ptr(62.5), ptr(false))
			},
		},
		{
			name: "at-risk: no value reported",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt").target("x", "quý I/2024", 80.0)
				b.report("2024-04", "so-tttt", "2024-04-14", entry("t", model.InProgress))
			},
			asOf: "2024-04-20", want: AtRisk,
			check: func(t *testing.T, ts *Task, a *Assignment) {
				// No data is not a failure: met is null (SPEC §3.2, §8.2).
				wantTarget(t, a.Targets[0], ptr(80.0), nil, nil)
			},
		},
		{
			name: "at-risk with no entry at all",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt").target("x", "quý I/2024", 80.0)
			},
			asOf: "2024-04-20", want: AtRisk,
		},
		{
			name: "a value equal to the min meets it",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt").target("x", "quý I/2024", 80.0)
				b.report("2024-04", "so-tttt", "2024-04-14", entry("t", model.InProgress, value("x", 80)))
			},
			asOf: "2024-04-20", want: InProgress,
			check: func(t *testing.T, ts *Task, a *Assignment) {
				wantTarget(t, a.Targets[0], ptr(80.0), ptr(80.0), ptr(true))
			},
		},
		{
			name: "one unmet target of two is enough",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt").
					target("x", "quý I/2024", 80.0).
					target("y", "quý I/2024", 50.0)
				b.report("2024-04", "so-tttt", "2024-04-14", entry("t", model.InProgress, value("x", 90), value("y", 49.9)))
			},
			asOf: "2024-04-20", want: AtRisk,
		},
		{
			name: "at-risk beats due-soon",
			build: func(b *builder) {
				b.task("t", q1, "so-tttt").target("x", "2024-01-01", 80.0)
				b.report("2024-03", "so-tttt", "2024-03-14", entry("t", model.InProgress, value("x", 10)))
			},
			asOf: "2024-03-25", want: AtRisk,
		},
		{
			name: "milestone the day before it comes into force: nothing required",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt").target("x", "quý II/2024", 80.0, "quý IV/2024", 100.0)
				b.report("2024-03", "so-tttt", "2024-03-14", entry("t", model.InProgress, value("x", 62.5)))
			},
			asOf: "2024-03-31", want: InProgress,
			check: func(t *testing.T, ts *Task, a *Assignment) {
				wantTarget(t, a.Targets[0], nil, ptr(62.5), nil)
			},
		},
		{
			name: "milestone on its first day: required 80, value 62.5",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt").target("x", "quý II/2024", 80.0, "quý IV/2024", 100.0)
				b.report("2024-03", "so-tttt", "2024-03-14", entry("t", model.InProgress, value("x", 62.5)))
			},
			asOf: "2024-04-01", want: AtRisk,
			check: func(t *testing.T, ts *Task, a *Assignment) {
				wantTarget(t, a.Targets[0], ptr(80.0), ptr(62.5), ptr(false))
			},
		},
		{
			name: "the later milestone replaces the earlier one",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt").target("x", "quý II/2024", 80.0, "quý IV/2024", 100.0)
				b.report("2024-09", "so-tttt", "2024-09-13", entry("t", model.InProgress, value("x", 99)))
			},
			asOf: "2024-10-01", want: AtRisk,
			check: func(t *testing.T, ts *Task, a *Assignment) {
				wantTarget(t, a.Targets[0], ptr(100.0), ptr(99.0), ptr(false))
			},
		},
		// due-soon
		{
			name: "due-soon: exactly 14 days before",
			build: func(b *builder) {
				b.task("t", q1, "so-tttt")
				b.report("2024-03", "so-tttt", "2024-03-14", entry("t", model.InProgress))
			},
			asOf: "2024-03-18", want: DueSoon,
		},
		{
			name: "not due-soon 15 days before",
			build: func(b *builder) {
				b.task("t", q1, "so-tttt")
				b.report("2024-03", "so-tttt", "2024-03-14", entry("t", model.InProgress))
			},
			asOf: "2024-03-17", want: InProgress,
		},
		{
			name:  "due-soon counts from the effective due day",
			build: func(b *builder) { b.task("t", "trước Tết Nguyên đán 2024", "so-tttt") },
			asOf:  "2024-02-01", want: DueSoon, // 15/02 − 01/02 = 14
		},
		{
			name: "due_soon_days is used as given",
			build: func(b *builder) {
				b.p.Reporting.DueSoonDays = 0
				b.task("t", q1, "so-tttt")
			},
			asOf: "2024-03-31", want: NotStarted,
		},
		// in-progress and not-started
		{
			name: "in-progress",
			build: func(b *builder) {
				b.task("t", q1, "so-tttt")
				b.report("2024-01", "so-tttt", "2024-01-15", entry("t", model.InProgress, progress(60)))
			},
			asOf: "2024-02-01", want: InProgress,
			check: func(t *testing.T, ts *Task, a *Assignment) { wantEq(t, "progress", a.Progress, 60) },
		},
		{
			name:  "not-started: no entry",
			build: func(b *builder) { b.task("t", q1, "so-tttt") },
			asOf:  "2024-02-01", want: NotStarted,
			check: func(t *testing.T, ts *Task, a *Assignment) {
				wantEq(t, "state", a.State, model.NotStarted)
				wantEq(t, "last report", a.LastReport, dates.Month{})
			},
		},
		{
			name: "not-started: entry says not-started",
			build: func(b *builder) {
				b.task("t", q1, "so-tttt")
				b.report("2024-01", "so-tttt", "2024-01-15", entry("t", model.NotStarted))
			},
			asOf: "2024-02-01", want: NotStarted,
		},
		// ongoing
		{
			name: "ongoing task reported done counts in progress, never done",
			build: func(b *builder) {
				b.task("t", "Từ quý I năm 2024", "so-tttt")
				b.report("2024-03", "so-tttt", "2024-03-14", entry("t", model.Done, doneOn("2024-03-10"), progress(70)))
			},
			asOf: "2024-03-20", want: InProgress,
			check: func(t *testing.T, ts *Task, a *Assignment) {
				wantEq(t, "state", a.State, model.InProgress)
				wantEq(t, "done", a.Done, dates.Date{})
				wantEq(t, "late", a.Late, false)
				wantEq(t, "progress", a.Progress, 70)
				wantEq(t, "ongoing", ts.Ongoing, true)
				wantEq(t, "due", ts.Due, dates.Date{})
				wantEq(t, "task status", ts.Status, InProgress)
			},
		},
		{
			name: "ongoing task reported done is not overdue long after",
			build: func(b *builder) {
				b.task("t", "Từ quý I năm 2024", "so-tttt")
				b.report("2024-03", "so-tttt", "2024-03-14", done("t", "2024-03-10"))
			},
			asOf: "2025-06-30", want: InProgress,
			check: func(t *testing.T, ts *Task, a *Assignment) { wantEq(t, "progress", a.Progress, 0) },
		},
		{
			name:  "ongoing task with no entry is never overdue nor due-soon",
			build: func(b *builder) { b.task("t", "Thường xuyên", "so-tttt") },
			asOf:  "2025-06-30", want: NotStarted,
		},
		// visibility and order of reports
		{
			name: "a report submitted after D is invisible",
			build: func(b *builder) {
				b.task("t", q1, "so-tttt")
				b.report("2024-04", "so-tttt", "2024-04-25", done("t", "2024-03-20"))
			},
			asOf: "2024-04-24", want: Overdue,
			check: func(t *testing.T, ts *Task, a *Assignment) { wantEq(t, "entry", a.Entry, (*model.Entry)(nil)) },
		},
		{
			name: "the same report is visible on its submitted day",
			build: func(b *builder) {
				b.task("t", q1, "so-tttt")
				b.report("2024-04", "so-tttt", "2024-04-25", done("t", "2024-03-20"))
			},
			asOf: "2024-04-25", want: Done,
			check: func(t *testing.T, ts *Task, a *Assignment) { wantEq(t, "late", a.Late, false) },
		},
		{
			name: "reports order by path month: a March report sent after April's is older",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt").target("x", "2024-01-01", 50.0)
				b.report("2024-04", "so-tttt", "2024-04-14", entry("t", model.Blocked, value("x", 70)))
				b.report("2024-03", "so-tttt", "2024-04-20", entry("t", model.InProgress, value("x", 90)))
			},
			asOf: "2024-04-25", want: Blocked,
			check: func(t *testing.T, ts *Task, a *Assignment) {
				wantEq(t, "last report", a.LastReport, dates.Month{Year: 2024, Month: 4})
				wantTarget(t, a.Targets[0], ptr(50.0), ptr(70.0), ptr(true))
			},
		},
		{
			name: "an older entry stands when the newest report leaves the task out",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt")
				b.task("u", "Trong năm 2024", "so-tttt")
				b.report("2024-03", "so-tttt", "2024-03-14", entry("t", model.InProgress, progress(30)))
				b.report("2024-04", "so-tttt", "2024-04-14", entry("u", model.Blocked))
			},
			asOf: "2024-04-20", want: InProgress,
			check: func(t *testing.T, ts *Task, a *Assignment) {
				wantEq(t, "last report", a.LastReport, dates.Month{Year: 2024, Month: 3})
				wantEq(t, "progress", a.Progress, 30)
			},
		},
		{
			name: "an older value stands when the newest entry gives none",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt").target("x", "2024-01-01", 80.0)
				b.report("2024-03", "so-tttt", "2024-03-14", entry("t", model.InProgress, value("x", 85)))
				b.report("2024-04", "so-tttt", "2024-04-14", entry("t", model.InProgress))
			},
			asOf: "2024-04-20", want: InProgress,
			check: func(t *testing.T, ts *Task, a *Assignment) {
				wantTarget(t, a.Targets[0], ptr(80.0), ptr(85.0), ptr(true))
			},
		},
		{
			name: "values from other units never count",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt").support("cong-an-tinh").target("x", "2024-01-01", 80.0)
				b.report("2024-04", "cong-an-tinh", "2024-04-10", entry("t", model.InProgress, value("x", 95)))
				b.report("2024-04", "so-tttt", "2024-04-14", entry("t", model.InProgress))
			},
			asOf: "2024-04-20", want: AtRisk,
			check: func(t *testing.T, ts *Task, a *Assignment) {
				wantTarget(t, a.Targets[0], ptr(80.0), nil, nil)
				wantEq(t, "assignments", len(ts.Assignments), 1)
			},
		},
		{
			name: "a value for a same-named target of another task does not count",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt").target("x", "2024-01-01", 80.0)
				b.task("u", "Trong năm 2024", "so-tttt").target("x", "2024-01-01", 80.0)
				b.report("2024-04", "so-tttt", "2024-04-14", entry("t", model.InProgress), entry("u", model.InProgress, value("x", 95)))
			},
			asOf: "2024-04-20", want: AtRisk,
		},
		// set-led
		{
			name: "set-led: one district blocked",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "ubnd-cap-huyen")
				b.report("2024-04", "huyen-a", "2024-04-14", entry("t", model.Blocked))
			},
			asOf: "2024-04-20", task: "t", unit: "huyen-a", want: Blocked,
			check: func(t *testing.T, ts *Task, a *Assignment) { wantEq(t, "task status", ts.Status, Blocked) },
		},
		{
			name: "set-led: the district that has not reported",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "ubnd-cap-huyen")
				b.report("2024-04", "huyen-a", "2024-04-14", entry("t", model.Blocked))
			},
			asOf: "2024-04-20", task: "t", unit: "huyen-b", want: NotStarted,
			check: func(t *testing.T, ts *Task, a *Assignment) {
				var units []string
				for _, a := range ts.Assignments {
					units = append(units, a.Unit.ID.Value)
				}
				wantEq(t, "units", units, []string{"huyen-a", "huyen-b"})
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBuilder(t)
			tt.build(b)
			r := b.compute(tt.asOf)
			task, unit := tt.task, tt.unit
			if task == "" {
				task = "t"
			}
			if unit == "" {
				unit = "so-tttt"
			}
			a := findAssignment(t, r, task, unit)
			if a.Status != tt.want {
				t.Errorf("status = %s, want %s", a.Status, tt.want)
			}
			if tt.check != nil {
				tt.check(t, findTask(t, r, task), a)
			}
		})
	}
}

// TestTaskStatus covers how a task's status comes from its assignments.
// Task "t" is led by ubnd-cap-huyen (huyen-a, huyen-b) unless a case says
// otherwise.
func TestTaskStatus(t *testing.T) {
	tests := []struct {
		name     string
		build    func(b *builder)
		asOf     string
		want     Status
		progress int
		units    int
	}{
		{
			name: "all done",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "ubnd-cap-huyen")
				b.report("2024-04", "huyen-a", "2024-04-14", done("t", "2024-04-01"))
				b.report("2024-04", "huyen-b", "2024-04-14", done("t", "2024-04-02"))
			},
			asOf: "2024-04-20", want: Done, progress: 100, units: 2,
		},
		{
			name: "one done, one not started: in-progress",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "ubnd-cap-huyen")
				b.report("2024-04", "huyen-a", "2024-04-14", done("t", "2024-04-01"))
			},
			asOf: "2024-04-20", want: InProgress, progress: 50, units: 2,
		},
		{
			name: "one done, one overdue: overdue",
			build: func(b *builder) {
				b.task("t", q1, "ubnd-cap-huyen")
				b.report("2024-03", "huyen-a", "2024-03-14", done("t", "2024-03-01"))
			},
			asOf: "2024-04-02", want: Overdue, progress: 50, units: 2,
		},
		{
			// Within one task every open assignment shares the due day, so
			// overdue and blocked meet only inside an assignment (above).
			name: "two done, one blocked past the due day: overdue",
			build: func(b *builder) {
				b.task("t", q1, "ubnd-cap-huyen", "so-tttt")
				b.report("2024-03", "huyen-a", "2024-03-14", done("t", "2024-03-01"))
				b.report("2024-03", "huyen-b", "2024-03-14", done("t", "2024-03-01"))
				b.report("2024-03", "so-tttt", "2024-03-14", entry("t", model.Blocked))
			},
			asOf: "2024-04-02", want: Overdue, progress: 67, units: 3,
		},
		{
			name: "blocked beats at-risk across assignments",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "ubnd-cap-huyen").target("x", "2024-01-01", 80.0)
				b.report("2024-04", "huyen-a", "2024-04-14", entry("t", model.Blocked, value("x", 90)))
				b.report("2024-04", "huyen-b", "2024-04-14", entry("t", model.InProgress, value("x", 10)))
			},
			asOf: "2024-04-20", want: Blocked, units: 2,
		},
		{
			name: "at-risk beats due-soon across assignments",
			build: func(b *builder) {
				b.task("t", q1, "ubnd-cap-huyen").target("x", "2024-01-01", 80.0)
				b.report("2024-03", "huyen-a", "2024-03-14", entry("t", model.InProgress, value("x", 90)))
				b.report("2024-03", "huyen-b", "2024-03-14", entry("t", model.InProgress, value("x", 10)))
			},
			asOf: "2024-03-25", want: AtRisk, units: 2,
		},
		{
			name: "due-soon beats in-progress",
			build: func(b *builder) {
				b.task("t", q1, "ubnd-cap-huyen")
				b.report("2024-03", "huyen-a", "2024-03-14", done("t", "2024-03-01"))
			},
			asOf: "2024-03-25", want: DueSoon, progress: 50, units: 2,
		},
		{
			name: "in-progress and not-started: in-progress",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "ubnd-cap-huyen")
				b.report("2024-04", "huyen-a", "2024-04-14", entry("t", model.InProgress, progress(40)))
			},
			asOf: "2024-04-20", want: InProgress, progress: 20, units: 2,
		},
		{
			name:  "nobody has reported: not-started",
			build: func(b *builder) { b.task("t", "Trong năm 2024", "ubnd-cap-huyen") },
			asOf:  "2024-04-20", want: NotStarted, units: 2,
		},
		{
			name:  "a lead that expands to no unit: not-started, no assignments",
			build: func(b *builder) { b.task("t", q1, "no-such-unit") },
			asOf:  "2024-06-01", want: NotStarted, units: 0,
		},
		{
			name:  "a level set expands to every unit of the level",
			build: func(b *builder) { b.task("t", "Trong năm 2024", "ubnd-cap-xa") },
			asOf:  "2024-04-20", want: NotStarted, units: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBuilder(t)
			tt.build(b)
			ts := findTask(t, b.compute(tt.asOf), "t")
			wantEq(t, "status", ts.Status, tt.want)
			wantEq(t, "progress", ts.Progress, tt.progress)
			wantEq(t, "assignments", len(ts.Assignments), tt.units)
		})
	}
}

// TestProgressRounding checks the mean over assignments, rounded half up.
func TestProgressRounding(t *testing.T) {
	tests := []struct {
		each []int // -1: no entry; 100: done
		want int
	}{
		{[]int{50, 45}, 48},
		{[]int{33, 33, 34}, 33},
		{[]int{1, 0}, 1},
		{[]int{0, 0, 1}, 0},
		{[]int{0, 1, 1}, 1},
		{[]int{99, 100}, 100},
		{[]int{100, -1}, 50},
		{[]int{-1, 21}, 11},
		{[]int{67, 67, 66}, 67},
		{[]int{17}, 17},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.each), func(t *testing.T) {
			b := newBuilder(t)
			var lead []string
			for i, p := range tt.each {
				u := fmt.Sprintf("don-vi-%d", i)
				b.unit(u, "department")
				lead = append(lead, u)
				switch p {
				case -1:
				case 100:
					b.report("2024-04", u, "2024-04-14", done("t", "2024-04-01"))
				default:
					b.report("2024-04", u, "2024-04-14", entry("t", model.InProgress, progress(p)))
				}
			}
			b.task("t", "Trong năm 2024", lead...)
			wantEq(t, "progress", findTask(t, b.compute("2024-04-20"), "t").Progress, tt.want)
		})
	}
}

func TestTasksKeepPlanOrder(t *testing.T) {
	b := newBuilder(t)
	for _, id := range []string{"3.2", "1.1", "10", "2"} {
		b.task(id, q1, "so-tttt")
	}
	r := b.compute("2024-04-20")
	var got []string
	for _, ts := range r.Tasks {
		got = append(got, ts.Task.ID.Value)
	}
	wantEq(t, "order", got, []string{"3.2", "1.1", "10", "2"})
}

// TestCompliance covers SPEC §3.3: who owes the cycle and in which state.
// Task "t" (due within 2024) is led by so-tttt unless a case says
// otherwise; want lists exactly the owing units, in id order.
func TestCompliance(t *testing.T) {
	type row struct {
		unit  string
		state ReportState
	}
	tests := []struct {
		name  string
		build func(b *builder)
		asOf  string
		cycle string // "" : the month of asOf
		want  []row
	}{
		{
			name: "on-time: submitted on the deadline",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt")
				b.report("2024-04", "so-tttt", "2024-04-15")
			},
			asOf: "2024-04-20", want: []row{{"so-tttt", OnTime}},
		},
		{
			name: "on-time: submitted early, seen before the deadline",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt")
				b.report("2024-04", "so-tttt", "2024-04-02")
			},
			asOf: "2024-04-05", want: []row{{"so-tttt", OnTime}},
		},
		{
			name: "late: submitted the day after the deadline",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt")
				b.report("2024-04", "so-tttt", "2024-04-16")
			},
			asOf: "2024-04-20", want: []row{{"so-tttt", Late}},
		},
		{
			name: "missing while the late report is not yet submitted at D",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt")
				b.report("2024-04", "so-tttt", "2024-04-17")
			},
			asOf: "2024-04-16", want: []row{{"so-tttt", Missing}},
		},
		{
			name:  "missing: no report and the deadline has passed",
			build: func(b *builder) { b.task("t", "Trong năm 2024", "so-tttt") },
			asOf:  "2024-04-16", want: []row{{"so-tttt", Missing}},
		},
		{
			name:  "pending: no report, deadline to come",
			build: func(b *builder) { b.task("t", "Trong năm 2024", "so-tttt") },
			asOf:  "2024-04-10", want: []row{{"so-tttt", Pending}},
		},
		{
			name:  "pending on the deadline day itself",
			build: func(b *builder) { b.task("t", "Trong năm 2024", "so-tttt") },
			asOf:  "2024-04-15", want: []row{{"so-tttt", Pending}},
		},
		{
			name: "a report for another month does not count",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt")
				b.report("2024-03", "so-tttt", "2024-04-10")
			},
			asOf: "2024-04-20", want: []row{{"so-tttt", Missing}},
		},
		{
			name:  "June 2024: 15/06 is a Saturday, so pending on Monday 17/06",
			build: func(b *builder) { b.task("t", "Trong năm 2024", "so-tttt") },
			asOf:  "2024-06-17", want: []row{{"so-tttt", Pending}},
		},
		{
			name:  "June 2024: missing on 18/06",
			build: func(b *builder) { b.task("t", "Trong năm 2024", "so-tttt") },
			asOf:  "2024-06-18", want: []row{{"so-tttt", Missing}},
		},
		{
			name: "June 2024: submitted Monday 17/06 is on time",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt")
				b.report("2024-06", "so-tttt", "2024-06-17")
			},
			asOf: "2024-06-20", want: []row{{"so-tttt", OnTime}},
		},
		{
			name: "June 2024 without rollover: submitted 17/06 is late",
			build: func(b *builder) {
				b.noRollover().task("t", "Trong năm 2024", "so-tttt")
				b.report("2024-06", "so-tttt", "2024-06-17")
			},
			asOf: "2024-06-20", want: []row{{"so-tttt", Late}},
		},
		{
			name: "done before the data period opens: no longer owes",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt")
				b.report("2024-03", "so-tttt", "2024-03-14", done("t", "2024-03-10"))
			},
			asOf: "2024-04-20", want: []row{},
		},
		{
			name: "done on the data period's first day: still owes",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt")
				b.report("2024-04", "so-tttt", "2024-04-10", done("t", "2024-03-15"))
			},
			asOf: "2024-04-20", want: []row{{"so-tttt", OnTime}},
		},
		{
			name: "done inside April's data period: owes April, not May",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt")
				b.report("2024-04", "so-tttt", "2024-04-10", done("t", "2024-03-20"))
			},
			asOf: "2024-05-20", want: []row{},
		},
		{
			name: "done known only from a report not yet visible: still owes",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt")
				b.report("2024-04", "so-tttt", "2024-04-25", done("t", "2024-03-10"))
			},
			asOf: "2024-04-20", want: []row{{"so-tttt", Missing}},
		},
		{
			name: "an ongoing task reported done keeps its lead owing",
			build: func(b *builder) {
				b.task("t", "Thường xuyên", "so-tttt")
				b.report("2024-02", "so-tttt", "2024-02-15", done("t", "2024-02-01"))
			},
			asOf: "2024-04-20", want: []row{{"so-tttt", Missing}},
		},
		{
			name: "one of two tasks still open: owes",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt")
				b.task("u", "Trong năm 2024", "so-tttt")
				b.report("2024-03", "so-tttt", "2024-03-14", done("t", "2024-03-10"))
			},
			asOf: "2024-04-20", want: []row{{"so-tttt", Missing}},
		},
		{
			name:  "also units owe with no task",
			build: func(b *builder) { b.also("cong-an-tinh") },
			asOf:  "2024-04-20", want: []row{{"cong-an-tinh", Missing}},
		},
		{
			name: "also units owe even when their tasks are done",
			build: func(b *builder) {
				b.also("so-tttt").task("t", q1, "so-tttt")
				b.report("2024-02", "so-tttt", "2024-02-15", done("t", "2024-02-01"))
			},
			asOf: "2024-04-20", want: []row{{"so-tttt", Missing}},
		},
		{
			name:  "a task starting after the cycle deadline does not make its lead owe",
			build: func(b *builder) { b.task("t", "Trong năm 2024", "so-tttt").start("tháng 6 năm 2024") },
			asOf:  "2024-04-20", want: []row{},
		},
		{
			name:  "the same task makes its lead owe once started",
			build: func(b *builder) { b.task("t", "Trong năm 2024", "so-tttt").start("tháng 6 năm 2024") },
			asOf:  "2024-06-20", want: []row{{"so-tttt", Missing}},
		},
		{
			name:  "a task starting on the cycle deadline counts",
			build: func(b *builder) { b.task("t", "Trong năm 2024", "so-tttt").start("15/04/2024") },
			asOf:  "2024-04-20", want: []row{{"so-tttt", Missing}},
		},
		{
			name:  "a task starting 16/06 counts for June: the deadline rolled to 17/06",
			build: func(b *builder) { b.task("t", "Trong năm 2024", "so-tttt").start("16/06/2024") },
			asOf:  "2024-06-20", want: []row{{"so-tttt", Missing}},
		},
		{
			name:  "an ongoing task from a later quarter starts then",
			build: func(b *builder) { b.task("t", "Từ quý III năm 2024", "so-tttt") },
			asOf:  "2024-04-20", want: []row{},
		},
		{
			name:  "supporting units do not owe",
			build: func(b *builder) { b.task("t", "Trong năm 2024", "so-tttt").support("cong-an-tinh") },
			asOf:  "2024-04-20", want: []row{{"so-tttt", Missing}},
		},
		{
			name: "exactly the owing units, sorted by id, sets expanded",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "ubnd-cap-huyen")
				b.task("u", "Trong năm 2024", "so-tttt", "cong-an-tinh")
				b.report("2024-04", "huyen-b", "2024-04-12")
				b.report("2024-04", "so-tttt", "2024-04-19")
			},
			asOf: "2024-04-20",
			want: []row{{"cong-an-tinh", Missing}, {"huyen-a", Missing}, {"huyen-b", OnTime}, {"so-tttt", Late}},
		},
		{
			name: "an explicit past cycle",
			build: func(b *builder) {
				b.task("t", "Trong năm 2024", "so-tttt")
				b.report("2024-03", "so-tttt", "2024-03-15")
			},
			asOf: "2024-04-20", cycle: "2024-03", want: []row{{"so-tttt", OnTime}},
		},
		{
			name:  "an explicit future cycle is pending",
			build: func(b *builder) { b.task("t", "Trong năm 2024", "so-tttt") },
			asOf:  "2024-04-20", cycle: "2024-05", want: []row{{"so-tttt", Pending}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBuilder(t)
			tt.build(b)
			p, ix := b.plan()
			opt := Options{AsOf: day(tt.asOf)}
			if tt.cycle != "" {
				opt.Cycle, _ = dates.ParseMonth(tt.cycle)
			}
			r := Compute(p, ix, opt)
			got := []row{}
			for _, u := range r.Units {
				got = append(got, row{u.Unit.ID.Value, u.State})
				if (u.Report == nil) != u.Submitted.IsZero() {
					t.Errorf("%s: report %v but submitted %v", u.Unit.ID.Value, u.Report != nil, u.Submitted)
				}
			}
			wantEq(t, "units", got, tt.want)
		})
	}
}

func TestCycle(t *testing.T) {
	tests := []struct {
		asOf, cycle               string
		month, deadline, from, to string
		rolloverNone              bool
	}{
		{asOf: "2024-04-20", month: "2024-04", deadline: "2024-04-15", from: "2024-03-15", to: "2024-04-14"},
		{asOf: "2024-06-01", month: "2024-06", deadline: "2024-06-17", from: "2024-05-15", to: "2024-06-14"},
		{asOf: "2024-06-01", month: "2024-06", deadline: "2024-06-15", from: "2024-05-15", to: "2024-06-14", rolloverNone: true},
		{asOf: "2024-04-20", cycle: "2024-03", month: "2024-03", deadline: "2024-03-15", from: "2024-02-15", to: "2024-03-14"},
	}
	for _, tt := range tests {
		t.Run(tt.asOf+" "+tt.cycle, func(t *testing.T) {
			b := newBuilder(t)
			if tt.rolloverNone {
				b.noRollover()
			}
			p, ix := b.plan()
			opt := Options{AsOf: day(tt.asOf)}
			if tt.cycle != "" {
				opt.Cycle, _ = dates.ParseMonth(tt.cycle)
			}
			cy := Compute(p, ix, opt).Cycle
			wantEq(t, "month", cy.Month.String(), tt.month)
			wantEq(t, "deadline", cy.Deadline, day(tt.deadline))
			wantEq(t, "period from", cy.PeriodFrom, day(tt.from))
			wantEq(t, "period to", cy.PeriodTo, day(tt.to))
		})
	}
}

// TestComputeIsPure checks that Compute leaves the plan alone and gives the
// same answer twice.
func TestComputeIsPure(t *testing.T) {
	b := newBuilder(t)
	b.task("t", q1, "ubnd-cap-huyen").target("x", "2024-01-01", 80.0)
	b.report("2024-04", "huyen-a", "2024-04-14", entry("t", model.InProgress, value("x", 10)))
	b.report("2024-03", "huyen-a", "2024-04-20", entry("t", model.Blocked))
	p, ix := b.plan()
	before := fmt.Sprintf("%+v", p.Reports)
	r1 := Compute(p, ix, Options{AsOf: day("2024-04-25")})
	r2 := Compute(p, nil, Options{AsOf: day("2024-04-25")})
	if !reflect.DeepEqual(r1, r2) {
		t.Error("two runs differ")
	}
	if after := fmt.Sprintf("%+v", p.Reports); after != before {
		t.Error("Compute changed the plan's reports")
	}
}

func wantEq[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func wantTarget(t *testing.T, got TargetStatus, required, value *float64, met *bool) {
	t.Helper()
	wantEq(t, "required", fmtPtr(got.Required), fmtPtr(required))
	wantEq(t, "value", fmtPtr(got.Value), fmtPtr(value))
	wantEq(t, "met", fmtPtr(got.Met), fmtPtr(met))
}

// TestDuplicateTaskID: two tasks with one id (a validation error) both see
// what their units reported for that id.
func TestDuplicateTaskID(t *testing.T) {
	b := newBuilder(t)
	b.task("t", "Trong năm 2024", "so-tttt").target("x", "2024-01-01", 80.0)
	b.task("t", "Trong năm 2024", "huyen-a").target("y", "2024-01-01", 10.0).target("x", "2024-01-01", 80.0)
	b.report("2024-04", "huyen-a", "2024-04-14", entry("t", model.Blocked, value("x", 90), value("y", 5)))
	r := b.compute("2024-04-20")
	a := r.Tasks[1].Assignments[0]
	wantEq(t, "status", a.Status, Blocked)
	wantTarget(t, a.Targets[0], ptr(10.0), nil, nil) // y is no target of the first "t"
	wantTarget(t, a.Targets[1], ptr(80.0), ptr(90.0), ptr(true))
}

// TestNilCalendar: a plan without a calendar rolls over weekends only.
func TestNilCalendar(t *testing.T) {
	b := newBuilder(t)
	b.task("t", q1, "so-tttt")
	b.task("u", "10/02/2024", "so-tttt")
	b.p.Cal = nil
	r := b.compute("2024-04-01")
	wantEq(t, "due t", findTask(t, r, "t").Due, day("2024-04-01"))
	wantEq(t, "due u", findTask(t, r, "u").Due, day("2024-02-12"))
}
