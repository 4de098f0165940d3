package model

// The keys each mapping of the format accepts, in canonical order: the
// order SPEC §2 shows, each optional key beside the one it qualifies
// (detail after title, start before due, done after progress). The loader
// accepts exactly these keys and `plan06 fmt` writes them in this order.
var (
	PlanKeys      = []string{"format", "id", "title", "issuer", "signer", "language", "timezone", "period", "basis", "notes", "reporting", "report", "groups", "utilities"}
	PeriodKeys    = []string{"from", "to"}
	ReportingKeys = []string{"secretariat", "day", "rollover", "compile_after", "due_soon_days", "also"}
	HeaderKeys    = []string{"authority", "issuer", "symbol", "place", "recipients", "signature"}
	SignatureKeys = []string{"authority", "title", "name"}
	GroupKeys     = []string{"id", "ref", "title", "parent", "note"}
	UtilityKeys   = []string{"id", "title"}
	UnitsKeys     = []string{"units", "sets"}
	UnitKeys      = []string{"id", "name", "short", "level", "parent", "reports_to", "from", "until", "successor"}
	SetKeys       = []string{"id", "name", "members", "level"}
	CalendarKeys  = []string{"weekend", "holidays", "working_days", "named_days"}
	DayOffKeys    = []string{"date", "from", "to", "name"}
	TasksKeys     = []string{"tasks"}
	TaskKeys      = []string{"id", "ref", "group", "utilities", "title", "detail", "lead", "support", "support_note", "start", "due", "note", "targets"}
	TargetKeys    = []string{"id", "name", "unit", "milestones"}
	MilestoneKeys = []string{"from", "min"}
	ReportKeys    = []string{"submitted", "document", "tasks"}
	EntryKeys     = []string{"task", "state", "progress", "done", "values", "result", "obstacles", "proposals"}
)
