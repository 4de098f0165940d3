package yamlfmt

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzFormat checks, for any input, that Format does not panic, fails only
// on input it cannot read, and that what it writes is a fixed point holding
// the values and the comments of the input.
func FuzzFormat(f *testing.F) {
	for _, c := range goldenCases(f) {
		in, err := os.ReadFile(filepath.Join(c.dir, "in.yaml"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(in, uint8(c.kind))
	}
	f.Fuzz(func(t *testing.T, in []byte, k uint8) {
		kind := Kind(k % uint8(KindUnknown+1))
		out, err := Format(in, kind)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Format failed on input it could read: %v\n%q", err, in)
			}
			return
		}
		checkInvariants(t, in, out, kind)
	})
}
