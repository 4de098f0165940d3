package yamlfmt

import (
	"path"
	"path/filepath"
	"strings"
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
		"": {"format", "id", "title", "issuer", "signer", "language", "timezone",
			"period", "basis", "reporting", "report", "groups", "utilities"},
		"period":      {"from", "to"},
		"reporting":   {"secretariat", "day", "rollover", "due_soon_days", "also"},
		"report":      {"authority", "issuer", "symbol", "place"},
		"groups[]":    {"id", "title", "parent", "note"},
		"utilities[]": {"id", "title"},
	},
	KindUnits: {
		"":        {"units", "sets"},
		"units[]": {"id", "name", "short", "level", "parent"},
		"sets[]":  {"id", "name", "members", "level"},
	},
	KindCalendar: {
		"":               {"weekend", "holidays", "working_days", "named_days"},
		"holidays[]":     {"date", "from", "to", "name"},
		"working_days[]": {"date", "from", "to", "name"},
	},
	KindTasks: {
		"": {"tasks"},
		// SPEC §2 shows start only in prose; it goes just before due, so a
		// task reads in the order its period runs.
		"tasks[]": {"id", "ref", "group", "utilities", "title", "detail", "lead",
			"support", "support_note", "start", "due", "note", "targets"},
		"tasks[].targets[]":              {"id", "name", "unit", "milestones"},
		"tasks[].targets[].milestones[]": {"from", "min"},
	},
	KindReport: {
		"": {"submitted", "document", "tasks"},
		"tasks[]": {"task", "state", "progress", "done", "values", "result",
			"obstacles", "proposals"},
	},
}
