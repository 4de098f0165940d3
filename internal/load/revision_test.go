package load

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/gitrev"
	"github.com/plan06/plan06/internal/model"
)

// TestRevisionsShareReports: two revisions of one repository, read through
// the same gitrev.Repo, decode a report unchanged between them once (the
// second plan holds the very entries of the first), decode a changed one
// anew, and give the plans and diagnostics a fresh load gives; so do the
// reports the second revision's FS leaves unread, when opened.
func TestRevisionsShareReports(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@t", "-c", "gc.auto=0"}, args...)...)
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	plan := filepath.Join(repo, "plan")
	if err := os.CopyFS(plan, os.DirFS("../../testdata/plans/reports")); err != nil {
		t.Fatal(err)
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "one")
	changed := filepath.Join(plan, "reports", "2024-03", "so-tttt.yaml")
	src, err := os.ReadFile(changed)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "submitted: 2024-03-1", "submitted: 2024-03-0", 1)
	if edited == string(src) {
		t.Fatal("the test report has no submitted date to change")
	}
	if err := os.WriteFile(changed, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	git("commit", "-q", "-am", "two")

	shared, err := gitrev.Open(plan)
	if err != nil {
		t.Fatal(err)
	}
	load := func(r *gitrev.Repo, rev string) (*loaded, error) {
		commit, err := r.Resolve(rev)
		if err != nil {
			return nil, err
		}
		fsys, err := r.FS(commit, plan)
		if err != nil {
			return nil, err
		}
		p, d, err := Load(fsys, "plan")
		return &loaded{p, d}, err
	}
	base, err := load(shared, "HEAD~1")
	if err != nil {
		t.Fatal(err)
	}
	head, err := load(shared, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := gitrev.Open(plan)
	if err != nil {
		t.Fatal(err)
	}
	alone, err := load(fresh, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(head.p, alone.p) || !reflect.DeepEqual(head.d, alone.d) {
		t.Fatal("the revision read after another differs from the same revision read alone")
	}
	// A revision listed before but never loaded: its reports are not read
	// by the next revision's FS until the loader opens them.
	listed, err := gitrev.Open(plan)
	if err != nil {
		t.Fatal(err)
	}
	if commit, err := listed.Resolve("HEAD~1"); err != nil {
		t.Fatal(err)
	} else if _, err := listed.FS(commit, plan); err != nil {
		t.Fatal(err)
	}
	late, err := load(listed, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(late.p, alone.p) || !reflect.DeepEqual(late.d, alone.d) {
		t.Fatal("the reports left unread by the FS and opened by the loader differ")
	}
	reused, anew := 0, 0
	for i, r := range head.p.Reports {
		b := base.p.Reports[i]
		if r.File != b.File || len(r.Entries) == 0 {
			continue
		}
		same := &r.Entries[0] == &b.Entries[0]
		switch {
		case strings.HasSuffix(r.File, "2024-03/so-tttt.yaml"):
			if same {
				t.Errorf("%s changed, yet its report was not decoded anew", r.File)
			}
			anew++
		case same:
			reused++
		default:
			t.Errorf("%s did not change, yet was decoded again", r.File)
		}
	}
	if reused < 5 || anew != 1 {
		t.Errorf("%d reports reused, %d decoded anew", reused, anew)
	}
}

type loaded struct {
	p *model.Plan
	d diag.Diagnostics
}
