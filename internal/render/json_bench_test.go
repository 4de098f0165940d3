package render

import (
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

// benchResult is the Result BenchmarkStatusJSON encodes: the plan in
// PLAN06_BENCH_DIR as of 2024-12-20 (the day of internal/bench's
// BenchmarkStatusCommand) when it is set, else a synthetic one of the
// country's shape (61 tasks, some 47,000 assignments, 8,000 units owing
// the cycle: about 15 MB of JSON).
func benchResult(b *testing.B) *status.Result {
	d := os.Getenv("PLAN06_BENCH_DIR")
	if d == "" {
		return bigResult(61, 780, 8246)
	}
	p, _, err := load.Load(os.DirFS(d), "plan")
	if err != nil {
		b.Fatal(err)
	}
	return status.Compute(p, model.NewIndex(p), status.Options{AsOf: dates.MustNew(2024, 12, 20)})
}

// BenchmarkStatusJSON compares the streaming encoder (new) with the
// encoding/json one it replaced (old) on one large Result, written to
// io.Discard as `plan06 status -o json` writes to a pipe.
func BenchmarkStatusJSON(b *testing.B) {
	r := benchResult(b)
	var size bytes.Buffer
	if err := StatusJSON(&size, r); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		fn   func(io.Writer, *status.Result) error
	}{{"old", statusJSONStdlib}, {"new", StatusJSON}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(size.Len()))
			b.ReportAllocs()
			for b.Loop() {
				if err := c.fn(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
