package report

import (
	"cmp"
	"slices"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
)

// sortByName sorts xs stably by their units as byName orders them, but
// computes each distinct unit's collation key once: at country scale a
// collation per comparison cost more than the rest of the report.
func sortByName[T any](xs []T, unit func(*T) *model.Unit) { sortByNameIn(nil, xs, unit) }

// nameOrder is nameRanks of every unit of a plan (and of no unit): the
// ranks of any of them compare as the ranks among themselves would, so
// that one collation of the plan's units serves every list of a report.
type nameOrder map[*model.Unit]int

// planNames is the nameOrder of p's units.
func planNames(p *model.Plan) nameOrder {
	if p == nil {
		return nil
	}
	return nameRanks(len(p.Units)+1, func(yield func(*model.Unit)) {
		yield(nil)
		for i := range p.Units {
			yield(&p.Units[i])
		}
	})
}

// ranks returns known when it ranks every unit each gives, else the
// nameRanks of those units.
func (known nameOrder) ranks(n int, each func(yield func(*model.Unit))) map[*model.Unit]int {
	if known != nil {
		all := true
		each(func(u *model.Unit) {
			if _, ok := known[u]; !ok {
				all = false
			}
		})
		if all {
			return known
		}
	}
	return nameRanks(n, each)
}

// sortByNameIn is sortByName with the ranks of known when it has them all.
func sortByNameIn[T any](known nameOrder, xs []T, unit func(*T) *model.Unit) {
	if len(xs) < 2 {
		return
	}
	rank := known.ranks(len(xs), func(yield func(*model.Unit)) {
		for i := range xs {
			yield(unit(&xs[i]))
		}
	})
	// A stable sort moves the elements O(n log n) times each; sorting
	// (rank, position) pairs and placing each element once gives the same
	// order at a fraction of the cost (the obstacles and proposals of a
	// country month are tens of thousands of rows).
	type at struct{ rank, pos int }
	order := make([]at, len(xs))
	sorted := true
	for i := range xs {
		order[i] = at{rank[unit(&xs[i])], i}
		if i > 0 && order[i].rank < order[i-1].rank {
			sorted = false
		}
	}
	if sorted {
		return
	}
	slices.SortFunc(order, func(a, b at) int { return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.pos, b.pos)) })
	out := make([]T, len(xs))
	for k, o := range order {
		out[k] = xs[o.pos]
	}
	copy(xs, out)
}

// nameRanks numbers the distinct units each gives in byName order; units
// that byName finds equal share a number.
func nameRanks(n int, each func(yield func(*model.Unit))) map[*model.Unit]int {
	rank := make(map[*model.Unit]int, n)
	var units []*model.Unit
	each(func(u *model.Unit) {
		if _, ok := rank[u]; !ok {
			rank[u] = 0
			units = append(units, u)
		}
	})
	names := make([]string, len(units))
	for i, u := range units {
		names[i] = UnitName(u)
	}
	keys := i18n.CollationKeys(names)
	type keyed struct {
		key, id string
		u       *model.Unit
	}
	ks := make([]keyed, len(units))
	for i, u := range units {
		ks[i] = keyed{key: keys[i], u: u}
		if u != nil {
			ks[i].id = u.ID.Value
		}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.id, b.id)) })
	for i, k := range ks {
		rank[k.u] = i
		if i > 0 && k.key == ks[i-1].key && k.id == ks[i-1].id {
			rank[k.u] = rank[ks[i-1].u]
		}
	}
	return rank
}
