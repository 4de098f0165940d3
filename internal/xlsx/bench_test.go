package xlsx

import (
	"io"
	"testing"

	"github.com/plan06/plan06/internal/i18n"
)

// BenchmarkWrite writes a province-scale workbook: 60 tasks, 250 units,
// about 2,300 assignments each with a target (bigResult).
func BenchmarkWrite(b *testing.B) {
	r := bigResult()
	o := fixtureOptions(i18n.VI)
	n := 0
	for _, t := range r.Tasks {
		n += len(t.Assignments)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, r, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "assignments")
}
