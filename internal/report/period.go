package report

import (
	"time"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

// ForPeriod computes the report of period at day from plan p: the status of
// the period's last cycle at day, the previous cycle at its compile day
// (the change column), each cycle of the year up to the last at day (the
// reporting record and the ranking), what falls due up to the next cycle's
// compile day, and the notes of the period's months. It computes the
// tasks' state at day and each cycle's compliance once, and, concurrently,
// the tasks' outcomes at the previous compile day, and reads nothing else.
func ForPeriod(p *model.Plan, period dates.Period, day dates.Date, lang i18n.Lang) *Report {
	ix := model.NewIndex(p)
	rollover := p.Reporting.Rollover == model.RolloverNextWorkingDay
	cy := p.Cal.PeriodCycle(period, p.Reporting.Day, rollover)
	// The cycles of the year so far are the same plan at the same day:
	// the tasks are computed once and each cycle adds its compliance.
	var months []dates.Month
	for m := (dates.Month{Year: cy.Month.Year, Month: time.January}); m.Compare(cy.Month) <= 0; m = m.Add(1) {
		months = append(months, m)
	}
	// The computations read the plan and the index and write nothing
	// shared: the previous cycle's outcomes (all the change column needs)
	// and the units' order by name (their collation keys: 17 ms at country
	// scale) are worked out beside the cycles, on a second processor when
	// there is one.
	prevCy := p.Cal.Cycle(cy.Month.Add(-1), p.Reporting.Day, rollover)
	var prev *status.TaskOutcomes
	var names nameOrder
	wait := beside(func() {
		prev = status.ComputeOutcomes(p, ix, status.CompileDay(p, prevCy))
		names = planNames(p)
	})
	cycles := status.ComputeCycles(p, ix, day, months)
	res := cycles[len(cycles)-1]
	wait()
	first := cy.Month
	switch period.Kind {
	case dates.PeriodHalf:
		first = cy.Month.Add(-5)
	case dates.PeriodYear:
		first = cy.Month.Add(-11)
	}
	var notes []string
	for m := first; m.Compare(cy.Month) <= 0; m = m.Add(1) {
		notes = append(notes, p.NotesOf(m)...)
	}
	next := p.Cal.Cycle(cy.Month.Add(1), p.Reporting.Day, rollover)
	return Build(Input{
		Result: res, Previous: prev, Cycles: cycles, Period: period,
		Next: status.CompileDay(p, next), Notes: notes, Lang: lang, names: names,
	})
}
