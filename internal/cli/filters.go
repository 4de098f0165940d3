package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

// The filters of status (SPEC §4 and §12) take what a user types: ids or
// names, in either language, accents and case aside.

// foldID folds an id so that hyphens count as spaces (i18n.FoldID).
func foldID(s string) string { return i18n.FoldID(s) }

// matchesQuery reports whether the folded query fq is part of an id or of
// one of the names (folded): i18n.MatchesQuery, which import tasks shares.
func matchesQuery(fq, id string, names ...string) bool { return i18n.MatchesQuery(fq, id, names...) }

// unitChoice is what --unit resolved to: one unit, or a set and its
// members.
type unitChoice struct {
	unit *model.Unit
	set  *model.Set
	// ids are the unit ids the filter keeps: the unit, or the set's members.
	ids []string
}

// findUnitOrSet resolves --unit of status: an exact unit or set id, else
// every unit and set whose id (hyphens as spaces), name or short name
// contains the text, case and accents aside. A set stands for its members
// (units of its level included, as everywhere a set is named). More than
// one match is an error listing them.
func findUnitOrSet(p *model.Plan, ix *model.Index, q string) (unitChoice, error) {
	choose := func(u *model.Unit, s *model.Set) unitChoice {
		if u != nil {
			return unitChoice{unit: u, ids: []string{u.ID.Value}}
		}
		c := unitChoice{set: s, ids: []string{}}
		for _, m := range ix.Expand([]model.Text{{Value: s.ID.Value}}) {
			c.ids = append(c.ids, m.ID.Value)
		}
		return c
	}
	if u := ix.Unit(q); u != nil {
		return choose(u, nil), nil
	}
	if s := ix.Set(q); s != nil {
		return choose(nil, s), nil
	}
	fq := i18n.Fold(q)
	type hit struct {
		u    *model.Unit
		s    *model.Set
		id   string
		name string
	}
	var hits []hit
	for i := range p.Units {
		u := &p.Units[i]
		if matchesQuery(fq, u.ID.Value, u.Name.Value, u.Short.Value) {
			hits = append(hits, hit{u: u, id: u.ID.Value, name: u.Name.Value})
		}
	}
	for i := range p.Sets {
		s := &p.Sets[i]
		if matchesQuery(fq, s.ID.Value, s.Name.Value) {
			hits = append(hits, hit{s: s, id: s.ID.Value, name: s.Name.Value})
		}
	}
	switch len(hits) {
	case 0:
		return unitChoice{}, usageErr("units and sets are listed in units.yaml; try part of the name, e.g. --unit \"luc nam\"", "no unit or set matches %q", q)
	case 1:
		return choose(hits[0].u, hits[0].s), nil
	}
	slices.SortFunc(hits, func(a, b hit) int { return i18n.Compare(a.name, b.name) })
	var list []string
	sets := 0
	for _, h := range hits {
		if h.s != nil {
			sets++
		}
		list = append(list, fmt.Sprintf("%s (%s)", h.id, h.name))
	}
	if sets > 0 {
		return unitChoice{}, usageErr("be more precise, or pass the id", "%q matches %d units and sets: %s", q, len(hits), strings.Join(list, ", "))
	}
	return unitChoice{}, usageErr("be more precise, or pass the id", "%q matches %d units: %s", q, len(hits), strings.Join(list, ", "))
}

// parseState reads one --state value: a status id (overdue, due-soon), the
// id with spaces (due soon), or its name in either language (Quá hạn, qua
// han, Overdue), case and accents aside.
func parseState(s string) (status.Status, bool) {
	f := foldID(s)
	if f == "" {
		return "", false
	}
	for _, st := range status.Statuses {
		key := "status." + string(st)
		if f == foldID(string(st)) || f == i18n.Fold(i18n.T(i18n.VI, key)) || f == i18n.Fold(i18n.T(i18n.EN, key)) {
			return st, true
		}
	}
	return "", false
}

// parseFailOn reads one --fail-on value: a status or a report state, by
// id or by name in either language ("Chưa báo cáo", "chua bao cao",
// "missing"), and returns its id.
func parseFailOn(s string) (string, bool) {
	if st, ok := parseState(s); ok {
		return string(st), true
	}
	f := foldID(s)
	for _, st := range status.ReportStates {
		key := "report." + string(st)
		if f != "" && (f == foldID(string(st)) || f == i18n.Fold(i18n.T(i18n.VI, key)) || f == i18n.Fold(i18n.T(i18n.EN, key))) {
			return string(st), true
		}
	}
	for _, x := range status.Outcomes {
		key := "outcome." + string(x)
		if f != "" && (f == foldID(string(x)) || f == foldID(i18n.T(i18n.VI, key)) || f == foldID(i18n.T(i18n.EN, key))) {
			return string(x), true
		}
	}
	return "", false
}

// findGroup resolves --group: an exact id, else the one group whose id
// (hyphens as spaces) or title contains the text, case and accents aside
// ("dot pha" finds dot-pha; a text that fits a group and its subgroups
// takes the one whose id or title it fits exactly, else it is ambiguous).
// When nothing matches, or several do, the error lists the groups.
func findGroup(p *model.Plan, ix *model.Index, q string) (string, error) {
	if ix.Group(q) != nil {
		return q, nil
	}
	fq := i18n.Fold(q)
	var hits []*model.Group
	for i := range p.Groups {
		g := &p.Groups[i]
		if foldID(g.ID.Value) == foldID(fq) || i18n.Fold(g.Title.Value) == fq {
			return g.ID.Value, nil
		}
		if matchesQuery(fq, g.ID.Value, g.Title.Value) {
			hits = append(hits, g)
		}
	}
	if len(hits) == 1 {
		return hits[0].ID.Value, nil
	}
	var list []string
	for _, g := range p.Groups {
		list = append(list, fmt.Sprintf("  %s  %s", g.ID.Value, g.Title.Value))
	}
	groups := strings.Join(list, "\n")
	if len(hits) == 0 {
		return "", withHintArgs(usageErr("groups (plan.yaml):\n%s", "no group matches %q", q), groups)
	}
	return "", withHintArgs(usageErr("groups (plan.yaml):\n%s", "%q matches %d groups; pass the id", q, len(hits)), groups)
}
