package report

import "testing"

// TestBesidePanics checks that a panic on the goroutine beside reaches the
// caller, where the CLI's early report recovers it.
func TestBesidePanics(t *testing.T) {
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want boom", r)
		}
	}()
	wait := beside(func() { panic("boom") })
	wait()
	t.Error("no panic")
}
