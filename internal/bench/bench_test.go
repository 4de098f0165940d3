// Package bench holds the in-process benchmarks of `make bench` at province
// scale: loading, validating and computing status over a synthetic plan
// written by internal/synth. PLAN06_BENCH_DIR points them at another plan
// folder instead (for example a country-scale one, for profiling).
package bench

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/plan06/plan06/internal/check"
	"github.com/plan06/plan06/internal/cli"
	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/planfs"
	"github.com/plan06/plan06/internal/status"
	"github.com/plan06/plan06/internal/synth"
	"go.yaml.in/yaml/v3"
)

var (
	once   sync.Once
	dir    string
	dirErr error
)

// planDir writes the synthetic province once per test binary.
func planDir(b *testing.B) string {
	once.Do(func() {
		if d := os.Getenv("PLAN06_BENCH_DIR"); d != "" {
			dir = d
			return
		}
		tmp, err := os.MkdirTemp("", "plan06-bench-")
		if err != nil {
			dirErr = err
			return
		}
		dir = filepath.Join(tmp, "plan")
		_, dirErr = synth.Generate(dir, synth.Options{Scale: synth.ScaleProvince, Seed: 1, Year: 2024})
	})
	if dirErr != nil {
		b.Fatal(dirErr)
	}
	return dir
}

func loadPlan(b *testing.B) *model.Plan {
	p, _, err := loadDir(planDir(b))
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// loadDir loads the plan in folder d as the commands do: through
// planfs.OpenDir, whose files are read with system calls relative to the
// folder (os.DirFS takes another, slower path through os.File).
func loadDir(d string) (*model.Plan, diag.Diagnostics, error) {
	fsys, err := planfs.OpenDir(d)
	if err != nil {
		return nil, nil, err
	}
	defer fsys.Close()
	return load.Load(fsys, "plan")
}

// BenchmarkLoad reads and decodes every file of the plan, as the commands
// do (planfs) and through os.DirFS, the path other callers of load.Load
// take.
func BenchmarkLoad(b *testing.B) {
	d := planDir(b)
	b.Run("planfs", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := loadDir(d); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("dirfs", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := load.Load(os.DirFS(d), "plan"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkValidate is Load plus every cross-file check: plan06 validate.
func BenchmarkValidate(b *testing.B) {
	d := planDir(b)
	b.ReportAllocs()
	for b.Loop() {
		p, ds, err := loadDir(d)
		if err != nil {
			b.Fatal(err)
		}
		ds = append(ds, check.Plan(p)...)
		if ds.HasErrors() {
			b.Fatalf("synthetic plan has errors: %v", ds[0])
		}
	}
}

// BenchmarkCheck is the cross-file checks alone.
func BenchmarkCheck(b *testing.B) {
	p := loadPlan(b)
	b.ReportAllocs()
	for b.Loop() {
		check.Plan(p)
	}
}

// BenchmarkStatus is the status computation alone, on a loaded plan.
func BenchmarkStatus(b *testing.B) {
	p := loadPlan(b)
	day := dates.MustNew(2024, 12, 20)
	b.ReportAllocs()
	for b.Loop() {
		status.Compute(p, model.NewIndex(p), status.Options{AsOf: day})
	}
}

// BenchmarkFloor only reads every YAML file and decodes it into a
// yaml.Node on every core: the yardstick BenchmarkLoad is compared with.
func BenchmarkFloor(b *testing.B) {
	d := planDir(b)
	var files []string
	filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".yaml") {
			files = append(files, p)
		}
		return err
	})
	b.ReportAllocs()
	for b.Loop() {
		work := make(chan string)
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for f := range work {
					data, err := os.ReadFile(f)
					if err != nil {
						b.Error(err)
						continue
					}
					var n yaml.Node
					if err := yaml.Unmarshal(data, &n); err != nil {
						b.Error(err)
					}
				}
			}()
		}
		for _, f := range files {
			work <- f
		}
		close(work)
		wg.Wait()
	}
}

// BenchmarkStatusCommand is the whole `plan06 status -o json` in process:
// load, validate, compute and write the JSON.
func BenchmarkStatusCommand(b *testing.B) {
	d := planDir(b)
	env := func(string) string { return "" }
	now := func() time.Time { return time.Date(2024, 12, 20, 9, 0, 0, 0, time.UTC) }
	b.ReportAllocs()
	for b.Loop() {
		code := cli.Main([]string{"--plan", d, "status", "-o", "json"}, cli.IO{Out: io.Discard, Err: io.Discard}, env, now)
		if code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
