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
	})
}
