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
