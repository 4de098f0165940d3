package form

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
)

// wantFilled checks the answers both real clients type into the form of
// huyen-dong-yen: task 3.2 (row 10) done on 10/04/2024 with a result, and
// its target (row 14) at 97.5.
func wantFilled(t *testing.T, data []byte, who string) {
	t.Helper()
	fl, ds := Read("phieu-bao-cao-2024-04-huyen-dong-yen.xlsx", data)
	if ds.HasErrors() {
		t.Fatalf("%s: %s", who, lines(ds))
	}
	fl.Report.Submitted = model.Date{Date: april20}
	out, err := ReportYAML(&fl.Report)
	if err != nil {
		t.Fatal(err)
	}
	want := `submitted: 2024-04-20
document: Báo cáo số 12/BC-UBND ngày 14/4/2024
tasks:
  - task: "1.1"
    state: in-progress
    progress: 30
  - task: "3.2"
    state: done
    progress: 100
    done: 2024-04-10
    values: {lien-thong: 97.5}
    result: =Đã liên thông 100% xã
`
	if string(out) != want {
		t.Errorf("%s: got\n%s\nwant\n%s", who, out, want)
	}
}

func lookTool(t *testing.T, env string, names ...string) string {
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv(env) == "1" {
		t.Fatalf("%s=1 but none of %v is installed", env, names)
	}
	t.Skipf("%v not installed", names)
	return ""
}

// TestLibreOfficeFilled types the answers into a copy of the form, has
// LibreOffice open it and save it as xlsx (its own writer: shared strings,
// styles, protection and validations written its way), and imports what
// LibreOffice saved. Skipped without LibreOffice unless
// PLAN06_REQUIRE_LIBREOFFICE=1.
func TestLibreOfficeFilled(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	bin := lookTool(t, "PLAN06_REQUIRE_LIBREOFFICE", "libreoffice", "soffice")
	dir := t.TempDir()
	typed := edit(t, makeForm(t, "huyen-dong-yen", april20, i18n.VI), func(f *excelize.File, sheet string) {
		f.SetCellStr(sheet, "D5", "Báo cáo số 12/BC-UBND ngày 14/4/2024")
		f.SetCellStr(sheet, "F9", "Đang thực hiện")
		f.SetCellValue(sheet, "G9", 30)
		f.SetCellStr(sheet, "F10", "Hoàn thành")
		f.SetCellValue(sheet, "G10", 100)
		f.SetCellStr(sheet, "H10", "10/04/2024")
		f.SetCellStr(sheet, "I10", "=Đã liên thông 100% xã") // text that starts with =: stays text
		f.SetCellStr(sheet, "F14", "97,5")
	})
	in := filepath.Join(dir, "in", "phieu.xlsx")
	os.MkdirAll(filepath.Dir(in), 0o755)
	if err := os.WriteFile(in, typed, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out := filepath.Join(dir, "out")
	cmd := exec.CommandContext(ctx, bin, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, in)
	cmd.Env = append(os.Environ(), "HOME="+filepath.Join(dir, "home"))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	saved, err := os.ReadFile(filepath.Join(out, "phieu.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	wantFilled(t, saved, "libreoffice")
}

// TestOpenpyxlFilled fills the form with openpyxl (python3-openpyxl), whose
// files differ from excelize's (inline strings, its own date styles), and
// imports it. Skipped without openpyxl unless PLAN06_REQUIRE_TOOLS=1.
func TestOpenpyxlFilled(t *testing.T) {
	py := ""
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import openpyxl").Run() == nil {
			py = p
			break
		}
	}
	if py == "" {
		if os.Getenv("PLAN06_REQUIRE_TOOLS") == "1" {
			t.Fatal("PLAN06_REQUIRE_TOOLS=1 but python3 cannot import openpyxl (apt-get install python3-openpyxl)")
		}
		t.Skip("openpyxl not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "phieu.xlsx")
	if err := os.WriteFile(in, makeForm(t, "huyen-dong-yen", april20, i18n.VI), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
ws["D5"] = "Báo cáo số 12/BC-UBND ngày 14/4/2024"
ws["F9"] = "dang thuc hien"
ws["G9"] = 30
ws["F10"] = "Hoàn thành"
ws["G10"] = 100
ws["H10"] = datetime.datetime(2024, 4, 10)
ws["I10"] = "=Đã liên thông 100% xã"
ws["I10"].data_type = "s"
ws["F14"] = 97.5
wb.save(sys.argv[1])
`
	if b, err := exec.Command(py, "-c", script, in).CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, b)
	}
	saved, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	wantFilled(t, saved, "openpyxl")
}
