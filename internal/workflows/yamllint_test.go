package workflows

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plan06/plan06/internal/skipped"
)

// TestYamllint runs yamllint (relaxed rules) on the plan, the workflows and
// the golden outputs of the YAML formatter. Errors fail the test; warnings
// (long lines and the like) are only logged. Without yamllint on PATH the
// test is skipped, unless PLAN06_REQUIRE_TOOLS=1 (as .ci/run sets).
func TestYamllint(t *testing.T) {
	yamllint, err := exec.LookPath("yamllint")
	if err != nil {
		if os.Getenv("PLAN06_REQUIRE_TOOLS") == "1" {
			t.Fatal("yamllint is not on PATH and PLAN06_REQUIRE_TOOLS=1: install it (apt-get install yamllint)")
		}
		skipped.Record("yamllint", "apt-get install yamllint")
		t.Skip("yamllint is not on PATH (apt-get install yamllint); set PLAN06_REQUIRE_TOOLS=1 to make this a failure")
	}

	goldens, err := filepath.Glob(filepath.Join(repoRoot, "internal", "yamlfmt", "testdata", "*", "out.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	targets := []struct {
		name  string
		paths []string // relative to the repository root
	}{
		{"plan", existing(t, "plan")},
		{"workflows", existing(t, filepath.Join(".github", "workflows"))},
		{"yamlfmt-golden", rel(t, goldens)},
	}
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) {
			if len(tg.paths) == 0 {
				t.Skip("nothing to lint (folder missing)")
			}
			yamllintPaths(t, yamllint, tg.paths)
		})
	}
}

// existing returns dir (relative to the repository root) when it is a
// folder, else nothing.
func existing(t *testing.T, dir string) []string {
	t.Helper()
	info, err := os.Stat(filepath.Join(repoRoot, dir))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	if !info.IsDir() {
		t.Fatalf("%s is not a folder", dir)
	}
	return []string{dir}
}

func rel(t *testing.T, paths []string) []string {
	t.Helper()
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		r, err := filepath.Rel(repoRoot, p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

func yamllintPaths(t *testing.T, yamllint string, paths []string) {
	t.Helper()
	args := append([]string{"-d", "relaxed", "-f", "parsable"}, paths...)
	cmd := exec.Command(yamllint, args...)
	cmd.Dir = repoRoot
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()

	errs, long := 0, 0
	sc := bufio.NewScanner(&stdout)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.Contains(line, "[error]"):
			errs++
			t.Error(line)
		case strings.Contains(line, "[warning]") && strings.HasSuffix(line, "(line-length)"):
			// Canonical YAML never re-wraps long strings (SPEC §6), so a
			// plan has many long lines: count them rather than list them.
			long++
		case strings.TrimSpace(line) != "":
			t.Log(line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if long > 0 {
		t.Logf("%d line-length warnings (long strings are never re-wrapped, SPEC §6)", long)
	}
	// yamllint exits 1 on errors; any other failure (a crash, a bad
	// argument) is a failure of the test too.
	if runErr != nil && errs == 0 {
		t.Fatalf("yamllint %s: %v\n%s%s", strings.Join(paths, " "), runErr, stdout.String(), stderr.String())
	}
}
