package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// reportFixture copies testdata/plans/basic into a temporary folder and
// makes five units owe the April 2024 cycle, three of which report:
// huyen-an-lac (the fixture's own, 12/04), cong-an-tinh (15/04, the
// deadline) and so-tttt (10/04); ubnd-tinh and huyen-dong-yen do not.
func reportFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan")
	if err := os.CopyFS(plan, os.DirFS("../../testdata/plans/basic")); err != nil {
		t.Fatal(err)
	}
	edit := func(name, old, new string) {
		t.Helper()
		path := filepath.Join(plan, name)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), old) {
			t.Fatalf("%s lacks %q", name, old)
		}
		if err := os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("plan.yaml", "  also: []\n", "  also: [ubnd-tinh, so-tttt]\n")
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(plan, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("reports/2024-04/cong-an-tinh.yaml", "submitted: 2024-04-15\ntasks:\n  - task: \"3.1.2\"\n    state: in-progress\n    values: {dvc-cong-an: 98}\n")
	write("reports/2024-04/so-tttt.yaml", "submitted: 2024-04-10\ntasks: []\n")
	return dir
}

// unitStates reads the Đơn vị sheet: unit name → reporting state.
func unitStates(t *testing.T, file string) map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Đơn vị")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows {
		if len(r) >= 4 && r[0] != "" && r[0] != "STT" {
			out[r[1]] = r[3]
		}
	}
	return out
}

// summaryText is every cell of Tổng hợp joined, for looking up lines.
func summaryText(t *testing.T, file string) string {
	t.Helper()
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Tổng hợp")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, " | ") + "\n")
	}
	return b.String()
}

// TestReportOnCompileDay: `plan06 report 2024-04` compiles on the compile
// day (Tuesday 16/04/2024, one working day after Monday's deadline), so the
// two units that did not report read "Chưa báo cáo", never "Chưa đến hạn",
// and the date line is the compile day.
func TestReportOnCompileDay(t *testing.T) {
	dir := reportFixture(t)
	env := map[string]string{"PLAN06_TODAY": "2024-04-20"}
	_, stderr, code := run(t, dir, env, "report", "2024-04")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("stderr: %q, want nothing on a past compile day", stderr)
	}
	states := unitStates(t, filepath.Join(dir, "bao-cao-de-an-06-2024-04.xlsx"))
	want := map[string]string{
		"Công an tỉnh": "Đúng hạn", "Sở Thông tin và Truyền thông": "Đúng hạn", "UBND huyện An Lạc": "Đúng hạn",
		"UBND tỉnh": "Chưa báo cáo", "UBND huyện Đông Yên": "Chưa báo cáo",
	}
	if len(states) != len(want) {
		t.Errorf("units %v, want %v", states, want)
	}
	for name, st := range want {
		if states[name] != st {
			t.Errorf("%s: %q, want %q", name, states[name], st)
		}
	}
	if s := summaryText(t, filepath.Join(dir, "bao-cao-de-an-06-2024-04.xlsx")); !strings.Contains(s, "ngày 16 tháng 04 năm 2024") {
		t.Errorf("the date line is not the compile day:\n%s", s)
	}
}

// TestReportProvisional: compiling before the compile day warns that the
// figures are provisional; the units that may still report are pending.
func TestReportProvisional(t *testing.T) {
	dir := reportFixture(t)
	_, stderr, code := run(t, dir, map[string]string{"PLAN06_TODAY": "2024-04-12"}, "report", "2024-04")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "số liệu tạm thời") || !strings.Contains(stderr, "16/04/2024") {
		t.Errorf("no provisional warning: %q", stderr)
	}
	// An explicit --as-of says which day: no compile day, no warning.
	_, stderr, _ = run(t, dir, map[string]string{"PLAN06_TODAY": "2024-04-20"}, "report", "2024-04", "--as-of", "2024-04-15", "-o", "b.xlsx")
	if stderr != "" {
		t.Errorf("stderr %q", stderr)
	}
	if st := unitStates(t, filepath.Join(dir, "b.xlsx")); st["UBND tỉnh"] != "Chưa đến hạn" {
		t.Errorf("on the deadline itself a unit without a report is pending, got %q", st["UBND tỉnh"])
	}
}

// TestReportIfCompileDay: the daily job writes only on the compile day.
func TestReportIfCompileDay(t *testing.T) {
	dir := reportFixture(t)
	stdout, stderr, code := run(t, dir, map[string]string{"PLAN06_TODAY": "2024-04-15"}, "report", "--if-compile-day")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stdout, "không phải ngày tổng hợp") || !strings.Contains(stdout, "16/04/2024") {
		t.Errorf("stdout %q", stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "bao-cao-de-an-06-2024-04.xlsx")); err == nil {
		t.Error("a workbook was written on a day that is not the compile day")
	}
	stdout, _, code = run(t, dir, map[string]string{"PLAN06_TODAY": "2024-04-16"}, "report", "--if-compile-day")
	if code != 0 || strings.TrimSpace(stdout) != "bao-cao-de-an-06-2024-04.xlsx" {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
	if st := unitStates(t, filepath.Join(dir, "bao-cao-de-an-06-2024-04.xlsx")); st["UBND tỉnh"] != "Chưa báo cáo" {
		t.Errorf("UBND tỉnh: %q", st["UBND tỉnh"])
	}
	// June 2024: the 15th is a Saturday, the deadline Monday 17/06, the
	// compile day Tuesday 18/06.
	stdout, _, _ = run(t, dir, map[string]string{"PLAN06_TODAY": "2024-06-17"}, "report", "--if-compile-day")
	if !strings.Contains(stdout, "18/06/2024") {
		t.Errorf("June's compile day: %q", stdout)
	}
}

// TestOutsidePlanWarning: a day outside the plan's period gets one warning
// line and the same exit code (SPEC §8.4).
func TestOutsidePlanWarning(t *testing.T) {
	dir := reportFixture(t)
	for _, tc := range []struct {
		today string
		warn  bool
	}{
		{"2026-12-02", true}, {"2023-12-20", true}, {"2025-02-14", false}, {"2025-02-15", true}, {"2024-04-20", false},
	} {
		_, stderr, code := run(t, dir, map[string]string{"PLAN06_TODAY": tc.today}, "status", "-o", "json")
		if code != 0 {
			t.Errorf("%s: exit %d", tc.today, code)
		}
		if got := strings.Count(stderr, "\n"); tc.warn && (got != 1 || !strings.Contains(stderr, "ngoài thời gian của kế hoạch")) || !tc.warn && stderr != "" {
			t.Errorf("%s: stderr %q", tc.today, stderr)
		}
	}
	// validate too ("every command"), its exit and findings unchanged.
	for _, today := range []string{"2026-12-02", "2024-04-20"} {
		_, stderr, code := run(t, dir, map[string]string{"PLAN06_TODAY": today}, "validate")
		if warned := strings.Contains(stderr, "ngoài thời gian của kế hoạch"); code != 0 || warned != (today == "2026-12-02") {
			t.Errorf("validate on %s: exit %d, stderr %q", today, code, stderr)
		}
	}
	_, stderr, _ := run(t, dir, map[string]string{"PLAN06_TODAY": "2026-12-02"}, "status", "--lang", "en")
	if want := "plan06: warning: 2026-12-02 is outside the plan's period (2024-01-01 – 2024-12-31); the figures may not be what you expect, choose the day with --as-of, e.g. --as-of 2024-12-31\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
}
