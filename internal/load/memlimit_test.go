package load

import "testing"

func TestMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		name    string
		size    int64
		userSet bool
		want    int64
		ok      bool
	}{
		{"province (2 MB)", 2 << 20, false, 0, false},
		{"just under the threshold", bigPlan, false, 0, false},
		// 110 MB: 64 MB + 2.8 × 110 MB, under the 400 MB issue 14 allows.
		{"country (110 MB)", 110 << 20, false, 64<<20 + 308<<20, true},
		{"GOMEMLIMIT set", 110 << 20, true, 0, false},
	} {
		got, ok := memoryLimit(c.size, c.userSet)
		if got != c.want || ok != c.ok {
			t.Errorf("%s: memoryLimit = %d MB, %v; want %d MB, %v", c.name, got>>20, ok, c.want>>20, c.ok)
		}
	}
}

// A command that holds more than one plan gets a limit for as much more.
func TestHoldPlans(t *testing.T) {
	defer HoldPlans(1)
	for _, c := range []struct {
		n    float64
		want int64
	}{{1, 100 << 20}, {2, 200 << 20}, {1.3, 130 << 20}, {0, 100 << 20}} {
		HoldPlans(c.n)
		if got := held(100 << 20); got != c.want {
			t.Errorf("HoldPlans(%v): %d MB held, want %d MB", c.n, got>>20, c.want>>20)
		}
	}
}
