package status

import (
	"cmp"
	"slices"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
)

// AgendaItem is one dated entry of `plan06 due`: a task deadline or a
// reporting cycle's deadline.
type AgendaItem struct {
	Day dates.Date
	// Task is set for a task deadline.
	Task *Task
	// Cycle is set (Month non-zero) for a reporting deadline.
	Cycle dates.Cycle
}

// Agenda lists, in date order, the deadlines of open tasks and of reporting
// cycles that fall from r.AsOf to r.AsOf+within days, both included. Tasks
// already done or ongoing have no deadline to meet and are left out.
func (r *Result) Agenda(within int) []AgendaItem {
	from, to := r.AsOf, r.AsOf.AddDays(within)
	in := func(d dates.Date) bool { return !d.IsZero() && !d.Before(from) && !d.After(to) }
	var items []AgendaItem
	for i := range r.Tasks {
		t := &r.Tasks[i]
		if t.Ongoing || t.Status == Done || !in(t.Due) {
			continue
		}
		items = append(items, AgendaItem{Day: t.Due, Task: t})
	}
	p := r.Plan
	rollover := p.Reporting.Rollover == model.RolloverNextWorkingDay
	if p.Reporting.Day > 0 {
		// A cycle's deadline may roll into the next month, so start a month early.
		for m := dates.MonthOf(from).Add(-1); m.Compare(dates.MonthOf(to)) <= 0; m = m.Add(1) {
			cy := p.Cal.Cycle(m, p.Reporting.Day, rollover)
			if in(cy.Deadline) {
				items = append(items, AgendaItem{Day: cy.Deadline, Cycle: cy})
			}
		}
	}
	slices.SortStableFunc(items, func(a, b AgendaItem) int {
		// Reporting deadlines first on a shared day: they concern everyone.
		return cmp.Or(a.Day.Compare(b.Day), cmp.Compare(boolRank(a.Task != nil), boolRank(b.Task != nil)))
	})
	return items
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Owing returns the units that still owe the cycle's report: pending or
// missing, in r.Units order.
func (r *Result) Owing() []UnitReport {
	var out []UnitReport
	for _, u := range r.Units {
		if u.State == Pending || u.State == Missing {
			out = append(out, u)
		}
	}
	return out
}
