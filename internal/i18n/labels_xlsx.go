package i18n

func init() {
	register(map[string]Entry{
		// Sheet names of the report workbook (SPEC §5); at most 31 characters.
		"xlsx.sheet.summary": {"Tổng hợp", "Summary"},
		"xlsx.sheet.tasks":   {"Nhiệm vụ", "Tasks"},
		"xlsx.sheet.units":   {"Đơn vị", "Units"},
		"xlsx.sheet.overdue": {"Quá hạn", "Overdue"},

		// The Decree 30/2020 header of the summary sheet.
		"xlsx.nation": {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"},
		"xlsx.motto":  {"Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"},
		// The number is left blank for the clerk; the argument is the symbol (BC-TCT).
		"xlsx.symbol":      {"Số:      /%s", "No.:      /%s"},
		"xlsx.symbol.none": {"Số:      ", "No.:      "},
		// Place and day: place, day, month, year. Day and month come padded
		// as Decree 30/2020 wants (vi) or as words (en).
		"xlsx.place-date": {"%s, ngày %s tháng %s năm %d", "%s, %s %s %d"},
		"xlsx.date":       {"ngày %s tháng %s năm %d", "%s %s %d"},
		"xlsx.doctype":    {"BÁO CÁO", "REPORT"},
		"xlsx.period":     {"(Số liệu tính từ ngày %s đến ngày %s)", "(Data from %s to %s)"},

		// Report titles (trích yếu) by period.
		"xlsx.title.month": {"Kết quả thực hiện Đề án 06 %s năm %d", "Results of the implementation of Project 06, %s %d"},
		"xlsx.title.half1": {"Sơ kết 6 tháng đầu năm %d thực hiện Đề án 06", "Interim review of the implementation of Project 06, first half of %d"},
		"xlsx.title.half2": {"Sơ kết 6 tháng cuối năm %d thực hiện Đề án 06", "Interim review of the implementation of Project 06, second half of %d"},
		"xlsx.title.year":  {"Tổng kết năm %d thực hiện Đề án 06", "Annual review of the implementation of Project 06, %d"},
		// Month words used in titles (vi "tháng 3") and English dates ("March").
		"xlsx.month.1":  {"tháng 1", "January"},
		"xlsx.month.2":  {"tháng 2", "February"},
		"xlsx.month.3":  {"tháng 3", "March"},
		"xlsx.month.4":  {"tháng 4", "April"},
		"xlsx.month.5":  {"tháng 5", "May"},
		"xlsx.month.6":  {"tháng 6", "June"},
		"xlsx.month.7":  {"tháng 7", "July"},
		"xlsx.month.8":  {"tháng 8", "August"},
		"xlsx.month.9":  {"tháng 9", "September"},
		"xlsx.month.10": {"tháng 10", "October"},
		"xlsx.month.11": {"tháng 11", "November"},
		"xlsx.month.12": {"tháng 12", "December"},

		// Sections of the summary sheet.
		"xlsx.sec.tasks":    {"1. Kết quả thực hiện nhiệm vụ theo nhóm", "1. Tasks by group and outcome"},
		"xlsx.sec.statuses": {"Số nhiệm vụ theo tình trạng", "Tasks by status"},
		"xlsx.sec.reports":  {"2. Tình hình gửi báo cáo của các đơn vị (hạn gửi: %s)", "2. Unit reports (due: %s)"},
		"xlsx.sec.targets":  {"3. Kết quả thực hiện các chỉ tiêu", "3. Targets"},
		"xlsx.sec.chart":    {"4. Biểu đồ kết quả thực hiện nhiệm vụ theo nhóm", "4. Task outcomes by group"},
		"xlsx.targets.none": {"Không có chỉ tiêu nào.", "No targets."},
		"xlsx.chart.title":  {"Kết quả thực hiện nhiệm vụ theo nhóm", "Task outcomes by group"},
		"xlsx.chart.axis":   {"Số nhiệm vụ", "Tasks"},

		// Column headers and row labels.
		"xlsx.col.no":           {"STT", "No."},
		"xlsx.col.group":        {"Nhóm nhiệm vụ", "Task group"},
		"xlsx.col.total":        {"Tổng số", "Total"},
		"xlsx.row.total":        {"Tổng cộng", "Total"},
		"xlsx.col.report-state": {"Tình trạng báo cáo", "Report state"},
		"xlsx.row.tasks":        {"Số nhiệm vụ", "Tasks"},
		"xlsx.col.task-status":  {"Tình trạng nhiệm vụ", "Task status"},
		"xlsx.row.units":        {"Số đơn vị", "Units"},
		"xlsx.col.task":         {"Nhiệm vụ", "Task"},
		"xlsx.col.target":       {"Chỉ tiêu", "Target"},
		"xlsx.col.measure":      {"Đơn vị tính", "Measure"},
		"xlsx.col.required":     {"Mức yêu cầu", "Required"},
		"xlsx.col.unit":         {"Đơn vị", "Unit"},
		"xlsx.col.value":        {"Giá trị báo cáo", "Reported value"},
		"xlsx.col.met":          {"Đánh giá", "Assessment"},
		"xlsx.met.yes":          {"Đạt", "Met"},
		"xlsx.met.no":           {"Không đạt", "Not met"},
		"xlsx.met.none":         {"—", "—"},
		"xlsx.col.lead":         {"Đơn vị chủ trì", "Lead unit"},
		"xlsx.col.support":      {"Đơn vị phối hợp", "Supporting units"},
		"xlsx.col.due":          {"Thời hạn", "Deadline"},
		"xlsx.col.status":       {"Trạng thái", "Status"},
		"xlsx.col.progress":     {"Tiến độ (%)", "Progress (%)"},
		"xlsx.col.result":       {"Kết quả thực hiện", "Results"},
		"xlsx.col.obstacles":    {"Khó khăn, vướng mắc", "Obstacles"},
		"xlsx.col.proposals":    {"Đề xuất, kiến nghị", "Proposals"},
		"xlsx.col.submitted":    {"Ngày gửi", "Submitted"},
		"xlsx.col.report":       {"Tình trạng", "Report"},
		"xlsx.col.document":     {"Văn bản", "Document"},
		"xlsx.col.days":         {"Số ngày quá hạn", "Days overdue"},
		"xlsx.ongoing":          {"Thường xuyên", "Ongoing"},
		"xlsx.no-group":         {"(Chưa xếp nhóm)", "(No group)"},

		// Headings of the table sheets.
		"xlsx.tasks.heading":   {"KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", "RESULTS BY TASK"},
		"xlsx.tasks.none":      {"Không có nhiệm vụ nào.", "No tasks."},
		"xlsx.units.heading":   {"TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ", "REPORTS FROM UNITS"},
		"xlsx.units.sub":       {"(Hạn gửi báo cáo: %s)", "(Reports due: %s)"},
		"xlsx.units.none":      {"Không có đơn vị nào phải báo cáo kỳ này.", "No unit owes a report for this cycle."},
		"xlsx.overdue.heading": {"CÁC NHIỆM VỤ QUÁ HẠN, VƯỚNG MẮC, CÓ NGUY CƠ KHÔNG ĐẠT", "OVERDUE, BLOCKED AND AT-RISK ASSIGNMENTS"},
		"xlsx.overdue.sub":     {"(Tính đến ngày %s)", "(As of %s)"},
		"xlsx.overdue.none":    {"Không có nhiệm vụ quá hạn, vướng mắc hoặc có nguy cơ không đạt.", "No assignment is overdue, blocked or at risk."},
	})
}
