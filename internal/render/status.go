package render

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

// Options say how `plan06 status` is shown. The CLI fills them from its
// flags and the terminal; the renderers read no environment.
type Options struct {
	// Lang is the language of labels, state names and dates (dd/mm/yyyy in
	// vi, ISO in en).
	Lang i18n.Lang
	// Color turns on ANSI colour for statuses and report states. The CLI
	// decides it (a terminal, no NO_COLOR, no --no-color); renderers never
	// colour otherwise.
	Color bool
	// Width is the terminal width the table is fitted to by wrapping
	// titles and names; 0 means 100.
	Width int
	// ByUnit shows one row per unit instead of the tasks (`--by unit`).
	ByUnit bool
}

// width is o.Width with its default.
func (o Options) width() int {
	if o.Width <= 0 {
		return 100
	}
	return o.Width
}

// t translates key.
func (o Options) t(key string, args ...any) string { return i18n.T(o.Lang, key, args...) }

// day prints d the way readers of o.Lang write it: dd/mm/yyyy in
// Vietnamese, ISO in English (unambiguous whichever side of the Atlantic
// the reader is on); "—" for no day.
func (o Options) day(d dates.Date) string {
	switch {
	case d.IsZero():
		return o.t("render.none")
	case o.Lang == i18n.EN:
		return d.String()
	}
	return d.VN()
}

// month names a cycle: "tháng 4/2024", "April 2024".
func (o Options) month(m dates.Month) string {
	if m.Month < 1 || m.Month > 12 {
		return m.String()
	}
	return o.t("render.month", o.t("render.month."+strconv.Itoa(int(m.Month))), m.Year)
}

// due is a task's due cell: the effective deadline, or the ongoing word.
func (o Options) due(t *status.Task) string {
	if t.Ongoing {
		return o.t("render.ongoing")
	}
	return o.day(t.Due)
}

// cycleHeading is the line above the reporting table.
func (o Options) cycleHeading(c dates.Cycle) string {
	return o.t("render.cycle", o.month(c.Month), o.day(c.Deadline), o.day(c.PeriodFrom), o.day(c.PeriodTo))
}

// statusColors and reportColors are the SGR colours of the states that
// call for attention; the others stay plain.
var (
	statusColors = map[status.Status]string{
		status.Overdue: "31", // red
		status.Blocked: "35", // magenta
		status.AtRisk:  "33", // yellow
		status.DueSoon: "36", // cyan
		status.Done:    "32", // green
	}
	outcomeColors = map[status.Outcome]string{
		status.DoneOnTime:  "32", // green
		status.DoneLate:    "33", // yellow
		status.OpenOverdue: "31", // red
	}
	reportColors = map[status.ReportState]string{
		status.Missing: "31", // red
		status.Late:    "33", // yellow
	}
)

func statusColor(s status.Status) string      { return statusColors[s] }
func reportColor(s status.ReportState) string { return reportColors[s] }

// statusLabel and reportLabel are the localized state names.
func (o Options) statusLabel(s status.Status) string { return o.t("status." + string(s)) }

func (o Options) reportLabel(s status.ReportState) string {
	if s == "" {
		return o.t("render.none")
	}
	return o.t("report." + string(s))
}

// planTitle is the plan's title, or its id when it has none.
func planTitle(p *model.Plan) string {
	if p.Title.Value != "" {
		return p.Title.Value
	}
	return p.ID.Value
}

// leadNames is a task's lead as it stands on day d (SPEC §9: units are
// named as they were at d): each unit named directly by the holder of its
// assignments on d (its successor once it has ended, as the assignments
// are computed), by its short name (its name when it has none); each set
// by its name; an unknown id as is. A holder named twice shows once.
func leadNames(ix *model.Index, t *model.Task, d dates.Date) string {
	names := make([]string, 0, len(t.Lead))
	seen := make(map[*model.Unit]bool, len(t.Lead))
	for _, id := range t.Lead {
		u, s := ix.UnitAt(id, d), ix.Set(id.Value)
		if u != nil {
			if seen[u] {
				continue
			}
			seen[u] = true
		}
		switch {
		case u != nil && u.Short.Value != "":
			names = append(names, u.Short.Value)
		case u != nil && u.Name.Value != "":
			names = append(names, u.Name.Value)
		case s != nil && s.Name.Value != "":
			names = append(names, s.Name.Value)
		default:
			names = append(names, id.Value)
		}
	}
	return strings.Join(names, ", ")
}

// unitName is a unit's full name, or its id when it has none.
func unitName(u *model.Unit) string {
	if u.Name.Value != "" {
		return u.Name.Value
	}
	return u.ID.Value
}

// byName sorts by Vietnamese collation of the name, then by id so that the
// order never depends on the input's.
func byName(a, b *model.Unit) int {
	if c := i18n.Compare(unitName(a), unitName(b)); c != 0 {
		return c
	}
	return cmp.Compare(a.ID.Value, b.ID.Value)
}

// section is one group of the task table: a heading, and the tasks filed
// directly under the group, in plan order. A group with no task of its own
// but with tasks below it still has a section, for its heading.
type section struct {
	title string
	depth int
	tasks []*status.Task
}

// sections lays r's tasks out under their groups: groups as a tree, each
// parent before its children and siblings in plan order, showing only the
// groups that hold a task at or below them. Tasks of a group the plan does
// not declare (a validation error) come last under the group id as
// heading, so that no task is ever left out.
func sections(r *status.Result, o Options) []section {
	groups := r.Plan.Groups
	index := map[string]int{}
	for i, g := range groups {
		if _, dup := index[g.ID.Value]; !dup {
			index[g.ID.Value] = i
		}
	}
	byGroup := map[string][]*status.Task{}
	var stray []string
	for i := range r.Tasks {
		t := &r.Tasks[i]
		id := t.Task.Group.Value
		if _, ok := index[id]; !ok && len(byGroup[id]) == 0 {
			stray = append(stray, id)
		}
		byGroup[id] = append(byGroup[id], t)
	}
	// shown marks the groups with a task at or below them; the walk up
	// stops at a parent seen before, so a cycle of parents ends.
	shown := map[string]bool{}
	for id := range byGroup {
		for seen := map[string]bool{}; id != "" && !seen[id]; {
			seen[id] = true
			shown[id] = true
			i, ok := index[id]
			if !ok {
				break
			}
			id = groups[i].Parent.Value
		}
	}
	children := map[string][]int{}
	var roots []int
	for i, g := range groups {
		if index[g.ID.Value] != i {
			continue
		}
		if _, ok := index[g.Parent.Value]; ok && g.Parent.Value != g.ID.Value {
			children[g.Parent.Value] = append(children[g.Parent.Value], i)
		} else {
			roots = append(roots, i)
		}
	}
	var out []section
	visited := map[int]bool{}
	var walk func(i, depth int)
	walk = func(i, depth int) {
		if visited[i] {
			return
		}
		visited[i] = true
		g := groups[i]
		if !shown[g.ID.Value] {
			return
		}
		title := g.Title.Value
		if title == "" {
			title = g.ID.Value
		}
		out = append(out, section{title: title, depth: depth, tasks: byGroup[g.ID.Value]})
		for _, c := range children[g.ID.Value] {
			walk(c, depth+1)
		}
	}
	for _, i := range roots {
		walk(i, 0)
	}
	// Groups in a cycle of parents have no root; show them at the top level.
	for i := range groups {
		if index[groups[i].ID.Value] == i {
			walk(i, 0)
		}
	}
	for _, id := range stray {
		title := id
		if id == "" {
			title = o.t("render.no-group")
		}
		out = append(out, section{title: title, tasks: byGroup[id]})
	}
	return out
}

// unitRows is the `--by unit` view sorted by Vietnamese collation of name.
func unitRows(r *status.Result) []status.UnitView {
	rows := r.ByUnit()
	slices.SortStableFunc(rows, func(a, b status.UnitView) int { return byName(a.Unit, b.Unit) })
	return rows
}

// reportRows are the units owing the cycle, sorted by Vietnamese collation
// of name.
func reportRows(r *status.Result) []status.UnitReport {
	rows := slices.Clone(r.Units)
	slices.SortStableFunc(rows, func(a, b status.UnitReport) int { return byName(a.Unit, b.Unit) })
	return rows
}
