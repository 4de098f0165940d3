package i18n

// Messages about what a plan folder may hold and how its files are read
// (internal/planfs, the hostile-repository limits of SECURITY.md).
func init() {
	register(map[string]Entry{
		"diag.symlink-dangling": {"liên kết tượng trưng không trỏ tới tệp nào; xóa nó hoặc thay bằng tệp thật", "symbolic link leads to nothing; delete it or replace it with the file itself"},
		"diag.not-regular":      {"không phải tệp thông thường (FIFO, socket hoặc thiết bị), không được đọc; xóa nó khỏi thư mục kế hoạch", "not a regular file (a FIFO, socket or device) and is refused; remove it from the plan folder"},
		"diag.too-big-bytes":    {"tệp quá lớn: %d byte, tối đa %d byte (8 MiB); tách thành nhiều tệp", "file too big: %d bytes, at most %d (8 MiB); split it into several files"},
		"diag.too-big-grew":     {"tệp quá lớn: hơn %d byte khi đọc (tối đa %d byte, 8 MiB); tách thành nhiều tệp", "file too big: more than %d bytes when read (at most %d, 8 MiB); split it into several files"},
		"diag.bad-notes-name":   {"tệp ghi chú %q đặt tên sai: phải là notes/YYYY-MM.md (notes/2024-03.md)", "notes file %q is misnamed: it must be notes/YYYY-MM.md (notes/2024-03.md)"},
		"diag.too-deep":         {"lồng quá %d cấp; tệp kế hoạch chỉ lồng vài cấp, kiểm tra lại thụt lề và dấu ngoặc", "nested more than %d levels deep; plan files nest a few levels only, check the indentation and brackets"},
		"diag.yaml-tag":         {"thẻ YAML %s không được dùng trong tệp kế hoạch; xóa thẻ và viết giá trị trực tiếp", "YAML tag %s is not allowed in plan files; remove the tag and write the value itself"},
		"diag.control-char":     {"ký tự điều khiển %s không được phép trong tệp YAML; xóa nó", "control character %s is not allowed in a YAML file; remove it"},
		"diag.number-too-large": {"%s: %s quá lớn (tối đa 10^15 về giá trị tuyệt đối)", "%s: %s is too large (at most 10^15 in absolute value)"},
		"diag.leading-zero":     {"%s: %s có số 0 ở đầu, một số trình đọc YAML hiểu là hệ bát phân; viết %s", "%s: %s has a leading zero, which some YAML readers take for octal; write %s"},
		"diag.timezone-local":   {"múi giờ %q phụ thuộc vào máy chạy plan06; dùng tên IANA như Asia/Ho_Chi_Minh", "time zone %q depends on the machine running plan06; use an IANA name such as Asia/Ho_Chi_Minh"},
		"diag.timezone-empty":   {"múi giờ không được rỗng; dùng tên IANA như Asia/Ho_Chi_Minh hoặc xóa khóa timezone", "time zone must not be empty; use an IANA name such as Asia/Ho_Chi_Minh, or remove the timezone key"},
	})
}
