package xlsx

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/skipped"
)

// TestLibreOffice converts the workbook to PDF with LibreOffice: it must
// open the file (no repair) and print it. Skipped when LibreOffice is not
// installed, unless PLAN06_REQUIRE_LIBREOFFICE=1.
func TestLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	bin := ""
	for _, name := range []string{"libreoffice", "soffice"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		if os.Getenv("PLAN06_REQUIRE_LIBREOFFICE") == "1" {
			t.Fatal("PLAN06_REQUIRE_LIBREOFFICE=1 but neither libreoffice nor soffice is on PATH")
		}
		skipped.Record("LibreOffice", "apt-get install libreoffice-calc-nogui")
		t.Skip("libreoffice is not installed")
	}
	dir := t.TempDir()
	// The third workbook has every part compressed at flate.BestSpeed, as
	// the large parts of a country workbook are (fastPartSize).
	for _, c := range []struct {
		lang i18n.Lang
		name string
		fast bool
	}{{i18n.VI, "vi", false}, {i18n.EN, "en", false}, {i18n.VI, "vi-fast", true}} {
		lang := c.name
		xlsx := filepath.Join(dir, "bao-cao-"+string(lang)+".xlsx")
		fast := fastPartSize
		if c.fast {
			fastPartSize = 0
		}
		err := WriteFile(xlsx, fixture(), fixtureOptions(c.lang))
		fastPartSize = fast
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		cmd := exec.CommandContext(ctx, bin, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx)
		// A fresh profile: LibreOffice must not touch the user's, and two
		// runs must not share one.
		cmd.Env = append(os.Environ(), "HOME="+filepath.Join(dir, "home-"+string(lang)))
		out, err := cmd.CombinedOutput()
		cancel()
		if err != nil {
			t.Fatalf("%s: %v\n%s", lang, err, out)
		}
		pdf := filepath.Join(dir, "bao-cao-"+string(lang)+".pdf")
		fi, err := os.Stat(pdf)
		if err != nil {
			t.Fatalf("%s: no PDF: %v\n%s", lang, err, out)
		}
		if fi.Size() < 1000 {
			t.Errorf("%s: PDF of %d bytes", lang, fi.Size())
		}
		if dst := os.Getenv("PLAN06_KEEP_PDF"); dst != "" {
			b, _ := os.ReadFile(pdf)
			_ = os.WriteFile(filepath.Join(dst, filepath.Base(pdf)), b, 0o644)
		}
	}
}
