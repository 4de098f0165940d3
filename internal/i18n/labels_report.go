package i18n

func init() {
	register(map[string]Entry{
		// The count sentence of the signed report (SPEC §10): assigned
		// tasks (done + open); done, on time, late; open, in time, overdue;
		// then the standing duties, apart from the total.
		// The total (%s) and the standing duties (%s) are the .one and
		// .other phrases below, by their counts: English has a singular.
		"rpt.count-sentence": {
			"%s: đã hoàn thành %d (đúng hạn %d, quá hạn %d); chưa hoàn thành %d (trong hạn %d, quá hạn %d); %s.",
			"%s: %d done (%d on time, %d late); %d open (%d in time, %d overdue); %s.",
		},
		"rpt.count-total.one":      {"Tổng số %d nhiệm vụ", "%d task in all"},
		"rpt.count-total.other":    {"Tổng số %d nhiệm vụ", "%d tasks in all"},
		"rpt.count-standing.one":   {"%d nhiệm vụ thường xuyên", "%d standing duty"},
		"rpt.count-standing.other": {"%d nhiệm vụ thường xuyên", "%d standing duties"},
		// The workbook's second edition (SPEC §8.5): the outcome table.
		"xlsx.sec.previous":        {"Số liệu tại ngày tổng hợp kỳ trước (%s) và thay đổi", "At the previous compile day (%s), and the change"},
		"xlsx.col.done":            {"Đã hoàn thành", "Done"},
		"xlsx.col.open":            {"Chưa hoàn thành", "Open"},
		"xlsx.col.standing":        {"Thường xuyên", "Standing"},
		"xlsx.col.on-time":         {"Đúng hạn", "On time"},
		"xlsx.col.late":            {"Quá hạn", "Late"},
		"xlsx.col.in-time":         {"Trong hạn", "In time"},
		"xlsx.col.overdue":         {"Quá hạn", "Overdue"},
		"xlsx.row.change":          {"Thay đổi so với kỳ trước", "Change since the previous cycle"},
		"xlsx.sheet.ranking":       {"Xếp hạng", "Ranking"},
		"xlsx.col.led":             {"Nhiệm vụ chủ trì", "Tasks led"},
		"xlsx.col.missing":         {"Không báo cáo", "Missing"},
		"xlsx.col.rank":            {"Hạng", "Rank"},
		"xlsx.col.reports-on-time": {"Báo cáo đúng hạn", "Reports on time"},
		"xlsx.record.heading":      {"TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ QUA CÁC KỲ", "REPORTS FROM UNITS, CYCLE BY CYCLE"},
		"xlsx.record.sub":          {"(Tính đến ngày %s)", "(As of %s)"},
		"xlsx.record.legend":       {"Đ: đúng hạn; C: chậm (ngày gửi); ✗: không báo cáo; để trống: không phải báo cáo kỳ đó.", "OK: on time; L: late (day sent); ✗: missing; blank: not owed that cycle."},
		"xlsx.rank.heading":        {"XẾP HẠNG CÁC ĐƠN VỊ", "RANKING OF UNITS"},
		"xlsx.rank.sub":            {"(Tính đến ngày %s; theo thứ tự: ít nhiệm vụ chưa hoàn thành quá hạn nhất, ít báo cáo chậm và không báo cáo nhất từ đầu năm, tỷ lệ hoàn thành đúng hạn cao nhất, tên đơn vị; không chấm điểm)", "(As of %s; by fewest overdue open tasks, then fewest late and missing reports this year, then highest share done on time, then name; no points)"},
		// Targets too many for a summary (SPEC §8.5).
		"xlsx.sheet.targets":   {"Chỉ tiêu", "Targets"},
		"xlsx.col.level":       {"Cấp", "Level"},
		"xlsx.col.no-min":      {"Chưa có mức yêu cầu", "No minimum yet"},
		"xlsx.targets.moved":   {"Số đơn vị theo từng chỉ tiêu và cấp; %d dòng chi tiết ở sheet %s.", "Units per target and level; the %d rows are on sheet %s."},
		"xlsx.targets.heading": {"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "TARGETS"},
		"docx.targets.moved":   {"Số đơn vị theo từng chỉ tiêu và cấp (%d dòng chi tiết tại Phụ lục, sheet Chỉ tiêu của bảng tính):", "Units per target and level (the %d rows are in the appendix, sheet Targets of the workbook):"},
		// Cells of the reporting record (SPEC §8.5): on time, late (+ day).
		"rpt.record.on-time": {"Đ", "OK"},
		"rpt.record.late":    {"C", "L"},
		// Levels of the ranking.
		"rpt.level.province":     {"Cấp tỉnh", "Province"},
		"rpt.level.department":   {"Sở, ban, ngành", "Departments"},
		"rpt.level.district":     {"UBND cấp huyện", "Districts"},
		"rpt.level.commune":      {"UBND cấp xã", "Communes"},
		"rpt.level.organization": {"Cơ quan, tổ chức khác", "Other organisations"},
		"rpt.level.other":        {"Đơn vị khác", "Other units"},
	})
}

func init() {
	register(map[string]Entry{
		// The signed report (SPEC §10).
		"docx.sec.results":       {"I. KẾT QUẢ THỰC HIỆN", "I. RESULTS"},
		"docx.sec.direction":     {"1. Công tác chỉ đạo, điều hành", "1. Direction and management"},
		"docx.sec.tasks":         {"2. Kết quả thực hiện nhiệm vụ", "2. Results of the tasks"},
		"docx.sec.targets":       {"3. Các chỉ tiêu", "3. Targets"},
		"docx.sec.reporting":     {"4. Tình hình báo cáo", "4. Reporting"},
		"docx.sec.obstacles":     {"II. KHÓ KHĂN, VƯỚNG MẮC", "II. OBSTACLES"},
		"docx.sec.next":          {"III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI", "III. PRIORITIES FOR THE NEXT PERIOD"},
		"docx.sec.proposals":     {"IV. ĐỀ XUẤT, KIẾN NGHỊ", "IV. PROPOSALS"},
		"docx.targets.none":      {"Kế hoạch không có chỉ tiêu định lượng.", "The plan sets no measurable targets."},
		"docx.obstacles.none":    {"Các đơn vị không báo cáo khó khăn, vướng mắc.", "No unit reported obstacles."},
		"docx.reports.none":      {"Chưa có đơn vị nào gửi báo cáo trong kỳ.", "No unit has sent a report for the period yet."},
		"docx.proposals.none":    {"Các đơn vị không có đề xuất, kiến nghị.", "No unit made proposals."},
		"docx.none":              {"Không có.", "None."},
		"docx.next.overdue":      {"a) Nhiệm vụ quá hạn, chưa hoàn thành:", "a) Overdue tasks not yet done:"},
		"docx.next.upcoming":     {"b) Nhiệm vụ đến hạn trước ngày tổng hợp kỳ tới (%s):", "b) Tasks due before the next compile day (%s):"},
		"docx.due-overdue":       {"hạn %s, quá hạn %d ngày", "due %s, %d days overdue"},
		"docx.due":               {"hạn %s", "due %s"},
		"docx.overdue-days":      {"quá hạn %d ngày", "%d days overdue"},
		"docx.appendix":          {"(Chi tiết tại Phụ lục kèm theo).", "(Details in the attached appendix.)"},
		"docx.group.ref":         {"Nhóm nhiệm vụ tại mục %s của Kế hoạch: %s", "Tasks under section %s of the plan: %s"},
		"docx.group":             {"Nhóm nhiệm vụ: %s", "Task group: %s"},
		"docx.group.none":        {"Nhiệm vụ chưa xếp nhóm", "Tasks in no group"},
		"docx.task-id":           {"nhiệm vụ %s", "task %s"},
		"docx.col.required":      {"Yêu cầu", "Required"},
		"docx.recipients":        {"Nơi nhận:", "To:"},
		"docx.archive":           {"Lưu: VT", "File: VT"},
		"docx.archive-word":      {"Lưu", "File"},
		"docx.late-day":          {"%s (ngày %s)", "%s (on %s)"},
		"docx.reporting.cycle":   {"Kỳ báo cáo %s (hạn %s): %d đơn vị phải báo cáo, trong đó:", "Cycle %s (due %s): %d units owed a report:"},
		"docx.reporting.on-time": {"Đúng hạn: %d đơn vị", "On time: %d units"},
		"docx.reporting.late":    {"Chậm: %d đơn vị", "Late: %d units"},
		"docx.reporting.missing": {"Chưa báo cáo: %d đơn vị", "Missing: %d units"},
		"docx.reporting.pending": {"Chưa đến hạn: %d đơn vị", "Not yet due: %d units"},
		"docx.record.head":       {"Trong %d kỳ báo cáo của giai đoạn, các đơn vị báo cáo chậm hoặc không báo cáo:", "Over the period's %d cycles, units that reported late or not at all:"},
		"docx.record.unit":       {"%s: chậm %d kỳ, không báo cáo %d kỳ.", "%s: %d late, %d missing."},
		"docx.record.clean":      {"Trong %d kỳ báo cáo của giai đoạn, các đơn vị đều báo cáo đúng hạn.", "Over the period's %d cycles, every unit reported on time."},

		// The reminder (văn bản đôn đốc, SPEC §10).
		"remind.subject":      {"V/v đôn đốc báo cáo, thực hiện nhiệm vụ Đề án 06", "Reminder: reports and tasks of Project 06"},
		"remind.to":           {"Kính gửi:", "To:"},
		"remind.nobody":       {"(không có đơn vị nào cần đôn đốc)", "(no unit needs reminding)"},
		"remind.intro":        {"Thực hiện %s, kỳ báo cáo %s (hạn %s), tính đến ngày %s, %s tổng hợp tình hình gửi báo cáo và thực hiện nhiệm vụ của các đơn vị như sau:", "Under %s, for the reporting cycle %s (due %s), as of %s, %s sets out where the units stand with their reports and tasks:"},
		"remind.intro.anon":   {"Thực hiện %s, kỳ báo cáo %s (hạn %s), tính đến ngày %s, tình hình gửi báo cáo và thực hiện nhiệm vụ của các đơn vị như sau:", "Under %s, for the reporting cycle %s (due %s), as of %s, the units stand as follows with their reports and tasks:"},
		"remind.missing.head": {"%d. Đơn vị chưa gửi báo cáo", "%d. Units that have not reported"},
		"remind.late.head":    {"%d. Đơn vị gửi báo cáo chậm", "%d. Units that reported late"},
		"remind.late.item":    {"%s: gửi ngày %s, chậm %d ngày.", "%s: sent on %s, %d days late."},
		"remind.overdue.head": {"%d. Nhiệm vụ quá hạn, chưa hoàn thành", "%d. Overdue tasks not yet done"},
		"remind.closing":      {"Đề nghị các đơn vị khẩn trương gửi báo cáo và hoàn thành các nhiệm vụ quá hạn nêu trên.", "The units above are asked to send their reports and complete the overdue tasks without delay."},
		"remind.as-above":     {"Như trên", "As above"},
		"remind.sign":         {"TM. %s", "FOR %s"},
		"remind.none":         {"Không có đơn vị nào cần đôn đốc.", "No unit needs reminding."},
	})
}
