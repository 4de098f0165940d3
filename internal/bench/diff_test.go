package bench

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/plan06/plan06/internal/cli"
)

// BenchmarkDiffCommand is the whole `plan06 diff HEAD~1 HEAD` in process,
// in a git repository whose last commit adds the last month's reports of
// the synthetic plan (as internal/bench/run makes it). PLAN06_DIFF_REPO
// names such a repository instead (for example the country one the
// runner caches in /tmp/plan06-bench/country-git), for profiling.
func BenchmarkDiffCommand(b *testing.B) {
	repo := os.Getenv("PLAN06_DIFF_REPO")
	if repo == "" {
		if _, err := exec.LookPath("git"); err != nil {
			b.Skip("no git")
		}
		repo = diffRepo(b, planDir(b))
	}
	env := func(string) string { return "" }
	now := func() time.Time { return time.Date(2024, 12, 20, 9, 0, 0, 0, time.UTC) }
	plan := filepath.Join(repo, "plan")
	b.ReportAllocs()
	for b.Loop() {
		code := cli.Main([]string{"--plan", plan, "diff", "HEAD~1", "HEAD"}, cli.IO{Out: io.Discard, Err: io.Discard}, env, now)
		if code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}

// diffRepo copies the plan into a new git repository in two commits: the
// plan without its last month of reports, then that month.
func diffRepo(b *testing.B, plan string) string {
	months, err := filepath.Glob(filepath.Join(plan, "reports", "*"))
	if err != nil || len(months) == 0 {
		b.Fatalf("no reports under %s", plan)
	}
	slices.Sort(months)
	month := filepath.Base(months[len(months)-1])
	repo := b.TempDir()
	git := []string{"git", "-c", "gc.auto=0", "-c", "user.name=bench", "-c", "user.email=bench@example.org"}
	steps := [][]string{
		{"cp", "-R", plan, filepath.Join(repo, "plan")},
		append(git, "init", "-q"),
		{"mv", filepath.Join("plan", "reports", month), month},
		append(git, "add", "plan"),
		append(git, "commit", "-q", "-m", "base"),
		{"mv", month, filepath.Join("plan", "reports", month)},
		append(git, "add", "plan"),
		append(git, "commit", "-q", "-m", "reports of "+month),
		append(git, "gc", "-q"),
	}
	for _, argv := range steps {
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v: %v\n%s", argv, err, out)
		}
	}
	return repo
}
