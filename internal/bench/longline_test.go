package bench

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plan06/plan06/internal/cli"
)

// BenchmarkValidateLongLine is plan06 validate over the test plan with one
// line holding a flow list of 500,000 unit ids (7 MB, under the 8 MiB cap):
// the hostile line of issue 15, which the subset reader once read in time
// quadratic in the line's length (minutes). It fails when the fastest
// validation takes 2 s or more (the fastest: a busy machine slows a run,
// never the reader's growth).
func BenchmarkValidateLongLine(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "plan")
	if err := os.CopyFS(dir, os.DirFS("../../testdata/plans/basic")); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(dir, "tasks", "dot-pha.yaml")
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	const old = "support: [cong-an-tinh]\n"
	if !strings.Contains(string(src), old) {
		b.Fatalf("%s has no %q", file, old)
	}
	long := "support: [" + strings.Repeat("cong-an-tinh, ", 500000-1) + "cong-an-tinh]\n"
	if err := os.WriteFile(file, []byte(strings.Replace(string(src), old, long, 1)), 0o644); err != nil {
		b.Fatal(err)
	}
	env := func(string) string { return "" }
	now := func() time.Time { return time.Date(2024, 4, 20, 9, 0, 0, 0, time.UTC) }
	var fastest time.Duration
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		if code := cli.Main([]string{"--plan", dir, "validate"}, cli.IO{Out: io.Discard, Err: io.Discard}, env, now); code != 0 {
			b.Fatalf("validate exited %d", code)
		}
		if d := time.Since(start); fastest == 0 || d < fastest {
			fastest = d
		}
	}
	if fastest >= 2*time.Second {
		b.Errorf("validating a one-line list of 500,000 ids took %v; want well under 2 s (a linear reader)", fastest)
	}
}
