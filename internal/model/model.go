// Package model holds the plan as plain data: the plan's identity and rules,
// units and unit sets, the calendar, tasks with their targets, and the units'
// monthly reports. It does no I/O; internal/load fills it and internal/check
// judges it. Every value read from a file keeps the position it came from so
// that later checks can point at it.
package model

import (
	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/diag"
)

// Format is the only format this version reads.
const Format = "plan06/v1"

// Text is a string read from a file, with its position.
type Text struct {
	Value string
	Pos   diag.Pos
}

// Plan is everything under the plan folder.
type Plan struct {
	// Dir is the folder as the user named it (e.g. "plan"); file positions start with it.
	Dir string

	Format   Text
	ID       Text
	Title    Text
	Issuer   Text
	Signer   Text
	Language Text // "vi" or "en"; empty means vi
	Timezone Text // IANA name; empty means Asia/Ho_Chi_Minh
	// PeriodFrom and PeriodTo bound the plan year; tasks without a start begin at PeriodFrom.
	PeriodFrom, PeriodTo Date
	Basis                []Text
	// Notes are free-text rules of the plan that no other key holds (ad hoc
	// reports on request, where problems beyond a unit's authority go).
	Notes     []Text
	Reporting Reporting
	Header    ReportHeader
	Groups    []Group
	Utilities []Utility

	Units    []Unit
	Sets     []Set
	Calendar Calendar
	// Cal is the working-day calendar built from Calendar; never nil after loading.
	Cal   *dates.Calendar
	Tasks []Task
	// Reports are sorted by month, then unit id.
	Reports []Report
	// CycleNotes are the notes/YYYY-MM.md files, sorted by month: what the
	// standing office writes of a cycle's direction and management for the
	// signed report (SPEC §10).
	CycleNotes []CycleNote

	// File positions of the plan's own files, for diagnostics about a whole file.
	PlanFile, UnitsFile string

	// UnitsIncomplete and TasksIncomplete are set when a units or tasks file
	// could not be read at all: references to what it held are then not
	// reported as unknown, since the real error is the unreadable file.
	UnitsIncomplete, TasksIncomplete bool
}

// CycleNote is one notes/YYYY-MM.md file.
type CycleNote struct {
	File  string
	Month dates.Month
	// Paragraphs are the file's paragraphs (separated by blank lines), each
	// with its lines joined by spaces.
	Paragraphs []string
}

// ReportMonths returns the first and last months whose reports belong to
// the plan (SPEC §2.2, a report path whose month is unknown): the months
// of the period, from the month of period.from to that of period.to, and
// a month on either side whose cycle's data period overlaps the period.
// For a plan of 2024 due on the 15th, 2025-01 (data 15/12/2024–14/01/2025)
// is the last: status, form and report count it. ok is false when the
// period is not known (a validation error), when any month goes.
func (p *Plan) ReportMonths() (first, last dates.Month, ok bool) {
	from, to := p.PeriodFrom.Date, p.PeriodTo.Date
	if from.IsZero() || to.IsZero() || to.Before(from) || p.Cal == nil {
		return dates.Month{}, dates.Month{}, false
	}
	first, last = dates.MonthOf(from), dates.MonthOf(to)
	if p.Reporting.Day <= 0 {
		return first, last, true
	}
	rollover := p.Reporting.Rollover == RolloverNextWorkingDay
	overlaps := func(m dates.Month) bool {
		cy := p.Cal.Cycle(m, p.Reporting.Day, rollover)
		return !cy.PeriodFrom.IsZero() && !cy.PeriodTo.IsZero() &&
			!cy.PeriodFrom.After(to) && !cy.PeriodTo.Before(from)
	}
	// A cycle's data period lies in its month and the one before, so at
	// most one month on each side of the period's months overlaps it.
	if overlaps(first.Add(-1)) {
		first = first.Add(-1)
	}
	if overlaps(last.Add(1)) {
		last = last.Add(1)
	}
	return first, last, true
}

// NotesOf returns the paragraphs of month m's notes, nil when there are none.
func (p *Plan) NotesOf(m dates.Month) []string {
	for _, n := range p.CycleNotes {
		if n.Month == m {
			return n.Paragraphs
		}
	}
	return nil
}

// Date is a day read from a file, with the text the user wrote and its position.
type Date struct {
	Date dates.Date
	Text string
	Pos  diag.Pos
}

// Rollover says what happens to a deadline that falls on a day off.
type Rollover string

const (
	// RolloverNone keeps every deadline on the day written.
	RolloverNone Rollover = "none"
	// RolloverNextWorkingDay moves a deadline on a weekend day or holiday to
	// the next working day (Civil Code 2015, art. 148(5), by analogy).
	RolloverNextWorkingDay Rollover = "next-working-day"
)

// Reporting holds the monthly reporting rules (plan.yaml `reporting`).
type Reporting struct {
	Secretariat Text // unit id that receives the reports
	Day         int  // reports are due on this day of the month, inclusive
	DayPos      diag.Pos
	Rollover    Rollover
	RolloverPos diag.Pos
	DueSoonDays int // default 14
	// CompileAfter is the number of working days after a cycle's effective
	// deadline on which the standing office compiles the report (SPEC §8.3);
	// default 1.
	CompileAfter    int
	CompileAfterPos diag.Pos
	Also            []Text
}

// ReportHeader holds the header lines of the exported workbook (Decree 30/2020).
type ReportHeader struct {
	Authority Text // upper line, left: parent body
	Issuer    Text // lower line, left, bold: issuing body
	Symbol    Text // "BC-TCT" in "Số:      /BC-TCT"
	Place     Text // "Bắc Giang" in "Bắc Giang, ngày 15 tháng 03 năm 2024"
	// Recipients are the lines of "Nơi nhận:" of the signed report, in order.
	Recipients []Text
	// Signature is the signature block of the signed report.
	Signature Signature
}

// Signature is the signature block of a văn bản (Decree 30/2020): the
// authority line ("KT. CHỦ TỊCH"), the signer's title ("PHÓ CHỦ TỊCH") and
// name, with room left between them for the signature and seal.
type Signature struct {
	Authority Text
	Title     Text
	Name      Text
}

// Group is a task group; groups may nest through Parent.
type Group struct {
	ID Text
	// Ref is the group's number in the plan document ("II.1", "II.2.1");
	// the workbook and the signed report print it.
	Ref    Text
	Title  Text
	Parent Text
	Note   Text
}

// Utility is one of the five utility groups (nhóm tiện ích) of Đề án 06.
type Utility struct {
	ID    int
	Title Text
	Pos   diag.Pos
}

// Unit is an agency, district or commune that leads or supports tasks.
type Unit struct {
	ID     Text
	Name   Text
	Short  Text
	Level  Text // province | department | district | commune | organization
	Parent Text // unit it reports to, optional
	// ReportsTo is the unit that receives this unit's monthly reports;
	// empty means the secretariat. A unit that reports elsewhere (a commune
	// to its district) does not owe the province's cycles (SPEC §9).
	ReportsTo Text
	// From and Until bound the days the unit exists, both inclusive; a zero
	// date means unbounded.
	From, Until Date
	// Successor takes over the unit's assignments and history after Until.
	Successor Text
}

// ExistsOn reports whether the unit exists on day d.
func (u *Unit) ExistsOn(d dates.Date) bool {
	if !u.From.Date.IsZero() && d.Before(u.From.Date) {
		return false
	}
	if !u.Until.Date.IsZero() && d.After(u.Until.Date) {
		return false
	}
	return true
}

// Levels are the unit levels SPEC §2 allows, in order.
var Levels = []string{"province", "department", "district", "commune", "organization"}

// Set stands for several units wherever a unit may be named: its Members,
// or every unit of Level.
type Set struct {
	ID      Text
	Name    Text
	Members []Text
	Level   Text
}

// Calendar is the working-day calendar of calendar.yaml.
type Calendar struct {
	File        string // empty when calendar.yaml is absent
	Weekend     []Text // weekday names; default saturday, sunday
	Holidays    []Holiday
	WorkingDays []Holiday // make-up working days on weekends
	NamedDays   []NamedDay
}

// Holiday is a day or range of days off (or, in WorkingDays, of work).
type Holiday struct {
	From, To Date // To == From for a single day
	Name     Text
	Pos      diag.Pos
}

// NamedDay is a day that deadlines may name: "trước Tết Nguyên đán 2024".
type NamedDay struct {
	Name Text
	Date Date
}

// Task is one task of the plan.
type Task struct {
	ID          Text
	File        string // the tasks/*.yaml file it came from
	Pos         diag.Pos
	Ref         Text // where it stands in the plan document, e.g. "II.3.1, Nhiệm vụ 1"
	Group       Text
	Utilities   []Utility // only ID and Pos are set
	Title       Text
	Detail      Text
	Lead        []Text // unit or set ids
	Support     []Text // unit or set ids
	SupportNote Text
	Due         Text // as written; Deadline holds its meaning
	Start       Text // as written, optional
	Note        Text
	Targets     []Target

	// Deadline is the meaning of Due, resolved by the loader (named days
	// included); its Last is the written deadline before rollover.
	Deadline dates.Deadline
	// StartDay is the first day of the task: Start's first day, else an
	// ongoing deadline's first day, else the plan's start.
	StartDay dates.Date
}

// Target is a measurable target of a task with its milestones.
type Target struct {
	ID         Text
	Name       Text
	Unit       Text
	Milestones []Milestone
	Pos        diag.Pos
}

// Milestone says that from a day on a reported value must reach Min.
type Milestone struct {
	From Text // as written; parsed with the deadline grammar as a first day
	Min  float64
	Pos  diag.Pos
	// FromDay is From's first day, resolved by the loader.
	FromDay dates.Date
}

// Report is one unit's report for one cycle: reports/YYYY-MM/UNIT.yaml.
type Report struct {
	File      string
	Month     dates.Month // from the path
	Unit      string      // from the path
	Submitted Date
	Document  Text
	Entries   []Entry
}

// State is what a unit says of a task in a report.
type State string

// The states a report entry may give.
const (
	NotStarted State = "not-started"
	InProgress State = "in-progress"
	Done       State = "done"
	Blocked    State = "blocked"
)

// States lists the entry states in the order SPEC §2 gives them.
var States = []State{NotStarted, InProgress, Done, Blocked}

// Entry is a report's word on one task. A country-size plan holds
// 400,000 entries, so an entry keeps no position of its own: when the task
// key is missing, Task.Pos is the entry's position.
type Entry struct {
	Task      Text
	State     State
	StatePos  diag.Pos
	Progress  *int // 0–100 when given
	Values    []Value
	Result    Text
	Obstacles Text
	Proposals Text
	Done      Date // set when State is done
}

// Value is a number reported for a target.
type Value struct {
	Target Text
	Value  float64
}
