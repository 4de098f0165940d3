package render

// The encoder StatusJSON replaced: the structs of SPEC §4.1 written by
// encoding/json. It stays here as the reference the tests compare the
// hand-written encoder with, byte for byte, and as the "old" side of
// BenchmarkStatusJSON.

import (
	"encoding/json"
	"io"
	"math"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/safetext"
	"github.com/plan06/plan06/internal/status"
)

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

// statusJSONStdlib is StatusJSON as it was: the structs above, built
// whole, then encoded and indented by encoding/json.
func statusJSONStdlib(w io.Writer, r *status.Result) error {
	s := r.Summary()
	out := statusJSON{
		Format: StatusFormat,
		Plan:   safetext.Clean(r.Plan.ID.Value),
		AsOf:   r.AsOf.String(),
		Cycle: cycleJSON{
			Month:      r.Cycle.Month.String(),
			Deadline:   refISODay(r.Cycle.Deadline),
			PeriodFrom: refISODay(r.Cycle.PeriodFrom),
			PeriodTo:   refISODay(r.Cycle.PeriodTo),
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
			ID:          safetext.Clean(t.Task.ID.Value),
			Title:       safetext.Clean(t.Task.Title.Value),
			Group:       safetext.Clean(t.Task.Group.Value),
			Ongoing:     t.Ongoing,
			Status:      t.Status,
			Outcome:     t.Outcome,
			Progress:    t.Progress,
			Assignments: make([]assignmentJSON, 0, len(t.Assignments)),
		}
		if !t.Ongoing {
			tj.Due = refISODay(t.Due)
		}
		for _, a := range t.Assignments {
			aj := assignmentJSON{
				Unit:     safetext.Clean(a.Unit.ID.Value),
				Status:   a.Status,
				Outcome:  a.Outcome,
				State:    safetext.Clean(string(a.State)),
				Progress: a.Progress,
				Done:     refISODay(a.Done),
				Late:     a.Late,
				Targets:  make([]targetJSON, 0, len(a.Targets)),
			}
			if a.LastReport != (dates.Month{}) {
				m := a.LastReport.String()
				aj.LastReport = &m
			}
			for _, ts := range a.Targets {
				tg := targetJSON{
					ID:       safetext.Clean(ts.Target.ID.Value),
					Required: refFinite(ts.Required),
					Value:    refFinite(ts.Value),
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
			Unit:      safetext.Clean(u.Unit.ID.Value),
			Name:      safetext.Clean(u.Unit.Name.Value),
			Report:    u.State,
			Submitted: refISODay(u.Submitted),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// refISODay is d in ISO form, or nil (JSON null) for no day.
func refISODay(d dates.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

// refFinite passes a number through, or nil for none and for an infinity or
// NaN (YAML can spell them, JSON cannot), so one odd value cannot make the
// whole output fail.
func refFinite(f *float64) *float64 {
	if f == nil || math.IsInf(*f, 0) || math.IsNaN(*f) {
		return nil
	}
	return f
}
