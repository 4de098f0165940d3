package load

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/plan06/plan06/internal/diag"
)

// longLines are one-line files of n items, in the shapes issue 15 found
// quadratic: a flow list of ids, a flow map of values, and a list the fast
// path leaves to the library (an escape in a quoted scalar).
var longLines = map[string]func(n int) string{
	"flow list": func(n int) string {
		return "lead: [" + strings.Repeat("so-tttt, ", n) + "cong-an-tinh]\n"
	},
	"flow map": func(n int) string {
		var b strings.Builder
		b.WriteString("values: {")
		for i := range n {
			fmt.Fprintf(&b, "t%d: %d, ", i, i)
		}
		b.WriteString("z: 1}\n")
		return b.String()
	},
	"library": func(n int) string {
		return "lead: [" + strings.Repeat(`"so\ttttt", `, n) + "x]\n"
	},
}

// TestColumnCountIsLinear holds the work of counting columns linear in
// the length of a line, without a clock: the fast path used to count each
// scalar's column from the start of its line, which made a one-line list of
// n ids cost n² (issue 15). The bytes counted over must stay within the
// line's own length, whatever n.
func TestColumnCountIsLinear(t *testing.T) {
	for _, name := range []string{"flow list", "flow map"} {
		for _, n := range []int{1000, 40000} {
			src := []byte(longLines[name](n))
			counted := 0
			columnBytes = &counted
			var ds diag.Diagnostics
			node := parse("f.yaml", src, &ds, nil)
			columnBytes = nil
			if node == nil {
				t.Fatalf("%s: not parsed: %v", name, ds)
			}
			if counted == 0 || counted > len(src) {
				t.Errorf("%s, %d items: columns counted over %d bytes of a %d-byte line; want at most the line", name, n, counted, len(src))
			}
		}
	}
}

// BenchmarkParseIsLinear fails on quadratic growth in the length of a line,
// the library's path included: reading 4n items must take well under 16
// times as long as n items (a quadratic reader's ratio). The best of several
// runs is compared, and the bound (8) leaves room for a busy machine; a
// linear reader sits near 4. It is a benchmark (make bench), not a test:
// timings belong where a noisy machine cannot fail the build.
func BenchmarkParseIsLinear(b *testing.B) {
	const n = 10000
	for name, gen := range longLines {
		b.Run(name, func(b *testing.B) {
			small, large := []byte(gen(n)), []byte(gen(4*n))
			best := func(src []byte) time.Duration {
				var min time.Duration
				for range 5 {
					var ds diag.Diagnostics
					start := time.Now()
					if parse("f.yaml", src, &ds, nil) == nil {
						b.Fatalf("%s: not parsed: %v", name, ds)
					}
					if d := time.Since(start); min == 0 || d < min {
						min = d
					}
				}
				return min
			}
			for b.Loop() {
				ts, tl := best(small), best(large)
				ratio := float64(tl) / float64(ts)
				b.ReportMetric(ratio, "ratio-4x")
				if ratio > 8 {
					b.Errorf("%s: %d items took %v, %d items %v: ratio %.1f, want about 4 (linear)", name, n, ts, 4*n, tl, ratio)
				}
			}
		})
	}
}

// TestColumnsOnALongLine holds the columns the fast path counts on from one
// scalar to the next against the library's, on lines with multi-byte
// characters between the scalars.
func TestColumnsOnALongLine(t *testing.T) {
	src := []byte("a: [" + strings.Repeat("Đông, ", 50) + "x] # ghi chú\n" +
		"b: {k: ữ, m: 'đ', n: \"ơ\"}\n" +
		"c:\n  - {d: Đề án, e: 'ư'}\n  - [á, 'ư', b]\n")
	if !checkFast(t, "long line", src) {
		t.Fatal("not in the fast subset")
	}
}
