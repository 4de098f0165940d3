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
// cycle that name says. Task ids the plan does not know are errors too.
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
	for i, e := range fl.Report.Entries {
		if ix.Task(e.Task.Value) == nil {
			ds.Errorf(fl.pos(colID, fl.EntryRows[i]), "form-unknown-task", Clean(e.Task.Value))
		}
	}
	return ds
}
