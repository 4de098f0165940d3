package i18n

// The commands that fit plan06 into a newcomer's tools: schema and init.

func init() {
	RegisterEnglish(map[string]string{
		"Write JSON Schemas of the plan files, for editors": "Xuất lược đồ JSON Schema của các tệp kế hoạch, cho trình soạn thảo",
		"schema writes a JSON Schema (draft 2020-12) for each kind of plan file: plan.yaml, units.yaml,\ncalendar.yaml, tasks/*.yaml and reports/*/*.yaml. Editors that speak yaml-language-server\n(VS Code's YAML extension) then complete keys and flag unknown keys and wrong types as you type.\nThe schemas are made from the key lists the loader uses; existing files are replaced.": "schema xuất một lược đồ JSON Schema (draft 2020-12) cho mỗi loại tệp kế hoạch: plan.yaml, units.yaml,\ncalendar.yaml, tasks/*.yaml và reports/*/*.yaml. Trình soạn thảo dùng yaml-language-server\n(tiện ích YAML của VS Code) sẽ gợi ý khóa và báo khóa lạ, sai kiểu ngay khi gõ.\nLược đồ sinh từ chính danh sách khóa mà plan06 đọc; tệp đã có sẽ được thay.",
		"folder to write the schemas to":     "thư mục ghi lược đồ",
		"Start a new plan repository in DIR": "Tạo kho kế hoạch mới trong THƯ_MỤC",
		"init writes a new plan repository: plan/ for one year (plan.yaml, units.yaml, calendar.yaml,\ntasks/), the workflow that validates every pull request and builds the monthly workbook,\nthe JSON Schemas and VS Code settings that bind them, and READMEs. The plan validates as written.\nIt never replaces a file: DIR must not already hold any of them.": "init tạo kho kế hoạch mới: plan/ cho một năm (plan.yaml, units.yaml, calendar.yaml,\ntasks/), workflow kiểm tra mọi pull request và dựng báo cáo Excel hằng tháng,\nlược đồ JSON Schema và thiết lập VS Code dùng chúng, và các tệp README. Kế hoạch hợp lệ ngay khi tạo.\nKhông bao giờ thay tệp đã có: THƯ_MỤC không được chứa sẵn tệp nào trong số đó.",
		"the plan's year (default: this year)":                                 "năm của kế hoạch (mặc định: năm nay)",
		"--year %s is not a plan year":                                         "--year %s không phải năm của kế hoạch",
		"write the year as 2025":                                               "viết năm dạng 2025",
		"choose an empty folder, or move the existing files away":              "chọn thư mục trống, hoặc chuyển các tệp đã có đi chỗ khác",
		"choose another -o":                                                    "chọn -o khác",
		"choose another folder":                                                "chọn thư mục khác",
		"wrote a plan repository for %d in %s; next: cd %s && plan06 validate": "đã tạo kho kế hoạch năm %d trong %s; tiếp theo: cd %s && plan06 validate",
	})
}

func init() {
	RegisterEnglish(map[string]string{
		"version prints plan06's version, the commit it was built from and the build date, and the plan format it reads.": "version in phiên bản plan06, commit dùng để dựng, ngày dựng, và định dạng kế hoạch nó đọc.",
		"unknown":             "không rõ",
		"uncommitted changes": "có thay đổi chưa commit",
		"commit":              "commit",
		"built":               "ngày dựng",
		"format":              "định dạng",
	})
}
