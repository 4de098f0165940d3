package status

import (
	"reflect"
	"testing"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
)

// TestComputeCyclesMatchesCompute checks that computing the tasks once for
// several cycles gives, cycle by cycle, what Compute gives for that cycle
// alone: units on time, late, missing and pending, a task that starts
// later in the year, and the zero month standing for the day's month.
func TestComputeCyclesMatchesCompute(t *testing.T) {
	b := newBuilder(t)
	b.task("t", "2024-03-31", "so-tttt", "huyen-a")
	b.task("later", "2024-06-30", "huyen-b").start("2024-03-01")
	b.report("2024-01", "so-tttt", "2024-01-10", entry("t", model.InProgress))
	b.report("2024-02", "so-tttt", "2024-02-20", entry("t", model.InProgress))
	b.report("2024-03", "huyen-a", "2024-03-12", entry("t", model.InProgress))
	p, ix := b.plan()
	asOf := day("2024-03-20")
	months := []dates.Month{{Year: 2024, Month: 1}, {Year: 2024, Month: 2}, {Year: 2024, Month: 3}, {Year: 2024, Month: 4}, {}}
	got := ComputeCycles(p, ix, asOf, months)
	if len(got) != len(months) {
		t.Fatalf("%d results for %d months", len(got), len(months))
	}
	states := 0
	for k, m := range months {
		want := Compute(p, ix, Options{AsOf: asOf, Cycle: m})
		if !reflect.DeepEqual(got[k], want) {
			t.Errorf("cycle %v: ComputeCycles differs from Compute:\n got %+v\nwant %+v", m, got[k].Units, want.Units)
		}
		for _, u := range got[k].Units {
			if u.State != Pending {
				states++
			}
		}
	}
	if got[4].Cycle.Month != (dates.Month{Year: 2024, Month: 3}) {
		t.Errorf("zero month gave cycle %v, want 2024-03", got[4].Cycle.Month)
	}
	if states == 0 {
		t.Error("every unit pending: the fixture tests nothing")
	}
}
