package render

import (
	"encoding/json"
	"io"
	"math"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/status"
)

// StatusFormat names the JSON of `plan06 status -o json`; it changes only
// when a change would break a script that reads it.
const StatusFormat = "plan06/status/v1"

// The JSON of SPEC §4.1 is built from structs, not maps, so that keys come
// in the order the spec gives and the output is the same byte for byte on
// every run.
type (
	statusJSON struct {
		Format  string      `json:"format"`
		Plan    string      `json:"plan"`
		AsOf    string      `json:"as_of"`
		Cycle   cycleJSON   `json:"cycle"`
		Summary summaryJSON `json:"summary"`
		Tasks   []taskJSON  `json:"tasks"`
		Units   []unitJSON  `json:"units"`
	}
	cycleJSON struct {
		Month      string  `json:"month"`
		Deadline   *string `json:"deadline"`
		PeriodFrom *string `json:"period_from"`
		PeriodTo   *string `json:"period_to"`
	}
	summaryJSON struct {
		Tasks     int           `json:"tasks"`
		ByStatus  byStatusJSON  `json:"by_status"`
		ByOutcome byOutcomeJSON `json:"by_outcome"`
		Reports   reportsJSON   `json:"reports"`
	}
	byStatusJSON struct {
		Done       int `json:"done"`
		Overdue    int `json:"overdue"`
		Blocked    int `json:"blocked"`
		AtRisk     int `json:"at-risk"`
		DueSoon    int `json:"due-soon"`
		InProgress int `json:"in-progress"`
		NotStarted int `json:"not-started"`
	}
	byOutcomeJSON struct {
		DoneOnTime  int `json:"done-on-time"`
		DoneLate    int `json:"done-late"`
		OpenInTime  int `json:"open-in-time"`
		OpenOverdue int `json:"open-overdue"`
		Standing    int `json:"standing"`
	}
	reportsJSON struct {
		OnTime  int `json:"on-time"`
		Late    int `json:"late"`
		Missing int `json:"missing"`
		Pending int `json:"pending"`
	}
	taskJSON struct {
		ID          string           `json:"id"`
		Title       string           `json:"title"`
		Group       string           `json:"group"`
		Due         *string          `json:"due"`
		Ongoing     bool             `json:"ongoing"`
		Status      status.Status    `json:"status"`
		Outcome     status.Outcome   `json:"outcome"`
		Progress    int              `json:"progress"`
		Assignments []assignmentJSON `json:"assignments"`
	}
	assignmentJSON struct {
		Unit       string         `json:"unit"`
		Status     status.Status  `json:"status"`
		Outcome    status.Outcome `json:"outcome"`
		State      string         `json:"state"`
		Progress   int            `json:"progress"`
		Done       *string        `json:"done"`
		Late       bool           `json:"late"`
		LastReport *string        `json:"last_report"`
		Targets    []targetJSON   `json:"targets"`
	}
	targetJSON struct {
		ID         string   `json:"id"`
		Required   *float64 `json:"required"`
		Value      *float64 `json:"value"`
		ValueMonth *string  `json:"value_month"`
		Met        *bool    `json:"met"`
	}
	unitJSON struct {
		Unit      string             `json:"unit"`
		Name      string             `json:"name"`
		Report    status.ReportState `json:"report"`
		Submitted *string            `json:"submitted"`
	}
)

// StatusJSON writes r as the stable JSON of SPEC §4.1: keys in the spec's
// order, two-space indent, ISO dates, null for a missing day or number,
// [] for an empty list, and a final new line. Unlike the other renderers
// it takes no Options: scripts must get the same bytes whatever the
// terminal or language.
func StatusJSON(w io.Writer, r *status.Result) error {
	s := r.Summary()
	out := statusJSON{
		Format: StatusFormat,
		Plan:   r.Plan.ID.Value,
		AsOf:   r.AsOf.String(),
		Cycle: cycleJSON{
			Month:      r.Cycle.Month.String(),
			Deadline:   isoDay(r.Cycle.Deadline),
			PeriodFrom: isoDay(r.Cycle.PeriodFrom),
			PeriodTo:   isoDay(r.Cycle.PeriodTo),
		},
		Summary: summaryJSON{
			Tasks: s.Tasks,
			ByStatus: byStatusJSON{
				Done:       s.ByStatus[status.Done],
				Overdue:    s.ByStatus[status.Overdue],
				Blocked:    s.ByStatus[status.Blocked],
				AtRisk:     s.ByStatus[status.AtRisk],
				DueSoon:    s.ByStatus[status.DueSoon],
				InProgress: s.ByStatus[status.InProgress],
				NotStarted: s.ByStatus[status.NotStarted],
			},
			ByOutcome: byOutcomeJSON{
				DoneOnTime:  s.ByOutcome[status.DoneOnTime],
				DoneLate:    s.ByOutcome[status.DoneLate],
				OpenInTime:  s.ByOutcome[status.OpenInTime],
				OpenOverdue: s.ByOutcome[status.OpenOverdue],
				Standing:    s.ByOutcome[status.Standing],
			},
			Reports: reportsJSON{
				OnTime:  s.Reports[status.OnTime],
				Late:    s.Reports[status.Late],
				Missing: s.Reports[status.Missing],
				Pending: s.Reports[status.Pending],
			},
		},
		Tasks: make([]taskJSON, 0, len(r.Tasks)),
		Units: make([]unitJSON, 0, len(r.Units)),
	}
	for _, t := range r.Tasks {
		tj := taskJSON{
			ID:          t.Task.ID.Value,
			Title:       t.Task.Title.Value,
			Group:       t.Task.Group.Value,
			Ongoing:     t.Ongoing,
			Status:      t.Status,
			Outcome:     t.Outcome,
			Progress:    t.Progress,
			Assignments: make([]assignmentJSON, 0, len(t.Assignments)),
		}
		if !t.Ongoing {
			tj.Due = isoDay(t.Due)
		}
		for _, a := range t.Assignments {
			aj := assignmentJSON{
				Unit:     a.Unit.ID.Value,
				Status:   a.Status,
				Outcome:  a.Outcome,
				State:    string(a.State),
				Progress: a.Progress,
				Done:     isoDay(a.Done),
				Late:     a.Late,
				Targets:  make([]targetJSON, 0, len(a.Targets)),
			}
			if a.LastReport != (dates.Month{}) {
				m := a.LastReport.String()
				aj.LastReport = &m
			}
			for _, ts := range a.Targets {
				tg := targetJSON{
					ID:       ts.Target.ID.Value,
					Required: finite(ts.Required),
					Value:    finite(ts.Value),
					Met:      ts.Met,
				}
				if tg.Value != nil && ts.ValueMonth != (dates.Month{}) {
					m := ts.ValueMonth.String()
					tg.ValueMonth = &m
				}
				aj.Targets = append(aj.Targets, tg)
			}
			tj.Assignments = append(tj.Assignments, aj)
		}
		out.Tasks = append(out.Tasks, tj)
	}
	for _, u := range r.Units {
		out.Units = append(out.Units, unitJSON{
			Unit:      u.Unit.ID.Value,
			Name:      u.Unit.Name.Value,
			Report:    u.State,
			Submitted: isoDay(u.Submitted),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// isoDay is d in ISO form, or nil (JSON null) for no day.
func isoDay(d dates.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

// finite passes a number through, or nil for none and for an infinity or
// NaN (YAML can spell them, JSON cannot), so one odd value cannot make the
// whole output fail.
func finite(f *float64) *float64 {
	if f == nil || math.IsInf(*f, 0) || math.IsNaN(*f) {
		return nil
	}
	return f
}
