package yamlfmt

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/plan06/plan06/internal/model"
)

// Kind says which plan file a document is, which fixes its key order.
type Kind int

const (
	// KindPlan is plan.yaml: the plan's identity, reporting rules and groups.
	KindPlan Kind = iota
	// KindUnits is units.yaml: units and unit sets.
	KindUnits
	// KindCalendar is calendar.yaml: weekend, holidays, make-up days, named days.
	KindCalendar
	// KindTasks is a file under tasks/.
	KindTasks
	// KindReport is a unit's monthly report under reports/YYYY-MM/.
	KindReport
	// KindUnknown is any other YAML file: it is formatted, but no key moves.
	KindUnknown
)

// String names the kind after the file it stands for, for test names and
// messages.
func (k Kind) String() string {
	switch k {
	case KindPlan:
		return "plan"
	case KindUnits:
		return "units"
	case KindCalendar:
		return "calendar"
	case KindTasks:
		return "tasks"
	case KindReport:
		return "report"
	}
	return "unknown"
}

// KindOf returns the kind from a path relative to the plan folder:
// "plan.yaml", "units.yaml", "calendar.yaml", "tasks/x.yaml",
// "reports/2024-03/unit.yaml" (also .yml). It only looks at the shape of the
// path: whether the month or the unit in a report path exist is for the
// validator to say. Any other path gives KindUnknown.
func KindOf(rel string) Kind {
	p := path.Clean(filepath.ToSlash(rel))
	base := path.Base(p)
	ext := path.Ext(base)
	if ext != ".yaml" && ext != ".yml" {
		return KindUnknown
	}
	stem := strings.TrimSuffix(base, ext)
	parts := strings.Split(p, "/")
	switch {
	case len(parts) == 1 && stem == "plan":
		return KindPlan
	case len(parts) == 1 && stem == "units":
		return KindUnits
	case len(parts) == 1 && stem == "calendar":
		return KindCalendar
	case len(parts) == 2 && parts[0] == "tasks" && stem != "":
		return KindTasks
	case len(parts) == 3 && parts[0] == "reports" && stem != "":
		return KindReport
	}
	return KindUnknown
}

// keyOrders holds, for each kind, the canonical key order of every mapping
// SPEC §2 shows. A mapping is named by its path from the document root: keys
// joined by ".", with "[]" for "any item of this sequence". Mappings not listed
// (named_days, a report entry's values, anything under an unknown key) keep
// the order the user wrote.
var keyOrders = map[Kind]map[string][]string{
	KindPlan: {
		"":            model.PlanKeys,
		"period":      model.PeriodKeys,
		"reporting":   model.ReportingKeys,
		"report":      model.HeaderKeys,
		"groups[]":    model.GroupKeys,
		"utilities[]": model.UtilityKeys,
	},
	KindUnits: {
		"":        model.UnitsKeys,
		"units[]": model.UnitKeys,
		"sets[]":  model.SetKeys,
	},
	KindCalendar: {
		"":               model.CalendarKeys,
		"holidays[]":     model.DayOffKeys,
		"working_days[]": model.DayOffKeys,
	},
	KindTasks: {
		"":                               model.TasksKeys,
		"tasks[]":                        model.TaskKeys,
		"tasks[].targets[]":              model.TargetKeys,
		"tasks[].targets[].milestones[]": model.MilestoneKeys,
	},
	KindReport: {
		"":        model.ReportKeys,
		"tasks[]": model.EntryKeys,
	},
}
