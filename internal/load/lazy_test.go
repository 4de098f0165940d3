//go:build unix

package load

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/planfs"
)

// loadDir loads the plan folder at dir through a planfs.Dir, as the
// command line does, listing the files read unsized or not.
func loadDir(t *testing.T, dir string, lazy bool) (*model.Plan, diag.Diagnostics) {
	t.Helper()
	fsys, err := planfs.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	defer func(old bool) { lazyListing = old }(lazyListing)
	lazyListing = lazy
	p, ds, err := Load(fsys, "plan")
	if err != nil {
		t.Fatal(err)
	}
	return p, ds
}

// hostilePlan copies the basic plan and adds what a hostile checkout may
// hold, in its top folder and among the reports; it returns the plan
// folder.
func hostilePlan(t *testing.T, perms bool) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "plan")
	if err := os.CopyFS(dir, os.DirFS("../../testdata/plans/basic")); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	at := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	must(os.WriteFile(filepath.Join(root, "outside.yaml"), []byte("tasks: []\n"), 0o644))
	must(syscall.Mkfifo(at("reports/2024-03/fifo-unit.yaml"), 0o644))
	must(syscall.Mkfifo(at("tasks/a-fifo.yaml"), 0o644))
	must(os.Symlink("../calendar.yaml", at("tasks/link.yaml")))
	must(os.Symlink("../../outside.yaml", at("tasks/out.yaml")))
	must(os.Symlink("nothing.yaml", at("tasks/gone.yaml")))
	must(os.Symlink("../tasks", at("reports/2024-05")))
	must(os.WriteFile(at("notes.txt"), []byte("stray\n"), 0o644))
	must(os.WriteFile(at("README.md"), []byte("# plan\n"), 0o644))
	must(os.WriteFile(at("reports/2024-03/bad unit.yml"), []byte("{\n"), 0o644))
	f, err := os.Create(at("tasks/huge.yaml"))
	must(err)
	must(f.Truncate(MaxFileSize + 1))
	must(f.Close())
	if perms && os.Geteuid() != 0 { // root reads and searches anything
		must(os.MkdirAll(at("reports/2024-07"), 0o755))
		must(os.WriteFile(at("reports/2024-07/so-tttt.yaml"), []byte("{}\n"), 0o644))
		must(os.Chmod(at("reports/2024-07"), 0o644)) // listed, not searched
		must(os.Chmod(at("calendar.yaml"), 0))
		t.Cleanup(func() { os.Chmod(at("reports/2024-07"), 0o755) })
	}
	return dir
}

// TestLazyListingSameResult loads plans through a planfs.Dir with the
// files read listed unsized and described: the plan and every diagnostic,
// in order, must be the same.
func TestLazyListingSameResult(t *testing.T) {
	for _, dir := range []string{"../../plan", "../../testdata/plans/basic", hostilePlan(t, true)} {
		lazy, lazyDiags := loadDir(t, dir, true)
		eager, eagerDiags := loadDir(t, dir, false)
		if !reflect.DeepEqual(lazy, eager) {
			t.Errorf("%s: the plan read with files listed unsized differs", dir)
		}
		if !reflect.DeepEqual(lazyDiags, eagerDiags) {
			t.Errorf("%s: diagnostics differ:\nunsized:   %v\ndescribed: %v", dir, lazyDiags, eagerDiags)
		}
		if len(eagerDiags) == 0 && dir != "../../plan" && dir != "../../testdata/plans/basic" {
			t.Errorf("%s: no diagnostics", dir)
		}
		if strings.HasPrefix(dir, "../") || os.Geteuid() == 0 {
			continue
		}
		// A folder listed but not searched is refused as a whole, as
		// os.Root lists it.
		found := false
		for _, d := range lazyDiags {
			found = found || d.Pos.File == "plan/reports/2024-07" && d.Key == "unreadable"
		}
		if !found {
			t.Errorf("reports/2024-07 (mode r without x) not refused: %v", lazyDiags)
		}
	}
}

// TestLazyListingChangedFiles: a file listed unsized that is something
// else when it is read (a FIFO, a link out, a dangling link, a link to a
// folder, put in its place meanwhile) is refused as the walker refuses
// that thing, in the walker's order, and dropped from the files read:
// the same plan and diagnostics as a folder that held those from the
// start.
func TestLazyListingChangedFiles(t *testing.T) {
	changes := map[string]func(p string) error{
		"units.yaml":                        func(p string) error { return syscall.Mkfifo(p, 0o644) },
		"tasks/chung.yaml":                  func(p string) error { return os.Symlink("../../outside.yaml", p) },
		"tasks/dot-pha.yaml":                func(p string) error { return os.Symlink("nothing.yaml", p) },
		"reports/2024-03/so-tttt.yaml":      func(p string) error { return os.Symlink("..", p) },
		"reports/2024-04/huyen-an-lac.yaml": func(p string) error { return syscall.Mkfifo(p, 0o644) },
	}
	change := func(dir, rel string) {
		if c, ok := changes[rel]; ok {
			p := filepath.Join(dir, filepath.FromSlash(rel))
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			if err := c(p); err != nil {
				t.Fatal(err)
			}
		}
	}
	dir := hostilePlan(t, false)
	for rel := range changes {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(rel))); err != nil {
			t.Fatal(err)
		}
	}
	testHookRead = func(rel string) { change(dir, rel) }
	lazy, lazyDiags := loadDir(t, dir, true)
	testHookRead = nil

	changed := hostilePlan(t, false)
	for rel := range changes {
		change(changed, rel)
	}
	eager, eagerDiags := loadDir(t, changed, false)
	if !reflect.DeepEqual(lazy, eager) {
		t.Errorf("the plan read with files changed after listing differs")
	}
	if !reflect.DeepEqual(lazyDiags, eagerDiags) {
		t.Errorf("diagnostics differ:\nchanged after listing: %v\nchanged before:        %v", lazyDiags, eagerDiags)
	}
	refused := 0
	for _, d := range eagerDiags {
		switch d.Key {
		case "not-regular", "symlink-outside", "symlink-dangling", "symlink-dir":
			refused++
		}
	}
	if refused < 5+5 {
		t.Errorf("%d paths refused, want at least 10:\n%v", refused, eagerDiags)
	}
}
