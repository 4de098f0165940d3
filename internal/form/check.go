package form

import (
	"path"
	"strings"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/model"
)

// Check says whether the form belongs where it is being imported: to plan
// p, to cycle (the zero Month accepts any cycle), to a unit of the plan;
// and, when the file still has the name plan06 gave it, to the unit and
// cycle that name says. Task ids the plan does not know are errors too. A
// task marked done with a progress under 100 loses the progress, with a
// warning (the entry is changed in place). A form whose answers are all
// as `form` wrote them gets a warning at the file.
func (fl *Filled) Check(p *model.Plan, ix *model.Index, cycle dates.Month) diag.Diagnostics {
	var ds diag.Diagnostics
	k := &fl.Keys
	kp := func(c string) diag.Pos { return diag.Pos{File: fl.File + ":" + keysSheet + "!" + c} }
	if k.Plan != p.ID.Value {
		ds.Errorf(kp("B2"), "form-other-plan", Clean(k.Plan), p.ID.Value)
		return ds
	}
	if !idPattern.MatchString(k.Unit) || ix.Unit(k.Unit) == nil {
		ds.Errorf(kp("B3"), "form-unknown-unit", Clean(k.Unit))
		return ds
	}
	m, ok := dates.ParseMonth(k.Cycle)
	if !ok {
		ds.Errorf(kp("B4"), "form-keys-tampered")
		return ds
	}
	if cycle != (dates.Month{}) && m != cycle {
		ds.Errorf(kp("B4"), "form-other-cycle", m.String(), cycle.String())
	}
	base := path.Base(strings.ReplaceAll(fl.File, "\\", "/"))
	if rest, ok := strings.CutPrefix(base, "phieu-bao-cao-"); ok {
		if stem, ok := strings.CutSuffix(rest, ".xlsx"); ok && len(stem) > 8 && stem[7] == '-' {
			fileCycle, fileUnit := stem[:7], stem[8:]
			if fileUnit != k.Unit || fileCycle != k.Cycle {
				ds.Errorf(diag.Pos{File: fl.File}, "form-other-unit", k.Unit, k.Cycle)
			}
		}
	}
	for i := range fl.Report.Entries {
		e := &fl.Report.Entries[i]
		t := ix.Task(e.Task.Value)
		if t == nil {
			ds.Errorf(fl.pos(colID, fl.EntryRows[i]), "form-unknown-task", Clean(e.Task.Value))
			continue
		}
		// A row switched to Hoàn thành keeps the progress the form was
		// prefilled with (0 % for a task not yet reported): the report
		// would say done at 0 %. A done task counts as 100 % (SPEC §3.2),
		// so the progress is left out and the clerk's figure named. A
		// standing duty reported done stays in progress with its figure,
		// so its progress is kept.
		if e.State == model.Done && !t.Deadline.Ongoing && e.Progress != nil && *e.Progress != 100 {
			ds.Warnf(fl.pos(colProgress, fl.EntryRows[i]), "form-done-progress", *e.Progress)
			e.Progress = nil
		}
	}
	// A form that belongs here but came back as it was written: every
	// unit's prefilled form imported by mistake, or a unit that did not
	// fill it in. Not refused: a unit may truly have nothing new.
	if fl.Untouched && !ds.HasErrors() {
		ds.Warnf(diag.Pos{File: fl.File}, "form-untouched")
	}
	return ds
}

// CarryOver adds to the form's report the entries of old, the report the
// import replaces, for tasks the form has no row for: a form leaves out the
// tasks already done, and what it could not speak about must not be lost
// (a done task would read as overdue again). The entries are kept as they
// are; the ids carried over are returned in old's order.
func (fl *Filled) CarryOver(old *model.Report) []string {
	if old == nil {
		return nil
	}
	keyed := make(map[string]bool, len(fl.Keys.Tasks))
	for _, t := range fl.Keys.Tasks {
		keyed[t.Task] = true
	}
	var kept []string
	for _, e := range old.Entries {
		if e.Task.Value == "" || keyed[e.Task.Value] {
			continue
		}
		keyed[e.Task.Value] = true // a duplicate in old is kept once
		fl.Report.Entries = append(fl.Report.Entries, e)
		kept = append(kept, e.Task.Value)
	}
	return kept
}
