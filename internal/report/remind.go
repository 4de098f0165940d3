package report

import (
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

// Reminder is the content of the standing office's reminder (văn bản đôn
// đốc, SPEC §10) for one cycle at D: the units that have not reported or
// reported late, and the units with open-overdue assignments, each with its
// tasks and days overdue.
type Reminder struct {
	Lang   i18n.Lang
	Result *status.Result
	// Missing and Late are the cycle's units in those report states, by name.
	Missing, Late []status.UnitReport
	// Overdue are the units with open-overdue assignments, by name.
	Overdue []UnitOverdue
	// Recipients are every unit named above, once, by name (Kính gửi).
	Recipients []*model.Unit
}

// UnitOverdue is one unit's open-overdue assignments, in plan order.
type UnitOverdue struct {
	Unit  *model.Unit
	Items []Problem
}

// BuildReminder computes the reminder of r's cycle at r's day.
func BuildReminder(r *status.Result, lang i18n.Lang) *Reminder {
	rm := &Reminder{Lang: lang, Result: r}
	if rm.Lang != i18n.EN {
		rm.Lang = i18n.VI
	}
	seen := map[string]bool{}
	add := func(u *model.Unit) {
		if !seen[u.ID.Value] {
			seen[u.ID.Value] = true
			rm.Recipients = append(rm.Recipients, u)
		}
	}
	for _, u := range r.Units {
		switch u.State {
		case status.Missing:
			rm.Missing = append(rm.Missing, u)
			add(u.Unit)
		case status.Late:
			rm.Late = append(rm.Late, u)
			add(u.Unit)
		}
	}
	by := map[string]*UnitOverdue{}
	for i := range r.Tasks {
		t := &r.Tasks[i]
		for j := range t.Assignments {
			a := &t.Assignments[j]
			if a.Outcome != status.OpenOverdue {
				continue
			}
			uo := by[a.Unit.ID.Value]
			if uo == nil {
				uo = &UnitOverdue{Unit: a.Unit}
				by[a.Unit.ID.Value] = uo
			}
			p := Problem{Task: t, Assignment: a}
			if !t.Due.IsZero() {
				p.Days = r.AsOf.Sub(t.Due)
			}
			uo.Items = append(uo.Items, p)
			add(a.Unit)
		}
	}
	for _, uo := range by {
		rm.Overdue = append(rm.Overdue, *uo)
	}
	sortByName(rm.Overdue, func(o *UnitOverdue) *model.Unit { return o.Unit })
	byReport := func(r *status.UnitReport) *model.Unit { return r.Unit }
	sortByName(rm.Missing, byReport)
	sortByName(rm.Late, byReport)
	sortByName(rm.Recipients, func(u **model.Unit) *model.Unit { return *u })
	return rm
}

// T is i18n.T in the reminder's language.
func (rm *Reminder) T(key string, args ...any) string { return i18n.T(rm.Lang, key, args...) }

// Empty reports whether nobody needs reminding.
func (rm *Reminder) Empty() bool { return len(rm.Recipients) == 0 }
