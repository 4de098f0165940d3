package i18n

func init() {
	register(map[string]Entry{
		"due.title":   {"Lịch hạn từ %s đến %s", "Agenda from %s to %s"},
		"due.nothing": {"Không có hạn nào trong khoảng này.", "Nothing falls due in this window."},
		"due.task":    {"Hạn nhiệm vụ", "Task due"},
		"due.cycle":   {"Hạn báo cáo %s (số liệu %s – %s)", "Monthly reports due for %s (data %s – %s)"},
		"due.owing":   {"Báo cáo %s (hạn %s): %d đơn vị chưa gửi báo cáo", "Reports for %s (due %s): %d units have not reported"},
	})
}

func init() {
	register(map[string]Entry{
		"new.header":   {"Báo cáo của %s, %s (hạn %s). Điền kết quả rồi chạy plan06 validate.", "Report of %s for %s (due %s). Fill in the results, then run plan06 validate."},
		"new.document": {"Báo cáo số …/BC-… ngày …", "Report no. …/BC-… of …"},
		"new.ongoing":  {"thường xuyên", "ongoing"},
		"new.due":      {"hạn", "due"},
		"new.value":    {"số liệu kỳ này", "this cycle's figure"},
	})
}

func init() {
	register(map[string]Entry{
		// SPEC §8.4: a day outside the plan.
		"cli.outside-plan": {"cảnh báo: ngày %s nằm ngoài thời gian của kế hoạch (%s – %s); số liệu có thể không như mong đợi, hãy chọn ngày bằng --as-of, ví dụ --as-of %s",
			"warning: %s is outside the plan's period (%s – %s); the figures may not be what you expect, choose the day with --as-of, e.g. --as-of %s"},
		// SPEC §8.3: the compile day.
		"cli.provisional": {"cảnh báo: số liệu tạm thời: ngày tổng hợp %s còn sau hôm nay (%s), các đơn vị vẫn có thể gửi báo cáo",
			"warning: provisional figures: the compile day %s is after today (%s); units may still report"},
		// SPEC §10: the signed report without notes/YYYY-MM.md.
		"cli.notes-missing": {"cảnh báo: chưa có %s trong thư mục kế hoạch: mục 1. Công tác chỉ đạo, điều hành của văn bản để trống (dòng chấm); hãy viết tệp này rồi chạy lại lệnh trước khi in",
			"warning: %s is missing from the plan folder: section 1. Direction and management is left blank (dotted lines); write that file and run the command again before printing"},
		"cli.not-compile-day": {"hôm nay (%s) không phải ngày tổng hợp; báo cáo %s được tổng hợp ngày %s; không ghi tệp nào",
			"today (%s) is not a compile day; the report for %s is compiled on %s; nothing written"},
	})
}
