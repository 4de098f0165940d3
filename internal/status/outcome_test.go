package status

import (
	"testing"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
)

// life sets a unit's days and routes (SPEC §9); "" leaves a field unset.
func (b *builder) life(id, from, until, successor, reportsTo string) *builder {
	for i := range b.p.Units {
		u := &b.p.Units[i]
		if u.ID.Value != id {
			continue
		}
		if from != "" {
			u.From = model.Date{Date: day(from), Text: from}
		}
		if until != "" {
			u.Until = model.Date{Date: day(until), Text: until}
		}
		u.Successor, u.ReportsTo = text(successor), text(reportsTo)
		return b
	}
	b.t.Fatalf("no unit %s", id)
	return b
}

// TestAssignmentOutcome: one case per row of SPEC §8.1, on the edges. Quý I
// 2024 ends on Sunday 31/03, so with rollover the effective due day is
// Monday 01/04/2024.
func TestAssignmentOutcome(t *testing.T) {
	tests := []struct {
		name  string
		build func(b *builder)
		asOf  string
		want  Outcome
	}{
		{"done on the rolled-over deadline is on time", func(b *builder) {
			b.task("t", q1, "so-tttt")
			b.report("2024-04", "so-tttt", "2024-04-10", done("t", "2024-04-01"))
		}, "2024-04-20", DoneOnTime},
		{"done the day after it is late", func(b *builder) {
			b.task("t", q1, "so-tttt")
			b.report("2024-04", "so-tttt", "2024-04-10", done("t", "2024-04-02"))
		}, "2024-04-20", DoneLate},
		{"without rollover the written day is the deadline", func(b *builder) {
			b.noRollover()
			b.task("t", q1, "so-tttt")
			b.report("2024-04", "so-tttt", "2024-04-10", done("t", "2024-04-01"))
		}, "2024-04-20", DoneLate},
		{"open on the due day itself is in time", func(b *builder) {
			b.task("t", q1, "so-tttt")
			b.report("2024-03", "so-tttt", "2024-03-14", entry("t", model.InProgress))
		}, "2024-04-01", OpenInTime},
		{"open the day after is overdue", func(b *builder) {
			b.task("t", q1, "so-tttt")
		}, "2024-04-02", OpenOverdue},
		{"blocked past the deadline is open and overdue", func(b *builder) {
			b.task("t", q1, "so-tttt")
			b.report("2024-04", "so-tttt", "2024-04-10", entry("t", model.Blocked))
		}, "2024-04-20", OpenOverdue},
		{"done after D is not yet visible", func(b *builder) {
			b.task("t", q1, "so-tttt")
			b.report("2024-04", "so-tttt", "2024-04-22", done("t", "2024-03-20"))
		}, "2024-04-20", OpenOverdue},
		{"an ongoing task is standing", func(b *builder) {
			b.task("t", "Từ quý I năm 2024", "so-tttt")
		}, "2024-12-31", Standing},
		{"an ongoing task reported done is still standing", func(b *builder) {
			b.task("t", "Thường xuyên", "so-tttt")
			b.report("2024-04", "so-tttt", "2024-04-10", done("t", "2024-04-01"))
		}, "2024-04-20", Standing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBuilder(t)
			tt.build(b)
			r := b.compute(tt.asOf)
			a := findAssignment(t, r, "t", "so-tttt")
			wantEq(t, "assignment outcome", a.Outcome, tt.want)
			wantEq(t, "task outcome", findTask(t, r, "t").Outcome, tt.want)
		})
	}
}

// TestTaskOutcome: a task is done only when every lead unit is, late when
// any was; otherwise open, overdue by the task's own due day.
func TestTaskOutcome(t *testing.T) {
	b := newBuilder(t)
	b.task("all-on-time", q1, "ubnd-cap-huyen")
	b.task("one-late", q1, "ubnd-cap-huyen")
	b.task("one-open", q1, "ubnd-cap-huyen")
	b.task("standing", "Hằng tháng", "ubnd-cap-huyen")
	b.task("in-time", "Trong năm 2024", "ubnd-cap-huyen")
	b.report("2024-04", "huyen-a", "2024-04-10",
		done("all-on-time", "2024-03-01"), done("one-late", "2024-03-01"), done("one-open", "2024-03-01"))
	b.report("2024-04", "huyen-b", "2024-04-11",
		done("all-on-time", "2024-03-29"), done("one-late", "2024-04-03"), entry("one-open", model.InProgress))
	r := b.compute("2024-04-20")
	for id, want := range map[string]Outcome{
		"all-on-time": DoneOnTime, "one-late": DoneLate, "one-open": OpenOverdue,
		"standing": Standing, "in-time": OpenInTime,
	} {
		wantEq(t, id, findTask(t, r, id).Outcome, want)
	}
	wantEq(t, "huyen-a's part of one-open", findAssignment(t, r, "one-open", "huyen-a").Outcome, DoneOnTime)
	s := r.Summary()
	for x, want := range map[Outcome]int{DoneOnTime: 1, DoneLate: 1, OpenInTime: 1, OpenOverdue: 1, Standing: 1} {
		wantEq(t, "by outcome "+string(x), s.ByOutcome[x], want)
	}
}

// TestValueMonthAndNoData: a value keeps the month of the report that gave
// it; a milestone in force without a value is no data (met null), which
// still puts the assignment at risk.
func TestValueMonthAndNoData(t *testing.T) {
	b := newBuilder(t)
	b.task("t", "Trong năm 2024", "ubnd-cap-huyen").target("x", "quý I/2024", 80.0)
	b.report("2024-03", "huyen-a", "2024-03-14", entry("t", model.InProgress, value("x", 62.5)))
	b.report("2024-04", "huyen-a", "2024-04-12", entry("t", model.InProgress))
	b.report("2024-04", "huyen-b", "2024-04-12", entry("t", model.InProgress))
	r := b.compute("2024-04-20")
	a := findAssignment(t, r, "t", "huyen-a")
	wantTarget(t, a.Targets[0], ptr(80.0), ptr(62.5), ptr(false))
	wantEq(t, "value month", a.Targets[0].ValueMonth, dates.Month{Year: 2024, Month: 3})
	nb := findAssignment(t, r, "t", "huyen-b")
	wantTarget(t, nb.Targets[0], ptr(80.0), nil, nil)
	wantEq(t, "value month without a value", nb.Targets[0].ValueMonth, dates.Month{})
	wantEq(t, "status without data", nb.Status, AtRisk)
}

// TestSetMemberEndsMidYear: a set holds only the units that exist at D, and
// a unit owes a cycle only when it exists on the cycle's deadline.
func TestSetMemberEndsMidYear(t *testing.T) {
	b := newBuilder(t)
	b.life("huyen-b", "", "2024-06-30", "", "")
	b.task("t", "Trong năm 2024", "ubnd-cap-huyen")
	before := b.compute("2024-06-20")
	wantEq(t, "assignments before", len(findTask(t, before, "t").Assignments), 2)
	wantOwing(t, before, "huyen-a", "huyen-b")
	after := b.compute("2024-07-20")
	ts := findTask(t, after, "t")
	wantEq(t, "assignments after", len(ts.Assignments), 1)
	wantEq(t, "the one left", ts.Assignments[0].Unit.ID.Value, "huyen-a")
	wantOwing(t, after, "huyen-a")
}

// TestSuccessorInheritsDone: after until, the successor holds the
// assignment with the predecessor's history until it reports itself.
func TestSuccessorInheritsDone(t *testing.T) {
	b := newBuilder(t)
	b.life("huyen-b", "", "2024-06-30", "huyen-c", "")
	b.life("huyen-c", "2024-07-01", "", "", "")
	b.task("t", "Trong năm 2024", "huyen-b")
	b.task("v", "Trong năm 2024", "huyen-b").target("x", "quý I/2024", 80.0)
	b.report("2024-05", "huyen-b", "2024-05-14", done("t", "2024-05-10"),
		entry("v", model.InProgress, progress(40), value("x", 85)))
	r := b.compute("2024-07-20")
	a := findAssignment(t, r, "t", "huyen-c")
	wantEq(t, "status", a.Status, Done)
	wantEq(t, "outcome", a.Outcome, DoneOnTime)
	wantEq(t, "done", a.Done, day("2024-05-10"))
	if a.Inherited == nil || a.Inherited.ID.Value != "huyen-b" {
		t.Errorf("inherited = %v, want huyen-b", a.Inherited)
	}
	v := findAssignment(t, r, "v", "huyen-c")
	wantEq(t, "inherited progress", v.Progress, 40)
	wantTarget(t, v.Targets[0], ptr(80.0), ptr(85.0), ptr(true))
	// Done before the July data period opened: the successor owes nothing
	// for t, but still owes for v.
	wantOwing(t, r, "huyen-c")

	// Once the successor reports, its own word counts.
	b.report("2024-07", "huyen-c", "2024-07-12", entry("v", model.InProgress, progress(10), value("x", 50)))
	r = b.compute("2024-07-20")
	v = findAssignment(t, r, "v", "huyen-c")
	wantEq(t, "own progress", v.Progress, 10)
	wantTarget(t, v.Targets[0], ptr(80.0), ptr(50.0), ptr(false))
	if v.Inherited != nil {
		t.Errorf("inherited = %v after the successor reported", v.Inherited.ID.Value)
	}
	// Before until, the predecessor still holds it.
	r = b.compute("2024-06-20")
	findAssignment(t, r, "t", "huyen-b")
}

// TestSuccessorChain: successors are followed to the unit that exists.
func TestSuccessorChain(t *testing.T) {
	b := newBuilder(t)
	b.life("huyen-a", "", "2024-03-31", "huyen-b", "")
	b.life("huyen-b", "2024-04-01", "2024-08-31", "huyen-c", "")
	b.life("huyen-c", "2024-09-01", "", "", "")
	b.task("t", "Trong năm 2024", "huyen-a")
	b.report("2024-03", "huyen-a", "2024-03-14", entry("t", model.InProgress, progress(30)))
	r := b.compute("2024-10-01")
	a := findAssignment(t, r, "t", "huyen-c")
	wantEq(t, "progress from the first of the chain", a.Progress, 30)
}

// TestReportsToDistrict: a commune that reports to its district is not in
// the province's reporting table, its counts or its missing list; its
// assignments still count from its own reports.
func TestReportsToDistrict(t *testing.T) {
	b := newBuilder(t)
	b.life("xa-1", "", "", "", "huyen-a")
	b.life("xa-2", "", "", "", "cong-an-tinh") // the secretariat itself: owes as usual
	b.task("t", "Trong năm 2024", "ubnd-cap-xa")
	b.report("2024-04", "xa-1", "2024-04-10", entry("t", model.InProgress, progress(70)))
	r := b.compute("2024-04-20")
	wantEq(t, "xa-1 progress", findAssignment(t, r, "t", "xa-1").Progress, 70)
	wantOwing(t, r, "xa-2")
	s := r.Summary()
	wantEq(t, "missing", s.Reports[Missing], 1)
}

// TestOwesOnlyWhileExisting: a unit in reporting.also owes from the first
// cycle whose deadline falls on or after its from.
func TestOwesOnlyWhileExisting(t *testing.T) {
	b := newBuilder(t)
	b.life("huyen-c", "2024-07-01", "", "", "")
	b.also("huyen-c")
	wantOwing(t, b.compute("2024-06-20"))
	wantOwing(t, b.compute("2024-07-20"), "huyen-c")
}

// wantOwing checks the ids of the units that owe r's cycle.
func wantOwing(t *testing.T, r *Result, ids ...string) {
	t.Helper()
	var got []string
	for _, u := range r.Units {
		got = append(got, u.Unit.ID.Value)
	}
	if len(got) != len(ids) {
		t.Errorf("owing %v, want %v", got, ids)
		return
	}
	for i := range ids {
		if got[i] != ids[i] {
			t.Errorf("owing %v, want %v", got, ids)
			return
		}
	}
}
