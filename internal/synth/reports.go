package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// assignment is one (task, unit) pair while its unit's year is drawn: its
// fate is fixed up front, then each month's entry is read off it.
type assignment struct {
	t         *task
	m0        int       // first cycle whose deadline is on or after the task's start
	doneDay   time.Time // zero: not done within the year
	doneMonth int       // the cycle whose data period holds doneDay; 13 when none
	quiet     int       // months of not-started after m0
	blockFrom int       // first month of a blocked spell; 0 when none
	blockTo   int
	end       int // the month progress heads for (beyond 12 when not done this year)
	cap       int // highest progress before done

	progress   int
	doneSent   bool
	doneDate   time.Time
	repeatDone int // how many later reports repeat the done entry before omitting it
	values     []valueTrack
}

// valueTrack is how one target's reported value grows.
type valueTrack struct {
	start, step float64
	percent     bool
}

func (w *world) newAssignment(r *rand.Rand, t *task) *assignment {
	a := &assignment{t: t, doneMonth: 13, m0: 13}
	for _, c := range w.cycles {
		if !t.startDay.After(c.deadline) {
			a.m0 = c.month
			break
		}
	}
	if !t.due.ongoing {
		earliest := t.startDay.AddDate(0, 0, 15)
		switch p := r.IntN(100); {
		case p < 62: // on time, within the last ~75 days before the due day
			lo := later(earliest, t.due.last.AddDate(0, 0, -75))
			if lo.After(t.due.last) {
				lo = t.due.last
			}
			a.doneDay = lo.AddDate(0, 0, r.IntN(int(t.due.last.Sub(lo).Hours()/24)+1))
		case p < 85: // late
			a.doneDay = later(earliest, t.due.last.AddDate(0, 0, 1+r.IntN(100)))
		}
		if !a.doneDay.IsZero() {
			m := int(a.doneDay.Month())
			if a.doneDay.Day() >= reportDay {
				m++
			}
			if a.doneDay.Year() > w.cal.year || m > 12 {
				a.doneDay = time.Time{}
			} else {
				a.doneMonth = max(m, a.m0)
			}
		}
	}
	if a.doneMonth > a.m0 {
		a.quiet = min(r.IntN(3), a.doneMonth-a.m0-1)
		if r.IntN(2) == 0 {
			a.quiet = 0
		}
	}
	if a.doneMonth <= 12 {
		a.end = a.doneMonth
		a.cap = 95
	} else {
		a.end = 13 + r.IntN(6)
		a.cap = 60 + 5*r.IntN(8)
	}
	first := a.m0 + a.quiet + 1
	if last := min(a.doneMonth, 13) - 1; r.IntN(100) < 12 && first <= last {
		a.blockFrom = first + r.IntN(last-first+1)
		a.blockTo = min(last, a.blockFrom+r.IntN(3))
	}
	a.repeatDone = r.IntN(3)
	for _, tg := range t.targets {
		v := valueTrack{percent: tg.percent}
		laggard := r.IntN(100) < 25
		if tg.percent {
			v.start = 30 + float64(r.IntN(41))
			v.step = 2 + 7*r.Float64()
			if laggard {
				v.step = 0.5 + 2.5*r.Float64()
			}
		} else {
			v.start = float64(50 + r.IntN(350))
			v.step = float64(30 + r.IntN(170))
			if laggard {
				v.step = float64(5 + r.IntN(25))
			}
		}
		a.values = append(a.values, v)
	}
	return a
}

// entry is one task's entry in one report.
type entry struct {
	task      string
	state     string
	done      time.Time
	progress  int
	values    []string // "id: value", in target order
	result    string
	obstacles string
	proposals string
}

// month draws a's entry for month m of a report submitted on submitted; ok
// is false when the report leaves the assignment out.
func (a *assignment) month(r *rand.Rand, m int, submitted time.Time) (e entry, ok bool) {
	e.task = a.t.id
	if a.doneSent {
		if a.repeatDone == 0 {
			return e, false
		}
		a.repeatDone--
		e.state, e.done, e.progress = "done", a.doneDate, 100
		return e, true
	}
	active := m - (a.m0 + a.quiet) + 1 // months of work so far, this one included
	switch {
	case m >= a.doneMonth:
		a.doneSent = true
		a.doneDate = a.doneDay
		if a.doneDate.After(submitted) {
			a.doneDate = submitted
		}
		e.state, e.done, e.progress = "done", a.doneDate, 100
		e.result = "Đã hoàn thành nhiệm vụ mẫu. " + sentence(r, resultPhrases, 100)
		if r.IntN(100) < 10 {
			e.proposals = sentence(r, proposalPhrases, 100)
		}
	case active <= 0:
		e.state, e.progress = "not-started", 0
		if r.IntN(2) == 0 {
			e.result = "Đang xây dựng kế hoạch triển khai mẫu."
		}
	case m >= a.blockFrom && m <= a.blockTo && a.blockFrom > 0:
		e.state, e.progress = "blocked", a.progress
		if r.IntN(2) == 0 {
			e.result = sentence(r, resultPhrases, a.progress)
		}
		e.obstacles = sentence(r, obstaclePhrases, a.progress)
		if r.IntN(100) < 70 {
			e.proposals = sentence(r, proposalPhrases, a.progress)
		}
	default:
		span := a.end - (a.m0 + a.quiet) // months from the first of work to done
		p := 10 + 85*active/max(span, 1)
		p = (p + r.IntN(11) - 3) / 5 * 5 // to a multiple of 5, with a little noise
		p = max(min(p, a.cap), a.progress, 5)
		e.state, e.progress = "in-progress", p
		e.result = sentence(r, resultPhrases, p)
		if r.IntN(100) < 30 {
			e.obstacles = sentence(r, obstaclePhrases, p)
		}
		if r.IntN(100) < 20 {
			e.proposals = sentence(r, proposalPhrases, p)
		}
	}
	a.progress = e.progress
	if e.state != "not-started" {
		for i, tg := range a.t.targets {
			v := a.values[i]
			x := v.start + v.step*float64(max(active, 1)-1)
			if v.percent {
				x = min(100, math.Round(x*10)/10)
			} else {
				x = math.Round(x)
			}
			e.values = append(e.values, tg.id+": "+num(x))
		}
	}
	return e, true
}

// submission draws the day a report for cycle c was sent: mostly between the
// 6th and the 15th (moved back to a working day), sometimes on the rolled-over
// deadline itself, and about one in eight 1–10 days late.
func (w *world) submission(r *rand.Rand, c cycle) time.Time {
	switch p := r.IntN(100); {
	case p < 12:
		t := c.deadline.AddDate(0, 0, 1+r.IntN(10))
		for !w.cal.isWorkingDay(t) {
			t = t.AddDate(0, 0, 1)
		}
		return t
	case p < 17:
		return c.deadline
	}
	t := c.due.AddDate(0, 0, -r.IntN(10))
	for !w.cal.isWorkingDay(t) && t.Day() > 1 {
		t = t.AddDate(0, 0, -1)
	}
	return w.cal.effective(t) // only moves when the 1st is a day off
}

// unitReports draws and writes u's twelve monthly reports.
func (w *world) unitReports(u *unit, taskIdx []int, r *rand.Rand, d *doc) (unitStats, error) {
	var st unitStats
	as := make([]*assignment, len(taskIdx))
	for i, ti := range taskIdx {
		as[i] = w.newAssignment(r, &w.tasks[ti])
	}
	st.assignments = len(as)
	code := strings.ToUpper(strings.ReplaceAll(u.id, "-", ""))
	number := 1 + r.IntN(40)
	var entries []entry
	for _, c := range w.cycles {
		if r.IntN(100) < 3 {
			st.missing++
			continue
		}
		submitted := w.submission(r, c)
		entries = entries[:0]
		for _, a := range as {
			if c.month < a.m0 {
				continue
			}
			if e, ok := a.month(r, c.month, submitted); ok {
				entries = append(entries, e)
			}
		}
		d.Reset()
		d.kv(0, "submitted", iso(submitted))
		number += 1 + r.IntN(30)
		if r.IntN(100) < 70 {
			d.kv(0, "document", fmt.Sprintf("Báo cáo số %d/BC-%s ngày %s", number, code, dmy(submitted)))
		}
		if len(entries) == 0 {
			d.kv(0, "tasks", "[]")
		} else {
			d.key(0, "tasks")
		}
		for _, e := range entries {
			d.item(2, "task", quoted(e.task))
			d.kv(4, "state", e.state)
			d.kv(4, "progress", strconv.Itoa(e.progress))
			if !e.done.IsZero() {
				d.kv(4, "done", iso(e.done))
			}
			if len(e.values) > 0 {
				d.kv(4, "values", "{"+strings.Join(e.values, ", ")+"}")
			}
			if e.result != "" {
				d.kv(4, "result", str(e.result, false))
			}
			if e.obstacles != "" {
				d.kv(4, "obstacles", str(e.obstacles, false))
			}
			if e.proposals != "" {
				d.kv(4, "proposals", str(e.proposals, false))
			}
		}
		p := filepath.Join(w.dir, "reports", fmt.Sprintf("%d-%02d", w.cal.year, c.month), u.id+".yaml")
		if err := os.WriteFile(p, d.Bytes(), 0o644); err != nil {
			return st, err
		}
		st.reports++
		st.bytes += int64(d.Len())
	}
	return st, nil
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
