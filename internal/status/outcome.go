package status

import (
	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
)

// Outcome is the Government Office's class of an assigned task (SPEC §8.1,
// after Quyết định 42/2014/QĐ-TTg): done on time or late, open in time or
// overdue, or a standing duty. Outcomes sit beside the seven statuses: a
// status says what needs attention today, an outcome is how the task is
// counted in a report sent up. The string values are the JSON and CLI names.
type Outcome string

// The outcome classes, in the order reports count them.
const (
	DoneOnTime  Outcome = "done-on-time"
	DoneLate    Outcome = "done-late"
	OpenInTime  Outcome = "open-in-time"
	OpenOverdue Outcome = "open-overdue"
	Standing    Outcome = "standing"
)

// Outcomes lists every outcome in report order; summaries use it.
var Outcomes = []Outcome{DoneOnTime, DoneLate, OpenInTime, OpenOverdue, Standing}

// IsDone reports whether o is one of the two done classes.
func (o Outcome) IsDone() bool { return o == DoneOnTime || o == DoneLate }

// outcomeOf classes an assignment or a task whose done-ness is done (all
// lead units done, for a task) and late (any done after the due date):
// standing when ongoing; done on time or late; else open, overdue once D is
// past the due date. A task that is not ongoing but has no resolved
// deadline (a validation error) is never overdue.
func outcomeOf(ongoing, done, late bool, due, asOf dates.Date) Outcome {
	switch {
	case ongoing:
		return Standing
	case done && late:
		return DoneLate
	case done:
		return DoneOnTime
	case !due.IsZero() && asOf.After(due):
		return OpenOverdue
	default:
		return OpenInTime
	}
}

// taskOutcome classes a task from its assignments (SPEC §8.1): every
// assignment done makes it done, late when any was late. A task with no
// assignment (a validation error) is open.
func taskOutcome(t *Task, asOf dates.Date) Outcome {
	done, late := len(t.Assignments) > 0, false
	for i := range t.Assignments {
		a := &t.Assignments[i]
		done = done && a.Status == Done
		late = late || (a.Status == Done && a.Late)
	}
	return outcomeOf(t.Ongoing, done, late, t.Due, asOf)
}

// CompileDay is the day the standing office compiles cycle cy (SPEC §8.3):
// reporting.compile_after working days after the cycle's effective
// deadline. Units report up to the deadline; on the compile day a unit
// without a report is missing, never pending.
func CompileDay(p *model.Plan, cy dates.Cycle) dates.Date {
	return p.Cal.AddWorkingDays(cy.Deadline, p.Reporting.CompileAfter)
}
