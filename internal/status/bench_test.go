package status

import (
	"fmt"
	"testing"
	"time"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
)

// scale sizes a generated plan.
type scale struct {
	depts, districts, communes, tasks, months int
}

// genPlan builds, in memory, a plan of the given size the way a province
// fills it over a year: every unit reports every month on each task it
// leads, a few reports come late, a few units skip a month, targets get
// values, some tasks are done part-way through.
func genPlan(tb testing.TB, s scale) (*model.Plan, *model.Index) {
	b := newBuilder(tb)
	b.p.Units, b.p.Sets = nil, nil
	for i := range s.depts {
		b.unit(fmt.Sprintf("so-%04d", i), "department")
	}
	for i := range s.districts {
		b.unit(fmt.Sprintf("huyen-%04d", i), "district")
	}
	for i := range s.communes {
		b.unit(fmt.Sprintf("xa-%05d", i), "commune")
	}
	b.set("so-nganh", "department")
	b.set("ubnd-cap-huyen", "district")
	b.set("ubnd-cap-xa", "commune")

	dues := []string{"Quý I năm 2024", "Quý II năm 2024", "6 tháng đầu năm 2024", "Trong năm 2024", "Thường xuyên", "trước Tết Nguyên đán 2024", "Từ quý II năm 2024"}
	groups := []string{"chung", "dot-pha", "dot-pha-dvc", "dot-pha-dvc-le"}
	leadOf := make([][]string, s.tasks) // unit ids per task, for the reports
	for i := range s.tasks {
		id := fmt.Sprintf("%d.%d", i/10+1, i%10+1)
		var lead string
		var units []string
		switch i % 4 {
		case 0: // one department
			lead = fmt.Sprintf("so-%04d", i%s.depts)
			units = []string{lead}
		case 1:
			lead = "ubnd-cap-huyen"
			for j := range s.districts {
				units = append(units, fmt.Sprintf("huyen-%04d", j))
			}
		case 2:
			lead = "ubnd-cap-xa"
			for j := range s.communes {
				units = append(units, fmt.Sprintf("xa-%05d", j))
			}
		case 3:
			lead = "so-nganh"
			for j := range s.depts {
				units = append(units, fmt.Sprintf("so-%04d", j))
			}
		}
		r := b.task(id, dues[i%len(dues)], lead).group(groups[i%len(groups)])
		if i%3 == 0 {
			r.target("t", "quý I/2024", 50.0, "quý III/2024", 80.0)
		}
		leadOf[i] = units
	}

	// Entries per unit: the tasks it leads.
	tasksOf := map[string][]int{}
	for i, us := range leadOf {
		for _, u := range us {
			tasksOf[u] = append(tasksOf[u], i)
		}
	}
	for m := 1; m <= s.months; m++ {
		month := dates.Month{Year: 2024, Month: time.Month(m)}
		for ui := range b.p.Units {
			u := b.p.Units[ui].ID.Value
			if (ui+m)%17 == 0 { // skipped this month
				continue
			}
			submitted := month.Day(10 + (ui+m)%8) // some after the 15th
			var entries []model.Entry
			for _, ti := range tasksOf[u] {
				task := b.p.Tasks[ti].ID.Value
				switch {
				case (ui+ti)%7 == 0 && m >= 6:
					entries = append(entries, done(task, month.Day(5).String()))
				case (ui+ti+m)%11 == 0:
					entries = append(entries, entry(task, model.Blocked, progress(m*5)))
				default:
					e := entry(task, model.InProgress, progress(m*8%101))
					if ti%3 == 0 {
						e.Values = []model.Value{{Target: text("t"), Value: float64((ui + m*7) % 100)}}
					}
					entries = append(entries, e)
				}
			}
			b.report(month.String(), u, submitted.String(), entries...)
		}
	}
	return b.plan()
}

// BenchmarkCompute is a province: ~250 units, 60 tasks, ~3,000 reports.
func BenchmarkCompute(b *testing.B) {
	p, ix := genPlan(b, scale{depts: 20, districts: 10, communes: 220, tasks: 60, months: 12})
	b.ReportMetric(float64(len(p.Reports)), "reports")
	opt := Options{AsOf: day("2024-12-20")}
	b.ResetTimer()
	for b.Loop() {
		Compute(p, ix, opt)
	}
}

// BenchmarkComputeCountry is the country after 2025: 3,300 communes and
// enough agencies for ~100,000 reports a year, tasks led by sets of
// thousands of units.
func BenchmarkComputeCountry(b *testing.B) {
	p, ix := genPlan(b, scale{depts: 4700, districts: 340, communes: 3300, tasks: 60, months: 12})
	b.ReportMetric(float64(len(p.Reports)), "reports")
	opt := Options{AsOf: day("2024-12-20")}
	b.ResetTimer()
	for b.Loop() {
		Compute(p, ix, opt)
	}
}

// BenchmarkViews is Filter, Summary and ByUnit on a province's Result.
func BenchmarkViews(b *testing.B) {
	p, ix := genPlan(b, scale{depts: 20, districts: 10, communes: 220, tasks: 60, months: 12})
	r := Compute(p, ix, Options{AsOf: day("2024-12-20")})
	b.ResetTimer()
	for b.Loop() {
		f := r.Filter(Filter{Group: "dot-pha", States: []Status{Overdue, AtRisk, InProgress}})
		f.Summary()
		r.ByUnit()
		r.Filter(Filter{Unit: "xa-00042"})
	}
}

// TestGeneratedPlan keeps the generator honest: the benchmark plan has the
// size it claims and every status shows up in it.
func TestGeneratedPlan(t *testing.T) {
	p, ix := genPlan(t, scale{depts: 20, districts: 10, communes: 220, tasks: 60, months: 12})
	if n := len(p.Reports); n < 2800 || n > 3000 {
		t.Errorf("%d reports", n)
	}
	seen := map[Status]bool{}
	for _, asOf := range []string{"2024-01-05", "2024-03-25", "2024-06-20", "2024-12-20"} {
		for _, ts := range Compute(p, ix, Options{AsOf: day(asOf)}).Tasks {
			for _, a := range ts.Assignments {
				seen[a.Status] = true
			}
		}
	}
	for _, s := range Statuses {
		if !seen[s] {
			t.Errorf("no assignment is %s", s)
		}
	}
}
