package status

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/synth"
)

// sameOutcomes fails t when ComputeOutcomes at d differs from the outcomes
// of Compute at d, task by task.
func sameOutcomes(t *testing.T, name string, p *model.Plan, ix *model.Index, d dates.Date) {
	t.Helper()
	want := Compute(p, ix, Options{AsOf: d})
	got := ComputeOutcomes(p, ix, d)
	if got.AsOf != d || len(got.Tasks) != len(want.Tasks) {
		t.Fatalf("%s at %s: %d outcomes at %s, want %d at %s", name, d, len(got.Tasks), got.AsOf, len(want.Tasks), d)
	}
	for i := range want.Tasks {
		if got.Tasks[i].Task != want.Tasks[i].Task || got.Tasks[i].Outcome != want.Tasks[i].Outcome {
			t.Fatalf("%s at %s: task %d (%s) is %s, Compute says %s", name, d, i,
				want.Tasks[i].Task.ID.Value, got.Tasks[i].Outcome, want.Tasks[i].Outcome)
		}
	}
}

// TestOutcomesSameAsCompute holds ComputeOutcomes, which a report uses
// for the previous cycle, to Compute: on the real plan, a synthetic
// province and random plans whose units begin, end and pass on their work,
// whose tasks are standing, dated or without a deadline, shared ids
// included, and whose entries say done on days around the deadlines, every
// few days of the year.
func TestOutcomesSameAsCompute(t *testing.T) {
	days := func(step int) []dates.Date {
		var out []dates.Date
		for d := day("2023-12-20"); d.Before(day("2025-02-15")); d = d.AddDays(step) {
			out = append(out, d)
		}
		return out
	}
	loaded := func(t *testing.T, name, dir string, step int) {
		p, _, err := load.Load(os.DirFS(dir), "plan")
		if err != nil {
			t.Fatal(err)
		}
		ix := model.NewIndex(p)
		for _, d := range days(step) {
			sameOutcomes(t, name, p, ix, d)
		}
	}
	t.Run("plan", func(t *testing.T) { loaded(t, "plan", filepath.Join("..", "..", "plan"), 3) })
	t.Run("synthetic province", func(t *testing.T) {
		if testing.Short() {
			t.Skip("writes a province of 2,900 files")
		}
		dir := filepath.Join(t.TempDir(), "plan")
		if _, err := synth.Generate(dir, synth.Options{Scale: synth.ScaleProvince, Seed: 6, Year: 2024}); err != nil {
			t.Fatal(err)
		}
		loaded(t, "province", dir, 9)
	})
	t.Run("random", func(t *testing.T) {
		r := rand.New(rand.NewPCG(6, 42))
		units := []string{"cong-an-tinh", "so-tttt", "huyen-a", "huyen-b", "huyen-c", "xa-1", "xa-2", "xa-3", "nobody"}
		leads := []string{"ubnd-cap-huyen", "ubnd-cap-xa", "huyen-a", "xa-1", "so-tttt", "xa-3", "nobody"}
		dues := []string{"Thường xuyên", "Quý I năm 2024", "trước ngày 31/01/2024", "Từ quý II năm 2024", "Tháng 6/2024", "Năm 2024"}
		someDay := func() string {
			d := day("2024-01-01").AddDays(r.IntN(400))
			return d.String()
		}
		for round := range 150 {
			b := newBuilder(t)
			b.unit("xa-3", "commune")
			for i := range b.p.Units { // units that begin, end, pass on
				u := &b.p.Units[i]
				if r.IntN(4) == 0 {
					u.Until = model.Date{Date: day(someDay())}
					if r.IntN(3) != 0 {
						u.Successor = text(units[r.IntN(len(units))])
					}
				}
				if r.IntN(6) == 0 {
					u.From = model.Date{Date: day(someDay())}
				}
			}
			nTasks := 1 + r.IntN(6)
			for i := range nTasks {
				id := fmt.Sprintf("t%d", i)
				if r.IntN(8) == 0 {
					id = "t0" // a shared id
				}
				var lead []string
				for range 1 + r.IntN(2) {
					lead = append(lead, leads[r.IntN(len(leads))])
				}
				b.task(id, dues[r.IntN(len(dues))], lead...)
			}
			// Done days on, before and after the tasks' due days, often.
			var dueDays []dates.Date
			for _, t := range b.p.Tasks {
				if !t.Deadline.Ongoing {
					due := b.p.Cal.Effective(t.Deadline.Last, true)
					dueDays = append(dueDays, due, due.AddDays(-1), due.AddDays(1))
				}
			}
			doneDay := func(month string) string {
				if len(dueDays) > 0 && r.IntN(2) == 0 {
					return dueDays[r.IntN(len(dueDays))].String()
				}
				return day(month + "-01").AddDays(r.IntN(40) - 10).String()
			}
			states := []model.State{model.Done, model.Done, model.InProgress, model.Blocked, model.NotStarted}
			for m := 1; m <= 12; m++ {
				for _, u := range units {
					if r.IntN(3) == 0 {
						continue
					}
					month := fmt.Sprintf("2024-%02d", m)
					submitted := day(month + "-10").AddDays(r.IntN(20) - 5).String()
					var es []model.Entry
					for range r.IntN(4) {
						task := fmt.Sprintf("t%d", r.IntN(nTasks+1))
						st := states[r.IntN(len(states))]
						if st == model.Done && r.IntN(5) != 0 {
							es = append(es, done(task, doneDay(month)))
						} else {
							es = append(es, entry(task, st))
						}
					}
					b.report(month, u, submitted, es...)
				}
			}
			p, ix := b.plan()
			for _, d := range days(11) {
				sameOutcomes(t, fmt.Sprintf("round %d", round), p, ix, d)
			}
		}
	})
}
