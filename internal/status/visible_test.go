package status

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
)

// visibleByUnit reverses a list that is oldest first rather than sorting
// it: whatever order the reports come in (path order, its reverse, any
// other, ties included), each unit's list is the one a sort gives.
func TestVisibleByUnitOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	asOf := dates.MustNew(2025, 1, 1)
	for round := range 2000 {
		var all []model.Report
		for i := range rng.IntN(30) {
			m := dates.Month{Year: 2024, Month: time.Month(1 + rng.IntN(12))}
			r := model.Report{Unit: fmt.Sprintf("u%d", rng.IntN(3)), Month: m,
				File: fmt.Sprintf("reports/%s/%d.yaml", m, i)}
			r.Submitted.Date = m.Day(1 + rng.IntN(28))
			if rng.IntN(5) == 0 {
				r.File = "" // ties: built in memory, no file
			}
			all = append(all, r)
		}
		switch round % 3 {
		case 0: // path order
			slices.SortFunc(all, func(a, b model.Report) int { return a.Month.Compare(b.Month) })
		case 1:
			slices.SortFunc(all, func(a, b model.Report) int { return b.Month.Compare(a.Month) })
		}
		got := visibleByUnit(all, asOf, 0)
		for u, rs := range got {
			want := slices.Clone(rs)
			slices.SortStableFunc(want, newestFirst)
			for i := range rs {
				if newestFirst(rs[i], want[i]) != 0 {
					t.Fatalf("round %d, unit %s: position %d is %+v, want %+v", round, u, i, *rs[i], *want[i])
				}
			}
		}
	}
}
