package gitrev

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func sh(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func TestFSReadsRevisionWithoutCheckout(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	sh(t, repo, "init", "-q")
	plan := filepath.Join(repo, "plan")
	os.MkdirAll(filepath.Join(plan, "tasks"), 0o755)
	os.WriteFile(filepath.Join(plan, "plan.yaml"), []byte("v1\n"), 0o644)
	os.WriteFile(filepath.Join(plan, "tasks", "a.yaml"), []byte("a1\n"), 0o644)
	os.WriteFile(filepath.Join(repo, "other.txt"), []byte("x\n"), 0o644)
	sh(t, repo, "add", ".")
	sh(t, repo, "commit", "-q", "-m", "one")
	os.WriteFile(filepath.Join(plan, "plan.yaml"), []byte("v2\n"), 0o644) // uncommitted

	r, err := Open(plan)
	if err != nil {
		t.Fatal(err)
	}
	commit, err := r.Resolve("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := r.FS(commit, plan)
	if err != nil {
		t.Fatal(err)
	}
	b, err := fs.ReadFile(fsys, "plan.yaml")
	if err != nil || string(b) != "v1\n" {
		t.Errorf("plan.yaml at HEAD = %q, %v; want the committed v1", b, err)
	}
	if b, _ := fs.ReadFile(fsys, "tasks/a.yaml"); string(b) != "a1\n" {
		t.Errorf("tasks/a.yaml = %q", b)
	}
	if _, err := fs.Stat(fsys, "other.txt"); err == nil {
		t.Error("a file outside the plan folder is visible")
	}
	if _, err := r.Resolve("no-such-branch"); err == nil || err.Error() != `unknown revision "no-such-branch"` {
		t.Errorf("Resolve(unknown) = %v", err)
	}
}

func TestOpenOutsideRepo(t *testing.T) {
	if _, err := Open(t.TempDir()); err == nil {
		t.Error("Open outside a repository succeeded")
	}
}
