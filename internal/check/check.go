// Package check holds the rules of validation that need the whole plan:
// identities, references, cycles, milestones and the consistency of reports
// with tasks (SPEC §2.2). Rules about one value (types, keys, syntax) run in
// internal/load as the value is read. Check is pure: model in, diagnostics
// out.
package check

import (
	"slices"
	"strings"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/model"
)

// Plan checks p and returns every problem found.
func Plan(p *model.Plan) diag.Diagnostics {
	c := &checker{p: p, ix: model.NewIndex(p), badRefs: map[*model.Task]bool{}}
	c.identities()
	c.units()
	c.groups()
	c.tasks()
	c.reports()
	return c.diags
}

type checker struct {
	p     *model.Plan
	ix    *model.Index
	diags diag.Diagnostics
	// badRefs marks tasks whose lead or support names an unknown unit: who
	// may report on them is unknown, so their report entries are not judged.
	badRefs map[*model.Task]bool
}

// names lists the ids of units and sets, for "did you mean".
func (c *checker) unitAndSetIDs() []string {
	ids := make([]string, 0, len(c.p.Units)+len(c.p.Sets))
	for _, u := range c.p.Units {
		ids = append(ids, u.ID.Value)
	}
	for _, s := range c.p.Sets {
		ids = append(ids, s.ID.Value)
	}
	return ids
}

// unknown reports an unknown reference with a suggestion when one is close.
func (c *checker) unknown(t model.Text, kind diag.Word, field string, candidates []string) {
	if kind == "unit" && c.p.UnitsIncomplete || kind == "task" && c.p.TasksIncomplete {
		return
	}
	if s := diag.Suggest(t.Value, candidates); s != "" {
		c.diags.Errorf(t.Pos, "unknown-ref-suggest", kind, t.Value, field, s)
	} else {
		c.diags.Errorf(t.Pos, "unknown-ref", kind, t.Value, field)
	}
}

// identities: ids are unique, units and sets sharing one namespace.
func (c *checker) identities() {
	seen := map[string]diag.Pos{}
	once := func(t model.Text, kind diag.Word, seen map[string]diag.Pos) {
		if t.Value == "" {
			return
		}
		if prev, dup := seen[t.Value]; dup {
			c.diags.Errorf(t.Pos, "duplicate-id", kind, t.Value, prev.String())
			return
		}
		seen[t.Value] = t.Pos
	}
	for _, u := range c.p.Units {
		once(u.ID, "unit", seen)
	}
	for _, s := range c.p.Sets {
		once(s.ID, "set", seen)
	}
	groups := map[string]diag.Pos{}
	for _, g := range c.p.Groups {
		once(g.ID, "group", groups)
	}
	tasks := map[string]diag.Pos{}
	for _, t := range c.p.Tasks {
		once(t.ID, "task", tasks)
		targets := map[string]diag.Pos{}
		for _, tg := range t.Targets {
			once(tg.ID, "target", targets)
		}
	}
	utils := map[int]diag.Pos{}
	for _, u := range c.p.Utilities {
		if prev, dup := utils[u.ID]; dup {
			c.diags.Errorf(u.Pos, "duplicate-id", diag.Word("utility"), u.ID, prev.String())
		}
		utils[u.ID] = u.Pos
	}
}

func (c *checker) units() {
	ids := c.unitAndSetIDs()
	unitIDs := make([]string, 0, len(c.p.Units))
	for _, u := range c.p.Units {
		unitIDs = append(unitIDs, u.ID.Value)
	}
	if s := c.p.Reporting.Secretariat; s.Value != "" && c.ix.Unit(s.Value) == nil {
		c.unknown(s, "unit", "reporting.secretariat", unitIDs)
	}
	for _, a := range c.p.Reporting.Also {
		if c.ix.Unit(a.Value) == nil && c.ix.Set(a.Value) == nil {
			c.unknown(a, "unit", "reporting.also", ids)
		}
	}
	// Parents: known, and no unit is its own ancestor.
	for _, u := range c.p.Units {
		if u.Parent.Value == "" {
			continue
		}
		if c.ix.Unit(u.Parent.Value) == nil {
			c.unknown(u.Parent, "unit", "parent", unitIDs)
			continue
		}
		if path := c.unitCycle(u.ID.Value); path != "" {
			c.diags.Errorf(u.Parent.Pos, "cycle", diag.Word("unit-parent"), path)
		}
	}
	c.lifecycles(unitIDs)
	for _, s := range c.p.Sets {
		for _, m := range s.Members {
			if c.ix.Unit(m.Value) == nil && c.ix.Set(m.Value) == nil {
				c.unknown(m, "unit", "members", ids)
			}
		}
		if path := c.setCycle(s.ID.Value, nil); path != "" {
			c.diags.Errorf(s.ID.Pos, "cycle", diag.Word("set-membership"), path)
			continue
		}
		if len(c.ix.Expand([]model.Text{s.ID})) == 0 {
			c.diags.Warnf(s.ID.Pos, "empty-set", s.ID.Value)
		}
	}
}

// lifecycles checks units over time and reporting routes (SPEC §9): from
// is not after until; a successor is a known unit that exists the day
// after its predecessor's until (so a successor needs an until), and
// following successors never comes back; reports_to names a known unit,
// and following reports_to never comes back.
func (c *checker) lifecycles(unitIDs []string) {
	for i := range c.p.Units {
		u := &c.p.Units[i]
		if !u.From.Date.IsZero() && !u.Until.Date.IsZero() && u.Until.Date.Before(u.From.Date) {
			c.diags.Errorf(u.Until.Pos, "unit-until-before-from", u.ID.Value, u.Until.Text, u.From.Text)
		}
		if u.Successor.Value != "" {
			next := c.ix.Unit(u.Successor.Value)
			switch {
			case next == nil:
				c.unknown(u.Successor, "unit", "successor", unitIDs)
			case u.Until.Date.IsZero():
				c.diags.Errorf(u.Successor.Pos, "successor-needs-until", u.ID.Value)
			case next != u && !next.ExistsOn(u.Until.Date.AddDays(1)):
				c.diags.Errorf(u.Successor.Pos, "successor-not-existing", next.ID.Value, u.Until.Date.AddDays(1).VN(), u.ID.Value)
			}
			if next != nil {
				if path := c.chainCycle(u.ID.Value, func(x *model.Unit) string { return x.Successor.Value }); path != "" {
					c.diags.Errorf(u.Successor.Pos, "cycle", diag.Word("successor"), path)
				}
			}
		}
		if u.ReportsTo.Value != "" {
			if c.ix.Unit(u.ReportsTo.Value) == nil {
				c.unknown(u.ReportsTo, "unit", "reports_to", unitIDs)
			} else if path := c.chainCycle(u.ID.Value, func(x *model.Unit) string { return x.ReportsTo.Value }); path != "" {
				c.diags.Errorf(u.ReportsTo.Pos, "cycle", diag.Word("reports-to"), path)
			}
		}
	}
}

// chainCycle returns "a → b → a" when following next from unit id returns
// to it; a cycle further along is reported at its own units.
func (c *checker) chainCycle(id string, next func(*model.Unit) string) string {
	path := id
	seen := map[string]bool{id: true}
	for cur := c.ix.Unit(id); cur != nil && next(cur) != ""; cur = c.ix.Unit(next(cur)) {
		n := next(cur)
		path += " → " + n
		if n == id {
			return path
		}
		if seen[n] {
			return ""
		}
		seen[n] = true
	}
	return ""
}

// unitCycle returns "a → b → a" when following parents from id returns to it.
func (c *checker) unitCycle(id string) string {
	path := id
	seen := map[string]bool{id: true}
	for cur := c.ix.Unit(id); cur != nil && cur.Parent.Value != ""; cur = c.ix.Unit(cur.Parent.Value) {
		path += " → " + cur.Parent.Value
		if cur.Parent.Value == id {
			return path
		}
		if seen[cur.Parent.Value] {
			return "" // a cycle further up: reported at its own members
		}
		seen[cur.Parent.Value] = true
	}
	return ""
}

// setCycle returns "a → b → a" when set id contains itself through the
// members of its member sets; stack is the path walked so far.
func (c *checker) setCycle(id string, stack []string) string {
	if len(stack) > 0 && stack[0] == id {
		return strings.Join(append(stack, id), " → ")
	}
	if slices.Contains(stack, id) || len(stack) > 64 {
		return "" // a cycle that does not pass through the first set: reported at its own sets
	}
	s := c.ix.Set(id)
	if s == nil {
		return ""
	}
	for _, m := range s.Members {
		if c.ix.Set(m.Value) != nil {
			if p := c.setCycle(m.Value, append(slices.Clip(stack), id)); p != "" {
				return p
			}
		}
	}
	return ""
}

func (c *checker) groups() {
	ids := make([]string, 0, len(c.p.Groups))
	for _, g := range c.p.Groups {
		ids = append(ids, g.ID.Value)
	}
	for _, g := range c.p.Groups {
		if g.Parent.Value == "" {
			continue
		}
		if c.ix.Group(g.Parent.Value) == nil {
			c.unknown(g.Parent, "group", "parent", ids)
			continue
		}
		path, seen := g.ID.Value, map[string]bool{g.ID.Value: true}
		for cur := c.ix.Group(g.Parent.Value); cur != nil; cur = c.ix.Group(cur.Parent.Value) {
			path += " → " + cur.ID.Value
			if cur.ID.Value == g.ID.Value {
				c.diags.Errorf(g.Parent.Pos, "cycle", diag.Word("group-parent"), path)
				break
			}
			if seen[cur.ID.Value] || cur.Parent.Value == "" {
				break
			}
			seen[cur.ID.Value] = true
		}
	}
}

func (c *checker) tasks() {
	groupIDs := make([]string, 0, len(c.p.Groups))
	for _, g := range c.p.Groups {
		groupIDs = append(groupIDs, g.ID.Value)
	}
	ids := c.unitAndSetIDs()
	utils := map[int]bool{}
	for _, u := range c.p.Utilities {
		utils[u.ID] = true
	}
	for i := range c.p.Tasks {
		t := &c.p.Tasks[i]
		if t.Group.Value != "" && c.ix.Group(t.Group.Value) == nil {
			c.unknown(t.Group, "group", "group", groupIDs)
		}
		for _, u := range t.Utilities {
			if !utils[u.ID] {
				c.diags.Errorf(u.Pos, "unknown-utility", u.ID)
			}
		}
		allKnown := true
		for _, l := range t.Lead {
			if l.Value != "" && c.ix.Unit(l.Value) == nil && c.ix.Set(l.Value) == nil {
				c.unknown(l, "unit", "lead", ids)
				allKnown = false
				c.badRefs[t] = true
			}
		}
		for _, s := range t.Support {
			if s.Value != "" && c.ix.Unit(s.Value) == nil && c.ix.Set(s.Value) == nil {
				c.unknown(s, "unit", "support", ids)
				c.badRefs[t] = true
			}
		}
		if allKnown && len(t.Lead) > 0 && len(c.ix.Expand(t.Lead)) == 0 {
			c.diags.Errorf(t.Lead[0].Pos, "lead-empty", t.ID.Value)
		}
		if !t.Start.Pos.IsZero() && !t.StartDay.IsZero() && !t.Deadline.Ongoing && !t.Deadline.Last.IsZero() && t.Deadline.Last.Before(t.StartDay) {
			c.diags.Errorf(t.Due.Pos, "due-before-start", t.Due.Value, t.Start.Value)
		}
		for _, tg := range t.Targets {
			for k := 1; k < len(tg.Milestones); k++ {
				prev, cur := tg.Milestones[k-1], tg.Milestones[k]
				if !prev.FromDay.IsZero() && !cur.FromDay.IsZero() && !cur.FromDay.After(prev.FromDay) {
					c.diags.Errorf(cur.From.Pos, "milestone-order", cur.From.Value, prev.From.Value)
				}
			}
		}
	}
}

func (c *checker) reports() {
	unitIDs := make([]string, 0, len(c.p.Units))
	for _, u := range c.p.Units {
		unitIDs = append(unitIDs, u.ID.Value)
	}
	// Who may report on a task: its leads and supporters, sets expanded
	// once, kept as a set of bits over the units' positions. (A map of unit
	// ids per task, read once per entry, cost more at the country's scale
	// than every other check of the reports together.) A unit's position
	// is that of the unit the index gives for its id, so duplicated ids
	// share one bit, as they shared one key.
	unitPos := make(map[*model.Unit]int, len(c.p.Units))
	for i := range c.p.Units {
		if u := &c.p.Units[i]; c.ix.Unit(u.ID.Value) == u {
			unitPos[u] = i
		}
	}
	words := (len(c.p.Units) + 63) / 64
	bits := make([]uint64, words*len(c.p.Tasks))
	related := make(map[*model.Task]unitBits, len(c.p.Tasks))
	for i := range c.p.Tasks {
		t := &c.p.Tasks[i]
		m := unitBits(bits[i*words : (i+1)*words : (i+1)*words])
		// A successor takes over its predecessors' assignments, so it may
		// report on their tasks too (SPEC §9). Units come from the index,
		// so each has a position.
		relate := func(u *model.Unit) {
			for seen := 0; u != nil && !m.has(unitPos[u]) && seen < 64; seen++ {
				m.set(unitPos[u])
				u = c.ix.Unit(u.Successor.Value)
			}
		}
		for _, u := range c.ix.Expand(t.Lead) {
			relate(u)
		}
		for _, u := range c.ix.Expand(t.Support) {
			relate(u)
		}
		related[t] = m
	}
	rollover := c.p.Reporting.Rollover == model.RolloverNextWorkingDay
	// A plan's reports fall in a few months: each month's cycle is
	// computed once.
	cycles := map[dates.Month]dates.Cycle{}
	cycle := func(m dates.Month) dates.Cycle {
		cy, ok := cycles[m]
		if !ok {
			cy = c.p.Cal.Cycle(m, c.p.Reporting.Day, rollover)
			cycles[m] = cy
		}
		return cy
	}
	// A report's month folder names a cycle of the plan (SPEC §2.2, a
	// report path whose month is unknown): see Plan.ReportMonths.
	from, to := c.p.PeriodFrom.Date, c.p.PeriodTo.Date
	lo, hi, bounded := c.p.ReportMonths()
	inPeriod := func(m dates.Month) bool { return !bounded || m.Compare(lo) >= 0 && m.Compare(hi) <= 0 }
	seen := map[string]diag.Pos{}
	for i := range c.p.Reports {
		r := &c.p.Reports[i]
		file := diag.File(r.File)
		if !inPeriod(r.Month) {
			c.diags.Errorf(file, "report-month-outside", r.Month.String(), from.VN(), to.VN(),
				lo.String(), hi.String())
		}
		u := c.ix.Unit(r.Unit)
		if u == nil {
			if c.p.UnitsIncomplete {
				continue
			}
			if c.ix.Set(r.Unit) != nil {
				c.diags.Errorf(file, "report-by-set", r.Unit)
			} else if s := diag.Suggest(r.Unit, unitIDs); s != "" {
				c.diags.Errorf(file, "report-unknown-unit-suggest", r.Unit, s)
			} else {
				c.diags.Errorf(file, "report-unknown-unit", r.Unit)
			}
			continue
		}
		if c.p.Reporting.Day > 0 && (!u.From.Date.IsZero() || !u.Until.Date.IsZero()) {
			// A report's cycle must meet the unit's life: from the opening
			// of its data period to its deadline (a unit that ends mid-period
			// may still send its last report; one that starts may send its
			// first).
			cy := cycle(r.Month)
			if !u.Until.Date.IsZero() && u.Until.Date.Before(cy.PeriodFrom) || !u.From.Date.IsZero() && u.From.Date.After(cy.Deadline) {
				c.diags.Errorf(file, "report-unit-not-existing", r.Unit, r.Month.String(), lifeSpan(u))
			}
		}
		if c.p.Reporting.Day > 0 && !r.Submitted.Date.IsZero() {
			cy := cycle(r.Month)
			if r.Submitted.Date.Before(cy.PeriodFrom) {
				c.diags.Warnf(r.Submitted.Pos, "submitted-early", r.Submitted.Text, cy.PeriodFrom.VN(), diag.Month{Year: r.Month.Year, Month: int(r.Month.Month)})
			}
		}
		ui := unitPos[u]
		clear(seen)
		for j := range r.Entries {
			e := &r.Entries[j]
			if e.Task.Value == "" {
				continue
			}
			if prev, dup := seen[e.Task.Value]; dup {
				c.diags.Errorf(e.Task.Pos, "duplicate-entry", e.Task.Value, prev.Line)
				continue
			}
			seen[e.Task.Value] = e.Task.Pos
			t := c.ix.Task(e.Task.Value)
			if t == nil {
				c.unknown(e.Task, "task", "task", c.taskIDs())
				continue
			}
			if !related[t].has(ui) && !c.badRefs[t] {
				c.diags.Errorf(e.Task.Pos, "entry-not-assigned", e.Task.Value, r.Unit)
			}
			if e.State == model.Done {
				if t.Deadline.Ongoing {
					c.diags.Warnf(e.StatePos, "done-ongoing", e.Task.Value)
				}
				if !e.Done.Date.IsZero() && !r.Submitted.Date.IsZero() && e.Done.Date.After(r.Submitted.Date) {
					c.diags.Errorf(e.Done.Pos, "done-after-submitted", e.Done.Text, r.Submitted.Text)
				}
			}
			for _, v := range e.Values {
				if !hasTarget(t, v.Target.Value) {
					var ids []string
					for _, tg := range t.Targets {
						ids = append(ids, tg.ID.Value)
					}
					if s := diag.Suggest(v.Target.Value, ids); s != "" {
						c.diags.Errorf(v.Target.Pos, "unknown-target-suggest", v.Target.Value, t.ID.Value, s)
					} else {
						c.diags.Errorf(v.Target.Pos, "unknown-target", v.Target.Value, t.ID.Value)
					}
				}
			}
		}
	}
}

func (c *checker) taskIDs() []string {
	ids := make([]string, 0, len(c.p.Tasks))
	for _, t := range c.p.Tasks {
		ids = append(ids, t.ID.Value)
	}
	return ids
}

func hasTarget(t *model.Task, id string) bool {
	for _, tg := range t.Targets {
		if tg.ID.Value == id {
			return true
		}
	}
	return false
}

// lifeSpan is "01/11/2024 – …" for messages about the days a unit exists.
func lifeSpan(u *model.Unit) string {
	from, until := "…", "…"
	if !u.From.Date.IsZero() {
		from = u.From.Date.VN()
	}
	if !u.Until.Date.IsZero() {
		until = u.Until.Date.VN()
	}
	return from + " – " + until
}

// unitBits is a set of units by position in Plan.Units.
type unitBits []uint64

func (b unitBits) has(i int) bool { return b[i/64]&(1<<(i%64)) != 0 }

func (b unitBits) set(i int) { b[i/64] |= 1 << (i % 64) }
