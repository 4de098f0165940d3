package render

import (
	"strconv"
	"strings"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

// taskStatusLabel is a task's status as the tables show it: a task done
// after its deadline reads "Hoàn thành (quá hạn)" (SPEC §8.1), so that the
// lateness the outcome records is not hidden behind a plain "Hoàn thành".
func (o Options) taskStatusLabel(t *status.Task) string {
	if t.Status == status.Done && t.Outcome == status.DoneLate {
		return o.t("status.done-late")
	}
	return o.statusLabel(t.Status)
}

// outcomeLabel is the localized name of an outcome class.
func (o Options) outcomeLabel(x status.Outcome) string { return o.t("outcome." + string(x)) }

// number prints a reported or required number the way o.Lang writes it:
// the decimal comma in Vietnamese (97,5), the point in English; no
// exponent and no trailing zeros.
func (o Options) number(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if o.Lang == i18n.VI {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// targetValue is a target's value cell: the number, with the month of the
// report that gave it when that report is older than the cycle shown
// ("62,5 (T3/2024)"); "—" when there is no value.
func (o Options) targetValue(ts *status.TargetStatus, cycle dates.Month) string {
	if ts.Value == nil {
		return o.t("render.none")
	}
	v := o.number(*ts.Value)
	if ts.ValueMonth != (dates.Month{}) && ts.ValueMonth.Compare(cycle) < 0 {
		return o.t("render.value-month", v, int(ts.ValueMonth.Month), ts.ValueMonth.Year)
	}
	return v
}

// targetAssessment is "Đạt", "Không đạt", "Chưa có số liệu" (a milestone in
// force and no value: no data is never a failure, SPEC §8.2), or "—" when no
// milestone is in force.
func (o Options) targetAssessment(ts *status.TargetStatus) (string, string) {
	switch {
	case ts.Required == nil:
		return o.t("render.none"), ""
	case ts.Met == nil:
		return o.t("target.no-data"), ""
	case *ts.Met:
		return o.t("target.met"), statusColor(status.Done)
	default:
		return o.t("target.not-met"), statusColor(status.AtRisk)
	}
}

// targetRow is one row of the targets table: an assignment's target.
type targetRow struct {
	task       string
	unit       string
	target     string
	required   string
	value      string
	assessment string
	color      string
}

// targetRows lists every target of every shown assignment, in plan order.
func targetRows(r *status.Result, o Options) []targetRow {
	var rows []targetRow
	for i := range r.Tasks {
		t := &r.Tasks[i]
		for j := range t.Assignments {
			a := &t.Assignments[j]
			for k := range a.Targets {
				ts := &a.Targets[k]
				req := o.t("render.none")
				if ts.Required != nil {
					req = o.number(*ts.Required) + targetUnit(ts.Target)
				}
				label, color := o.targetAssessment(ts)
				name := ts.Target.Name.Value
				if name == "" {
					name = ts.Target.ID.Value
				}
				rows = append(rows, targetRow{
					task: t.Task.ID.Value, unit: unitName(a.Unit), target: name,
					required: req, value: o.targetValue(ts, r.Cycle.Month),
					assessment: label, color: color,
				})
			}
		}
	}
	return rows
}

// targetUnit is the target's unit as a suffix: "%" sticks to the number,
// anything else follows a space.
func targetUnit(t *model.Target) string {
	switch u := t.Unit.Value; u {
	case "":
		return ""
	case "%":
		return u
	default:
		return " " + u
	}
}
