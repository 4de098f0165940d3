package status

import (
	"reflect"
	"slices"
	"testing"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
)

// viewPlan is the plan the view tests share, as of 20/04/2024 (cycle 2024-04):
//
//	1  chung           so-tttt         Q1      nothing reported       → overdue
//	2  dot-pha         ubnd-cap-huyen  2024    huyen-a done, b blocked → blocked
//	3  dot-pha-dvc     huyen-a         Q2      in progress             → in-progress
//	4  dot-pha-dvc-le  huyen-c         2024    at risk                 → at-risk
//	5  chung           ubnd-cap-xa     2024    nothing                 → not-started
//
// Owing 2024-04: huyen-a (task 3; task 2 was done 20/03, inside the data
// period), huyen-b, huyen-c, so-tttt, xa-1, xa-2.
func viewPlan(t *testing.T) *Result {
	b := newBuilder(t)
	b.task("1", q1, "so-tttt")
	b.task("2", "Trong năm 2024", "ubnd-cap-huyen").group("dot-pha")
	b.task("3", "Quý II năm 2024", "huyen-a").group("dot-pha-dvc")
	b.task("4", "Trong năm 2024", "huyen-c").group("dot-pha-dvc-le").target("x", "2024-01-01", 80.0)
	b.task("5", "Trong năm 2024", "ubnd-cap-xa")
	b.report("2024-04", "huyen-a", "2024-04-12", done("2", "2024-03-20"), entry("3", model.InProgress, progress(40)))
	b.report("2024-04", "huyen-b", "2024-04-16", entry("2", model.Blocked))
	b.report("2024-04", "huyen-c", "2024-04-15", entry("4", model.InProgress, value("x", 50)))
	return b.compute("2024-04-20")
}

func taskIDs(r *Result) []string {
	ids := []string{}
	for _, t := range r.Tasks {
		ids = append(ids, t.Task.ID.Value)
	}
	return ids
}

func unitIDs(r *Result) []string {
	ids := []string{}
	for _, u := range r.Units {
		ids = append(ids, u.Unit.ID.Value)
	}
	return ids
}

func TestViewPlanStatuses(t *testing.T) {
	r := viewPlan(t)
	got := map[string]Status{}
	for _, ts := range r.Tasks {
		got[ts.Task.ID.Value] = ts.Status
	}
	wantEq(t, "statuses", got, map[string]Status{"1": Overdue, "2": Blocked, "3": InProgress, "4": AtRisk, "5": NotStarted})
	wantEq(t, "units", unitIDs(r), []string{"huyen-a", "huyen-b", "huyen-c", "so-tttt", "xa-1", "xa-2"})
}

func TestFilter(t *testing.T) {
	tests := []struct {
		name  string
		f     Filter
		tasks []string
		units []string
		check func(t *testing.T, r *Result)
	}{
		{
			name:  "zero filter keeps everything",
			tasks: []string{"1", "2", "3", "4", "5"},
			units: []string{"huyen-a", "huyen-b", "huyen-c", "so-tttt", "xa-1", "xa-2"},
		},
		{
			name:  "unit through a set: huyen-a leads 2 (ubnd-cap-huyen) and 3",
			f:     Filter{Unit: "huyen-a"},
			tasks: []string{"2", "3"},
			units: []string{"huyen-a"},
			check: func(t *testing.T, r *Result) {
				// The task is kept whole: huyen-a is done, huyen-b blocked.
				t2 := findTask(t, r, "2")
				wantEq(t, "assignments", len(t2.Assignments), 2)
				wantEq(t, "status of the whole task", t2.Status, Blocked)
				wantEq(t, "progress", t2.Progress, 50)
			},
		},
		{
			name:  "unit through a level set",
			f:     Filter{Unit: "xa-2"},
			tasks: []string{"5"},
			units: []string{"xa-2"},
		},
		{
			name:  "several units (a set's members): the tasks any leads, their rows",
			f:     Filter{Units: []string{"huyen-a", "xa-2"}},
			tasks: []string{"2", "3", "5"},
			units: []string{"huyen-a", "xa-2"},
		},
		{
			name:  "Unit and Units add up",
			f:     Filter{Unit: "xa-2", Units: []string{"so-tttt"}},
			tasks: []string{"1", "5"},
			units: []string{"so-tttt", "xa-2"},
		},
		{
			name:  "unit that leads nothing and owes nothing",
			f:     Filter{Unit: "cong-an-tinh"},
			tasks: []string{},
			units: []string{},
		},
		{
			name:  "group with its child and grandchild groups",
			f:     Filter{Group: "dot-pha"},
			tasks: []string{"2", "3", "4"},
			units: []string{"huyen-a", "huyen-b", "huyen-c", "so-tttt", "xa-1", "xa-2"},
		},
		{
			name:  "a child group does not take its parent",
			f:     Filter{Group: "dot-pha-dvc"},
			tasks: []string{"3", "4"},
			units: []string{"huyen-a", "huyen-b", "huyen-c", "so-tttt", "xa-1", "xa-2"},
		},
		{
			name:  "a group with no child",
			f:     Filter{Group: "chung"},
			tasks: []string{"1", "5"},
			units: []string{"huyen-a", "huyen-b", "huyen-c", "so-tttt", "xa-1", "xa-2"},
		},
		{
			name:  "states",
			f:     Filter{States: []Status{Overdue, AtRisk}},
			tasks: []string{"1", "4"},
			units: []string{"huyen-a", "huyen-b", "huyen-c", "so-tttt", "xa-1", "xa-2"},
		},
		{
			name:  "states match the task's status: 2 is blocked (by huyen-b) though huyen-a is done",
			f:     Filter{Unit: "huyen-a", States: []Status{Blocked}},
			tasks: []string{"2"},
			units: []string{"huyen-a"},
		},
		{
			name:  "unit and state: huyen-b on blocked task 2",
			f:     Filter{Unit: "huyen-b", States: []Status{Blocked}},
			tasks: []string{"2"},
			units: []string{"huyen-b"},
		},
		{
			name:  "group and state together",
			f:     Filter{Group: "dot-pha", States: []Status{InProgress, AtRisk}},
			tasks: []string{"3", "4"},
			units: []string{"huyen-a", "huyen-b", "huyen-c", "so-tttt", "xa-1", "xa-2"},
		},
		{
			name:  "unknown group keeps no task",
			f:     Filter{Group: "no-such-group"},
			tasks: []string{},
			units: []string{"huyen-a", "huyen-b", "huyen-c", "so-tttt", "xa-1", "xa-2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := viewPlan(t)
			before := taskIDs(r)
			beforeUnits := unitIDs(r)
			got := r.Filter(tt.f)
			wantEq(t, "tasks", taskIDs(got), tt.tasks)
			wantEq(t, "units", unitIDs(got), tt.units)
			if got.Tasks == nil || got.Units == nil {
				t.Error("nil slices in a filtered result")
			}
			wantEq(t, "as of", got.AsOf, r.AsOf)
			wantEq(t, "original tasks", taskIDs(r), before)
			wantEq(t, "original units", unitIDs(r), beforeUnits)
			wantEq(t, "original task 2", findTask(t, r, "2").Status, Blocked)
			if tt.check != nil {
				tt.check(t, got)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		name    string
		f       Filter
		tasks   int
		status  map[Status]int
		reports map[ReportState]int
	}{
		{
			name:    "whole plan",
			tasks:   5,
			status:  map[Status]int{Done: 0, Overdue: 1, Blocked: 1, AtRisk: 1, DueSoon: 0, InProgress: 1, NotStarted: 1},
			reports: map[ReportState]int{OnTime: 2, Late: 1, Missing: 3, Pending: 0},
		},
		{
			name:    "after a unit filter",
			f:       Filter{Unit: "huyen-a"},
			tasks:   2,
			status:  map[Status]int{Done: 0, Overdue: 0, Blocked: 1, AtRisk: 0, DueSoon: 0, InProgress: 1, NotStarted: 0},
			reports: map[ReportState]int{OnTime: 1, Late: 0, Missing: 0, Pending: 0},
		},
		{
			name:    "nothing left",
			f:       Filter{States: []Status{DueSoon}},
			tasks:   0,
			status:  map[Status]int{Done: 0, Overdue: 0, Blocked: 0, AtRisk: 0, DueSoon: 0, InProgress: 0, NotStarted: 0},
			reports: map[ReportState]int{OnTime: 2, Late: 1, Missing: 3, Pending: 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := viewPlan(t).Filter(tt.f).Summary()
			wantEq(t, "tasks", s.Tasks, tt.tasks)
			wantEq(t, "by status", s.ByStatus, tt.status)
			wantEq(t, "reports", s.Reports, tt.reports)
		})
	}
}

func TestByUnit(t *testing.T) {
	type row struct {
		unit                                string
		led, done, overdue, atRisk, blocked int
		report                              ReportState
		submitted                           string
	}
	tests := []struct {
		name string
		f    Filter
		want []row
	}{
		{
			name: "whole plan",
			want: []row{
				{"huyen-a", 2, 1, 0, 0, 0, OnTime, "2024-04-12"},
				{"huyen-b", 1, 0, 0, 0, 1, Late, "2024-04-16"},
				{"huyen-c", 1, 0, 0, 1, 0, OnTime, "2024-04-15"},
				{"so-tttt", 1, 0, 1, 0, 0, Missing, ""},
				{"xa-1", 1, 0, 0, 0, 0, Missing, ""},
				{"xa-2", 1, 0, 0, 0, 0, Missing, ""},
			},
		},
		{
			name: "after a group filter: units of the kept tasks, and every owing unit",
			f:    Filter{Group: "dot-pha-dvc"},
			want: []row{
				{"huyen-a", 1, 0, 0, 0, 0, OnTime, "2024-04-12"},
				{"huyen-b", 0, 0, 0, 0, 0, Late, "2024-04-16"},
				{"huyen-c", 1, 0, 0, 1, 0, OnTime, "2024-04-15"},
				{"so-tttt", 0, 0, 0, 0, 0, Missing, ""},
				{"xa-1", 0, 0, 0, 0, 0, Missing, ""},
				{"xa-2", 0, 0, 0, 0, 0, Missing, ""},
			},
		},
		{
			name: "after a unit filter",
			f:    Filter{Unit: "huyen-b"},
			want: []row{{"huyen-b", 1, 0, 0, 0, 1, Late, "2024-04-16"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []row
			for _, v := range viewPlan(t).Filter(tt.f).ByUnit() {
				got = append(got, row{v.Unit.ID.Value, v.Led, v.Done, v.Overdue, v.AtRisk, v.Blocked, v.Report, v.Submitted.String()})
			}
			wantEq(t, "rows", got, tt.want)
		})
	}
}

func TestByUnitDoneUnitNotOwing(t *testing.T) {
	b := newBuilder(t)
	b.task("t", q1, "so-tttt")
	b.report("2024-03", "so-tttt", "2024-03-14", done("t", "2024-03-01"))
	rows := b.compute("2024-04-20").ByUnit()
	want := []UnitView{{Unit: &b.p.Units[1], Led: 1, Done: 1, Report: "", Submitted: dates.Date{}}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows = %+v, want %+v", rows, want)
	}
}

func TestStatusesCoverRank(t *testing.T) {
	if !slices.Equal(Statuses, rank[:]) {
		t.Errorf("Statuses %v and rank %v differ", Statuses, rank)
	}
}
