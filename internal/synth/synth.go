// Package synth writes a synthetic plan folder in format plan06/v1: a
// province (~250 units, ~60 tasks, ~3,000 reports) or the whole country (34
// provinces, ~3,300 communes, ~100,000 reports), for tests, demos and load
// measurements. Every name is plainly synthetic ("Sở Tổng hợp 07", "Xã Mẫu
// 03-017"). The output depends only on the options: one math/rand/v2 PCG
// stream seeded with (seed, seed), no map iteration, no clock.
package synth

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Scales the generator knows.
const (
	ScaleProvince = "province"
	ScaleCountry  = "country"
)

// Options choose what to generate.
type Options struct {
	Scale string // ScaleProvince or ScaleCountry
	Seed  uint64
	Year  int // the plan year, 2020–2030
	// Workers write report files in parallel; 0 means GOMAXPROCS. The output
	// does not depend on it: each unit draws from its own stream, seeded in
	// unit order from the main one.
	Workers int
}

// Summary counts what was written.
type Summary struct {
	Units          int   // units in units.yaml
	ReportingUnits int   // units that lead at least one task
	Tasks          int   // tasks in tasks/*.yaml
	Assignments    int   // (task, unit) pairs, sets expanded
	Reports        int   // report files written
	Missing        int   // (unit, month) reports deliberately left out
	Files          int   // all files written, reports included
	Bytes          int64 // their total size
}

// String is the one-line summary the command prints.
func (s Summary) String() string {
	return fmt.Sprintf("%s units (%s reporting), %s tasks, %s assignments, %s report files (%s left missing), %s files, %s bytes",
		thousandsEn(s.Units), thousandsEn(s.ReportingUnits), thousandsEn(s.Tasks), thousandsEn(s.Assignments),
		thousandsEn(s.Reports), thousandsEn(s.Missing), thousandsEn(s.Files), thousandsEn(int(s.Bytes)))
}

func thousandsEn(n int) string { return strings.ReplaceAll(thousands(n), ".", ",") }

// UsageError is an error in the options, as opposed to one writing files.
type UsageError struct{ msg string }

func (e *UsageError) Error() string { return e.msg }

// world is the generated plan, held in memory except for the reports, which
// are written unit by unit as they are drawn.
type world struct {
	opt     Options
	country bool
	dir     string
	cal     *calendar
	cycles  []cycle
	tasks   []task
	units   []unit
	sets    []set
	byRole  map[role][]int // task indices led by a role, in plan order
	sum     Summary
}

// Generate writes the plan folder into dir, which must be absent or empty.
func Generate(dir string, opt Options) (Summary, error) {
	if opt.Scale != ScaleProvince && opt.Scale != ScaleCountry {
		return Summary{}, &UsageError{fmt.Sprintf("unknown scale %q; use province or country", opt.Scale)}
	}
	cal, err := newCalendar(opt.Year)
	if err != nil {
		return Summary{}, &UsageError{err.Error()}
	}
	if err := prepareDir(dir); err != nil {
		return Summary{}, err
	}
	r := rand.New(rand.NewPCG(opt.Seed, opt.Seed))
	w := &world{opt: opt, country: opt.Scale == ScaleCountry, dir: dir, cal: cal, cycles: cal.cycles(reportDay)}
	w.tasks = genTasks(r, cal)
	if w.country {
		w.units, w.sets = countryUnits(r)
	} else {
		w.units, w.sets = provinceUnits(r)
	}
	w.byRole = map[role][]int{}
	for i, t := range w.tasks {
		for _, l := range t.lead {
			w.byRole[l] = append(w.byRole[l], i)
		}
	}
	w.sum.Units = len(w.units)
	w.sum.Tasks = len(w.tasks)

	for _, f := range []struct {
		name  string
		write func(*doc)
	}{
		{"README.md", w.readme},
		{"plan.yaml", w.planYAML},
		{"units.yaml", w.unitsYAML},
		{"calendar.yaml", w.calendarYAML},
	} {
		var d doc
		f.write(&d)
		if err := w.write(f.name, d.Bytes()); err != nil {
			return w.sum, err
		}
	}
	for fi, tf := range taskFiles {
		var d doc
		w.tasksYAML(&d, fi)
		if err := w.write(filepath.Join("tasks", tf.name+".yaml"), d.Bytes()); err != nil {
			return w.sum, err
		}
	}
	if err := w.writeReports(r); err != nil {
		return w.sum, err
	}
	return w.sum, nil
}

const reportDay = 15

func prepareDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("cannot create %s: %w", dir, unwrapPath(err))
		}
		return nil
	case err != nil:
		return fmt.Errorf("cannot use %s: %w", dir, unwrapPath(err))
	case !fi.IsDir():
		return &UsageError{fmt.Sprintf("%s exists and is not a folder; name a new or empty folder", dir)}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", dir, unwrapPath(err))
	}
	if len(entries) > 0 {
		return &UsageError{fmt.Sprintf("%s is not empty; name a new or empty folder", dir)}
	}
	return nil
}

// unwrapPath drops the *PathError wrapper whose path the message already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// write stores one file (not a report) and counts it.
func (w *world) write(name string, data []byte) error {
	p := filepath.Join(w.dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return err
	}
	w.sum.Files++
	w.sum.Bytes += int64(len(data))
	return nil
}

// unitTasks lists the tasks u leads, in plan order.
func (w *world) unitTasks(u *unit) []int {
	var out []int
	for _, r := range u.roles {
		out = append(out, w.byRole[r]...)
	}
	if len(u.roles) > 1 {
		slices.Sort(out)
		out = slices.Compact(out)
	}
	return out
}

// unitStats is what one unit's reports added.
type unitStats struct {
	reports, missing, assignments int
	bytes                         int64
}

// writeReports draws one seed pair per reporting unit from the main stream,
// in unit order, then lets workers draw and write each unit's twelve months.
func (w *world) writeReports(r *rand.Rand) error {
	for m := 1; m <= 12; m++ {
		if err := os.MkdirAll(filepath.Join(w.dir, "reports", fmt.Sprintf("%d-%02d", w.cal.year, m)), 0o755); err != nil {
			return err
		}
	}
	type job struct {
		u     *unit
		tasks []int
		s1    uint64
		s2    uint64
	}
	var jobs []job
	for i := range w.units {
		u := &w.units[i]
		ts := w.unitTasks(u)
		if len(ts) == 0 {
			continue
		}
		jobs = append(jobs, job{u, ts, r.Uint64(), r.Uint64()})
	}
	stats := make([]unitStats, len(jobs))
	workers := w.opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var (
		next     atomic.Int64
		failed   atomic.Bool
		firstErr error
		errOnce  sync.Once
		wg       sync.WaitGroup
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var d doc
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				j := jobs[i]
				st, err := w.unitReports(j.u, j.tasks, rand.New(rand.NewPCG(j.s1, j.s2)), &d)
				if err != nil {
					errOnce.Do(func() { firstErr = err })
					failed.Store(true)
					return
				}
				stats[i] = st
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	w.sum.ReportingUnits = len(jobs)
	for _, st := range stats {
		w.sum.Reports += st.reports
		w.sum.Missing += st.missing
		w.sum.Assignments += st.assignments
		w.sum.Files += st.reports
		w.sum.Bytes += st.bytes
	}
	return nil
}
