package i18n

func init() {
	register(map[string]Entry{
		// `plan06 status` as a table and as Markdown (internal/render).
		"render.asof":     {"Tình hình đến ngày %s", "Status as of %s"},
		"render.ongoing":  {"Thường xuyên", "Ongoing"},
		"render.no-group": {"(Chưa xếp nhóm)", "(No group)"},
		"render.none":     {"—", "—"},
		"render.no-tasks": {"Không có nhiệm vụ nào.", "No tasks."},
		"render.no-units": {"Không có đơn vị nào phải báo cáo kỳ này.", "No unit owes a report for this cycle."},

		// Column headers of the task table.
		"render.col.id":       {"Mã", "ID"},
		"render.col.task":     {"Nhiệm vụ", "Task"},
		"render.col.lead":     {"Chủ trì", "Lead"},
		"render.col.due":      {"Thời hạn", "Due"},
		"render.col.status":   {"Tình trạng", "Status"},
		"render.col.progress": {"Tiến độ", "Progress"},

		// Column headers of the reporting table and of `--by unit`.
		"render.col.unit":      {"Đơn vị", "Unit"},
		"render.col.report":    {"Báo cáo", "Report"},
		"render.col.submitted": {"Ngày gửi", "Submitted"},
		"render.col.led":       {"Nhiệm vụ", "Tasks"},
		"render.col.done":      {"Hoàn thành", "Done"},
		"render.col.overdue":   {"Quá hạn", "Overdue"},
		"render.col.at-risk":   {"Nguy cơ", "At risk"},
		"render.col.blocked":   {"Vướng mắc", "Blocked"},
		"render.col.count":     {"Số lượng", "Count"},

		// The cycle's reporting heading: month, deadline, data period.
		"render.cycle": {"Báo cáo %s — hạn nộp %s (số liệu từ %s đến %s)", "Reports for %s — due %s (data from %s to %s)"},
		// A month as a cycle name: the month word of render.month.N, then the year.
		"render.month":    {"%s/%d", "%s %d"},
		"render.month.1":  {"tháng 1", "January"},
		"render.month.2":  {"tháng 2", "February"},
		"render.month.3":  {"tháng 3", "March"},
		"render.month.4":  {"tháng 4", "April"},
		"render.month.5":  {"tháng 5", "May"},
		"render.month.6":  {"tháng 6", "June"},
		"render.month.7":  {"tháng 7", "July"},
		"render.month.8":  {"tháng 8", "August"},
		"render.month.9":  {"tháng 9", "September"},
		"render.month.10": {"tháng 10", "October"},
		"render.month.11": {"tháng 11", "November"},
		"render.month.12": {"tháng 12", "December"},

		// Totals.
		"render.totals":          {"Tổng hợp", "Summary"},
		"render.totals.tasks":    {"Tổng số nhiệm vụ: %d", "Tasks: %d"},
		"render.totals.reports":  {"Số đơn vị phải báo cáo: %d", "Units owing a report: %d"},
		"render.totals.outcomes": {"Theo kết quả thực hiện (cách tính của Văn phòng Chính phủ):", "By outcome (the Government Office's count):"},
		"render.col.outcome":     {"Kết quả", "Outcome"},

		// The targets table (SPEC §8.2).
		"render.targets":      {"Chỉ tiêu", "Targets"},
		"render.col.target":   {"Chỉ tiêu", "Target"},
		"render.col.required": {"Yêu cầu", "Required"},
		"render.col.value":    {"Giá trị", "Value"},
		"render.col.met":      {"Đánh giá", "Assessment"},
		"render.value-month":  {"%s (T%d/%d)", "%s (%d/%d)"},
	})
}
