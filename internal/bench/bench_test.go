// Package bench holds the in-process benchmarks of `make bench` at province
// scale: loading, validating and computing status over a synthetic plan
// written by internal/synth. PLAN06_BENCH_DIR points them at another plan
// folder instead (for example a country-scale one, for profiling).
package bench

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/plan06/plan06/internal/check"
	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
	"github.com/plan06/plan06/internal/synth"
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
	p, _, err := load.Load(os.DirFS(planDir(b)), "plan")
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkLoad reads and decodes every file of the plan.
func BenchmarkLoad(b *testing.B) {
	d := planDir(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := load.Load(os.DirFS(d), "plan"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidate is Load plus every cross-file check: plan06 validate.
func BenchmarkValidate(b *testing.B) {
	d := planDir(b)
	b.ReportAllocs()
	for b.Loop() {
		p, ds, err := load.Load(os.DirFS(d), "plan")
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
