package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReleaseBuildNamesItsCommit builds plan06 as the release workflow
// does (CGO_ENABLED=0, -trimpath, the workflow's own -ldflags line) and
// checks that `plan06 version` names the version, the commit and its date.
func TestReleaseBuildNamesItsCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no release build")
	}
	out, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("not in a git checkout: %v", err)
	}
	commit := strings.TrimSpace(string(out))
	wf, err := os.ReadFile("../../.github/workflows/release.yml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*ldflags="([^"]+)"$`).FindSubmatch(wf)
	if m == nil {
		t.Fatal("release.yml has no ldflags=\"…\" line")
	}
	pkg := regexp.MustCompile(`(?m)^\s*pkg=(\S+)$`).FindSubmatch(wf)
	if pkg == nil {
		t.Fatal("release.yml has no pkg= line")
	}
	const version, date = "v0.0.0-releasetest", "2024-04-20T09:00:00+07:00"
	ldflags := strings.NewReplacer("$pkg", string(pkg[1]), "$VERSION", version, "$COMMIT", commit, "$date", date).Replace(string(m[1]))
	if strings.Contains(ldflags, "$") {
		t.Fatalf("ldflags left a variable: %s", ldflags)
	}
	bin := filepath.Join(t.TempDir(), "plan06")
	build := exec.Command("go", "build", "-trimpath", "-ldflags", ldflags, "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	got, err := exec.Command(bin, "version", "--lang", "en").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"plan06 " + version + "\n", "commit: " + commit + "\n", "built: " + date + "\n", "format: plan06/v1\n"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("version output lacks %q:\n%s", want, got)
		}
	}
}
