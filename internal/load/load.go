package load

import (
	"cmp"
	"fmt"
	"io/fs"
	"slices"
	"time"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/planfs"
)

// Load reads the plan folder fsys, shown to the user as dir (e.g. "plan"),
// into a plan and the diagnostics found on the way. The error is for
// failures that leave nothing to check: an unreadable folder or a missing
// plan.yaml (wrapping ErrNoPlan). Everything else is a diagnostic, and the
// returned plan holds whatever could be read, so checks can go on.
//
// Only regular files inside the folder are read (internal/planfs): fsys
// should be a planfs.Dir for a folder on disk, so that no link or FIFO can
// lead the reading astray. A folder without plan.yaml is refused before it
// is listed. For a plan of more than 32 MB, Load sets the process's soft
// memory limit unless GOMEMLIMIT is set (see limitMemory).
func Load(fsys fs.FS, dir string) (*model.Plan, diag.Diagnostics, error) {
	if !planfs.HasPlan(fsys) {
		return nil, nil, fmt.Errorf("%w in %s", ErrNoPlan, displayDir(dir))
	}
	files, diags, err := walkRead(fsys, dir)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read plan folder %s: %w", dir, err)
	}
	// plan.yaml may still be missing from the list: refused by the walker
	// (a FIFO, a link out), which diags says; the rest is read all the same.

	p := &model.Plan{Dir: dir}
	// Sized once: appending 100,000 reports (country scale) one by one
	// would copy them 17 times and leave 60 MB of old arrays behind.
	nReports := 0
	for _, f := range files {
		if f.report != nil {
			nReports++
		}
	}
	reports := slices.Grow([]model.Report(nil), nReports) // nil when there are none
	seen := map[fileKind]string{}
	seenReport := map[string]string{} // "MONTH/UNIT": the first file
	for _, f := range files {
		diags = append(diags, f.diag...)
		switch f.kind {
		case kindStray:
			diags.Warnf(diag.File(f.name), "stray-file")
			continue
		case kindIgnored:
			continue
		case kindNotes:
			if n, ok := cycleNote(f); ok {
				p.CycleNotes = append(p.CycleNotes, n)
			}
			continue
		case kindReport:
			// so-tttt.yml beside so-tttt.yaml: two reports for one month.
			if month, unit, ok := splitReportPath(f.rel); ok {
				if other, dup := seenReport[month+"/"+unit]; dup {
					diags.Errorf(diag.File(f.name), "duplicate-file", other)
					continue
				}
				seenReport[month+"/"+unit] = f.name
			}
		case kindPlan, kindUnits, kindCalendar:
			// plan.yaml and plan.yml together would be two truths.
			if other, dup := seen[f.kind]; dup {
				diags.Errorf(diag.File(f.name), "duplicate-file", other)
				continue
			}
			seen[f.kind] = f.name
		}
		d := &decoder{file: f.name}
		switch f.kind {
		case kindPlan:
			p.PlanFile = f.name
			if f.doc != nil {
				d.planFile(f.doc, p)
			}
		case kindUnits:
			p.UnitsFile = f.name
			if f.doc != nil {
				d.unitsFile(f.doc, p)
			} else {
				p.UnitsIncomplete = true
			}
		case kindCalendar:
			p.Calendar.File = f.name
			if f.doc != nil {
				d.calendarFile(f.doc, &p.Calendar)
			}
		case kindTasks:
			if f.doc != nil {
				d.tasksFile(f.doc, p)
			} else {
				p.TasksIncomplete = true
			}
		case kindReport:
			if f.report != nil {
				reports = append(reports, *f.report)
				f.report = nil
			}
		}
		diags = append(diags, d.diags...)
		f.doc = nil // let the tree go: at country scale these add up
	}
	if p.UnitsFile == "" {
		diags.Errorf(diag.File(join(dir, "units.yaml")), "missing-file")
	}
	slices.SortStableFunc(reports, func(a, b model.Report) int {
		return cmp.Or(a.Month.Compare(b.Month), cmp.Compare(a.Unit, b.Unit))
	})
	p.Reports = reports
	diags = append(diags, resolve(p)...)
	return p, diags, nil
}

func displayDir(dir string) string {
	if dir == "" || dir == "." {
		return "the current folder"
	}
	return dir + "/"
}

// resolve gives meaning to the plan's written dates: the calendar, every
// task's deadline and start, and every milestone's first day.
func resolve(p *model.Plan) diag.Diagnostics {
	var ds diag.Diagnostics
	c := &p.Calendar
	var weekend []time.Weekday
	if c.Weekend != nil {
		weekend = []time.Weekday{}
		for _, w := range c.Weekend {
			if wd, ok := weekdays[w.Value]; ok {
				weekend = append(weekend, wd)
			}
		}
	}
	var off []dates.Span
	for _, h := range c.Holidays {
		if !h.From.Date.IsZero() && !h.To.Date.IsZero() {
			off = append(off, dates.Span{From: h.From.Date, To: h.To.Date})
		}
	}
	var work []dates.Date
	for _, h := range c.WorkingDays {
		for d := h.From.Date; !d.IsZero() && !h.To.Date.IsZero() && !d.After(h.To.Date); d = d.AddDays(1) {
			work = append(work, d)
		}
	}
	named := map[string]dates.Date{}
	for _, n := range c.NamedDays {
		if !n.Date.Date.IsZero() {
			named[n.Name.Value] = n.Date.Date
		}
	}
	p.Cal = dates.NewCalendar(weekend, off, work, named)

	for i := range p.Tasks {
		t := &p.Tasks[i]
		if t.Due.Value != "" {
			dl, err := dates.Parse(t.Due.Value, p.Cal.Named)
			if err != nil {
				ds = append(ds, deadlineError(t.Due, "due", err))
			} else {
				t.Deadline = dl
			}
		}
		t.StartDay = p.PeriodFrom.Date
		if t.Deadline.Ongoing && !t.Deadline.First.IsZero() {
			t.StartDay = t.Deadline.First
		}
		if t.Start.Value != "" {
			dl, err := dates.Parse(t.Start.Value, p.Cal.Named)
			switch {
			case err != nil:
				ds = append(ds, deadlineError(t.Start, "start", err))
			case dl.First.IsZero():
				ds.Errorf(t.Start.Pos, "start-no-first", t.Start.Value)
			default:
				t.StartDay = dl.First
			}
		}
		for j := range t.Targets {
			for k := range t.Targets[j].Milestones {
				m := &t.Targets[j].Milestones[k]
				if m.From.Value == "" {
					continue
				}
				dl, err := dates.Parse(m.From.Value, p.Cal.Named)
				switch {
				case err != nil:
					ds = append(ds, deadlineError(m.From, "from", err))
				case dl.First.IsZero():
					ds.Errorf(m.From.Pos, "start-no-first", m.From.Value)
				default:
					m.FromDay = dl.First
				}
			}
		}
	}
	return ds
}

func deadlineError(t model.Text, what string, err error) diag.Diagnostic {
	key := "bad-deadline"
	if pe, ok := err.(*dates.ParseError); ok {
		switch pe.Reason {
		case "no such day":
			key = "no-such-day"
		case "unknown named day":
			key = "unknown-named-day"
		}
	}
	return diag.Diagnostic{Pos: t.Pos, Severity: diag.Error, Key: key, Args: []any{what, t.Value}}
}
