package i18n

// The command line of part one in Vietnamese: help texts, flag usages,
// errors, hints and warnings, keyed by their English text (see english.go).
// A new command adds its own file like this one.

func init() {
	RegisterEnglish(map[string]string{
		// The root and cobra's own commands and flags.
		"Track a province's Đề án 06 plan kept as YAML files": "Theo dõi kế hoạch Đề án 06 của tỉnh lưu bằng các tệp YAML",
		"plan06 validates a Đề án 06 plan kept as YAML files, computes who is done, late, at risk or has not reported, and exports the monthly Excel report.": "plan06 kiểm tra kế hoạch Đề án 06 lưu bằng các tệp YAML, tính đơn vị nào đã hoàn thành, quá hạn, có nguy cơ không đạt hoặc chưa báo cáo, và xuất báo cáo Excel hằng tháng.",
		"plan folder (default ./plan, or $PLAN06_PLAN)": "thư mục kế hoạch (mặc định ./plan, hoặc $PLAN06_PLAN; tìm cả ở thư mục cha)",
		"compute as of this day (2024-04-20, 20/04/2024, \"trước ngày 20/04/2024\" or a named day of calendar.yaml; default today, or $PLAN06_TODAY)": "tính đến ngày này (2024-04-20, 20/04/2024, \"trước ngày 20/04/2024\" hoặc một ngày đặt tên trong calendar.yaml; mặc định hôm nay, hoặc $PLAN06_TODAY)",
		"output language: vi or en (default: the plan's language)":                                                                                    "ngôn ngữ: vi hoặc en (mặc định: ngôn ngữ của kế hoạch)",
		"never colour the output (also off with NO_COLOR or when not a terminal)":                                                                     "không tô màu (cũng tắt khi có NO_COLOR hoặc khi không in ra terminal)",
		"help for %s":            "trợ giúp cho %s",
		"version of %s":          "phiên bản của %s",
		"Help about any command": "Trợ giúp về một lệnh",
		"Help provides help for any command in the application.\nSimply type plan06 help [path to command] for full details.":                                   "Hiển thị hướng dẫn của một lệnh bất kỳ.\nGõ plan06 help [lệnh] để xem đầy đủ.",
		"Generate the autocompletion script for the specified shell":                                                                                            "Tạo script tự hoàn thành lệnh cho shell",
		"Generate the autocompletion script for plan06 for the specified shell.\nSee each sub-command's help for details on how to use the generated script.\n": "Tạo script tự hoàn thành lệnh của plan06 cho shell đã chọn.\nXem trợ giúp của từng lệnh con để biết cách dùng script.\n",
		"Generate the autocompletion script for bash":                                                                                                           "Tạo script tự hoàn thành lệnh cho bash",
		"Generate the autocompletion script for zsh":                                                                                                            "Tạo script tự hoàn thành lệnh cho zsh",
		"Generate the autocompletion script for fish":                                                                                                           "Tạo script tự hoàn thành lệnh cho fish",
		"Generate the autocompletion script for powershell":                                                                                                     "Tạo script tự hoàn thành lệnh cho powershell",
		"disable completion descriptions":                                                                                                                       "không kèm mô tả khi gợi ý",
		"Print the version of plan06":                                                                                                                           "In phiên bản của plan06",

		// validate
		"Check every file of the plan and report all problems": "Kiểm tra mọi tệp của kế hoạch và báo mọi lỗi",
		"validate reads the whole plan folder and reports every problem in one run, sorted by file and position.\nIt exits 1 when there is an error (or, with --strict, a warning).": "validate đọc cả thư mục kế hoạch và báo mọi lỗi trong một lần chạy, xếp theo tệp và vị trí.\nMã thoát 1 khi có lỗi (hoặc, với --strict, có cảnh báo).",
		"output format: text, json or github (annotations)": "định dạng: text, json hoặc github (chú thích trên GitHub)",
		"fail on warnings too":                              "coi cả cảnh báo là lỗi",

		// status
		"Show every task's status and this cycle's reporting, as of a day": "Tình hình mọi nhiệm vụ và việc báo cáo kỳ này, tính đến một ngày",
		"status lists the tasks under their groups with lead, effective deadline, status and progress,\nthen the cycle's reporting table, then totals. Everything is computed as of --as-of (default today).": "status liệt kê nhiệm vụ theo nhóm với đơn vị chủ trì, thời hạn, tình trạng và tiến độ,\nrồi bảng báo cáo của kỳ, rồi tổng hợp. Mọi thứ tính đến ngày --as-of (mặc định hôm nay).",
		"only the tasks this unit leads: an id or any part of its name (accents optional); a set stands for its members":                                                                                      "chỉ các nhiệm vụ đơn vị này chủ trì: mã hoặc một phần tên (có dấu hay không đều được); một nhóm đơn vị là các thành viên của nó",
		"only the tasks of this group and its subgroups: an id or part of its title (accents optional)":                                                                                                       "chỉ các nhiệm vụ của nhóm này và các nhóm con: mã hoặc một phần tên nhóm (có dấu hay không đều được)",
		"only tasks with this status (repeatable): done, overdue, blocked, at-risk, due-soon, in-progress, not-started, or its name (\"Quá hạn\")":                                                            "chỉ các nhiệm vụ có tình trạng này (lặp lại được): tên tiếng Việt (\"Quá hạn\", \"qua han\") hoặc mã done, overdue, blocked, at-risk, due-soon, in-progress, not-started",
		"reporting cycle to show, YYYY-MM (default: the month of the day)":                                                                                                                                    "kỳ báo cáo cần xem, YYYY-MM (mặc định: tháng của ngày tính)",
		"view: task or unit":                   "cách xem: task (theo nhiệm vụ) hoặc unit (theo đơn vị)",
		"output: table, json, csv or markdown": "đầu ra: table, json, csv hoặc markdown",
		"with -o csv: begin with the UTF-8 byte-order mark, so that Excel on Windows reads Vietnamese right": "với -o csv: ghi dấu BOM UTF-8 ở đầu tệp để Excel trên Windows đọc đúng tiếng Việt",
		"exit 3 when any of these statuses or report states is present (e.g. overdue,missing)":               "thoát với mã 3 khi có một trong các tình trạng này (ví dụ overdue,missing)",

		// due
		"Agenda: deadlines and report cycles coming up, and who still owes this cycle": "Lịch hạn: các hạn nhiệm vụ và kỳ báo cáo sắp tới, và đơn vị chưa báo cáo kỳ này",
		"how far ahead to look: days (30d, 30) or weeks (4w)":                          "xem trước bao lâu: số ngày (30d, 30) hoặc số tuần (4w)",

		// new report
		"Create plan files from what the plan already knows":                "Tạo tệp kế hoạch từ những gì kế hoạch đã có",
		"Write reports/M/U.yaml prefilled with the unit's open assignments": "Tạo reports/M/U.yaml điền sẵn các nhiệm vụ chưa xong của đơn vị",
		"new report writes the unit's report for cycle M (default: the current cycle) with submitted set to today\nand one entry per open assignment, prefilled with its last state, progress and targets. It never overwrites.": "new report tạo báo cáo của đơn vị cho kỳ M (mặc định: kỳ hiện tại), ngày gửi là hôm nay,\nmỗi nhiệm vụ chưa xong một mục, điền sẵn tình trạng, tiến độ và chỉ tiêu lần trước. Không bao giờ ghi đè.",
		"the reporting unit: an id or part of its name":                                          "đơn vị báo cáo: mã hoặc một phần tên",
		"the cycle, YYYY-MM (default: the month of today)":                                       "kỳ báo cáo, YYYY-MM (mặc định: tháng hiện tại)",
		"the day the report was sent (default today); give it when filing a past month's report": "ngày gửi báo cáo (mặc định hôm nay); ghi rõ khi nhập báo cáo của tháng trước",

		// fmt
		"Write plan files in canonical YAML (comments kept)": "Viết lại tệp kế hoạch theo YAML chuẩn (giữ chú thích)",
		"fmt rewrites plan files in canonical form: 2-space indents, keys in the documented order, LF,\none final newline, NFC text, long strings never re-wrapped, comments where they were.\nPATHs are files or folders (default: the whole plan folder). Without -w, -l or --check\nthe formatted files are printed.": "fmt viết lại tệp kế hoạch theo dạng chuẩn: thụt lề 2 dấu cách, khóa theo thứ tự quy định, LF,\nmột dòng trống cuối, văn bản NFC, không ngắt lại dòng dài, chú thích giữ nguyên chỗ.\nPATH là tệp hoặc thư mục (mặc định: cả thư mục kế hoạch). Không có -w, -l hay --check\nthì in các tệp đã định dạng.",
		"write the result back to the files":                       "ghi kết quả vào chính các tệp",
		"list the files whose formatting differs":                  "liệt kê các tệp có định dạng khác chuẩn",
		"list the files that would change and exit 1 if any would": "liệt kê các tệp sẽ thay đổi, thoát với mã 1 nếu có",

		// diff
		"Say what changed in the plan between two git revisions, in the plan's words": "Nói kế hoạch đã thay đổi gì giữa hai phiên bản git, bằng lời của kế hoạch",
		"diff loads the plan at git revision BASE (default HEAD) and at HEAD (default: the working tree)\nand lists what changed: tasks added or removed, deadlines moved (flagged, with days), leads, targets,\nreports added or changed, and the status of the changed tasks before and after.": "diff đọc kế hoạch ở phiên bản git BASE (mặc định HEAD) và ở HEAD (mặc định: thư mục làm việc)\nvà liệt kê thay đổi: nhiệm vụ thêm hoặc bớt, thời hạn dời (đánh dấu, kèm số ngày), đơn vị chủ trì, chỉ tiêu,\nbáo cáo thêm hoặc sửa, và tình trạng của các nhiệm vụ thay đổi trước và sau.",
		"output: text or markdown": "đầu ra: text hoặc markdown",
		"the working tree":         "thư mục làm việc",

		// report
		"Write the report workbook (xlsx) for a month, a half year or a year": "Xuất báo cáo Excel (xlsx) cho một tháng, 6 tháng hoặc cả năm",
		"report writes the province's report as an Excel workbook: the Decree 30/2020 header, the summary,\nthe appendix table of tasks with the units' results, the units' reporting record and what is overdue.\nPERIOD is a month (2024-03, default: the current cycle), 2024-H1 (sơ kết 6 tháng) or 2024 (tổng kết năm).\nThe day defaults to the period's deadline; --as-of overrides it. The same plan and day give the same bytes.": "report xuất báo cáo của tỉnh thành tệp Excel: phần đầu theo Nghị định 30/2020, tổng hợp,\nphụ lục nhiệm vụ với kết quả của các đơn vị, tình hình báo cáo của đơn vị và các việc quá hạn.\nPERIOD là một tháng (2024-03, mặc định: kỳ hiện tại), 2024-H1 (sơ kết 6 tháng) hoặc 2024 (tổng kết năm).\nNgày tính mặc định là hạn của kỳ; --as-of thay đổi được. Cùng kế hoạch và ngày thì cùng một tệp.",
		"file to write (default bao-cao-de-an-06-PERIOD.xlsx)": "tệp cần ghi (mặc định bao-cao-de-an-06-PERIOD.xlsx)",
	})

	RegisterEnglish(map[string]string{
		// Errors, hints and warnings.
		"run 'plan06 --help' for usage": "chạy 'plan06 --help' để xem cách dùng",
		"run '%s --help' for usage":     "chạy '%s --help' để xem cách dùng",
		"no plan folder at %s":          "không có thư mục kế hoạch tại %s",
		"no plan.yaml in %s/":           "không có plan.yaml trong %s/",
		"run plan06 in the plan repository, or pass --plan DIR (or set PLAN06_PLAN)":                                        "chạy plan06 trong kho kế hoạch (hoặc một thư mục con của nó), hoặc dùng --plan THƯ_MỤC (hoặc đặt PLAN06_PLAN)",
		"run plan06 in the plan repository, or pass --plan DIR":                                                             "chạy plan06 trong kho kế hoạch, hoặc dùng --plan THƯ_MỤC",
		"run plan06 in the plan repository, or pass --plan DIR or the files to format":                                      "chạy plan06 trong kho kế hoạch, hoặc dùng --plan THƯ_MỤC hoặc nêu các tệp cần định dạng",
		"a plan folder holds plan.yaml, units.yaml and tasks/; pass --plan DIR (or set PLAN06_PLAN) to read another folder": "thư mục kế hoạch có plan.yaml, units.yaml và tasks/; dùng --plan THƯ_MỤC (hoặc đặt PLAN06_PLAN) để đọc thư mục khác",
		"unknown language %q":        "không có ngôn ngữ %q",
		"use --lang vi or --lang en": "dùng --lang vi hoặc --lang en",
		"the plan has %d errors; fix them first (plan06 validate lists them)": "kế hoạch có %d lỗi; hãy sửa trước (plan06 validate liệt kê các lỗi)",
		"--as-of %q is not a day":                   "--as-of %q không phải một ngày",
		"write the day as 2024-04-20 or 20/04/2024": "viết ngày dạng 2024-04-20 hoặc 20/04/2024",
		"write the day as 2024-04-20, 20/04/2024, \"trước ngày 20/04/2024\" or a named day of calendar.yaml (\"trước Tết Nguyên đán 2024\"); a month, quarter, year or ongoing deadline names no single day": "viết ngày dạng 2024-04-20, 20/04/2024, \"trước ngày 20/04/2024\" hoặc một ngày đặt tên trong calendar.yaml (\"trước Tết Nguyên đán 2024\"); tháng, quý, năm hay thời hạn thường xuyên không chỉ một ngày",
		"--as-of %q names a day that is not in calendar.yaml named_days": "--as-of %q nhắc tới một ngày không có trong named_days của calendar.yaml",
		"add it to named_days in calendar.yaml, or write the date":       "thêm ngày đó vào named_days trong calendar.yaml, hoặc viết ngày cụ thể",
		"PLAN06_TODAY %q is not a day":                                   "PLAN06_TODAY %q không phải một ngày",
		"write the day as 2024-04-20":                                    "viết ngày dạng 2024-04-20",
		"writing output: %v":                                             "lỗi khi ghi đầu ra: %v",

		"unknown format %q":                   "không có định dạng %q",
		"use --format text, json or github":   "dùng --format text, json hoặc github",
		"unknown output %q":                   "không có kiểu đầu ra %q",
		"use -o table, json, csv or markdown": "dùng -o table, json, csv hoặc markdown",
		"use -o text or -o markdown":          "dùng -o text hoặc -o markdown",
		"unknown view %q":                     "không có cách xem %q",
		"use --by task or --by unit":          "dùng --by task hoặc --by unit",
		"--bom is only for CSV output":        "--bom chỉ dùng với đầu ra CSV",
		"use --bom with -o csv":               "dùng --bom cùng -o csv",
		"unknown status %q in --state":        "không có tình trạng %q trong --state",
		"statuses are: %s (or their names: Quá hạn, qua han, Overdue…)":                          "các tình trạng: Hoàn thành, Quá hạn, Vướng mắc, Nguy cơ không đạt, Sắp đến hạn, Đang thực hiện, Chưa thực hiện (có dấu hay không đều được), hoặc mã: %s",
		"unknown state %q in --fail-on":                                                          "không có tình trạng %q trong --fail-on",
		"--fail-on takes statuses (%s) and report states (%s)":                                   "--fail-on nhận tình trạng nhiệm vụ (%s) và tình trạng báo cáo (%s)",
		"--fail-on: %s present":                                                                  "--fail-on: có %s",
		"--cycle %q is not a month":                                                              "--cycle %q không phải một tháng",
		"write the cycle as YYYY-MM, e.g. 2024-03":                                               "viết kỳ dạng YYYY-MM, ví dụ 2024-03",
		"no unit matches %q":                                                                     "không có đơn vị nào khớp với %q",
		"no unit or set matches %q":                                                              "không có đơn vị hay nhóm đơn vị nào khớp với %q",
		"units are listed in units.yaml; try part of the name, e.g. --unit \"luc nam\"":          "các đơn vị có trong units.yaml; thử một phần tên, ví dụ --unit \"luc nam\"",
		"units and sets are listed in units.yaml; try part of the name, e.g. --unit \"luc nam\"": "đơn vị và nhóm đơn vị có trong units.yaml; thử một phần tên, ví dụ --unit \"luc nam\"",
		"%q matches %d units: %s":                                                                "%q khớp với %d đơn vị: %s",
		"%q matches %d units and sets: %s":                                                       "%q khớp với %d đơn vị và nhóm đơn vị: %s",
		"be more precise, or pass the id":                                                        "hãy gõ cụ thể hơn, hoặc dùng mã",
		"no group matches %q":                                                                    "không có nhóm nhiệm vụ nào khớp với %q",
		"%q matches %d groups; pass the id":                                                      "%q khớp với %d nhóm nhiệm vụ; hãy dùng mã",
		"groups (plan.yaml):\n%s":                                                                "các nhóm nhiệm vụ (plan.yaml):\n%s",

		"--within %q is not a duration":            "--within %q không phải một khoảng thời gian",
		"write a number of days or weeks: 30d, 4w": "viết số ngày hoặc số tuần: 30d, 4w",

		"--unit is required": "thiếu --unit",
		"name the unit: --unit so-tttt (or part of its name)":                        "nêu đơn vị: --unit so-tttt (hoặc một phần tên)",
		"--month %q is not a month":                                                  "--month %q không phải một tháng",
		"write the month as YYYY-MM, e.g. 2024-04":                                   "viết tháng dạng YYYY-MM, ví dụ 2024-04",
		"--submitted %q is not a day":                                                "--submitted %q không phải một ngày",
		"%s (%s) owes no report for %s: it leads no open task then; nothing written": "%s (%s) không phải báo cáo %s: không chủ trì nhiệm vụ nào đang mở; không ghi tệp nào",
		"a unit owes a report for a month when it leads a task open then, or is in reporting.also; to report on a task it supports, copy another report and edit it": "đơn vị phải báo cáo một tháng khi chủ trì nhiệm vụ còn mở trong tháng đó, hoặc có tên trong reporting.also; để báo cáo nhiệm vụ mình phối hợp, sao chép một báo cáo khác rồi sửa",
		"cannot create %s: %v":                                                                "không tạo được %s: %v",
		"%s already exists; not overwriting it":                                               "%s đã có; không ghi đè",
		"edit the existing file, or delete it first to start over":                            "sửa tệp đã có, hoặc xóa nó để làm lại từ đầu",
		"warning: submitted is %s (today), after the deadline of %s (%s)":                     "cảnh báo: ngày gửi là %s (hôm nay), sau hạn báo cáo %s (%s)",
		"if the report was sent earlier, pass --submitted DATE or edit submitted in the file": "nếu báo cáo đã gửi sớm hơn, dùng --submitted NGÀY hoặc sửa submitted trong tệp",

		"%d files could not be formatted; plan06 validate explains why": "%d tệp không định dạng được; plan06 validate cho biết lý do",
		"%d files are not in canonical form; run plan06 fmt -w":         "%d tệp chưa ở dạng chuẩn; chạy plan06 fmt -w",
		"cannot read %s":           "không đọc được %s",
		"check the path":           "kiểm tra lại đường dẫn",
		"folder %s does not exist": "thư mục %s không tồn tại",

		"%s is not inside a git repository":                                                                             "%s không nằm trong kho git",
		"plan06 diff compares git revisions; run it inside the plan's git repository":                                   "plan06 diff so sánh các phiên bản git; hãy chạy trong kho git của kế hoạch",
		"name a branch, tag or commit that exists (git log shows them)":                                                 "nêu một nhánh, thẻ hoặc commit có thật (git log liệt kê)",
		"note: the plan at %s has %d validation errors (plan06 validate lists them); the diff shows what could be read": "lưu ý: kế hoạch ở %s có %d lỗi (plan06 validate liệt kê); bản so sánh chỉ gồm những gì đọc được",

		"%q is not a report period": "%q không phải kỳ báo cáo",
		"write the period as 2024-03 (a month), 2024-H1 or 2024-H2 (half year) or 2024 (year)": "viết kỳ dạng 2024-03 (tháng), 2024-H1 hoặc 2024-H2 (6 tháng) hoặc 2024 (năm)",
		"%s is not an .xlsx file name":                   "%s không phải tên tệp .xlsx",
		"name the file with .xlsx, e.g. -o bao-cao.xlsx": "đặt tên tệp đuôi .xlsx, ví dụ -o bao-cao.xlsx",
		"create the folder first, or choose another -o":  "tạo thư mục trước, hoặc chọn -o khác",
		"check that the folder exists and is writable":   "kiểm tra thư mục có tồn tại và ghi được không",
	})
}
