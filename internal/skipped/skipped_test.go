package skipped

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRecord(t *testing.T) {
	file := filepath.Join(t.TempDir(), "skips")
	t.Setenv("PLAN06_SKIPS", file)
	Record("yamllint", "apt-get install yamllint")
	Record("LibreOffice", "apt-get install libreoffice-calc-nogui")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want := "skipped: the yamllint check, yamllint is not installed; to run it: apt-get install yamllint\n" +
		"skipped: the LibreOffice check, LibreOffice is not installed; to run it: apt-get install libreoffice-calc-nogui\n"
	if string(b) != want {
		t.Errorf("got %q, want %q", b, want)
	}
	t.Setenv("PLAN06_SKIPS", "")
	Record("x", "y") // nowhere to write: nothing happens
}
