// Package plandiff says what changed between two versions of a plan in the
// domain's words: deadlines moved, tasks added or removed, leads changed,
// reports sent or corrected, and the statuses that turned because of it. It is
// what the reviewer of a pull request reads beside the YAML diff (SPEC §4,
// `plan06 diff`).
//
// The package is pure: two loaded plans and a day in, a Diff out; WriteText
// and WriteMarkdown show it. Reading the git revisions is internal/cli's job.
package plandiff

import (
	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

// Options say how to compare.
type Options struct {
	// AsOf is the day statuses are computed for (SPEC §3). Both versions are
	// judged on the same day, so a status that differs differs because of
	// the change under review, not because time passed.
	AsOf dates.Date
}

// Kind says whether a thing was added, removed or changed.
type Kind string

// The kinds of change.
const (
	Added   Kind = "added"
	Removed Kind = "removed"
	Changed Kind = "changed"
)

// Change is a value before and after.
type Change[T any] struct{ Before, After T }

// Ref names a unit, a unit set or a task group: the id the files use and the
// name people know it by (empty when the id is unknown to that version).
type Ref struct{ ID, Name string }

// Members are the units or sets that joined and left a list: a task's lead
// or support, a unit set, `reporting.also`. Added keeps the new version's
// order, Removed the old one's.
type Members struct{ Added, Removed []Ref }

// Empty reports whether nobody joined or left.
func (m Members) Empty() bool { return len(m.Added) == 0 && len(m.Removed) == 0 }

// Diff is what changed from one version of a plan (base) to another (head).
// It points into both plans, which must not change while it is in use.
type Diff struct {
	// AsOf is the day the statuses in Tasks are computed for.
	AsOf dates.Date
	// Plan holds the changes to plan.yaml, units.yaml and calendar.yaml, in
	// that order: the plan's own settings, then units, unit sets, task
	// groups and the calendar.
	Plan []PlanChange
	// Tasks holds the tasks added, removed or changed, in the head plan's
	// order, with the removed ones last in the base plan's order. A task
	// whose definition did not change appears when a report changed its
	// status.
	Tasks []TaskDiff
	// Reports holds the reports added, removed or changed, by month then
	// unit id.
	Reports []ReportDiff
}

// Empty reports whether nothing changed.
func (d *Diff) Empty() bool {
	return len(d.Plan) == 0 && len(d.Tasks) == 0 && len(d.Reports) == 0
}

// Moves returns the tasks whose effective deadline moved, in task order:
// what a reviewer must see first.
func (d *Diff) Moves() []*TaskDiff {
	var out []*TaskDiff
	for i := range d.Tasks {
		if c := d.Tasks[i].DueChange; c != nil && c.Moved {
			out = append(out, &d.Tasks[i])
		}
	}
	return out
}

// Topic says which part of plan.yaml, units.yaml or calendar.yaml a
// PlanChange is about.
type Topic string

// The topics of plan-level changes.
const (
	TopicTitle       Topic = "title"         // plan title
	TopicPeriod      Topic = "period"        // plan period, as "dd/mm/yyyy – dd/mm/yyyy"
	TopicReportDay   Topic = "reporting-day" // reporting.day
	TopicRollover    Topic = "rollover"      // reporting.rollover, as model.Rollover values
	TopicDueSoonDays Topic = "due-soon-days" // reporting.due_soon_days
	TopicSecretariat Topic = "secretariat"   // reporting.secretariat: Before and After are unit ids
	TopicAlso        Topic = "also"          // reporting.also: Members
	TopicUnit        Topic = "unit"          // a unit added or removed
	TopicUnitName    Topic = "unit-name"     // a unit renamed
	TopicUnitLevel   Topic = "unit-level"    // a unit's level changed (level sets follow it)
	TopicSuccession  Topic = "succession"    // a unit now ends and passes its assignments on: Subject ends, Successor takes over from After (dd/mm/yyyy)
	TopicUnitDays    Topic = "unit-days"     // a unit's from or until changed: Before and After are "from – until"
	TopicReportsTo   Topic = "reports-to"    // a unit's reports_to changed: Before and After are unit ids
	TopicSet         Topic = "set"           // a unit set added or removed
	TopicSetMembers  Topic = "set-members"   // the units a set stands for, expanded
	TopicGroup       Topic = "group"         // a task group added or removed
	TopicGroupTitle  Topic = "group-title"   // a task group retitled
	TopicWeekend     Topic = "weekend"       // calendar weekend days
	TopicHoliday     Topic = "holiday"       // a day or range off added or removed
	TopicWorkingDay  Topic = "working-day"   // a make-up working day added or removed
	TopicNamedDay    Topic = "named-day"     // a named day added, removed or moved
)

// PlanChange is one change to the plan's settings, units, sets, groups or
// calendar.
type PlanChange struct {
	Topic Topic
	Kind  Kind
	// Subject is the unit, set or group concerned (with its name in the
	// version that has it), or for the calendar the name of the day; empty
	// for the plan's own settings.
	Subject Ref
	// Before and After are the values as the files give them, dates as
	// dd/mm/yyyy; empty on the side where the thing does not exist.
	Before, After string
	// Members are the units that joined or left a set or `reporting.also`;
	// a unit set's members are compared expanded, so a set by level changes
	// when a unit of that level comes or goes.
	Members Members
	// Secretariat holds the old and new secretariat with their names, for
	// TopicSecretariat.
	Secretariat *Change[Ref]
	// Successor is the unit that takes over, for TopicSuccession.
	Successor Ref
}

// Due is a task's deadline as written and as it applies.
type Due struct {
	// Text is the `due` as the user wrote it.
	Text string
	// Day is the effective deadline (SPEC §3.1: rolled over a day off when
	// the plan says so); zero when the task is ongoing or the text is not a
	// deadline.
	Day dates.Date
	// Ongoing is set for "Từ …", "Thường xuyên", "Hằng tháng".
	Ongoing bool
}

// DueChange is a task's deadline before and after.
type DueChange struct {
	Before, After Due
	// Moved is set when the effective deadline changed, ongoing ↔ dated
	// included: the change a reviewer must not miss. A new wording of the
	// same day is not a move; a holiday or rollover change that moves the
	// day under the same wording is.
	Moved bool
	// Days is After.Day − Before.Day when both are dated: positive when the
	// deadline moved later. Zero otherwise.
	Days int
}

// Reworded reports whether the written text changed.
func (c *DueChange) Reworded() bool { return c.Before.Text != c.After.Text }

// TaskDiff is one task added, removed or changed.
type TaskDiff struct {
	// ID is the task id, "3.1.1".
	ID   string
	Kind Kind
	// Title and Due are the task as it stands: in head, or in base when it
	// was removed.
	Title string
	Due   Due

	// The changes below are set for Changed tasks only, except Lead and
	// Support, which for an added task list every unit it names.
	TitleChange     *Change[string]
	GroupChange     *Change[Ref]
	RefChange       *Change[string]
	StartChange     *Change[string]
	UtilitiesChange *Change[string] // ids joined by ", "
	DueChange       *DueChange
	// DetailChanged, NoteChanged and SupportNoteChanged flag long texts
	// that changed; the YAML diff shows how.
	DetailChanged, NoteChanged, SupportNoteChanged bool
	// Lead and Support are the unit or set ids written in the task that
	// were added or removed (sets are not expanded: the file names them).
	Lead, Support Members
	// Targets are the targets added, removed or changed, in head order,
	// removed ones last.
	Targets []TargetDiff

	// Status is the task's status at Diff.AsOf before and after, set only
	// when it differs, and only for a task in both versions whose
	// definition, lead units (through a set's members) or report entries
	// changed.
	Status *Change[status.Status]
}

// TargetDiff is one target of a task added, removed or changed.
type TargetDiff struct {
	ID   string
	Kind Kind
	// Target is the target as it stands: in head, or in base when removed.
	Target     *model.Target
	NameChange *Change[string]
	UnitChange *Change[string]
	// Milestones are the milestones that differ, paired by position as the
	// file lists them.
	Milestones []MilestoneChange
}

// MilestoneChange is one milestone, by position, before and after; Before
// is nil when it was added and After when it was removed.
type MilestoneChange struct {
	// N is the milestone's position in the list, from 1.
	N             int
	Before, After *model.Milestone
}

// ReportDiff is one report (one unit, one month) added, removed or changed.
type ReportDiff struct {
	Month dates.Month
	Unit  Ref
	Kind  Kind
	// File is the report's path inside the plan folder,
	// "reports/2024-03/so-tttt.yaml".
	File string
	// Submitted is the day the report was sent: in head, or in base when it
	// was removed.
	Submitted       dates.Date
	SubmittedChange *Change[dates.Date]
	DocumentChange  *Change[string]
	// Entries are the entries added, removed or changed; for an added
	// report, every entry, as added; for a removed one, none.
	Entries []EntryDiff
}

// EntryDiff is a report's word on one task, added, removed or changed.
type EntryDiff struct {
	// Task is the task id the entry is about.
	Task string
	Kind Kind
	// Entry is the entry as it stands: in head, or in base when removed.
	Entry          *model.Entry
	StateChange    *Change[model.State]
	ProgressChange *Change[*int]
	DoneChange     *Change[dates.Date]
	Values         []ValueChange
	// Result, Obstacles and Proposals say how those texts changed (added,
	// removed or changed); empty when they did not. The texts themselves
	// are long and the YAML diff shows them.
	Result, Obstacles, Proposals Kind
	// TargetNames are the names of the targets the entry's values are for
	// (Entry.Values and Values), by target id, as head names them, else
	// base; a target neither names is left out and shown by its id.
	TargetNames map[string]string
}

// ValueChange is the number reported for one target before and after; nil
// where none was reported.
type ValueChange struct {
	Target        string
	Before, After *float64
}
