package i18n

func init() {
	register(map[string]Entry{
		// Task and assignment statuses (SPEC §3.2 and §4).
		"status.done":        {"Hoàn thành", "Done"},
		"status.overdue":     {"Quá hạn", "Overdue"},
		"status.blocked":     {"Vướng mắc", "Blocked"},
		"status.at-risk":     {"Nguy cơ không đạt", "At risk"},
		"status.due-soon":    {"Sắp đến hạn", "Due soon"},
		"status.in-progress": {"Đang thực hiện", "In progress"},
		"status.not-started": {"Chưa thực hiện", "Not started"},
		// Report states (SPEC §3.3).
		"report.on-time": {"Đúng hạn", "On time"},
		"report.late":    {"Chậm", "Late"},
		"report.missing": {"Chưa báo cáo", "Missing"},
		"report.pending": {"Chưa đến hạn", "Pending"},
		// Outcome classes (SPEC §8.1, the Government Office's count).
		"outcome.done-on-time": {"Hoàn thành đúng hạn", "Done on time"},
		"outcome.done-late":    {"Hoàn thành quá hạn", "Done late"},
		"outcome.open-in-time": {"Chưa hoàn thành, trong hạn", "Open, in time"},
		"outcome.open-overdue": {"Chưa hoàn thành, quá hạn", "Open, overdue"},
		"outcome.standing":     {"Thường xuyên", "Standing"},
		// A task done after its deadline, in the status table (SPEC §8.1).
		"status.done-late": {"Hoàn thành (quá hạn)", "Done (late)"},
		// A target with a milestone in force and no value (SPEC §8.2).
		"target.no-data": {"Chưa có số liệu", "No data"},
		"target.met":     {"Đạt", "Met"},
		"target.not-met": {"Không đạt", "Not met"},
	})
}
