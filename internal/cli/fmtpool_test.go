package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestFmtParallelKeepsOrder: fmt works on all cores but lists, prints and
// reports files in the order of their names, the same on every run; files
// already canonical are left alone, and a file it cannot read is reported
// in its place without stopping the others.
func TestFmtParallelKeepsOrder(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("plan.yaml", "name: x\n")
	var want []string
	var printed strings.Builder
	for i := range 60 {
		rel := fmt.Sprintf("extra/f%02d.yaml", i)
		switch i % 3 {
		case 0: // canonical
			write(rel, fmt.Sprintf("a: %d\nb: [x, y]\n", i))
			fmt.Fprintf(&printed, "a: %d\nb: [x, y]\n", i)
		case 1: // not canonical
			write(rel, fmt.Sprintf("a:   %d\nb:   [x,y]\n", i))
			fmt.Fprintf(&printed, "a: %d\nb: [x, y]\n", i)
			want = append(want, filepath.ToSlash(filepath.Join(dir, rel)))
		case 2: // comments: formatted the long way
			write(rel, fmt.Sprintf("# n\na: %d # v\n", i))
			fmt.Fprintf(&printed, "# n\na: %d # v\n", i)
		}
	}
	write("extra/f99.yaml", "a: [\n")
	for range 3 {
		stdout, stderr, code := run(t, "", nil, "fmt", "-l", "--plan", dir, filepath.Join(dir, "extra"))
		if code != ExitFindings {
			t.Fatalf("exit %d, want %d\n%s", code, ExitFindings, stderr)
		}
		if got := strings.Fields(stdout); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("fmt -l listed\n%s\nwant\n%s", stdout, strings.Join(want, "\n"))
		}
		if !regexp.MustCompile(`f99\.yaml:1:4: error: `).MatchString(stderr) {
			t.Fatalf("the broken file is not reported:\n%s", stderr)
		}
	}
	write("extra/f99.yaml", "a: 1\n")
	printed.WriteString("a: 1\n")
	stdout, stderr, code := run(t, "", nil, "fmt", "--plan", dir, filepath.Join(dir, "extra"))
	if code != 0 || stdout != printed.String() {
		t.Fatalf("fmt printed (exit %d, %s)\n%s\nwant\n%s", code, stderr, stdout, printed.String())
	}
}
