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

// TestParseIsLinear fails on quadratic growth in the length of a line:
// reading 4n items must take well under 16 times as long as n items (a
// quadratic reader's ratio). The best of several runs is compared, and the
// bound (8) leaves room for a busy machine; a linear reader sits near 4.
func TestParseIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	const n = 10000
	for name, gen := range longLines {
		t.Run(name, func(t *testing.T) {
			small, large := []byte(gen(n)), []byte(gen(4*n))
			best := func(b []byte) time.Duration {
				var min time.Duration
				for range 5 {
					var ds diag.Diagnostics
					start := time.Now()
					if parse("f.yaml", b, &ds) == nil {
						t.Fatalf("%s: not parsed: %v", name, ds)
					}
					d := time.Since(start)
					if d > 2*time.Second { // 40,000 items read linearly take milliseconds
						t.Fatalf("%s: %d bytes on one line took %v; the reader is not linear", name, len(b), d)
					}
					if min == 0 || d < min {
						min = d
					}
				}
				return min
			}
			ts, tl := best(small), best(large)
			if ratio := float64(tl) / float64(ts); ratio > 8 {
				t.Errorf("%s: %d items took %v, %d items %v: ratio %.1f, want about 4 (linear)", name, n, ts, 4*n, tl, ratio)
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
