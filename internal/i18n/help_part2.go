package i18n

// The command line of part two in Vietnamese: report --docx and
// --if-compile-day, remind, form, import and import tasks, keyed by their
// English text (see english.go).

func init() {
	RegisterEnglish(map[string]string{
		// report
		"report writes the province's report as an Excel workbook: the Decree 30/2020 header, the summary,\nthe appendix table of tasks with the units' results, the units' reporting record and what is overdue.\nPERIOD is a month (2024-03, default: the current cycle), 2024-H1 (sơ kết 6 tháng) or 2024 (tổng kết năm).\nThe day defaults to the compile day of the period's last cycle (reporting.compile_after working days after\nits deadline), so that a unit without a report reads as missing; --as-of overrides it. Without PERIOD the\nperiod is the month of --as-of, else of today. --if-compile-day writes the current cycle's workbook only on\nits compile day and otherwise says so and exits 0 (for a daily scheduled job). The same plan and day give\nthe same bytes. --docx (or -o FILE.docx) writes the signed report instead, in the Decree 30/2020 layout,\nwith the paragraphs of notes/YYYY-MM.md under 1. Công tác chỉ đạo, điều hành.": "report ghi báo cáo của tỉnh thành tệp Excel: phần đầu theo Nghị định 30/2020, phần tổng hợp,\nphụ lục nhiệm vụ với kết quả của các đơn vị, tình hình báo cáo của các đơn vị và các nhiệm vụ quá hạn.\nPERIOD là một tháng (2024-03, mặc định: kỳ hiện tại), 2024-H1 (sơ kết 6 tháng) hoặc 2024 (tổng kết năm).\nNgày tính mặc định là ngày tổng hợp của kỳ cuối cùng trong khoảng (reporting.compile_after ngày làm việc\nsau hạn nộp), để đơn vị chưa gửi báo cáo được ghi là chưa báo cáo; --as-of chọn ngày khác. Không có PERIOD\nthì lấy tháng của --as-of, nếu không thì tháng hiện tại. --if-compile-day chỉ ghi báo cáo kỳ hiện tại vào\nđúng ngày tổng hợp, các ngày khác chỉ thông báo và thoát với mã 0 (cho tác vụ chạy hằng ngày). Cùng kế\nhoạch và cùng ngày cho ra cùng các byte. --docx (hoặc -o TỆP.docx) ghi báo cáo để ký, theo thể thức\nNghị định 30/2020, với các đoạn của notes/YYYY-MM.md ở mục 1. Công tác chỉ đạo, điều hành.",
		"file to write (default bao-cao-de-an-06-PERIOD.xlsx, or .docx with --docx)":                         "tệp cần ghi (mặc định bao-cao-de-an-06-PERIOD.xlsx, hoặc .docx khi có --docx)",
		"write the signed report (Word) instead of the workbook":                                             "ghi báo cáo để ký (Word) thay cho tệp Excel",
		"write the current cycle's workbook only when today is its compile day; otherwise say so and exit 0": "chỉ ghi báo cáo kỳ hiện tại khi hôm nay là ngày tổng hợp; các ngày khác chỉ thông báo và thoát với mã 0",
		"--if-compile-day picks the current cycle itself; drop PERIOD":                                       "--if-compile-day tự chọn kỳ hiện tại; bỏ PERIOD",
		"--if-compile-day takes no PERIOD":                                                                   "--if-compile-day không nhận PERIOD",
		"%s is not a %s file name":                                                                           "%s không phải tên tệp %s",
		"cannot write %s: %v":                                                                                "không ghi được %s: %v",

		// remind
		"Write the standing office's reminder to late units (markdown or Word)": "Ghi văn bản đôn đốc của Thường trực gửi các đơn vị chậm (markdown hoặc Word)",
		"remind writes the reminder (văn bản đôn đốc) of the standing office: the units that have not reported\nthe cycle or reported late, and the units with overdue tasks, each with its tasks and days overdue.\nThe day is --as-of (default today); the cycle defaults to the latest whose deadline has passed.\nMarkdown (the default, on stdout) is for e-mail and chat; --docx writes don-doc-de-an-06-M.docx.": "remind ghi văn bản đôn đốc của Thường trực: các đơn vị chưa gửi hoặc gửi chậm báo cáo của kỳ,\nvà các đơn vị có nhiệm vụ quá hạn, kèm từng nhiệm vụ và số ngày quá hạn.\nNgày tính là --as-of (mặc định hôm nay); kỳ mặc định là kỳ gần nhất đã qua hạn nộp.\nMarkdown (mặc định, in ra màn hình) dùng cho thư điện tử và tin nhắn; --docx ghi don-doc-de-an-06-M.docx.",
		"reporting cycle, YYYY-MM (default: the latest cycle whose deadline has passed)": "kỳ báo cáo, YYYY-MM (mặc định: kỳ gần nhất đã qua hạn nộp)",
		"markdown (stdout) or a file name ending in .docx":                               "markdown (in ra màn hình) hoặc tên tệp kết thúc bằng .docx",
		"write the reminder as a Word document":                                          "ghi văn bản đôn đốc thành tệp Word",
		"use -o markdown, --docx or -o FILE.docx":                                        "dùng -o markdown, --docx hoặc -o TỆP.docx",
		"write the cycle as YYYY-MM, e.g. --cycle 2024-04":                               "viết kỳ dạng YYYY-MM, ví dụ --cycle 2024-04",
		"write the cycle as YYYY-MM, e.g. 2024-04":                                       "viết kỳ dạng YYYY-MM, ví dụ 2024-04",

		// form
		"Write a unit's report form (xlsx) to fill in and send back": "Ghi phiếu báo cáo (xlsx) để đơn vị điền và gửi lại",
		"form writes the unit's report form for cycle M (default: the current cycle): one row per task the unit\nleads or supports that is not done, prefilled from its last report, with drop-downs and checks on the\nanswer cells. --all writes one form per unit that owes the cycle into DIR. Import the filled forms with\nplan06 import. The same plan and day give the same bytes.": "form ghi phiếu báo cáo của đơn vị cho kỳ M (mặc định: kỳ hiện tại): mỗi nhiệm vụ đơn vị chủ trì hoặc\nphối hợp chưa hoàn thành là một dòng, điền sẵn theo báo cáo gần nhất, có danh sách chọn và kiểm tra ở\ncác ô trả lời. --all ghi phiếu cho mọi đơn vị phải báo cáo kỳ này vào thư mục DIR. Nhập phiếu đã điền\nbằng plan06 import. Cùng kế hoạch và cùng ngày cho ra cùng các byte.",
		"file to write (default phieu-bao-cao-M-U.xlsx); with --all, the folder": "tệp cần ghi (mặc định phieu-bao-cao-M-U.xlsx); với --all là thư mục",
		"one form per unit that owes the cycle, into the folder -o names":        "mỗi đơn vị phải báo cáo kỳ này một phiếu, ghi vào thư mục -o",
		"--all needs -o DIR":                                                        "--all cần -o THƯ_MỤC",
		"--unit and --all exclude each other":                                       "không dùng --unit cùng với --all",
		"--unit or --all is required":                                               "cần --unit hoặc --all",
		"name the file with .xlsx, e.g. -o phieu.xlsx":                              "đặt tên tệp đuôi .xlsx, ví dụ -o phieu.xlsx",
		"name the folder: plan06 form --all -o phieu/":                              "nêu thư mục: plan06 form --all -o phieu/",
		"name the unit: --unit so-tttt (or part of its name), or pass --all -o DIR": "nêu đơn vị: --unit so-tttt (hoặc một phần tên), hoặc dùng --all -o THƯ_MỤC",
		"use --unit U for one form or --all -o DIR for every unit":                  "dùng --unit U cho một phiếu hoặc --all -o THƯ_MỤC cho mọi đơn vị",

		// import
		"Turn filled report forms into reports/M/U.yaml": "Chuyển các phiếu báo cáo đã điền thành reports/M/U.yaml",
		"import reads report forms made by plan06 form and filled in by the units, and writes each as\nreports/M/U.yaml in canonical form, M being the cycle the form's hidden keys give (a form for an earlier\nmonth is a late report; --cycle M refuses forms for any other cycle). It checks that every form belongs\nto this plan, reads state names in Vietnamese or English, a decimal comma and dates typed as\ndd/mm/yyyy, and validates the plan with the new reports before writing any: on any error nothing is\nwritten and each error names the file, sheet and cell. An existing report is replaced only with --force,\nwhich prints the difference first. submitted defaults to today.": "import đọc các phiếu báo cáo do plan06 form tạo và các đơn vị đã điền, rồi ghi mỗi phiếu thành\nreports/M/U.yaml ở dạng chuẩn, M là kỳ ghi trong khóa ẩn của phiếu (phiếu của tháng trước là báo cáo\nmuộn; --cycle M từ chối phiếu của kỳ khác). Lệnh kiểm tra mỗi phiếu thuộc kế hoạch này, đọc tên trạng\nthái bằng tiếng Việt hoặc tiếng Anh, dấu phẩy thập phân và ngày gõ dạng dd/mm/yyyy, và kiểm tra kế\nhoạch cùng các báo cáo mới trước khi ghi: có lỗi thì không ghi tệp nào và mỗi lỗi nêu tệp, trang tính\nvà ô. Báo cáo đã có chỉ bị thay khi có --force, lệnh in phần khác biệt trước. Ngày gửi (submitted)\nmặc định là hôm nay.",
		"the day the reports were sent (default today)":                                    "ngày gửi báo cáo (mặc định hôm nay)",
		"accept only forms for this cycle, YYYY-MM (default: each form's own cycle)":       "chỉ nhận phiếu của kỳ này, YYYY-MM (mặc định: kỳ ghi trong mỗi phiếu)",
		"check everything and say what would be written, write nothing":                    "kiểm tra tất cả và nói sẽ ghi gì, không ghi tệp nào",
		"replace existing reports (the difference is printed first)":                       "thay báo cáo đã có (in phần khác biệt trước)",
		"another import wrote it meanwhile; run plan06 import again to see the difference": "một lần import khác vừa ghi tệp này; chạy lại plan06 import để xem khác biệt",
		"cannot read %s: %s":                                                        "không đọc được %s: %s",
		"cannot read %s: not a regular file":                                        "không đọc được %s: không phải tệp thông thường",
		"cannot read %s: no such file":                                              "không đọc được %s: không có tệp này",
		"cannot read %s: permission denied":                                         "không đọc được %s: không có quyền đọc tệp",
		"cannot read %s: it is a folder":                                            "không đọc được %s: đây là thư mục, không phải tệp",
		"check the file name and the folder plan06 runs in":                         "kiểm tra tên tệp và thư mục đang chạy plan06",
		"ask for permission to read the file, or copy it somewhere you may read it": "xin quyền đọc tệp, hoặc chép tệp sang chỗ bạn đọc được",
		"check the file name and that you may read it":                              "kiểm tra tên tệp và quyền đọc tệp",
		"name the .xlsx file itself":                                                "nêu chính tệp .xlsx",
		"write the day as 2024-04-14 or 14/04/2024":                                 "viết ngày dạng 2024-04-14 hoặc 14/04/2024",

		// import tasks
		"Turn an appendix table of tasks (xlsx) into a task file": "Chuyển bảng phụ lục nhiệm vụ (xlsx) thành tệp nhiệm vụ",
		"import tasks reads the first sheet of FILE.xlsx, finds the header row by its key words, accents, case and\npunctuation aside (STT or TT | nội dung or nhiệm vụ | chủ trì | phối hợp | thời gian or thời hạn: \"Cơ quan,\nđơn vị chủ trì\" is the lead; a \"bắt đầu\" column is never the deadline, a \"hoàn thành\" one is preferred),\nresolves unit names the way --unit does (in the support column, a \"các cơ quan … có liên quan\" or \"Sở,\nban, ngành liên quan\" phrase becomes support_note), keeps each deadline as written and writes a task file\nthat validates. Each task's id is the prefix (default: the group's ref, else its id, and a dot) and the\nrow's STT. -o is relative to the plan folder (default tasks/GROUP.yaml), or to the working folder when it\npoints inside the plan folder (-o plan/tasks/x.yaml); an existing file is never replaced.": "import tasks đọc trang tính đầu của FILE.xlsx, tìm dòng tiêu đề theo từ khóa, không phân biệt dấu, chữ hoa\nvà dấu câu (STT hoặc TT | nội dung hoặc nhiệm vụ | chủ trì | phối hợp | thời gian hoặc thời hạn: \"Cơ quan,\nđơn vị chủ trì\" là cột chủ trì; cột \"bắt đầu\" không bao giờ là thời hạn, cột \"hoàn thành\" được ưu tiên),\nnhận tên đơn vị như --unit (ở cột phối hợp, cụm \"các cơ quan … có liên quan\" hoặc \"Sở, ban, ngành liên\nquan\" thành support_note), giữ nguyên thời hạn như đã viết và ghi một tệp nhiệm vụ hợp lệ. Mã mỗi\nnhiệm vụ là tiền tố (mặc định: số thứ tự của nhóm, nếu không có thì mã nhóm, và dấu chấm) cộng STT của\ndòng. -o tính từ thư mục kế hoạch (mặc định tasks/NHÓM.yaml), hoặc từ thư mục đang làm việc khi trỏ vào\ntrong thư mục kế hoạch (-o plan/tasks/x.yaml); không bao giờ thay tệp đã có.",
		"the group of the tasks (id or part of its title)":                                        "nhóm của các nhiệm vụ (mã hoặc một phần tên)",
		"task id prefix (default: the group's ref or id and a dot)":                               "tiền tố mã nhiệm vụ (mặc định: số thứ tự hoặc mã của nhóm và dấu chấm)",
		"task file to write, relative to the plan folder or inside it (default tasks/GROUP.yaml)": "tệp nhiệm vụ cần ghi, tính từ thư mục kế hoạch hoặc nằm trong đó (mặc định tasks/NHÓM.yaml)",
		"%s already exists": "%s đã có",
		"import tasks never replaces a task file; write a new one, e.g. -o %s": "import tasks không bao giờ thay tệp nhiệm vụ đã có; ghi tệp mới, ví dụ -o %s",
		"check everything and print the task file, write nothing":              "kiểm tra tất cả và in tệp nhiệm vụ, không ghi gì",
		"--group is required": "cần --group",
		"name the group the tasks belong to: --group dot-pha":                  "nêu nhóm của các nhiệm vụ: --group dot-pha",
		"-o %s is not a task file of the plan":                                 "-o %s không phải tệp nhiệm vụ của kế hoạch",
		"write the task file as tasks/NAME.yaml (relative to the plan folder)": "ghi tệp nhiệm vụ dạng tasks/TÊN.yaml (tính từ thư mục kế hoạch)",

		// status
		"exit 3 when any of these statuses, outcomes or report states is present (e.g. overdue,open-overdue,missing)": "thoát với mã 3 khi có một trong các tình trạng, kết quả hoặc trạng thái báo cáo này (ví dụ overdue,open-overdue,missing)",
		"--fail-on takes statuses (%s), outcomes (%s) and report states (%s)":                                         "--fail-on nhận tình trạng (%s), kết quả (%s) và trạng thái báo cáo (%s)",

		// fmt
		"%s is not a YAML file":          "%s không phải tệp YAML",
		"%s is not inside a plan folder": "%s không nằm trong thư mục kế hoạch",
		"fmt formats plan files: name .yaml or .yml files, or a folder of the plan":          "fmt định dạng các tệp kế hoạch: nêu tệp .yaml, .yml hoặc một thư mục của kế hoạch",
		"fmt formats the files of a plan folder (one that holds plan.yaml); pass --plan DIR": "fmt định dạng các tệp của thư mục kế hoạch (thư mục có plan.yaml); dùng --plan THƯ_MỤC",
	})
}
