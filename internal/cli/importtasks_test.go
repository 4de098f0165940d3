package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/plan06/plan06/internal/i18n"

	"github.com/xuri/excelize/v2"
)

// appendixPlan copies the basic fixture to DIR/plan and writes rows as the
// first sheet of DIR/phu-luc.xlsx; it returns DIR.
func appendixPlan(t *testing.T, rows [][]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "plan"), os.DirFS("../../testdata/plans/basic")); err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		for c, v := range row {
			name, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellStr("Sheet1", name, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(filepath.Join(dir, "phu-luc.xlsx")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// An appendix as provinces write it: the header in longer words, a support
// cell that names a unit and then "the units concerned".
var realAppendix = [][]string{
	{"PHỤ LỤC"},
	{"STT.", "Nội dung nhiệm vụ", "Cơ quan, đơn vị chủ trì", "Cơ quan, đơn vị phối hợp", "Thời gian hoàn thành"},
	{"1", "Số hóa hồ sơ", "Công an tỉnh", "Sở Thông tin và Truyền thông, các cơ quan, đơn vị có liên quan", "Quý III năm 2024"},
}

func TestImportTasksRealHeader(t *testing.T) {
	dir := appendixPlan(t, realAppendix)
	stdout, stderr, code := run(t, dir, nil, "import", "tasks", "phu-luc.xlsx", "--group", "dot-pha-dvc", "--prefix", "9.")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	got, err := os.ReadFile(filepath.Join(dir, "plan", "tasks", "dot-pha-dvc.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := `tasks:
  - id: "9.1"
    ref: dot-pha-dvc, 1
    group: dot-pha-dvc
    title: Số hóa hồ sơ
    lead: [cong-an-tinh]
    support: [so-tttt]
    support_note: các cơ quan, đơn vị có liên quan
    due: Quý III năm 2024
`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, stderr, code := run(t, "", nil, "validate"); code != 0 {
		t.Errorf("validate: exit %d\n%s", code, stderr)
	}
}

// The group's default task file exists: one clear refusal (exit 2) naming
// it and a free name, before the table is read.
func TestImportTasksFileExists(t *testing.T) {
	dir := appendixPlan(t, realAppendix)
	for _, lang := range []string{"vi", "en"} {
		stdout, stderr, code := run(t, dir, nil, "import", "tasks", "phu-luc.xlsx", "--group", "chung", "--lang", lang)
		if code != ExitUsage {
			t.Errorf("%s: exit %d, want 2", lang, code)
		}
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if len(lines) != 2 || !strings.Contains(lines[0], "plan/tasks/chung.yaml") || !strings.Contains(lines[1], "-o tasks/chung-2.yaml") {
			t.Errorf("%s: stderr\n%s", lang, stderr)
		}
		if stdout != "" {
			t.Errorf("%s: stdout %q", lang, stdout)
		}
	}
	if _, stderr, code := run(t, dir, nil, "import", "tasks", "phu-luc.xlsx", "--group", "chung", "-o", "tasks/dot-pha.yaml"); code != ExitUsage || !strings.Contains(stderr, "plan/tasks/dot-pha.yaml") {
		t.Errorf("-o an existing file: exit %d\n%s", code, stderr)
	}
}

// -o may name the task file from the working folder when it lands inside
// the plan folder; anything outside tasks/ is refused.
func TestImportTasksOutput(t *testing.T) {
	dir := appendixPlan(t, realAppendix)
	for _, c := range []struct {
		o, file string
	}{
		{"plan/tasks/moi.yaml", "moi.yaml"},
		{"tasks/moi-2.yaml", "moi-2.yaml"},
		{"./plan/tasks/../tasks/moi-3.yaml", "moi-3.yaml"},
		// SPEC §2: .yml is accepted.
		{"tasks/moi-4.yml", "moi-4.yml"},
		{"plan/tasks/moi-5.yml", "moi-5.yml"},
	} {
		prefix := "9" + strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(c.file, "moi"), ".yaml"), ".yml") + "."
		_, stderr, code := run(t, dir, nil, "import", "tasks", "phu-luc.xlsx", "--group", "chung", "--prefix", prefix, "-o", c.o)
		if code != 0 {
			t.Errorf("-o %s: exit %d\n%s", c.o, code, stderr)
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "plan", "tasks", c.file)); err != nil {
			t.Errorf("-o %s: %v", c.o, err)
		}
	}
	// An existing .yml is refused as a .yaml is, with a free .yml name.
	if _, stderr, code := run(t, dir, nil, "import", "tasks", "phu-luc.xlsx", "--group", "chung", "-o", "tasks/moi-4.yml"); code != ExitUsage || !strings.Contains(stderr, "-o tasks/moi-4-2.yml") {
		t.Errorf("-o an existing .yml: exit %d\n%s", code, stderr)
	}
	for _, o := range []string{"plan/moi.yaml", "moi.yaml", "../tasks/x.yaml", "plan/tasks/x.yml.txt", "tasks/.yml", "tasks/x.json"} {
		if _, stderr, code := run(t, dir, nil, "import", "tasks", "phu-luc.xlsx", "--group", "chung", "-o", o); code != ExitUsage {
			t.Errorf("-o %s: exit %d, want 2\n%s", o, code, stderr)
		}
	}
}

// A form that cannot be read says why in the run's language for the
// common causes (the tests may run as root, where no file is unreadable:
// the errors are made here), and as the system words it otherwise.
func TestInputErr(t *testing.T) {
	for _, c := range []struct {
		err    error
		vi, en string
	}{
		{&fs.PathError{Op: "stat", Path: "x.xlsx", Err: fs.ErrNotExist}, "không đọc được x.xlsx: không có tệp này", "cannot read x.xlsx: no such file"},
		{&fs.PathError{Op: "open", Path: "x.xlsx", Err: syscall.EACCES}, "không đọc được x.xlsx: không có quyền đọc tệp", "cannot read x.xlsx: permission denied"},
		{&fs.PathError{Op: "read", Path: "x.xlsx", Err: errors.New("input/output error")}, "không đọc được x.xlsx: input/output error", "cannot read x.xlsx: input/output error"},
	} {
		var ee *exitError
		if !errors.As(inputErr("x.xlsx", c.err), &ee) || ee.code != ExitUsage {
			t.Fatalf("%v: not a usage error", c.err)
		}
		if got := i18n.Say(i18n.VI, ee.format, ee.args...); got != c.vi {
			t.Errorf("vi: got %q, want %q", got, c.vi)
		}
		if got := i18n.Say(i18n.EN, ee.format, ee.args...); got != c.en {
			t.Errorf("en: got %q, want %q", got, c.en)
		}
		if i18n.Text(i18n.VI, ee.hint) == ee.hint {
			t.Errorf("%v: hint %q has no Vietnamese", c.err, ee.hint)
		}
	}
}
